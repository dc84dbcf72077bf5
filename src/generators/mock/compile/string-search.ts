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
  // Each product state is one closed set of each automaton, named by the set's number in its Closure.
  const pending: Array<{ sets: number[]; length: number }> = [];
  const intern = (sets: number[], length: number): number => {
    const key = `${length}|${sets.join('|')}`;
    let id = ids.get(key);
    if (id === undefined) {
      id = states.length;
      ids.set(key, id);
      states.push({ moves: [], accepting: false });
      pending.push({ sets, length });
    }
    return id;
  };
  const first = intern(closures.map((closure) => closure.start()), 0);
  for (let id = 0; id < pending.length; id++) {
    if (states.length > SEARCH_STATE_BUDGET) return { kind: 'unknown', reason: `the search passed ${SEARCH_STATE_BUDGET.toLocaleString('en')} states` };
    const { sets, length } = pending[id]!;
    const state = states[id]!;
    state.accepting = length >= low && closures.every((closure, i) => closure.accepts(sets[i]!));
    for (const { on, reads } of splitMoves(closures, sets)) {
      const next = reads.map((read, i) => closures[i]!.after(read));
      if (next.some((set) => set === EMPTY)) continue;
      state.moves.push({ on, to: intern(next, Math.min(length + 1, cap)) });
    }
  }
  const distance = distancesToAccept(states);
  if (distance[first] === Infinity || distance[first]! > high) return { kind: 'empty' };
  return { kind: 'found', draw: (random) => walk(states, distance, first, low, high, random) };
}

/** The number `Closure` gives the empty set: no state left to read from. */
const EMPTY = 0;

/** An automaton's moves out of one closed set: between `bounds[j]` and `bounds[j + 1]`, to the states `reads[j]` names (-1: none). */
interface Pieces {
  bounds: number[];
  reads: number[];
}

/**
 * The ε-closure of sets of automaton states, each state doubled with a bit for "`$` passed:
 * nothing more may be read". Sets are numbered as they are met (the closed sets, and the sets a
 * character leads to before closing), so the product names a state by a few numbers and each
 * set's moves are worked out once, however many product states hold it.
 */
class Closure {
  /** Closed sets by number; 0 is the empty set. */
  private readonly sets: number[][] = [[]];
  private readonly setIds = new Map<string, number>([['', EMPTY]]);
  private readonly pieces: Array<Pieces | undefined> = [];
  private readonly accepting: Array<boolean | undefined> = [];
  /** Sets a character leads to, before closing, and the closed set of each. */
  private readonly readIds = new Map<string, number>();
  private readonly readSets: number[][] = [];
  private readonly closed: Array<number | undefined> = [];

  constructor(readonly automaton: Automaton) {}

  /** The closed set the automaton starts in, where `^` holds. */
  start(): number {
    return this.closedId(this.close([this.automaton.start * 2], true));
  }

  /** The closed set reached from the states a character leads to (`read`, numbered by `moves`). */
  after(read: number): number {
    let id = this.closed[read];
    if (id === undefined) {
      id = this.closedId(this.close(this.readSets[read]!, false));
      this.closed[read] = id;
    }
    return id;
  }

  accepts(set: number): boolean {
    let accepting = this.accepting[set];
    if (accepting === undefined) {
      accepting = this.sets[set]!.some((item) => item >> 1 === this.automaton.final);
      this.accepting[set] = accepting;
    }
    return accepting;
  }

  /**
   * The reading edges out of a closed set, split at every end of their character ranges: on each
   * piece, the states the automaton moves to. One sweep over the ranges' ends.
   */
  moves(set: number): Pieces {
    const cached = this.pieces[set];
    if (cached) return cached;
    const ends: Array<{ at: number; to: number; step: number }> = [];
    for (const item of this.sets[set]!) {
      if (item & 1) continue;
      for (const edge of this.automaton.edges[item >> 1]!) {
        if (!edge.on) continue;
        for (const [low, high] of edge.on) ends.push({ at: low, to: edge.to * 2, step: 1 }, { at: high + 1, to: edge.to * 2, step: -1 });
      }
    }
    ends.sort((a, b) => a.at - b.at);
    const pieces: Pieces = { bounds: [], reads: [] };
    const active = new Map<number, number>();
    for (let e = 0; e < ends.length; ) {
      const at = ends[e]!.at;
      for (; e < ends.length && ends[e]!.at === at; e++) {
        const { to, step } = ends[e]!;
        const count = (active.get(to) ?? 0) + step;
        if (count === 0) active.delete(to);
        else active.set(to, count);
      }
      pieces.bounds.push(at);
      pieces.reads.push(active.size === 0 ? -1 : this.readId([...active.keys()].sort((a, b) => a - b)));
    }
    this.pieces[set] = pieces;
    return pieces;
  }

  private readId(targets: number[]): number {
    const key = targets.join(',');
    let id = this.readIds.get(key);
    if (id === undefined) {
      id = this.readSets.length;
      this.readIds.set(key, id);
      this.readSets.push(targets);
    }
    return id;
  }

  private closedId(set: number[]): number {
    const key = set.join(',');
    let id = this.setIds.get(key);
    if (id === undefined) {
      id = this.sets.length;
      this.setIds.set(key, id);
      this.sets.push(set);
    }
    return id;
  }

  /** The states reachable from `seeds` without reading; `^` holds only `atStart`. */
  private close(seeds: readonly number[], atStart: boolean): number[] {
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
    return [...seen].filter((item) => item >> 1 === this.automaton.final || (!(item & 1) && this.automaton.edges[item >> 1]!.some((edge) => edge.on))).sort((a, b) => a - b);
  }
}

/**
 * The product's moves out of `sets`: the code points split at every automaton's range ends into
 * pieces on which every automaton moves alike, pieces with the same moves merged back into one
 * character set (in the order of their first piece).
 */
function splitMoves(closures: readonly Closure[], sets: readonly number[]): Array<{ on: CharSet; reads: number[] }> {
  const pieces = closures.map((closure, i) => closure.moves(sets[i]!));
  let low = Infinity;
  for (const { bounds } of pieces) {
    if (bounds.length === 0) return [];
    if (bounds[0]! < low) low = bounds[0]!;
  }
  // at[i]: the piece of automaton i holding the current point (-1: before its first bound).
  const at = pieces.map(() => -1);
  const byReads = new Map<string | number, { on: CodePointRange[]; reads: number[] }>();
  for (;;) {
    let next = Infinity;
    let key: string | number = 0;
    let covered = true;
    for (let i = 0; i < pieces.length; i++) {
      const { bounds, reads } = pieces[i]!;
      let j = at[i]!;
      while (j + 1 < bounds.length && bounds[j + 1]! <= low) j++;
      at[i] = j;
      if (j + 1 < bounds.length && bounds[j + 1]! < next) next = bounds[j + 1]!;
      const read = j < 0 ? -1 : reads[j]!;
      if (read < 0) covered = false;
      // Two numbers below 2^26 each fit one exact number; more automata are rare.
      else key = pieces.length <= 2 ? (key as number) * 2 ** 26 + read : `${key}|${read}`;
    }
    if (next === Infinity) break;
    if (covered) {
      const entry = byReads.get(key);
      if (entry) entry.on.push([low, next - 1]);
      else byReads.set(key, { on: [[low, next - 1]], reads: pieces.map(({ reads }, i) => reads[at[i]!]!) });
    }
    low = next;
  }
  return [...byReads.values()];
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
