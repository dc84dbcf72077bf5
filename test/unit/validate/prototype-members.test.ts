/**
 * Properties named like members of `Object.prototype` are read as TypeScript reads them: the
 * members its `Object` interface declares (`toString`, `constructor`, `valueOf`…) through the
 * prototype, so `{}` is not a `{ toString?: string }`; `__proto__`, which TypeScript does not know
 * an object inherits, as an own key only. The `prototype-members` fixture run, and each of its
 * samples' verdicts checked against tsc itself.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyzer/index.js';
import { tscSampleVerdicts } from '../../helpers/tsc-sample-verdicts.js';
import { VALIDATE_SAMPLES } from '../../helpers/validate-samples.js';
import { FIXTURES_DIR, loadGenerated, validatorsOf, type TypeValidators } from './helpers.js';

let optional: TypeValidators;
let fitting: TypeValidators;
let required: TypeValidators;
let nested: TypeValidators;

beforeAll(async () => {
  const module = await loadGenerated('prototype-members', 'prototype-members.validate.ts');
  optional = validatorsOf(module, 'Optional');
  fitting = validatorsOf(module, 'Fitting');
  required = validatorsOf(module, 'Required');
  nested = validatorsOf(module, 'Nested');
});

const full = { constructor: 1, toString: 'a', valueOf: 'b', hasOwnProperty: true };

describe('optional properties named like Object members', () => {
  it('reject an object without them, as TypeScript does (the inherited member is not a value of the type)', () => {
    expect(optional.issues({})).toEqual(['/constructor type', '/toString type', '/valueOf type', '/hasOwnProperty type']);
    expect(nested.issues({ inner: full, list: [{}] })).toEqual(['/list/0/valueOf type']);
  });

  it('accept them holding undefined, and check them when they hold a value', () => {
    expect(optional.accepts({ constructor: undefined, toString: undefined, valueOf: undefined, hasOwnProperty: undefined })).toBe(true);
    expect(optional.accepts(full)).toBe(true);
    expect(optional.issues({ ...full, constructor: 'x', toString: 5 })).toEqual(['/constructor type', '/toString type']);
  });

  it('read an object without a prototype as TypeScript reads a missing key', () => {
    expect(optional.issues(Object.create(null))).toEqual(['/constructor required', '/toString required', '/valueOf required', '/hasOwnProperty required']);
    expect(fitting.accepts(Object.assign(Object.create(null), { valueOf: {} }))).toBe(true);
  });

  it('stay optional where the inherited member is a value of the type (`toString?: unknown`)', () => {
    expect(fitting.accepts({ valueOf: {} })).toBe(true);
    // TypeScript takes the inherited `valueOf` for `object`; the validators check plain data (CG2019 says so).
    expect(fitting.accepts({})).toBe(false);
  });
});

describe('`__proto__`, unknown to TypeScript as an inherited member', () => {
  it('is missing unless the object holds it (JSON.parse makes an own key of it)', () => {
    expect(optional.accepts(JSON.parse('{"constructor":1,"toString":"a","valueOf":"b","hasOwnProperty":true,"__proto__":"x"}'))).toBe(true);
    expect(optional.issues(JSON.parse('{"constructor":1,"toString":"a","valueOf":"b","hasOwnProperty":true,"__proto__":5}'))).toEqual(['/__proto__ type']);
    expect(required.issues(JSON.parse('{"toString":"a","isPrototypeOf":0,"toLocaleString":null}'))).toEqual(['/__proto__ required']);
  });
});

describe('required properties named like Object members', () => {
  it('accept the inherited member where it is a value of the type (`isPrototypeOf: unknown`), as TypeScript does', () => {
    expect(required.accepts(JSON.parse('{"toString":"a","toLocaleString":"b","__proto__":1}'))).toBe(true);
  });

  it('reject it where it is not', () => {
    expect(required.issues(JSON.parse('{"isPrototypeOf":0,"__proto__":1}'))).toEqual(['/toString type', '/toLocaleString type']);
  });
});

/** The samples' verdicts are TypeScript's: `const v: T = <sample>` compiles exactly for the valid ones. */
describe('the prototype-members samples agree with tsc', () => {
  it('accepts the valid samples and rejects the invalid ones', () => {
    const { actual, expected } = tscSampleVerdicts(join(FIXTURES_DIR, 'prototype-members', 'input', 'prototype-members.ts'), VALIDATE_SAMPLES['prototype-members']!);
    expect(actual).toEqual(expected);
  });
});

describe('CG2019', () => {
  it('warns at each optional property TypeScript treats as required, and only there', () => {
    const dir = join(FIXTURES_DIR, 'prototype-members');
    const { diagnostics, model } = analyze({ rootDir: dir, files: [join(dir, 'input', 'prototype-members.ts')], defaultGenerators: ['validate'], knownGenerators: ['validate', 'mock'], displayRoot: dir });
    const warnings = diagnostics.filter((entry) => entry.code === 'CG2019').map((entry) => `${entry.line} ${entry.message.split(':')[0]}`);
    expect(warnings).toEqual([
      '10 `constructor?` is effectively required (Optional.constructor)',
      '11 `toString?` is effectively required (Optional.toString)',
      '12 `valueOf?` is effectively required (Optional.valueOf)',
      '13 `hasOwnProperty?` is effectively required (Optional.hasOwnProperty)',
      '26 `valueOf?` is effectively required (Fitting.valueOf)',
      '40 `valueOf?` is effectively required (Nested.list.valueOf)',
    ]);
    // `toString?: unknown`, `isPrototypeOf?: unknown`, `__proto__?: string` and `name?: string` stay optional.
    const fitting = model.declarations.find((declaration) => declaration.name === 'Fitting')!.type;
    expect(fitting.kind === 'object' && fitting.properties.map((property) => `${property.name}${property.requiredKey ? '' : '?'}`)).toEqual(['toString?', 'isPrototypeOf?', 'valueOf']);
  });
});
