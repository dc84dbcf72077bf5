/**
 * Where the `wire` fixture's values travel and what comes back (tester s8 T14, T7, T20), checked
 * on a real loopback HTTP server that records each request and answers what a test queues:
 * - a union of objects and, in a POST/PUT/PATCH without an object parameter, an array or a tuple
 *   are the JSON body, in the client and in the OpenAPI document (checked with the 3.1 validator);
 *   an array in a GET stays a query parameter;
 * - a `Content-Type` header parameter or a per-call header replaces `application/json` instead of
 *   being joined to it;
 * - only RFC 3339 date-time strings become `Date`s: in `Date | string` other strings stay strings;
 * - a path, query or header value no OpenAPI style serialises (an array of objects beside an
 *   object body, a nested object in a spread query, an object in a header or path) is one JSON
 *   text, described with `content: application/json`, which a reader of the document parses
 *   back to the value sent and ajv accepts (recheck s8 R7);
 * - a response or a parameter reaching a class getter or a method, and a method named `then`,
 *   are located warnings (T12 both ways, T15).
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OpenAPIObject } from 'openapi3-ts/oas31';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocument } from '../../../src/generators/openapi/index.js';
import { withDefaults } from '../../../src/generators/openapi/options.js';
import type { Model } from '../../../src/model/types.js';
import { analyzeSources, expectValidDocument } from '../openapi/helpers.js';
import { clientGenerator, withDefaults as clientDefaults } from '../../../src/generators/client/index.js';
import { clientContext, fixtureModel, importGenerated, materializeFixture } from './helpers.js';
import { documentReader } from './document-reader.js';

type Method = (...args: unknown[]) => Promise<unknown>;
type ClientClass = new (options: Record<string, unknown>) => Record<string, Method>;
interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  /** The raw header list, to see a header sent twice. */
  raw: string[];
  text: string;
}

let server: Server;
let baseUrl: string;
const received: Received[] = [];
/** What the server answers next (calls are sequential). */
let answer: unknown = null;
let hooks: Record<string, Method>;
let unvalidated: Record<string, Method>;

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ method: request.method!, url: request.url!, headers: request.headers, raw: request.rawHeaders, text: Buffer.concat(chunks).toString('utf8') });
      // No keep-alive: a socket the server closes while idle during a slow test would fail the next call.
      response.writeHead(200, { 'content-type': 'application/json', connection: 'close' });
      response.end(JSON.stringify(answer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const folder = await materializeFixture('wire', 'test/.tmp/client-wire');
  const Client = (await importGenerated<Record<string, ClientClass>>(folder, 'hooks.client.ts'))['HooksServiceClient']!;
  hooks = new Client({ baseUrl });
  unvalidated = new Client({ baseUrl, validateResponses: false });
}, 60_000);

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
});

/** Calls `method` with the server answering `answer`; returns the result and the request. */
async function call(client: Record<string, Method>, method: string, args: unknown[], answering: unknown = null): Promise<{ result: unknown; request: Received }> {
  answer = answering;
  const result = await client[method]!(...args);
  return { result, request: received.at(-1)! };
}

const closed = { action: 'closed', issue: { number: 2, labels: [{ name: 'bug' }, { name: 'p1' }] }, reason: 'done' };

describe('bodies (T14)', () => {
  it('sends a union of objects as the JSON body, nothing in the query', async () => {
    const { result, request } = await call(hooks, 'replay', ['o', 'r', closed], closed);
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/repos/o/r/hooks/replay');
    expect(request.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request.text)).toEqual(closed);
    expect(result).toEqual(closed);
  });

  it('sends an array (bulk create) as the body; a boolean beside it stays in the query', async () => {
    const users = [{ login: 'a' }, { login: 'b' }];
    const { result, request } = await call(hooks, 'createMany', ['o', 'r', users, true], users);
    expect(request.url).toBe('/repos/o/r/users?dryRun=true');
    expect(JSON.parse(request.text)).toEqual(users);
    expect(result).toEqual(users);
  });

  it('sends a tuple as the body of a PUT', async () => {
    const { request } = await call(hooks, 'pair', ['o', 'r', [{ login: 'a' }, 3]], 3);
    expect(request.method).toBe('PUT');
    expect(request.url).toBe('/repos/o/r/pair');
    expect(JSON.parse(request.text)).toEqual([{ login: 'a' }, 3]);
  });

  it('keeps an array of a GET in the query', async () => {
    const { request } = await call(hooks, 'labels', ['o', 'r', ['x', 'y']], ['x']);
    expect(request.url).toBe('/repos/o/r/labels?name=x&name=y');
    expect(request.text).toBe('');
  });

  it('sends an empty list as no parameter, and the document does not require it (tester3 T-3)', async () => {
    // `labels(name: string[])` with []: form style with explode has no text for zero items.
    const { request } = await call(hooks, 'labels', ['o', 'r', []], []);
    expect(request.url).toBe('/repos/o/r/labels');
    const operation = (await wireDocument()).paths!['/repos/{owner}/{repo}/labels']!.get!;
    const name = (operation.parameters as Array<{ name: string; required?: boolean; description?: string }>).find((parameter) => parameter.name === 'name')!;
    expect(name.required).toBe(false);
    expect(name.description).toMatch(/absence means `\[\]`/);
  });

  it('keeps an array in the query when an object parameter is the body', async () => {
    const { request } = await call(hooks, 'patchPod', ['o', 'r', 'p', { name: 'p' }, 'application/merge-patch+json', ['t1']], { name: 'p' });
    expect(request.url).toBe('/repos/o/r/pods/p?tags=t1');
    expect(JSON.parse(request.text)).toEqual({ name: 'p' });
  });
});

/** The `wire` fixture's OpenAPI document, checked with the OpenAPI 3.1 validator. */
async function wireDocument(): Promise<OpenAPIObject> {
  const model = fixtureModel('wire');
  const withOpenapi: Model = { ...model, services: model.services.map((service) => ({ ...service, generators: [...service.generators, 'openapi'] })), declarations: model.declarations.map((declaration) => ({ ...declaration, generators: [...declaration.generators, 'openapi'] })) };
  const document = buildDocument(withOpenapi, withDefaults({}));
  await expectValidDocument(document);
  return document;
}

describe('the OpenAPI document says the same (T14)', () => {
  let document: OpenAPIObject;
  beforeAll(async () => {
    document = await wireDocument();
  });

  it.each([
    ['/repos/{owner}/{repo}/hooks/replay', 'post', { $ref: '#/components/schemas/IssuesEvent' }],
    ['/repos/{owner}/{repo}/users', 'post', { type: 'array', items: { $ref: '#/components/schemas/User' } }],
  ])('%s %s: a required JSON requestBody, no query parameter for it', (path, verb, schema) => {
    const operation = (document.paths![path] as Record<string, { requestBody?: unknown; parameters?: Array<{ name: string; in: string }> }>)[verb]!;
    expect(operation.requestBody).toEqual({ required: true, content: { 'application/json': { schema } } });
    expect((operation.parameters ?? []).filter((parameter) => parameter.in === 'query').map((parameter) => parameter.name)).toEqual(verb === 'post' && path.endsWith('users') ? ['dryRun'] : []);
  });

  it('a tuple body is a prefixItems array', () => {
    const put = (document.paths!['/repos/{owner}/{repo}/pair'] as Record<string, { requestBody?: { content: Record<string, { schema: { prefixItems?: unknown[] } }> } }>)['put']!;
    expect(put.requestBody!.content['application/json']!.schema.prefixItems).toHaveLength(2);
  });

  it('two arrays in a POST: the first is the body, CG2209 at it names the other; @query silences it', () => {
    const source = (tag: string): Record<string, string> => ({
      'api.ts': `export interface Item { name: string }\n/** @service */\nexport interface Bulk {\n  /** @http POST /items ${tag} */\n  add(items: Item[], tags: string[]): Promise<void>;\n}\n`,
    });
    const ambiguous = analyzeSources(source(''));
    expect(ambiguous.diagnostics.map((d) => [d.code, d.severity, d.line, d.column])).toEqual([['CG2209', 'warning', 5, 7]]);
    expect(ambiguous.diagnostics[0]!.message).toContain("'tags'");
    const add = ambiguous.model.services[0]!.operations[0]!;
    expect(add.parameters.map((parameter) => [parameter.name, parameter.in])).toEqual([['items', 'body'], ['tags', 'query']]);
    const said = analyzeSources(source('@query tags'));
    expect(said.diagnostics).toEqual([]);
    expect(said.model.services[0]!.operations[0]!.parameters.map((parameter) => parameter.in)).toEqual(['body', 'query']);
  });
});

describe('values no style serialises travel as one JSON text (R7)', () => {
  let document: OpenAPIObject;
  let reader: ReturnType<typeof documentReader>;
  beforeAll(async () => {
    document = await wireDocument();
    reader = documentReader(document);
  });
  /** The service's own path parameters, in every operation. */
  const shared = (name: unknown): boolean => name === 'owner' || name === 'repo';
  const parameters = (path: string, verb: string): Array<Record<string, unknown>> =>
    (document.paths![`/repos/{owner}/{repo}${path}`] as Record<string, { parameters: Array<Record<string, unknown>> }>)[verb]!.parameters.filter((parameter) => !shared(parameter['name']));
  const read = (path: string, verb: string, request: Received) => Object.fromEntries([...reader.read(`/repos/{owner}/{repo}${path}`, verb, request)].filter(([name]) => !shared(name)));

  it('an array of objects beside an object body: the body is the object, the array one JSON text in the query', async () => {
    const users = [{ login: 'a' }, { login: 'Zoë & b=c' }];
    const { request } = await call(hooks, 'withobj', ['o', 'r', users, { dry: true }]);
    expect(request.url).toBe(`/repos/o/r/withobj?users=${new URLSearchParams({ users: JSON.stringify(users) }).toString().slice('users='.length)}`);
    expect(JSON.parse(request.text)).toEqual({ dry: true });
    expect(parameters('/withobj', 'post')).toEqual([{ name: 'users', in: 'query', required: true, content: { 'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/User' } } } } }]);
    expect(read('/withobj', 'post', request)).toEqual({ users: { value: users, valid: true } });
  });

  it('a spread query: scalars, a list and an object of scalars keep their styles; an array of objects and a nested object are JSON', async () => {
    const query = { term: 't', tags: ['a', 'b'], range: { from: 1, to: 2 }, authors: [{ login: 'x' }], near: { point: { lat: 1.5, lng: -2 } } };
    const { request } = await call(hooks, 'search', ['o', 'r', query], []);
    expect(decodeURIComponent(request.url)).toBe('/repos/o/r/search?term=t&tags=a&tags=b&range[from]=1&range[to]=2&authors=[{"login":"x"}]&near={"point":{"lat":1.5,"lng":-2}}');
    expect(parameters('/search', 'get').map((parameter) => [parameter['name'], parameter['style'] ?? Object.keys(parameter['content'] as object ?? {})[0] ?? 'default'])).toEqual([
      ['term', 'default'],
      ['tags', 'form'],
      ['range', 'deepObject'],
      ['authors', 'application/json'],
      ['near', 'application/json'],
    ]);
    expect(read('/search', 'get', request)).toEqual({
      term: { value: 't' },
      tags: { value: ['a', 'b'] },
      range: { value: { from: '1', to: '2' } },
      authors: { value: query.authors, valid: true },
      near: { value: query.near, valid: true },
    });
    const { request: bare } = await call(hooks, 'search', ['o', 'r', { term: 'u' }], []);
    expect(bare.url).toBe('/repos/o/r/search?term=u');
  });

  it('an object in a header is JSON text in ASCII (\\u escapes), left out when undefined', async () => {
    const scope = { team: 'Zoë ✓', name: 'x' };
    const { request } = await call(hooks, 'scoped', ['o', 'r', scope], []);
    expect(request.headers['x-scope']).toBe('{"team":"Zo\\u00eb \\u2713","name":"x"}');
    expect(parameters('/scoped', 'get')).toEqual([{ name: 'X-Scope', in: 'header', required: false, content: { 'application/json': { schema: expect.objectContaining({ type: 'object' }) } } }]);
    expect(read('/scoped', 'get', request)).toEqual({ 'X-Scope': { value: scope, valid: true } });
    const { request: without } = await call(hooks, 'scoped', ['o', 'r', undefined], []);
    expect(without.headers['x-scope']).toBeUndefined();
  });

  it('an object in the path is one encoded JSON segment', async () => {
    const { request } = await call(hooks, 'at', ['o', 'r', { x: 1, y: 2 }], []);
    expect(request.url).toBe(`/repos/o/r/at/${encodeURIComponent('{"x":1,"y":2}')}`);
    expect(read('/at/{spot}', 'get', request)).toEqual({ spot: { value: { x: 1, y: 2 }, valid: true } });
  });

  it('a spread record is the query\'s own keys: form, explode, as an object parameter', async () => {
    const { request } = await call(hooks, 'filtered', ['o', 'r', { a: '1', 'b c': 'x&y' }], []);
    expect(request.url).toBe('/repos/o/r/filtered?a=1&b+c=x%26y');
    // {} sends no key at all, so the parameter is not required (tester3 T-3).
    expect(parameters('/filtered', 'get')).toEqual([
      {
        name: 'query',
        in: 'query',
        description: 'An empty object is sent as no parameter at all (its style writes one pair per item or property, so none): absence means `{}`.',
        required: false,
        style: 'form',
        explode: true,
        schema: { type: 'object', additionalProperties: { type: 'string' } },
      },
    ]);
    expect(read('/filtered', 'get', request)).toEqual({ query: { value: { a: '1', 'b c': 'x&y' } } });
  });

  it('a spread intersection is its merged properties, each judged on its own; null sends none', async () => {
    const { request } = await call(hooks, 'intersected', ['o', 'r', { term: 't', authors: [{ login: 'x' }] }], []);
    expect(decodeURIComponent(request.url)).toBe('/repos/o/r/intersected?term=t&authors=[{"login":"x"}]');
    expect(read('/intersected', 'get', request)).toEqual({ term: { value: 't' }, authors: { value: [{ login: 'x' }], valid: true } });
    const { request: none } = await call(hooks, 'intersected', ['o', 'r', null], []);
    expect(none.url).toBe('/repos/o/r/intersected');
  });

  it('the reader judges: a value the schema refuses is read as invalid', () => {
    const bad = { method: 'POST', url: `/repos/o/r/withobj?users=${encodeURIComponent('[{"name":"a"}]')}`, headers: {}, raw: [], text: '' };
    expect(read('/withobj', 'post', bad)).toEqual({ users: { value: [{ name: 'a' }], valid: false } });
  });
});

describe('Content-Type (T20)', () => {
  /** Every value the request carried for a header, in any case. */
  const values = (request: Received, name: string): string[] => request.raw.flatMap((entry, i) => (i % 2 === 0 && entry.toLowerCase() === name ? [request.raw[i + 1]!] : []));

  it('a Content-Type header parameter replaces application/json', async () => {
    const { request } = await call(hooks, 'patchPod', ['o', 'r', 'p', { name: 'p' }, 'application/merge-patch+json'], { name: 'p' });
    expect(values(request, 'content-type')).toEqual(['application/merge-patch+json']);
  });

  it('a per-call header overrides, whatever its case', async () => {
    const { request } = await call(hooks, 'patchPod', ['o', 'r', 'p', { name: 'p' }, 'application/merge-patch+json', undefined, { headers: { 'content-TYPE': 'application/json-patch+json', Accept: 'application/vnd.x+json' } }], { name: 'p' });
    expect(values(request, 'content-type')).toEqual(['application/json-patch+json']);
    expect(values(request, 'accept')).toEqual(['application/vnd.x+json']);
  });

  it('a body without one is application/json', async () => {
    const { request } = await call(hooks, 'createMany', ['o', 'r', []], []);
    expect(values(request, 'content-type')).toEqual(['application/json']);
  });
});

describe('Date | string responses (T7)', () => {
  it.each(['amber', '2024-02-30', '1', 'March 7', '12/31/2024', '2024-02-29', '2024-02-29T25:00:00Z', '2023-02-29T00:00:00Z'])('%j stays the string it is', async (text) => {
    expect((await call(hooks, 'when', ['o', 'r', 'c'], text)).result).toBe(text);
    expect((await call(unvalidated, 'when', ['o', 'r', 'c'], text)).result).toBe(text);
  });

  it.each([
    ['2024-02-29T12:30:00.5Z', '2024-02-29T12:30:00.500Z'],
    ['2024-02-29t12:30:00+02:00', '2024-02-29T10:30:00.000Z'],
    ['2024-02-29 12:30:00-01:30', '2024-02-29T14:00:00.000Z'],
  ])('%j becomes the Date of that instant', async (text, iso) => {
    const { result } = await call(hooks, 'when', ['o', 'r', 'c'], text);
    expect(result).toBeInstanceOf(Date);
    expect((result as Date).toISOString()).toBe(iso);
  });

  it('a word in an optional Date | string property is kept; a Date property with a non-date-time string is rejected, not turned into a Date', async () => {
    const charge = { id: 'c', created: '2024-01-01T00:00:00Z', refundedAt: 'pending' };
    const { result } = await call(hooks, 'charge', ['o', 'r', 'c'], charge);
    expect(result).toEqual({ id: 'c', created: new Date('2024-01-01T00:00:00Z'), refundedAt: 'pending' });
    answer = { id: 'c', created: '1' };
    await expect(hooks['charge']!('o', 'r', 'c')).rejects.toMatchObject({ name: 'ResponseValidationError' });
    expect((await call(unvalidated, 'charge', ['o', 'r', 'c'], { id: 'c', created: '1' })).result).toEqual({ id: 'c', created: '1' });
  });
});

describe('what a client cannot honour is said at generate (T12, T15)', () => {
  it('refuses a function as a path parameter, sending nothing', async () => {
    const before = received.length;
    await expect(hooks['charge']!('o', 'r', () => 'x')).rejects.toThrow('charge(id): a path parameter cannot be a function');
    expect(received.length).toBe(before);
  });

  const source = `export class Widget {
  constructor(public id: string, public size: number) {}
  get area(): number {
    return this.size * this.size;
  }
}
export interface Shelf {
  widgets: Widget[];
}
export interface Plain {
  id: string;
}
/** @service */
export interface Widgets {
  /** @http GET /widgets/{id} */
  get(id: string): Promise<Widget>;
  /** @http GET /shelves/{id} */
  shelf(id: string): Promise<Shelf | null>;
  /** @http GET /plain */
  plain(): Promise<Plain>;
  /** @http GET /then */
  then(id: string): Promise<string>;
  /** @http POST /widgets */
  make(w: Widget): Promise<Plain>;
  /** @http PUT /shelves/{id} */
  fill(id: string, shelf: Shelf, note?: string): Promise<void>;
}
`;

  it('warns at the operations whose response or a parameter reaches a getter, and at a method named then; nothing else', () => {
    const { model, diagnostics } = analyzeSources({ 'widgets.ts': source });
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const found = clientGenerator.check!(model, clientDefaults({}), clientContext(model));
    expect(found.map((d) => [d.code, d.severity, d.line])).toEqual([
      ['CG5001', 'warning', 16],
      ['CG5001', 'warning', 18],
      ['CG5001', 'warning', 22],
      ['CG5001', 'warning', 24],
      ['CG5001', 'warning', 26],
    ]);
    expect(found[0]!.message).toContain('getter Widget.area');
    expect(found[1]!.message).toContain('Widgets.shelf reaches getter Widget.area');
    expect(found[2]!.message).toContain('thenable');
    expect(found[3]!.message).toContain('the parameter w of Widgets.make reaches getter Widget.area');
    expect(found[4]!.message).toContain('the parameter shelf of Widgets.fill reaches getter Widget.area');
  });
});
