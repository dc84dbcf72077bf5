/**
 * What a long-lived workspace remembers between builds so that an output whose template data
 * did not change is neither rendered nor formatted again: per output path, the data it was
 * rendered from and the text that came out, and per formatted path, the rendered text and source
 * before and the formatted text (header included) after.
 * A one-shot run has nothing to reuse and does not use these.
 */
import type { PlannedFile } from '../generators/kit/contract.js';
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
}

/** A memo for one project's outputs. */
export function createBuildMemo(): BuildMemo {
  const renders = new Map<string, { key: string; text: string }>();
  const formats = new Map<string, { input: string; source: string; output: string }>();
  const stats: ReuseStats = { rendered: 0, reusedRenders: 0, formatted: 0, reusedFormats: 0 };
  // Entries touched by the current build: an output no longer planned must not keep its text alive.
  let touched = new Set<string>();
  return {
    stats,
    renderer: (renderer) => ({
      render(generator: string, file: PlannedFile) {
        const key = dataKey(generator, file);
        touched.add(file.path);
        const last = renders.get(file.path);
        if (last && key !== undefined && last.key === key) {
          stats.reusedRenders += 1;
          return last.text;
        }
        const text = renderer.render(generator, file);
        stats.rendered += 1;
        if (key !== undefined) renders.set(file.path, { key, text });
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
    startBuild() {
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
