/**
 * What a read returns is a value of the row type (tester4 F1, F2), on SQLite, PGlite and the
 * PostgreSQL server: a JSON column's value another program stored is checked against the
 * property's type (`ColumnMeta.shape`), and an enum array's items against the enum, so that
 * `"hello"`, `{"a":1}`, `[1,2]` or `[null]` in a `string[]` and `root` in a `Role[]` are a
 * SqlBuilderError naming the column, the first misfit and the row, never a row of another type.
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
}
interface Modules extends GeneratedAdapters {
  createRepositories(db: Db): Record<string, Repo>;
  SqlBuilderError: new (...args: never[]) => Error;
}

const ledgers = await generateProject('exact-values');
const ledgerLib = await ledgers.load<Modules>('index.ts');
const members = await generateProject('typeorm-enum-arrays');
const memberLib = await members.load<Modules>('index.ts');
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
            // The number 1 read as the text "1" before: still no member.
            [`"roles" = '[1]'`, `member.roles: /0 is "1", which the row type ("admin" | "editor" | "guest user") has no room for`],
            [`"roles" = '["admin"]', "levels" = '[5]'`, `member.levels: /0 is 5, which the row type (1 | 10) has no room for`],
          ];
      for (const [assignment, message] of cases) {
        await store(row['id'], assignment);
        expect(await refusal(memberLib, () => repo.findById(row['id'])), assignment).toBe(`${message} (row id ${row['id']})`);
      }
    });
  });
});
