/**
 * Issue 9 A2: a rest element that is not last (`[...string[], 'ok' | 'failed']`,
 * `[number, ...string[], boolean]`). The validators accept exactly what TypeScript accepts
 * (the verdicts are compiled by tsc), the mocks compile and pass, and the OpenAPI schema says
 * what JSON Schema can: `prefixItems`, `items` and `minItems`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { checkOpenapi } from '../../../src/generators/openapi/check.js';
import { buildCase, failingMocks, type BuiltCase } from './helpers.js';
import { verdictFile, type Verdict } from './verdicts.js';

const VERDICTS: Verdict[] = [
  { property: 'steps', value: ['ok'], valid: true },
  { property: 'steps', value: ['a', 'b', 'failed'], valid: true },
  { property: 'steps', value: [], valid: false },
  { property: 'steps', value: ['ok', 'a'], valid: false },
  { property: 'steps', value: ['a', 'b'], valid: false },
  { property: 'steps', value: ['a', 1, 'ok'], valid: false },
  { property: 'framed', value: [1, true], valid: true },
  { property: 'framed', value: [1, 'a', 'b', false], valid: true },
  { property: 'framed', value: [1], valid: false },
  { property: 'framed', value: [true], valid: false },
  { property: 'framed', value: [1, 'a'], valid: false },
  { property: 'framed', value: ['a', true], valid: false },
  { property: 'framed', value: [1, 2, true], valid: false },
  { property: 'framed', value: [1, true, 'a'], valid: false },
  { property: 'only', value: [], valid: true },
  { property: 'only', value: [1, 2], valid: true },
  { property: 'only', value: ['1'], valid: false },
  { property: 'labelled', value: [0, 'x', true], valid: true },
  { property: 'labelled', value: [0, 'x'], valid: false },
  { property: 'readonlyFramed', value: [0, false], valid: true },
  { property: 'readonlyFramed', value: [0, 'x', 0], valid: false },
  { property: 'twoTail', value: ['a', 1], valid: true },
  { property: 'twoTail', value: [true, false, 'a', 1], valid: true },
  { property: 'twoTail', value: [true, 'a'], valid: false },
  { property: 'twoTail', value: ['a', 1, true], valid: false },
  { property: 'twoTail', value: [1, 'a'], valid: false },
];

const GENERIC_VERDICTS: Verdict[] = [
  { property: 'tail', value: ['a'], valid: true },
  { property: 'tail', value: ['a', 'b', 'c'], valid: true },
  { property: 'tail', value: [], valid: false },
  { property: 'spread', value: [], valid: true },
  { property: 'words', value: [1], valid: true },
  { property: 'words', value: ['a', 'b', 2], valid: true },
  { property: 'words', value: ['a'], valid: false },
  { property: 'words', value: [1, 'a'], valid: false },
];

const GENERIC = { tail: ['a'], spread: ['b'], words: ['c', 1] };

const STEPS = { steps: ['ok'], framed: [1, true], only: [], labelled: [0, true], readonlyFramed: [0, true], twoTail: ['a', 1] };

let built: BuiltCase;

beforeAll(async () => {
  built = await buildCase('rest-elements', {
    'verdicts.ts': verdictFile('Steps', './input/steps.js', VERDICTS),
    'generic-verdicts.ts': verdictFile('Generic', './input/generic.js', GENERIC_VERDICTS),
  });
}, 120_000);

describe('rest elements that are not last', () => {
  it('compile under tsc --strict, and TypeScript agrees with every verdict below', () => {
    expect(built.compileErrors).toBe('');
  });

  for (const { property, value, valid } of VERDICTS) {
    it(`${property}: ${JSON.stringify(value)} is ${valid ? 'valid' : 'invalid'}`, () => {
      expect(built.validators('Steps').accepts({ ...STEPS, [property!]: value })).toBe(valid);
    });
  }

  for (const { property, value, valid } of GENERIC_VERDICTS) {
    it(`in generics, ${property}: ${JSON.stringify(value)} is ${valid ? 'valid' : 'invalid'}`, () => {
      expect(built.validators('Generic').accepts({ ...GENERIC, [property!]: value })).toBe(valid);
    });
  }

  it('keeps the constraints of an alias in a rest, before or after it, also through generics ([...T[], T], [...T[]])', () => {
    const generic = built.validators('Generic');
    expect(generic.issues({ ...GENERIC, tail: ['a', 'B', 'C'] })).toEqual(['/tail/1 pattern', '/tail/2 pattern']);
    expect(generic.issues({ ...GENERIC, spread: ['X'] })).toEqual(['/spread/0 pattern']);
    expect(generic.issues({ ...GENERIC, words: ['X', 1] })).toEqual(['/words/0 pattern']);
    expect(built.schemaAccepts('Generic', { ...GENERIC, words: ['X', 1] })).toBe(false);
  });

  it('reports the element after the rest at its index from the end', () => {
    expect(built.validators('Steps').issues({ ...STEPS, steps: ['a', 'b'] })).toEqual(['/steps/1 union']);
    expect(built.validators('Steps').issues({ ...STEPS, framed: [1, 'a', 2] })).toEqual(['/framed/2 type']);
    expect(built.validators('Steps').issues({ ...STEPS, framed: [1] })).toEqual(['/framed minItems']);
  });

  it('describes them in OpenAPI with prefixItems, items and minItems, and warns that the order is not checked', () => {
    const steps = (built.document.components!.schemas!['Steps'] as any).properties;
    expect(steps.framed).toEqual({ type: 'array', prefixItems: [{ type: 'number' }], items: { type: ['string', 'boolean'] }, minItems: 2 });
    expect(steps.only).toEqual({ type: 'array', items: { type: 'number' } });
    for (const { property, value, valid } of VERDICTS) {
      // Looser than the validators only on the order after the prefix: never rejects a valid value.
      if (valid) expect(built.schemaAccepts('Steps', { ...STEPS, [property!]: value }), JSON.stringify(value)).toBe(true);
    }
    expect(built.schemaAccepts('Steps', { ...STEPS, framed: [1] })).toBe(false);
    // Each at its property (framed is line 3), not at the interface.
    const warnings = checkOpenapi(built.model, { resources: false }).map((diagnostic) => `${diagnostic.line}:${diagnostic.column} ${diagnostic.message}`);
    expect(warnings).toContain(
      "3:3 openapi: Steps: the element after the rest of a tuple is described as items of the rest's type or its own: the document requires the length but not that it comes last.",
    );
  });

  it('mocks pass the validators and the schema', () => {
    expect(failingMocks(built, 'Steps', 200)).toEqual([]);
    expect(failingMocks(built, 'Generic', 200)).toEqual([]);
  });
});
