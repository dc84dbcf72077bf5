/**
 * A key written without `?` is required, whatever its type (`label: string | undefined`,
 * `maybe: Maybe`, `indexed: Point['label']`, `value: T` with `T = number | undefined`): the key
 * must be present, and may hold `undefined`. `Required<…>` and `-?` make a key required and strip
 * the `undefined` its source wrote. `isT`, `validateT`, the OpenAPI schema (on JSON, which cannot
 * carry `undefined`) and the mocks agree; the verdicts are tsc's own.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCase, type BuiltCase } from './helpers.js';
import { verdictFile, type Verdict } from './verdicts.js';

const MAPPED: Verdict[] = [
  { property: 'inline', value: { id: 'a', n: 1 }, valid: true },
  { property: 'inline', value: { n: 1 }, valid: false },
  { property: 'inline', value: { id: undefined, n: 1 }, text: '{ id: undefined, n: 1 }', valid: false },
  { property: 'named', value: { id: 'a', n: 1, z: undefined }, text: "{ id: 'a', n: 1, z: undefined }", valid: true },
  { property: 'named', value: { id: 'a', n: 1 }, valid: false },
  { property: 'named', value: { id: undefined, n: 1, z: 2 }, text: '{ id: undefined, n: 1, z: 2 }', valid: false },
  { property: 'chain', value: { id: 'a', n: 1, z: 2 }, valid: true },
  { property: 'chain', value: { id: 'a', n: 1, z: undefined }, text: "{ id: 'a', n: 1, z: undefined }", valid: false },
  { property: 'picked', value: { id: 'a' }, valid: true },
  { property: 'picked', value: {}, valid: false },
  { property: 'writable', value: { id: 'a', n: 0, z: undefined }, text: "{ id: 'a', n: 0, z: undefined }", valid: true },
  { property: 'writable', value: { id: 'a', n: 0 }, valid: false },
  { property: 'partial', value: {}, valid: true },
  { property: 'partial', value: { x: undefined }, text: '{ x: undefined }', valid: true },
  { property: 'partial', value: { x: 1 }, valid: false },
  { property: 'plus', value: {}, valid: true },
  { property: 'plus', value: { q: undefined, r: undefined }, text: '{ q: undefined, r: undefined }', valid: true },
  { property: 'plus', value: { r: 'yes' }, valid: false },
];

const KEYS_PRESENT = "{ label: 'a', either: null, maybe: 'm', boxed: { value: 1 }, indexed: 'i' }";
const KEYS: Verdict[] = [
  { value: { label: 'a', either: null, maybe: 'm', boxed: { value: 1 }, indexed: 'i' }, text: KEYS_PRESENT, valid: true },
  {
    value: { label: undefined, either: undefined, maybe: undefined, boxed: { value: undefined }, indexed: undefined },
    text: '{ label: undefined, either: undefined, maybe: undefined, boxed: { value: undefined }, indexed: undefined }',
    valid: true,
  },
  ...['label', 'either', 'maybe', 'indexed'].map((key) => {
    const value: Record<string, unknown> = { label: 'a', either: null, maybe: 'm', boxed: { value: 1 }, indexed: 'i' };
    delete value[key];
    return { value, valid: false };
  }),
  { value: { label: 'a', either: null, maybe: 'm', boxed: {}, indexed: 'i' }, valid: false },
  { value: { label: 1, either: null, maybe: 'm', boxed: { value: 1 }, indexed: 'i' }, valid: false },
];

/** JSON has no `undefined`: only the values whose keys all hold something are JSON values. */
const isJson = (value: unknown): boolean => JSON.stringify(JSON.parse(JSON.stringify(value))) === JSON.stringify(value) && !hasUndefined(value);
const hasUndefined = (value: unknown): boolean =>
  value === undefined || (typeof value === 'object' && value !== null && Object.values(value).some(hasUndefined));

let built: BuiltCase;

beforeAll(async () => {
  built = await buildCase('required-keys', {
    'mapped-verdicts.ts': verdictFile('Mapped', './input/keys.js', MAPPED, { structural: true }),
    'keys-verdicts.ts': verdictFile('Keys', './input/keys.js', KEYS, { structural: true }),
  }, { verdictCompilerOptions: { exactOptionalPropertyTypes: false } });
}, 120_000);

describe('a key without ? is required, whatever its type', () => {
  it('compiles under tsc --strict, and TypeScript agrees with every verdict below', () => {
    expect(built.compileErrors).toBe('');
  });

  for (const { property, value, valid, text } of MAPPED) {
    it(`Mapped.${property}: ${text ?? JSON.stringify(value)} is ${valid ? 'valid' : 'invalid'} for isT and validateT`, () => {
      const mapped = { inline: { id: 'a', n: 1 }, named: { id: 'a', n: 1, z: 1 }, chain: { id: 'a', n: 1, z: 2 }, picked: { id: 'a' }, writable: { id: 'a', n: 0, z: 0 }, partial: {}, plus: {} };
      const whole = { ...mapped, [property!]: value };
      expect(built.validators('Mapped').accepts(whole)).toBe(valid);
      expect(built.validators('Mapped').issues(whole).length === 0).toBe(valid);
      if (isJson(value)) expect(built.schemaAccepts('Mapped', whole)).toBe(valid);
    });
  }

  for (const { value, valid, text } of KEYS) {
    it(`Keys: ${text ?? JSON.stringify(value)} is ${valid ? 'valid' : 'invalid'}`, () => {
      const validators = built.validators('Keys');
      expect(validators.accepts(value)).toBe(valid);
      expect(validators.issues(value).length === 0).toBe(valid);
      if (isJson(value)) expect(built.schemaAccepts('Keys', value)).toBe(valid);
    });
  }

  it('reports each missing key at its path', () => {
    expect(built.validators('Keys').issues({ boxed: {} })).toEqual(['/label required', '/either required', '/maybe required', '/boxed/value required', '/indexed required']);
    expect(built.validators('Mapped').issues({ inline: {}, named: { id: 'a', n: 1 }, chain: { id: 'a', n: 1, z: 2 }, picked: {}, writable: { id: 'a', n: 0, z: 0 }, partial: {}, plus: {} })).toEqual([
      '/inline/id required',
      '/inline/n required',
      '/named/z required',
      '/picked/id required',
    ]);
  });

  it('lists every key without ? in the OpenAPI required list', () => {
    const schemas = built.document.components!.schemas! as Record<string, { required?: string[] }>;
    expect(schemas['Keys']!.required).toEqual(['label', 'either', 'maybe', 'boxed', 'indexed']);
    expect(schemas['Source']!.required).toEqual(['z']);
  });

  it('writes `x: T | undefined` as `x` in the model, with requiredKey, and `-?` as a required value', () => {
    const keys = built.model.declarations.find((declaration) => declaration.name === 'Keys')!.type;
    expect(keys.kind === 'object' && keys.properties.map((p) => [p.name, p.optional, p.requiredKey ?? false])).toEqual([
      ['label', true, true],
      ['either', true, true],
      ['maybe', false, false],
      ['boxed', false, false],
      ['indexed', true, true],
      ['note', true, false],
    ]);
  });

  it('mocks write every required key and pass the validators, and the schema where they are JSON', () => {
    for (const type of ['Mapped', 'Keys']) {
      const validators = built.validators(type);
      let json = 0;
      for (let seed = 0; seed < 100; seed += 1) {
        const mock = built.mock(type, seed);
        expect(validators.issues(mock)).toEqual([]);
        // A mock may write `undefined` where JSON cannot: the schema is judged on JSON values only.
        if (!isJson(mock)) continue;
        json += 1;
        expect(built.schemaAccepts(type, mock)).toBe(true);
      }
      expect(json).toBeGreaterThan(0);
    }
  });
});
