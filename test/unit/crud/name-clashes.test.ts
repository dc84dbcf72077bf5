/**
 * Names made up from a user's name (crud's `UserCreate`, sql's `UserRow`, mock's `PayMock`) that a
 * type of the project already has are refused with a CG5001 at the entity or service (tester s9
 * T15): emitted, they were exported twice (the barrel's TS2308) or declared beside the imported type
 * (TS2440). openapi resources refuses its schema names by the same rule. Only names that really
 * clash are refused (recheck s9 R8): a `UserRepository` or `UserKey` interface, and a `BookRow`
 * no column uses, generate and compile under tsc --strict.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../../../src/index.js';
import { checkProject } from '../../helpers/tsc.js';
import { makeProject, removeProject } from '../../helpers/workspace.js';

const CONFIG = 'input: [models/**/*.ts]\noutput: generated\ngenerators:\n  validate: {}\n  mock: {}\n  sql: {}\n  crud: {}\n';

const MODELS = `/** @entity */
export interface User {
  id: number;
  name: string;
  /** A column whose type prints the user's UserRow: the table module imports it beside its own UserRow. */
  recent: Page<UserRow>;
}

export interface Page<T> {
  items: T[];
}

/** A request DTO many apps already have. */
export interface UserCreate {
  name: string;
  password: string;
}
export interface UserUpdate {
  name?: string;
}
export interface UserKey {
  id: number;
}
export interface UserRepository {
  url: string;
}
export interface UserRow {
  cells: string[];
}
export interface BookRow {
  isbn: string;
}
export interface PayMock {
  m: string;
}

/** @service /pay */
export interface Pay {
  /** @http GET /{id} */
  get(id: string): Promise<PayMock>;
}
`;

const created: string[] = [];
afterAll(() => created.forEach(removeProject));

describe('generated names a type already has', () => {
  it('are CG5001 at the entity (crud, sql) and the service (mock), and nothing else is refused', async () => {
    const root = makeProject('name-clashes', { 'codegen.config.yaml': CONFIG, 'models/model.ts': MODELS });
    created.push(root);
    const result = await generate({ cwd: root, format: false });
    expect(result.exitCode).not.toBe(0);
    const clashes = result.diagnostics
      .filter((diagnostic) => diagnostic.code === 'CG5001')
      .map(({ file, line, message }) => `${file}:${line} ${message}`)
      .sort();
    expect(clashes).toEqual([
      "models/model.ts:2 crud for User: the generated name UserCreate is already a type's name.",
      "models/model.ts:2 crud for User: the generated name UserUpdate is already a type's name.",
      "models/model.ts:2 sql for User: the generated name UserRow is already a type's name.",
      "models/model.ts:38 mock for service Pay: the generated name PayMock is already a type's name.",
    ]);
    expect(result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error' && diagnostic.code !== 'CG5001')).toEqual([]);
  }, 60_000);

  it('leave names that meet nothing alone: UserKey, UserRepository and an unused BookRow compile', async () => {
    const root = makeProject('name-clashes-kept', { 'codegen.config.yaml': CONFIG, 'models/model.ts': KEPT });
    created.push(root);
    writeFileSync(join(root, 'package.json'), '{ "type": "module", "private": true }');
    writeFileSync(join(root, 'tsconfig.json'), JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, skipLibCheck: true, noEmit: true }, include: ['models', 'generated'] }));
    const result = await generate({ cwd: root, format: false });
    expect(result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
    expect(result.exitCode).toBe(0);
    expect(await checkProject(join(root, 'tsconfig.json'), root)).toBe('');
  }, 120_000);
});

/** Types named like crud's key (held by a column) and repository, and sql's row (no column holds it). */
const KEPT = `/** @entity */
export interface User {
  id: number;
  name: string;
  key: UserKey;
}
/** @entity */
export interface Book {
  id: number;
  title: string;
  /** @relation */
  author: User;
}
/** The usual NestJS/TypeORM custom repository name. */
export interface UserRepository {
  findAll(): Promise<User[]>;
}
export interface UserKey {
  id: number;
}
export interface BookRow {
  isbn: string;
}
`;
