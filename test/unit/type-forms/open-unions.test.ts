/**
 * Issue 9 C1: the open literal union idiom (`'sm' | 'lg' | (string & {})`) accepts every string,
 * as TypeScript does; `number & {}` is `number`; brands (`string & { __brand: 'Email' }`) are
 * their primitive, the validator being what confers the brand. The verdicts are tsc's own.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCase, failingMocks, type BuiltCase } from './helpers.js';
import { verdictFile, type Verdict } from './verdicts.js';

const VERDICTS: Verdict[] = [
  { property: 'size', value: 'sm', valid: true },
  { property: 'size', value: 'xl', valid: true },
  { property: 'size', value: '', valid: true },
  { property: 'size', value: 1, valid: false },
  { property: 'size', value: {}, valid: false },
  { property: 'size', value: null, valid: false },
  { property: 'width', value: 1, valid: true },
  { property: 'width', value: 7.5, valid: true },
  { property: 'width', value: '1', valid: false },
  { property: 'width', value: {}, valid: false },
  { property: 'count', value: 0, valid: true },
  { property: 'count', value: 'x', valid: false },
  { property: 'count', value: {}, valid: false },
];

const BUTTON = { size: 'sm', width: 1, count: 0, email: 'a@b.c', owner: 7 };

let built: BuiltCase;

beforeAll(async () => {
  built = await buildCase('open-unions', { 'button-verdicts.ts': verdictFile('Button', './input/sizes.js', VERDICTS) });
}, 120_000);

describe('open literal unions and brands', () => {
  it('compile under tsc --strict, and TypeScript agrees with every verdict below', () => {
    expect(built.compileErrors).toBe('');
  });

  for (const { property, value, valid } of VERDICTS) {
    it(`Button.${property} = ${JSON.stringify(value)} is ${valid ? 'valid' : 'invalid'}, for the validators and the OpenAPI schema`, () => {
      const candidate = { ...BUTTON, [property!]: value };
      expect(built.validators('Button').accepts(candidate)).toBe(valid);
      expect(built.schemaAccepts('Button', candidate)).toBe(valid);
    });
  }

  it('reads `string & {}` and `number & {}` as the primitive, keeping the literals beside it', () => {
    const size = built.model.declarations.find((declaration) => declaration.id === 'Size')!;
    expect(size.type).toEqual({ kind: 'union', members: [{ kind: 'literal', value: 'sm' }, { kind: 'literal', value: 'lg' }, { kind: 'string' }] });
  });

  it('reads a brand as its primitive, with the constraints of the alias it brands', () => {
    expect(built.validators('Email').accepts('someone@example.com')).toBe(true);
    expect(built.validators('Email').accepts({ __brand: 'Email' })).toBe(false);
    expect(built.validators('UserId').accepts(3)).toBe(true);
    expect(built.validators('Button').accepts({ ...BUTTON, code: 'ABC' })).toBe(true);
    expect(built.validators('Button').accepts({ ...BUTTON, code: 'abc' })).toBe(false);
  });

  it('is one string schema in OpenAPI, the literals kept as examples', () => {
    expect(built.document.components!.schemas!['Size']).toMatchObject({ type: 'string', examples: ['sm', 'lg'] });
    expect(built.document.components!.schemas!['Size']).not.toHaveProperty('anyOf');
  });

  it('mocks pass the validators and the schema', () => {
    for (const type of ['Button', 'Size', 'Email', 'UserId']) expect(failingMocks(built, type)).toEqual([]);
  });

  it('reports nothing', () => {
    expect(built.diagnostics).toEqual([]);
  });
});
