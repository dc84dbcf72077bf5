/**
 * The project's `exactOptionalPropertyTypes` (tester s6 S17): under it TypeScript rejects
 * `{ x: undefined }` for `x?: string` (TS2375), and `if (isOpt(v) && 'x' in v) v.x.toUpperCase()`
 * compiles, so a validator accepting it lied and the program threw. The analyzer reads the option
 * from the user's tsconfig (this case's tsconfig.json), records it in the model, and marks such
 * properties `exactOptional`: a missing key passes, an own `undefined` does not; `y?: string |
 * undefined`, `u?: unknown` and `label: string | undefined` still admit it. Without the option,
 * as before. A tuple's optional element alike (`[string, number?]`). The verdicts are tsc's own
 * (compiled with the option on). A key by a well-known symbol alike (`[Symbol.toStringTag]?: string`).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyzer/index.js';
import { fixtureInput } from '../analyzer/run-fixture.js';
import { buildCase, failingMocks, type BuiltCase } from './helpers.js';
import { verdictFile, type Verdict } from './verdicts.js';

const U = undefined;
const OPT: Verdict[] = [
  { value: {}, valid: true },
  { value: { x: 'a', y: 'b', p: { a: 1 }, r: { k: 1 }, u: 1, n: null }, valid: true },
  { value: { x: U }, text: '{ x: undefined }', valid: false },
  { value: { y: U }, text: '{ y: undefined }', valid: true },
  { value: { u: U }, text: '{ u: undefined }', valid: true },
  { value: { p: {} }, valid: true },
  { value: { p: { a: U } }, text: '{ p: { a: undefined } }', valid: false },
  { value: { p: U }, text: '{ p: undefined }', valid: false },
  { value: { r: U }, text: '{ r: undefined }', valid: false },
  { value: { n: U }, text: '{ n: undefined }', valid: false },
  { value: { x: 1 }, valid: false },
];

const USES: Verdict[] = [
  { value: { o: {}, po: {}, list: [] }, valid: true },
  { value: { o: { x: U }, po: {}, list: [] }, text: '{ o: { x: undefined }, po: {}, list: [] }', valid: false },
  { value: { o: {}, po: { x: U }, list: [] }, text: '{ o: {}, po: { x: undefined }, list: [] }', valid: false },
  { value: { o: {}, po: {}, list: [{ x: U }] }, text: '{ o: {}, po: {}, list: [{ x: undefined }] }', valid: false },
  { value: { o: {}, po: { y: U }, list: [{}] }, text: '{ o: {}, po: { y: undefined }, list: [{}] }', valid: true },
];

const FORM: Verdict[] = [
  { value: { label: U }, text: '{ label: undefined }', valid: true },
  { value: { note: U, label: U }, text: '{ note: undefined, label: undefined }', valid: true },
  { value: { title: 't', label: 'a' }, valid: true },
  { value: {}, valid: false },
];

const PAIR_OK = "{ t: ['a'], u: ['a', undefined], n: ['a'] }";
const PAIR: Verdict[] = [
  { value: { t: ['a'], u: ['a', U], n: ['a'] }, text: PAIR_OK, valid: true },
  { value: { t: ['a', 1], u: ['a', 2], n: ['a'] }, text: "{ t: ['a', 1], u: ['a', 2], n: ['a'] }", valid: true },
  { value: { t: ['a', U], u: ['a'], n: ['a'] }, text: "{ t: ['a', undefined], u: ['a'], n: ['a'] }", valid: false },
  { value: { t: ['a'], u: ['a'], n: ['a', U] }, text: "{ t: ['a'], u: ['a'], n: ['a', undefined] }", valid: false },
];

const LABELLED: Verdict[] = [
  { value: { id: 'a' }, valid: true },
  { value: { id: 'a', [Symbol.toStringTag]: 'L' }, text: "{ id: 'a', [Symbol.toStringTag]: 'L' }", valid: true },
  { value: { id: 'a', [Symbol.toStringTag]: U }, text: "{ id: 'a', [Symbol.toStringTag]: undefined }", valid: false },
  { value: { id: 'a', [Symbol.toStringTag]: 1 }, text: "{ id: 'a', [Symbol.toStringTag]: 1 }", valid: false },
  { value: { id: 'a', [Symbol.isConcatSpreadable]: U }, text: "{ id: 'a', [Symbol.isConcatSpreadable]: undefined }", valid: true },
];

const CASES: Array<[string, Verdict[]]> = [
  ['Opt', OPT],
  ['Pair', PAIR],
  ['UsesOpt', USES],
  ['Form', FORM],
  ['Labelled', LABELLED],
];

/** JSON has no `undefined`: the schema is asked only about values that hold none. */
const hasUndefined = (value: unknown): boolean =>
  value === undefined || (typeof value === 'object' && value !== null && Object.values(value).some(hasUndefined));

let built: BuiltCase;

beforeAll(async () => {
  const files = Object.fromEntries(CASES.map(([type, verdicts]) => [`${type}-verdicts.ts`, verdictFile(type, './input/options.js', verdicts)]));
  // The reported program: it compiles under the option, so the guard must not pass `{ x: undefined }`.
  files['guarded.ts'] = "import type { Opt } from './input/options.js';\nimport { isOpt } from './generated/options.validate.js';\nexport function shout(v: unknown): string | undefined {\n  if (isOpt(v) && 'x' in v) return v.x.toUpperCase();\n  return undefined;\n}\nexport type Checked = Opt;\n";
  // Under define semantics (target ES2022) `new Form()` has an own `title: undefined`, and TypeScript types it Form.
  files['constructed.ts'] = "import { Form } from './input/options.js';\nexport const made: Form = new Form();\n";
  built = await buildCase('exact-optional', files);
}, 180_000);

describe('exactOptionalPropertyTypes, read from the project', () => {
  it('compiles under the option, and TypeScript agrees with every verdict below', () => {
    expect(built.compileErrors).toBe('');
  });

  it('records the option in the model, and marks x?: T whose type holds no undefined', () => {
    expect(built.model.compilerOptions).toEqual({ exactOptionalPropertyTypes: true });
    const opt = built.model.declarations.find((declaration) => declaration.name === 'Opt')!.type;
    const marked = opt.kind === 'object' ? opt.properties.filter((property) => property.exactOptional).map((property) => property.name) : [];
    expect(marked).toEqual(['x', 'p', 'r', 'n', '__proto__']);
  });

  it('reads none of it without the option (no tsconfig)', () => {
    const { tsconfig: _tsconfig, ...input } = fixtureInput('exact-optional');
    const { model } = analyze(input);
    expect(model.compilerOptions).toBeUndefined();
    const marked = model.declarations.flatMap((declaration) => (declaration.type.kind === 'object' ? declaration.type.properties : [])).filter((property) => property.exactOptional);
    expect(marked).toEqual([]);
  });

  for (const [type, verdicts] of CASES) {
    for (const { value, valid, text } of verdicts) {
      it(`${type}: ${text ?? JSON.stringify(value)} is ${valid ? 'valid' : 'invalid'} for isT and validateT`, () => {
        const validators = built.validators(type);
        expect(validators.accepts(value)).toBe(valid);
        expect(validators.issues(value).length === 0).toBe(valid);
        // JSON has no symbol keys either: Labelled's schema leaves them out.
        if (!hasUndefined(value) && type !== 'Form' && type !== 'Labelled') expect(built.schemaAccepts(type, value)).toBe(valid);
      });
    }
  }

  it('accepts a new instance of a class whose x?: T field define semantics set to undefined (tester s13 T-J)', async () => {
    const { Form } = (await import('../../.tmp/type-forms/exact-optional/input/options.js' as string)) as { Form: new () => object };
    const made = new Form();
    expect(Object.keys(made)).toEqual(['title', 'note', 'label']);
    expect(built.validators('Form').accepts(made)).toBe(true);
    expect(built.validators('Form').issues(made)).toEqual([]);
    expect(built.validators('Form').accepts({ title: 1, label: 'a' })).toBe(false);
    // The class field is not exact-optional (an own undefined is the instance's); the interface's `x?: string` still is.
    const form = built.model.declarations.find((declaration) => declaration.name === 'Form')!.type;
    expect(form.kind === 'object' && form.properties.find((property) => property.name === 'title')?.exactOptional).toBeFalsy();
  });

  it('the reported guard no longer passes { x: undefined }', async () => {
    const { shout } = (await import('../../.tmp/type-forms/exact-optional/guarded.js' as string)) as { shout: (v: unknown) => unknown };
    expect(shout({ x: undefined })).toBeUndefined();
    expect(shout({ x: 'a' })).toBe('A');
  });

  it('mocks never write undefined where the option forbids it, and pass their validators', () => {
    for (const type of ['Opt', 'UsesOpt', 'Pair', 'Labelled']) expect(failingMocks(built, type), type).toEqual([]);
    // `label: string | undefined` is a required key its mock may fill with undefined, which JSON drops: the validator only.
    const form = built.validators('Form');
    for (let seed = 0; seed < 100; seed += 1) expect(form.accepts(built.mock('Form', seed)), `seed ${seed}`).toBe(true);
  });
});
