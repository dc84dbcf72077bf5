/**
 * `never` where TypeScript reads it as "nothing here" (issue 9 S4, S1, S5): `never[]` holds only
 * `[]`, `Record<string, never>` only `{}`, `x?: never` and a tuple's `never?` only absence. None of
 * them is a CG2004 (openapi-typescript writes them in every output); the validators reject an
 * item, a value or a present key, the mocks build `[]`, `{}` and no key, and the generated files
 * compile under @tsconfig/strictest's options (Prisma's `XOR` mock, `[string, never?]`, and a type
 * whose required `never` member rejects every value leave no unread local or helper).
 * The case is read under `exactOptionalPropertyTypes` (its tsconfig.json), as Prisma's users compile
 * it; the verdicts are tsc's own.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCase, failingMocks, type BuiltCase } from './helpers.js';
import { verdictFile, type Verdict } from './verdicts.js';

const NEVERS_OK = { empty: [], emptyRecord: {}, short: ['a'], rest: ['a'], reduced: 1 };
const NEVERS: Verdict[] = [
  { value: NEVERS_OK, valid: true },
  { value: { ...NEVERS_OK, empty: [1] }, valid: false },
  { value: { ...NEVERS_OK, emptyRecord: { a: 1 } }, valid: false },
  { value: { ...NEVERS_OK, short: ['a', 1] }, valid: false },
  { value: { ...NEVERS_OK, short: [] }, valid: false },
  { value: { ...NEVERS_OK, rest: ['a', 'b'] }, valid: false },
  { value: { ...NEVERS_OK, absent: 1 }, valid: false },
  { value: { ...NEVERS_OK, reduced: 'a' }, valid: false },
];

const WEBHOOKS: Verdict[] = [
  { value: {}, valid: true },
  { value: { a: 1 }, valid: false },
  { value: { a: {} }, valid: false },
];

const RESPONSES = { 200: { content: { 'application/json': ['x'] } } };
const OPERATION: Verdict[] = [
  { value: { parameters: {}, responses: RESPONSES }, valid: true },
  { value: { parameters: { query: { limit: 5 } }, responses: RESPONSES }, valid: true },
  { value: { parameters: { header: 'x' }, responses: RESPONSES }, valid: false },
  { value: { parameters: { path: {} }, responses: RESPONSES }, valid: false },
  { value: { parameters: {}, requestBody: {}, responses: RESPONSES }, valid: false },
];

const UPSERT: Verdict[] = [
  { value: { data: { email: 'a@b.c' } }, valid: true },
  { value: { data: { email: 'a@b.c', id: 1, name: null } }, valid: true },
  { value: { data: { email: 'a@b.c', profile: 'p', name: 'n' } }, valid: true },
  { value: { data: { email: 'a@b.c', id: 1, profile: 'p' } }, valid: false },
  { value: { data: { id: 1 } }, valid: false },
];

const COMPONENTS: Verdict[] = [
  { value: { schemas: { Pet: { id: 1, tags: [] }, Error: { code: 1 } } }, valid: false },
  { value: { schemas: { Pet: { id: 1, tags: [] }, Error: { code: 1 } }, responses: {} }, valid: false },
];

const CASES: Array<[string, Verdict[]]> = [
  ['Nevers', NEVERS],
  ['webhooks', WEBHOOKS],
  ['Operation', OPERATION],
  ['UpsertArgs', UPSERT],
  ['Components', COMPONENTS],
];

let built: BuiltCase;

beforeAll(async () => {
  const files = Object.fromEntries(CASES.map(([type, verdicts]) => [`${type}-verdicts.ts`, verdictFile(type, './input/nevers.js', verdicts, { structural: type !== 'Nevers' })]));
  built = await buildCase('never-forms', files);
}, 180_000);

describe('never read as "nothing here"', () => {
  it('compiles under tsc --strict and the strictest options, and TypeScript agrees with every verdict below', () => {
    expect(built.compileErrors).toBe('');
  });

  it('reports only the required never (no CG2004 for never[], Record<string, never>, ?: never, never?)', () => {
    expect(built.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual(["CG2004 Unsupported type 'never' (Components.responses)."]);
  });

  for (const [type, verdicts] of CASES) {
    for (const { value, valid } of verdicts) {
      it(`${type}: ${JSON.stringify(value)} is ${valid ? 'valid' : 'invalid'} for isT, validateT and the schema`, () => {
        const validators = built.validators(type);
        expect(validators.accepts(value)).toBe(valid);
        expect(validators.issues(value).length === 0).toBe(valid);
        expect(built.schemaAccepts(type, value)).toBe(valid);
      });
    }
  }

  it('mocks [] and {} and leave absent keys out: every mock passes its validator and schema', () => {
    for (const type of ['Nevers', 'webhooks', 'Operation', 'UpsertArgs']) expect(failingMocks(built, type), type).toEqual([]);
    expect(built.mock('Nevers', 1)).toMatchObject({ empty: [], emptyRecord: {} });
    expect(built.mock('webhooks', 1)).toEqual({});
  });
});
