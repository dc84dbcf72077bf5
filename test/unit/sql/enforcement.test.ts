/**
 * The generated schemas do not only apply: they enforce what the types say. On real SQLite, PGlite and
 * a real PostgreSQL server, each fixture's schema accepts a valid row, fills its defaults and
 * generated keys, and rejects a row that breaks a sample of its constraints (CHECKs from enums,
 * literal unions, bounds and lengths; NOT NULL; keys; unique constraints; foreign keys and their
 * actions), naming the constraint the schema named.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureSchema } from './helpers.js';
import { findPostgres } from '../../helpers/databases.js';
import { insertSql, openPglite, openServer, openSqlite, rejection, type Engine } from './engines.js';

const server = await findPostgres();

let pglite: Awaited<ReturnType<typeof openPglite>>;
beforeAll(async () => {
  pglite = await openPglite();
});
afterAll(async () => pglite.close());

/** Runs `body` on every engine, each with the fixture's schema applied to an empty database. */
function onEveryEngine(fixture: string, title: string, body: (engine: Engine) => Promise<void>): void {
  for (const kind of ['sqlite', 'pglite', 'postgres server'] as const) {
    const skip = kind === 'postgres server' && server.url === undefined;
    it.skipIf(skip)(`${title} (${kind}${kind === 'postgres server' ? server.skipNote : ''})`, async () => {
      const open = async () =>
        kind === 'sqlite' ? openSqlite() : kind === 'pglite' ? pglite.schema(`enforce_${fixture}_${title.replace(/\W+/g, '_')}`.slice(0, 60)) : openServer();
      const engine = await open();
      try {
        await engine.exec(await fixtureSchema(fixture, engine.dialect));
        await body(engine);
      } finally {
        await engine.close();
      }
    });
  }
}

const insert = (engine: Engine, table: string, row: Record<string, unknown>) => engine.exec(insertSql(table, row, engine.dialect));
const rejects = (engine: Engine, table: string, row: Record<string, unknown>) => rejection(engine, insertSql(table, row, engine.dialect));
const one = async (engine: Engine, sql: string) => (await engine.rows(sql))[0]!;

describe('column-types: CHECKs, NOT NULL, defaults', () => {
  const valid: Record<string, unknown> = {
    plain: '',
    short: 'x'.repeat(40),
    code: 'ab',
    stamp_text: '2024-02-29T12:00:00.000Z',
    day: '2024-02-29',
    when: '2024-02-29T12:00:00.000Z',
    age: 120,
    count: 0,
    unsigned: 4294967295,
    big: 9007199254740991,
    price: 0.01,
    ratio: 0.5,
    huge: 9223372036854775807n,
    active: true,
    kind: "it's",
    level: 2,
    mood: 'sad',
    tags: ['a', 'b'],
    dimensions: { width: 1, height: 2 },
    extra: {},
    pair: ['a', 1],
    either: '"x"', // JSON text: the column holds a JSON string
    anything: null, // `unknown` holds null: the column is nullable
    email: 'a@b.c',
  };
  const row = (changes: Record<string, unknown> = {}) => ({ ...valid, ...changes });

  onEveryEngine('column-types', 'accepts a valid row and fills defaults', async (engine) => {
    await insert(engine, 'samples', row());
    const stored = await one(engine, 'SELECT * FROM "samples"');
    expect(String(stored['id'])).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(stored['stars']).toBe(3);
    expect(stored['note']).toBe('n/a');
    expect(stored['nickname']).toBeNull();
    expect(stored['enabled']).toBe(engine.dialect === 'sqlite' ? 1 : true);
    const labels = engine.dialect === 'sqlite' ? JSON.parse(String(stored['labels'])) : stored['labels'];
    expect(labels).toEqual(['a']);
    const createdAt = stored['created_at'];
    if (engine.dialect === 'sqlite') expect(String(createdAt)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    else expect(createdAt).toBeInstanceOf(Date);
  });

  const violations: Array<[string, Record<string, unknown>, RegExp]> = [
    ['minLength', { short: '' }, /samples_short_check/],
    ['maxLength', { code: 'x'.repeat(13) }, /samples_code_check|value too long/],
    ['minimum', { age: -1 }, /samples_age_check/],
    ['maximum', { age: 121 }, /samples_age_check/],
    ['uint32 range', { unsigned: -1 }, /samples_unsigned_check/],
    ['exclusiveMinimum', { price: 0 }, /samples_price_check/],
    ['string enum', { kind: 'other' }, /samples_kind_check/],
    ['numeric enum', { level: 3 }, /samples_level_check/],
    ['literal union', { mood: 'angry' }, /samples_mood_check/],
    ['numeric literal union', { stars: 6 }, /samples_stars_check/],
    ['NOT NULL', { plain: null }, /plain/],
  ];
  for (const [what, changes, message] of violations) {
    onEveryEngine('column-types', `rejects a broken ${what}`, async (engine) => {
      expect(await rejects(engine, 'samples', row(changes))).toMatch(message);
    });
  }

  onEveryEngine('column-types', 'rejects what the SQLite column types cannot hold', async (engine) => {
    if (engine.dialect === 'postgres') {
      expect(await rejects(engine, 'samples', row({ tags: 'not json' }))).toMatch(/json/i);
      expect(await rejects(engine, 'samples', row({ age: 'old' }))).toMatch(/integer/);
      return;
    }
    expect(await rejects(engine, 'samples', row({ active: 7 }))).toMatch(/samples_active_check/);
    expect(await rejects(engine, 'samples', row({ tags: 'not json' }))).toMatch(/samples_tags_check/);
    expect(await rejects(engine, 'samples', row({ age: 'old' }))).toMatch(/cannot store TEXT value in INTEGER column/);
  });
});

describe('keys: identities, composite keys, unique constraints, restrict', () => {
  onEveryEngine('keys', 'numbers customers, keeps composite keys unique, restricts deletes', async (engine) => {
    await insert(engine, 'customers', { region: 'eu', handle: 'ann', email: 'ann@x.io', name: 'Ann' });
    await insert(engine, 'customers', { region: 'eu', handle: 'bob', email: 'bob@x.io', name: 'Bob' });
    expect((await engine.rows('SELECT "id" FROM "customers" ORDER BY "id"')).map((r) => Number(r['id']))).toEqual([1, 2]);
    expect(await rejects(engine, 'customers', { region: 'eu', handle: 'ann', email: 'other@x.io', name: 'A' })).toMatch(/customers_region_handle|customers\.region, customers\.handle/);
    expect(await rejects(engine, 'customers', { region: 'us', handle: 'ann', email: 'ann@x.io', name: 'A' })).toMatch(/customers_email_key|customers\.email/);
    expect(await rejects(engine, 'customers', { region: 'toolongregion', handle: 'c', email: 'c@x.io', name: 'C' })).toMatch(/customers_region_check|value too long/);

    const line = { order_id: '6f1c2a9e-0b7d-4c8e-9f3a-2d5b7c9e1a3f', position: 1, customer_id: 1, unit_price: 9.99 };
    await insert(engine, 'order_lines', line);
    expect(Number((await one(engine, 'SELECT "quantity" FROM "order_lines"'))['quantity'])).toBe(1);
    expect(await rejects(engine, 'order_lines', line)).toMatch(/order_lines_pkey|order_lines\.order_id, order_lines\.position/);
    expect(await rejects(engine, 'order_lines', { ...line, position: 0 })).toMatch(/order_lines_position_check/);
    expect(await rejects(engine, 'order_lines', { ...line, position: 2, customer_id: 99 })).toMatch(/order_lines_customer_id_fkey|FOREIGN KEY/);
    expect(await rejection(engine, 'DELETE FROM "customers" WHERE "id" = 1')).toMatch(/order_lines_customer_id_fkey|FOREIGN KEY/);

    await insert(engine, 'coupons', { owner_email: 'bob@x.io' });
    const coupon = await one(engine, 'SELECT * FROM "coupons"');
    expect(String(coupon['code'])).toMatch(/^[0-9a-f-]{36}$/);
    expect(coupon['issued_on']).toBeTruthy();
    await engine.exec('DELETE FROM "customers" WHERE "id" = 2');
    expect(await engine.rows('SELECT * FROM "coupons"')).toEqual([]);
  });
});

describe('relations: foreign keys, actions, one-to-one, join tables', () => {
  onEveryEngine('relations', 'links and unlinks rows as declared', async (engine) => {
    await insert(engine, 'authors', { name: 'Ann' });
    await insert(engine, 'authors', { name: 'Bob', mentor_id: 1 });
    await insert(engine, 'books', { title: 'One', author_id: 1 });
    await insert(engine, 'tags', { id: 'sf' });
    await insert(engine, 'book_tags', { book_id: 1, tag_id: 'sf' });
    await insert(engine, 'profiles', { bio: 'hi', author_id: 1 });
    expect(await rejects(engine, 'profiles', { bio: 'again', author_id: 1 })).toMatch(/profiles_author_id_key|profiles\.author_id/);
    expect(await rejects(engine, 'books', { title: 'Orphan', author_id: 42 })).toMatch(/books_author_id_fkey|FOREIGN KEY/);
    expect(await rejects(engine, 'book_tags', { book_id: 1, tag_id: 'sf' })).toMatch(/book_tags_pkey|book_tags\.book_id/);
    expect(await rejects(engine, 'tags', { id: 'x'.repeat(31) })).toMatch(/tags_id_check|value too long/);

    await engine.exec('DELETE FROM "authors" WHERE "id" = 1');
    expect(await engine.rows('SELECT * FROM "books"')).toEqual([]);
    expect(await engine.rows('SELECT * FROM "book_tags"')).toEqual([]);
    expect(await engine.rows('SELECT * FROM "profiles"')).toEqual([]);
    expect((await one(engine, 'SELECT "mentor_id" FROM "authors" WHERE "name" = \'Bob\''))['mentor_id']).toBeNull();
  });
});

describe('cycles: tables that reference each other', () => {
  onEveryEngine('cycles', 'accepts the cycle and enforces both directions', async (engine) => {
    await insert(engine, 'departments', { name: 'R&D' });
    await insert(engine, 'employees', { name: 'Ann', department_id: 1 });
    await engine.exec('UPDATE "departments" SET "head_id" = 1');
    expect(await rejection(engine, 'UPDATE "departments" SET "head_id" = 5')).toMatch(/departments_head_id_fkey|FOREIGN KEY/);
    await engine.exec('DELETE FROM "employees" WHERE "id" = 1');
    expect((await one(engine, 'SELECT "head_id" FROM "departments"'))['head_id']).toBeNull();
  });
});

describe('hostile: quoted names, hashed constraint names', () => {
  onEveryEngine('hostile', 'stores rows under hostile names and enforces hashed constraints', async (engine) => {
    const long = 'a_very_long_column_name_that_goes_past_sixty_three_bytes_of_identifier_xyz';
    await insert(engine, 'order', { select: 's', '"order"': 'o', naïve_ünïcödé_ñame: 'é', [long]: 1.5, note: 'n', 'semi;colon': ';' });
    expect(await rejects(engine, 'order', { select: 's', '"order"': 'o', naïve_ünïcödé_ñame: 'é', [long]: 1.5, note: 'n', 'semi;colon': ';' })).toMatch(/order_select_key|order\.select/);
    const table = 'a_table_name_so_long_that_every_constraint_name_needs_a_hash_suffix';
    await insert(engine, table, { a_column_with_a_long_name_too: 'x', hostile_id: 1 });
    expect(await rejects(engine, table, { a_column_with_a_long_name_too: 'y', hostile_id: 9 })).toMatch(/a_table_name_so_long_that_every_constraint_name_needs__b2f4c208|FOREIGN KEY/);
    const stored = await one(engine, 'SELECT "note", "semi;colon" FROM "order"');
    expect(stored).toEqual({ note: 'n', 'semi;colon': ';' });
    await insert(engine, 'order', { select: 't', '"order"': 'o', naïve_ünïcödé_ñame: 'é', [long]: 2, 'semi;colon': ';' });
    expect((await one(engine, 'SELECT "note" FROM "order" WHERE "select" = \'t\''))['note']).toBe("it's -- not a comment; DROP TABLE x");
  });
});

describe('typeorm: options read from decorators', () => {
  onEveryEngine('typeorm', 'applies enum checks, lengths, numeric scale and defaults', async (engine) => {
    await insert(engine, 'accounts', { firstName: 'Ann', lastName: 'Lee' });
    const account = await one(engine, 'SELECT * FROM "accounts"');
    expect(account['role']).toBe('member');
    expect(Number(account['balance'])).toBe(-1.5);
    expect(account['nickname']).toBeNull();
    const seen = account['seenAt'];
    if (engine.dialect === 'sqlite') expect(String(seen)).toMatch(/T.*Z$/);
    expect(await rejects(engine, 'accounts', { firstName: 'Ann', lastName: 'Lee' })).toMatch(/accounts_firstName_lastName_key|accounts\.firstName/);
    expect(await rejects(engine, 'accounts', { firstName: 'Bo', lastName: 'X', role: 'root' })).toMatch(/accounts_role_check/);
    if (engine.dialect === 'postgres') {
      await insert(engine, 'accounts', { firstName: 'Cy', lastName: 'Z', balance: 1.005 });
      expect((await one(engine, 'SELECT "balance" FROM "accounts" WHERE "firstName" = \'Cy\''))['balance']).toBe('1.01');
    }
  });
});
