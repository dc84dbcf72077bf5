/**
 * The document's schemas agree with the generated validators. For every validate fixture, the
 * same model gives both outputs (its `validate` types processed by `openapi` too); the
 * document's `components.schemas` are compiled by ajv (JSON Schema 2020-12, ajv-formats) and,
 * for every sample of test/helpers/validate-samples.ts, `isT(value)` must equal the schema's
 * verdict on the value's JSON form (`JSON.stringify`, bigints as decimal strings: what travels).
 *
 * What is compared, and the deliberate limits:
 * - the JSON form: `undefined` properties vanish, `NaN` becomes `null`, `Date`s become ISO
 *   strings; samples invalid only in memory (`memoryOnly`: a number for a bigint, an ISO string
 *   for a Date without `coerce`) are checked to be rejected by `isT` and not sent to ajv;
 * - ajv runs with `multipleOfPrecision: 6`: the document says `multipleOf: 0.01`, which means a
 *   decimal step; binary division would reject 19.99, and so does no careful consumer;
 * - lengths: both count code points (ajv's `unicode: true` default, the validators by design);
 * - formats: ajv-formats' `full` mode against the validators' own checks; the differences
 *   between the two implementations are listed in FORMAT_DIFFERENCES, each asserted to still
 *   differ, so the list cannot go stale.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS: under NodeNext its default import is the module object.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
import type { OpenAPIObject } from 'openapi3-ts/oas31';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocument } from '../../../src/generators/openapi/index.js';
import { withDefaults } from '../../../src/generators/openapi/options.js';
import type { Model } from '../../../src/model/types.js';
import { VALIDATE_SAMPLES } from '../../helpers/validate-samples.js';
import { fixtureNames, materializeFixture, FIXTURES_DIR as VALIDATE_FIXTURES } from '../validate/helpers.js';
import { checked, expectValidDocument } from './helpers.js';

const TMP = resolve('test/.tmp/openapi-agreement');
const DOCUMENT_ID = 'https://codegen.test/openapi.json';

/** Samples where ajv (ajv-formats' format checks, its reading of keys) and the validators disagree, and why. */
const FORMAT_DIFFERENCES: ReadonlyArray<{ sample: Record<string, unknown>; why: string }> = [
  { sample: { duration: 'PT0.5S' }, why: "ajv-formats' `duration` (RFC 3339 appendix A) has no fractions; the validators follow ISO 8601, which allows them" },
  ...['2024-02-29T12:30:00+0100', '2024-02-29T12:30:00+01', '2024-02-29T12:30:00-0000'].map((dateTime) => ({
    sample: { dateTime },
    why: "ajv-formats' `date-time` takes an offset without its colon or minutes; RFC 3339 §5.6 writes it `Z` or `±hh:mm`, as the validators do",
  })),
  ...['{"constructor":1,"toString":"a","valueOf":"b","hasOwnProperty":true,"__proto__":5}', '{"toString":"a","isPrototypeOf":0,"toLocaleString":null}'].map((json) => ({
    sample: JSON.parse(json) as Record<string, unknown>,
    why: 'ajv checks no property named `__proto__` (its type never, its presence in `required` only with ownProperties: true), even as an own key of a parsed JSON object',
  })),
  ...(VALIDATE_SAMPLES['template-literals']?.['Network']?.invalid ?? [])
    .filter((sample) => (sample as Record<string, unknown>)['ssid'] === 'wifi1e400')
    .map((sample) => ({ sample: sample as Record<string, unknown>, why: 'a template\'s `${number}` pattern cannot bound the value: it accepts `1e400`, which overflows to Infinity (kit/template-literal.ts, docs/openapi.md)' })),
  ...(VALIDATE_SAMPLES['dates-coerce']?.['Reading']?.invalid ?? [])
    .filter((sample) => (sample as Record<string, unknown>)['at'] === '2016-12-31T23:59:60Z')
    .map((sample) => ({
      sample: wire(sample) as Record<string, unknown>,
      why: "a leap second is RFC 3339, so `format: date-time` takes it; a `Date` position refuses it under coerce, since no Date holds it (docs/validate.md, tester3 T-6)",
    })),
  ...(VALIDATE_SAMPLES['constraints']?.['Numbers']?.invalid ?? [])
    .filter((sample) => (sample as Record<string, unknown>)['tenth'] === 1e-1 * 3)
    .map((sample) => ({
      sample: wire(sample) as Record<string, unknown>,
      why: '`multipleOfPrecision: 6` makes ajv accept 0.30000000000000004 for `multipleOf: 0.1`; the validators decide on the decimal written, exactly (docs/validate.md), as JSON Schema\'s "division results in an integer" reads',
    })),
];

/** The model with every type the validators check also processed by openapi. */
function withOpenapi(model: Model): Model {
  return {
    ...model,
    declarations: model.declarations.map((declaration) =>
      declaration.generators.includes('validate') ? { ...declaration, generators: [...declaration.generators, 'openapi'] } : declaration,
    ),
  };
}

/** The JSON form of a value, bigints as decimal strings (their wire form, docs/openapi.md). */
function wire(value: unknown): unknown {
  const text = JSON.stringify(value, (_key, entry: unknown) => (typeof entry === 'bigint' ? String(entry) : entry));
  return text === undefined ? undefined : JSON.parse(text);
}

type Check = (value: unknown) => boolean;

interface Compared {
  fixtures: number;
  types: number;
  samples: number;
  memoryOnly: number;
}
const compared: Compared = { fixtures: 0, types: 0, samples: 0, memoryOnly: 0 };

function ajvFor(document: OpenAPIObject): Ajv2020 {
  // ajv's default reading (ownProperties: false) sees the inherited `toString` as TypeScript does.
  const ajv = new Ajv2020({ strict: false, multipleOfPrecision: 6, allErrors: false });
  addFormats(ajv);
  // Registry formats ajv-formats lacks: the document writes their range out as bounds.
  for (const name of ['uint32', 'uint64']) ajv.addFormat(name, true);
  ajv.addSchema({ $id: DOCUMENT_ID, components: document.components }, DOCUMENT_ID);
  return ajv;
}

async function validatorsOfFixture(name: string): Promise<Record<string, unknown>> {
  const folder = await materializeFixture(name, TMP);
  const generated = join(folder, 'generated');
  const modules = await Promise.all(
    readdirSync(generated)
      .filter((file) => file.endsWith('.validate.ts'))
      .map((file) => import(join(generated, file)) as Promise<Record<string, unknown>>),
  );
  return Object.assign({}, ...modules);
}

describe('openapi schemas agree with the validate generator', () => {
  for (const name of fixtureNames()) {
    describe(name, () => {
      let functions: Record<string, unknown>;
      let ajv: Ajv2020;
      let model: Model;

      beforeAll(async () => {
        model = withOpenapi(JSON.parse(readFileSync(join(VALIDATE_FIXTURES, name, 'model.json'), 'utf8')) as Model);
        const document = buildDocument(model, withDefaults({}));
        await expectValidDocument(document);
        ajv = ajvFor(document);
        functions = await validatorsOfFixture(name);
        compared.fixtures += 1;
      });

      it('has samples for every type the fixture processes', () => {
        const roots = model.declarations.filter((declaration) => declaration.generators.includes('validate')).map((declaration) => declaration.name);
        expect(Object.keys(VALIDATE_SAMPLES[name] ?? {})).toEqual(expect.arrayContaining(roots));
      });

      for (const [type, samples] of Object.entries(VALIDATE_SAMPLES[name] ?? {})) {
        it(`${type}: isT and the schema give the same verdicts`, () => {
          const isT = functions[`is${type}`] as Check;
          const schema = ajv.getSchema(`${DOCUMENT_ID}#/components/schemas/${type}`) as Check | undefined;
          expect(typeof isT).toBe('function');
          expect(schema, `components.schemas.${type}`).toBeDefined();
          const disagreements: string[] = [];
          const verdicts = [...samples.valid.map((value) => [value, true] as const), ...samples.invalid.map((value) => [value, false] as const)];
          for (const [value, expected] of verdicts) {
            expect(isT(value), `is${type}(${String(JSON.stringify(wire(value)))})`).toBe(expected);
            const known = FORMAT_DIFFERENCES.find((difference) => JSON.stringify(difference.sample) === JSON.stringify(wire(value)));
            const fromSchema = schema!(wire(value));
            if (known) {
              expect(fromSchema, `still a difference: ${known.why}`).not.toBe(expected);
              continue;
            }
            if (fromSchema !== expected) disagreements.push(`${JSON.stringify(wire(value))}: isT ${expected}, schema ${fromSchema}`);
            compared.samples += 1;
          }
          for (const value of samples.memoryOnly ?? []) {
            expect(isT(value)).toBe(false);
            compared.memoryOnly += 1;
          }
          compared.types += 1;
          expect(disagreements).toEqual([]);
        });
      }
    });
  }
});

afterAll(() => {
  console.log(
    `openapi agreement: ${compared.fixtures} fixtures, ${compared.types} types, ${compared.samples} samples compared, ` +
      `${compared.memoryOnly} memory-only samples; ${checked.documents} documents, ${checked.operations} operations validated`,
  );
});
