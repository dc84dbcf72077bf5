/**
 * The example's two services implemented in memory, as plain routing (request in, answer out):
 * `BookService` under `/books` and `OrderController` under `/orders`, seeded with the example's
 * generated mocks so every stored value is valid by construction. Request bodies are checked
 * with the example's generated validators, as a real server built on them would.
 *
 * A few fixed ids answer on purpose what a client must cope with: a book whose body breaks
 * its type (`BROKEN_BOOK_ID`), a listing page that does (`cursor: BROKEN_CURSOR`), and an order
 * that answers slowly (`SLOW_ORDER_ID`).
 */
import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { ApiErrorBody, Author, Book, Mock, MockList, NewBook, Order, OrderStatus, PlaceOrder, Validate } from './example-types.js';

export const BROKEN_BOOK_ID = '00000000-0000-4000-8000-0000000000b0';
export const BROKEN_CURSOR = 'broken';
export const SLOW_ORDER_ID = '00000000-0000-4000-8000-00000000510e';
export const SLOW_MS = 2_000;
/** The customer with seeded orders. */
export const CUSTOMER = 'reader@example.com';

/** What the example's generated modules give the store. */
export interface StoreModules {
  mockBookList: MockList<Book>;
  mockBook: Mock<Book>;
  mockAuthor: Mock<Author>;
  mockOrder: Mock<Order>;
  validateNewBook: Validate;
  validatePlaceOrder: Validate;
  validateStatusChange: Validate;
}

export interface Incoming {
  method: string;
  segments: string[];
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: unknown;
}

export interface Answer {
  status: number;
  /** Sent as JSON; none when `undefined`. */
  body?: unknown;
  delayMs?: number;
}

/** The in-memory bookstore: its data, open to the tests, and its router. */
export interface Bookstore {
  books: Map<string, Book>;
  orders: Map<string, Order>;
  route(request: Incoming): Answer;
}

/** A bookstore seeded from the mocks with fixed seeds, so every run serves the same data. */
export function createBookstore(modules: StoreModules): Bookstore {
  const books = new Map(modules.mockBookList(8, { seed: 11 }).map((book) => [book.id, book]));
  const orders = new Map<string, Order>();
  const statuses: OrderStatus[] = ['paid', 'shipped', 'paid', 'pending'];
  for (const [index, status] of statuses.entries()) {
    const order = modules.mockOrder({ status, ...(index < 3 ? { customerEmail: CUSTOMER } : {}) }, { seed: 21 + index });
    orders.set(order.id, order);
  }
  const slow = modules.mockOrder({ id: SLOW_ORDER_ID }, { seed: 31 });
  const context: Context = { modules, books, orders, slow, placed: new Map(), nextItemId: 1000 };
  return { books, orders, route: (request) => route(context, request) };
}

interface Context {
  modules: StoreModules;
  books: Map<string, Book>;
  orders: Map<string, Order>;
  slow: Order;
  /** Orders placed, by idempotency key. */
  placed: Map<string, Order>;
  nextItemId: number;
}

function route(context: Context, request: Incoming): Answer {
  const [root, id, leaf, ...extra] = request.segments;
  if (extra.length > 0) return notFound('no such route');
  if (root === 'books' && leaf === undefined) return bookRoute(context, request, id);
  if (root === 'orders') return orderRoute(context, request, id, leaf);
  return notFound('no such route');
}

function bookRoute(context: Context, request: Incoming, id: string | undefined): Answer {
  if (request.method === 'GET' && id === undefined) return listBooks(context, request.query);
  if (request.method === 'POST' && id === undefined) return createBook(context, request.body);
  if (request.method === 'GET' && id === BROKEN_BOOK_ID) return { status: 200, body: context.modules.mockBook({ id, isbn: '12345' }, { seed: 5 }) };
  if (request.method === 'GET' && id !== undefined) {
    const book = context.books.get(id);
    return book ? { status: 200, body: book } : notFound(`No book with id ${id}.`);
  }
  if (request.method === 'DELETE' && id !== undefined) {
    context.books.delete(id);
    return { status: 204 };
  }
  return notFound('no such route');
}

/** Newest first, filtered by genre and title, paged by an offset cursor. */
function listBooks(context: Context, query: URLSearchParams): Answer {
  const offset = Number(query.get('cursor') ?? 0);
  if (query.get('cursor') === BROKEN_CURSOR) {
    return { status: 200, body: { items: [context.modules.mockBook({ isbn: 'ISBN 12' }, { seed: 6 })], total: -1 } };
  }
  const limit = Number(query.get('limit') ?? 20);
  const genre = query.get('genre');
  const search = query.get('search')?.toLowerCase();
  const matching = [...context.books.values()]
    .filter((book) => (genre === null || book.genre === genre) && (search === undefined || book.title.toLowerCase().includes(search)))
    .sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime());
  const items = matching.slice(offset, offset + limit);
  const next = offset + limit < matching.length ? { next: String(offset + limit) } : {};
  return { status: 200, body: { items, total: matching.length, ...next } };
}

function createBook(context: Context, body: unknown): Answer {
  if (body === undefined) return error(400, 'no_body', 'Send the book as a JSON body.');
  const input = withDate(body, 'publishedAt');
  const result = context.modules.validateNewBook(input);
  if (!result.success) return invalid(result.issues);
  const { authorId, ...fields } = input as NewBook;
  const book: Book = { ...fields, id: randomUUID(), author: context.modules.mockAuthor({ id: authorId }, { seed: 1 }) };
  context.books.set(book.id, book);
  return { status: 201, body: book };
}

function orderRoute(context: Context, request: Incoming, id: string | undefined, leaf: string | undefined): Answer {
  if (request.method === 'POST' && id === undefined) return placeOrder(context, request.body, request.headers['idempotency-key']);
  if (request.method === 'GET' && id === undefined) return listOrders(context, request.query);
  if (request.method === 'GET' && id === SLOW_ORDER_ID && leaf === undefined) return { status: 200, body: context.slow, delayMs: SLOW_MS };
  const order = id === undefined ? undefined : context.orders.get(id);
  if (request.method === 'GET' && leaf === undefined) return order ? { status: 200, body: order } : notFound(`No order with id ${id}.`);
  if (request.method === 'PATCH' && leaf === 'status') {
    if (!order) return notFound(`No order with id ${id}.`);
    const result = context.modules.validateStatusChange(request.body);
    if (!result.success) return invalid(result.issues);
    const updated: Order = { ...order, status: (request.body as { status: OrderStatus }).status, updatedAt: new Date() };
    context.orders.set(updated.id, updated);
    return { status: 202, body: updated };
  }
  return notFound('no such route');
}

/** Places an order once per idempotency key: a retry with the same key gets the same order. */
function placeOrder(context: Context, body: unknown, key: string | string[] | undefined): Answer {
  const result = context.modules.validatePlaceOrder(body);
  if (!result.success) return invalid(result.issues);
  const replay = typeof key === 'string' ? context.placed.get(key) : undefined;
  if (replay) return { status: 201, body: replay };
  const { items, ...input } = body as PlaceOrder;
  const id = randomUUID();
  const now = new Date();
  const order: Order = {
    ...input,
    id,
    items: items.map((item) => ({ ...item, id: context.nextItemId++, orderId: id, unitPrice: context.books.get(item.bookId)?.price ?? 0 })),
    status: 'pending',
    labels: {},
    createdAt: now,
    updatedAt: now,
  };
  context.orders.set(id, order);
  if (typeof key === 'string') context.placed.set(key, order);
  return { status: 201, body: order };
}

function listOrders(context: Context, query: URLSearchParams): Answer {
  const customer = query.get('customer');
  if (customer === null) return error(400, 'invalid', 'The customer is required.');
  const status = query.get('status');
  const found = [...context.orders.values()].filter((order) => order.customerEmail === customer && (status === null || order.status === status));
  return { status: 200, body: found };
}

/** The JSON body with an ISO string property turned into the `Date` the validators expect. */
function withDate(body: unknown, property: string): unknown {
  if (typeof body !== 'object' || body === null) return body;
  const value = (body as Record<string, unknown>)[property];
  return typeof value === 'string' ? { ...body, [property]: new Date(value) } : body;
}

function invalid(issues: ReadonlyArray<{ path: string; message: string }>): Answer {
  return error(400, 'invalid', 'The request is invalid.', Object.fromEntries(issues.map((issue) => [issue.path, issue.message])));
}

function notFound(message: string): Answer {
  return error(404, 'not_found', message);
}

function error(status: number, code: string, message: string, details?: Record<string, string>): Answer {
  const body: ApiErrorBody = { code, message, ...(details ? { details } : {}) };
  return { status, body };
}
