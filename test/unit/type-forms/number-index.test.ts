/**
 * Issue 9 A3: a number index signature beside named properties (`{ size: string; [i: number]:
 * boolean }`) constrains only the keys TypeScript calls numeric, the canonical text of a number;
 * other undeclared keys follow the type's @strict rule. The verdicts on `Sized` and `Both` are
 * TypeScript's own (compiled structurally, as a validator sees parsed JSON).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCase, failingMocks, type BuiltCase } from './helpers.js';
import { verdictFile, type Verdict } from './verdicts.js';

const SIZED: Verdict[] = [
  { value: { size: 'm' }, valid: true },
  { value: { size: 'm', 0: true, 1.5: false, '-1': true, '1e+21': true }, valid: true },
  { value: { size: 'm', 0: 'yes' }, valid: false },
  { value: { size: 'm', '-1': 1 }, valid: false },
  { value: { size: 'm', 1.5: null }, valid: false },
  { value: { size: 'm', 'Infinity': 0 }, valid: false },
  { value: { size: 'm', color: 'red', '01': 'x', '1.50': 2, '1e3': 'x', '-0': 0, ' 1': 0 }, valid: true },
  { value: { size: 1 }, valid: false },
];

const BOTH: Verdict[] = [
  { value: { size: 1, other: 2, flag: true, 3: false }, valid: true },
  { value: { size: 1, 3: 4 }, valid: false },
  { value: { size: 1, other: 'x' }, valid: false },
  { value: { size: 1, '03': 4 }, valid: true },
];

let built: BuiltCase;

beforeAll(async () => {
  built = await buildCase('number-index', {
    'sized-verdicts.ts': verdictFile('Sized', './input/sizes.js', SIZED, { structural: true }),
    'both-verdicts.ts': verdictFile('Both', './input/sizes.js', BOTH, { structural: true }),
  });
}, 120_000);

describe('a number index signature beside named properties', () => {
  it('compiles under tsc --strict, and TypeScript agrees with every verdict below', () => {
    expect(built.compileErrors).toBe('');
  });

  for (const [type, verdicts] of [['Sized', SIZED], ['Both', BOTH]] as const) {
    for (const { value, valid } of verdicts) {
      it(`${type}: ${JSON.stringify(value)} is ${valid ? 'valid' : 'invalid'}, for the validators and the OpenAPI schema`, () => {
        expect(built.validators(type).accepts(value)).toBe(valid);
        expect(built.schemaAccepts(type, value)).toBe(valid);
      });
    }
  }

  it('reports a numeric key at its path', () => {
    expect(built.validators('Sized').issues({ size: 'm', 2: 'x', two: 'x' })).toEqual(['/2 type']);
  });

  it('under @strict accepts numeric keys of the index type and rejects every other undeclared key', () => {
    const strict = built.validators('StrictSized');
    expect(strict.accepts({ size: 'm', 0: true, '-2.5': false })).toBe(true);
    expect(strict.issues({ size: 'm', 0: 1 })).toEqual(['/0 type']);
    expect(strict.issues({ size: 'm', color: 'red', '01': true })).toEqual(['/color additionalProperties', '/01 additionalProperties']);
    expect(built.schemaAccepts('StrictSized', { size: 'm', 0: true })).toBe(true);
    expect(built.schemaAccepts('StrictSized', { size: 'm', '01': true })).toBe(false);
  });

  it('is patternProperties for numeric keys in OpenAPI', () => {
    const sized = built.document.components!.schemas!['Sized'] as any;
    expect(Object.values(sized.patternProperties)).toEqual([{ type: 'boolean' }]);
    expect(sized.additionalProperties).toBeUndefined();
    expect((built.document.components!.schemas!['StrictSized'] as any).additionalProperties).toBe(false);
  });

  it('mocks pass the validators and the schema', () => {
    for (const type of ['Sized', 'StrictSized', 'Both']) expect(failingMocks(built, type)).toEqual([]);
  });
});
