/**
 * Filter and key values of the engine-values fixture's repositories on SQLite, PGlite and a
 * PostgreSQL server (recheck s8 R4, R5, R6): a value the column cannot hold is the same
 * ValidationError on every engine (where SQLite answered 0 rows and PostgreSQL threw its own
 * error), checked as inputs are; values it can hold find the same rows everywhere. Also the
 * column facts the inputs gained: `timestamptz(p)` precision, `time` 24:00:00, `char(n)` filters,
 * a foreign key to an increment key.
 *
 * Registered by engine-values.test.ts, which generates the fixture once for both (generating it
 * is most of either file's time).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../templates/crud/db.js';
import { suiteDatabase, type Engine, type GeneratedAdapters } from './engines.js';
import type { GeneratedProject } from './generated-project.js';

type Row = Record<string, unknown>;
interface Repo {
  create(input: Row): Promise<Row>;
  update(key: unknown, patch: Row): Promise<Row | undefined>;
  delete(key: unknown): Promise<boolean>;
  findById(key: unknown): Promise<Row | undefined>;
  findOne(where: Row): Promise<Row | undefined>;
  findMany(options?: { where?: Row; after?: Row; orderBy?: Row }): Promise<Row[]>;
  count(where?: Row): Promise<number>;
  updateMany(where: Row, patch: Row): Promise<number>;
  deleteMany(where: Row): Promise<number>;
}
interface Modules extends GeneratedAdapters {
  createRepositories(db: Db): Record<'accounts' | 'transfers' | 'entries' | 'auditEvents' | 'tickets', Repo>;
  ValidationError: new (...args: never[]) => Error & { issues: Array<{ path: string; code: string }> };
}

/** Registers the filter and key tests of the generated engine-values `project` on each of `engines`. */
export async function describeFilters(project: GeneratedProject, engines: Engine[]): Promise<void> {
  const lib = await project.load<Modules>('index.ts');
  describe.each(engines)('filters and keys on $name', (engine) => {
    const database = suiteDatabase(engine, () => lib, () => project.schema(engine.dialect), ['entries', 'transfers', 'accounts', 'audit_events', 'tickets']);
    let db: Db;
    let repos: ReturnType<Modules['createRepositories']>;
    beforeEach(() => {
      db = database.db;
      repos = lib.createRepositories(db);
    });

    const account = (id: string, extra: Row = {}): Row => ({
      id,
      email: 'a@example.com',
      balance: 100,
      stamp: new Date('2024-02-29T12:00:00.000Z'),
      externalId: '00000000-0000-4000-8000-000000000000',
      openedAt: new Date('2024-01-01T00:00:00.000Z'),
      day: '2024-02-29',
      note: null,
      labels: [],
      ...extra,
    });
    const event = (extra: Row = {}): Row => ({ day: '2024-01-01', age: null, amount: 0, ...extra });
    /** The [path, code] of each issue of the ValidationError a call rejects with (it fails if the call resolves). */
    const issues = async (call: () => Promise<unknown>): Promise<string[][]> => {
      const error = await call().then(
        (value) => new Error(`resolved to ${JSON.stringify(value)}`),
        (reason: unknown) => reason,
      );
      expect(error).toBeInstanceOf(lib.ValidationError);
      return (error as InstanceType<Modules['ValidationError']>).issues.map((issue: { path: string; code: string }) => [issue.path, issue.code]);
    };

    it('refuses a malformed uuid as a key, in a filter and in `in` alike, and finds a well-formed one (R4)', async () => {
      const ticket = await repos.tickets.create({});
      expect(await issues(() => repos.tickets.findById('nope'))).toEqual([['/id', 'format']]);
      expect(await issues(() => repos.tickets.update('nope', { closedAt: null }))).toEqual([['/id', 'format']]);
      expect(await issues(() => repos.tickets.delete('nope'))).toEqual([['/id', 'format']]);
      expect(await issues(() => repos.tickets.count({ id: { in: [ticket.id, 'nope'] } }))).toEqual([['/id/in/1', 'format']]);
      expect(await issues(() => repos.accounts.count({ or: [{ externalId: 'x' }, { not: { externalId: { ne: 'y' } } }] }))).toEqual([
        ['/or/0/externalId', 'format'],
        ['/or/1/not/externalId/ne', 'format'],
      ]);
      expect(await repos.tickets.findById(String(ticket.id).toUpperCase())).toEqual(ticket);
      expect(await repos.tickets.findById('00000000-0000-4000-8000-000000000000')).toBeUndefined();
      expect(await repos.tickets.count({ id: { notIn: [ticket.id] } })).toBe(0);
    });

    it('refuses a NUL character in a filter value or pattern, which PostgreSQL cannot compare (R4)', async () => {
      await repos.accounts.create(account('a'));
      expect(await issues(() => repos.accounts.count({ email: 'a\u0000' }))).toEqual([['/email', 'pattern']]);
      expect(await issues(() => repos.accounts.findMany({ where: { note: { like: '%\u0000%' } } }))).toEqual([['/where/note/like', 'pattern']]);
      expect(await issues(() => repos.accounts.findById('a\u0000'))).toEqual([['/id', 'pattern']]);
      expect(await repos.accounts.count({ email: { like: 'a@%' } })).toBe(1);
    });

    it('refuses a lone UTF-16 surrogate in a filter value, list or pattern, which no engine stores as written (tester s11 T2)', async () => {
      await repos.accounts.create(account('a'));
      expect(await issues(() => repos.accounts.count({ email: 'a\uD800' }))).toEqual([['/email', 'pattern']]);
      expect(await issues(() => repos.accounts.count({ email: { in: ['x', '\uDC00'] } }))).toEqual([['/email/in/1', 'pattern']]);
      expect(await issues(() => repos.accounts.findMany({ where: { note: { like: '%\uD800%' } } }))).toEqual([['/where/note/like', 'pattern']]);
      expect(await issues(() => repos.accounts.deleteMany({ note: { ilike: '\uDFFF' } }))).toEqual([['/note/ilike', 'pattern']]);
      expect(await issues(() => repos.accounts.findById('a\uD800'))).toEqual([['/id', 'pattern']]);
      expect(await repos.accounts.count({ email: { like: '%\uD83D\uDE00%' } })).toBe(0);
      expect(await repos.accounts.count()).toBe(1);
    });

    it('refuses a day that does not exist or the year 0000 in a date column, as a value and as a bound (R4)', async () => {
      const stored = await repos.auditEvents.create(event({ day: '2024-02-29' }));
      expect(await issues(() => repos.auditEvents.count({ day: '2024-02-30' }))).toEqual([['/day', 'format']]);
      expect(await issues(() => repos.auditEvents.count({ day: { gte: '2024-1-5' } }))).toEqual([['/day/gte', 'format']]);
      expect(await issues(() => repos.auditEvents.findOne({ day: { gt: '0000-01-01' } }))).toEqual([['/day/gt', 'minimum']]);
      expect(await issues(() => repos.auditEvents.create(event({ day: '0000-12-31' })))).toEqual([['/day', 'minimum']]);
      expect(await repos.auditEvents.findMany({ where: { day: { gte: '0001-01-01', lt: '2024-03-01' } } })).toEqual([stored]);
    });

    it('refuses a fraction or a number past the range of an integer column, as a value and as a bound (R4)', async () => {
      const stored = await repos.auditEvents.create(event({ age: 30 }));
      expect(await issues(() => repos.auditEvents.count({ age: 1.5 }))).toEqual([['/age', 'type']]);
      expect(await issues(() => repos.auditEvents.count({ age: { lt: 2 ** 40 } }))).toEqual([['/age/lt', 'maximum']]);
      expect(await issues(() => repos.auditEvents.count({ rank: { in: [0, -32769] } }))).toEqual([['/rank/in/1', 'minimum']]);
      expect(await issues(() => repos.auditEvents.findById(1.5))).toEqual([['/id', 'type']]);
      expect(await issues(() => repos.auditEvents.findById('1'))).toEqual([['/id', 'type']]);
      expect(await issues(() => repos.auditEvents.updateMany({ age: Number.NaN }, { rank: 1 }))).toEqual([['/age', 'type']]);
      expect(await issues(() => repos.auditEvents.deleteMany({ amount: { gt: Number.POSITIVE_INFINITY } }))).toEqual([['/amount/gt', 'type']]);
      expect(await repos.auditEvents.findMany({ where: { age: { gte: -2147483648, lte: 2147483647 } } })).toEqual([stored]);
      expect(await repos.auditEvents.count()).toBe(1);
    });

    it('compares numeric(p, s) with any finite bound, but a value it cannot hold is refused, not rounded (R4)', async () => {
      const stored = await repos.auditEvents.create(event({ amount: 1.01 }));
      expect(await repos.auditEvents.findMany({ where: { amount: { gt: 1.005, lt: 1e12 } } })).toEqual([stored]);
      expect(await issues(() => repos.auditEvents.count({ amount: 1.005 }))).toEqual([['/amount', 'multipleOf']]);
      expect(await issues(() => repos.auditEvents.count({ amount: { in: [1e8] } }))).toEqual([['/amount/in/0', 'exclusiveMaximum']]);
      expect(await repos.auditEvents.count({ amount: 1.01 })).toBe(1);
    });

    it('refuses Dates outside the years 0001-9999 in filters, bounds included (R4)', async () => {
      await repos.accounts.create(account('a'));
      expect(await issues(() => repos.accounts.count({ openedAt: { gte: new Date('+010000-01-01T00:00:00Z') } }))).toEqual([['/openedAt/gte', 'maximum']]);
      expect(await issues(() => repos.accounts.count({ stamp: new Date('0000-06-01T00:00:00Z') }))).toEqual([['/stamp', 'minimum']]);
      expect(await issues(() => repos.accounts.count({ stamp: new Date(Number.NaN) }))).toEqual([['/stamp', 'type']]);
      expect(await issues(() => repos.accounts.findMany({ after: { id: 'a', openedAt: new Date('+010000-01-01T00:00:00Z') }, orderBy: { openedAt: 'asc' } }))).toEqual([
        ['/after/openedAt', 'maximum'],
      ]);
      expect(await repos.accounts.count({ openedAt: { gte: new Date('0001-01-01T00:00:00Z'), lt: new Date('9999-12-31T23:59:59.999Z') } })).toBe(1);
    });

    it('refuses a Date finer than a timestamptz(p) column keeps, in inputs and compared values, but takes it as a bound (R6)', async () => {
      const closedAt = new Date('2024-01-01T00:00:00.000Z');
      const ticket = await repos.tickets.create({ closedAt, tenths: new Date('2024-01-01T00:00:00.500Z') });
      expect(await repos.tickets.findById(ticket.id)).toEqual(ticket);
      expect(ticket.tenths).toEqual(new Date('2024-01-01T00:00:00.500Z'));
      expect(await issues(() => repos.tickets.create({ closedAt: new Date('2024-01-01T00:00:00.567Z'), tenths: new Date('2024-01-01T00:00:00.510Z') }))).toEqual([
        ['/closedAt', 'multipleOf'],
        ['/tenths', 'multipleOf'],
      ]);
      expect(await issues(() => repos.tickets.update(ticket.id, { closedAt: new Date('2024-01-01T00:00:00.001Z') }))).toEqual([['/closedAt', 'multipleOf']]);
      expect(await issues(() => repos.tickets.count({ closedAt: { in: [new Date('2024-01-01T00:00:00.567Z')] } }))).toEqual([['/closedAt/in/0', 'multipleOf']]);
      expect(await repos.tickets.count({ closedAt: { gt: new Date('2023-12-31T23:59:59.999Z'), lt: new Date('2024-01-01T00:00:00.001Z') } })).toBe(1);
      expect(await repos.tickets.count({ closedAt })).toBe(1);
    });

    it('compares char(n) with strings of n characters only, so no engine pads one and not the other (R5)', async () => {
      const stored = await repos.auditEvents.create(event({ country: 'a ' }));
      expect(await issues(() => repos.auditEvents.count({ country: 'a' }))).toEqual([['/country', 'minLength']]);
      expect(await issues(() => repos.auditEvents.count({ country: { gte: 'abc' } }))).toEqual([['/country/gte', 'maxLength']]);
      expect(await repos.auditEvents.findMany({ where: { country: 'a ' } })).toEqual([stored]);
      expect(await repos.auditEvents.count({ country: { like: 'a' } })).toBe(0);
      expect(await repos.auditEvents.count({ country: { like: 'a_' } })).toBe(1);
      expect(await repos.auditEvents.count({ country: { gt: 'a!' } })).toBe(0);
    });

    it("takes PostgreSQL's 24:00:00 in a time column, in inputs and filters, and refuses what it does not read back as written (R5)", async () => {
      const stored = await repos.auditEvents.create(event({ opensAt: '24:00:00' }));
      expect((await repos.auditEvents.findById(stored.id))?.opensAt).toBe('24:00:00');
      expect(await repos.auditEvents.findMany({ where: { opensAt: { gt: '23:59:59.999999' } } })).toEqual([stored]);
      expect(await issues(() => repos.auditEvents.count({ opensAt: '24:00:00.5' }))).toEqual([['/opensAt', 'pattern']]);
      expect(await issues(() => repos.auditEvents.count({ opensAt: { lt: '9:00' } }))).toEqual([['/opensAt/lt', 'pattern']]);
    });

    it('matches like and ilike on a time column as text on every engine, not a missing PostgreSQL operator (s9 R4)', async () => {
      await repos.auditEvents.create(event({ opensAt: '09:30:00' }));
      await repos.auditEvents.create(event({ opensAt: '19:30:00' }));
      expect(await repos.auditEvents.count({ opensAt: { like: '09%' } })).toBe(1);
      expect(await repos.auditEvents.count({ opensAt: { ilike: '%:30:00' } })).toBe(2);
      expect(await repos.auditEvents.count({ opensAt: { like: '9%' } })).toBe(0);
    });

    it('holds a length written inside the type, varchar(5) or @dbType character varying(3), in inputs on every engine (s9 R3)', async () => {
      const stored = await repos.auditEvents.create(event({ code: 'abcde', tag: 'xyz' }));
      expect(await repos.auditEvents.findMany({ where: { code: 'abcde', tag: 'xyz' } })).toEqual([stored]);
      expect(await issues(() => repos.auditEvents.create(event({ code: 'abcdef', tag: 'wxyz' })))).toEqual([['/code', 'maxLength'], ['/tag', 'maxLength']]);
      expect(await issues(() => repos.auditEvents.update(stored.id, { code: 'abcdefgh' }))).toEqual([['/code', 'maxLength']]);
      expect(await repos.auditEvents.count({ code: 'abcdefgh' })).toBe(0);
      // The SQLite schema holds it too, as PostgreSQL's varchar(5) does, for writes that bypass the repository.
      expect(project.schema('sqlite')).toContain('CHECK (length("code") <= 5)');
      expect(project.schema('sqlite')).toContain('CHECK (length("tag") <= 3)');
    });

    it('checks a foreign key to an increment key as the integer the key is (item 4)', async () => {
      await repos.accounts.create(account('a'));
      const transfer = await repos.transfers.create({ accountId: 'a', amount: 5 });
      const entry = await repos.entries.create({ transferId: transfer.id });
      expect(await repos.entries.findMany({ where: { transferId: transfer.id } })).toEqual([entry]);
      expect(await issues(() => repos.entries.create({ transferId: 1.5 }))).toEqual([['/transferId', 'type']]);
      expect(await issues(() => repos.entries.create({ transferId: 2 ** 31 }))).toEqual([['/transferId', 'maximum']]);
      expect(await issues(() => repos.entries.count({ transferId: { in: [0.5] } }))).toEqual([['/transferId/in/0', 'type']]);
    });
  });
}
