import { describe, expect, it } from 'vitest';
import { defaultTag, joinPath, normalisePath, placeholdersOf } from '../../../src/analyzer/services/index.js';
import { translateNestRoute } from '../../../src/analyzer/services/route-syntax.js';

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

describe('NestJS route syntax', () => {
  it.each([
    ['items/:id', 'items/{id}', []],
    ['*path', '{path}', ['path']],
    ['files/*', 'files/{path}', ['path']],
    ['files/(.*)', 'files/{path}', ['path']],
    [':rest+', '{rest}', ['rest']],
    [':rest*', '{rest}', ['rest']],
    [':rest(.*)', '{rest}', ['rest']],
    ['{/:id}', '/{id}', []],
    ['a\\:b', 'a:b', []],
    ['*name.json', '{name}.json', ['name']],
  ])('%s → %s', (written, template, wildcards) => {
    const syntax = translateNestRoute(written);
    expect(syntax.path).toBe(template);
    expect(syntax.wildcards.map((w) => w.name)).toEqual(wildcards);
    expect(syntax.unexpressible).toBeUndefined();
  });

  it('lists optional parts as written and keeps patterns', () => {
    expect(translateNestRoute('a{/:b}/:c?/{*d}').optional).toEqual(['{/:b}', ':c?', '{*d}']);
    expect(translateNestRoute(':id(\\d+)/:slug([a-z]+)').patterns).toEqual({ id: '\\d+', slug: '[a-z]+' });
  });

  it.each([['ab?cd', 'ab?cd'], ['ab+cd', 'ab+cd'], ['ab*', 'ab*'], ['x/(\\d+)', '(\\d+)'], ['x/[a]', '[a]'], ['{/:id', '{/:id'], [':', ':'], ['a}', 'a}']])(
    'cannot express %s',
    (written, part) => {
      expect(translateNestRoute(written).unexpressible).toBe(part);
    },
  );

  it('marks a wildcard after text in its segment (ab*cd): a pattern before NestJS 11', () => {
    expect(translateNestRoute('ab*cd').wildcards).toEqual([{ name: 'cd', written: 'ab*cd', unnamed: false, midSegment: true }]);
  });
});
