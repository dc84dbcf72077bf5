/**
 * Issue 9: a property several members of an intersection declare carries every member's
 * constraints (`{ b: string } & { b: Code }` with `@pattern ^[A-Z]{3}$` on `Code`). TypeScript
 * sees one type and the first member's declaration; the mock used to build the property from
 * that declaration alone, so `Plain`'s mocks ignored the pattern and failed the validators.
 * Bounds meet, a pattern or format set by one member is kept; two different patterns on one
 * property are checked by the validators, and the mock finds strings meeting both (issue 9 D).
 * The verdicts are tsc's own (constraints aside, which TypeScript does not see).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mockGenerator } from '../../../src/generators/mock/index.js';
import { CONTEXT } from '../validate/helpers.js';
import { buildCase, failingMocks, type BuiltCase } from './helpers.js';
import { verdictFile, type Verdict } from './verdicts.js';

const PLAIN: Verdict[] = [
  { value: { b: 'ABC' }, valid: true },
  { value: { b: 1 }, valid: false },
  { value: {}, valid: false },
];

/** Types whose mocks must pass their validators and schemas, with the constraint each must meet. */
const MOCKED: Array<[type: string, holds: (value: any) => boolean]> = [
  ['Plain', (value) => /^[A-Z]{3}$/.test(value.b)],
  ['Reversed', (value) => /^[A-Z]{3}$/.test(value.b)],
  ['Lengths', (value) => value.s.length === 3],
  ['Bounds', (value) => value.n >= 10 && value.n <= 20],
  ['Mixed', (value) => /^[A-Z]{3}$/.test(value.code) && (value.mail === undefined || value.mail.includes('@'))],
  ['Inline', (value) => /^[a-z]+$/.test(value.b)],
  ['Holder', (value) => /^[A-Z]{3}$/.test(value.pair.c)],
  ['Lists', (value) => value.tags.length <= 2 && value.tags.every((tag: string) => /^[A-Z]{3}$/.test(tag))],
];

/**
 * Literals narrowed by a constrained member (`{ b: Code } & { b: 'ABC' | 'abc' }`): TypeScript's
 * verdicts (`'xyz'` is no value, `'ABC'` and `'abc'` are), then the constraint's (`'abc'` fails
 * the pattern), which TypeScript does not see.
 */
const NARROWED: Record<string, { typed: Verdict[]; failsConstraint: unknown[] }> = {
  Narrowed: {
    typed: [
      { value: { b: 'ABC' }, valid: true },
      { value: { b: 'xyz' }, valid: false },
      { value: { b: 1 }, valid: false },
    ],
    failsConstraint: [{ b: 'abc' }],
  },
  NarrowedAlias: {
    typed: [
      { value: 'ABC', valid: true },
      { value: 'xyz', valid: false },
    ],
    failsConstraint: ['abc'],
  },
  NarrowedLists: {
    typed: [
      { value: { l: ['ABC', 'ABC'] }, valid: true },
      { value: { l: [] }, valid: true },
      { value: { l: ['xyz'] }, valid: false },
    ],
    failsConstraint: [{ l: ['ABC', 'abc'] }],
  },
  NarrowedArray: {
    typed: [
      { value: ['ABC'], valid: true },
      { value: ['xyz'], valid: false },
    ],
    failsConstraint: [['abc']],
  },
  NarrowedTemplate: {
    typed: [
      { value: { t: 'XAB' }, valid: true },
      { value: { t: 'ABC' }, valid: false },
    ],
    failsConstraint: [{ t: 'Xab' }, { t: 'XABC' }],
  },
  NullOnly: {
    typed: [
      { value: { b: null }, valid: true },
      { value: { b: 'xyz' }, valid: false },
    ],
    failsConstraint: [{ b: 'abc' }],
  },
  EmptyOnly: {
    typed: [
      { value: [], valid: true },
      { value: ['xyz'], valid: false },
    ],
    failsConstraint: [['abc']],
  },
  NarrowedLevel: {
    typed: [
      { value: { n: 15 }, valid: true, text: '{ n: Level.Mid }' },
      { value: { n: 16 }, valid: false },
    ],
    failsConstraint: [{ n: 1 }, { n: 30 }],
  },
};

/** Types whose mocks keep only the literals that meet every member's constraints: the one value each may hold. */
const NARROWED_MOCKS: Array<[type: string, holds: (value: any) => boolean]> = [
  ['Narrowed', (value) => value.b === 'ABC'],
  ['NarrowedEnum', (value) => value.b === 'ABC'],
  ['NarrowedLevel', (value) => value.n === 15],
  ['NarrowedStep', (value) => value.n === 10],
  ['NarrowedWhole', (value) => value.n === 2],
  ['NarrowedOptional', (value) => value.b === undefined || value.b === 'ABC'],
  ['NarrowedNested', (value) => value.inner.b === 'ABC'],
  ['NarrowedLists', (value) => value.l.every((item: string) => item === 'ABC')],
  ['NarrowedAlias', (value) => value === 'ABC'],
  ['NarrowedArray', (value) => value.every((item: string) => item === 'ABC')],
  ['NarrowedMail', (value) => value.m === 'ada@example.com'],
  ['NarrowedLength', (value) => value.s === 'ab😀'],
  ['NarrowedTemplate', (value) => /^X[A-Z]{2}$/.test(value.t)],
  ['TemplatePattern', (value) => /^x[a-z]{2}$/.test(value.c)],
  ['NarrowedUnique', (value) => value.l.length <= 2 && new Set(value.l).size === value.l.length && value.l.every((item: string) => item === 'ABC' || item === 'XYZ')],
  ['EmptyOnly', (value) => Array.isArray(value) && value.length === 0],
  ['NarrowedNullable', (value) => value.b === null || value.b === 'ABC'],
  ['NullOnly', (value) => value.b === null],
];

let built: BuiltCase;

beforeAll(async () => {
  const verdicts = Object.fromEntries(
    Object.entries(NARROWED).map(([type, { typed }]) => [`${type.toLowerCase()}-verdicts.ts`, verdictFile(type, './input/shared.js', typed)]),
  );
  // `Level.Mid` is a value: the verdict files import the enum besides the type.
  verdicts['narrowedlevel-verdicts.ts'] = `import { Level } from './input/shared.js';\n${verdicts['narrowedlevel-verdicts.ts']}`;
  built = await buildCase('intersection-constraints', { 'plain-verdicts.ts': verdictFile('Plain', './input/shared.js', PLAIN), ...verdicts });
}, 120_000);

describe('a property shared by members of an intersection', () => {
  it('compiles under tsc --strict, and TypeScript agrees with every verdict below', () => {
    expect(built.compileErrors).toBe('');
  });

  for (const { value, valid } of PLAIN) {
    it(`Plain: ${JSON.stringify(value)} is ${valid ? 'valid' : 'invalid'}`, () => {
      expect(built.validators('Plain').accepts(value)).toBe(valid);
      expect(built.schemaAccepts('Plain', value)).toBe(valid);
    });
  }

  it("is checked against every member's constraints, by the validators and the schema", () => {
    expect(built.validators('Plain').issues({ b: 'abc' })).toEqual(['/b pattern']);
    expect(built.validators('Reversed').issues({ b: 'abc' })).toEqual(['/b pattern']);
    expect(built.validators('Lengths').issues({ s: 'abcd' })).toEqual(['/s maxLength']);
    expect(built.validators('Bounds').issues({ n: 21 })).toEqual(['/n maximum']);
    expect(built.validators('Mixed').issues({ code: 'abc', mail: 'x' })).toEqual(['/code pattern', '/mail format']);
    expect(built.validators('Twice').issues({ b: 'BCD' })).toEqual(['/b pattern']);
    expect(built.validators('Twice').accepts({ b: 'ABC' })).toBe(true);
    for (const [type, value] of [['Plain', { b: 'abc' }], ['Lengths', { s: 'ab' }], ['Bounds', { n: 9 }], ['Twice', { b: 'BCD' }]] as const) {
      expect(built.schemaAccepts(type, value)).toBe(false);
    }
  });

  it('mocks meet every member’s constraints, and pass the validators and the schema', () => {
    for (const [type, holds] of MOCKED) {
      expect(failingMocks(built, type, 40), type).toEqual([]);
      for (let seed = 0; seed < 20; seed++) expect(holds(built.mock(type, seed)), `${type} seed ${seed}`).toBe(true);
    }
  });

  it('meets two patterns at once: the property stays an intersection, and its mocks pass both', () => {
    const model = built.model.declarations.find((declaration) => declaration.name === 'Twice')!;
    expect(model.type.kind === 'intersection' && model.type.merged?.[0]?.type.kind).toBe('intersection');
    expect(failingMocks(built, 'Twice')).toEqual([]);
  });
});

describe('literals narrowed by a constrained member of an intersection', () => {
  for (const [type, { typed, failsConstraint }] of Object.entries(NARROWED)) {
    it(`${type}: TypeScript's verdicts, and the constraint's on what TypeScript accepts`, () => {
      for (const { value, valid } of typed) {
        expect(built.validators(type).accepts(value), JSON.stringify(value)).toBe(valid);
        expect(built.schemaAccepts(type, value), JSON.stringify(value)).toBe(valid);
      }
      for (const value of failsConstraint) {
        expect(built.validators(type).accepts(value), JSON.stringify(value)).toBe(false);
        expect(built.schemaAccepts(type, value), JSON.stringify(value)).toBe(false);
      }
    });
  }

  it('mocks only the literals that meet every constraint (pattern, enum values, bounds, steps, integers, formats, code-point lengths), through aliases, optional keys, nesting and arrays', () => {
    for (const [type, holds] of NARROWED_MOCKS) {
      expect(failingMocks(built, type, 40), type).toEqual([]);
      for (let seed = 0; seed < 20; seed++) expect(holds(built.mock(type, seed)), `${type} seed ${seed}: ${JSON.stringify(built.mock(type, seed))}`).toBe(true);
    }
    const optional = Array.from({ length: 40 }, (_, seed) => built.mock('NarrowedOptional', seed) as { b?: string });
    expect(optional.some((value) => value.b === 'ABC')).toBe(true);
    expect(Array.from({ length: 40 }, (_, seed) => (built.mock('NarrowedNullable', seed) as { b: string | null }).b)).toContain('ABC');
  });

  it('says where no literal meets the constraints (CG2018, located), and the mock throws instead of building a value the validators reject', () => {
    const found = mockGenerator.check!(built.model, { split: 'file', seed: 42, maxDepth: 3 } as never, CONTEXT).filter((d) => d.code === 'CG2018');
    const line = (text: string) => built.model.declarations.find((declaration) => declaration.name === text)!.source.line;
    expect(found.map((d) => `${d.severity} ${d.line} ${d.message}`)).toEqual([
      `warning ${line('NoLiteral')} NoLiteral.b has no value: none of its literals ("abc", "xyz") meets @pattern /^[A-Z]{3}$/, so the validators reject every value and the mocks that hold it throw when built.`,
      `warning ${line('NoLevel')} NoLevel.n has no value: none of its literals (1, 15, 30) meets @minimum 100, so the validators reject every value and the mocks that hold it throw when built.`,
      `warning ${line('NoItems')} NoItems.l has no value: none of its literals ("abc") meets @pattern /^[A-Z]{3}$/, so the validators reject every value and the mocks that hold it throw when built.`,
    ]);
    expect(() => built.mock('NoItems', 0)).toThrow(/NoItems\.l: it has no value/);
    expect(() => built.mock('NoLiteral', 0)).toThrow(/NoLiteral\.b: it has no value/);
    expect(() => built.mock('NoTemplate', 0)).toThrow(/NoTemplate\.t: no value exists/);
    expect(() => built.mock('NoLevel', 0)).toThrow(/NoLevel\.n: it has no value/);
    for (const value of [{ b: 'abc' }, { b: 'xyz' }, { b: 'ABC' }]) expect(built.validators('NoLiteral').accepts(value)).toBe(false);
  });

  it('proves that no string is of a template literal type and a pattern at once (CG2011, located)', () => {
    const found = mockGenerator.check!(built.model, { split: 'file', seed: 42, maxDepth: 3 } as never, CONTEXT).filter((d) => d.code === 'CG2011');
    const line = built.model.declarations.find((declaration) => declaration.name === 'NoTemplate')!.source.line;
    expect(found.map((d) => `${d.severity} ${d.line} ${d.message}`)).toEqual([
      `error ${line} Contradictory constraints on NoTemplate.t: no string is of the template literal type \`x\${string}\` with @pattern /^[A-Z]{3}$/, so no mock can satisfy them.`,
    ]);
  });

  it('leaves out an optional key no literal of which meets the constraints: absence is its only valid value', () => {
    expect(failingMocks(built, 'NoLiteralOptional', 20)).toEqual([]);
    for (let seed = 0; seed < 20; seed++) expect(built.mock('NoLiteralOptional', seed)).toEqual({});
    expect(built.validators('NoLiteralOptional').accepts({ b: 'abc' })).toBe(false);
  });
});
