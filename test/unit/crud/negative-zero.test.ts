/**
 * -0 (tester s13 T-I), on the negative-zero fixture and every engine: SQLite keeps no -0 in a REAL
 * (nor any engine in an integer or numeric column), the drivers send a number -0 as '0', and JSON
 * writes -0 as 0, so what was written would read back as 0. The repositories refuse it, as the
 * other values a column would change (docs/crud.md), with a ValidationError at its path; a filter
 * may compare with -0, which equals 0.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../templates/crud/db.js';
import { engines, suiteDatabase, type GeneratedAdapters } from './engines.js';
import { generateProject } from './generated-project.js';

type Row = Record<string, unknown>;
interface Repo {
  create(input: Row): Promise<Row>;
  createMany(inputs: Row[]): Promise<Row[]>;
  update(key: unknown, patch: Row): Promise<Row | undefined>;
  upsert(input: Row, options: Row): Promise<Row>;
  findMany(options?: { where?: Row }): Promise<Row[]>;
}
interface Modules extends GeneratedAdapters {
  createRepositories(db: Db): { docs: Repo };
  ValidationError: new (...args: never[]) => Error & { issues: Array<{ path: string; code: string; expected: string }> };
}

const project = await generateProject('negative-zero');
const lib = await project.load<Modules>('index.ts');
const fine: Row = { real: 0.5, count: 1, price: 2.5, meta: { n: 1 } };

/** The paths of the ValidationError `run` rejects with. */
async function refusedPaths(run: () => Promise<unknown>): Promise<string[]> {
  const error = await run().then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(lib.ValidationError);
  const { issues } = error as { issues: Array<{ path: string; expected: string }> };
  for (const issue of issues) expect(issue.expected).toMatch(/-0/);
  return issues.map((issue) => issue.path);
}

describe.each(await engines())('-0 on $name', (engine) => {
  const database = suiteDatabase(engine, () => lib, () => project.schema(engine.dialect), ['docs']);
  let docs: Repo;
  beforeEach(() => {
    docs = lib.createRepositories(database.db).docs;
  });

  it('is refused in every number column and inside JSON, nothing written', async () => {
    const input = { real: -0, count: -0, price: -0, meta: { n: -0, list: [1, -0] } };
    expect(await refusedPaths(() => docs.create(input))).toEqual(['/real', '/count', '/price', '/meta/n', '/meta/list/1']);
    expect(await refusedPaths(() => docs.createMany([fine, { ...fine, real: -0 }]))).toEqual(['/1/real']);
    expect(await docs.findMany()).toEqual([]);
  });

  it('is refused in a patch and an upsert, the row left as it was', async () => {
    const row = await docs.create(fine);
    expect(await refusedPaths(() => docs.update(row['id'], { real: -0 }))).toEqual(['/real']);
    expect(await refusedPaths(() => docs.update(row['id'], { meta: { n: -0 } }))).toEqual(['/meta/n']);
    expect(await refusedPaths(() => docs.upsert({ ...fine, id: row['id'], price: -0 }, { conflict: ['id'] }))).toEqual(['/price']);
    expect(await docs.findMany()).toEqual([row]);
  });

  it('may be compared with: it equals 0', async () => {
    const row = await docs.create({ ...fine, real: 0 });
    expect(await docs.findMany({ where: { real: -0 } })).toEqual([row]);
    expect(await docs.findMany({ where: { real: { gte: -0 } } })).toEqual([row]);
  });
});
