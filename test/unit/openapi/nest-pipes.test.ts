/**
 * The OpenAPI document of the client `nest-pipes` fixture (tester s20): `@Query('filter') filter:
 * FilterDto` is one deepObject parameter `filter`, a `DefaultValuePipe` parameter is not required,
 * `@Param(pipe) params: Dto` gives one path parameter per placeholder, an `Observable<T>` result
 * is `T`, and `@Redirect(url, 301)` is a 301 without a body.
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { OpenAPIObject, ParameterObject } from 'openapi3-ts/oas31';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyzer/index.js';
import { expectValidDocument, generate, jsonDocument } from './helpers.js';

const FIXTURE = resolve('test/fixtures/client/nest-pipes');
let document: OpenAPIObject;

beforeAll(async () => {
  const files = readdirSync(join(FIXTURE, 'input')).sort().map((file) => join(FIXTURE, 'input', file));
  const { model, diagnostics } = analyze({ rootDir: FIXTURE, files, defaultGenerators: ['openapi'], knownGenerators: ['openapi'], displayRoot: FIXTURE });
  expect(diagnostics).toEqual([]);
  document = jsonDocument((await generate(model, { split: 'file' } as Parameters<typeof generate>[1])).files);
}, 60_000);

function parameters(path: string): Array<Pick<ParameterObject, 'name' | 'in' | 'required' | 'style'>> {
  return ((document.paths![path]!.get!.parameters ?? []) as ParameterObject[]).map(({ name, in: where, required, style }) => ({ name, in: where, required, style }));
}

describe('the OpenAPI document of NestJS pipes and DTOs', () => {
  it('is valid OpenAPI 3.1', async () => {
    await expectValidDocument(document);
  });

  it("has @Query('filter') as one deepObject parameter, and a defaulted page not required", () => {
    expect(parameters('/items')).toEqual([
      { name: 'filter', in: 'query', required: false, style: 'deepObject' },
      { name: 'page', in: 'query', required: false, style: undefined },
    ]);
  });

  it('spreads a bare @Query(pipe), and fills the path from @Param(pipe) params: Dto', () => {
    expect(parameters('/items/search').map((p) => `${p.in} ${p.name}`)).toEqual(['query done', 'query since']);
    expect(parameters('/items/{id}/{slug}').map((p) => `${p.in} ${p.name} ${p.required}`)).toEqual(['path id true', 'path slug true']);
  });

  it('answers an Observable<Item> with an Item, and @Redirect(url, 301) with a bodiless 301', () => {
    const responses = (path: string) => document.paths![path]!.get!.responses as Record<string, { content?: Record<string, { schema?: unknown }> }>;
    expect(responses('/items/{id}/{slug}')['200']!.content!['application/json']!.schema).toEqual({ $ref: '#/components/schemas/Item' });
    expect(Object.keys(responses('/items/old'))).toEqual(['301']);
    expect(responses('/items/old')['301']!.content).toBeUndefined();
  });
});
