/**
 * tester8 F9, F8 (LIEs) for services: an operation a service inherits from a generic base reads
 * the base's type parameters as the service's `extends` clause writes them, constrained aliases
 * included. `interface CodeService extends Reader<Item, Code>` had a path parameter `{type:
 * string}` where `Code` says `minLength: 3`; `PatchService extends Patchable<Item>`, whose
 * `patch(id, body: Nullable<T>): Promise<Nullable<T>>` built `Nullable_Item` without Code's
 * `@minLength`, so `validateResponses` let `{ code: 'a', qty: 1 }` through. Fixture
 * client/heritage-aliases: interface and class services, a type-alias base, a default type
 * argument and a NestJS base controller; the clients (over a stub fetch), the OpenAPI document
 * and the model agree.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { OpenAPIObject } from 'openapi3-ts/oas31';
import { expectValidDocument, generate, jsonDocument } from '../openapi/helpers.js';
import { analyzeFixture, fixtureModel, importGenerated, materializeFixture } from './helpers.js';
import { resolve } from 'node:path';

type Method = (...args: unknown[]) => Promise<unknown>;
type ClientClass = new (options: Record<string, unknown>) => Record<string, Method>;

const ROOT = resolve('test/.tmp/client-heritage-aliases');

let clients: Record<string, ClientClass>;
let document: OpenAPIObject;

beforeAll(async () => {
  const { model } = analyzeFixture('heritage-aliases');
  // The outputs below are generated from model.json: it must be what the analyzer makes now.
  expect(model).toEqual(fixtureModel('heritage-aliases'));
  const folder = await materializeFixture('heritage-aliases', ROOT);
  clients = {
    ...(await importGenerated<Record<string, ClientClass>>(folder, 'services.client.ts')),
    ...(await importGenerated<Record<string, ClientClass>>(folder, 'controllers.client.ts')),
  };
  const withOpenapi = {
    ...model,
    declarations: model.declarations.map((declaration) => ({ ...declaration, generators: [...declaration.generators, 'openapi'] })),
    services: model.services.map((service) => ({ ...service, generators: [...service.generators, 'openapi'] })),
  };
  document = jsonDocument((await generate(withOpenapi, { split: 'file' })).files);
}, 60_000);

/** Calls `operation` of the service's client, whose fetch answers `answer` as JSON. */
function call(service: string, operation: string, answer: unknown, ...args: unknown[]): Promise<unknown> {
  const fetch = async () => new Response(JSON.stringify(answer), { status: 200, headers: { 'content-type': 'application/json' } });
  const client = new clients[`${service}Client`]!({ baseUrl: 'http://localhost', fetch, validateResponses: true });
  return client[operation]!(...args);
}

describe('inherited operations of a base given a constrained alias', () => {
  it("PatchService's client refuses a Nullable<Item> answer whose code is shorter than Code allows", async () => {
    await expect(call('PatchService', 'patch', { code: 'a', qty: 1 }, '1', { code: null, qty: 1 })).rejects.toThrow(/code/);
    expect(await call('PatchService', 'patch', { code: 'abc', qty: null }, '1', { code: null, qty: 1 })).toEqual({ code: 'abc', qty: null });
  });

  it('CodeService, AliasedService and the NestJS ItemsController refuse an Item whose code is too short', async () => {
    for (const service of ['CodeService', 'AliasedService', 'ItemsController']) {
      await expect(call(service, 'get', { code: 'a', qty: 1 }, 'abc'), service).rejects.toThrow(/code/);
      expect(await call(service, 'get', { code: 'abc', qty: 1 }, 'abc')).toEqual({ code: 'abc', qty: 1 });
    }
  });

  it('the OpenAPI document is valid, and the path parameters K = Code carry minLength', async () => {
    await expectValidDocument(document);
    const parameter = (path: string, method: string) => (document.paths![path] as Record<string, { parameters: Array<{ schema: unknown }> }>)[method]!.parameters[0]!.schema;
    for (const [path, method] of [['/codes/{id}', 'get'], ['/aliased/{id}', 'get'], ['/things/{id}', 'delete'], ['/items-api/{id}', 'get']] as const) {
      expect(parameter(path, method), `${method} ${path}`).toEqual({ type: 'string', minLength: 3 });
    }
  });

  it('bodies and results read T as written: Nullable_Item keeps Code, BaseSvc<K = Code> takes Code[]', () => {
    const schemas = document.components!.schemas as Record<string, { properties: Record<string, unknown> }>;
    expect(schemas.Nullable_Item!.properties.code).toEqual({ type: ['string', 'null'], minLength: 3 });
    const add = (document.paths!['/things'] as Record<string, { requestBody: { content: Record<string, { schema: unknown }> } }>).post!;
    expect(add.requestBody.content['application/json']!.schema).toEqual({ type: 'array', items: { type: 'string', minLength: 3 } });
  });
});
