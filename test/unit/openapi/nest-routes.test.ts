/**
 * The OpenAPI document of NestJS controllers as users write them (the analyzer-services
 * `nest-routes` fixture): no framework parameter among an operation's parameters, route syntax
 * as path templates, versions in the paths; the document is valid OpenAPI 3.1.
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { OpenAPIObject, ParameterObject } from 'openapi3-ts/oas31';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyzer/index.js';
import { expectValidDocument, generate, jsonDocument, operationsOf } from './helpers.js';

const FIXTURE = resolve('test/fixtures/analyzer-services/nest-routes');
let document: OpenAPIObject;

beforeAll(async () => {
  const files = readdirSync(join(FIXTURE, 'input')).sort().map((file) => join(FIXTURE, 'input', file));
  const { model } = analyze({ rootDir: FIXTURE, files, defaultGenerators: ['openapi'], knownGenerators: ['openapi'], displayRoot: FIXTURE });
  document = jsonDocument((await generate(model, { split: 'file' } as Parameters<typeof generate>[1])).files);
}, 60_000);

function parameters(path: string): Array<Pick<ParameterObject, 'name' | 'in' | 'required' | 'schema'>> {
  return ((document.paths![path]!.get!.parameters ?? []) as ParameterObject[]).map(({ name, in: where, required, schema }) => ({ name, in: where, required, schema }));
}

describe('the OpenAPI document of NestJS controllers', () => {
  it('is valid OpenAPI 3.1', async () => {
    await expectValidDocument(document);
  });

  it('has no framework parameter: all() keeps path, header and query; a @Res() handler is left out', () => {
    expect(document.paths?.['/framework/raw']).toBeUndefined();
    expect(parameters('/framework/all/{id}').map((p) => `${p.in} ${p.name}`)).toEqual(['path id', 'header x-tenant', 'query q']);
  });

  it('writes wildcards, patterns and versions as path templates', () => {
    const paths = operationsOf(document).map((operation) => `${operation.method} ${operation.path}`);
    expect(paths).toEqual(expect.arrayContaining(['GET /files/{path}', 'GET /files/raw/{path}', 'GET /files/v6/{rest}', 'GET /v1/items/{id}', 'GET /v2/items/{id}/details', 'GET /items']));
    expect(paths.filter((path) => /[*:?()]/.test(path.replace('name.:ext', '')))).toEqual([]);
    expect(parameters('/files/{path}')).toEqual([{ name: 'path', in: 'path', required: true, schema: { type: 'string' } }]);
    expect(parameters('/files/by-id/{id}')[0]!.schema).toEqual({ type: 'string', pattern: '^(?:\\d+)$' });
  });
});
