/**
 * Strings sampled from a regular expression, within a length window (in code points). Lengths
 * are planned top-down: each part of a sequence gets a window that leaves room for the rest, and
 * each quantifier picks a repetition count the window allows, so long or short windows are met
 * by construction rather than by luck. Every sample is confirmed with the real `RegExp`.
 */
import { complement, parseRegex, UnsupportedRegexError, type CodePointRange, type RegexNode } from './regex-parse.js';
import { SeededRandom } from './seeded-random.js';

export { UnsupportedRegexError } from './regex-parse.js';

export interface SampleRequest {
  source: string;
  flags?: string;
  minLength?: number;
  maxLength?: number;
  /** How many distinct samples to aim for. */
  count: number;
  seed?: number;
  /** An extra test every sample must pass (e.g. a format). */
  accept?: (text: string) => boolean;
}

/** How many extra repetitions an unbounded quantifier adds when the window does not ask for more. */
const SOFT_REPEAT = 6;

/**
 * Distinct strings matching `source` and the length window, sorted for stable output; empty
 * when none was found. Throws `UnsupportedRegexError` for backreferences and lookarounds.
 */
export function sampleRegex(request: SampleRequest): string[] {
  const tree = parseRegex(request.source);
  const regex = new RegExp(request.source, (request.flags ?? '').replace(/[gy]/g, ''));
  const random = new SeededRandom(request.seed ?? 1);
  const low = request.minLength ?? 0;
  const high = request.maxLength ?? Infinity;
  const found = new Set<string>();
  for (let attempt = 0; attempt < request.count * 20 && found.size < request.count; attempt++) {
    const text = sample(tree, low, high, random);
    if (text === undefined) break; // the window cannot be met at all
    const length = [...text].length;
    if (length < low || length > high || !regex.test(text)) continue;
    if (request.accept && !request.accept(text)) continue;
    found.add(text);
  }
  return [...found].sort();
}

/** Fewest and most code points `node` can match (`Infinity` when unbounded). */
export function lengthRange(node: RegexNode): [number, number] {
  switch (node.kind) {
    case 'chars':
      return [1, 1];
    case 'assertion':
      return [0, 0];
    case 'sequence':
      return node.items.map(lengthRange).reduce(([a, b], [c, d]) => [a + c, b + d], [0, 0]);
    case 'alternation': {
      const ranges = node.options.map(lengthRange);
      return [Math.min(...ranges.map((r) => r[0])), Math.max(...ranges.map((r) => r[1]))];
    }
    case 'repeat': {
      const [min, max] = lengthRange(node.node);
      return [min * node.min, node.max === 0 || max === 0 ? 0 : max * node.max];
    }
  }
}

/** A string for `node` whose length is within [low, high]; undefined when impossible. */
function sample(node: RegexNode, low: number, high: number, random: SeededRandom): string | undefined {
  const [min, max] = lengthRange(node);
  if (Math.max(min, low) > Math.min(max, high)) return undefined;
  switch (node.kind) {
    case 'assertion':
      return '';
    case 'chars':
      return sampleChar(node.negated ? complement(node.ranges) : node.ranges, random);
    case 'sequence':
      return sampleSequence(node.items, low, high, random);
    case 'alternation': {
      const fitting = node.options.filter((option) => {
        const [a, b] = lengthRange(option);
        return Math.max(a, low) <= Math.min(b, high);
      });
      return sample(random.pick(fitting), low, high, random);
    }
    case 'repeat':
      return sampleRepeat(node, low, high, random);
  }
}

function sampleSequence(items: RegexNode[], low: number, high: number, random: SeededRandom): string | undefined {
  const ranges = items.map(lengthRange);
  let text = '';
  let used = 0;
  for (let i = 0; i < items.length; i++) {
    const rest = ranges.slice(i + 1).reduce(([a, b], [c, d]) => [a + c, b + d], [0, 0]);
    const [min, max] = ranges[i]!;
    const childLow = Math.max(min, low - used - rest[1]);
    const childHigh = Math.min(max, high - used - rest[0]);
    if (childLow > childHigh) return undefined;
    const part = sample(items[i]!, childLow, childHigh, random);
    if (part === undefined) return undefined;
    text += part;
    used += [...part].length;
  }
  return text;
}

function sampleRepeat(node: Extract<RegexNode, { kind: 'repeat' }>, low: number, high: number, random: SeededRandom): string | undefined {
  const [min, max] = lengthRange(node.node);
  const counts: number[] = [];
  // Counts the window allows: at least ceil(low / max) repetitions, at most floor(high / min).
  const fewest = Math.max(node.min, max === 0 ? 0 : Math.ceil(low / max));
  const most = Math.min(node.max, min === 0 ? Infinity : Math.floor(high / min), fewest + SOFT_REPEAT);
  for (let count = fewest; count <= most; count++) counts.push(count);
  if (counts.length === 0) return undefined;
  const count = random.pick(counts);
  return sampleSequence(Array.from({ length: count }, () => node.node), low, high, random);
}

function sampleChar(ranges: readonly CodePointRange[], random: SeededRandom): string | undefined {
  const usable = ranges.flatMap(([start, end]) => withoutSurrogates(start, end));
  if (usable.length === 0) return undefined;
  // Ranges weigh by size up to 26, so `[a-z!#]` gives mostly letters yet every member is reachable.
  const weights = usable.map(([start, end]) => Math.min(end - start + 1, 26));
  let ticket = random.next() * weights.reduce((a, b) => a + b, 0);
  let index = 0;
  while (index < usable.length - 1 && ticket >= weights[index]!) ticket -= weights[index++]!;
  const [start, end] = usable[index]!;
  return String.fromCodePoint(random.int(start, end));
}

function withoutSurrogates(start: number, end: number): CodePointRange[] {
  if (end < 0xd800 || start > 0xdfff) return [[start, end]];
  const parts: CodePointRange[] = [];
  if (start < 0xd800) parts.push([start, 0xd7ff]);
  if (end > 0xdfff) parts.push([0xe000, end]);
  return parts;
}

/** Whether `source` can be sampled at all (no backreferences or lookarounds). */
export function isSampleable(source: string): boolean {
  try {
    parseRegex(source);
    return true;
  } catch (error) {
    if (error instanceof UnsupportedRegexError) return false;
    throw error;
  }
}
