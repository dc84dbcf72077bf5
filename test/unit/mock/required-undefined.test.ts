/**
 * The `required-undefined` fixture: required keys whose type admits `undefined` (`label: string |
 * undefined`, no `?`), directly, through an alias (`aliased: MaybeWord`), a type argument, a
 * mapped type, a record, a nested object and a class field, and recursive ones. TypeScript and the
 * validators accept `{ label: undefined }`, but JSON has no undefined: `JSON.stringify` drops the
 * key, so a service mock served over HTTP failed the client's response validation and the OpenAPI
 * schema one time in four (tester s11 T6). The mocks write a value of the other members there, as
 * they do for items (undefined-items.test.ts): each mock holds no undefined key, and passes `isT`,
 * the schema, and `isT` again after a trip through JSON. Undefined stays only where nothing else
 * stands: `next: Chain | undefined` at the depth limit, where only it ends the recursion.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDocument } from '../../../src/generators/openapi/index.js';
import { withDefaults } from '../../../src/generators/openapi/options.js';
import { mockGenerator } from '../../../src/generators/mock/index.js';
import type { Model } from '../../../src/model/types.js';
import { compileComponentSchemas, schemaErrors, toJson } from '../../helpers/json-schema.js';
import { typecheck } from '../../helpers/typecheck.js';
import { CONTEXT, FIXTURES_DIR, inspect, loadExports, materialize, readJson, type GeneratedFunction } from './helpers.js';

const ROOT = join(process.cwd(), 'test/.tmp/mock-required-undefined');
const model = readJson<Model>(join(FIXTURES_DIR, 'required-undefined', 'model.json'), undefined as never);
const SEEDS = 200;
let folder: string;
let exports: Record<string, GeneratedFunction>;

/** The paths of keys holding undefined in `value`, at any depth (`$.nested.inner`). */
function undefinedKeys(value: unknown, path = '$'): string[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => undefinedKeys(item, `${path}[${i}]`));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, item]) => (item === undefined ? [`${path}.${key}`] : undefinedKeys(item, `${path}.${key}`)));
}

describe('mocks of required keys whose type admits undefined', () => {
  beforeAll(async () => {
    folder = await materialize({ name: 'required-undefined', model, copy: ['input'], root: join(FIXTURES_DIR, 'required-undefined'), context: CONTEXT }, ROOT, undefined, false);
    exports = await loadExports(folder, 1);
  }, 120_000);

  it('reports nothing and compiles under tsc --strict', async () => {
    expect(mockGenerator.check!(model, { split: 'file', seed: 42, maxDepth: 3 }, CONTEXT)).toEqual([]);
    expect(await typecheck(folder)).toBe('');
  }, 120_000);

  it.each(['Form', 'Variants', 'Node', 'Account'])('%s: no undefined key; isT, the schema and isT after JSON agree', (name) => {
    const withOpenapi = { ...model, declarations: model.declarations.map((declaration) => ({ ...declaration, generators: [...declaration.generators, 'openapi'] })) };
    const schema = compileComponentSchemas(buildDocument(withOpenapi, withDefaults({})))(name)!;
    const failures: string[] = [];
    for (let seed = 0; seed < SEEDS && failures.length < 5; seed++) {
      const value = exports[`mock${name}`]!({}, { seed });
      const where = undefinedKeys(value);
      if (where.length > 0) failures.push(`seed ${seed}: undefined at ${where.join(', ')}`);
      if (!exports[`is${name}`]!(value)) failures.push(`seed ${seed}: isT rejects ${inspect(value)}`);
      if (!schema(toJson(value))) failures.push(`seed ${seed}: the schema rejects ${inspect(value)}: ${schemaErrors(schema)}`);
      const json = JSON.parse(JSON.stringify(value)) as unknown;
      if (!exports[`is${name}`]!(json)) failures.push(`seed ${seed}: isT rejects the JSON of ${inspect(value)}`);
      // Every key the type declares without `?` is on the wire.
      if (name === 'Form' && !['label', 'count', 'nested', 'mapped'].every((key) => key in (json as object))) failures.push(`seed ${seed}: a required key is missing from the JSON ${inspect(json)}`);
    }
    expect(failures.join('\n')).toBe('');
  });

  it('ends the recursion of next: Chain | undefined with undefined only at the depth limit', () => {
    // The default maxDepth (3): the first Chain at depth 0, the last at depth 3.
    const limit = 3;
    for (let seed = 0; seed < 50; seed++) {
      let chain = exports['mockChain']!({}, { seed }) as { next: unknown };
      let length = 1;
      while (chain.next !== undefined) {
        chain = chain.next as { next: unknown };
        length += 1;
      }
      expect(length, `seed ${seed}`).toBe(limit + 1);
    }
  });

  it('still reaches every other value: null where the type has it, optional keys both ways', () => {
    const forms = Array.from({ length: SEEDS }, (_, seed) => exports['mockForm']!({}, { seed }) as Record<string, unknown>);
    expect(forms.some((form) => form['count'] === null)).toBe(true);
    expect(forms.some((form) => typeof form['count'] === 'number')).toBe(true);
    expect(forms.some((form) => 'optional' in form)).toBe(true);
    expect(forms.some((form) => !('optional' in form))).toBe(true);
  });
});
