/**
 * `@uniqueItems` arrays of platform classes and collections (recheck s7 R6): the mock of a URL was
 * the constant `new URL("https://example.com/")`, so `@uniqueItems @minItems 2` on `URL[]` got one
 * link on every seed and failed isT, without a word. Platform instances are now drawn from the
 * seed, and the mock's `deepEqual` is the validators' (Node's `util.isDeepStrictEqual`, issue 9:
 * two URLs differ by their `href`, RegExps by their source, Errors by their message, buffers by
 * their bytes). Where the validators count the mocks as too few (24 words for RegExps, a Set of
 * one literal), a required member gets a located CG5001 warning and a mock that throws, naming
 * it; an optional one is left out. No mock returns an array the validator rejects.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyzer/index.js';
import { mockGenerator } from '../../../src/generators/mock/index.js';
import type { Model } from '../../../src/model/types.js';
import { typecheck } from '../../helpers/typecheck.js';
import { makeProject, removeProject } from '../../helpers/workspace.js';
import { CONTEXT, materialize, type GeneratedFunction } from './helpers.js';

const SOURCE = `export interface Links {
  /** @uniqueItems @minItems 2 */
  links: URL[];
  /** @uniqueItems @minItems 3 */
  bytes: Uint8Array[];
  /** @uniqueItems @minItems 2 */
  big: BigInt64Array[];
  /** @uniqueItems @minItems 2 */
  params: URLSearchParams[];
  /** @uniqueItems @minItems 3 */
  tags: Set<string>[];
  /** @uniqueItems @minItems 3 */
  pairs: Map<'a' | 'b', boolean>[];
  /** @uniqueItems @minItems 2 */
  dates: Date[];
}

export interface Patterns {
  /** @uniqueItems @minItems 2 */
  patterns: RegExp[];
  /** @uniqueItems @minItems 2 */
  errors: TypeError[];
  /** @uniqueItems @minItems 2 */
  views: DataView[];
  /** @uniqueItems @minItems 2 */
  weak: WeakSet<object>[];
}

export interface ManyPatterns {
  /** @uniqueItems @minItems 25 */
  many: RegExp[];
  /** @uniqueItems @minItems 18 */
  buffers: ArrayBuffer[];
}

export interface Optional {
  name: string;
  /** @uniqueItems @minItems 25 */
  errors?: Error[];
  /** @uniqueItems @minItems 2 */
  ones?: Set<'a'>[];
}

export interface ManyParams {
  /** @uniqueItems @minItems 6 */
  params: URLSearchParams[];
}

export interface Drawn {
  /** @uniqueItems @minItems 3 */
  anything: unknown[];
  /** @uniqueItems @minItems 2 */
  loose: any[];
  /** @uniqueItems @minItems 2 */
  keys: symbol[];
}

export interface Boxes {
  /** @uniqueItems @minItems 2 */
  boxes: { x: unknown }[];
}

export class Empty {}
export enum One {
  A = 'a',
}

export interface Units {
  /** @uniqueItems @minItems 2 */
  lits: 'a'[];
  /** @uniqueItems @minItems 2 */
  nulls: null[];
  /** @uniqueItems @minItems 2 */
  ones: One[];
}

/** @strict */
export interface Flag {
  on?: true;
}

/** Not @strict, Empty takes any keys ({ a: 1 } and { b: 2 } are two), though its mocks are all {}. */
export interface Empties {
  /** @uniqueItems @minItems 2 */
  empties: Empty[];
  /** @uniqueItems @minItems 3 */
  flags: Flag[];
}

/** @type int32 @minimum 1 @maximum 3 */
export type Small = number;
/** @minimum 0 @maximum 1 @multipleOf 0.25 */
export type Quarter = number;

export interface Counted {
  /** @uniqueItems @minItems 3 */
  bits: (0n | 1n)[];
  /** @uniqueItems @minItems 4 */
  small: Small[];
  /** @uniqueItems @minItems 6 */
  quarters: Quarter[];
}

export interface Exact {
  /** @uniqueItems @minItems 3 */
  small: Small[];
  /** @uniqueItems @minItems 5 */
  quarters: Quarter[];
}

export interface OneEach {
  /** @uniqueItems */
  patterns: RegExp[];
  /** @uniqueItems @minItems 1 */
  ones: Set<'a'>[];
}
`;

/** The line of SOURCE starting with `text` (its `nth` such line). */
const lineOf = (text: string, nth = 1): number => SOURCE.split('\n').map((line, i) => [line, i + 1] as const).filter(([line]) => line.startsWith(text))[nth - 1]![1];

let root: string;
let model: Model;
let folder: string;
let exports: Record<string, GeneratedFunction>;

const SEEDS = 60;

describe('@uniqueItems arrays of platform classes and collections', () => {
  beforeAll(async () => {
    root = makeProject('mock-unique-platform-values', { 'input/types.ts': SOURCE });
    model = analyze({ rootDir: root, files: [join(root, 'input/types.ts')], defaultGenerators: ['mock', 'validate'], knownGenerators: ['mock', 'validate'], displayRoot: root }).model;
    folder = await materialize({ name: 'unique-platform-values', model, copy: ['input'], root, context: CONTEXT }, join(root, 'out'), undefined, false);
    const generated = (file: string) => pathToFileURL(join(folder, 'generated', file)).href;
    exports = { ...(await import(generated('types.mock.ts'))), ...(await import(generated('types.validate.ts'))) } as Record<string, GeneratedFunction>;
  }, 120_000);
  afterAll(() => removeProject(root));

  // An optional member no mock fills is left out without a warning (docs/mock.md): absence is valid.
  it('warns, located, where the validators tell too few mocks apart for a required member, and nowhere else', () => {
    const diagnostics = mockGenerator.check!(model, { split: 'file', seed: 42, maxDepth: 3 }, CONTEXT);
    expect(diagnostics.map(({ code, severity, line, message }) => ({ code, severity: severity ?? 'error', line, message }))).toEqual([
      {
        code: 'CG5001',
        severity: 'warning',
        line: lineOf('  many: RegExp[]'),
        message:
          'mock cannot build ManyPatterns.many: @uniqueItems needs 25 distinct items, but the mocks of its items give only 24 the validators tell apart (a mocked RegExp is one of 24 words); the mocks that hold it throw when called.',
      },
      {
        code: 'CG5001',
        severity: 'warning',
        line: lineOf('  buffers: ArrayBuffer[]'),
        message:
          'mock cannot build ManyPatterns.buffers: @uniqueItems needs 18 distinct items, but the mocks of its items give only 17 the validators tell apart (a mocked ArrayBuffer holds 0 to 16 zero bytes, told apart by their number); the mocks that hold it throw when called.',
      },
      {
        code: 'CG5001',
        severity: 'warning',
        line: lineOf('  boxes:'),
        message:
          'mock cannot build Boxes.boxes: @uniqueItems needs 2 distinct items, but the mocks of its items give only 1 the validators tell apart (a mock of `unknown` or `any` is `null`; the mocks build only the declared properties, though the type, not @strict, takes other keys too); the mocks that hold it throw when called.',
      },
      // A type of one value cannot fill two distinct items, whatever the mock: the constraints contradict (an error, as for `boolean[]` and three).
      ...['lits', 'nulls', 'ones'].map((key) => ({
        code: 'CG2011',
        severity: 'error',
        line: lineOf(`  ${key}:`),
        message: `Contradictory constraints on Units.${key}: @uniqueItems needs 2 distinct items but the item type has only 1 values, so no mock can satisfy them.`,
      })),
      {
        code: 'CG5001',
        severity: 'warning',
        line: lineOf('  empties:'),
        message:
          'mock cannot build Empties.empties: @uniqueItems needs 2 distinct items, but the mocks of its items give only 1 the validators tell apart (the mocks build only the declared properties, though the type, not @strict, takes other keys too); the mocks that hold it throw when called.',
      },
      {
        code: 'CG2011',
        severity: 'error',
        line: lineOf('  flags:'),
        message: 'Contradictory constraints on Empties.flags: @uniqueItems needs 3 distinct items but the item type has only 2 values, so no mock can satisfy them.',
      },
      ...[
        ['bits', 3, 2],
        ['small', 4, 3],
        ['quarters', 6, 5],
      ].map(([key, needs, has]) => ({
        code: 'CG2011',
        severity: 'error',
        line: lineOf(`  ${key}:`),
        message: `Contradictory constraints on Counted.${key}: @uniqueItems needs ${needs} distinct items but the item type has only ${has} values, so no mock can satisfy them.`,
      })),
    ]);
  });

  it('compiles under tsc --strict', async () => {
    expect(await typecheck(folder)).toBe('');
  }, 120_000);

  it(`gives distinct instances that pass isT, on ${SEEDS} seeds`, () => {
    const hrefs = new Set<string>();
    for (let seed = 0; seed < SEEDS; seed++) {
      const value = exports['mockLinks']!({}, { seed }) as Record<string, unknown[]>;
      expect(exports['validateLinks']!(value), `seed ${seed}`).toMatchObject({ success: true });
      expect(value['links']!.length).toBeGreaterThanOrEqual(2);
      for (const link of value['links']!) {
        expect(link).toBeInstanceOf(URL);
        hrefs.add((link as URL).href);
      }
      expect(value['bytes']!.length).toBeGreaterThanOrEqual(3);
      expect(value['pairs']!.length).toBeGreaterThanOrEqual(3);
    }
    // Drawn from the seed: many links over the seeds, not one constant.
    expect(hrefs.size).toBeGreaterThan(20);
  });

  it('throws for a required array no mock fills, naming the member, and leaves an optional one out', () => {
    expect(() => exports['mockManyPatterns']!()).toThrow('No mock can be built for ManyPatterns.many: @uniqueItems needs 25 distinct items');
    for (let seed = 0; seed < SEEDS; seed++) {
      const value = exports['mockOptional']!({}, { seed }) as Record<string, unknown>;
      expect(Object.keys(value), `seed ${seed}`).toEqual(['name']);
      expect(exports['isOptional']!(value)).toBe(true);
    }
  });

  it('is right to warn: the validators take one-item Sets of one literal as equal, and tell RegExps, Errors and buffers apart', () => {
    expect(exports['isOptional']!({ name: 'n', ones: [new Set(['a']), new Set(['a'])] })).toBe(false);
    // Since issue 9, equality is Node's isDeepStrictEqual: these are distinct, and the mocks fill them.
    const errors = Array.from({ length: 25 }, (_, i) => new Error(`e${i}`));
    expect(exports['isOptional']!({ name: 'n', errors })).toBe(true);
    expect(exports['isOptional']!({ name: 'n', errors: [...errors.slice(1), new Error('e1')] })).toBe(false);
    const patterns = { patterns: [/a/, /b/], errors: [new TypeError('a'), new TypeError('b')], views: [new DataView(new ArrayBuffer(1)), new DataView(new ArrayBuffer(2))], weak: [new WeakSet(), new WeakSet()] };
    expect(exports['isPatterns']!(patterns)).toBe(true);
    expect(exports['isPatterns']!({ ...patterns, patterns: [/a/, /a/] })).toBe(false);
    for (let seed = 0; seed < SEEDS; seed++) expect(exports['isPatterns']!(exports['mockPatterns']!({}, { seed })), `seed ${seed}`).toBe(true);
    // An object type without @strict takes other keys: two Empties can differ, so no contradiction (CG2011) is claimed there.
    expect(exports['isEmpties']!({ empties: [{ a: 1 }, { b: 2 }], flags: [] })).toBe(false);
    expect(exports['validateEmpties']!({ empties: [{ a: 1 }, { b: 2 }], flags: [] })).toMatchObject({ issues: [{ path: '/flags' }] });
    // 25 RegExps and 18 ArrayBuffers can be distinct: the warnings are about the mocks, not the type.
    const many = { many: Array.from({ length: 25 }, (_, i) => new RegExp(`w${i}`)), buffers: Array.from({ length: 18 }, (_, i) => new ArrayBuffer(i)) };
    expect(exports['isManyPatterns']!(many)).toBe(true);
    // URLSearchParams differ by their entries: the mocks give six distinct ones.
    for (let seed = 0; seed < SEEDS; seed++) expect(exports['isManyParams']!(exports['mockManyParams']!({}, { seed })), `seed ${seed}`).toBe(true);
    expect(exports['isManyParams']!({ params: [1, 2, 3, 4, 5, 6].map((n) => new URLSearchParams({ k: String(n) })) })).toBe(true);
  });

  it('draws unknown, any and symbol items from the seed, so they differ', () => {
    const words = new Set<unknown>();
    for (let seed = 0; seed < SEEDS; seed++) {
      const value = exports['mockDrawn']!({}, { seed }) as Record<string, unknown[]>;
      expect(exports['isDrawn']!(value), `seed ${seed}`).toBe(true);
      expect(value['anything']!.length).toBeGreaterThanOrEqual(3);
      expect(new Set(value['keys']).size).toBe(value['keys']!.length);
      expect(value['keys']!.every((key) => typeof key === 'symbol')).toBe(true);
      for (const word of value['anything']!) words.add(word);
    }
    expect(words.size).toBeGreaterThan(10);
    // The same seed, the same symbols.
    expect((exports['mockDrawn']!({}, { seed: 7 }) as { keys: symbol[] }).keys).toEqual((exports['mockDrawn']!({}, { seed: 7 }) as { keys: symbol[] }).keys);
  });

  it('fills an array with every value of a small range where @minItems asks for all of them', () => {
    for (let seed = 0; seed < SEEDS; seed++) {
      const value = exports['mockExact']!({}, { seed }) as { small: number[]; quarters: number[] };
      expect(exports['isExact']!(value), `seed ${seed}`).toBe(true);
      expect([...value.small].sort()).toEqual([1, 2, 3]);
      expect([...value.quarters].sort()).toEqual([0, 0.25, 0.5, 0.75, 1]);
    }
  });

  it('builds one item where uniqueness asks for no second one', () => {
    for (let seed = 0; seed < SEEDS; seed++) {
      const value = exports['mockOneEach']!({}, { seed }) as Record<string, unknown[]>;
      expect(exports['isOneEach']!(value), `seed ${seed}`).toBe(true);
      expect(value['ones']).toHaveLength(1);
    }
  });
});
