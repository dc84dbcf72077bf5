/** What `plan` writes for which options, and what `check` reports before anything is written. */
import { describe, expect, it } from 'vitest';
import { openapiGenerator } from '../../../src/generators/openapi/index.js';
import type { Model } from '../../../src/model/types.js';
import { CONTEXT, expectValidDocument, fixtureModel, generate, jsonDocument } from './helpers.js';

const types = fixtureModel('types');

/** The model with one declaration changed. */
function changed(model: Model, id: string, change: (declaration: Model['declarations'][number]) => Model['declarations'][number]): Model {
  return { ...model, declarations: model.declarations.map((declaration) => (declaration.id === id ? change(declaration) : declaration)) };
}

describe('plan', () => {
  it('writes openapi.json by default, and each requested format from the config file', () => {
    expect(openapiGenerator.plan(types, { split: 'file' }, CONTEXT).map((file) => [file.path, file.source, file.indexExports])).toEqual([
      ['openapi.json', 'codegen.config.yaml', []],
    ]);
    expect(openapiGenerator.plan(types, { split: 'file', formats: ['yaml', 'json'] }, CONTEXT).map((file) => file.path)).toEqual(['openapi.yaml', 'openapi.json']);
  });

  it('writes nothing when no type or service is processed by openapi', () => {
    const none = { ...types, declarations: types.declarations.map((declaration) => ({ ...declaration, generators: [] })) };
    expect(openapiGenerator.plan(none, { split: 'file' }, CONTEXT)).toEqual([]);
  });

  it('leaves @internal types out, and keeps info from the options', async () => {
    const { files } = await generate(types, { split: 'file', title: 'Shop', version: '3.0.0', servers: ['https://shop.example'] });
    const document = jsonDocument(files);
    expect(document.info).toEqual({ title: 'Shop', version: '3.0.0' });
    expect(document.servers).toEqual([{ url: 'https://shop.example' }]);
    expect(Object.keys(document.components?.schemas ?? {})).not.toContain('Secret');
    await expectValidDocument(document);
  });
});

describe('check', () => {
  it('reports nothing for the fixtures but the example Product is no value of (CG2024: left out of the document)', () => {
    // `{"id": "p1", "name": "Lamp"}`: `id` is `@format uuid`, and most required keys are missing.
    expect(openapiGenerator.check!(types, { split: 'file' }, CONTEXT).map((d) => `${d.code} ${d.severity} ${d.message}`)).toEqual([
      'CG2024 warning @example {"id":"p1","name":"Lamp"} on Product is not a value of its type: expected a string of format uuid at "id". It is left out of the schema.',
    ]);
    expect(openapiGenerator.check!(fixtureModel('resources'), { split: 'file', resources: true }, CONTEXT)).toEqual([]);
  });

  it('reports an @internal type that a public type uses, at the internal declaration', () => {
    const model = changed(types, 'Point', (declaration) => ({ ...declaration, internal: true }));
    const [problem] = openapiGenerator.check!(model, { split: 'file' }, CONTEXT);
    const point = types.declarations.find((declaration) => declaration.id === 'Point')!;
    expect(problem).toMatchObject({ code: 'CG5001', severity: 'error', ...point.source });
    expect(problem?.message).toBe('openapi cannot describe Point: it is @internal, but a public type or service uses it.');
  });

  it('warns about pattern flags JSON Schema lacks; a bigint bound beyond 2^53 is exact (in the wire pattern), no warning', () => {
    const model = changed(types, 'Point', (declaration) => ({
      ...declaration,
      type: {
        kind: 'object',
        strict: false,
        properties: [
          { name: 'big', type: { kind: 'bigint', constraints: { maximum: '9007199254740993' } }, optional: false, nullable: false, readonly: false, docs: {}, source: declaration.source },
          { name: 'text', type: { kind: 'string', constraints: { pattern: { source: '^\\p{Lu}.b$', flags: 'is' } } }, optional: false, nullable: false, readonly: false, docs: {}, source: declaration.source },
        ],
      },
    }));
    expect(openapiGenerator.check!(model, { split: 'file' }, CONTEXT).filter((d) => d.code !== 'CG2024').map((d) => [d.severity, d.message])).toEqual([
      ['warning', 'openapi: Point: the JSON Schema pattern of /^\\p{Lu}.b$/is cannot say the flag i on \\p{Lu}: the schema has no pattern there.'],
    ]);
  });

  it('reports resource names and operation ids that are already taken', () => {
    const resources = fixtureModel('resources');
    const model: Model = {
      ...resources,
      declarations: [
        ...resources.declarations,
        { ...resources.declarations[0]!, id: 'UserCreate', name: 'UserCreate', generators: [] },
        { ...resources.declarations[0]!, id: 'PostRow', name: 'PostRow', generators: [] },
      ],
      services: resources.services.map((service) => ({
        ...service,
        operations: service.operations.map((operation) => ({ ...operation, operationId: 'getPost' })),
      })),
    };
    expect(openapiGenerator.check!(model, { split: 'file', resources: true }, CONTEXT).map((d) => d.message)).toEqual([
      'openapi resources for User: the resource schema name UserCreate is already a type\'s name.',
      'openapi resources for Post: the resource schema name PostRow is already a type\'s name.',
      'openapi resources for Post: the resource operation id getPost is already a service operation\'s.',
    ]);
  });
});
