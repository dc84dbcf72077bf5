/**
 * Issue 9: unions written inside unions and in optional places, and weak types (every property
 * optional) beside primitives, constrained aliases, arrays and nested unions, around the
 * type-form property's seed 31 (form F22, `c?: string | Small | (Email | Cents)`, accepted
 * `{ c: [] }` until 13ff67b read the inner union as one member). An optional tuple element whose
 * type is a written union (`[(Email | Cents)?]`) lost its aliases' constraints (CG2021): the
 * checker adds `| undefined` to the element, so the written union was not taken for it. The
 * verdicts are tsc's own, through a variable (no excess property check, as a validator sees JSON).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCase, failingMocks, type BuiltCase } from './helpers.js';
import { verdictFile, type Verdict } from './verdicts.js';

const SEED31: Verdict[] = [
  { value: {}, valid: true },
  { value: { c: 'x' }, valid: true },
  { value: { c: 5 }, valid: true },
  { value: { c: 0.5 }, valid: true },
  { value: { c: [] }, text: '{ c: [] as never[] }', valid: false },
  { value: { c: {} }, valid: false },
  { value: { c: null }, valid: false },
  { value: { b: [] }, text: '{ b: [] as never[] }', valid: false },
  { value: { b: { a: 's' } }, valid: false },
  { value: [], text: '[] as number[]', valid: false },
];

const ELEMENTS = { pair: [], nullable: [], named: ['a'], flags: [], deep: ['s'] };
const elements = (patch: object, valid: boolean, text: string): Verdict => ({ value: { ...ELEMENTS, ...patch }, valid, text: `{ ...ELEMENTS, ${text} }` });

const ELEMENT_VERDICTS: Verdict[] = [
  elements({}, true, ''),
  elements({ pair: ['a@b.co'] }, true, "pair: ['a@b.co'] as [string]"),
  elements({ pair: [0.25] }, true, 'pair: [0.25] as [number]'),
  elements({ pair: [true] }, false, 'pair: [true] as [boolean]'),
  elements({ nullable: [null] }, true, 'nullable: [null] as [null]'),
  elements({ nullable: [1] }, false, 'nullable: [1] as [number]'),
  elements({ named: ['a', 3] }, true, "named: ['a', 3] as [string, number]"),
  elements({ named: ['a', true] }, false, "named: ['a', true] as [string, boolean]"),
  elements({ flags: [false] }, true, 'flags: [false] as [boolean]'),
  elements({ flags: ['no'] }, false, "flags: ['no'] as [string]"),
  elements({ deep: ['s', null] }, true, "deep: ['s', null] as [string, null]"),
  elements({ deep: ['s', 4] }, true, "deep: ['s', 4] as [string, number]"),
  elements({ deep: ['s', []] }, false, "deep: ['s', []] as [string, never[]]"),
];

/** Values TypeScript rejects only for a constraint it cannot see: the validators reject them. */
const CONSTRAINED: Array<[property: string, value: unknown[], issue: string]> = [
  ['pair', ['not an email'], '/pair/0 union'],
  ['pair', [0.001], '/pair/0 union'],
  ['nullable', ['not an email'], '/nullable/0 format'],
  ['named', ['a', 11], '/named/1 union'],
  ['deep', ['s', 'x'], '/deep/1 union'],
];

const WEAK_UNIONS: Array<[type: string, verdicts: Verdict[]]> = [
  ['WeakOrString', [
    { value: 'x', valid: true },
    { value: {}, valid: true },
    { value: { a: 1, z: 1 }, valid: true },
    { value: { z: 1 }, valid: false },
    { value: [], text: '[] as string[]', valid: false },
    { value: 5, valid: false },
  ]],
  ['WeakOrSmall', [
    { value: 5, valid: true },
    { value: { b: 'x' }, valid: true },
    { value: { b: 1 }, valid: false },
    { value: { z: 1 }, valid: false },
    { value: [], text: '[] as number[]', valid: false },
  ]],
  ['WeakOrList', [
    { value: [], text: '[] as string[]', valid: true },
    { value: ['x'], valid: true },
    { value: {}, valid: true },
    { value: [1], valid: false },
    { value: { z: 1 }, valid: false },
    { value: { length: 0 }, valid: false },
  ]],
  ['WeakOrNested', [
    { value: 1.5, valid: true },
    { value: 'a@b.co', valid: true },
    { value: { z: 1 }, valid: false },
    { value: [], text: '[] as number[]', valid: false },
    { value: true, valid: false },
  ]],
  ['NestedWeak', [
    { value: null, valid: true },
    { value: { c: true }, valid: true },
    { value: { a: 1 }, valid: true },
    { value: 3, valid: true },
    { value: 's', valid: true },
    { value: { c: 1 }, valid: false },
    { value: { z: 1 }, valid: false },
    { value: [], text: '[] as never[]', valid: false },
  ]],
  ['WeakListOrOne', [
    { value: [], text: '[] as never[]', valid: true },
    { value: [{ a: 1 }], valid: true },
    { value: {}, valid: true },
    { value: { z: 1 }, valid: false },
    { value: [{ a: 'x' }], valid: false },
    { value: [[]], text: '[[]] as never[][]', valid: false },
  ]],
  ['WeakInProperty', [
    { value: {}, valid: true },
    { value: { c: 5 }, valid: true },
    { value: 'x', valid: true },
    { value: { c: [] }, text: '{ c: [] as never[] }', valid: false },
    { value: { z: 1 }, valid: false },
    { value: [], text: '[] as never[]', valid: false },
  ]],
];

let built: BuiltCase;

beforeAll(async () => {
  const elementsFile = verdictFile('Elements', './input/elements.js', ELEMENT_VERDICTS, { structural: true }).replace(
    '\n\n',
    `\n\nconst ELEMENTS = ${JSON.stringify(ELEMENTS).replace(/\[\]/g, '[] as []').replace('["a"]', "['a'] as [string]").replace('["s"]', "['s'] as [string]")};\n`,
  );
  built = await buildCase('optional-element-unions', {
    'seed31-verdicts.ts': verdictFile('Seed31', './input/elements.js', SEED31, { structural: true }),
    'elements-verdicts.ts': elementsFile,
    ...Object.fromEntries(WEAK_UNIONS.map(([type, verdicts]) => [`${type.toLowerCase()}-verdicts.ts`, verdictFile(type, './input/elements.js', verdicts, { structural: true })])),
  });
}, 120_000);

describe('unions in optional places and weak types beside other members', () => {
  it('compile under tsc --strict with no diagnostic (no CG2021: every alias reaches its value), and TypeScript agrees with every verdict below', () => {
    expect(built.compileErrors).toBe('');
    expect(built.diagnostics).toEqual([]);
  });

  for (const [type, verdicts] of [['Seed31', SEED31], ['Elements', ELEMENT_VERDICTS], ...WEAK_UNIONS] as const) {
    for (const { value, valid } of verdicts) {
      it(`${type}: ${JSON.stringify(value)} is ${valid ? 'valid' : 'invalid'} for isT, validateT and the schema`, () => {
        expect(built.validators(type).accepts(value)).toBe(valid);
        expect(built.schemaAccepts(type, value)).toBe(valid);
      });
    }
  }

  for (const [property, value, issue] of CONSTRAINED) {
    it(`Elements.${property}: ${JSON.stringify(value)} breaks a constraint of an alias in the element's union`, () => {
      const candidate = { ...ELEMENTS, [property]: value };
      expect(built.validators('Elements').issues(candidate)).toEqual([issue]);
      expect(built.schemaAccepts('Elements', candidate)).toBe(false);
    });
  }

  it('mocks pass the validators and the schema', () => {
    for (const type of ['Seed31', 'Elements', ...WEAK_UNIONS.map(([type]) => type)]) expect(failingMocks(built, type, 40)).toEqual([]);
  });
});
