/**
 * Strings accepted by several automata at once (`regex-automaton.ts`) with a length in a window:
 * the mock's way to a value when sampling one expression and filtering by the others finds none
 * (`@format uri @pattern ^urn:`, whose format's sampler only writes `https://…`).
 *
 * The product of the automata is explored breadth-first, each automaton as the set of states it
 * may be in (so the product is deterministic) and the length read so far, up to a budget of
 * states. When no accepting state is reachable the intersection is empty, a proof since each
 * automaton accepts at least what its expression does; when the budget runs out nothing is known.
 * Otherwise seeded random walks through the live part of the product draw candidates, which the
 * caller confirms with the real checks (the automata may accept more than the expressions).
 */
import type { CodePointRange } from '../../kit/regex-parse.js';
import type { SeededRandom } from '../../kit/seeded-random.js';
import type { Automaton, CharSet } from './regex-automaton.js';

/** Product states explored before the search gives up (a verdict of `unknown`). */
export const SEARCH_STATE_BUDGET = 20_000;

/** A walk longer than the window's low end plus this heads for the nearest accepting state. */
const WANDER = 40;

export type SearchResult =
  | { kind: 'empty' }
  | { kind: 'unknown'; reason: string }
  | { kind: 'found'; draw: (random: SeededRandom) => string };

interface Move {
  on: CharSet;
  to: number;
}

interface ProductState {
  moves: Move[];
  accepting: boolean;
}

/** Searches the strings every automaton accepts whose length (in code points) is in [low, high]. */
export function searchStrings(automata: readonly Automaton[], low: number, high: number): SearchResult {
  // The length read so far, exact up to `low` (all longer lengths alike); `high` bounds the walks,
  // since the fewest moves to an accepting state are the shortest accepted length.
  const cap = Math.max(low, 1);
  const closures = automata.map((automaton) => new Closure(automaton));
  const states: ProductState[] = [];
  const ids = new Map<string, number>();
  const pending: Array<{ sets: number[][]; length: number }> = [];
  const intern = (sets: number[][], length: number): number => {
    const key = `${length}|${sets.map((set) => set.join(',')).join('|')}`;
    let id = ids.get(key);
    if (id === undefined) {
      id = states.length;
      ids.set(key, id);
      states.push({ moves: [], accepting: false });
      pending.push({ sets, length });
    }
    return id;
  };
  const first = intern(closures.map((closure) => closure.of([closure.automaton.start * 2], true)), 0);
  for (let id = 0; id < pending.length; id++) {
    if (states.length > SEARCH_STATE_BUDGET) return { kind: 'unknown', reason: `the search passed ${SEARCH_STATE_BUDGET.toLocaleString('en')} states` };
    const { sets, length } = pending[id]!;
    const state = states[id]!;
    state.accepting = length >= low && closures.every((closure, i) => closure.accepts(sets[i]!));
    for (const { on, targets } of splitMoves(closures, sets)) {
      const next = targets.map((target, i) => closures[i]!.of(target, false));
      if (next.some((set) => set.length === 0)) continue;
      state.moves.push({ on, to: intern(next, Math.min(length + 1, cap)) });
    }
  }
  const distance = distancesToAccept(states);
  if (distance[first] === Infinity || distance[first]! > high) return { kind: 'empty' };
  return { kind: 'found', draw: (random) => walk(states, distance, first, low, high, random) };
}

/** The ε-closure of sets of automaton states, each state doubled with a bit for "`$` passed: nothing more may be read". */
class Closure {
  private readonly cache = new Map<string, number[]>();

  constructor(readonly automaton: Automaton) {}

  /** The states reachable from `seeds` without reading; `^` holds only `atStart`. */
  of(seeds: readonly number[], atStart: boolean): number[] {
    const key = `${atStart ? 1 : 0}|${seeds.join(',')}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const seen = new Set<number>(seeds);
    const stack = [...seeds];
    while (stack.length > 0) {
      const item = stack.pop()!;
      const state = item >> 1;
      const ended = item & 1;
      for (const edge of this.automaton.edges[state]!) {
        if (edge.on || (edge.assert === '^' && !atStart)) continue;
        const next = edge.to * 2 + (edge.assert === '$' ? 1 : ended);
        if (!seen.has(next)) {
          seen.add(next);
          stack.push(next);
        }
      }
    }
    // Only states that can still read, or end the match, matter.
    const result = [...seen].filter((item) => item >> 1 === this.automaton.final || (!(item & 1) && this.automaton.edges[item >> 1]!.some((edge) => edge.on))).sort((a, b) => a - b);
    this.cache.set(key, result);
    return result;
  }

  accepts(set: readonly number[]): boolean {
    return set.some((item) => item >> 1 === this.automaton.final);
  }

  /** The reading edges out of a closed set: each character range and the state it leads to. */
  reads(set: readonly number[]): Array<{ on: CharSet; to: number }> {
    return set.filter((item) => !(item & 1)).flatMap((item) => this.automaton.edges[item >> 1]!.filter((edge) => edge.on).map((edge) => ({ on: edge.on!, to: edge.to * 2 })));
  }
}

/**
 * The product's moves out of `sets`: the code points split into pieces on which every automaton
 * moves alike, pieces with the same targets merged back into one character set.
 */
function splitMoves(closures: readonly Closure[], sets: readonly number[][]): Array<{ on: CharSet; targets: number[][] }> {
  const reads = closures.map((closure, i) => closure.reads(sets[i]!));
  if (reads.some((list) => list.length === 0)) return [];
  const bounds = new Set<number>();
  for (const list of reads) for (const { on } of list) for (const [low, high] of on) bounds.add(low).add(high + 1);
  const points = [...bounds].sort((a, b) => a - b);
  const byTargets = new Map<string, { on: CodePointRange[]; targets: number[][] }>();
  for (let p = 0; p + 1 < points.length; p++) {
    const low = points[p]!;
    const high = points[p + 1]! - 1;
    const targets = reads.map((list) => [...new Set(list.filter(({ on }) => includes(on, low)).map(({ to }) => to))].sort((a, b) => a - b));
    if (targets.some((list) => list.length === 0)) continue;
    const key = targets.map((list) => list.join(',')).join('|');
    const entry = byTargets.get(key);
    if (entry) entry.on.push([low, high]);
    else byTargets.set(key, { on: [[low, high]], targets });
  }
  return [...byTargets.values()];
}

function includes(set: CharSet, code: number): boolean {
  let lo = 0;
  let hi = set.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [low, high] = set[mid]!;
    if (code < low) hi = mid - 1;
    else if (code > high) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Fewest moves from each state to an accepting one (Infinity: none). */
function distancesToAccept(states: readonly ProductState[]): number[] {
  const incoming: number[][] = states.map(() => []);
  states.forEach((state, from) => state.moves.forEach(({ to }) => incoming[to]!.push(from)));
  const distance = states.map((state) => (state.accepting ? 0 : Infinity));
  const queue = states.flatMap((state, id) => (state.accepting ? [id] : []));
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i]!;
    for (const from of incoming[id]!) {
      if (distance[from] === Infinity) {
        distance[from] = distance[id]! + 1;
        queue.push(from);
      }
    }
  }
  return distance;
}

/** A random walk from `first` to an accepting state, only through states that lead to one within `high` characters. */
function walk(states: readonly ProductState[], distance: readonly number[], first: number, low: number, high: number, random: SeededRandom): string {
  const codes: number[] = [];
  let id = first;
  for (;;) {
    const state = states[id]!;
    const live = state.moves.filter(({ to }) => distance[to] !== Infinity && codes.length + 1 + distance[to]! <= high);
    const wandering = codes.length <= low + WANDER;
    if (state.accepting && (live.length === 0 || !wandering || random.next() < 1 / (live.length + 1))) break;
    // Past the wandering length, every move brings an accepting state nearer (one always does).
    const choices = wandering ? live : live.filter(({ to }) => distance[to]! < distance[id]!);
    const move = pickMove(choices, random);
    codes.push(pickCode(move.on, random));
    id = move.to;
  }
  return String.fromCodePoint(...codes);
}

/** A move, those that can read a letter or digit four times as likely as the rest, so mocks stay readable. */
function pickMove(moves: readonly Move[], random: SeededRandom): Move {
  const weights = moves.map(({ on }) => (intersect(on, PLAIN).length > 0 ? 4 : 1));
  let index = random.next() * weights.reduce((sum, weight) => sum + weight, 0);
  for (let i = 0; i < moves.length; i++) {
    index -= weights[i]!;
    if (index < 0) return moves[i]!;
  }
  return moves[moves.length - 1]!;
}

/** A character of `set`: a letter or digit when it has one, else printable ASCII, else any but a surrogate. */
function pickCode(set: CharSet, random: SeededRandom): number {
  for (const preferred of [PLAIN, PRINTABLE, NOT_SURROGATE]) {
    const within = intersect(set, preferred);
    if (within.length > 0) {
      const total = within.reduce((sum, [low, high]) => sum + high - low + 1, 0);
      let index = random.int(0, total - 1);
      for (const [low, high] of within) {
        if (index <= high - low) return low + index;
        index -= high - low + 1;
      }
    }
  }
  return set[0]![0];
}

const PLAIN: CharSet = [[48, 57], [65, 90], [97, 122]];
const PRINTABLE: CharSet = [[32, 126]];
const NOT_SURROGATE: CharSet = [[0, 0xd7ff], [0xe000, 0x10ffff]];

function intersect(a: CharSet, b: CharSet): CodePointRange[] {
  const result: CodePointRange[] = [];
  for (const [lowA, highA] of a) {
    for (const [lowB, highB] of b) {
      const low = Math.max(lowA, lowB);
      const high = Math.min(highA, highB);
      if (low <= high) result.push([low, high]);
    }
  }
  return result;
}
