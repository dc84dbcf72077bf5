/**
 * What a long-lived workspace remembers between builds so that an output whose template data
 * did not change is neither rendered nor formatted again: per output path, the data it was
 * rendered from and the text that came out, and per formatted path, the rendered text and source
 * before and the formatted text (header included) after.
 * A one-shot run has nothing to reuse and does not use these.
 */
import type { PlannedFile } from '../generators/kit/contract.js';
import { createPlanMemo, isMemoized, type OwnedPlanMemo, type PlanMemo } from '../generators/kit/plan-memo.js';
import type { Renderer } from '../render/index.js';
import type { OutputFile } from './build-project.js';

/** How many outputs a build rendered (or formatted) afresh, and how many it took from the memo. */
export interface ReuseStats {
  rendered: number;
  reusedRenders: number;
  formatted: number;
  reusedFormats: number;
}

export interface BuildMemo {
  readonly stats: ReuseStats;
  /** Wraps a renderer: the same generator, template and data at a path give the last text. */
  renderer(renderer: Renderer): Renderer;
  /**
   * Wraps a format function: the same rendered text and source at a path give the last formatted
   * text (a reused render is the very same string, so telling it costs nothing).
   */
  format(format: (file: OutputFile) => Promise<string>): (file: OutputFile) => Promise<string>;
  /** Starts a build: zeroes the counts, and forgets what the previous build did not produce. */
  startBuild(): void;
  /** Forgets every rendered text (templates changed). */
  forgetRenders(): void;
  /** The plan memo of a generator (see plan-memo.ts), kept between builds. */
  planMemo(generator: string): PlanMemo;
}

/** A memo for one project's outputs. */
export function createBuildMemo(): BuildMemo {
  /** `key` is computed only when a render cannot be told apart more cheaply (see `primitivesDiffer`). */
  const renders = new Map<string, { key: string | undefined; text: string; generator: string; template: string; source: string; data: unknown; primitives: Map<string, unknown> | undefined }>();
  const formats = new Map<string, { input: string; source: string; output: string }>();
  const stats: ReuseStats = { rendered: 0, reusedRenders: 0, formatted: 0, reusedFormats: 0 };
  // Entries touched by the current build: an output no longer planned must not keep its text alive.
  let touched = new Set<string>();
  const plans = new Map<string, OwnedPlanMemo>();
  return {
    stats,
    renderer: (renderer) => ({
      ...(renderer.builtInLayout ? { builtInLayout: (generator: string, template: string) => renderer.builtInLayout!(generator, template) } : {}),
      render(generator: string, file: PlannedFile) {
        touched.add(file.path);
        const last = renders.get(file.path);
        // Data made of the very parts a plan memo gave last time is that data: no key to compute.
        if (last && last.generator === generator && last.template === file.template && last.source === file.source && sameMemoizedParts(last.data, file.data)) {
          stats.reusedRenders += 1;
          last.data = file.data;
          return last.text;
        }
        const primitives = primitivesOf(file.data);
        // A top-level string or number that differs is different data: rendering it costs less than
        // its key would (a whole document's JSON is such a string). Its key waits for a build that needs it.
        const differs = last !== undefined && last.primitives !== undefined && primitives !== undefined && primitivesDiffer(last.primitives, primitives);
        const key = differs ? undefined : dataKey(generator, file);
        if (last && key !== undefined && last.key === key) {
          stats.reusedRenders += 1;
          last.data = file.data;
          return last.text;
        }
        const text = renderer.render(generator, file);
        stats.rendered += 1;
        if (key !== undefined || differs) renders.set(file.path, { key, text, generator, template: file.template, source: file.source, data: file.data, primitives });
        return text;
      },
    }),
    format: (format) => async (file) => {
      touched.add(file.path);
      const last = formats.get(file.path);
      if (last && last.input === file.content && last.source === file.source) {
        stats.reusedFormats += 1;
        return last.output;
      }
      const output = await format(file);
      stats.formatted += 1;
      formats.set(file.path, { input: file.content, source: file.source, output });
      return output;
    },
    planMemo(generator) {
      let memo = plans.get(generator);
      if (!memo) plans.set(generator, (memo = createPlanMemo()));
      return memo;
    },
    startBuild() {
      for (const memo of plans.values()) memo.startBuild();
      for (const path of renders.keys()) if (!touched.has(path)) renders.delete(path);
      for (const path of formats.keys()) if (!touched.has(path)) formats.delete(path);
      touched = new Set();
      Object.assign(stats, { rendered: 0, reusedRenders: 0, formatted: 0, reusedFormats: 0 });
    },
    forgetRenders() {
      renders.clear();
    },
  };
}

/** The top-level entries of plain template data that hold strings, numbers, booleans or null; undefined for other data. */
function primitivesOf(data: unknown): Map<string, unknown> | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const found = new Map<string, unknown>();
  for (const [key, value] of Object.entries(data)) {
    if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') found.set(key, value);
  }
  return found;
}

/** Whether a top-level primitive of the new data is not the last data's (new, or another value). */
function primitivesDiffer(last: ReadonlyMap<string, unknown>, next: ReadonlyMap<string, unknown>): boolean {
  for (const [key, value] of next) if (!last.has(key) || !Object.is(last.get(key), value)) return true;
  return false;
}

/**
 * Whether two template data objects have the same keys holding the same values, each object
 * among them one a plan memo handed out (so unchanged since: see plan-memo.ts).
 */
function sameMemoizedParts(last: unknown, next: unknown): boolean {
  if (typeof last !== 'object' || last === null || typeof next !== 'object' || next === null) return false;
  const keys = Object.keys(next);
  if (keys.length !== Object.keys(last).length) return false;
  let memoized = false;
  for (const key of keys) {
    const value = (next as Record<string, unknown>)[key];
    if (value !== (last as Record<string, unknown>)[key] || !Object.hasOwn(last, key)) return false;
    if (typeof value === 'object' && value !== null) {
      if (!isMemoized(value)) return false;
      memoized = true;
    } else if (typeof value === 'function') return false;
  }
  return memoized;
}

/**
 * The identity of what a template sees. Template data is plain JSON by contract; data that
 * JSON cannot say exactly (a function, a Map, a cycle) is never reused: `undefined`.
 */
const UNDEFINED = '\u0000undefined';

function dataKey(generator: string, file: PlannedFile): string | undefined {
  const prefix = `${generator}\u0000${file.template}\u0000${file.source}\u0000`;
  try {
    // Most data is plain JSON without `undefined`: V8's own JSON.stringify (no replacer) is several times faster.
    const kind = shapeOf(file.data);
    if (kind === 'json') return prefix + JSON.stringify(file.data);
    if (kind === 'inexact') return undefined;
    const json = JSON.stringify(file.data, (_key, value: unknown) => (value === undefined ? UNDEFINED : value));
    return prefix + json;
  } catch {
    return undefined;
  }
}

/**
 * `json` when JSON says the value exactly, `undefined-values` when it also holds `undefined`
 * (kept apart from a missing key: a strict template treats the two differently), `inexact` when
 * it holds what JSON cannot say (a function, a Map, a class instance, a bigint, a symbol).
 */
function shapeOf(value: unknown): 'json' | 'undefined-values' | 'inexact' {
  let result: 'json' | 'undefined-values' = 'json';
  const visit = (item: unknown): boolean => {
    if (item === undefined) {
      result = 'undefined-values';
      return true;
    }
    if (item === null) return true;
    const type = typeof item;
    if (type === 'string' || type === 'number' || type === 'boolean') return true;
    if (type !== 'object') return false;
    if (Array.isArray(item)) {
      for (const element of item) if (!visit(element)) return false;
      return true;
    }
    const prototype = Object.getPrototypeOf(item);
    if (prototype !== Object.prototype && prototype !== null) return false;
    // An own toJSON would change what JSON.stringify writes.
    if ('toJSON' in (item as object)) return false;
    for (const key in item as Record<string, unknown>) if (!visit((item as Record<string, unknown>)[key])) return false;
    return true;
  };
  return visit(value) ? result : 'inexact';
}
