/**
 * With `resources: true`, an entity's key path parameters say what its rows and inputs say of the
 * key column (tester3 T-10): `id: number` under `@generated increment` is a 32-bit `integer`
 * (it was `type: number`, admitting `1.5`), a uuid key `format: uuid`, a `bigint` key its
 * decimal text (`format: int64` and the pattern of the 64-bit range), a string key its lengths,
 * and each part of a composite key its own column's type.
 */
import type { ParameterObject, SchemaObject } from 'openapi3-ts/oas31';
import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../../src/generators/openapi/index.js';
import { withDefaults } from '../../../src/generators/openapi/options.js';
import { fixtureModel } from './helpers.js';

/** The schema without what documents it (a row field's description, a default). */
function constraintsOf(schema: SchemaObject): SchemaObject {
  const { description: _description, default: _default, examples: _examples, deprecated: _deprecated, readOnly: _readOnly, ...rest } = schema;
  return rest;
}

describe.each(['resources', 'resource-rows'])('the key path parameters of %s', (fixture) => {
  const model = fixtureModel(fixture);
  const document = buildDocument(model, withDefaults({ resources: true }));

  for (const entity of model.entities) {
    it(`${entity.name}: each key parameter is the row's key field`, () => {
      const path = `/${entity.table}/${entity.primaryKey.map((key) => `{${key}}`).join('/')}`;
      const parameters = (document.paths![path]!.get!.parameters ?? []) as ParameterObject[];
      const row = document.components!.schemas![`${entity.name}Row`] as SchemaObject;
      expect(parameters.map((parameter) => parameter.name)).toEqual(entity.primaryKey);
      for (const parameter of parameters) {
        expect(parameter.schema, `${path} ${parameter.name}`).toEqual(constraintsOf(row.properties![parameter.name] as SchemaObject));
      }
    });
  }
});

describe('key types', () => {
  const document = buildDocument(fixtureModel('resources'), withDefaults({ resources: true }));
  const keySchema = (path: string, name: string) => ((document.paths![path]!.get!.parameters ?? []) as ParameterObject[]).find((parameter) => parameter.name === name)!.schema;

  it('an integer key is an integer within its column range, never any number', () => {
    expect(keySchema('/blog_posts/{id}', 'id')).toEqual({ type: 'integer', minimum: -2147483648, maximum: 2147483647 });
  });

  it('a uuid key is a uuid, a bigint key its decimal text, a string key its lengths', () => {
    expect(keySchema('/users/{id}', 'id')).toMatchObject({ type: 'string', format: 'uuid' });
    expect(keySchema('/ledger_entries/{seq}', 'seq')).toMatchObject({ type: 'string', format: 'int64' });
    expect(keySchema('/countries/{code}', 'code')).toEqual({ type: 'string', minLength: 2, maxLength: 2 });
  });
});
