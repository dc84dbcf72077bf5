/**
 * The same statements executed on a real engine: what the text tests show is also what the
 * engines accept, and what comes back decodes to the row types. `engineSuite` is called once
 * per engine by the `*.engine.test.ts` files, so both dialects answer the same expectations.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createTableSql, MAX_BOUND_VALUES, SqlBuilderError, type Query, type TableSql } from '../../../templates/sql/sql-runtime.js';
import type { Engine, RawRow } from './engines.js';
import { authors, books, bookTags, mixed, tags, TABLE_NAMES, weird, WEIRD_COLUMN, WEIRD_TABLE, type AuthorRow, type BookRow } from './tables.js';

/** A book with every field given, `overrides` on top. */
export function book(id: number, overrides: Partial<BookRow> = {}): BookRow {
  return {
    id: uuid(id),
    title: `Book ${id}`,
    authorId: 1,
    inPrint: true,
    publishedAt: new Date(Date.UTC(2020, 0, id, 12)),
    price: 10 + id / 4,
    copies: BigInt(id * 1000),
    releaseDate: `2020-01-${String(id).padStart(2, '0')}`,
    meta: { n: id },
    rating: id % 3,
    pages: 100 + id,
    ...overrides,
  };
}

/** A deterministic uuid whose last digits are `n`. */
export function uuid(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

export const AUTHORS: AuthorRow[] = [
  { id: 1, name: 'Ursula', email: 'ursula@example.com' },
  { id: 2, name: 'Octavia', email: null },
  { id: 3, name: 'Ted', email: 'ted@example.com' },
];

/** Eight books: ratings 1,2,0,1,2,0,1,2 (ties for keyset paging), one without author, mixed case titles. */
export const BOOKS: BookRow[] = [
  book(1, { title: 'Dune' }),
  book(2, { title: 'dune messiah', authorId: 2 }),
  book(3, { title: 'Kindred', authorId: 2, inPrint: false, price: null }),
  book(4, { title: 'The Left Hand', authorId: null, publishedAt: null }),
  book(5, { title: 'Lathe_of Heaven' }),
  book(6, { title: '100% Ursula', meta: ['a', 'b'] }),
  book(7, { title: 'Élan', authorId: 3, pages: null }),
  book(8, { title: 'élan vital', authorId: 3, releaseDate: null, meta: null }),
];

/** Values that would break out of a spliced string literal, identifier or comment. */
export const PAYLOADS = [
  "'; DROP TABLE books; --",
  '"; DROP TABLE books; --',
  "\\'; DROP TABLE books; --",
  "' OR '1'='1",
  "'' OR 1=1 /*",
  '\\',
  "'",
  '"',
  '$1',
  '?',
  '%_\\',
  'Robert\'); DROP TABLE books;--',
];

/** `text` as a like pattern matching only itself. */
const literalPattern = (text: string): string => text.replace(/[\\%_]/g, '\\$&');

const ids = (rows: readonly RawRow[]): number[] => rows.map((row) => Number(String(row['id']).slice(-12))).sort((a, b) => a - b);

export function engineSuite(makeEngine: () => Engine): void {
  const engine = makeEngine();
  const bookSql = createTableSql(books, engine.dialect);
  const authorSql = createTableSql(authors, engine.dialect);
  const tagSql = createTableSql(tags, engine.dialect);

  async function all<Row>(sql: TableSql<Row, any>, query: Query): Promise<Row[]> {
    return (await engine.run(query)).map((row) => sql.decode(row));
  }

  async function seed(): Promise<void> {
    await engine.run(authorSql.insert(AUTHORS));
    await engine.run(bookSql.insert(BOOKS));
  }

  beforeAll(() => engine.reset());
  beforeEach(() => engine.reset());
  afterAll(() => engine.close());

  describe('round trips', () => {
    test('every codec at its limits comes back as it went in, from RETURNING and from a select', async () => {
      await engine.run(authorSql.insert(AUTHORS));
      const maxBigint = engine.exactBigints ? 2n ** 63n - 1n : 2n ** 53n - 1n;
      const minBigint = engine.exactBigints ? -(2n ** 63n) : -(2n ** 53n) + 1n;
      const rows: BookRow[] = [
        book(1, { title: '', price: 0, copies: 0n, rating: 0, pages: 0, meta: {}, inPrint: false, publishedAt: new Date(0), releaseDate: '1970-01-01' }),
        book(2, {
          title: 'Ünïcødé 📚 日本語 "double" \'single\' \\ back`tick',
          price: 12345678.123456,
          copies: maxBigint,
          rating: -1.5e300,
          pages: 2147483647,
          meta: { nested: { list: [1, 'two', null, true, 2.5] }, emoji: '📚', quote: '"\'' },
          publishedAt: new Date('2024-02-29T23:59:59.999Z'),
          releaseDate: '2024-02-29',
        }),
        book(3, {
          price: -0.000001,
          copies: minBigint,
          rating: Number.MIN_VALUE,
          pages: -2147483648,
          meta: ['array', 1, { deep: [] }],
          // Written with an offset: the instant is what is stored.
          publishedAt: new Date('2024-06-01T12:00:00.123+05:30'),
          releaseDate: '9999-12-31',
        }),
        book(4, { authorId: null, publishedAt: null, price: null, releaseDate: null, meta: null, pages: null }),
        book(5, { meta: 'a JSON string' as unknown as BookRow['meta'], releaseDate: '0001-01-01', price: 999999999999.999999 }),
        book(6, { meta: 42 as unknown as BookRow['meta'], copies: -1n }),
      ];
      const returned = await all(bookSql, bookSql.insert(rows, { returning: true }));
      expect(returned).toEqual(rows);
      for (const row of rows) {
        const [read] = await all(bookSql, bookSql.selectByKey({ id: row.id }));
        expect(read).toEqual(row);
      }
      expect(typeof returned[1]?.copies).toBe('bigint');
      expect(returned[0]?.inPrint).toBe(false);
      expect(returned[1]?.publishedAt).toBeInstanceOf(Date);
    });

    test('JSON arrays and strings are stored as JSON, not as engine arrays or text', async () => {
      await engine.run(authorSql.insert(AUTHORS));
      await engine.run(bookSql.insert(book(1, { meta: [1, [2, 3]] })));
      const [row] = await engine.run({ text: `SELECT ${engine.dialect === 'postgres' ? 'jsonb_typeof(meta)' : 'json_type(meta)'} AS "kind" FROM books`, values: [] });
      expect(row?.['kind']).toBe('array');
    });

    test("JSON objects come back with their keys in jsonb's order on every engine, at every depth (tester s10 T13)", async () => {
      // jsonb orders keys by UTF-8 length, then bytewise; SQLite kept the text as written, so the
      // same row gave another JSON.stringify (a snapshot, an ETag) per engine. Arrays keep their order.
      const meta = { b: 1, a: { zz: [{ y: 1, x: 2, '10': 3, '2': 4, ab: 1 }, ['k', { b: 0, a: 0 }]], z: 1 }, é: 1, e: 2, f: 3, '\u{1F600}': 1, '\uFFFF': 2, ü: 1, '\uE000': 1 };
      const jsonb = '{"a":{"z":1,"zz":[{"2":4,"10":3,"x":2,"y":1,"ab":1},["k",{"a":0,"b":0}]]},"b":1,"e":2,"f":3,"é":1,"ü":1,"\uE000":1,"\uFFFF":2,"\u{1F600}":1}';
      await engine.run(authorSql.insert(AUTHORS));
      const [returned] = await all(bookSql, bookSql.insert(book(1, { meta }), { returning: true }));
      const [read] = await all(bookSql, bookSql.selectByKey({ id: uuid(1) }));
      expect([JSON.stringify(returned?.meta), JSON.stringify(read?.meta)]).toEqual([jsonb, jsonb]);
      // A JavaScript object lists integer keys first; text keeps jsonb's order, so SQL sees the same.
      const [stored] = await engine.run({ text: `SELECT ${engine.dialect === 'postgres' ? 'meta::text' : 'meta'} AS "text" FROM books`, values: [] });
      const text = '{"a":{"z":1,"zz":[{"2":4,"x":2,"y":1,"10":3,"ab":1},["k",{"a":0,"b":0}]]},"b":1,"e":2,"f":3,"é":1,"ü":1,"\uE000":1,"\uFFFF":2,"\u{1F600}":1}';
      expect(String(stored?.['text']).replace(/(":|,) /g, '$1')).toBe(text);
      // Text another program wrote in its own order reads the same as on PostgreSQL, as does a key `__proto__`.
      const written = '{"zz":{"b":[{"d":1,"c":2}],"a":1},"__proto__":{"polluted":true},"a":1}';
      await engine.run({ text: `UPDATE books SET meta = '${written}'`, values: [] });
      const [again] = await all(bookSql, bookSql.selectByKey({ id: uuid(1) }));
      expect(JSON.stringify(again?.meta)).toBe('{"a":1,"zz":{"a":1,"b":[{"c":2,"d":1}]},"__proto__":{"polluted":true}}');
      expect(Object.getPrototypeOf(again?.meta)).toBe(Object.prototype);
    });

    test('timestamps decode to the same instant whatever the session time zone (PostgreSQL)', async () => {
      await seed();
      if (engine.dialect !== 'postgres') return;
      await engine.run({ text: "SET TIME ZONE 'Asia/Kolkata'", values: [] });
      const [read] = await all(bookSql, bookSql.selectByKey({ id: uuid(1) }));
      expect(read?.publishedAt).toEqual(BOOKS[0]?.publishedAt);
      expect(read?.releaseDate).toBe('2020-01-01');
    });

    test('a select with a column subset reads only those fields, decoded', async () => {
      await seed();
      const rows = await all(bookSql, bookSql.select({ columns: ['id', 'inPrint', 'copies'], where: { id: uuid(3) } }));
      expect(rows).toEqual([{ id: uuid(3), inPrint: false, copies: 3000n }]);
    });
  });

  describe('fields whose column has another SQL type decode to the row type, or throw naming the column', () => {
    const mixedSql = createTableSql(mixed, engine.dialect);

    test('numbers and bigints from int8, integer and double columns read as strings; 0 / 1 as booleans', async () => {
      const big = engine.exactBigints ? '9007199254740993' : '9007199254740991';
      // Written through the builders: the engines convert the text to the column's type.
      await engine.run(mixedSql.insert({ id: 1, views: '12', ratio: '1.5', code: '42', day: '20240102' }));
      await engine.run(mixedSql.insert({ id: 2, views: big, ratio: '-0.25' }));
      await engine.run({ text: 'INSERT INTO "mixed" ("id", "flag") VALUES (3, 1), (4, 0)', values: [] });
      const rows = await all(mixedSql, mixedSql.select({ columns: ['id', 'views', 'ratio', 'code', 'flag'], orderBy: { id: 'asc' } }));
      expect(rows).toEqual([
        { id: 1, views: '12', ratio: '1.5', code: '42', flag: null },
        { id: 2, views: big, ratio: '-0.25', code: null, flag: null },
        { id: 3, views: null, ratio: null, code: null, flag: true },
        { id: 4, views: null, ratio: null, code: null, flag: false },
      ]);
      // A date field reads a day only: the integer 20240102 is none (tester s16 T-5).
      const [day] = await engine.run(mixedSql.select({ columns: ['id', 'day'], where: { id: 1 } }));
      expect(() => mixedSql.decode(day as RawRow)).toThrow(/^mixed\.day: cannot decode 20240102n? as a date \(a day of the years 0001 to 9999\) \(row id 1\)$/);
      // What the driver handed over was not a string: the decoding did the work.
      const [raw] = await engine.run(mixedSql.select({ columns: ['views'], where: { id: 1 } }));
      expect(['number', 'bigint', 'string']).toContain(typeof raw?.['views']);
      expect(await all(mixedSql, mixedSql.select({ columns: ['id'], where: { views: big } }))).toEqual([{ id: 2 }]);
    });

    test('money text for a decimal field and text that is no timestamp throw a SqlBuilderError naming the column, never NaN', async () => {
      await engine.run({ text: `INSERT INTO "mixed" ("id", "price", "stamp") VALUES (1, '$12.50', NULL), (2, NULL, 'soon')`, values: [] });
      const [money, soon] = await engine.run(mixedSql.select({ columns: ['price', 'stamp'], orderBy: { id: 'asc' } }));
      expect(money?.['price']).toBe('$12.50');
      expect(() => mixedSql.decode(money as RawRow)).toThrow(new SqlBuilderError('mixed.price: cannot decode "$12.50" as a number'));
      expect(() => mixedSql.decode(soon as RawRow)).toThrow(new SqlBuilderError('mixed.stamp: cannot decode "soon" as a timestamp (an instant of the years 0001 to 9999)'));
    });
  });

  describe('where', () => {
    const cases: [string, Parameters<typeof bookSql.select>[0] & {}, number[]][] = [
      ['equality', { where: { title: 'Dune' } }, [1]],
      ['null means IS NULL', { where: { authorId: null } }, [4]],
      ['several keys are ANDed', { where: { authorId: 2, inPrint: true } }, [2]],
      ['ne excludes NULLs', { where: { authorId: { ne: 1 } } }, [2, 3, 7, 8]],
      ['ne null is IS NOT NULL', { where: { price: { ne: null } } }, [1, 2, 4, 5, 6, 7, 8]],
      ['comparisons on integers', { where: { pages: { gt: 102, lte: 105 } } }, [3, 4, 5]],
      ['comparisons on bigints', { where: { copies: { gte: 7000n } } }, [7, 8]],
      ['comparisons on decimals', { where: { price: { lt: 10.75 } } }, [1, 2]],
      ['comparisons on timestamps', { where: { publishedAt: { gt: new Date(Date.UTC(2020, 0, 6)) } } }, [6, 7, 8]],
      ['comparisons on dates', { where: { releaseDate: { lte: '2020-01-02' } } }, [1, 2]],
      ['booleans', { where: { inPrint: false } }, [3]],
      ['in', { where: { authorId: { in: [2, 3] } } }, [2, 3, 7, 8]],
      ['in on uuids', { where: { id: { in: [uuid(1), uuid(8)] } } }, [1, 8]],
      ['in [] matches nothing', { where: { authorId: { in: [] } } }, []],
      ['notIn [] matches everything', { where: { authorId: { notIn: [] } } }, [1, 2, 3, 4, 5, 6, 7, 8]],
      ['notIn', { where: { authorId: { notIn: [1] } } }, [2, 3, 7, 8]],
      ['like is case-sensitive', { where: { title: { like: 'd%' } } }, [2]],
      ['ilike is not', { where: { title: { ilike: 'd%' } } }, [1, 2]],
      ['like escapes _ and %', { where: { title: { like: '%\\_%' } } }, [5]],
      ['like with an escaped %', { where: { title: { like: '100\\%%' } } }, [6]],
      ['isNull', { where: { publishedAt: { isNull: true } } }, [4]],
      ['isNull false', { where: { pages: { isNull: false }, authorId: 3 } }, [8]],
      ['json isNull', { where: { meta: { isNull: true } } }, [8]],
      ['or', { where: { or: [{ title: 'Dune' }, { authorId: 3 }] } }, [1, 7, 8]],
      ['or of ANDs', { where: { or: [{ authorId: 2, inPrint: false }, { authorId: null }] } }, [3, 4]],
      ['or [] matches nothing', { where: { or: [] } }, []],
      ['or with an empty member matches everything', { where: { or: [{}, { title: 'Dune' }] } }, [1, 2, 3, 4, 5, 6, 7, 8]],
      ['and', { where: { and: [{ authorId: 1 }, { rating: 2 }] } }, [5]],
      ['not', { where: { not: { authorId: 1 } } }, [2, 3, 7, 8]],
      // NOT FALSE is TRUE (a not {} is refused by the builders: see has-condition.test.ts).
      ['a not of in [] matches everything, as notIn [] does', { where: { not: { id: { in: [] } }, authorId: 3 } }, [7, 8]],
      ['a not of an or of empty lists matches everything', { where: { not: { or: [{ id: { in: [] } }, { or: [] }] }, authorId: 3 } }, [7, 8]],
      ['a not of in [] beside a value matches everything', { where: { not: { id: { in: [] }, title: 'Dune' }, authorId: 3 } }, [7, 8]],
      ['nesting', { where: { or: [{ not: { rating: { gte: 1 } } }, { and: [{ title: { like: 'K%' } }] }] } }, [3, 6]],
      ['undefined values are no condition', { where: { title: undefined, authorId: 3 } }, [7, 8]],
      ['an or member whose operators are all undefined matches everything', { where: { or: [{ pages: { gt: undefined } }, { title: 'Dune' }], authorId: 3 } }, [7, 8]],
      ['an or member with an empty and matches everything', { where: { or: [{ title: 'Dune' }, { and: [] }], authorId: 3 } }, [7, 8]],
    ];
    test.each(cases)('%s', async (_name, options, expected) => {
      await seed();
      expect(ids(await engine.run(bookSql.select(options)))).toEqual(expected);
    });

    test("ilike folds non-ASCII case as the engine's lower() does: SQLite and PostgreSQL under LC_CTYPE C fold ASCII only", async () => {
      await seed();
      const [folding] = await engine.run({ text: "SELECT lower('É') = 'é' AS \"folds\"", values: [] });
      const foldsUnicode = folding?.['folds'] === true || folding?.['folds'] === 1 || folding?.['folds'] === 1n;
      if (engine.name === 'SQLite' || engine.name === 'SQLite (safe integers)') expect(foldsUnicode).toBe(false);
      if (engine.name === 'PGlite') expect(foldsUnicode).toBe(true); // C.UTF-8
      const found = ids(await engine.run(bookSql.select({ where: { title: { ilike: 'élan%' } } })));
      expect(found).toEqual(foldsUnicode ? [7, 8] : [8]);
    });
  });

  describe('like patterns mean the same on both engines', () => {
    const SUBJECTS = ['abc', 'ABC', 'aXc', 'a_c', 'a%c', 'a*c', 'a?c', 'a[b]c', 'a\\c', 'ábc', 'a📚c', 'ab'];
    const cases: [string, string[]][] = [
      ['a%', ['abc', 'aXc', 'a_c', 'a%c', 'a*c', 'a?c', 'a[b]c', 'a\\c', 'a📚c', 'ab']],
      ['A%', ['ABC']],
      ['a_c', ['abc', 'aXc', 'a_c', 'a%c', 'a*c', 'a?c', 'a\\c', 'a📚c']],
      ['a\\_c', ['a_c']],
      ['a\\%c', ['a%c']],
      ['a*c', ['a*c']],
      ['a?c', ['a?c']],
      ['a[b]c', ['a[b]c']],
      ['a\\\\c', ['a\\c']],
      ['%[%', ['a[b]c']],
      ['_bc', ['abc', 'ábc']],
      ['a\\bc', ['abc']],
    ];
    test.each(cases)('like %j', async (pattern, expected) => {
      await engine.run(tagSql.insert(SUBJECTS.map((label, at) => ({ id: at + 1, label }))));
      const rows = await engine.run(tagSql.select({ where: { label: { like: pattern } }, orderBy: { id: 'asc' } }));
      expect(rows.map((row) => row['label'])).toEqual(expected);
    });
  });

  describe('order, limit, offset and keyset pages', () => {
    test('multi-column orderBy with the primary key as tiebreaker, limit and offset', async () => {
      await seed();
      const page = await engine.run(
        bookSql.select({ columns: ['id'], where: { authorId: { isNull: false } }, orderBy: [{ rating: 'desc' }, { authorId: 'asc' }], limit: 3, offset: 1 }),
      );
      // rating 2: books 2 (author 2), 5 (1), 8 (3) → by author: 5, 2, 8, then rating 1: 1 (1), 7 (3); skip one.
      expect(page.map((row) => row['id'])).toEqual([uuid(2), uuid(8), uuid(1)]);
    });

    test('offset without limit', async () => {
      await seed();
      expect(ids(await engine.run(bookSql.select({ offset: 6 })))).toEqual([7, 8]);
    });

    test('paging with after visits every row once, in order, for each direction', async () => {
      await seed();
      for (const orderBy of [{ rating: 'desc' }, { rating: 'asc' }, [{ authorId: 'asc' }, { title: 'desc' }]] as const) {
        const expected = (await engine.run(bookSql.select({ columns: ['id'], orderBy, where: { authorId: { isNull: false } } }))).map((row) => row['id']);
        const seen: unknown[] = [];
        let after: Partial<BookRow> | undefined;
        for (;;) {
          const page = await all(bookSql, bookSql.select({ where: { authorId: { isNull: false } }, orderBy, limit: 3, ...(after ? { after } : {}) }));
          if (page.length === 0) break;
          seen.push(...page.map((row) => row.id));
          after = page[page.length - 1];
        }
        expect(seen).toEqual(expected);
        expect(seen).toHaveLength(7);
      }
    });
  });

  describe('nullable sort keys: the same order on every engine, and keyset pages that visit each row once', () => {
    // 24 books whose pages, price, author and release date repeat and are often NULL.
    const NULLABLE: BookRow[] = Array.from({ length: 24 }, (_, at) =>
      book(at + 1, {
        pages: [null, 1, 2, null, 3, 1][at % 6] as number | null,
        price: at % 4 === 0 ? null : (at % 3) * 1.5,
        authorId: at % 5 === 0 ? null : 1 + (at % 3),
        releaseDate: at % 7 < 3 ? null : `2020-01-0${1 + (at % 2)}`,
      }),
    );
    type Key = 'pages' | 'price' | 'authorId' | 'releaseDate';
    type Order = readonly { readonly [K in Key]?: 'asc' | 'desc' }[];
    /** The order PostgreSQL gives by default: NULL after every value ascending, before every value descending; then the key. */
    function sorted(order: Order): string[] {
      const keys = order.map((item) => Object.entries(item)[0] as [Key, 'asc' | 'desc']);
      const compare = (a: BookRow, b: BookRow): number => {
        for (const [key, direction] of keys) {
          const [x, y] = [a[key], b[key]];
          if (x === y) continue;
          const sign = direction === 'asc' ? 1 : -1;
          if (x === null) return sign; // NULL is greater than any value
          if (y === null) return -sign;
          return (x < y ? -1 : 1) * sign;
        }
        return a.id < b.id ? -1 : 1;
      };
      return [...NULLABLE].sort(compare).map((row) => row.id);
    }
    const ORDERS: Order[] = [
      [{ pages: 'asc' }],
      [{ pages: 'desc' }],
      [{ pages: 'asc' }, { price: 'desc' }],
      [{ pages: 'desc' }, { price: 'asc' }],
      [{ authorId: 'desc' }, { releaseDate: 'asc' }],
      [{ releaseDate: 'desc' }, { authorId: 'asc' }, { price: 'asc' }],
      [{ price: 'asc' }, { pages: 'asc' }, { authorId: 'desc' }],
    ];

    test.each(ORDERS.map((order) => [JSON.stringify(order), order] as const))('%s, with every page size', async (_name, orderBy) => {
      await engine.run(authorSql.insert(AUTHORS));
      await engine.run(bookSql.insert(NULLABLE));
      const expected = sorted(orderBy);
      const full = await all(bookSql, bookSql.select({ columns: ['id'], orderBy }));
      expect(full.map((row) => row.id)).toEqual(expected);
      for (let size = 1; size <= NULLABLE.length; size++) {
        const seen: string[] = [];
        let after: BookRow | undefined;
        for (let pages = 0; pages <= NULLABLE.length; pages++) {
          const page = await all(bookSql, bookSql.select({ orderBy, limit: size, ...(after ? { after } : {}) }));
          seen.push(...page.map((row) => row.id));
          if (page.length < size) break;
          after = page[page.length - 1];
        }
        expect(seen, `page size ${size}`).toEqual(expected);
      }
    });
  });

  describe('joins', () => {
    test('a to-one relation comes back nested, null when there is no row', async () => {
      await seed();
      const rows = await all(
        bookSql,
        bookSql.select({ columns: ['id', 'title'], join: { author: ['name'] }, where: { id: { in: [uuid(1), uuid(4)] } }, orderBy: { id: 'asc' } }),
      );
      expect(rows).toEqual([
        { id: uuid(1), title: 'Dune', author: { id: 1, name: 'Ursula' } },
        { id: uuid(4), title: 'The Left Hand', author: null },
      ]);
    });

    test('a join table joined to both sides, decoded with each target codecs', async () => {
      await seed();
      await engine.run(tagSql.insert([{ id: 1, label: 'classic' }]));
      const links = createTableSql(bookTags, engine.dialect);
      await engine.run(links.insert([{ bookId: uuid(1), tagId: 1 }]));
      const [row] = (await engine.run(links.select({ join: { book: ['copies', 'inPrint'], tag: true } }))).map((raw) => links.decode(raw));
      expect(row).toEqual({ bookId: uuid(1), tagId: 1, book: { id: uuid(1), copies: 1000n, inPrint: true }, tag: { id: 1, label: 'classic' } });
    });
  });

  describe('count', () => {
    test('is a number, with and without a filter', async () => {
      await seed();
      const [everything] = await engine.run(bookSql.count());
      const [some] = await engine.run(bookSql.count({ authorId: 2 }));
      expect(bookSql.decodeCount(everything)).toBe(8);
      expect(bookSql.decodeCount(some)).toBe(2);
      if (engine.name !== 'SQLite (safe integers)') expect(some?.['count']).toBe(2);
    });
  });

  describe('writes', () => {
    test('insert of one row fills defaults for the fields left out', async () => {
      await engine.run(authorSql.insert(AUTHORS));
      const [stored] = await all(bookSql, bookSql.insert({ id: uuid(9), title: 'Defaults', authorId: 1, publishedAt: undefined }, { returning: true }));
      expect(stored).toMatchObject({ id: uuid(9), title: 'Defaults', inPrint: true, copies: 0n, rating: 0, publishedAt: null, meta: null });
    });

    test('insert of rows with different fields: DEFAULT on PostgreSQL, separate statements on SQLite', async () => {
      await engine.run(authorSql.insert(AUTHORS));
      const rows = [{ id: uuid(1), title: 'A', copies: 5n }, { id: uuid(2), title: 'B' }, { id: uuid(3), title: 'C' }];
      if (engine.dialect === 'sqlite') expect(() => bookSql.insert(rows)).toThrow(/insertChunks/);
      else await engine.run(bookSql.insert(rows));
      if (engine.dialect === 'sqlite') {
        const queries = bookSql.insertChunks(rows, { returning: true });
        expect(queries).toHaveLength(2);
        const stored = [];
        for (const query of queries) stored.push(...(await all(bookSql, query)));
        expect(stored.map((row) => [row.title, row.copies])).toEqual([['A', 5n], ['B', 0n], ['C', 0n]]);
      } else {
        const stored = await all(bookSql, bookSql.select({ columns: ['title', 'copies'], orderBy: { title: 'asc' } }));
        expect(stored).toEqual([{ title: 'A', copies: 5n }, { title: 'B', copies: 0n }, { title: 'C', copies: 0n }]);
      }
    });

    test('insertChunks splits a batch beyond the engine limit and keeps the order', async () => {
      const count = Math.ceil((engine.dialect === 'postgres' ? 65535 : 32766) / 2) + 500;
      const rows = Array.from({ length: count }, (_, at) => ({ id: at + 1, label: `tag ${at + 1}` }));
      const queries = tagSql.insertChunks(rows);
      expect(queries).toHaveLength(2);
      for (const query of queries) await engine.run(query);
      expect(tagSql.decodeCount((await engine.run(tagSql.count()))[0])).toBe(count);
      const [last] = await all(tagSql, tagSql.select({ orderBy: { id: 'desc' }, limit: 1 }));
      expect(last).toEqual({ id: count, label: `tag ${count}` });
    });

    test('statements binding MAX_BOUND_VALUES values run; one more is refused before it reaches the engine', async () => {
      const max = MAX_BOUND_VALUES[engine.dialect];
      await engine.run(tagSql.insert([1, 2, 3, max + 5].map((id) => ({ id, label: `tag ${id}` }))));
      const ids = (n: number) => Array.from({ length: n }, (_, at) => at + 2); // 2, 3, …
      const found = await all(tagSql, tagSql.select({ columns: ['id'], where: { id: { in: ids(max - 1) } }, limit: 10 }));
      expect(found).toEqual([{ id: 2 }, { id: 3 }]);
      expect(tagSql.decodeCount((await engine.run(tagSql.count({ id: { notIn: ids(max) } })))[0])).toBe(2);
      await engine.run(tagSql.update({ set: { label: 'updated' }, where: { id: { in: ids(max - 2) }, label: 'tag 3' } }));
      expect(await all(tagSql, tagSql.select({ where: { label: 'updated' } }))).toEqual([{ id: 3, label: 'updated' }]);
      await engine.run(tagSql.delete({ where: { id: { in: ids(max) } } }));
      expect(await all(tagSql, tagSql.select({ orderBy: { id: 'asc' } }))).toEqual([{ id: 1, label: 'tag 1' }, { id: max + 5, label: `tag ${max + 5}` }]);
      const over: (() => Query)[] = [
        () => tagSql.select({ where: { id: { in: ids(max + 1) } } }),
        () => tagSql.count({ id: { in: ids(max + 1) } }),
        () => tagSql.update({ set: { label: 'x' }, where: { id: { in: ids(max) } } }),
        () => tagSql.delete({ where: { id: { in: ids(max + 1) } } }),
        () => tagSql.upsert({ values: ids(Math.floor(max / 2) + 1).map((id) => ({ id, label: 'x' })), conflict: 'primaryKey' }),
      ];
      for (const build of over) expect(build).toThrow(/^table "tags": \w+ would bind \d+ values, more than/);
    });

    test('update sets fields where the filter matches and returns the rows', async () => {
      await seed();
      const when = new Date('2030-05-05T05:05:05.005Z');
      const updated = await all(bookSql, bookSql.update({ set: { inPrint: false, publishedAt: when, meta: [1], copies: undefined }, where: { authorId: 3 }, returning: true }));
      const byId = updated.sort((a, b) => a.id.localeCompare(b.id)).map((row) => [row.id, row.inPrint, row.publishedAt, row.meta, row.copies]);
      expect(byId).toEqual([
        [uuid(7), false, when, [1], 7000n],
        [uuid(8), false, when, [1], 8000n],
      ]);
      expect(ids(await engine.run(bookSql.select({ where: { inPrint: false } })))).toEqual([3, 7, 8]);
    });

    test('update and delete without a condition are refused unless all: true', async () => {
      await seed();
      expect(() => bookSql.update({ set: { rating: 5 }, where: {} })).toThrow(/all: true/);
      expect(() => bookSql.delete({ where: { id: undefined } })).toThrow(/all: true/);
      expect(() => bookSql.delete({ where: { or: [{ id: undefined }] } })).toThrow(/all: true/);
      await engine.run(bookSql.update({ set: { rating: 5 }, all: true }));
      expect(bookSql.decodeCount((await engine.run(bookSql.count({ rating: 5 })))[0])).toBe(8);
      await engine.run(bookSql.delete({ all: true }));
      expect(bookSql.decodeCount((await engine.run(bookSql.count()))[0])).toBe(0);
    });

    test('delete removes the matching rows and returns them', async () => {
      await seed();
      const deleted = await all(bookSql, bookSql.delete({ where: { title: { ilike: 'dune%' } }, returning: true }));
      expect(deleted.map((row) => row.title).sort()).toEqual(['Dune', 'dune messiah']);
      expect(bookSql.decodeCount((await engine.run(bookSql.count()))[0])).toBe(6);
    });

    test('upsert on the primary key, on a named unique constraint and on a field list', async () => {
      await seed();
      const [byKey] = await all(bookSql, bookSql.upsert({ values: { id: uuid(1), title: 'Dune (revised)', rating: 9 }, conflict: 'primaryKey', returning: true }));
      expect(byKey).toMatchObject({ id: uuid(1), title: 'Dune (revised)', rating: 9, copies: 1000n });
      const [byUnique] = await all(bookSql, bookSql.upsert({ values: { id: uuid(99), title: 'Kindred', authorId: 2, copies: 1n }, conflict: 'books_title_author_key', update: ['copies'], returning: true }));
      expect(byUnique).toMatchObject({ id: uuid(3), title: 'Kindred', copies: 1n });
      // The default update leaves the primary key alone (books refer to author 3).
      const [byFields] = await all(authorSql, authorSql.upsert({ values: [{ id: 4, name: 'New', email: 'ted@example.com' }], conflict: ['email'], returning: true }));
      expect(byFields).toEqual({ id: 3, name: 'New', email: 'ted@example.com' });
      const inserted = await all(authorSql, authorSql.upsert({ values: [{ id: 5, name: 'Fresh' }, { id: 6, name: 'Fresher' }], conflict: 'primaryKey', returning: true }));
      expect(inserted).toEqual([{ id: 5, name: 'Fresh', email: null }, { id: 6, name: 'Fresher', email: null }]);
    });

    test('upsert with nothing to update does nothing and returns no row', async () => {
      await seed();
      const rows = await engine.run(authorSql.upsert({ values: { id: 1, name: 'Ignored' }, conflict: 'primaryKey', update: [], returning: true }));
      expect(rows).toEqual([]);
      expect(await all(authorSql, authorSql.selectByKey({ id: 1 }))).toEqual([AUTHORS[0]]);
    });
  });

  describe('injection', () => {
    test.each(PAYLOADS)('the value %j is bound in every value position and stored as it is', async (payload) => {
      await seed();
      const statements: Query[] = [];
      const run = async (query: Query): Promise<RawRow[]> => {
        statements.push(query);
        return engine.run(query);
      };
      const bookId = uuid(50);
      const [author] = (await run(authorSql.insert({ id: 50, name: payload, email: payload }, { returning: true }))).map((row) => authorSql.decode(row));
      expect(author).toEqual({ id: 50, name: payload, email: payload });
      await run(bookSql.insert([{ id: bookId, title: payload, authorId: 50, meta: { [payload]: payload, list: [payload] } }]));
      const found = async (where: NonNullable<Parameters<typeof bookSql.select>[0]>['where']) => ids(await run(bookSql.select({ columns: ['id'], where })));
      expect(await found({ title: payload })).toEqual([50]);
      expect(await found({ title: { in: [payload, 'other'] } })).toEqual([50]);
      expect(await found({ title: { like: literalPattern(payload) } })).toEqual([50]);
      expect(await found({ title: { ilike: literalPattern(payload) } })).toEqual([50]);
      expect(await found({ or: [{ title: { eq: payload } }, { title: { ne: payload }, authorId: 50 }] })).toEqual([50]);
      await run(bookSql.update({ set: { title: `${payload}!` }, where: { title: payload } }));
      await run(bookSql.upsert({ values: { id: bookId, title: payload }, conflict: 'primaryKey' }));
      const page = await all(bookSql, await Promise.resolve(bookSql.select({ orderBy: { title: 'asc' }, after: { title: payload, id: uuid(0) }, limit: 1 })));
      expect(page[0]?.title).toBe(payload);
      const [stored] = await all(bookSql, bookSql.selectByKey({ id: bookId }));
      expect(stored?.meta).toEqual({ [payload]: payload, list: [payload] });
      expect(authorSql.decodeCount((await run(authorSql.count({ name: payload })))[0])).toBe(1);
      await run(bookSql.delete({ where: { title: payload } }));
      await run(authorSql.delete({ where: { name: payload, email: { like: literalPattern(payload) } } }));

      expect(await engine.tables()).toEqual([...TABLE_NAMES].sort());
      expect(bookSql.decodeCount((await engine.run(bookSql.count()))[0])).toBe(BOOKS.length);
      expect(authorSql.decodeCount((await engine.run(authorSql.count()))[0])).toBe(AUTHORS.length);
      if (payload.length > 3) for (const statement of statements) expect(statement.text).not.toContain(payload);
    });

    test('a NUL character: refused by PostgreSQL, stored as it is by SQLite, the database intact either way', async () => {
      await seed();
      const name = 'nul\0byte';
      if (engine.dialect === 'postgres') {
        await expect(engine.run(authorSql.insert({ id: 9, name }))).rejects.toThrow(/0x00/);
      } else {
        await engine.run(authorSql.insert({ id: 9, name }));
        expect(await all(authorSql, authorSql.select({ where: { name } }))).toEqual([{ id: 9, name, email: null }]);
      }
      expect(await engine.tables()).toEqual([...TABLE_NAMES].sort());
    });

    test('a table and columns whose names hold quotes and SQL work in every statement', async () => {
      await seed();
      const sql = createTableSql(weird, engine.dialect);
      const insert = sql.insert({ id: 1, value: 'x' }).text;
      expect(insert).toContain(`INSERT INTO "we""ird; DROP TABLE books; --" ("i""d", "co""l; DROP TABLE books; --")`);
      // Raw, the names would close their quotes; they only ever appear with the quote doubled.
      for (const text of [insert, sql.select({ where: { value: 'x' }, orderBy: { value: 'asc' } }).text, sql.upsert({ values: { id: 1, value: 'x' }, conflict: 'primaryKey' }).text]) {
        expect(text).not.toContain(`"${WEIRD_TABLE}"`);
        expect(text).not.toContain(`"${WEIRD_COLUMN}"`);
      }
      await engine.run(sql.insert([{ id: 1, value: PAYLOADS[0] as string }, { id: 2, value: 'two' }]));
      await engine.run(sql.insertChunks([{ id: 3, value: 'three' }], { maxValues: 2 })[0] as Query);
      await engine.run(sql.update({ set: { value: 'TWO' }, where: { id: 2 } }));
      await engine.run(sql.upsert({ values: { id: 3, value: 'THREE' }, conflict: 'primaryKey' }));
      expect(await all(sql, sql.select({ where: { value: { like: 'T%' } }, orderBy: { value: 'desc' }, limit: 5 }))).toEqual([
        { id: 2, value: 'TWO' },
        { id: 3, value: 'THREE' },
      ]);
      expect(await all(sql, sql.selectByKey({ id: 1 }))).toEqual([{ id: 1, value: PAYLOADS[0] }]);
      await engine.run(sql.delete({ where: { id: 3 } }));
      expect(sql.decodeCount((await engine.run(sql.count()))[0])).toBe(2);
      expect(await engine.tables()).toEqual([...TABLE_NAMES].sort());
      expect(await engine.tables()).toContain(WEIRD_TABLE);
      expect(bookSql.decodeCount((await engine.run(bookSql.count()))[0])).toBe(BOOKS.length);
      expect(WEIRD_COLUMN).toContain('"');
    });
  });
}
