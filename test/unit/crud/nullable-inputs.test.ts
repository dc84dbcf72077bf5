/**
 * `null` clears a column that may hold NULL, whichever way the column became nullable (issue 9,
 * tester3 T-8), on the nullable-inputs fixture: an optional property (`nickname?: string`), `| null`,
 * both, `| undefined`, an optional or `| null` many-to-one, TypeORM's `nullable: true` (with and
 * without `| null` or `?`, behind `@IsOptional()`, on a relation). The row type says `| null` for
 * each, so the `<Entity>Create` / `<Entity>Update` types take null; so must their validators, the
 * OpenAPI request schemas (`resources: true`) and the repositories, on SQLite, PGlite and
 * PostgreSQL. A column that holds no NULL refuses null everywhere alike.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OpenAPIObject } from 'openapi3-ts/oas31';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../templates/crud/db.js';
import { compileComponentSchemas, schemaErrors, toJson } from '../../helpers/json-schema.js';
import { typecheck } from '../../helpers/typecheck.js';
import { engines, suiteDatabase, type GeneratedAdapters } from './engines.js';
import { generateProject, PROJECT_COMPILE_TIMEOUT } from './generated-project.js';

type Row = Record<string, unknown>;
interface Repo {
  create(input: Row): Promise<Row>;
  update(key: unknown, patch: Row): Promise<Row | undefined>;
  findById(key: unknown): Promise<Row | undefined>;
}
interface Modules extends GeneratedAdapters {
  createRepositories(db: Db): { people: Repo; teams: Repo; accounts: Repo; owners: Repo };
  isPersonCreate(value: unknown): boolean;
  isPersonUpdate(value: unknown): boolean;
  isAccountCreate(value: unknown): boolean;
  isAccountUpdate(value: unknown): boolean;
  ValidationError: new (...args: never[]) => Error & { issues: Array<{ path: string; code: string }> };
}

const project = await generateProject('nullable-inputs');
const lib = await project.load<Modules>('index.ts');
const document = JSON.parse(readFileSync(join(project.root, 'generated/openapi.json'), 'utf8')) as OpenAPIObject;
const schema = compileComponentSchemas(document);

/** Each entity's columns that may hold NULL, a value for each, and the columns that may not. */
const PERSON_NULLABLE = ['nickname', 'bio', 'motto', 'alias', 'age', 'born', 'seen', 'tags', 'teamId', 'mentorId'];
const ACCOUNT_NULLABLE = ['note', 'nick', 'label', 'score', 'ownerId'];
const nulls = (fields: readonly string[]): Row => Object.fromEntries(fields.map((field) => [field, null]));
const personValues = (teamId: unknown): Row => ({
  nickname: 'Ada',
  bio: 'Counts',
  motto: 'Onward',
  alias: 'AL',
  age: 36,
  born: new Date('1815-12-10T00:00:00.000Z'),
  seen: new Date('1852-11-27T00:00:00.000Z'),
  tags: ['math'],
  teamId,
  mentorId: teamId,
});
const accountValues = (ownerId: unknown): Row => ({ note: 'n', nick: 'k', label: 'l', score: 7, ownerId });

describe.each([
  { name: 'Person', nullable: PERSON_NULLABLE, required: { name: 'Ada' }, notNull: 'name' },
  { name: 'Account', nullable: ACCOUNT_NULLABLE, required: { handle: 'ada' }, notNull: 'handle' },
])('$name: validators and OpenAPI request schemas agree with the types', ({ name, nullable, required, notNull }) => {
  const is = (shape: 'Create' | 'Update') => (lib as unknown as Record<string, (value: unknown) => boolean>)[`is${name}${shape}`]!;

  it.each(['Create', 'Update'] as const)('%s takes null for each column that may hold NULL', (shape) => {
    const check = schema(`${name}${shape}`)!;
    for (const field of nullable) {
      const input = { ...required, [field]: null };
      expect(is(shape)(input), `${shape} validator, ${field}: null`).toBe(true);
      expect(check(toJson(input)), `${name}${shape} schema, ${field}: null: ${schemaErrors(check)}`).toBe(true);
    }
    const all = { ...required, ...nulls(nullable) };
    expect(is(shape)(all)).toBe(true);
    expect(check(toJson(all)), schemaErrors(check)).toBe(true);
  });

  it.each(['Create', 'Update'] as const)('%s refuses null where the column is NOT NULL', (shape) => {
    const input = { ...required, [notNull]: null };
    expect(is(shape)(input)).toBe(false);
    expect(schema(`${name}${shape}`)!(toJson(input))).toBe(false);
  });
});

it('compiles under tsc --strict with a usage file: null clears a nullable column, and is no value of a NOT NULL one', async () => {
  expect(await typecheck(project.root, ['models/**/*.ts', 'generated/**/*.ts', 'usage.ts'])).toBe('');
}, PROJECT_COMPILE_TIMEOUT);

describe.each(await engines())('null clears a column on $name', (engine) => {
  const database = suiteDatabase(engine, () => lib, () => project.schema(engine.dialect), ['people', 'teams', 'account', 'owner']);
  let repositories: ReturnType<Modules['createRepositories']>;
  beforeEach(() => {
    repositories = lib.createRepositories(database.db);
  });

  it('Person: create with null, update to null, read back null (an optional property, | null, | undefined, relations)', async () => {
    const { people, teams } = repositories;
    const team = await teams.create({ name: 'Analytical' });
    const empty = await people.create({ name: 'Ada', ...nulls(PERSON_NULLABLE) });
    expect(empty).toEqual({ id: empty['id'], name: 'Ada', ...nulls(PERSON_NULLABLE) });
    expect(await people.findById(empty['id'])).toEqual(empty);

    const full = await people.create({ name: 'Ada', ...personValues(team['id']) });
    expect(full).toMatchObject(personValues(team['id']));
    const cleared = await people.update(full['id'], nulls(PERSON_NULLABLE));
    expect(cleared).toEqual({ id: full['id'], name: 'Ada', ...nulls(PERSON_NULLABLE) });
    expect(await people.findById(full['id'])).toEqual(cleared);
  });

  it('Account (TypeORM nullable: true, @IsOptional(), a nullable relation): create with null, update to null, read back null', async () => {
    const { accounts, owners } = repositories;
    const owner = await owners.create({ name: 'Ada' });
    const empty = await accounts.create({ handle: 'a', ...nulls(ACCOUNT_NULLABLE) });
    expect(await accounts.findById(empty['id'])).toEqual({ id: empty['id'], handle: 'a', ...nulls(ACCOUNT_NULLABLE) });

    const full = await accounts.create({ handle: 'b', ...accountValues(owner['id']) });
    expect(full).toMatchObject(accountValues(owner['id']));
    await accounts.update(full['id'], nulls(ACCOUNT_NULLABLE));
    expect(await accounts.findById(full['id'])).toEqual({ id: full['id'], handle: 'b', ...nulls(ACCOUNT_NULLABLE) });
  });

  it('refuses null for a NOT NULL column with a ValidationError naming it, before the database', async () => {
    const { people, accounts } = repositories;
    await expect(people.create({ name: null })).rejects.toMatchObject({ issues: [{ path: '/name' }] });
    const ada = await people.create({ name: 'Ada' });
    await expect(people.update(ada['id'], { name: null })).rejects.toBeInstanceOf(lib.ValidationError);
    await expect(accounts.create({ handle: null })).rejects.toBeInstanceOf(lib.ValidationError);
  });
});
