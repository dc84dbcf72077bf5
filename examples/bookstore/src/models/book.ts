import type { Author } from './author.js';
import type { Money } from './common.js';

/** The shelves of the store. */
export enum Genre {
  Fiction = 'fiction',
  NonFiction = 'non-fiction',
  Poetry = 'poetry',
  Children = 'children',
}

/**
 * A book on sale. Annotated with JSDoc tags.
 * @entity
 */
export interface Book {
  /** @primaryKey @generated uuid @format uuid @readOnly */
  readonly id: string;
  /**
   * @minLength 1
   * @maxLength 200
   * @index
   */
  title: string;
  /**
   * ISBN-13, digits only.
   * @pattern ^97[89][0-9]{10}$
   * @unique
   */
  isbn: string;
  author: Author;
  genre: Genre;
  price: Money;
  /** @maxItems 10 @uniqueItems */
  tags: string[];
  format: 'hardcover' | 'paperback' | 'ebook';
  /** @type integer @minimum 1 */
  pages?: number;
  /** Physical size, unknown for ebooks. */
  dimensions: { widthCm: number; heightCm: number } | null;
  publishedAt: Date;
  /**
   * @deprecated use `tags`
   * @transient
   */
  keywords?: string[];
}
