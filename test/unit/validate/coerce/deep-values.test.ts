/**
 * Deep acyclic values under `coerce` (recheck s8 R1): a 2,000-deep `Tree<Date>` that `isT`
 * accepted made `validateT` throw RangeError. `validateT` now answers whatever the depth: the
 * converted data wherever `isT` says valid, and otherwise its issues or, past what the stack
 * holds, one `depth` issue at the root. Each recursive shape of the `coerce-deep` fixture (array,
 * record, union, tuple, Map, Set, discriminated union) is built 2,000 and 5,000 deep from wire
 * values (ISO strings, decimal strings) and compared with `isT`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCoerceCase, type CoerceCase } from './build.js';

const ISO = '2024-01-01T00:00:00Z';
const DAY = new Date(ISO);

interface Shape {
  /** The fixture's type. */
  type: string;
  /** A wire value `depth` levels deep; `bad` puts a wrong value at its deepest level. */
  build(depth: number, bad?: boolean): unknown;
  /** The Dates (or bigints) at the top and at the deepest level of a converted value. */
  ends(data: unknown): [unknown, unknown];
}

/** Follows `step` from `value` while it finds something, returning the last value reached. */
function deepest(value: unknown, step: (value: any) => unknown): any {
  let at = value;
  for (let next = step(at); next !== undefined && next !== null; next = step(at)) at = next;
  return at;
}

const SHAPES: Shape[] = [
  {
    type: 'HoldsTree',
    build(depth, bad) {
      let t: unknown = { v: bad ? 5 : ISO, kids: [] };
      let u: unknown = { v: '7', kids: [] };
      for (let i = 0; i < depth; i++) {
        t = { v: ISO, kids: [t] };
        u = { v: '7', kids: [u] };
      }
      return { t, u };
    },
    ends: (data: any) => [data.t.v, deepest(data.u, (node) => node.kids[0]).v],
  },
  {
    type: 'Dir',
    build(depth, bad) {
      let dir: unknown = { at: bad ? 'soon' : ISO, subs: {} };
      for (let i = 0; i < depth; i++) dir = { at: ISO, subs: { a: dir } };
      return dir;
    },
    ends: (data: any) => [data.at, deepest(data, (dir) => dir.subs['a']).at],
  },
  {
    type: 'Link',
    build(depth, bad) {
      let link: unknown = { at: bad ? 1 : ISO, next: null };
      for (let i = 0; i < depth; i++) link = { at: ISO, next: link };
      return link;
    },
    ends: (data: any) => [data.at, deepest(data, (link) => link.next).at],
  },
  {
    type: 'HoldsPair',
    build(depth, bad) {
      let pair: unknown = [bad ? [] : ISO, null];
      for (let i = 0; i < depth; i++) pair = [ISO, pair];
      return { p: pair };
    },
    ends: (data: any) => [data.p[0], deepest(data.p, (pair) => pair[1])[0]],
  },
  {
    type: 'Hub',
    build(depth, bad) {
      let hub: unknown = { at: bad ? 'x' : ISO, edges: new Map() };
      for (let i = 0; i < depth; i++) hub = { at: ISO, edges: new Map([['a', hub]]) };
      return hub;
    },
    ends: (data: any) => [data.at, deepest(data, (hub) => hub.edges.get('a')).at],
  },
  {
    type: 'Bag',
    build(depth, bad) {
      let bag: unknown = { at: bad ? null : ISO, inner: new Set() };
      for (let i = 0; i < depth; i++) bag = { at: ISO, inner: new Set([bag]) };
      return bag;
    },
    ends: (data: any) => [data.at, deepest(data, (bag) => [...bag.inner][0]).at],
  },
  {
    type: 'Expr',
    build(depth, bad) {
      let expr: unknown = { kind: 'num', at: bad ? 'later' : ISO };
      for (let i = 0; i < depth; i++) expr = { kind: 'neg', at: ISO, of: expr };
      return expr;
    },
    ends: (data: any) => [data.at, deepest(data, (expr) => expr.of).at],
  },
];

let built: CoerceCase;

beforeAll(async () => {
  built = await buildCoerceCase('coerce-deep', 'deep-values');
  expect(built.compileErrors).toBe('');
}, 240_000);

type Outcome = { success: true; data: unknown } | { success: false; issues: Array<{ path: string; code: string }> };

/** `isT`'s answer, or 'overflow' when it ran out of stack (what `isT` does past its depth). */
function isAnswer(type: string, value: unknown): boolean | 'overflow' {
  try {
    return (built.exports[`is${type}`] as (value: unknown) => boolean)(value);
  } catch (error) {
    if (error instanceof RangeError) return 'overflow';
    throw error;
  }
}

/** `validateT(value)`: any exception, RangeError included, fails the test. */
const validate = (type: string, value: unknown) => (built.exports[`validate${type}`] as (value: unknown) => Outcome)(value);

/** The root issue a value too deep for the stack gets. */
const TOO_DEEP = [{ path: '', code: 'depth', expected: 'less nesting', message: 'Nested too deeply to check: expected less nesting' }];

describe.each(SHAPES)('$type', (shape) => {
  it('answers as isT at an ordinary depth (200), converting the deepest level', () => {
    expect(isAnswer(shape.type, shape.build(200))).toBe(true);
    const result = validate(shape.type, shape.build(200));
    expect(result.success).toBe(true);
    const [top, bottom] = shape.ends((result as { data: unknown }).data);
    expect(top).toEqual(DAY);
    expect(bottom instanceof Date || typeof bottom === 'bigint').toBe(true);
    expect(validate(shape.type, shape.build(200, true)).success).toBe(false);
  });

  it.each([2_000, 5_000])('never throws at depth %i, and converts wherever isT says valid (or, past 2,000, says too deep)', (depth) => {
    const verdict = isAnswer(shape.type, shape.build(depth));
    const result = validate(shape.type, shape.build(depth));
    if (verdict !== true) expect(verdict).toBe('overflow');
    if (!result.success) {
      // How deep a walk fits in the stack depends on what the JIT made of each function: a
      // warmed-up isT may answer deeper than coerce fits; validateT then says so, at 5,000 only.
      expect(verdict === 'overflow' || depth > 2_000).toBe(true);
      expect(result.issues).toEqual(TOO_DEEP);
      return;
    }
    const [top, bottom] = shape.ends(result.data);
    expect(top).toEqual(DAY);
    expect(bottom instanceof Date || typeof bottom === 'bigint').toBe(true);
  });

  it.each([2_000, 5_000])('fails a value %i deep with a wrong deepest level, never throwing', (depth) => {
    const verdict = isAnswer(shape.type, shape.build(depth, true));
    expect(verdict).not.toBe(true);
    const result = validate(shape.type, shape.build(depth, true));
    expect(result.success).toBe(false);
    const issues = (result as { issues: Array<{ path: string; code: string }> }).issues;
    // The issue at the deepest level, or (past the stack) the root's depth issue.
    expect(issues.length === 1 && (issues[0]!.code === 'depth' || issues[0]!.path.length > depth)).toBe(true);
  });
});

/** `coerceT(value)`: its data, or the issues of the ValidationError it threw; any other exception (RangeError) fails the test. */
function coerce(type: string, value: unknown): Outcome {
  try {
    return { success: true, data: (built.exports[`coerce${type}`] as (value: unknown) => unknown)(value) };
  } catch (error) {
    expect((error as Error).name).toBe('ValidationError');
    return { success: false, issues: (error as { issues: Array<{ path: string; code: string }> }).issues };
  }
}

describe.each(SHAPES)('coerceT of $type on its own (recheck s10 hE1)', (shape) => {
  it.each([2_000, 5_000, 20_000])('never throws a RangeError at depth %i: converts where validateT does, or throws the depth ValidationError', (depth) => {
    const viaValidate = validate(shape.type, shape.build(depth));
    const result = coerce(shape.type, shape.build(depth));
    if (!result.success) {
      expect(result.issues).toEqual(TOO_DEEP);
      // 2,000 deep fits whenever validateT's own conversion fits (the same plain walk).
      expect(viaValidate.success && depth <= 2_000).toBe(false);
      return;
    }
    const [top, bottom] = shape.ends(result.data);
    expect(top).toEqual(DAY);
    // Converted whole, at any depth the stack holds (20,000 fits where V8 has optimised the walk's frames).
    expect(bottom instanceof Date || typeof bottom === 'bigint').toBe(true);
  });
});

describe('coerceT on a deep cyclic value (recheck s10 hE1)', () => {
  /** A ring of `length` links, every `at` on the wire. */
  function ring(length: number): { at: unknown; next: unknown } {
    const first = { at: ISO as unknown, next: null as unknown };
    let link = first;
    for (let i = 1; i < length; i++) link = { at: ISO, next: link };
    first.next = link;
    return link;
  }

  it('converts a short ring, keeping its cycle', () => {
    const result = coerce('Link', ring(50));
    expect(result.success).toBe(true);
    let link = (result as { data: any }).data;
    const start = link;
    for (let i = 0; i < 50; i++, link = link.next) expect(link.at).toEqual(DAY);
    expect(link).toBe(start);
  });

  it('throws the depth ValidationError for a ring longer than the stack, as validateT fails', () => {
    expect(coerce('Link', ring(50_000))).toEqual({ success: false, issues: TOO_DEEP });
    expect(validate('Link', ring(50_000))).toEqual({ success: false, issues: TOO_DEEP });
  });

  it('leaves the walk usable afterwards', () => {
    coerce('Link', ring(50_000));
    expect(coerce('Link', SHAPES[2]!.build(10)).success).toBe(true);
    expect(isAnswer('Link', ring(20))).toBe(true);
  });
});

describe('recheck s8 R1', () => {
  it('validates the 2,000-deep Tree<Date> isT accepts', () => {
    const value = SHAPES[0]!.build(2_000);
    expect(isAnswer('HoldsTree', value)).toBe(true);
    const result = validate('HoldsTree', value);
    expect(result.success).toBe(true);
  });
});
