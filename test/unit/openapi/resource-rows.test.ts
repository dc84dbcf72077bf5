/**
 * With `resources: true` every answer is `<Entity>Row`, what crud's repositories return (tester
 * s9 T11): before, the answers were the entity schemas, which require the relation objects
 * (`team`, `members`) and know no `teamId`, so no row of an entity with a relation matched its
 * documented response. The fixture `resource-rows` is generated as a project (crud + openapi);
 * rows are created through the generated repositories on SQLite and PGlite, serialised as a server
 * sends them (`JSON.stringify`, a bigint as its decimal string: docs/openapi.md "Bigints"), and
 * checked with ajv 2020 (+ formats) against the response schema of the operation that answers them.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { OpenAPIObject, OperationObject, SchemaObject } from 'openapi3-ts/oas31';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../../src/index.js';
import { openPglite, openSqlite } from '../../helpers/databases.js';
import { REPO_ROOT, TMP_ROOT } from '../../helpers/paths.js';
import type { Db } from '../../../templates/crud/db.js';
import { expectValidDocument } from './helpers.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const FIXTURE = resolve('test/fixtures/openapi/resource-rows');
const DOCUMENT_ID = 'https://codegen.test/openapi.json';

type Row = Record<string, unknown>;
interface Repository {
  create(input: Row): Promise<Row>;
  findById(key: unknown): Promise<Row | undefined>;
  findMany(query?: Row): Promise<Row[]>;
  update(key: unknown, patch: Row): Promise<Row | undefined>;
  delete(key: unknown): Promise<boolean>;
}
interface Generated {
  createRepositories(db: Db): { teams: Repository; members: Repository; loans: Repository };
  sqliteDb(driver: never): Db;
  pgliteDb(driver: never): Db;
}

let root: string;
let generated: Generated;
let document: OpenAPIObject;
const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));

beforeAll(async () => {
  mkdirSync(TMP_ROOT, { recursive: true });
  root = mkdtempSync(join(TMP_ROOT, 'openapi-resource-rows-'));
  cpSync(FIXTURE, root, { recursive: true });
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
  const result = await generate({ cwd: root, format: false });
  if (result.exitCode !== 0) throw new Error(result.diagnostics.map((d) => `${d.file}:${d.line} ${d.code} ${d.message}`).join('\n'));
  generated = (await import(join(root, 'generated', 'index.ts'))) as Generated;
  document = JSON.parse(readFileSync(join(root, 'generated', 'openapi.json'), 'utf8')) as OpenAPIObject;
  ajv.addSchema({ $id: DOCUMENT_ID, components: document.components });
});

/** The schema an operation answers `status` with, its `$ref`s pointing into the document. */
function answerSchema(operationId: string, status: string): SchemaObject {
  const operation = Object.values(document.paths ?? {})
    .flatMap((item) => Object.values(item as Record<string, OperationObject>))
    .find((candidate) => candidate.operationId === operationId);
  const response = operation?.responses?.[status] as { content?: Record<string, { schema: SchemaObject }> } | undefined;
  const schema = response?.content?.['application/json']?.schema;
  if (!schema) throw new Error(`${operationId} has no JSON answer ${status}`);
  return JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', `"${DOCUMENT_ID}#/components/`)) as SchemaObject;
}

/** What a server sends for `value`: its JSON text, a bigint as its decimal string. */
function sent(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (_key, item: unknown) => (typeof item === 'bigint' ? item.toString() : item)));
}

/** The ajv errors of `value` as `operationId` answers it with `status`, as text; '' when it fits. */
function misfit(operationId: string, status: string, value: unknown): string {
  const validate = ajv.compile(answerSchema(operationId, status));
  return validate(sent(value)) ? '' : ajv.errorsText(validate.errors);
}

const ENGINES = [
  { name: 'SQLite (better-sqlite3)', schema: 'schema.sqlite.sql', open: async () => ({ ...openSqlite(), adapter: 'sqliteDb' as const }) },
  { name: 'PGlite', schema: 'schema.postgres.sql', open: async () => ({ ...(await openPglite()), adapter: 'pgliteDb' as const }) },
];

describe('the resource document', () => {
  it('is valid OpenAPI 3.1, and every answer of a resource is its <Entity>Row', async () => {
    await expectValidDocument(document);
    for (const [entity, list] of [['Team', 'listTeams'], ['Member', 'listMembers'], ['Loan', 'listLoans']] as const) {
      const row = { $ref: `${DOCUMENT_ID}#/components/schemas/${entity}Row` };
      expect(answerSchema(list, '200')).toEqual({ type: 'array', items: row });
      for (const [id, status] of [[`create${entity}`, '201'], [`get${entity}`, '200'], [`replace${entity}`, '200'], [`update${entity}`, '200']]) {
        expect(answerSchema(id!, status!), id).toEqual(row);
      }
    }
  });
});

describe.each(ENGINES)('rows from the repositories on $name fit the document', (engine) => {
  let repos: ReturnType<Generated['createRepositories']>;
  let close: () => Promise<void> | void;

  beforeAll(async () => {
    const opened = await engine.open();
    close = opened.close;
    const db = generated[opened.adapter](opened.driver as never);
    await db.exec(readFileSync(join(root, 'generated', engine.schema), 'utf8'));
    repos = generated.createRepositories(db);
  });
  afterAll(async () => close?.());

  it('teams, members and loans: create, get, list, update, each as its operation answers it', async () => {
    const team = await repos.teams.create({ name: 'Core', size: null });
    const member = await repos.members.create({ email: 'ada@example.com', teamId: team.id, balance: 12.34, ratio: 0.5, points: 2n ** 60n + 1n });
    const loner = await repos.members.create({ email: 'bob@example.com', teamId: null });
    const loan = await repos.loans.create({ memberId: member.id, copy: 1, due: '2026-12-24', status: 'open', notes: { text: 'fragile', tags: ['a'] }, guarantorId: loner.id, lentAt: new Date('2026-12-01T10:00:00Z') });
    const bare = await repos.loans.create({ memberId: loner.id, copy: 2, due: '2027-01-02', status: 'returned', notes: null, returnedOn: '2027-01-01', lentAt: new Date('0099-01-01T00:00:00Z') });

    expect(misfit('createTeam', '201', team)).toBe('');
    expect(misfit('createMember', '201', member)).toBe('');
    expect(misfit('createMember', '201', loner)).toBe('');
    expect(misfit('createLoan', '201', loan)).toBe('');
    expect(misfit('createLoan', '201', bare)).toBe('');
    expect(misfit('getTeam', '200', await repos.teams.findById(team.id))).toBe('');
    expect(misfit('getMember', '200', await repos.members.findById(member.id))).toBe('');
    expect(misfit('getLoan', '200', await repos.loans.findById({ memberId: member.id, copy: 1 }))).toBe('');
    expect(misfit('listTeams', '200', await repos.teams.findMany({ limit: 10, offset: 0 }))).toBe('');
    expect(misfit('listMembers', '200', await repos.members.findMany({ limit: 10 }))).toBe('');
    expect(misfit('listLoans', '200', await repos.loans.findMany())).toBe('');
    expect(misfit('updateMember', '200', await repos.members.update(member.id, { teamId: null, ratio: null }))).toBe('');
    expect(misfit('updateTeam', '200', await repos.teams.update(team.id, { size: 3 }))).toBe('');
    // The bigint went out as its exact decimal text, which the schema's pattern takes.
    expect((sent(await repos.members.findById(member.id)) as Row)['points']).toBe('1152921504606846977');
  });

  it('refuses what the rows are not: the row schemas are not vacuous, and the entity schemas were wrong', async () => {
    const team = await repos.teams.create({ name: 'Edge', size: 2 });
    const member = (await repos.members.create({ email: 'cy@example.com', teamId: team.id }))!;
    // The entity schemas (the old answers) require relation objects no row carries.
    const entity = (name: string, value: unknown) => {
      const validate = ajv.compile({ $ref: `${DOCUMENT_ID}#/components/schemas/${name}` });
      return validate(sent(value)) ? '' : ajv.errorsText(validate.errors);
    };
    expect(entity('Team', team)).toMatch(/members/);
    expect(entity('Member', member)).toMatch(/team/);
    // The row schemas hold each field to its stored form.
    const { teamId: _teamId, ...withoutKey } = member;
    expect(misfit('getMember', '200', withoutKey)).toMatch(/teamId/);
    expect(misfit('getMember', '200', { ...member, team })).toBe(''); // an extra key is allowed, as in every object schema
    expect(misfit('getMember', '200', { ...member, points: 5 })).toMatch(/points/);
    expect(misfit('getMember', '200', { ...member, updatedAt: 'yesterday' })).toMatch(/updatedAt/);
    expect(misfit('getTeam', '200', { ...team, id: 7 })).toMatch(/id/);
  });
});
