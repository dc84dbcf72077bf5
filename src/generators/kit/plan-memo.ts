/**
 * Planning in proportion to a change: a generator may keep the plan of an output file (its view
 * model) under a key naming everything that plan read, and take it back while the key holds.
 * The memo belongs to whoever runs the generators (a watch workspace keeps one per project and
 * generator between builds; a one-shot run one per build, so that `check` and `plan` share
 * work); a generator without one computes as always. Memoized values are handed out again as
 * they are: what takes them must never change them.
 */
import { declarationText } from '../../model/declaration-text.js';
import type { Declaration } from '../../model/types.js';
import type { PlanPaths } from './contract.js';
import type { DeclarationIndex } from './declaration-index.js';

export interface PlanMemo {
  /** The value last computed under `key`, or `compute()` (remembered under `key`). */
  reuse<T>(key: string, compute: () => T): T;
}

/** A memo with builds: what a build did not ask for is forgotten when the next one starts. */
export interface OwnedPlanMemo extends PlanMemo {
  /** Starts a build: forgets the entries the previous build did not use. */
  startBuild(): void;
  /** How many values the current build computed, and how many it took from the memo. */
  readonly stats: { computed: number; reused: number };
}

/**
 * Every object a memo holds, and every object inside it: a value given twice from a memo is
 * the same, unchanged object (see the header), so whoever keeps work derived from it (the render
 * memo) may tell it by identity rather than by content.
 */
const handedOut = new WeakSet<object>();

/** Whether `value` is an object a plan memo holds (or one inside such an object). */
export function isMemoized(value: unknown): boolean {
  return typeof value === 'object' && value !== null && handedOut.has(value);
}

/** Marks `value` and every object it holds (only values just computed: the cost follows the change). */
function remember(value: unknown): void {
  if (typeof value !== 'object' || value === null || handedOut.has(value)) return;
  handedOut.add(value);
  for (const part of Object.values(value)) remember(part);
}

/** An empty memo. */
export function createPlanMemo(): OwnedPlanMemo {
  let entries = new Map<string, unknown>();
  let used = new Map<string, unknown>();
  const stats = { computed: 0, reused: 0 };
  return {
    stats,
    reuse<T>(key: string, compute: () => T): T {
      if (used.has(key)) {
        stats.reused += 1;
        return used.get(key) as T;
      }
      if (entries.has(key)) {
        stats.reused += 1;
        const value = entries.get(key) as T;
        used.set(key, value);
        return value;
      }
      const value = compute();
      remember(value);
      stats.computed += 1;
      used.set(key, value);
      return value;
    },
    startBuild() {
      // Only the last build's entries survive: an output that changed leaves no stale plan behind.
      entries = used.size > 0 ? used : entries;
      used = new Map();
      stats.computed = 0;
      stats.reused = 0;
    },
  };
}

/**
 * Each declaration's version: a number naming its model JSON. Declarations are plain JSON and
 * never changed once analysed, so the version of an object is computed once (whichever
 * generator asks first), and a declaration with the same content has the same version in every
 * build. Numbers come from one counter and are never given to other content: when the table of
 * texts is let go (it only grows while watching), the same text gets a new number, which only
 * costs one more planning.
 */
const versions = new WeakMap<Declaration, number>();
let texts = new Map<string, number>();
let nextVersion = 0;
const MAX_TEXTS = 200_000;

/** The version of a declaration's content (see `versions`). */
export function declarationVersion(declaration: Declaration): number {
  let version = versions.get(declaration);
  if (version === undefined) {
    // The analyzer's own record of the text when it has one: a warm rebuild takes most declarations from its read cache.
    const text = declarationText(declaration);
    version = texts.get(text);
    if (version === undefined) {
      if (texts.size >= MAX_TEXTS) texts = new Map();
      version = nextVersion++;
      texts.set(text, version);
    }
    versions.set(declaration, version);
  }
  return version;
}

/**
 * The part of a plan key that names declarations: every declaration `ids` reach through refs
 * (what compiling them may look at), each with its version and `extra(id)` (for instance the
 * output file holding its functions).
 */
export function closureKey(index: DeclarationIndex, ids: Iterable<string>, extra: (id: string) => string = () => ''): string {
  const parts: string[] = [];
  for (const declaration of index.closure(ids)) parts.push(`${declaration.id}\u0001${declarationVersion(declaration)}\u0001${extra(declaration.id)}`);
  return parts.join('\u0002');
}

/** The paths of a plan context, as a key part. */
export function planPathsKey(paths: PlanPaths): string {
  return [paths.configSource, paths.inputRoot, paths.outputDir, paths.outputToRoot, paths.importExtension].join('\u0001');
}
