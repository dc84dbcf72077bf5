import { describe, expect, it } from 'vitest';
import { defaultTag, joinPath, normalisePath, placeholdersOf } from '../../../src/analyzer/services/index.js';

describe('service paths', () => {
  it('joins a base path and a route into one normalised path', () => {
    expect(joinPath('/books', '/{id}')).toBe('/books/{id}');
    expect(joinPath('books/', '//{id}/')).toBe('/books/{id}');
    expect(joinPath('', '')).toBe('/');
    expect(joinPath('/books', '')).toBe('/books');
  });

  it('writes NestJS :param segments as OpenAPI placeholders', () => {
    expect(normalisePath('authors/:authorId/books/:bookId')).toBe('/authors/{authorId}/books/{bookId}');
  });

  it('lists placeholders in path order', () => {
    expect(placeholdersOf('/shops/{shopId}/items/{id}')).toEqual(['shopId', 'id']);
    expect(placeholdersOf('/health')).toEqual([]);
  });

  it('tags operations with the service name without its suffix', () => {
    expect(defaultTag('BookService')).toBe('Book');
    expect(defaultTag('AuthorsController')).toBe('Authors');
    expect(defaultTag('Service')).toBe('Service');
    expect(defaultTag('Catalogue')).toBe('Catalogue');
  });
});
