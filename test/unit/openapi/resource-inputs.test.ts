/**
 * With `resources: true` the document's `<Entity>Create` and `<Entity>Update` are the shapes of
 * crud's types of the same name (tester s8 T17): the same properties (a many-to-one under its
 * row field, `authorId`, not `author`) and the same required ones (a nullable column is optional
 * in both). Before, the document named the relation `author` and required nullable columns, so
 * a client following it sent a field crud's `create` dropped silently.
 */
import type { SchemaObject } from 'openapi3-ts/oas31';
import { describe, expect, it } from 'vitest';
import { inputSubjects } from '../../../src/generators/crud/subjects.js';
import { buildDocument } from '../../../src/generators/openapi/index.js';
import { withDefaults } from '../../../src/generators/openapi/options.js';
import { expectValidDocument, fixtureModel } from './helpers.js';

describe('resource input schemas are crud input types', () => {
  const model = fixtureModel('resources');
  const document = buildDocument(model, withDefaults({ resources: true }));

  it('the document is valid OpenAPI 3.1', async () => {
    await expectValidDocument(document);
  });

  for (const entity of model.entities) {
    for (const subject of inputSubjects(entity, model)) {
      it(`${subject.name}: same properties, same required`, () => {
        const schema = document.components!.schemas![subject.name] as SchemaObject;
        expect(schema, subject.name).toBeDefined();
        if (subject.type.kind !== 'object') throw new Error('crud input subjects are objects');
        expect(Object.keys(schema.properties ?? {})).toEqual(subject.type.properties.map((property) => property.name));
        expect(schema.required ?? []).toEqual(subject.type.properties.filter((property) => !property.optional).map((property) => property.name));
      });
    }
  }

  it("gives each field the column's own constraints, as crud's validators check them (recheck s8 R11)", () => {
    const properties = (document.components!.schemas!['BookmarkCreate'] as SchemaObject).properties!;
    // A reference to a `@generated uuid` key with no @format of its own is a uuid, as crud checks it.
    expect(properties['previousId']).toMatchObject({ type: ['string', 'null'], format: 'uuid' });
  });

  it('names a many-to-one by its row field', () => {
    const schema = document.components!.schemas!['PostCreate'] as SchemaObject;
    expect(Object.keys(schema.properties!)).toContain('authorId');
    expect(Object.keys(schema.properties!)).not.toContain('author');
  });
});
