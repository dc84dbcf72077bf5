/**
 * Values are read and written exactly, or refused with a SqlBuilderError naming the column (and,
 * on reads, the row), on SQLite, PGlite and PostgreSQL (tester s16, the exact-values fixture):
 *
 * - T-1: a `number` in a 64-bit integer column (`@type int64`) is bound as its exact digits, so
 *   −2^63 and 2^63 − 1024 (the largest double below 2^63) store, read back and compare;
 * - T-4: a value another program wrote that no double holds (2^53 + 1) is no row value: the read
 *   throws rather than give 2^53;
 * - T-5: what the inputs refuse is refused on reads too: NaN and ±Infinity in number columns,
 *   PostgreSQL's `infinity` and BC dates, a day that does not exist in SQLite's text;
 * - T-7: with `validateInputs: false`, what the column would round or refuse (1.005 in
 *   numeric(18,2), a fraction or 2^40 in an integer column, NaN) is still refused before any SQL;
 * - T-9: an upsert conflict target that is no primary key or unique constraint is refused before
 *   the database, naming the table and the fields;
 * - tester4 F3: numeric text another program wrote that no double holds (`1234567890123456.78`
 *   in numeric(18,2)) is a SqlBuilderError, never the nearest double; F5: a stored -0 reads as 0;
 *   F5a: a bigint beyond int8 is refused naming the column with validateInputs off too; F5c: a
 *   conflict list naming a field twice is refused before the database;
 * - F4: an upsert `update` list naming a field twice (PostgreSQL: `multiple assignments to same
 *   column`), a field of the key, a read-only or generated field, a stamp or no field at all is a
 *   SqlBuilderError before the database; the default list leaves read-only fields as stored.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../templates/crud/db.js';
import { engines, suiteDatabase, type GeneratedAdapters } from './engines.js';
import { typecheck } from '../../helpers/typecheck.js';
import { generateProject, PROJECT_COMPILE_TIMEOUT } from './generated-project.js';

type Row = Record<string, unknown>;
interface Repo {
  create(input: Row): Promise<Row>;
  findById(key: unknown): Promise<Row | undefined>;
  findMany(options?: Row): Promise<Row[]>;
  count(where?: Row): Promise<number>;
  upsert(input: Row, options?: Row): Promise<Row>;
}
interface Modules extends GeneratedAdapters {
  createRepositories(db: Db): { ledgers: Repo; orgs: Repo; sites: Repo };
  SqlBuilderError: new (...args: never[]) => Error;
}

const checked = await generateProject('exact-values');
const unchecked = await generateProject('exact-values', '', (config) => config.replace('crud: {}', 'crud: { validateInputs: false }'));
const projects = [
  { name: 'validated inputs', project: checked, lib: await checked.load<Modules>('index.ts') },
  { name: 'validateInputs: false', project: unchecked, lib: await unchecked.load<Modules>('index.ts') },
];
const ledger: Row = { karma: 1, small: 1, score: 0.5, balance: 1.25, born: new Date('2024-07-07T10:00:00.000Z'), day: '2024-02-29', big: 1n, tags: ['a'] };

/** The error `run` rejects with. */
async function rejection(run: () => Promise<unknown>): Promise<Error> {
  return run().then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error as Error,
  );
}

describe.each(await engines())('$name', (engine) => {
  describe.each(projects)('$name', ({ project, lib }) => {
    const database = suiteDatabase(engine, () => lib, () => project.schema(engine.dialect), ['ledgers', 'orgs', 'sites']);
    let repos: ReturnType<Modules['createRepositories']>;
    const pg = engine.dialect === 'postgres';
    beforeEach(() => {
      repos = lib.createRepositories(database.db);
    });

    /** The stored text of `column` of ledger `id`, as the engine prints it. */
    async function storedText(column: string, id: unknown): Promise<string> {
      const [row] = await database.db.query<{ t: string }>(`SELECT CAST("${column}" AS TEXT) AS "t" FROM "ledgers" WHERE "id" = ${Number(id)}`);
      return row!.t;
    }

    /** Writes `sql` (an assignment) into ledger `id` as another program would, and reads the row back. */
    async function readAfter(id: unknown, assignment: string): Promise<Error> {
      await database.db.query(`UPDATE "ledgers" SET ${assignment} WHERE "id" = ${Number(id)}`);
      const error = await rejection(() => repos.ledgers.findById(id));
      expect(error).toBeInstanceOf(lib.SqlBuilderError);
      // findMany reads the same row the same way.
      await expect(repos.ledgers.findMany({ where: { id } })).rejects.toThrow(error.message);
      return error;
    }

    it('T-1: a number in a 64-bit integer column is bound exactly: −2^63 and 2^63 − 1024 store, read back and compare', async () => {
      const low = await repos.ledgers.create({ ...ledger, karma: -(2 ** 63) });
      const high = await repos.ledgers.create({ ...ledger, karma: 2 ** 63 - 1024 });
      const mid = await repos.ledgers.create({ ...ledger, karma: 2 ** 60 });
      expect([low.karma, high.karma, mid.karma]).toEqual([-(2 ** 63), 2 ** 63 - 1024, 2 ** 60]);
      expect(await storedText('karma', low.id)).toBe('-9223372036854775808');
      expect(await storedText('karma', high.id)).toBe('9223372036854774784');
      expect((await repos.ledgers.findById(high.id))?.karma).toBe(2 ** 63 - 1024);
      expect(await repos.ledgers.count({ karma: -(2 ** 63) })).toBe(1);
      expect(await repos.ledgers.count({ karma: { gt: 2 ** 60, lte: 2 ** 63 - 1024 } })).toBe(1);
      expect(await repos.ledgers.count({ karma: { in: [-(2 ** 63), 2 ** 60] } })).toBe(2);
      const page = await repos.ledgers.findMany({ orderBy: { karma: 'asc' }, limit: 1, after: mid });
      expect(page.map((row) => row.karma)).toEqual([2 ** 63 - 1024]);
    });

    it('T-4: an integer no double holds (2^53 + 1, written by another program) is a SqlBuilderError naming the column and the row', async () => {
      const row = await repos.ledgers.create(ledger);
      const error = await readAfter(row.id, '"karma" = 9007199254740993');
      expect(error.message).toBe(`ledgers.karma: cannot decode 9007199254740993n as a number (no double holds it: the nearest is 9007199254740992) (row id ${row.id})`);
      if (!pg) {
        // SQLite's INTEGER holds it in a 32-bit column too; the table is read with safe integers.
        await database.db.query(`UPDATE "ledgers" SET "karma" = 1, "small" = -9007199254740993 WHERE "id" = ${Number(row.id)}`);
        await expect(repos.ledgers.findById(row.id)).rejects.toThrow(`ledgers.small: cannot decode -9007199254740993n as a number (no double holds it: the nearest is -9007199254740992) (row id ${row.id})`);
      }
    });

    it('T-5: NaN and ±Infinity in number columns are SqlBuilderErrors naming the column and the row', async () => {
      const row = await repos.ledgers.create(ledger);
      const id = row.id;
      if (pg) {
        expect((await readAfter(id, `"score" = 'NaN'`)).message).toBe(`ledgers.score: cannot decode NaN as a finite number (row id ${id})`);
        expect((await readAfter(id, `"score" = '-Infinity'`)).message).toBe(`ledgers.score: cannot decode -Infinity as a finite number (row id ${id})`);
        await database.db.query(`UPDATE "ledgers" SET "score" = 1 WHERE "id" = ${Number(id)}`);
        expect((await readAfter(id, `"balance" = 'NaN'`)).message).toBe(`ledgers.balance: cannot decode "NaN" as a finite number (row id ${id})`);
      } else {
        expect((await readAfter(id, `"score" = 9e999`)).message).toBe(`ledgers.score: cannot decode Infinity as a finite number (row id ${id})`);
        await database.db.query(`UPDATE "ledgers" SET "score" = 1 WHERE "id" = ${Number(id)}`);
        expect((await readAfter(id, `"balance" = -9e999`)).message).toBe(`ledgers.balance: cannot decode -Infinity as a finite number (row id ${id})`);
      }
    });

    it('T-5: infinity, BC and days that do not exist are SqlBuilderErrors naming the column and the row', async () => {
      const row = await repos.ledgers.create(ledger);
      const id = row.id;
      const reset = () => database.db.query(`UPDATE "ledgers" SET "born" = '2024-07-07T10:00:00.000Z', "day" = '2024-02-29' WHERE "id" = ${Number(id)}`);
      if (!pg) {
        // codegen's SQLite schema holds them to the runtime's text (a CHECK): such a text is refused
        // when written (sql schema/canonical-text.ts); reading one from a table without that CHECK
        // is sql-runtime/codecs' case.
        for (const [column, value] of [['born', '2024-02-30T10:00:00.000Z'], ['born', '2024-01-01T24:00:00.000Z'], ['born', 'not a date'], ['day', '2024-02-30'], ['day', '2023-02-29'], ['day', '0000-01-01']]) {
          const update = database.db.query(`UPDATE "ledgers" SET "${column}" = '${value}' WHERE "id" = ${Number(id)}`);
          await expect(update, value).rejects.toThrow(`Check constraint ledgers_${column}_check violated`);
        }
        expect(await repos.ledgers.findById(id)).toEqual(row);
        return;
      }
      const timestamps = [`'infinity'`, `'-infinity'`, `'0044-03-15 00:00:00+00 BC'`];
      for (const value of timestamps) {
        expect((await readAfter(id, `"born" = ${value}`)).message).toMatch(new RegExp(`^ledgers\\.born: cannot decode .* as a timestamp \\(an instant of the years 0001 to 9999\\) \\(row id ${id}\\)$`));
        await reset();
      }
      const days = [`'infinity'`, `'-infinity'`, `'0044-03-15 BC'`];
      for (const value of days) {
        expect((await readAfter(id, `"day" = ${value}`)).message).toMatch(new RegExp(`^ledgers\\.day: cannot decode .* as a date \\(a day of the years 0001 to 9999\\) \\(row id ${id}\\)$`));
        await reset();
      }
      expect(await repos.ledgers.findById(id)).toEqual(row);
    });

    it('T-7: what a column would round or refuse is refused before any SQL, whatever validateInputs says', async () => {
      for (const [field, value, expected] of [
        ['balance', 1.005, /\/balance: .*multipleOf 0\.01/],
        ['small', 1.5, /\/small: .*integer/],
        ['small', 2 ** 40, /\/small: .*maximum 2147483647/],
        ['karma', 2.5, /\/karma: .*(integer|int64)/],
        ['karma', 2 ** 63, /\/karma: .*(maximum|int64)/],
        ['score', Number.NaN, /\/score: .*number/],
        ['score', Number.POSITIVE_INFINITY, /\/score: .*number/],
        // tester4 F5a: beyond int8, on SQLite the driver's RangeError named no column.
        ['big', 2n ** 64n, /\/big: .*maximum 9223372036854775807/],
        ['big', -(2n ** 63n) - 1n, /\/big: .*minimum -9223372036854775808/],
      ] as const) {
        await expect(repos.ledgers.create({ ...ledger, [field]: value }), `${field} ${value}`).rejects.toThrow(expected);
      }
      expect(await repos.ledgers.count()).toBe(0);
    });

    it('tester4 F3: numeric text that no double holds is a SqlBuilderError naming the column and the row, never the nearest double', async () => {
      const row = await repos.ledgers.create(ledger);
      const id = row.id;
      if (pg) {
        // numeric(18,2): both fit the column; the first would read as …456.8, the second as 1e16, which the inputs refuse.
        expect((await readAfter(id, `"balance" = 1234567890123456.78`)).message).toBe(
          `ledgers.balance: cannot decode "1234567890123456.78" as a number (no double holds this decimal: the nearest is 1234567890123456.8) (row id ${id})`,
        );
        expect((await readAfter(id, `"balance" = 9999999999999999.99`)).message).toBe(
          `ledgers.balance: cannot decode "9999999999999999.99" as a number (no double holds this decimal: the nearest is 10000000000000000) (row id ${id})`,
        );
      }
      // What a double holds reads as it is, its trailing zeros aside (PostgreSQL prints 0.10, 12345678901234.50).
      for (const value of [0.1, 12345678901234.5, -0.07, 100]) {
        await database.db.query(`UPDATE "ledgers" SET "balance" = ${value} WHERE "id" = ${Number(id)}`);
        expect((await repos.ledgers.findById(id))?.balance).toBe(value);
      }
    });

    it('tester4 F5: -0 stored by another program in a number column reads as 0, as every engine compares it', async () => {
      const row = await repos.ledgers.create(ledger);
      await database.db.query(`UPDATE "ledgers" SET "score" = ${pg ? `'-0'` : '-0.0'}, "balance" = ${pg ? `'-0.00'` : '-0.0'} WHERE "id" = ${Number(row.id)}`);
      const read = await repos.ledgers.findById(row.id);
      expect(Object.is(read?.score, 0) && Object.is(read?.balance, 0)).toBe(true);
      expect(await repos.ledgers.count({ score: 0 })).toBe(1);
    });

    it('tester4 F5c: an upsert conflict list naming a field twice is refused before the database, on every engine', async () => {
      await repos.orgs.create({ slug: 'a', name: 'A' });
      const error = await rejection(() => repos.orgs.upsert({ slug: 'a', name: 'B' }, { conflict: ['slug', 'slug'] }));
      expect(error).toBeInstanceOf(lib.SqlBuilderError);
      expect(error.message).toBe('table "orgs": upsert conflict (slug, slug) names slug twice (primary key (id); orgs_slug_key (slug))');
      expect(await repos.orgs.findMany()).toMatchObject([{ slug: 'a', name: 'A' }]);
    });

    it('F4: an upsert update list naming a field twice, a key, a read-only or generated field is refused before the database', async () => {
      const site = { code: 'a', host: 'a.example', region: 'eu', name: 'A' };
      await repos.sites.create(site);
      await repos.orgs.create({ slug: 'a', name: 'A' });
      const refusals: [() => Promise<unknown>, string][] = [
        [() => repos.sites.upsert({ ...site, name: 'B' }, { update: ['name', 'name'] }), 'upsert into "sites": update names "name" twice'],
        [() => repos.sites.upsert({ ...site, name: 'B' }, { conflict: ['host'], update: ['name', 'host', 'name'] }), 'upsert into "sites": update names "name" twice'],
        // On the unique host, the key in the list would give the conflicting row another key.
        [() => repos.sites.upsert({ ...site, code: 'b' }, { conflict: ['host'], update: ['code'] }), 'upsert into "sites": update names "code", a field of the primary key, which an upsert never changes'],
        [() => repos.sites.upsert({ ...site, region: 'us' }, { update: ['region'] }), 'upsert into "sites": update names "region", which is never updated (a read-only, generated or stamped field; those an upsert may overwrite: host, name)'],
        [() => repos.orgs.upsert({ slug: 'a', name: 'B' }, { conflict: ['slug'], update: ['id'] }), 'upsert into "orgs": update names "id", a field of the primary key, which an upsert never changes'],
        [() => repos.orgs.upsert({ slug: 'a', name: 'B' }, { update: ['nope'] }), 'upsert into "orgs": update names "nope", which is no field of the table'],
        [() => repos.orgs.upsert({ slug: 'a', name: 'B' }, { update: 'name' }), 'upsert into "orgs": update must be a list of fields'],
      ];
      for (const [work, message] of refusals) {
        const error = await rejection(work);
        expect(error).toBeInstanceOf(lib.SqlBuilderError);
        expect(error.message).toBe(message);
      }
      expect(await repos.sites.findMany()).toEqual([site]);
      expect(await repos.orgs.findMany()).toMatchObject([{ slug: 'a', name: 'A' }]);
    });

    it('F4: an upsert without an update list overwrites the given fields of Update only: a read-only field stays as stored', async () => {
      await repos.sites.create({ code: 'a', host: 'a.example', region: 'eu', name: 'A' });
      expect(await repos.sites.upsert({ code: 'a', host: 'b.example', region: 'us', name: 'B' })).toEqual({ code: 'a', host: 'b.example', region: 'eu', name: 'B' });
      // On the unique host: the key stays too.
      expect(await repos.sites.upsert({ code: 'z', host: 'b.example', region: 'us', name: 'C' }, { conflict: ['host'] })).toEqual({ code: 'a', host: 'b.example', region: 'eu', name: 'C' });
      expect(await repos.sites.count()).toBe(1);
    });

    it('T-9: an upsert conflict that is neither the primary key nor a unique constraint is refused before the database', async () => {
      await repos.orgs.create({ slug: 'a', name: 'A' });
      const error = await rejection(() => repos.orgs.upsert({ slug: 'a', name: 'B' }, { conflict: ['name'] }));
      expect(error).toBeInstanceOf(lib.SqlBuilderError);
      expect(error.message).toBe('table "orgs": upsert conflict (name) is neither the primary key nor a unique constraint\'s fields: ON CONFLICT needs one (primary key (id); orgs_slug_key (slug))');
      expect(await repos.orgs.upsert({ slug: 'a', name: 'B' }, { conflict: ['slug'] })).toMatchObject({ slug: 'a', name: 'B' });
      expect(await repos.orgs.count()).toBe(1);
    });
  });
});

it(
  "T-9: upsert's conflict type takes the key's and the unique constraints' fields and names only",
  async () => {
    expect(await typecheck(checked.root, ['models/**/*.ts', 'generated/**/*.ts', 'usage.ts'])).toBe('');
  },
  PROJECT_COMPILE_TIMEOUT,
);
