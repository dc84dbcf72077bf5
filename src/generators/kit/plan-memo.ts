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

export interface PlanMemoOptions {
  /**
   * Mark what the memo hands out, so `isMemoized` knows it (default true). A memo that lives for
   * one build only (a one-shot run's) leaves it off: nothing after the build tells its values by
   * identity, and marking walks every object of every plan (about 1% of a cold run).
   */
  markValues?: boolean;
}

/** An empty memo. */
export function createPlanMemo(options: PlanMemoOptions = {}): OwnedPlanMemo {
  const markValues = options.markValues ?? true;
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
      if (markValues) remember(value);
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

/**
 * Closure keys in proportion to the file asking: `closureKeys(index, extra)(ids)` names what
 * `closureKey(index, ids, extra)` names (every declaration `ids` reach, with its version and
 * `extra`) by a signature per id instead of the whole closure. A declaration's signature is a
 * number for its strongly connected component of refs (the declarations that reach each other:
 * each member's id, version and extra) and the signatures of the components it reaches; numbers
 * are given to exact texts (as versions are), so equal signatures name equal closures. All of a
 * model's signatures cost one walk of it, where the keys of files whose closures overlap (a chain
 * of files, each using the one before) walked each closure again: O(files × closure).
 */
export function closureKeys(index: DeclarationIndex, extra: (id: string) => string = () => ''): (ids: Iterable<string>) => string {
  let signatures: Map<string, number> | undefined;
  return (ids) => {
    signatures ??= closureSignatures(index, extra);
    const parts: string[] = [];
    for (const id of ids) {
      const signature = signatures.get(id);
      // An id the model does not hold: as closure() does, fail rather than key it.
      if (signature === undefined) index.get(id);
      parts.push(`${id}\u0001${signature}`);
    }
    return parts.join('\u0002');
  };
}

/** Numbers given to signature texts; like `texts`, let go past a size (a new number only costs a planning). */
let signatureTexts = new Map<string, number>();
let nextSignature = 0;

function signatureNumber(text: string): number {
  let number = signatureTexts.get(text);
  if (number === undefined) {
    if (signatureTexts.size >= MAX_TEXTS) signatureTexts = new Map();
    number = nextSignature++;
    signatureTexts.set(text, number);
  }
  return number;
}

/** Each declaration's signature (see `closureKeys`), components in the order Tarjan's walk closes them: what they reach first. */
function closureSignatures(index: DeclarationIndex, extra: (id: string) => string): Map<string, number> {
  const signatures = new Map<string, number>();
  for (const component of componentsOf(index)) {
    const members = component.members.map((declaration) => `${declaration.id}\u0001${declarationVersion(declaration)}\u0001${extra(declaration.id)}`);
    const reached = new Set<number>();
    for (const declaration of component.members) {
      for (const ref of index.refsOf(declaration.id)) {
        const signature = signatures.get(ref);
        if (signature !== undefined) reached.add(signature);
      }
    }
    const signature = signatureNumber(`${members.join('\u0002')}\u0003${[...reached].sort((a, b) => a - b).join(',')}`);
    for (const declaration of component.members) signatures.set(declaration.id, signature);
  }
  return signatures;
}

interface Component {
  /** In model order. */
  members: Declaration[];
}

/** Components per index (one model): they depend on its refs only. */
const components = new WeakMap<DeclarationIndex, Component[]>();

/**
 * The strongly connected components of the refs graph, each after every component it reaches
 * (Tarjan's algorithm, iterative: a chain of thousands of declarations must not overflow the stack).
 */
function componentsOf(index: DeclarationIndex): Component[] {
  const known = components.get(index);
  if (known) return known;
  const order = new Map(index.all.map((declaration, position) => [declaration.id, position]));
  const number = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const found: Component[] = [];
  let counter = 0;
  for (const root of index.all) {
    if (number.has(root.id)) continue;
    const frames: { id: string; refs: readonly string[]; next: number }[] = [];
    const enter = (id: string) => {
      number.set(id, counter);
      low.set(id, counter);
      counter += 1;
      stack.push(id);
      onStack.add(id);
      frames.push({ id, refs: index.refsOf(id), next: 0 });
    };
    enter(root.id);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1]!;
      if (frame.next < frame.refs.length) {
        const ref = frame.refs[frame.next++]!;
        // A ref the model does not hold fails here, as closure() fails on it.
        if (!number.has(ref)) enter(index.get(ref).id);
        else if (onStack.has(ref)) low.set(frame.id, Math.min(low.get(frame.id)!, number.get(ref)!));
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(frame.id)!));
      if (low.get(frame.id) !== number.get(frame.id)) continue;
      const members: Declaration[] = [];
      for (;;) {
        const id = stack.pop()!;
        onStack.delete(id);
        members.push(index.get(id));
        if (id === frame.id) break;
      }
      members.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
      found.push({ members });
    }
  }
  components.set(index, found);
  return found;
}

/** Per index: which declarations reach no cycle of two or more declarations (see `freeOfMutualRecursion`). */
const mutualFree = new WeakMap<DeclarationIndex, Set<string>>();

/**
 * Whether nothing a declaration reaches through refs (itself included) takes part in a cycle of
 * two or more declarations; one that refers to itself is fine. Work that answers for a
 * declaration while the answers of the declarations it is asked from are still open (the mock's
 * throwing verdicts) gives such a declaration the same answer whichever is asked first.
 */
export function freeOfMutualRecursion(index: DeclarationIndex): (id: string) => boolean {
  let free = mutualFree.get(index);
  if (!free) {
    free = new Set();
    // Components come after every component they reach: the refs of each are decided before it.
    for (const { members } of componentsOf(index)) {
      const only = members.length === 1 ? members[0]! : undefined;
      if (only && index.refsOf(only.id).every((ref) => ref === only.id || free!.has(ref))) free.add(only.id);
    }
    mutualFree.set(index, free);
  }
  const known = free;
  return (id) => known.has(id);
}

/** The paths of a plan context, as a key part. */
export function planPathsKey(paths: PlanPaths): string {
  return [paths.configSource, paths.inputRoot, paths.outputDir, paths.outputToRoot, paths.importExtension, specifiersKey(paths.packageSpecifiers)].join('\u0001');
}

/** Package specifiers as text, once per build's map (every file's key names it). */
const specifiersKeys = new WeakMap<Readonly<Record<string, string>>, string>();
function specifiersKey(specifiers: Readonly<Record<string, string>> | undefined): string {
  if (!specifiers) return '';
  let key = specifiersKeys.get(specifiers);
  if (key === undefined) specifiersKeys.set(specifiers, (key = JSON.stringify(specifiers)));
  return key;
}
