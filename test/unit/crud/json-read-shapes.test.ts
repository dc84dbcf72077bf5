/**
 * What a read returns is a value of the row type (tester4 F1, F2), on SQLite, PGlite and the
 * PostgreSQL server: a JSON column's value another program stored is checked against the
 * property's type (`ColumnMeta.shape`), and an enum array's items against the enum, so that
 * `"hello"`, `{"a":1}`, `[1,2]` or `[null]` in a `string[]` and `root` in a `Role[]` are a
 * SqlBuilderError naming the column, the first misfit and the row, never a row of another type.
 * The JSON literal `null` is no SQL NULL: in a NOT NULL column it is refused on every engine and
 * by every read (tester5 V1); a SQLite JSON list's items are the JSON kind of the row type, never
 * converted (V2); a JSON number beyond a double's range is refused, not read as Infinity (V3).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../templates/crud/db.js';
import { engines, suiteDatabase, type GeneratedAdapters } from './engines.js';
import { generateProject } from './generated-project.js';

type Row = Record<string, unknown>;
interface Repo {
  create(input: Row): Promise<Row>;
  findById(key: unknown): Promise<Row | undefined>;
  findMany(options?: Row): Promise<Row[]>;
  count(where?: Row): Promise<number>;
  update(key: unknown, patch: Row): Promise<Row | undefined>;
  link(relation: string, key: unknown, targets: readonly unknown[]): Promise<number>;
}
interface Modules extends GeneratedAdapters {
  createRepositories(db: Db): Record<string, Repo>;
  SqlBuilderError: new (...args: never[]) => Error;
}

const ledgers = await generateProject('exact-values');
const ledgerLib = await ledgers.load<Modules>('index.ts');
const members = await generateProject('typeorm-enum-arrays');
const memberLib = await members.load<Modules>('index.ts');
const shelves = await generateProject('json-nulls');
const shelfLib = await shelves.load<Modules>('index.ts');
const ledger: Row = { karma: 1, small: 1, score: 0.5, balance: 1.25, born: new Date('2024-07-07T10:00:00.000Z'), day: '2024-02-29', big: 1n, tags: ['a'] };

/** The message of the SqlBuilderError `run` rejects with. */
async function refusal(lib: Modules, run: () => Promise<unknown>): Promise<string> {
  const error = await run().then(
    () => new Error('expected a rejection'),
    (thrown: unknown) => thrown as Error,
  );
  expect(error).toBeInstanceOf(lib.SqlBuilderError);
  return error.message;
}

describe.each(await engines())('$name', (engine) => {
  const pg = engine.dialect === 'postgres';

  describe('F1: a JSON column holds what its type says', () => {
    const database = suiteDatabase(engine, () => ledgerLib, () => ledgers.schema(engine.dialect), ['ledgers']);
    let repo: Repo;
    beforeEach(() => {
      repo = ledgerLib.createRepositories(database.db)['ledgers']!;
    });
    const store = (id: unknown, column: string, json: string) =>
      database.db.query(`UPDATE "ledgers" SET "${column}" = '${json}'${pg ? '::jsonb' : ''} WHERE "id" = ${Number(id)}`);

    it('a string[] holding a string, an object, numbers or a null item is refused, naming the item and the row', async () => {
      const row = await repo.create(ledger);
      for (const [json, misfit] of [
        ['"hello"', 'the value is "hello", which the row type (a list) has no room for'],
        ['{"a":1}', 'the value is an Object, which the row type (a list) has no room for'],
        ['[1,2]', '/0 is 1, which the row type (string) has no room for'],
        ['["a",null]', '/1 is null, which the row type (string) has no room for'],
      ]) {
        await store(row['id'], 'tags', json!);
        expect(await refusal(ledgerLib, () => repo.findById(row['id'])), json).toBe(`ledgers.tags: ${misfit} (row id ${row['id']})`);
        await expect(repo.findMany()).rejects.toThrow(`ledgers.tags: ${misfit}`);
      }
      await store(row['id'], 'tags', '["x","y"]');
      expect((await repo.findById(row['id']))?.['tags']).toEqual(['x', 'y']);
    });

    it("an object's properties are checked, an optional one may be absent, other keys pass", async () => {
      const row = await repo.create({ ...ledger, extra: { level: 1 } });
      await store(row['id'], 'extra', '{"level":"high"}');
      expect(await refusal(ledgerLib, () => repo.findById(row['id']))).toBe(`ledgers.extra: /level is "high", which the row type (number) has no room for (row id ${row['id']})`);
      await store(row['id'], 'extra', '{"note":"x"}');
      expect(await refusal(ledgerLib, () => repo.findById(row['id']))).toBe(`ledgers.extra: /level is missing, which the row type requires (row id ${row['id']})`);
      await store(row['id'], 'extra', '{"level":2,"other":[1]}');
      expect((await repo.findById(row['id']))?.['extra']).toEqual({ level: 2, other: [1] });
    });
  });

  describe('F2: an enum array holds members only', () => {
    const database = suiteDatabase(engine, () => memberLib, () => members.schema(engine.dialect), ['member']);
    let repo: Repo;
    beforeEach(() => {
      repo = memberLib.createRepositories(database.db)['members']!;
    });
    const store = (id: unknown, assignment: string) => database.db.query(`UPDATE "member" SET ${assignment} WHERE "id" = ${Number(id)}`);

    it('a stored non-member, or a number where the members are strings, is refused', async () => {
      const row = await repo.create({ name: 'a', roles: ['admin'], levels: [1, 10] });
      expect(await repo.findById(row['id'])).toEqual(row);
      const cases: Array<[string, string]> = pg
        ? [
            [`"roles" = '{root}'`, `member.roles: /0 is "root", which the row type ("admin" | "editor" | "guest user") has no room for`],
            [`"roles" = '{admin}', "levels" = '{5}'`, `member.levels: /0 is 5, which the row type (1 | 10) has no room for`],
          ]
        : [
            [`"roles" = '["root"]'`, `member.roles: /0 is "root", which the row type ("admin" | "editor" | "guest user") has no room for`],
            // The number 1 was read as the text "1", and the message showed "1" (tester5 V2): it shows what is stored.
            [`"roles" = '[1]'`, `member.roles: /0 is 1, which the row type (string) has no room for`],
            [`"roles" = '["admin"]', "levels" = '[5]'`, `member.levels: /0 is 5, which the row type (1 | 10) has no room for`],
            // The text "1" was read as the member 1 (tester5 V2).
            [`"levels" = '["1"]'`, `member.levels: /0 is "1", which the row type (number) has no room for`],
          ];
      for (const [assignment, message] of cases) {
        await store(row['id'], assignment);
        expect(await refusal(memberLib, () => repo.findById(row['id'])), assignment).toBe(`${message} (row id ${row['id']})`);
      }
    });
  });

  describe('V1, V2, V3: the JSON literal null, JSON list items, numbers beyond a double', () => {
    const database = suiteDatabase(engine, () => shelfLib, () => shelves.schema(engine.dialect), ['shelves_picks', 'docs', 'shelves']);
    let repos: Record<string, Repo>;
    let shelfId: unknown;
    let docId: unknown;
    beforeEach(async () => {
      repos = shelfLib.createRepositories(database.db);
      shelfId = (await repos['shelves']!.create({ name: 'top' }))['id'];
      docId = (await repos['docs']!.create(doc(shelfId)))['id'];
      await repos['shelves']!.link('picks', shelfId, [docId]);
    });
    const doc = (shelf: unknown): Row => ({ shelfId: shelf, obj: { a: 1 }, tags: ['t'], meta: { level: 1 }, both: { a: 1, b: 'x' }, label: 'hi', either: 1, names: ['n'], counts: [1], roles: ['admin'] });
    const store = (column: string, text: string, cast = pg ? '::jsonb' : '') => database.db.query(`UPDATE "docs" SET "${column}" = '${text}'${cast} WHERE "id" = ${Number(docId)}`);
    /** Whether the stored `meta` is SQL NULL or a JSON value (the JSON null included). */
    const metaKind = async () => (await database.db.query(`SELECT CASE WHEN "meta" IS NULL THEN 'sql null' ELSE 'json' END AS "kind" FROM "docs" WHERE "id" = ${Number(docId)}`))[0]?.['kind'];

    it('JSON null in a NOT NULL JSON column is refused by findById, findMany, RETURNING, include and joined rows', async () => {
      const cases: Array<[string, string, string]> = [
        ['obj', '{"a":2}', 'docs.obj: the value is null, which the row type (an object) has no room for'],
        ['tags', '["u"]', 'docs.tags: the value is null, which the row type (a list) has no room for'],
        ['label', '"hello"', 'docs.label: the value is null, which the row type (string) has no room for'],
        ['either', '"two"', 'docs.either: the value is null, which the row type (string | number) has no room for'],
        // No shape is checked in an intersection; the null is refused all the same.
        ['both', '{"a":2,"b":"y"}', 'docs.both: the value is null, which the row type has no room for'],
      ];
      for (const [column, good, message] of cases) {
        await store(column, 'null');
        expect(await refusal(shelfLib, () => repos['docs']!.findById(docId)), column).toBe(`${message} (row id ${docId})`);
        await expect(repos['docs']!.findMany(), column).rejects.toThrow(message);
        await expect(repos['docs']!.update(docId, { meta: { level: 2 } }), `${column}: RETURNING`).rejects.toThrow(message);
        await expect(repos['shelves']!.findMany({ include: { docs: true } }), `${column}: include`).rejects.toThrow(message);
        await expect(repos['shelves']!.findMany({ include: { picks: true } }), `${column}: joined`).rejects.toThrow(message);
        await store(column, good);
        const read = await repos['docs']!.findById(docId);
        expect(read?.[column], column).toEqual(JSON.parse(good));
        expect((await repos['shelves']!.findMany({ include: { picks: true } }))[0]?.['picks'], column).toEqual([read]);
      }
    });

    it("a value no member of a union of primitives holds is refused naming the union, not its first member", async () => {
      await store('either', 'true');
      expect(await refusal(shelfLib, () => repos['docs']!.findById(docId))).toBe(`docs.either: the value is true, which the row type (string | number) has no room for (row id ${docId})`);
      await store('either', '"2"');
      expect((await repos['docs']!.findById(docId))?.['either']).toBe('2');
    });

    it('a nullable JSON column: null is written as SQL NULL, and SQL NULL and a stored JSON null both read as null', async () => {
      expect(await repos['docs']!.update(docId, { meta: null })).toMatchObject({ meta: null });
      expect(await metaKind()).toBe('sql null');
      await store('meta', 'null');
      expect(await metaKind()).toBe('json');
      expect((await repos['docs']!.findById(docId))?.['meta']).toBeNull();
      expect((await repos['shelves']!.findMany({ include: { picks: true } }))[0]?.['picks']).toMatchObject([{ meta: null }]);
      const created = await repos['docs']!.create({ ...doc(shelfId), meta: null });
      expect(created['meta']).toBeNull();
      await store('meta', '{"level":"high"}');
      expect(await refusal(shelfLib, () => repos['docs']!.findById(docId))).toBe(`docs.meta: /level is "high", which the row type (number) has no room for (row id ${docId})`);
    });

    it('isNull finds the rows that read as null: SQL NULL and a stored JSON null alike', async () => {
      const other = (await repos['docs']!.create(doc(shelfId)))['id'];
      const sqlNull = (await repos['docs']!.create({ ...doc(shelfId), meta: null }))['id'];
      const ids = async (where: Row) => (await repos['docs']!.findMany({ where, orderBy: { id: 'asc' } })).map((row) => row['id']);
      // JSON's whitespace around the literal (RFC 8259 §2) is kept in SQLite's text; jsonb drops it.
      for (const text of ['null', ' null\n']) {
        await store('meta', text);
        expect((await repos['docs']!.findById(docId))?.['meta'], JSON.stringify(text)).toBeNull();
        expect(await ids({ meta: null }), JSON.stringify(text)).toEqual([docId, sqlNull]);
        expect(await ids({ meta: { isNull: true } })).toEqual([docId, sqlNull]);
        expect(await ids({ meta: { isNull: false } })).toEqual([other]);
        expect(await ids({ not: { meta: null } })).toEqual([other]);
        expect(await repos['docs']!.count({ meta: { isNull: true } })).toBe(2);
      }
      // The text "null" inside a JSON value is no null.
      await store('meta', '{"level":0,"note":"null"}');
      expect(await ids({ meta: { isNull: false } })).toEqual([docId, other]);
    });

    it('a JSON number beyond a double is refused where JSON.parse reads Infinity; others are the nearest double', async () => {
      await store('obj', '{"a":1e400}');
      expect(await refusal(shelfLib, () => repos['docs']!.findById(docId))).toBe(
        `docs.obj: /a is a number beyond a double's range (JSON.parse reads it as Infinity), which the row type has no room for (row id ${docId})`,
      );
      await store('obj', '{"a":1}');
      // jsonb keeps the number as numeric and prints its 401 digits; the check reads them alike.
      await store('both', '{"a":[0,-1e400],"b":"x"}');
      expect(await refusal(shelfLib, () => repos['docs']!.findById(docId))).toBe(
        `docs.both: /a/1 is a number beyond a double's range (JSON.parse reads it as -Infinity), which the row type has no room for (row id ${docId})`,
      );
      // An integer beyond 2^53 is read as the nearest double, as JSON.parse reads it (docs/crud.md).
      await store('both', '{"a":9007199254740993,"b":"1e400"}');
      expect((await repos['docs']!.findById(docId))?.['both']).toEqual({ a: 9007199254740992, b: '1e400' });
    });

    it(pg ? 'PostgreSQL array items are text, read by the item type' : 'a SQLite JSON list item of another JSON kind is refused, showing the stored value', async () => {
      const cases: Array<[string, string, string | unknown[]]> = pg
        ? [
            ['names', '{1}', ['1']],
            ['counts', '{1}', [1]],
            ['roles', '{user}', ['user']],
          ]
        : [
            ['names', '[1]', 'docs.names: /0 is 1, which the row type (string) has no room for'],
            ['names', '["a",true]', 'docs.names: /1 is true, which the row type (string) has no room for'],
            ['counts', '["1"]', 'docs.counts: /0 is "1", which the row type (number) has no room for'],
            ['roles', '[1]', 'docs.roles: /0 is 1, which the row type (string) has no room for'],
            ['roles', '["root"]', 'docs.roles: /0 is "root", which the row type ("admin" | "user") has no room for'],
            ['names', '["1"]', ['1']],
            ['counts', '[1.0]', [1]],
          ];
      for (const [column, text, expected] of cases) {
        await store(column, text, '');
        if (typeof expected === 'string') expect(await refusal(shelfLib, () => repos['docs']!.findById(docId)), text).toBe(`${expected} (row id ${docId})`);
        else expect((await repos['docs']!.findById(docId))?.[column], text).toEqual(expected);
        await store(column, pg ? '{}' : '[]', '');
      }
    });
  });
});
