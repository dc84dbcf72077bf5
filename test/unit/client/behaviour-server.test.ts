/**
 * The generated clients against a real HTTP server: the `books` (JSDoc service, validated
 * responses), `authors` (NestJS controller) and `routes` (NestJS wildcards, framework
 * parameters, versions) fixtures are generated, imported and called method by method over
 * loopback HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importGenerated, materializeFixture } from './helpers.js';
import { startFixtureServer, type FixtureServer } from './fixture-server.js';

type Method = (...args: unknown[]) => Promise<unknown>;
type Client = Record<string, Method>;
type ClientClass = new (options: Record<string, unknown>) => Client;
interface ApiErrorLike extends Error {
  status: number;
  body: unknown;
  operation: string;
  method: string;
  url: string;
  is(status: number): boolean;
  issues: Array<{ path: string; code: string }> | undefined;
}
interface ResponseValidationErrorLike extends Error {
  issues: Array<{ path: string; code: string }>;
  operation: string;
  status: number;
  url: string;
  body: unknown;
}
interface Runtime {
  ApiError: new (...args: never[]) => ApiErrorLike;
  ResponseValidationError: new (...args: never[]) => ResponseValidationErrorLike;
}

let server: FixtureServer;
let books: Client;
let unvalidatedBooks: Client;
let authors: Client;
let health: Client;
let files: Client;
let items: Client;
let runtime: Runtime;

beforeAll(async () => {
  server = await startFixtureServer();
  const booksFolder = await materializeFixture('books');
  const authorsFolder = await materializeFixture('authors');
  const BookServiceClient = (await importGenerated<Record<string, ClientClass>>(booksFolder, 'books.client.ts'))['BookServiceClient']!;
  const authorsModule = await importGenerated<Record<string, ClientClass>>(authorsFolder, 'authors.client.ts');
  runtime = await importGenerated<Runtime>(booksFolder, 'client-runtime.ts');
  books = new BookServiceClient({ baseUrl: server.baseUrl, headers: { 'x-client': 'tests' } });
  unvalidatedBooks = new BookServiceClient({ baseUrl: server.baseUrl.replace(/\/$/, ''), validateResponses: false });
  authors = new authorsModule['AuthorsControllerClient']!({ baseUrl: server.baseUrl });
  health = new authorsModule['HealthServiceClient']!({ baseUrl: server.baseUrl });
  const routesModule = await importGenerated<Record<string, ClientClass>>(await materializeFixture('routes'), 'files.client.ts');
  files = new routesModule['FilesControllerClient']!({ baseUrl: server.baseUrl });
  items = new routesModule['ItemsControllerClient']!({ baseUrl: server.baseUrl });
}, 60_000);

afterAll(async () => {
  await server?.close();
});

/** The rejection of `promise`, failing the test when it resolves. */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('path parameters', () => {
  it.each(['a/b', 'with space', 'ünï℃ode ✓'])('round-trip %j as one segment', async (id) => {
    const found = (await books.getBook!(id)) as { id: string };
    expect(found.id).toBe(id);
    expect(server.last().segments).toEqual(['books', id]);
  });

  it.each(['%', '?', '#', '%41', 'a.', '...', '.a'])('round-trip %j as one segment', async (id) => {
    expect(await books.getBook!(id)).toMatchObject({ id });
    expect(server.last().segments).toEqual(['books', id]);
  });

  it.each(['..', '.', ''])('refuse %j before sending: no encoding keeps it one segment', async (id) => {
    const before = server.received.length;
    const error = (await rejection(books.getBook!(id))) as Error;
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toMatch(/^getBook\(id\): a path parameter cannot be/);
    expect(server.received.length).toBe(before);
  });

  it('refuse undefined and null rather than send "undefined"', async () => {
    for (const id of [undefined, null]) expect(((await rejection(books.getBook!(id))) as Error).message).toBe('getBook(id): a path parameter cannot be empty (nor undefined or null)');
  });

  it('why dot segments are refused: a URL resolves them, percent-encoded too', () => {
    for (const dots of ['..', '%2E%2E', '.%2e']) expect(new URL(`${server.baseUrl}books/${dots}`).pathname).toBe('/api/');
  });

  it('fill several placeholders', async () => {
    expect(await books.shelfBook!('main', 'a/b')).toMatchObject({ id: 'a/b' });
    expect(server.last().segments).toEqual(['books', 'shelves', 'main', 'books', 'a/b']);
    expect(await books.shelfBook!('attic', 'plain')).toBeNull();
  });
});

describe('NestJS routes', () => {
  it('send a wildcard value across segments, each one encoded', async () => {
    expect(await files.read!('docs/a b/ü%?#.txt')).toEqual({ segments: ['docs', 'a b', 'ü%?#.txt'] });
    expect(server.last().segments).toEqual(['files', 'docs', 'a b', 'ü%?#.txt']);
    expect(await files.read!('one')).toEqual({ segments: ['one'] });
  });

  it('send an array wildcard as its items, a / inside an item encoded', async () => {
    expect(await files.archived!(['2024', 'a/b', 'c'])).toEqual({ segments: ['2024', 'a/b', 'c'] });
  });

  it.each([['x/../y'], ['./x'], ['..'], ['']])('refuse the wildcard value %j before sending', async (path) => {
    const before = server.received.length;
    expect((await rejection(files.read!(path))) as Error).toBeInstanceOf(TypeError);
    expect(server.received.length).toBe(before);
  });

  it('leave @Req() and @Res() out: raw(format) sends only the query it declares', async () => {
    expect(files.raw!.length).toBe(2);
    expect(await files.raw!('csv')).toBeUndefined();
    expect(server.last()).toMatchObject({ segments: ['raw'], query: 'format=csv' });
  });

  it('call the versioned paths: /v1/items/… and, for @Version(\'2\'), /v2/items/…', async () => {
    expect(await items.get!('7')).toEqual({ id: '7', version: 1 });
    expect(await items.getV2!('7')).toEqual({ id: '7', version: 2 });
    expect(server.last().segments).toEqual(['v2', 'items', '7']);
  });
});

describe('query serialisation', () => {
  it('spreads a query object: arrays exploded, nested objects deepObject, Dates as ISO, undefined left out', async () => {
    await books.listBooks!({ author: 'Ann & Bob', tag: ['a', 'b c'], after: new Date('2024-01-02T03:04:05Z'), price: { min: 1, max: 9.5 }, inPrint: false });
    expect(server.last().query).toBe(
      'author=Ann+%26+Bob&tag=a&tag=b+c&after=2024-01-02T03%3A04%3A05.000Z&price%5Bmin%5D=1&price%5Bmax%5D=9.5&inPrint=false',
    );
    const params = new URLSearchParams(server.last().query);
    expect(params.getAll('tag')).toEqual(['a', 'b c']);
    expect(params.get('price[min]')).toBe('1');
  });

  it('keeps parameter order and skips what is not given', async () => {
    await books.search!('dune', { page: 2 }, ['x', 'y'], undefined, new Date('2020-01-01T00:00:00Z'));
    expect(server.last().query).toBe('term=dune&page=2&ids=x&ids=y&since=2020-01-01T00%3A00%3A00.000Z');
    await books.listBooks!({});
    expect(server.last().query).toBe('');
  });

  it('sends a NestJS @Query() object spread, a named key and a deepObject key', async () => {
    await authors.list!({ name: 'Ann', limit: 5 }, undefined, { from: 1900, to: 2000 }, 'acme');
    expect(new URLSearchParams(server.last().query).toString()).toBe('name=Ann&limit=5&years%5Bfrom%5D=1900&years%5Bto%5D=2000');
    expect(server.last().headers['x-tenant']).toBe('acme');
    await authors.list!({}, 'next-page', {}, 'acme');
    expect(server.last().query).toBe('cursor=next-page');
  });
});

describe('headers and bodies', () => {
  it('send header parameters, default headers and per-call headers', async () => {
    await books.createBook!({ title: 'New', publishedAt: new Date('2024-05-06T07:08:09Z'), tags: [] }, 'req-1', { headers: { 'x-client': 'override', 'x-extra': '1' } });
    const { headers, body, method } = server.last();
    expect(method).toBe('POST');
    expect(headers['x-request-id']).toBe('req-1');
    expect(headers['x-client']).toBe('override');
    expect(headers['x-extra']).toBe('1');
    expect(headers['content-type']).toBe('application/json');
    expect(body).toEqual({ title: 'New', publishedAt: '2024-05-06T07:08:09.000Z', tags: [] });
  });

  it('leave an optional header out and keep the default headers', async () => {
    await books.createBook!({ title: 'Other', publishedAt: new Date(0), tags: ['t'] });
    expect(server.last().headers['x-request-id']).toBeUndefined();
    expect(server.last().headers['x-client']).toBe('tests');
  });

  it('send JSON bodies with PUT and PATCH', async () => {
    const updated = (await books.updateBook!('plain', { title: 'Renamed', publishedAt: new Date(0), tags: [] })) as { title: string };
    expect(updated.title).toBe('Renamed');
    expect(server.last().method).toBe('PUT');
    expect(await authors.update!('7', { name: 'Bo' })).toEqual({ id: '7', name: 'Bo' });
    expect(server.last()).toMatchObject({ method: 'PATCH', body: { name: 'Bo' } });
    expect(await authors.create!({ id: '9', name: 'Cy', born: new Date('1999-09-09T00:00:00Z') })).toEqual({
      id: '9',
      name: 'Cy',
      born: new Date('1999-09-09T00:00:00Z'),
    });
  });
});

describe('responses', () => {
  it('revive Dates in nested objects, arrays, generic pages and records', async () => {
    const found = (await books.getBook!('plain')) as { publishedAt: Date; reviews: Array<{ at: Date }> };
    expect(found.publishedAt).toEqual(new Date('2024-02-29T12:00:00.000Z'));
    expect(found.reviews[0]!.at).toEqual(new Date('2024-03-01T08:30:00.000Z'));
    const page = (await books.listBooks!({})) as { items: Array<{ publishedAt: unknown }>; total: number };
    expect(page.items.every((item) => item.publishedAt instanceof Date)).toBe(true);
    const results = (await books.search!('x', {})) as Array<{ publishedAt: unknown }>;
    expect(results.map((item) => item.publishedAt instanceof Date)).toEqual([true, true]);
    expect(await books.shelfChanges!()).toEqual({ fiction: new Date('2024-01-01T00:00:00.000Z'), poetry: new Date('2024-06-30T23:59:59.000Z') });
    const authorPage = (await authors.list!({}, undefined, {}, 't')) as { items: Array<{ born: unknown }> };
    expect(authorPage.items[0]!.born).toEqual(new Date('1970-01-02T00:00:00.000Z'));
  });

  it('give undefined for 204 answers', async () => {
    expect(await books.deleteBook!('plain')).toBeUndefined();
    expect(server.last().method).toBe('DELETE');
    expect(await authors.remove!('3')).toBeUndefined();
  });

  it('keep a text answer a string: text/plain 123 is "123"', async () => {
    expect(await books.count!()).toBe('123');
    expect(await unvalidatedBooks.count!()).toBe('123');
  });

  it('refuse a text/html answer of a type with no string form, validating or not (never a Book that is a string)', async () => {
    for (const client of [books, unvalidatedBooks]) {
      const error = (await rejection(client.getBook!('html'))) as ResponseValidationErrorLike;
      expect(error).toBeInstanceOf(runtime.ResponseValidationError);
      expect(error).toMatchObject({ body: '<p>plain</p>', issues: [{ path: '', code: 'json' }] });
    }
  });

  it('answer an anonymous object type', async () => {
    expect(await health.health!()).toEqual({ ok: true });
  });
});

describe('errors', () => {
  it('throw an ApiError with status, parsed body, operation, method and url', async () => {
    const error = (await rejection(books.getBook!('nope'))) as ApiErrorLike;
    expect(error).toBeInstanceOf(runtime.ApiError);
    expect(error).toMatchObject({ name: 'ApiError', status: 404, body: { message: 'no book nope' }, operation: 'BookService_getBook', method: 'GET' });
    expect(error.url).toBe(`${server.baseUrl}books/nope`);
    expect(error.is(404)).toBe(true);
  });

  it('revive Dates in documented error bodies', async () => {
    const error = (await rejection(books.createBook!({ title: 'Title of plain', publishedAt: new Date(0), tags: [] }))) as ApiErrorLike;
    expect(error.status).toBe(409);
    expect(error.body).toEqual({ message: 'exists', existingId: 'plain', since: new Date('2020-05-05T05:05:05.000Z') });
    const invalid = (await rejection(books.createBook!({ title: '', publishedAt: new Date(0), tags: [] }))) as ApiErrorLike;
    expect([invalid.status, invalid.operation, invalid.is(422)]).toEqual([422, 'BookService_createBook', true]);
  });

  it('carry a text body as text', async () => {
    const error = (await rejection(books.getBook!('teapot'))) as ApiErrorLike;
    expect([error.status, error.body]).toEqual([418, "I'm a teapot"]);
  });

  it('carry a body labelled JSON that is not (a proxy\'s HTML 502) as text, with status and url', async () => {
    for (const client of [books, unvalidatedBooks]) {
      const error = (await rejection(client.getBook!('proxy'))) as ApiErrorLike;
      expect(error).toBeInstanceOf(runtime.ApiError);
      expect(error).toMatchObject({ status: 502, body: '<html><body>502 Bad Gateway</body></html>', operation: 'BookService_getBook', method: 'GET' });
      expect(error.url).toMatch(/\/books\/proxy$/);
    }
  });

  it('reject a success labelled JSON that does not parse, validating or not', async () => {
    for (const client of [books, unvalidatedBooks]) {
      const error = (await rejection(client.getBook!('garbled'))) as ResponseValidationErrorLike;
      expect(error).toBeInstanceOf(runtime.ResponseValidationError);
      expect(error).toMatchObject({ status: 200, body: '{"id": "garbled", ', operation: 'BookService_getBook' });
      expect(error.url).toMatch(/\/books\/garbled$/);
      expect(error.issues.map((issue) => issue.code)).toEqual(['json']);
      expect(error.message).toMatch(/^BookService_getBook: the response body does not match its type: \(body\) is labelled JSON but does not parse/);
    }
  });

  it('is(status) holds only for a body of the documented type, never on the status alone (tester3 T-2)', async () => {
    // is(404) was true for any 404, so `error.body.message` was typed string and undefined here.
    const framework = (await rejection(books.getBook!('unrouted'))) as ApiErrorLike;
    expect([framework.status, framework.is(404)]).toEqual([404, false]);
    expect(framework.issues?.map((issue) => [issue.path, issue.code])).toEqual([['/message', 'required']]);
    expect(framework.message).toMatch(/^BookService_getBook: GET \S+ answered 404; the body is not the documented error: \/message /);
    const page = (await rejection(books.getBook!('html404'))) as ApiErrorLike;
    expect([page.status, page.body, page.is(404)]).toEqual([404, '<html>nope</html>', false]);
    // The documented body: checked, narrowed, no issues.
    const documented = (await rejection(books.getBook!('nope'))) as ApiErrorLike;
    expect([documented.is(404), documented.issues]).toEqual([true, []]);
    // validateResponses: false leaves the body unchecked when it arrives; is() checks it when asked.
    const unchecked = (await rejection(unvalidatedBooks.getBook!('unrouted'))) as ApiErrorLike;
    expect([unchecked.issues, unchecked.is(404), unchecked.message.includes('documented')]).toEqual([undefined, false, false]);
    expect(((await rejection(unvalidatedBooks.getBook!('nope'))) as ApiErrorLike).is(404)).toBe(true);
  });

  it('without validators, is(status) tests the status and the error type gives the body as unknown', async () => {
    // The authors client is generated without validateResponses: AuthorsControllerGetError's body is unknown.
    const error = (await rejection(authors.get!('missing'))) as ApiErrorLike;
    expect([error.is(404), error.issues]).toEqual([true, undefined]);
  });

  it('from a NestJS controller name the operation', async () => {
    const error = (await rejection(authors.get!('missing'))) as ApiErrorLike;
    expect(error).toMatchObject({ status: 404, body: { title: 'Not Found' }, operation: 'AuthorsController_get' });
  });
});

describe('abort and timeout', () => {
  it('reject with an AbortError when the caller aborts', async () => {
    const controller = new AbortController();
    const pending = books.getBook!('slow', { signal: controller.signal });
    setTimeout(() => controller.abort(), 30);
    expect((await rejection(pending)) as Error).toMatchObject({ name: 'AbortError' });
  });

  it('reject with a TimeoutError after timeoutMs, per call or per client', async () => {
    expect((await rejection(books.getBook!('slow', { timeoutMs: 50 }))) as Error).toMatchObject({ name: 'TimeoutError' });
    const BookServiceClient = books.constructor as ClientClass;
    const impatient = new BookServiceClient({ baseUrl: server.baseUrl, timeoutMs: 50 });
    expect((await rejection(impatient.getBook!('slow'))) as Error).toMatchObject({ name: 'TimeoutError' });
  });

  it('combine the caller signal with a timeout', async () => {
    const controller = new AbortController();
    const pending = books.getBook!('slow', { signal: controller.signal, timeoutMs: 5_000 });
    controller.abort();
    expect((await rejection(pending)) as Error).toMatchObject({ name: 'AbortError' });
    expect(await books.getBook!('slow', { signal: new AbortController().signal, timeoutMs: 5_000 })).toMatchObject({ id: 'plain' });
  });
});

describe('response validation', () => {
  it('reports a body that does not match its type, with issue paths', async () => {
    const error = (await rejection(books.getBook!('broken'))) as ResponseValidationErrorLike;
    expect(error).toBeInstanceOf(runtime.ResponseValidationError);
    expect(error.operation).toBe('BookService_getBook');
    expect(error.issues.map((issue) => `${issue.path} ${issue.code}`)).toEqual(['/title minLength', '/publishedAt type', '/tags type']);
  });

  it('passes the body through when validateResponses is off', async () => {
    expect(await unvalidatedBooks.getBook!('broken')).toMatchObject({ id: 'broken', title: '', tags: 'x' });
  });
});

describe('injected fetch', () => {
  it('is used for every call, with the joined URL', async () => {
    const urls: string[] = [];
    const BookServiceClient = books.constructor as ClientClass;
    const counting = new BookServiceClient({
      baseUrl: `${server.baseUrl}//`,
      fetch: (input: string, init: RequestInit) => {
        urls.push(input);
        return fetch(input, init);
      },
    });
    await counting.getBook!('a/b');
    expect(urls).toEqual([`${server.baseUrl}books/a%2Fb`]);
  });
});
