/**
 * TypeORM column facts as one source of truth (tester s10 T1, T2, T6, T7, T8), on the
 * typeorm-columns fixture: the entity's own validator (`isProduct`) refuses what its columns
 * cannot store and its mock list inserts as it is (docs/mock.md, "Lists of entities"); a nullable
 * column typed without `| null` takes null through create and update; TypeORM's string defaults
 * (`'0.00'`, `'true'`) and `simple-enum` are read as TypeORM means them; on every engine.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../templates/crud/db.js';
import { typecheck } from '../../helpers/typecheck.js';
import { engines, suiteDatabase, type GeneratedAdapters } from './engines.js';
import { generateProject, PROJECT_COMPILE_TIMEOUT } from './generated-project.js';

type Row = Record<string, unknown>;
interface Repo {
  create(input: Row): Promise<Row>;
  createMany(inputs: Row[]): Promise<Row[]>;
  update(key: unknown, patch: Row): Promise<Row | undefined>;
  updateMany(where: Row, patch: Row): Promise<number>;
  findById(key: unknown): Promise<Row | undefined>;
  findMany(options?: { orderBy?: Row; include?: Row; where?: Row }): Promise<Row[]>;
}
interface Modules extends GeneratedAdapters {
  createRepositories(db: Db): { products: Repo; countries: Repo; cities: Repo; twinnings: Repo; landmarks: Repo };
  ForeignKeyViolationError: new (...args: never[]) => Error;
  UniqueViolationError: new (...args: never[]) => Error;
  mockProductList(count: number, seed?: number): Row[];
  isProduct(value: unknown): boolean;
  ValidationError: new (...args: never[]) => Error & { issues: Array<{ path: string; code: string }> };
}

const project = await generateProject('typeorm-columns');
const lib = await project.load<Modules>('index.ts');

const product = (extra: Row = {}): Row => ({ sku: 'sku-1', quantity: 3, ...extra });

it("the entity's validator refuses what its columns cannot store (T2)", () => {
  const [mock] = lib.mockProductList(1);
  expect(lib.isProduct(mock)).toBe(true);
  const refused: Row = {
    quantity: 1.5, // int
    rank: 40_000, // smallint
    loginCount: 0.5, // bigint
    releasedOn: 'granite', // date
    sku: 'x'.repeat(31), // length: 30
    price: 1.005, // decimal(10, 2): PostgreSQL would round
    credit: 1e16, // numeric(20, 4): at most 16 integer digits
    country: 'U', // char(2)
  };
  for (const [field, value] of Object.entries(refused)) expect(lib.isProduct({ ...mock, [field]: value }), field).toBe(false);
  // The TypeScript type of `image` is `string`: the entity's validator follows it (CG2107 says so).
  expect(lib.isProduct({ ...mock, image: null })).toBe(false);
});

it('reads simple-enum as a text column with a CHECK of the values (T1)', () => {
  for (const dialect of ['postgres', 'sqlite'] as const) expect(project.schema(dialect)).toContain(`CHECK ("status" IN ('draft', 'active', 'archived'))`);
});

it('names a join column after the unique column it references, and types it like it (T14)', () => {
  for (const dialect of ['postgres', 'sqlite'] as const) {
    const schema = project.schema(dialect);
    // TypeORM's naming (an unnamed @Entity): `country` + `code` is `countryCode`, as TypeORM's joinColumnName makes it.
    for (const [column, at] of [['countryCode', 'countryCode'], ['twin_iso', 'twin_iso'], ['capitalOfCode', 'capitalOfCode']]) {
      expect(schema).toContain(`FOREIGN KEY ("${column}") REFERENCES "country" ("code")`);
      expect(schema).toMatch(new RegExp(`"${at}" (char\\(2\\)|TEXT)`));
    }
    expect(schema).toContain('UNIQUE ("capitalOfCode")');
  }
});

it('compiles under tsc --strict with a usage file whose type errors are all expected: no update of what has nothing to update', async () => {
  expect(await typecheck(project.root, ['models/**/*.ts', 'generated/**/*.ts', 'usage.ts'])).toBe('');
}, PROJECT_COMPILE_TIMEOUT);

describe.each(await engines())('TypeORM columns on $name', (engine) => {
  const database = suiteDatabase(engine, () => lib, () => project.schema(engine.dialect), ['product']);
  let db: Db;
  let products: Repo;
  beforeEach(() => {
    db = database.db;
    products = lib.createRepositories(db).products;
  });

  it('inserts a mock list as it is and reads it back (T2)', async () => {
    // The key is generated: the rows come back in insertion order, each as its mock was.
    const withoutId = ({ id: _id, ...rest }: Row): Row => rest;
    const list = lib.mockProductList(200, 7);
    await products.createMany(list);
    expect((await products.findMany({ orderBy: { id: 'asc' } })).map(withoutId)).toEqual(list.map(withoutId));
  });

  it('reads and writes relations through a join column that references a unique column (T14)', async () => {
    const { countries, cities } = lib.createRepositories(db);
    await db.query('DELETE FROM "city"');
    await db.query('DELETE FROM "country"');
    await countries.createMany([{ code: 'FR', name: 'France' }, { code: 'JP', name: 'Japan' }]);
    await cities.create({ name: 'Paris', countryCode: 'FR', twinCode: 'JP', capitalOfCode: 'FR' });
    await cities.create({ name: 'Nowhere', countryCode: null, twinCode: 'FR' });
    const found = await cities.findMany({ include: { country: true, twin: true, capitalOf: true }, orderBy: { name: 'asc' } });
    expect(found.map((city) => [city['name'], (city['country'] as Row | null)?.['name'] ?? null, (city['twin'] as Row)['name'], (city['capitalOf'] as Row | null)?.['name'] ?? null])).toEqual([
      ['Nowhere', null, 'France', null],
      ['Paris', 'France', 'Japan', 'France'],
    ]);
    // The key column's values are Country.code's: a code no country has is refused by the foreign key.
    await expect(cities.create({ name: 'Atlantis', countryCode: 'ZZ', twinCode: 'FR' })).rejects.toBeInstanceOf(lib.ForeignKeyViolationError);
    // A second capital of France breaks the one-to-one's unique key.
    await expect(cities.create({ name: 'Lyon', twinCode: 'FR', capitalOfCode: 'FR' })).rejects.toBeInstanceOf(lib.UniqueViolationError);
  });

  it('refuses update and updateMany on an entity with nothing to update, rather than doing nothing', async () => {
    const { twinnings, landmarks } = lib.createRepositories(db);
    await db.query('DELETE FROM "twinning"');
    await twinnings.create({ cityId: 1, otherId: 2 });
    await expect(twinnings.update({ cityId: 1, otherId: 2 }, {})).rejects.toBeInstanceOf(lib.ValidationError);
    await expect(twinnings.updateMany({ cityId: 1 }, { otherId: 3 })).rejects.toBeInstanceOf(lib.ValidationError);
    const landmark = await landmarks.create({ label: 'Tower' });
    await expect(landmarks.update(landmark['id'], { label: 'Arch' })).rejects.toBeInstanceOf(lib.ValidationError);
    expect(await landmarks.findById(landmark['id'])).toEqual(landmark);
    expect(await twinnings.findById({ cityId: 1, otherId: 2 })).toEqual({ cityId: 1, otherId: 2 });
  });

  it('writes null to a nullable column typed without null, and clears it (T6)', async () => {
    const created = await products.create(product({ image: null }));
    expect(created['image']).toBeNull();
    await products.update(created['id'], { image: 'a.png' });
    expect((await products.update(created['id'], { image: null }))?.['image']).toBeNull();
  });

  it("stores TypeORM's string defaults as the values they denote (T7) and checks simple-enum values (T1)", async () => {
    const created = await products.create(product());
    expect(created).toMatchObject({ rank: 0, loginCount: 0, price: 0, credit: 0, country: 'US', status: 'draft', pastPlans: [], active: true, image: null, releasedOn: null });
    const refused = await products.create(product({ sku: 'sku-2', status: 'gone' })).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(lib.ValidationError);
    expect((refused as InstanceType<Modules['ValidationError']>).issues.map((issue: { path: string }) => issue.path)).toEqual(['/status']);
  });
});
