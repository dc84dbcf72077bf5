/**
 * Names made up from a user's name (crud's `UserCreate`, sql's `UserRow`, mock's `PayMock`) that a
 * type of the project already has are refused with a CG5001 at the entity or service (tester s9
 * T15): emitted, they were exported twice (the barrel's TS2308) or declared beside the imported type
 * (TS2440). openapi resources refuses its schema names by the same rule.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../../../src/index.js';
import { makeProject, removeProject } from '../../helpers/workspace.js';

const CONFIG = 'input: [models/**/*.ts]\noutput: generated\ngenerators:\n  validate: {}\n  mock: {}\n  sql: {}\n  crud: {}\n';

const MODELS = `/** @entity */
export interface User {
  id: number;
  name: string;
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
      "models/model.ts:2 crud for User: the generated name UserKey is already a type's name.",
      "models/model.ts:2 crud for User: the generated name UserRepository is already a type's name.",
      "models/model.ts:2 crud for User: the generated name UserUpdate is already a type's name.",
      "models/model.ts:2 sql for User: the generated name UserRow is already a type's name.",
      "models/model.ts:29 mock for service Pay: the generated name PayMock is already a type's name.",
    ]);
    expect(result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error' && diagnostic.code !== 'CG5001')).toEqual([]);
  }, 60_000);
});
