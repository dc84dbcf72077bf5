/**
 * An entity's integer columns take the same values everywhere (issue 9, s16 H6). PostgreSQL and
 * SQLite have no unsigned 64-bit integer: `@type uint64` on a `number` is a signed `bigint` with
 * `CHECK (c >= 0)`, so it holds 0 … 2^63 − 1024 (the largest double below 2^63). The crud inputs
 * refused 2^63, but the entity's validator (`isMeter`), its mocks and the OpenAPI `Meter` schema
 * took values up to 2^64: a mock could be a row `create` refuses, and the document promised values
 * the database cannot hold. Each value below is taken or refused alike by the validator, ajv on the
 * OpenAPI schema, and `create` on SQLite, PGlite and PostgreSQL; mocks of many seeds insert.
 * `@type integer` (an `integer` column, 32 bits) was the same kind: the validator took 2^31. And a
 * `uint32` column (a `bigint` with a CHECK within 32 bits) no longer marks its table `int64`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OpenAPIObject } from 'openapi3-ts/oas31';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../templates/crud/db.js';
import { compileComponentSchemas, schemaErrors, toJson } from '../../helpers/json-schema.js';
import { engines, suiteDatabase, type GeneratedAdapters } from './engines.js';
import { generateProject } from './generated-project.js';

type Row = Record<string, unknown>;
interface Repo {
  create(input: Row): Promise<Row>;
  createMany(inputs: Row[]): Promise<Row[]>;
  findById(id: number): Promise<Row | undefined>;
}
interface Modules extends GeneratedAdapters {
  createRepositories(db: Db): { meters: Repo; labels: Repo };
  isMeter(value: unknown): boolean;
  isLabel(value: unknown): boolean;
  isNote(value: unknown): boolean;
  mockNote(overrides?: Row, options?: { seed?: number }): Row;
  mockLabel(overrides?: Row, options?: { seed?: number }): Row;
  mockMeter(overrides?: Row, options?: { seed?: number }): Row;
  mockMeterList(count: number, options?: { seed?: number }): Row[];
}

const project = await generateProject('integer-ranges');
const lib = await project.load<Modules>('index.ts');
const document = JSON.parse(readFileSync(join(project.root, 'generated/openapi.json'), 'utf8')) as OpenAPIObject;
const schema = compileComponentSchemas(document);

const BASE: Row = { total: 1, high: 2 ** 63 - 2 ** 20, delta: -1, count: 1, level: 1, whole: 1 };
/** Each column's values at its edges and whether the column holds them (2^64 − 1 is 2^64 as a double). */
const CASES: Array<{ field: string; value: number; holds: boolean }> = [
  { field: 'total', value: 2 ** 63 - 1024, holds: true },
  { field: 'total', value: 2 ** 63, holds: false },
  { field: 'total', value: 2 ** 64 - 1, holds: false },
  { field: 'total', value: 0, holds: true },
  { field: 'total', value: -1, holds: false },
  { field: 'high', value: 2 ** 63 - 1024, holds: true },
  { field: 'high', value: 2 ** 63, holds: false },
  { field: 'delta', value: 2 ** 63 - 1024, holds: true },
  { field: 'delta', value: 2 ** 63, holds: false },
  { field: 'delta', value: -(2 ** 63), holds: true },
  { field: 'count', value: 2 ** 32 - 1, holds: true },
  { field: 'count', value: 2 ** 32, holds: false },
  { field: 'count', value: -1, holds: false },
  { field: 'level', value: 2 ** 31 - 1, holds: true },
  { field: 'level', value: 2 ** 31, holds: false },
  { field: 'whole', value: 2 ** 31 - 1, holds: true },
  { field: 'whole', value: 2 ** 31, holds: false },
];

const label = ({ field, value }: { field: string; value: number }) => `${field} = ${BigInt(value)}`;

it.each(CASES)('the validator and the OpenAPI schema agree on $field = $value', (example) => {
  const meter = { id: 1, ...BASE, [example.field]: example.value };
  expect(lib.isMeter(meter), `isMeter, ${label(example)}`).toBe(example.holds);
  const check = schema('Meter')!;
  expect(check(toJson(meter)), `Meter schema, ${label(example)}: ${schemaErrors(check)}`).toBe(example.holds);
});

it('only the columns whose values may pass 2^53 are read as 64-bit integers (uint32 is not)', async () => {
  const { meterTable } = await project.load<{ meterTable: { columns: Record<string, { int64?: boolean }> } }>('meters.sql.ts');
  const wide = Object.keys(meterTable.columns).filter((field) => meterTable.columns[field]!.int64 === true);
  expect(wide).toEqual(['total', 'high', 'delta']);
});

it("a foreign key to such a key is its column's type as written, with no CHECK of the key's range", () => {
  for (const dialect of ['postgres', 'sqlite'] as const) expect(project.schema(dialect)).not.toMatch(/gauge_id\W*\s*>=/);
  expect(project.schema('postgres')).toContain('"gauge_id" integer NOT NULL');
});

it('mocks of 300 seeds are valid and stay below 2^63', () => {
  for (let seed = 1; seed <= 300; seed++) {
    const meter = lib.mockMeter(undefined, { seed });
    expect(lib.isMeter(meter), `seed ${seed}`).toBe(true);
    expect(meter['high'] as number, `seed ${seed}`).toBeLessThan(2 ** 63);
  }
});

/** A key without `@type` is an `integer` column: the validator, the schema and the mocks say its 32 bits too. */
const LABEL_KEYS: Array<{ value: number; holds: boolean }> = [
  { value: 2 ** 31 - 1, holds: true },
  { value: -(2 ** 31), holds: true },
  { value: 2 ** 31, holds: false },
  { value: 1.5, holds: false },
];

it.each(LABEL_KEYS)('a key without @type: the validator and the OpenAPI schema agree on id = $value', ({ value, holds }) => {
  const label = { id: value, name: 'a' };
  expect(lib.isLabel(label)).toBe(holds);
  const check = schema('Label')!;
  expect(check(toJson(label)), schemaErrors(check)).toBe(holds);
});

it('mocks of a key without @type are 32-bit integers', () => {
  for (let seed = 1; seed <= 300; seed++) {
    const id = lib.mockLabel(undefined, { seed })['id'] as number;
    expect(Number.isInteger(id) && id >= -(2 ** 31) && id < 2 ** 31, `seed ${seed}: ${id}`).toBe(true);
  }
});

/**
 * A scalar foreign key (`@references Label`, `labelId: number`) is its key's column type: an
 * `integer` for a plain number key, a `bigint` for an `@type int64` one. Its validator and schema
 * took 1.5 and 2^31 for `labelId`, which PostgreSQL's `integer` refuses.
 */
const NOTE_KEYS: Array<{ field: string; value: number; holds: boolean }> = [
  { field: 'labelId', value: 2 ** 31 - 1, holds: true },
  { field: 'labelId', value: 2 ** 31, holds: false },
  { field: 'labelId', value: 1.5, holds: false },
  { field: 'ledgerId', value: 2 ** 40, holds: true },
  { field: 'ledgerId', value: 2 ** 63, holds: false },
  { field: 'ledgerId', value: 1.5, holds: false },
];

it.each(NOTE_KEYS)('a scalar foreign key holds what its key holds: $field = $value', ({ field, value, holds }) => {
  const note = { id: 1, labelId: 1, ledgerId: 1, [field]: value };
  expect(lib.isNote(note)).toBe(holds);
  const check = schema('Note')!;
  expect(check(toJson(note)), schemaErrors(check)).toBe(holds);
});

it("scalar foreign keys are their keys' column types, and their mocks stay in range", () => {
  expect(project.schema('postgres')).toMatch(/"label_id" integer NOT NULL/);
  expect(project.schema('postgres')).toMatch(/"ledger_id" bigint NOT NULL/);
  for (let seed = 1; seed <= 200; seed++) {
    const note = lib.mockNote(undefined, { seed });
    expect(lib.isNote(note), `seed ${seed}`).toBe(true);
    expect(Math.abs(note['labelId'] as number), `seed ${seed}`).toBeLessThanOrEqual(2 ** 31);
  }
});

describe.each(await engines())('the repository on $name', (engine) => {
  const database = suiteDatabase(engine, () => lib, () => project.schema(engine.dialect), ['meters', 'labels']);
  let meters: Repo;
  beforeEach(() => {
    meters = lib.createRepositories(database.db).meters;
  });

  it('stores the keys without @type the validator takes and refuses the rest', async () => {
    const labels = lib.createRepositories(database.db).labels;
    for (const { value, holds } of LABEL_KEYS) {
      const stored = await labels.create({ id: value, name: 'a' }).then(
        () => true,
        () => false,
      );
      expect(stored, `id = ${value}`).toBe(holds);
    }
  });

  it('stores what the validator takes, reads it back exactly, and refuses the rest', async () => {
    const wrong: string[] = [];
    for (const example of CASES) {
      const created = await meters.create({ ...BASE, [example.field]: example.value }).then(
        (row) => row,
        () => undefined,
      );
      if ((created !== undefined) !== example.holds) wrong.push(`${label(example)}: ${created ? 'stored' : 'refused'}`);
      if (created) expect((await meters.findById(created['id'] as number))?.[example.field], label(example)).toBe(example.value);
    }
    expect(wrong).toEqual([]);
  });

  it('mocks of 150 seeds insert through create, and a list of 100 through createMany', async () => {
    const refused: string[] = [];
    for (let seed = 1; seed <= 150; seed++) {
      const { id: _id, ...input } = lib.mockMeter(undefined, { seed });
      await meters.create(input).catch((error: Error) => refused.push(`seed ${seed}: ${error.message}`));
    }
    expect(refused).toEqual([]);
    await meters.createMany(lib.mockMeterList(100, { seed: 7 }).map(({ id: _id, ...input }) => input));
  });
});
