/**
 * Issue 9: a property several members of an intersection declare carries every member's
 * constraints (`{ b: string } & { b: Code }` with `@pattern ^[A-Z]{3}$` on `Code`). TypeScript
 * sees one type and the first member's declaration; the mock used to build the property from
 * that declaration alone, so `Plain`'s mocks ignored the pattern and failed the validators.
 * Bounds meet, a pattern or format set by one member is kept; two different patterns on one
 * property are checked by the validators and reported by the mock (CG5001), never mocked wrong.
 * The verdicts are tsc's own (constraints aside, which TypeScript does not see).
 */
import { beforeAll, describe, expect, it } from 'vitest';
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

let built: BuiltCase;

beforeAll(async () => {
  built = await buildCase('intersection-constraints', { 'plain-verdicts.ts': verdictFile('Plain', './input/shared.js', PLAIN) });
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

  it('says where the mock cannot meet two patterns at once, instead of building values that fail them', () => {
    const model = built.model.declarations.find((declaration) => declaration.name === 'Twice')!;
    expect(model.type.kind === 'intersection' && model.type.merged?.[0]?.type.kind).toBe('intersection');
  });
});
