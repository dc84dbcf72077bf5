/**
 * The shapes the tests use from the example, written out structurally because the generated
 * modules are imported with `import()` (see example.ts). They mirror
 * `examples/bookstore/src/models` and the generated clients' public API; a drift shows up as a
 * failing call, since every value here comes from the real modules at run time.
 */

export interface Author {
  id: string;
  name: string;
  email: string;
  bio?: string | null;
  website?: string | null;
  createdAt: Date;
}

export interface Book {
  readonly id: string;
  title: string;
  isbn: string;
  author: Author;
  genre: string;
  price: number;
  tags: string[];
  format: 'hardcover' | 'paperback' | 'ebook';
  pages?: number;
  dimensions: { widthCm: number; heightCm: number } | null;
  publishedAt: Date;
  keywords?: string[];
}

export type NewBook = Omit<Book, 'id' | 'author'> & { authorId: string };

export interface BookQuery {
  genre?: string;
  search?: string;
  limit?: number;
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  next?: string;
}

export interface ApiErrorBody {
  code: string;
  message: string;
  details?: Record<string, string>;
}

export interface Address {
  street: string;
  city: string;
  postalCode: string;
  country: string;
  location?: [number, number];
}

export type Payment = { kind: 'card'; last4: string; brand: string } | { kind: 'paypal'; payerEmail: string } | { kind: 'gift-card'; code: string };

export interface OrderItem {
  id: number;
  orderId: string;
  bookId: string;
  quantity: number;
  unitPrice: number;
}

export type OrderStatus = 'pending' | 'paid' | 'shipped' | 'cancelled';

export interface Order {
  readonly id: string;
  customerEmail: string;
  items: OrderItem[];
  status: OrderStatus;
  payment: Payment;
  shippingAddress: Address;
  labels: Record<string, string>;
  note?: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface PlaceOrder {
  customerEmail: string;
  items: Array<Pick<OrderItem, 'bookId' | 'quantity'>>;
  payment: Payment;
  shippingAddress: Address;
  note?: string;
}

/** `DeepPartial<T>` of the generated mocking runtime, as far as the tests need it. */
export type Overrides<T> = { [K in keyof T]?: T[K] extends object ? Overrides<T[K]> | T[K] : T[K] };
export type Mock<T> = (overrides?: Overrides<T>, options?: { seed?: number }) => T;
export type MockList<T> = (count: number, options?: { seed?: number }) => T[];

export interface ValidationIssue {
  path: string;
  code: string;
  expected: string;
  message: string;
}
export type Validate = (value: unknown) => { success: true } | { success: false; issues: ValidationIssue[] };

export interface ClientOptions {
  baseUrl: string;
  fetch?: typeof fetch;
  headers?: Record<string, string>;
  timeoutMs?: number;
  validateResponses?: boolean;
}

export interface RequestOptions {
  headers?: Record<string, string>;
  signal?: AbortSignal;
  timeoutMs?: number;
}

export interface BookServiceClient {
  listBooks(query: BookQuery, init?: RequestOptions): Promise<Page<Book>>;
  getBook(id: string, init?: RequestOptions): Promise<Book>;
  createBook(book: NewBook, init?: RequestOptions): Promise<Book>;
  deleteBook(id: string, requestId?: string, init?: RequestOptions): Promise<void>;
}

export interface OrderControllerClient {
  placeOrder(order: PlaceOrder, idempotencyKey?: string, init?: RequestOptions): Promise<Order>;
  getOrder(id: string, init?: RequestOptions): Promise<Order>;
  listOrders(customer: string, status?: OrderStatus, init?: RequestOptions): Promise<Order[]>;
  updateStatus(id: string, change: { status: OrderStatus }, init?: RequestOptions): Promise<Order>;
}

export interface ApiError extends Error {
  status: number;
  body: unknown;
  operation: string;
  method: string;
  url: string;
  is(status: number): boolean;
}

export interface ResponseValidationError extends Error {
  operation: string;
  status: number;
  body: unknown;
  issues: readonly ValidationIssue[];
}

/** What `client-runtime.ts` exports that the tests check errors against. */
export interface ClientRuntime {
  ApiError: abstract new (...args: never[]) => ApiError;
  ResponseValidationError: abstract new (...args: never[]) => ResponseValidationError;
}
