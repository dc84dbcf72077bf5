import type { ApiError, Page } from '../models/common.js';
import type { Book, Genre } from '../models/book.js';

/** Filters for the book listing. */
export interface BookQuery {
  genre?: Genre;
  /** Full-text search in titles. @maxLength 100 */
  search?: string;
  /** @type integer @minimum 1 @maximum 100 */
  limit?: number;
  cursor?: string;
}

/** What a client sends to add a book. */
export type NewBook = Omit<Book, 'id' | 'author'> & {
  /** @format uuid */
  authorId: string;
};

/**
 * The catalogue of books.
 * @service /books
 */
export interface BookService {
  /**
   * Lists books, newest first.
   * @http GET /
   * @query query
   */
  listBooks(query: BookQuery): Promise<Page<Book>>;

  /**
   * @http GET /{id}
   * @throws 404 ApiError No book with that id.
   */
  getBook(id: string): Promise<Book>;

  /**
   * @http POST /
   * @throws 400 ApiError The book is invalid.
   */
  createBook(book: NewBook): Promise<Book>;

  /**
   * @http DELETE /{id}
   * @header X-Request-Id requestId
   */
  deleteBook(id: string, requestId?: string): Promise<void>;
}

