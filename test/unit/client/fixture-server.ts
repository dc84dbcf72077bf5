/**
 * A real HTTP server (node:http, loopback, ephemeral port) implementing the fixtures' services
 * in memory, mounted under `/api`. It records every request as it arrived (path segments decoded
 * one by one, the raw query string, headers, parsed body) so tests can check the wire format.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  /** Path segments after `/api`, each percent-decoded on its own. */
  segments: string[];
  /** The raw query string, without `?`. */
  query: string;
  headers: IncomingMessage['headers'];
  body: unknown;
}

export interface FixtureServer {
  baseUrl: string;
  /** Requests in arrival order. */
  received: ReceivedRequest[];
  last(): ReceivedRequest;
  close(): Promise<void>;
}

interface Answer {
  status: number;
  /** Sent as JSON unless a string with `text`. */
  body?: unknown;
  text?: string;
  /** The content type of `text` (default `text/plain`). */
  textType?: string;
  delayMs?: number;
}

const books = new Map<string, Record<string, unknown>>();

function book(id: string, title: string): Record<string, unknown> {
  return { id, title, publishedAt: '2024-02-29T12:00:00.000Z', tags: ['x'], reviews: [{ at: '2024-03-01T08:30:00.000Z', stars: 5 }] };
}

for (const id of ['a/b', 'with space', 'ünï℃ode ✓', 'plain', '%', '?', '#', '%41', 'a.', '...', '.a']) books.set(id, book(id, `Title of ${id}`));

/**
 * Routes of BookService (`/books…`), AuthorsController (`/authors…`), HealthService (`/health`),
 * LedgerService (`/ledger/…`, bigints as decimal strings), and the `routes` fixture: FilesController (`/files/…`, `/archive/…`, `/raw`) and
 * ItemsController (`/v1/items/…`, `/v2/items/…`).
 */
function route(request: ReceivedRequest): Answer {
  const [root, ...rest] = request.segments;
  if (root === 'books') return bookRoute(request.method, rest, request);
  if (root === 'authors') return authorRoute(request.method, rest, request);
  if (root === 'ledger') return ledgerRoute(request.method, rest, request);
  if (root === 'health') return { status: 200, body: { ok: true } };
  if ((root === 'files' || root === 'archive') && rest.length > 0) return { status: 200, body: { segments: rest } };
  if (root === 'raw') return { status: 204 };
  if ((root === 'v1' || root === 'v2') && rest[0] === 'items' && rest.length === 2) return { status: 200, body: { id: rest[1], version: Number(root.slice(1)) } };
  return { status: 404, body: { message: 'no route' } };
}

function bookRoute(method: string, rest: string[], request: ReceivedRequest): Answer {
  const [first, second, third, fourth] = rest;
  if (method === 'GET' && first === 'search') return { status: 200, body: [...books.values()].slice(0, 2) };
  if (method === 'GET' && first === 'shelves' && second === 'changes') {
    return { status: 200, body: { fiction: '2024-01-01T00:00:00.000Z', poetry: '2024-06-30T23:59:59.000Z' } };
  }
  if (method === 'GET' && first === 'shelves' && third === 'books') {
    return { status: 200, body: second === 'main' ? books.get(fourth!) ?? null : null };
  }
  if (method === 'GET' && first === undefined) return { status: 200, body: { items: [...books.values()], total: books.size } };
  if (method === 'POST' && first === undefined) return createBook(request.body as Record<string, unknown>);
  if (method === 'GET' && first === 'slow') return { status: 200, body: books.get('plain'), delayMs: 400 };
  if (method === 'GET' && first === 'broken') return { status: 200, body: { id: 'broken', title: '', publishedAt: 'not a date', tags: 'x' } };
  if (method === 'GET' && first === 'teapot') return { status: 418, text: "I'm a teapot" };
  if (method === 'GET' && first === 'count') return { status: 200, text: '123' };
  if (method === 'GET' && first === 'proxy') return { status: 502, text: '<html><body>502 Bad Gateway</body></html>', textType: 'application/json' };
  if (method === 'GET' && first === 'garbled') return { status: 200, text: '{"id": "garbled", ', textType: 'application/json; charset=utf-8' };
  // A 404 that is not the documented ApiErrorBody: a framework's own shape, a proxy's page.
  if (method === 'GET' && first === 'unrouted') return { status: 404, body: { statusCode: 404, error: 'Not Found' } };
  if (method === 'GET' && first === 'html404') return { status: 404, text: '<html>nope</html>', textType: 'text/html' };
  if (method === 'GET' && first === 'html') return { status: 200, text: '<p>plain</p>', textType: 'text/html; charset=utf-8' };
  const found = first === undefined ? undefined : books.get(first);
  if (!found) return { status: 404, body: { message: `no book ${first}` } };
  if (method === 'GET') return { status: 200, body: found };
  if (method === 'PUT') return { status: 202, body: { ...found, ...(request.body as object) } };
  if (method === 'DELETE') return { status: 204 };
  return { status: 405, body: { message: 'method' } };
}

function createBook(input: Record<string, unknown>): Answer {
  const existing = [...books.values()].find((candidate) => candidate['title'] === input['title']);
  if (existing) return { status: 409, body: { message: 'exists', existingId: existing['id'], since: '2020-05-05T05:05:05.000Z' } };
  if (typeof input['title'] !== 'string' || input['title'] === '') return { status: 422, body: { message: 'title required' } };
  return { status: 201, body: { id: `new-${books.size}`, reviews: [], ...input } };
}

function authorRoute(method: string, rest: string[], request: ReceivedRequest): Answer {
  const [id] = rest;
  if (method === 'GET' && id === undefined) return { status: 200, body: { items: [{ id: '1', name: 'Ann', born: '1970-01-02T00:00:00.000Z' }], next: null } };
  if (method === 'GET' && id === 'missing') return { status: 404, body: { title: 'Not Found' } };
  if (method === 'GET') return { status: 200, body: { id, name: 'Ann', born: '1970-01-02T00:00:00.000Z' } };
  if (method === 'POST') return { status: 200, body: request.body };
  if (method === 'PATCH') return { status: 200, body: { id, name: (request.body as { name?: string }).name ?? '' } };
  if (method === 'DELETE') return { status: 204 };
  return { status: 405, body: { title: 'method' } };
}

/** A bigint's wire form: a JSON string of decimal digits. */
const INTEGER_TEXT = /^(?:0|-?[1-9][0-9]*)$/;

/** The bigint a wire value holds; throws (a 400 answer) for anything but a decimal string. */
function wireBigInt(value: unknown, what: string): bigint {
  if (typeof value !== 'string' || !INTEGER_TEXT.test(value)) throw new Error(`${what} is not a bigint's wire form: ${JSON.stringify(value)}`);
  return BigInt(value);
}

const BIG = 2n ** 53n + 1n;

/**
 * LedgerService, doing its arithmetic in bigints read from the wire form and answering in it:
 * a balance (`legacy` answers `value` as a JSON number, the form of an older server), a
 * transfer (409 when the amount exceeds the `x-limit` header), an entry (the sum of the path,
 * query and repeated query values), totals.
 */
function ledgerRoute(method: string, rest: string[], request: ReceivedRequest): Answer {
  const [first, second] = rest;
  try {
    if (method === 'GET' && first === 'balances' && second === 'legacy') return { status: 200, body: { ...balance('legacy', 5n), value: 5 } };
    if (method === 'GET' && first === 'balances') return { status: 200, body: balance(second!, BIG) };
    if (method === 'POST' && first === 'transfers') {
      const input = request.body as { account: string; amount: unknown; parts: unknown[] };
      const amount = wireBigInt(input.amount, 'amount');
      const parts = input.parts.map((part, index) => wireBigInt(part, `parts[${index}]`));
      const limit = request.headers['x-limit'];
      if (typeof limit === 'string' && amount > wireBigInt(limit, 'x-limit')) {
        return { status: 409, body: { message: 'overdrawn', missing: String(amount - BigInt(limit)) } };
      }
      return { status: 200, body: balance(input.account, parts.reduce((sum, part) => sum + part, amount)) };
    }
    if (method === 'GET' && first === 'entries') {
      const query = new URLSearchParams(request.query);
      const after = query.has('after') ? wireBigInt(query.get('after'), 'after') : 0n;
      const ids = query.getAll('ids').map((id) => wireBigInt(id, 'ids'));
      return { status: 200, body: String(ids.reduce((sum, id) => sum + id, wireBigInt(second, 'id') + after)) };
    }
    if (method === 'GET' && first === 'totals') return { status: 200, body: [String(BIG), String(-BIG)] };
  } catch (error) {
    return { status: 400, body: { message: (error as Error).message } };
  }
  return { status: 404, body: { message: 'no route' } };
}

function balance(account: string, value: bigint): Record<string, unknown> {
  return {
    account,
    value: String(value),
    history: [String(-value), '0', String(value)],
    limit: null,
    byDay: { '2024-01-01': String(-BIG), '2024-01-02': '7' },
    entries: [
      { kind: 'credit', amount: String(BIG) },
      { kind: 'debit', amount: String(-BIG), reason: 'fee' },
    ],
    updatedAt: '2024-02-29T12:00:00.000Z',
  };
}

async function readRequest(request: IncomingMessage): Promise<ReceivedRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  const [path = '', query = ''] = (request.url ?? '').split('?');
  const segments = path.split('/').filter(Boolean).slice(1).map(decodeURIComponent);
  return { method: request.method ?? '', segments, query, headers: request.headers, body: text === '' ? undefined : JSON.parse(text) };
}

function send(response: ServerResponse, answer: Answer): void {
  if (answer.text !== undefined) {
    response.writeHead(answer.status, { 'content-type': answer.textType ?? 'text/plain' }).end(answer.text);
  } else if (answer.body === undefined) {
    response.writeHead(answer.status).end();
  } else {
    response.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
  }
}

/** Starts the server on 127.0.0.1 and an ephemeral port. */
export async function startFixtureServer(): Promise<FixtureServer> {
  const received: ReceivedRequest[] = [];
  const server: Server = createServer((request, response) => {
    void readRequest(request).then((parsed) => {
      received.push(parsed);
      const answer = route(parsed);
      if (answer.delayMs === undefined) return send(response, answer);
      const timer = setTimeout(() => send(response, answer), answer.delayMs);
      response.on('close', () => clearTimeout(timer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/api/`,
    received,
    last: () => received[received.length - 1]!,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
