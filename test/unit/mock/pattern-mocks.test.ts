/**
 * Mock strings constrained by `@pattern` come from the pattern's whole language, so values
 * rarely repeat; every one passes the generated validator; and list mocks of an entity do not
 * repeat its unique columns, so they can be inserted into its table. Shown on the `patterns`
 * fixture and on the bookstore example.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { bookstoreSource, materialize, mockSources, type MockSource } from './helpers.js';

type Fn = (...args: any[]) => any;
const ROOT = join(process.cwd(), 'test/.tmp/mock-patterns');
let patterns: Record<string, Fn>;
let bookstore: Record<string, Fn>;

async function load(source: MockSource, files: string[]): Promise<Record<string, Fn>> {
  // Unformatted, as the property and typecheck tests make them (run only: Prettier changes layout alone).
  const folder = await materialize(source, ROOT, undefined, false);
  const exports: Record<string, Fn> = {};
  for (const file of files) Object.assign(exports, await import(pathToFileURL(join(folder, 'generated', file)).href));
  return exports;
}

const distinct = (items: Array<Record<string, unknown>>, key: string): number => new Set(items.map((item) => item[key])).size;

describe('pattern mocks', () => {
  beforeAll(async () => {
    const source = mockSources().find((candidate) => candidate.name === 'mock-patterns')!;
    patterns = await load(source, ['patterns.mock.ts', 'patterns.validate.ts']);
    bookstore = await load(bookstoreSource(), ['models/book.mock.ts', 'models/author.mock.ts']);
  }, 60_000);

  // How many of 1,000 draws differ, at least. The generation-time samples alone gave 16 at most.
  it.each([
    ['isbn', 995], // ^97[89][0-9]{10}$: 2 × 10^10 strings
    ['code', 995], // ^[A-Z]{3}-\d{4}$
    ['shade', 550], // (red|green|blue|cyan)-(light|dark|pale)-\d{2}: 1,200 strings, about 680 expected
    ['nested', 950], // ((ab|cd|ef)(gh|ij)?[0-9]){2,4}
    ['unicode', 995], // [\u4e00-\u9fff]{2,4}-[\u{1F600}-\u{1F64F}] with the u flag
    ['negated', 995], // [^a-z0-9\s]{4,6}
    ['negatedIgnoringCase', 950], // /[^a-f]{3}x/i: neither a-f nor A-F
    ['dotted', 950], // [a-z]+(\.[a-z]+)* within 5 to 12 characters
  ])('draws %s from the whole language (at least %i distinct of 1,000)', (key, least) => {
    const items = patterns['mockCodedList']!(1000, { seed: 7 });
    expect(distinct(items, key)).toBeGreaterThanOrEqual(least);
  });

  it('gives values that all pass the generated validator, the same for the same seed', () => {
    const items = patterns['mockCodedList']!(1000, { seed: 11 });
    const invalid = items.filter((item: unknown) => !patterns['isCoded']!(item));
    expect(invalid).toEqual([]);
    expect(items.every((item: { negatedIgnoringCase: string }) => !/[a-f]/i.test(item.negatedIgnoringCase))).toBe(true);
    expect(items.every((item: { dotted: string }) => item.dotted.length >= 5 && item.dotted.length <= 12)).toBe(true);
    expect(patterns['mockCodedList']!(1000, { seed: 11 })).toEqual(items);
  });

  it('keeps the generation-time samples for what a program cannot express (\\b)', () => {
    const items = patterns['mockCodedList']!(1000, { seed: 7 });
    expect(distinct(items, 'wordBoundary')).toBeLessThanOrEqual(16);
    expect(items.every((item: unknown) => patterns['isCoded']!(item))).toBe(true);
  });

  it('does not repeat unique columns in a list, and refuses a list longer than a language', () => {
    const tickets = patterns['mockTicketList']!(8, { seed: 3 });
    expect(distinct(tickets, 'id')).toBe(8);
    expect(distinct(tickets, 'serial')).toBe(8);
    expect(distinct(tickets, 'tiny')).toBe(8); // [ab]{3} has 8 strings: all of them
    expect(tickets.every((ticket: unknown) => patterns['isTicket']!(ticket))).toBe(true);
    expect(patterns['mockTicketList']!(8, { seed: 3 })).toEqual(tickets);
    // A ninth would repeat one: refused, naming the column and its eight values (never a silent repeat).
    expect(() => patterns['mockTicketList']!(200, { seed: 3 })).toThrow('200 mocks cannot differ in Ticket.tiny (unique): it has only 8 values.');
  });

  it("gives the bookstore's books distinct ISBNs and its authors distinct emails", () => {
    const books = bookstore['mockBookList']!(200, { seed: 2 });
    expect(distinct(books, 'isbn')).toBe(200);
    expect(books.every((book: { isbn: string }) => /^97[89][0-9]{10}$/.test(book.isbn))).toBe(true);
    expect(distinct(bookstore['mockAuthorList']!(200, { seed: 1 }), 'email')).toBe(200);
  });
});
