/**
 * The characters a code point matches ignoring case, as the engine decides under `iu` (Unicode
 * simple case folding: `k` also matches the Kelvin sign U+212A, `s` the long s U+017F). Candidates
 * come from the case mappings of the code point and of the BMP, grouped once per process; each candidate is
 * then confirmed by the engine, so a partner is never claimed that the RegExp would not match.
 */

/** BMP code points grouped by the lower case of their upper case (single code points only). */
let groups: Map<number, number[]> | undefined;

const cache = new Map<number, number[]>();

/** `code` and every code point that `/code/iu` matches, ascending. */
export function casePartners(code: number): number[] {
  let partners = cache.get(code);
  if (!partners) {
    const upper = single(code, 'toUpperCase');
    const lower = single(code, 'toLowerCase');
    const direct = [code, upper, lower, single(upper, 'toLowerCase'), single(lower, 'toUpperCase')];
    const candidates = new Set([...direct, ...(bmpGroups().get(foldKey(code)) ?? [])]);
    const own = new RegExp(`^\\u{${code.toString(16)}}$`, 'iu');
    partners = [...candidates].filter((candidate) => candidate === code || own.test(String.fromCodePoint(candidate))).sort((a, b) => a - b);
    cache.set(code, partners);
  }
  return partners;
}

/**
 * The BMP's cased code points by key. Several characters folding to one (`K`, `k`, U+212A) all
 * live in the BMP; astral letters pair with their own case mapping, which `direct` holds.
 */
function bmpGroups(): Map<number, number[]> {
  if (!groups) {
    groups = new Map();
    for (let code = 0; code <= 0xffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const key = foldKey(code);
      if (key === code && single(code, 'toUpperCase') === code) continue; // caseless or its own key: adds no partner
      const group = groups.get(key);
      if (group) group.push(code);
      else groups.set(key, [code]);
    }
  }
  return groups;
}

function foldKey(code: number): number {
  return single(single(code, 'toUpperCase'), 'toLowerCase');
}

/** The case mapping of `code` when it is one code point, else `code` itself (`ß` → `SS` has no simple mapping). */
function single(code: number, mapping: 'toUpperCase' | 'toLowerCase'): number {
  const mapped = String.fromCodePoint(code)[mapping]();
  const first = mapped.codePointAt(0)!;
  return mapped.length === (first > 0xffff ? 2 : 1) ? first : code;
}

const closures = new Map<string, boolean>();

/**
 * Whether the property escape `raw` (`\p{sc=Cyrillic}`, `\P{N}`) matches the same code points
 * under `iu` as under `u`: then `i` changes nothing there and the escape can be written as it is.
 * Asked of the engine over every code point (about 50 ms, once per escape and process).
 */
export function closedUnderCase(raw: string): boolean {
  let closed = closures.get(raw);
  if (closed === undefined) {
    const plain = new RegExp(`^${raw}$`, 'u');
    const caseless = new RegExp(`^${raw}$`, 'iu');
    closed = true;
    for (let code = 0; code <= 0x10ffff && closed; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const text = String.fromCodePoint(code);
      closed = plain.test(text) === caseless.test(text);
    }
    closures.set(raw, closed);
  }
  return closed;
}
