/**
 * Two user types whose generated functions share a name (tester s11 T3): `Foo` beside `FooList`
 * gave two `mockFooList` (Foo's list builder `mockFooList(count)` and FooList's own mock), TS2323
 * in one file and TS2308 in the barrel across files, with no diagnostic. The pair is now a CG5001
 * error at the `…List` type naming both; names that only look alike (validate's `isT`, `validateT`,
 * `assertT`, `collectTIssues`, `coerceT`; mock's `randomT`, `createSMock`, `SMock`) meet no other
 * type's, and such projects generate and compile under tsc --strict.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../../../src/index.js';
import { typecheck } from '../../helpers/typecheck.js';
import { makeProject, removeProject } from '../../helpers/workspace.js';

const CONFIG = 'input: [models/**/*.ts]\noutput: generated\ngenerators:\n  validate: {}\n  mock: {}\n';

const created: string[] = [];
afterAll(() => created.forEach(removeProject));

async function generated(name: string, files: Record<string, string>) {
  const root = makeProject(name, { 'codegen.config.yaml': CONFIG, ...files });
  created.push(root);
  writeFileSync(join(root, 'package.json'), '{ "type": "module", "private": true }');
  const result = await generate({ cwd: root, format: false });
  const clashes = result.diagnostics.filter((entry) => entry.code === 'CG5001').map(({ file, line, column, message }) => `${file}:${line}:${column} ${message}`);
  return { root, result, clashes };
}

describe('mock functions two types would both name', () => {
  it('are CG5001 at the …List type in one file (Stripe naming: CustomerList = List<Customer>)', async () => {
    const { result, clashes } = await generated('mock-list-clash', {
      'models/stripe.ts': `/** @codegen mock validate */
export interface Customer {
  id: string;
}
export interface List<T> {
  data: T[];
  has_more: boolean;
}
/** @codegen mock validate */
export type CustomerList = List<Customer>;
`,
    });
    expect(result.exitCode).not.toBe(0);
    expect(clashes).toEqual([
      'models/stripe.ts:10:13 mock for CustomerList and mock for Customer both name a function mockCustomerList: the mock of CustomerList and the list builder of Customer (models/stripe.ts:2:18).',
    ]);
    expect(result.diagnostics.find((entry) => entry.code === 'CG5001')?.hint).toMatch(/Rename one of the types \(CustomerList to CustomerPage, say\), or leave one of them out of mock with `@codegen`/);
    expect(result.diagnostics.filter((entry) => entry.severity === 'error' && entry.code !== 'CG5001')).toEqual([]);
  }, 60_000);

  it('are CG5001 across files (the barrel would export mockOrderList twice), also when the list type is only reached', async () => {
    const { result, clashes } = await generated('mock-list-clash-files', {
      'models/a.ts': '/** @codegen mock validate */\nexport interface Order {\n  id: string;\n}\n',
      'models/b.ts': "import type { Order } from './a.js';\n\nexport interface OrderList {\n  items: Order[];\n  total: number;\n}\n\n/** @codegen mock validate */\nexport interface Page {\n  orders: OrderList;\n}\n",
    });
    expect(result.exitCode).not.toBe(0);
    expect(clashes).toEqual(['models/b.ts:3:18 mock for OrderList and mock for Order both name a function mockOrderList: the mock of OrderList and the list builder of Order (models/a.ts:2:18).']);
  }, 60_000);

  it('leave alone names that meet no other type\'s: such projects generate and compile under tsc --strict', async () => {
    const { root, result, clashes } = await generated('mock-list-kept', {
      'models/a.ts': `/** @codegen mock validate */
export interface Foo {
  id: string;
}
/** @codegen mock validate */
export interface FooLists {
  lists: Foo[][];
}
/** @codegen mock validate */
export interface FooListList {
  n: number;
}
/** @codegen mock validate */
export interface ListFoo {
  n: number;
}
/** @codegen mock validate */
export interface RandomFoo {
  n: number;
}
/** @codegen mock validate */
export interface ValidFoo {
  n: number;
}
/** @codegen mock validate */
export interface FooIssues {
  n: number;
}
/** @codegen mock validate */
export interface IsFoo {
  n: number;
}
/** @codegen mock validate */
export interface MockFoo {
  n: number;
}
/** @codegen mock validate */
export interface CreateFoo {
  n: number;
}
/** Left out of mock: only its validators are generated, beside Foo's mockBarList. @codegen validate */
export interface BarList {
  items: Bar[];
}
/** @codegen mock validate */
export interface Bar {
  id: string;
}
`,
    });
    expect(clashes).toEqual([]);
    expect(result.diagnostics.filter((entry) => entry.severity === 'error')).toEqual([]);
    expect(result.exitCode).toBe(0);
    expect(await typecheck(root, ['models', 'generated'])).toBe('');
  }, 120_000);
});
