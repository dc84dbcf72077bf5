/**
 * The bundled example's generated clients (`BookServiceClient`, `OrderControllerClient`) against
 * a real HTTP server implementing its two services in memory, seeded with its generated mocks.
 * Every request the server receives is also held to the example's `openapi.json` (operation
 * found by method and path template; path, query, header parameters and body validated by ajv),
 * and so is every answer, so the clients, the document and the mocks are checked against each other.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROKEN_BOOK_ID, BROKEN_CURSOR, CUSTOMER, SLOW_MS, SLOW_ORDER_ID } from './bookstore-routes.js';
import { startBookstoreServer, type BookstoreServer } from './bookstore-server.js';
import { importGenerated, jsonDocument } from './example.js';
import type { ApiError, Book, BookServiceClient, ClientOptions, ClientRuntime, Mock, NewBook, OrderControllerClient, PlaceOrder, ResponseValidationError } from './example-types.js';
import { operationsOf } from '../unit/openapi/helpers.js';

type ClientClass<T> = new (options: ClientOptions) => T;

let server: BookstoreServer;
let runtime: ClientRuntime;
let books: BookServiceClient;
let unvalidatedBooks: BookServiceClient;
let orders: OrderControllerClient;
let mockNewBook: Mock<NewBook>;
let mockPlaceOrder: Mock<PlaceOrder>;

beforeAll(async () => {
  server = await startBookstoreServer();
  runtime = await importGenerated<ClientRuntime>('client-runtime.ts');
  const { BookServiceClient } = await importGenerated<{ BookServiceClient: ClientClass<BookServiceClient> }>('services/book-service.client.ts');
  const { OrderControllerClient } = await importGenerated<{ OrderControllerClient: ClientClass<OrderControllerClient> }>('services/order-controller.client.ts');
  ({ mockNewBook } = await importGenerated<{ mockNewBook: Mock<NewBook> }>('services/book-service.mock.ts'));
  ({ mockPlaceOrder } = await importGenerated<{ mockPlaceOrder: Mock<PlaceOrder> }>('services/order-controller.mock.ts'));
  books = new BookServiceClient({ baseUrl: server.baseUrl, headers: { 'x-client': 'example-tests' } });
  unvalidatedBooks = new BookServiceClient({ baseUrl: server.baseUrl.replace(/\/$/, ''), validateResponses: false });
  orders = new OrderControllerClient({ baseUrl: server.baseUrl });
});

afterAll(async () => {
  await server?.close();
});

/** The rejection of `promise`, failing the test when it resolves. */
async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

/** The last request conformed to the document, and so did its answer. */
function expectConforming(): void {
  const last = server.last();
  expect(last.requestProblems, `${last.method} ${last.rawPath}`).toEqual([]);
  expect(last.responseProblems, `${last.status} answer to ${last.method} ${last.rawPath}`).toEqual([]);
}

function newestFirst(): Book[] {
  return [...server.store.books.values()].sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime());
}

describe('BookService through BookServiceClient', () => {
  it('listBooks: every book, newest first, Dates revived, no query string', async () => {
    const page = await books.listBooks({});
    expect(page).toEqual({ items: newestFirst(), total: server.store.books.size });
    expect(page.items[0]!.publishedAt).toBeInstanceOf(Date);
    expect(page.items[0]!.author.createdAt).toBeInstanceOf(Date);
    expect(server.last().query.toString()).toBe('');
    expect(server.last().headers['x-client']).toBe('example-tests');
    expectConforming();
  });

  it('listBooks: the spread BookQuery pages with limit and cursor', async () => {
    const first = await books.listBooks({ limit: 3 });
    expect(server.last().query.toString()).toBe('limit=3');
    expectConforming();
    const second = await books.listBooks({ limit: 3, cursor: first.next });
    expect(server.last().query.toString()).toBe('limit=3&cursor=3');
    expectConforming();
    expect([...first.items, ...second.items]).toEqual(newestFirst().slice(0, 6));
    expect(second.next).toBe('6');
  });

  it('listBooks: genre and search travel as query parameters', async () => {
    const target = newestFirst()[2]!;
    const word = target.title.split(' ')[0]!.toUpperCase();
    const page = await books.listBooks({ genre: target.genre, search: word });
    expect(Object.fromEntries(server.last().query)).toEqual({ genre: target.genre, search: word });
    expectConforming();
    expect(page.items).toContainEqual(target);
    for (const book of page.items) expect(book.genre).toBe(target.genre);
  });

  it('getBook: the stored book, Dates revived', async () => {
    const stored = newestFirst()[0]!;
    const book = await books.getBook(stored.id);
    expect(book).toEqual(stored);
    expect(book.publishedAt).toBeInstanceOf(Date);
    expect(server.last().segments).toEqual(['books', stored.id]);
    expectConforming();
  });

  it('getBook: a documented 404 becomes an ApiError with the parsed ApiError body', async () => {
    const id = '11111111-2222-4333-8444-555555555555';
    const error = await rejection(books.getBook(id));
    expect(error).toBeInstanceOf(runtime.ApiError);
    expect(error).toMatchObject({ status: 404, operation: 'BookService_getBook', method: 'GET', body: { code: 'not_found', message: `No book with id ${id}.` } });
    expect((error as ApiError).is(404)).toBe(true);
    expectConforming();
  });

  it.each(['a/b', 'with space', 'ünï℃ode ✓', '50%?#&='])('getBook: the id %j arrives intact as one path segment', async (id) => {
    const error = await rejection(books.getBook(id));
    expect(error).toMatchObject({ status: 404, body: { message: `No book with id ${id}.` } });
    expect(server.last().segments).toEqual(['books', id]);
    expect(server.last().rawPath).toBe(`/books/${encodeURIComponent(id)}`);
    expectConforming();
  });

  it('deleteBook: 204 and no body, with the X-Request-Id header', async () => {
    const doomed = newestFirst()[7]!;
    await expect(books.deleteBook(doomed.id, 'request-42')).resolves.toBeUndefined();
    expect(server.last()).toMatchObject({ method: 'DELETE', status: 204, segments: ['books', doomed.id] });
    expect(server.last().headers['x-request-id']).toBe('request-42');
    expectConforming();
    expect(server.store.books.has(doomed.id)).toBe(false);
    expect(await rejection(books.getBook(doomed.id))).toMatchObject({ status: 404 });
  });

  it('deleteBook: without a request id no header is sent; per-call headers are', async () => {
    await books.deleteBook('a/b', undefined, { headers: { 'x-client': 'per-call' } });
    expect(server.last().headers['x-request-id']).toBeUndefined();
    expect(server.last().headers['x-client']).toBe('per-call');
    expect(server.last().segments).toEqual(['books', 'a/b']);
    expectConforming();
  });

  it('createBook: the NewBook travels as the JSON body and comes back as a 201 Book', async () => {
    const input = mockNewBook({}, { seed: 3 });
    const created = await books.createBook(input);
    expect(server.last().body).toEqual(JSON.parse(JSON.stringify(input)));
    expect(server.last().status).toBe(201);
    expectConforming();
    const { authorId, ...fields } = input;
    expect(created).toMatchObject({ ...fields, author: { id: authorId } });
    expect(created.publishedAt).toBeInstanceOf(Date);
  });

  it('createBook: an invalid book is a documented 400 with field details', async () => {
    const error = await rejection(books.createBook(mockNewBook({ title: '' }, { seed: 4 })));
    expect(error).toMatchObject({ status: 400, operation: 'BookService_createBook', body: { code: 'invalid' } });
    expect((error as ApiError).body).toHaveProperty(['details', '/title']);
    // The document rejects the same body, for the same reason; the 400 answer is documented.
    expect(server.last().requestProblems).toEqual([expect.stringMatching(/^body\/title must NOT have fewer than 1 characters/)]);
    expect(server.last().responseProblems).toEqual([]);
  });
});

describe('OrderController through OrderControllerClient', () => {
  const placeable = (seed: number): PlaceOrder => {
    const [first, second] = newestFirst();
    return mockPlaceOrder({ items: [{ bookId: first!.id, quantity: 2 }, { bookId: second!.id, quantity: 1 }] }, { seed });
  };

  it('placeOrder: JSON body and idempotency-key header; a 201 Order with Dates revived', async () => {
    const input = placeable(1);
    const order = await orders.placeOrder(input, 'key-1');
    const received = server.last();
    expect(received.headers['idempotency-key']).toBe('key-1');
    expect(received.headers['content-type']).toBe('application/json');
    expect(received.body).toEqual(JSON.parse(JSON.stringify(input)));
    expect(received.status).toBe(201);
    expectConforming();
    expect(order).toEqual(server.store.orders.get(order.id));
    expect(order).toMatchObject({ customerEmail: input.customerEmail, status: 'pending', payment: input.payment });
    expect(order.createdAt).toBeInstanceOf(Date);
    expect(order.updatedAt).toBeInstanceOf(Date);
    expect(order.items.map((item) => item.bookId)).toEqual(input.items.map((item) => item.bookId));
  });

  it('placeOrder: the same idempotency key gives the same order, none a new one', async () => {
    const input = placeable(2);
    const once = await orders.placeOrder(input, 'key-2');
    const twice = await orders.placeOrder(input, 'key-2');
    expect(twice.id).toBe(once.id);
    const fresh = await orders.placeOrder(input);
    expect(server.last().headers['idempotency-key']).toBeUndefined();
    expectConforming();
    expect(fresh.id).not.toBe(once.id);
  });

  it('getOrder: the stored order', async () => {
    const stored = [...server.store.orders.values()][0]!;
    expect(await orders.getOrder(stored.id)).toEqual(stored);
    expectConforming();
  });

  it('listOrders: @Query customer and the optional @Query status', async () => {
    const mine = [...server.store.orders.values()].filter((order) => order.customerEmail === CUSTOMER);
    expect(mine).toHaveLength(3);
    expect(await orders.listOrders(CUSTOMER)).toEqual(mine);
    expect(server.last().query.toString()).toBe('customer=reader%40example.com');
    expectConforming();
    const paid = await orders.listOrders(CUSTOMER, 'paid');
    expect(Object.fromEntries(server.last().query)).toEqual({ customer: CUSTOMER, status: 'paid' });
    expectConforming();
    expect(paid).toEqual(mine.filter((order) => order.status === 'paid'));
    expect(paid).toHaveLength(2);
  });

  it('updateStatus: PATCH with a StatusChange body answers 202 with the updated order', async () => {
    const pending = [...server.store.orders.values()].find((order) => order.status === 'pending')!;
    const updated = await orders.updateStatus(pending.id, { status: 'cancelled' });
    expect(server.last()).toMatchObject({ method: 'PATCH', status: 202, segments: ['orders', pending.id, 'status'], body: { status: 'cancelled' } });
    expectConforming();
    expect(updated).toMatchObject({ id: pending.id, status: 'cancelled' });
    expect(updated.updatedAt).toBeInstanceOf(Date);
    expect(updated.updatedAt.getTime()).toBeGreaterThan(pending.updatedAt.getTime());
  });

  it('getOrder: an undocumented 404 is still an ApiError with the parsed body', async () => {
    const error = await rejection(orders.getOrder('with space/and slash'));
    expect(error).toBeInstanceOf(runtime.ApiError);
    expect(error).toMatchObject({ status: 404, operation: 'OrderController_getOrder', body: { code: 'not_found' } });
    expect(server.last().segments).toEqual(['orders', 'with space/and slash']);
  });
});

describe('cancellation', () => {
  it('a signal aborts the call with an AbortError', async () => {
    const controller = new AbortController();
    // Aborted once the server holds the request (a fixed delay raced the request under load), and
    // the rejection must come while the server still withholds its slow answer.
    const arrival = server.nextRequest();
    const call = rejection(orders.getOrder(SLOW_ORDER_ID, { signal: controller.signal }));
    const request = await arrival;
    controller.abort();
    const error = await call;
    expect(error.name).toBe('AbortError');
    expect(request.segments).toEqual(['orders', SLOW_ORDER_ID]);
    expect(request.answered).toBe(false);
  });

  it('a per-call timeout rejects with a TimeoutError', async () => {
    const started = Date.now();
    const error = await rejection(orders.getOrder(SLOW_ORDER_ID, { timeoutMs: 100 }));
    expect(error.name).toBe('TimeoutError');
    expect(Date.now() - started).toBeLessThan(SLOW_MS);
  });

  it("the client's timeout applies to every call", async () => {
    const { OrderControllerClient } = await importGenerated<{ OrderControllerClient: ClientClass<OrderControllerClient> }>('services/order-controller.client.ts');
    const impatient = new OrderControllerClient({ baseUrl: server.baseUrl, timeoutMs: 100 });
    expect((await rejection(impatient.getOrder(SLOW_ORDER_ID))).name).toBe('TimeoutError');
  });
});

describe('response validation (generated with validateResponses: true)', () => {
  it('a Book whose isbn breaks its pattern is a ResponseValidationError at /isbn', async () => {
    const error = await rejection(books.getBook(BROKEN_BOOK_ID));
    expect(error).toBeInstanceOf(runtime.ResponseValidationError);
    const failure = error as ResponseValidationError;
    expect(failure).toMatchObject({ operation: 'BookService_getBook', status: 200, body: { id: BROKEN_BOOK_ID, isbn: '12345' } });
    expect(failure.issues.map((issue) => issue.path)).toEqual(['/isbn']);
    // The document rejects the same answer, for the same reason.
    expect(server.last().responseProblems).toEqual([expect.stringMatching(/^200 body\/isbn must match pattern/)]);
  });

  it('issue paths point into nested values of a page', async () => {
    const error = (await rejection(books.listBooks({ cursor: BROKEN_CURSOR }))) as ResponseValidationError;
    expect(error).toBeInstanceOf(runtime.ResponseValidationError);
    expect(error.issues.map((issue) => issue.path).sort()).toEqual(['/items/0/isbn', '/total']);
  });

  it('validateResponses: false passes the body through, Dates still revived', async () => {
    const book = await unvalidatedBooks.getBook(BROKEN_BOOK_ID);
    expect(book).toMatchObject({ id: BROKEN_BOOK_ID, isbn: '12345' });
    expect(book.publishedAt).toBeInstanceOf(Date);
    expect((await unvalidatedBooks.listBooks({ cursor: BROKEN_CURSOR })).total).toBe(-1);
  });
});

describe('the traffic matches openapi.json', () => {
  it('every operation of the document was called', () => {
    const called = new Set(server.received.map((request) => request.operationId));
    const documented = operationsOf(jsonDocument()).map((operation) => operation.operationId);
    expect(documented).toHaveLength(8);
    expect(documented.filter((id) => !called.has(id!))).toEqual([]);
  });

  it('every request conforms to its operation, except those the server rejected as invalid (400)', () => {
    const [rejected, accepted] = [server.received.filter((request) => request.status === 400), server.received.filter((request) => request.status !== 400)];
    const failing = accepted.filter((request) => request.requestProblems.length > 0);
    expect(failing.map((request) => `${request.method} ${request.rawPath}: ${request.requestProblems.join('; ')}`)).toEqual([]);
    // What the generated validators reject on the server, the document rejects too.
    expect(rejected.length).toBeGreaterThan(0);
    for (const request of rejected) expect(request.requestProblems, request.operationId).not.toEqual([]);
    expect(server.received.length).toBeGreaterThan(25);
  });

  it('every 2xx answer not broken on purpose matches its documented response', () => {
    const brokenOnPurpose = (request: (typeof server.received)[number]) => request.segments.includes(BROKEN_BOOK_ID) || request.query.get('cursor') === BROKEN_CURSOR;
    const answers = server.received.filter((request) => request.status < 300 && !brokenOnPurpose(request));
    expect(answers.filter((request) => request.responseProblems.length > 0).map((request) => `${request.operationId}: ${request.responseProblems.join('; ')}`)).toEqual([]);
    expect(answers.length).toBeGreaterThan(15);
  });
});
