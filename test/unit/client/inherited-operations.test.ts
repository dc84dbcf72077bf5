/**
 * Inherited operations (tester7 F5) are the service's own: the `inherited` fixture's clients,
 * called over loopback HTTP, send every operation of a base interface, a generic base class and
 * a NestJS base controller under the derived service's base path, and read `T` as `Item` (a
 * response that is no `Item` is refused); the OpenAPI document lists them and is valid; the
 * service mocks are assignable to the services (`tsc --strict` on a usage file).
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkProject } from '../../helpers/tsc.js';
import { expectValidDocument, generate, jsonDocument, operationsOf } from '../openapi/helpers.js';
import { analyzeFixture, fixtureModel, importGenerated, materializeFixture, materializeMocks } from './helpers.js';

type Method = (...args: unknown[]) => Promise<unknown>;
type ClientClass = new (options: Record<string, unknown>) => Record<string, Method>;

const ROOT = resolve('test/.tmp/client-inherited');
const ITEM = { id: 'abc', n: 1 };

let server: Server;
let baseUrl: string;
let folder: string;
let clients: Record<string, ClientClass>;
/** `METHOD /path` of every request, in arrival order. */
const received: string[] = [];
/** What the next GET answers with (an `Item` unless a test says otherwise). */
let answer: unknown = ITEM;

async function readBody(request: IncomingMessage): Promise<unknown> {
  let text = '';
  for await (const chunk of request) text += String(chunk);
  return text === '' ? undefined : JSON.parse(text);
}

beforeAll(async () => {
  // The outputs below are generated from model.json: it must be what the analyzer makes now.
  expect(analyzeFixture('inherited').model).toEqual(fixtureModel('inherited'));
  folder = await materializeFixture('inherited', ROOT);
  await materializeMocks('inherited', folder, true);
  clients = {
    ...(await importGenerated<Record<string, ClientClass>>(folder, 'items.client.ts')),
    ...(await importGenerated<Record<string, ClientClass>>(folder, 'controllers.client.ts')),
  };
  server = createServer((request, response) => {
    void readBody(request).then((body) => {
      received.push(`${request.method} ${request.url}`);
      const isList = request.method === 'GET' && /\/(items|items-api)$/.test(request.url ?? '');
      const value = request.method === 'DELETE' ? undefined : body ?? (isList ? [answer] : answer);
      response.statusCode = value === undefined ? 204 : 200;
      if (value !== undefined) response.setHeader('content-type', 'application/json');
      response.end(value === undefined ? undefined : JSON.stringify(value));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 60_000);

afterAll(() => new Promise<void>((done) => server?.close(() => done())));

/** Calls `operation` of the service's client; returns its result and the request it sent. */
async function call(service: string, operation: string, ...args: unknown[]): Promise<{ result: unknown; sent: string }> {
  const client = new clients[`${service}Client`]!({ baseUrl, validateResponses: true });
  expect(typeof client[operation], `${service}Client.${operation}`).toBe('function');
  const result = await client[operation]!(...args);
  return { result, sent: received[received.length - 1]! };
}

describe('inherited operations over HTTP', () => {
  it('ItemService has Crud<Item>\'s get, list and replace beside its own remove', async () => {
    expect(await call('ItemService', 'get', 'a1')).toEqual({ result: ITEM, sent: 'GET /items/a1' });
    expect(await call('ItemService', 'list')).toEqual({ result: [ITEM], sent: 'GET /items' });
    expect(await call('ItemService', 'replace', 'a1', { id: 'xyz', n: 2 })).toEqual({ result: { id: 'xyz', n: 2 }, sent: 'PUT /items/a1' });
    expect(await call('ItemService', 'remove', 'a1')).toEqual({ result: undefined, sent: 'DELETE /items/a1' });
  });

  it('reads T as Item: an answer that is no Item is refused', async () => {
    answer = { id: 'x', n: 1 };
    try {
      await expect(call('ItemService', 'get', 'a1')).rejects.toThrow(/id/);
    } finally {
      answer = ITEM;
    }
  });

  it('ExtPlain, with no member of its own, serves PlainService\'s get under /extplain', async () => {
    expect(await call('ExtPlain', 'get', 'p')).toEqual({ result: ITEM, sent: 'GET /extplain/p' });
  });

  it('ThingService has BaseSvc<Item>\'s get beside its own create', async () => {
    expect(await call('ThingService', 'get', 't')).toEqual({ result: ITEM, sent: 'GET /things/t' });
    expect(await call('ThingService', 'create', ITEM)).toEqual({ result: ITEM, sent: 'POST /things' });
  });

  it('ItemsController serves CrudController\'s routes under its own prefix, as NestJS does', async () => {
    expect(await call('ItemsController', 'get', 'c')).toEqual({ result: ITEM, sent: 'GET /items-api/c' });
    expect(await call('ItemsController', 'list')).toEqual({ result: [ITEM], sent: 'GET /items-api' });
    expect(await call('ItemsController', 'create', ITEM)).toEqual({ result: ITEM, sent: 'POST /items-api' });
    // Destructured @Body() and @Query() (tester8 F15): the whole body is sent, not the destructured properties only.
    expect(await call('ItemsController', 'copy', ITEM, { limit: 2 })).toEqual({ result: ITEM, sent: 'POST /items-api/copy?limit=2' });
  });

  it('PropService reads a function-typed property as an operation, written, through an alias or optional', async () => {
    expect(await call('PropService', 'get', 'q')).toEqual({ result: ITEM, sent: 'GET /props/q' });
    expect(await call('PropService', 'alias', 'q')).toEqual({ result: ITEM, sent: 'GET /props/alias/q' });
    expect(await call('PropService', 'maybe', 'q')).toEqual({ result: ITEM, sent: 'GET /props/maybe/q' });
    expect(await call('PropClassService', 'maybe', 'q')).toEqual({ result: ITEM, sent: 'GET /prop-class/maybe/q' });
  });
});

describe('inherited operations in the OpenAPI document', () => {
  it('lists every inherited operation, in a valid document', async () => {
    // Analysed afresh (not model.json), so the test reads what the analyzer makes of the services.
    const { model } = analyzeFixture('inherited');
    const withOpenapi = {
      ...model,
      declarations: model.declarations.map((declaration) => ({ ...declaration, generators: [...declaration.generators, 'openapi'] })),
      services: model.services.map((service) => ({ ...service, generators: [...service.generators, 'openapi'] })),
    };
    const document = jsonDocument((await generate(withOpenapi, { split: 'file' })).files);
    await expectValidDocument(document);
    const operations = operationsOf(document).map((operation) => `${operation.method} ${operation.path}`);
    for (const expected of ['GET /items/{id}', 'GET /items', 'PUT /items/{id}', 'DELETE /items/{id}', 'GET /extplain/{id}', 'GET /things/{id}', 'POST /things', 'GET /items-api/{id}', 'GET /items-api', 'POST /items-api', 'POST /items-api/copy', 'GET /props/{id}', 'GET /props/alias/{id}', 'GET /props/maybe/{id}', 'GET /props/or-undefined/{id}', 'GET /prop-class/{id}', 'GET /prop-class/maybe/{id}']) {
      expect(operations).toContain(expected);
    }
  });
});

describe('inherited operations in the service mocks', () => {
  it('a mock is assignable to its service (tsc --strict)', async () => {
    writeFileSync(
      join(folder, 'usage.ts'),
      [
        "import type { ExtPlain, ItemService, PropClassService, PropService, ThingService } from './input/items.js';",
        "import type { ItemsController } from './input/controllers.js';",
        "import { createExtPlainMock, createItemServiceMock, createPropClassServiceMock, createPropServiceMock, createThingServiceMock } from './generated/items.mock.js';",
        "import { createItemsControllerMock } from './generated/controllers.mock.js';",
        'export const items: ItemService = createItemServiceMock();',
        'export const ext: ExtPlain = createExtPlainMock();',
        'export const props: PropService = createPropServiceMock();',
        'export const propClass: PropClassService = createPropClassServiceMock();',
        "export const maybe: Promise<{ id: string; n: number }> | undefined = props.maybe?.('a1');",
        'export const things: ThingService = createThingServiceMock();',
        'export const controller: ItemsController = createItemsControllerMock();',
        'export const listed: Promise<{ id: string; n: number }[]> = items.list();',
        '',
      ].join('\n'),
    );
    const tsconfig = {
      compilerOptions: { strict: true, noEmit: true, skipLibCheck: true, module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', lib: ['ES2022', 'DOM'], experimentalDecorators: true, types: [] },
      include: ['usage.ts', 'input/**/*.ts', 'generated/**/*.ts'],
    };
    writeFileSync(join(folder, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
    expect(await checkProject(join(folder, 'tsconfig.json'))).toBe('');
  }, 120_000);
});
