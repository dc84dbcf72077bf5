/**
 * The in-memory bookstore (bookstore-routes.ts) behind a real HTTP server on loopback. Every
 * request is recorded as it arrived, with what the example's `openapi.json` says about it and
 * about the answer, so tests can hold the generated clients and the document to each other.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { startLoopbackServer } from '../helpers/loopback-server.js';
import { createBookstore, type Answer, type Bookstore, type Incoming, type StoreModules } from './bookstore-routes.js';
import { importGenerated, jsonDocument } from './example.js';
import { createConformanceChecker } from './openapi-conformance.js';

/** A request as the server saw it, with the document's verdict. */
export interface ReceivedRequest extends Incoming {
  /** The raw path, still percent-encoded. */
  rawPath: string;
  /** The document's operation for it (`''` when none). */
  operationId: string;
  /** How the request departs from the document ([] when it conforms). */
  requestProblems: string[];
  status: number;
  /** How the answer departs from the document; answers broken on purpose have some. */
  responseProblems: string[];
  /** Whether the answer has been written (a delayed answer is not, until its delay is over). */
  answered: boolean;
}

export interface BookstoreServer {
  baseUrl: string;
  store: Bookstore;
  received: ReceivedRequest[];
  last(): ReceivedRequest;
  /**
   * The next request the server receives, once it has read it: a test can act on a call in
   * flight (abort it) knowing the request reached the server.
   */
  nextRequest(): Promise<ReceivedRequest>;
  close(): Promise<void>;
}

/** Loads the example's mocks and validators and serves the store on an ephemeral loopback port. */
export async function startBookstoreServer(): Promise<BookstoreServer> {
  const store = createBookstore(await storeModules());
  const checker = createConformanceChecker(jsonDocument());
  const received: ReceivedRequest[] = [];
  const waiting: Array<(request: ReceivedRequest) => void> = [];
  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const incoming = await readRequest(request);
    const answer = store.route(incoming);
    const wireBody = answer.body === undefined ? undefined : (JSON.parse(JSON.stringify(answer.body)) as unknown);
    const operation = checker.match(incoming.method, incoming.segments);
    const record: ReceivedRequest = {
      ...incoming,
      rawPath: (request.url ?? '').split('?')[0]!,
      operationId: operation?.operationId ?? '',
      requestProblems: checker.checkRequest(incoming),
      status: answer.status,
      responseProblems: operation ? checker.checkResponse(operation, answer.status, wireBody) : [],
      answered: false,
    };
    received.push(record);
    send(response, answer, () => (record.answered = true));
    for (const resolve of waiting.splice(0)) resolve(record);
  };
  const server = await startLoopbackServer((request, response) => void handle(request, response));
  return {
    baseUrl: `${server.origin}/`,
    store,
    received,
    last: () => received[received.length - 1]!,
    nextRequest: () => new Promise((resolve) => waiting.push(resolve)),
    close: server.close,
  };
}

async function storeModules(): Promise<StoreModules> {
  const [books, authors, orders, bookService, orderController] = await Promise.all([
    importGenerated<Pick<StoreModules, 'mockBook' | 'mockBookList'>>('models/book.mock.ts'),
    importGenerated<Pick<StoreModules, 'mockAuthor'>>('models/author.mock.ts'),
    importGenerated<Pick<StoreModules, 'mockOrder'>>('models/order.mock.ts'),
    importGenerated<Pick<StoreModules, 'validateNewBook'>>('services/book-service.validate.ts'),
    importGenerated<Pick<StoreModules, 'validatePlaceOrder' | 'validateStatusChange'>>('services/order-controller.validate.ts'),
  ]);
  return {
    mockBook: books.mockBook,
    mockBookList: books.mockBookList,
    mockAuthor: authors.mockAuthor,
    mockOrder: orders.mockOrder,
    validateNewBook: bookService.validateNewBook,
    validatePlaceOrder: orderController.validatePlaceOrder,
    validateStatusChange: orderController.validateStatusChange,
  };
}

async function readRequest(request: IncomingMessage): Promise<Incoming> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  const url = new URL(request.url ?? '/', 'http://loopback');
  // Split before decoding: an encoded `/` inside a segment must stay inside it.
  const segments = (request.url ?? '').split('?')[0]!.split('/').filter(Boolean).map(decodeURIComponent);
  return { method: request.method ?? '', segments, query: url.searchParams, headers: request.headers, body: text === '' ? undefined : JSON.parse(text) };
}

function send(response: ServerResponse, answer: Answer, written: () => void): void {
  const write = () => {
    if (answer.body === undefined) response.writeHead(answer.status).end();
    else response.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
    written();
  };
  if (answer.delayMs === undefined) return write();
  const timer = setTimeout(write, answer.delayMs);
  response.on('close', () => clearTimeout(timer));
}
