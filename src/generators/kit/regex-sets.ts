/**
 * The code points a character set matches, asked of the engine itself: Unicode properties
 * (`\p{L}`, `\p{Script=Greek}`) and `v`-mode set operations (`[\p{L}--[a-z]]`) have no table in
 * this project, so the set is read off one pass of the engine over every code point in order:
 * each run of matches is one range. Ranges are cached per set and flags; the pass is native
 * and linear, and runs once per distinct set in a generation.
 */
import type { CodePointRange } from './regex-parse.js';

/** Every code point outside the surrogates, in two runs (code points on each side are consecutive). */
let planes: readonly [string, number][] | undefined;

const cache = new Map<string, CodePointRange[]>();

/**
 * The ranges of code points `set` (one class or escape, such as `\p{L}` or `[\p{L}--[a-z]]`)
 * matches as a single character with `flags`'s `u` or `v` (never `i`: the set as written).
 */
export function scannedRanges(set: string, flags: string): CodePointRange[] {
  const mode = flags.includes('v') ? 'v' : 'u';
  const key = `${mode}${set}`;
  let ranges = cache.get(key);
  if (!ranges) {
    ranges = scan(new RegExp(`${set}+`, `g${mode}`));
    cache.set(key, ranges);
  }
  return ranges;
}

function scan(runs: RegExp): CodePointRange[] {
  const ranges: CodePointRange[] = [];
  for (const [text, first] of everyCodePoint()) {
    for (const match of text.matchAll(runs)) {
      // Before the match, every code point takes one unit below U+10000 and two above it.
      const start = first + codePointsBefore(text, match.index, first);
      ranges.push([start, start + countCodePoints(match[0]) - 1]);
    }
  }
  return ranges;
}

function everyCodePoint(): readonly [string, number][] {
  planes ??= [
    [text(0, 0xd7ff), 0],
    [text(0xe000, 0x10ffff), 0xe000],
  ];
  return planes;
}

function text(from: number, to: number): string {
  const chunks: string[] = [];
  for (let start = from; start <= to; start += 4096) {
    const codes: number[] = [];
    for (let code = start; code <= Math.min(to, start + 4095); code++) codes.push(code);
    chunks.push(String.fromCodePoint(...codes));
  }
  return chunks.join('');
}

/** Code points in `text` before unit `index`, given that `text` starts at code point `first` and counts up. */
function codePointsBefore(text: string, index: number, first: number): number {
  // Units below U+10000 are one per code point: those up to 0xFFFF (after `first`) fill the start.
  const bmpUnits = Math.max(0, 0x10000 - first);
  if (first > 0xffff || index <= bmpUnits) return index;
  return bmpUnits + (index - bmpUnits) / 2;
}

function countCodePoints(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0xd800 || code > 0xdbff) count++;
  }
  return count;
}
