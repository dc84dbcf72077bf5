/**
 * The `undefined-items` fixture: arrays and tuples whose items may be `undefined`
 * (`(X | undefined)[]`, `Array<X | undefined>`, `[X, (Y | undefined)?]`, a rest of them, an alias
 * `Maybe = number | undefined` as items). TypeScript and the validators accept an undefined item,
 * the OpenAPI schema does not (JSON has none: `JSON.stringify` writes `null`), so the mocks write
 * no undefined item where another value can stand, and each mock passes `isT`, the schema, and
 * `isT` again after a trip through JSON. `undefined[]` is `[]`. `@uniqueItems` that needs
 * `undefined` as a distinct item keeps it (no JSON value exists, a TypeScript one does).
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

const ROOT = join(process.cwd(), 'test/.tmp/mock-undefined-items');
const model = readJson<Model>(join(FIXTURES_DIR, 'undefined-items', 'model.json'), undefined as never);
const SEEDS = 200;
let folder: string;
let exports: Record<string, GeneratedFunction>;

/** The paths of undefined array items in `value`, at any depth (`$.words[2]`). */
function undefinedItems(value: unknown, path = '$'): string[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => (item === undefined ? [`${path}[${i}]`] : undefinedItems(item, `${path}[${i}]`)));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, item]) => undefinedItems(item, `${path}.${key}`));
}

describe('mocks of arrays whose items may be undefined', () => {
  beforeAll(async () => {
    folder = await materialize({ name: 'undefined-items', model, copy: ['input'], root: join(FIXTURES_DIR, 'undefined-items'), context: CONTEXT }, ROOT, undefined, false);
    exports = await loadExports(folder, 1);
  }, 120_000);

  it('reports nothing and compiles under tsc --strict', async () => {
    expect(mockGenerator.check!(model, { split: 'file', seed: 42, maxDepth: 3 }, CONTEXT)).toEqual([]);
    expect(await typecheck(folder)).toBe('');
  }, 120_000);

  it.each(['UndefinedItems', 'UndefinedElements'])('%s: no undefined item; isT, the schema and isT after JSON agree', (name) => {
    const withOpenapi = { ...model, declarations: model.declarations.map((declaration) => ({ ...declaration, generators: [...declaration.generators, 'openapi'] })) };
    const schema = compileComponentSchemas(buildDocument(withOpenapi, withDefaults({})))(name)!;
    const failures: string[] = [];
    for (let seed = 0; seed < SEEDS && failures.length < 5; seed++) {
      const value = exports[`mock${name}`]!({}, { seed });
      const where = undefinedItems(value);
      if (where.length > 0) failures.push(`seed ${seed}: undefined at ${where.join(', ')}`);
      if (!exports[`is${name}`]!(value)) failures.push(`seed ${seed}: isT rejects ${inspect(value)}`);
      if (!schema(toJson(value))) failures.push(`seed ${seed}: the schema rejects ${inspect(value)}: ${schemaErrors(schema)}`);
      if (!exports[`is${name}`]!(JSON.parse(JSON.stringify(value)))) failures.push(`seed ${seed}: isT rejects the JSON of ${inspect(value)}`);
    }
    expect(failures.join('\n')).toBe('');
  });

  it('still reaches every other value: null items, empty and longer rests, both tuple lengths', () => {
    const values = Array.from({ length: SEEDS }, (_, seed) => ({
      items: exports['mockUndefinedItems']!({}, { seed }) as Record<string, unknown[]>,
      elements: exports['mockUndefinedElements']!({}, { seed }) as Record<string, unknown[]>,
    }));
    expect(values.some(({ items }) => items['nullable']!.includes(null))).toBe(true);
    expect(values.every(({ items }) => items['onlyUndefined']!.length === 0)).toBe(true);
    expect(new Set(values.map(({ elements }) => elements['optional']!.length))).toEqual(new Set([1, 2]));
    expect(new Set(values.map(({ elements }) => elements['leading']!.length))).toEqual(new Set([1, 2, 3]));
    expect(values.every(({ items }) => items['bounded']!.length >= 2 && items['bounded']!.length <= 3)).toBe(true);
  });

  it('keeps undefined where @uniqueItems needs it as a distinct item', () => {
    for (let seed = 0; seed < 50; seed++) {
      const value = exports['mockUniqueUndefined']!({}, { seed }) as { three: unknown[] };
      expect(exports['isUniqueUndefined']!(value), `seed ${seed}`).toBe(true);
      expect(new Set(value.three)).toEqual(new Set([true, false, undefined]));
    }
  });
});
