/**
 * Values a parameter's TypeScript type admits but its wire form cannot carry as given (tester s14
 * T-2, T-3). The `books` client, called over loopback HTTP, refuses each before anything is sent,
 * with a TypeError naming the operation and the parameter, as it refuses a `..` path segment:
 * never a bare URIError, RangeError or fetch's ByteString TypeError, and never another value
 * (`term=%EF%BF%BD` for a lone surrogate, `page=NaN`, a body's `"publishedAt":null`, a header
 * trimmed by fetch).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importGenerated, materializeFixture, TMP_DIR } from './helpers.js';
import { startFixtureServer, type FixtureServer } from './fixture-server.js';

type Method = (...args: unknown[]) => Promise<unknown>;
type ClientClass = new (options: Record<string, unknown>) => Record<string, Method>;

let server: FixtureServer;
let books: Record<string, Method>;
let BookServiceClient: ClientClass;

beforeAll(async () => {
  server = await startFixtureServer();
  const folder = await materializeFixture('books', `${TMP_DIR}-sendable`);
  BookServiceClient = (await importGenerated<Record<string, ClientClass>>(folder, 'books.client.ts'))['BookServiceClient']!;
  books = new BookServiceClient({ baseUrl: server.baseUrl });
}, 60_000);

afterAll(async () => {
  await server?.close();
});

const AT = new Date('2024-02-29T12:00:00.000Z');
const newBook = { title: 'Fresh', publishedAt: AT, tags: [] };

/** Expects `call` to reject with a TypeError matching `message`, the server receiving nothing. */
async function refused(call: () => Promise<unknown>, message: RegExp): Promise<void> {
  const before = server.received.length;
  const error = await call().then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(TypeError);
  expect((error as Error).message).toMatch(message);
  expect(server.received.length).toBe(before);
}

describe('path parameters', () => {
  it('refuse a lone surrogate (UTF-8 has no encoding for it; encodeURIComponent threw a bare URIError)', async () => {
    await refused(() => books['getBook']!('\ud800'), /^getBook\(id\): a path parameter cannot hold a lone surrogate \(U\+D800 at 0\): URLs carry UTF-8/);
    await refused(() => books['getBook']!('ok\udc00'), /^getBook\(id\): .*U\+DC00 at 2/);
    await refused(() => books['shelfBook']!('main', 'x\ud83d'), /^shelfBook\(id\): .*lone surrogate/);
  });

  it('still send a surrogate pair, as UTF-8', async () => {
    await expect(books['getBook']!('😀')).rejects.toMatchObject({ status: 404 });
    expect(server.last().segments).toEqual(['books', '😀']);
  });
});

describe('query parameters', () => {
  it('refuse a lone surrogate (URLSearchParams sent U+FFFD instead)', async () => {
    await refused(() => books['search']!('\ud800', {}), /^BookService_search: query parameter "term" cannot hold a lone surrogate/);
    await refused(() => books['listBooks']!({ tag: ['a', '\udfff'] }), /^BookService_listBooks: query parameter "tag" cannot hold a lone surrogate/);
  });

  it('refuse NaN and the infinities (they were sent as page=NaN)', async () => {
    await refused(() => books['listBooks']!({ page: NaN }), /^BookService_listBooks: query parameter "page" cannot be NaN: only finite numbers are sent$/);
    await refused(() => books['search']!('x', {}, undefined, Infinity), /^BookService_search: query parameter "limit" cannot be Infinity/);
    await refused(() => books['listBooks']!({ price: { min: -Infinity } }), /query parameter "price\[min\]" cannot be -Infinity/);
  });

  it('refuse an invalid Date (toISOString threw a bare RangeError)', async () => {
    await refused(() => books['search']!('x', {}, undefined, 1, new Date(NaN)), /^BookService_search: query parameter "since" cannot be an invalid Date/);
    await refused(() => books['listBooks']!({ after: new Date('nope') }), /query parameter "after" cannot be an invalid Date/);
  });

  it('send every finite number and valid Date as before', async () => {
    await books['search']!('x', { page: 2, price: { min: -0.5 } }, undefined, 1e21, AT);
    expect(server.last().query).toBe('term=x&page=2&price%5Bmin%5D=-0.5&limit=1e%2B21&since=2024-02-29T12%3A00%3A00.000Z');
  });
});

describe('header parameters', () => {
  it('refuse a character beyond U+00FF (fetch threw a ByteString TypeError)', async () => {
    await refused(() => books['createBook']!(newBook, '€'), /^BookService_createBook: header parameter "X-Request-Id" cannot hold "€" \(at 0\): header values carry bytes/);
  });

  it('refuse CR, LF, NUL and other controls (fetch threw; a server would read another header)', async () => {
    await refused(() => books['createBook']!(newBook, 'a\r\nX-Evil: 1'), /header parameter "X-Request-Id" cannot hold the control character U\+000D \(at 1\)/);
    await refused(() => books['createBook']!(newBook, 'a\nb'), /U\+000A/);
    await refused(() => books['createBook']!(newBook, 'a\u0000b'), /U\+0000/);
    await refused(() => books['createBook']!(newBook, 'a\u007fb'), /U\+007F/);
  });

  it('refuse leading and trailing spaces and tabs (fetch trimmed them: "  padded  " arrived as "padded")', async () => {
    await refused(() => books['createBook']!(newBook, '  padded  '), /^BookService_createBook: header parameter "X-Request-Id" cannot start or end with a space or tab/);
    await refused(() => books['createBook']!(newBook, 'x\t'), /cannot start or end with a space or tab/);
  });

  it('refuse the same in the client\'s and the call\'s headers, naming where they come from', async () => {
    await refused(() => books['createBook']!(newBook, undefined, { headers: { 'x-trace': ' t' } }), /^BookService_createBook: init.headers "x-trace" cannot start or end/);
    const client = new BookServiceClient({ baseUrl: server.baseUrl, headers: { authorization: 'Bearer €' } });
    await refused(() => client['getBook']!('plain'), /^BookService_getBook: the client's header "authorization" cannot hold "€"/);
  });

  it('send a tab or space inside and Latin-1 characters as they are', async () => {
    await books['createBook']!({ ...newBook, title: `Header ${Date.now()}` }, 'a\tb c é');
    expect(server.last().headers['x-request-id']).toBe('a\tb c é');
  });
});

describe('bodies', () => {
  it('refuse an invalid Date (JSON.stringify wrote "publishedAt":null), naming the place', async () => {
    await refused(() => books['createBook']!({ ...newBook, publishedAt: new Date(NaN) }), /^BookService_createBook: the request body cannot hold an invalid Date \(at \/publishedAt\): it has no date-time text/);
  });

  it('refuse NaN and the infinities (JSON.stringify wrote null)', async () => {
    await refused(() => books['updateBook']!('plain', { ...newBook, tags: [], extra: { 'a/b': [1, NaN] } }), /^BookService_updateBook: the request body cannot hold NaN \(at \/extra\/a~1b\/1\): JSON has no such number/);
    await refused(() => books['createBook']!({ ...newBook, score: -Infinity }), /cannot hold -Infinity \(at \/score\)/);
  });
});
