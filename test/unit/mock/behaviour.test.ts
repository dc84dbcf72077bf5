/**
 * What a user of the generated mocks relies on, shown on the fixtures: realistic values,
 * lists of distinct items, deep overrides, and service mocks that record calls and answer
 * with valid data.
 */
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { materialize, mockSources, type MockSource } from './helpers.js';

type Fn = (...args: any[]) => any;
const ROOT = join(process.cwd(), 'test/.tmp/mock-behaviour');
const modules = new Map<string, Record<string, Fn>>();

async function load(source: MockSource, files: string[]): Promise<Record<string, Fn>> {
  // Unformatted, as the property and typecheck tests make them (run only: Prettier changes layout alone).
  const folder = await materialize(source, ROOT, undefined, false);
  const exports: Record<string, Fn> = {};
  for (const file of files) Object.assign(exports, await import(pathToFileURL(join(folder, 'generated', file)).href));
  return exports;
}

describe('generated mocks in use', () => {
  beforeAll(async () => {
    const sources = new Map(mockSources().map((source) => [source.name, source]));
    modules.set('realistic', await load(sources.get('mock-realistic')!, ['people.mock.ts', 'people.validate.ts']));
    modules.set('recursion', await load(sources.get('mock-recursion')!, ['tree.mock.ts', 'tree.validate.ts']));
    modules.set('services', await load(sources.get('mock-services')!, ['library.mock.ts', 'models.validate.ts']));
  }, 60_000);

  it('gives realistic values where names and formats suggest them', () => {
    const { mockUser } = modules.get('realistic')!;
    const user = mockUser!({}, { seed: 3 });
    expect(user.email).toMatch(/^[a-z]+\.[a-z]+\d+@[a-z.]+$/);
    expect(user.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(user.website).toMatch(/^https:\/\//);
    expect(user.name).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/);
    expect(user.updatedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(user.createdAt).toBeInstanceOf(Date);
    expect(Math.round(user.price * 100)).toBeCloseTo(user.price * 100, 8);
    expect(Number.isInteger(user.age)).toBe(true);
  });

  it('makes lists of the requested length whose items differ', () => {
    const { mockUserList } = modules.get('realistic')!;
    const users = mockUserList!(5, { seed: 1 });
    expect(users).toHaveLength(5);
    expect(new Set(users.map((user: { id: string }) => user.id)).size).toBe(5);
    expect(mockUserList!(5, { seed: 1 })).toEqual(users);
    expect(mockUserList!(5, { seed: 2 })).not.toEqual(users);
    expect(mockUserList!(0)).toEqual([]);
  });

  it('merges overrides deeply and replaces arrays, even when they break constraints', () => {
    const { mockCatalog, isCatalog } = modules.get('recursion')!;
    const { mockUser, isUser } = modules.get('realistic')!;
    const catalog = mockCatalog!({ trees: { total: 7 } }, { seed: 4 });
    expect(catalog.trees.total).toBe(7);
    expect(catalog.trees.items).toEqual(mockCatalog!({}, { seed: 4 }).trees.items);
    expect(isCatalog!(catalog)).toBe(true);
    const user = mockUser!({ tags: ['only'], city: 'Paris' }, { seed: 4 });
    expect(user.tags).toEqual(['only']);
    expect(user.city).toBe('Paris');
    expect(mockUser!({ email: 'not an email' }).email).toBe('not an email');
    expect(isUser!(mockUser!({ email: 'not an email' }))).toBe(false);
  });

  it('bounds recursion: at the depth limit arrays are empty and optional parents absent', () => {
    const { mockTreeNode, mockCategory } = modules.get('recursion')!;
    const depthOf = (node: { children: unknown[] }): number =>
      1 + Math.max(0, ...node.children.map((child) => depthOf(child as { children: unknown[] })));
    for (let seed = 0; seed < 50; seed++) expect(depthOf(mockTreeNode!({}, { seed }))).toBeLessThanOrEqual(4);
    const chain = (category: { parent?: unknown }): number => (category.parent ? 1 + chain(category.parent as { parent?: unknown }) : 0);
    for (let seed = 0; seed < 50; seed++) expect(chain(mockCategory!({}, { seed }))).toBeLessThanOrEqual(3);
  });

  it('records service calls and answers with valid mock data', async () => {
    const { createLibraryServiceMock, createShelfControllerMock, isBook } = modules.get('services')!;
    const library = createLibraryServiceMock!({}, { seed: 9 });
    const book = await library.getBook('b-1');
    expect(isBook!(book)).toBe(true);
    const books = await library.listBooks();
    expect(books.every((entry: unknown) => isBook!(entry))).toBe(true);
    expect(await library.removeBook('b-1')).toBeUndefined();
    await library.addBook({ title: 'Dune' });
    // A method declared without a Promise answers synchronously.
    const count = library.countBooks();
    expect(Number.isInteger(count)).toBe(true);
    expect(library.calls).toEqual({ listBooks: [[]], getBook: [['b-1']], addBook: [[{ title: 'Dune' }]], removeBook: [['b-1']], countBooks: [[]] });
    expect(await createLibraryServiceMock!({}, { seed: 9 }).getBook('x')).toEqual(book);
  });

  it('uses the methods it is given, still recording their calls', async () => {
    const { createLibraryServiceMock, createShelfControllerMock } = modules.get('services')!;
    const fixed = { id: '00000000-0000-4000-8000-000000000000', title: 'Fixed', price: 1 };
    const library = createLibraryServiceMock!({ getBook: async () => fixed });
    expect(await library.getBook('a')).toBe(fixed);
    expect(library.calls.getBook).toEqual([['a']]);
    const shelves = createShelfControllerMock!();
    expect(Array.isArray(await shelves.booksOn('top'))).toBe(true);
    expect(shelves.calls.booksOn).toEqual([['top']]);
  });
});
