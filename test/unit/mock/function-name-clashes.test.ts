/**
 * Two user types whose generated functions would share a name (tester s11 T3): `Foo` beside
 * `FooList` gave two `mockFooList` (Foo's list builder `mockFooList(count)` and FooList's own
 * mock), TS2323 in one file and TS2308 in the barrel across files, with no diagnostic; then (f4fbebf)
 * a CG5001 error, which refused real models (Stripe's `CustomerList`, Microsoft Graph's `RoomList`,
 * `BrowserSiteList`, `TodoTaskList`). Now Foo's list builder is `mockFooArray` (else `mockFooItems`,
 * else `mockFooList2`…, the first that is no mocked type's mock), whatever the files' order, its doc
 * comment saying why; such projects generate, compile under tsc --strict, and the renamed builder
 * gives valid Foos. Names that only look alike (validate's `isT`, `validateT`, `assertT`,
 * `collectTIssues`, `coerceT`; mock's `randomT`, `createSMock`, `SMock`) meet no other type's.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../../../src/index.js';
import { mockNaming } from '../../../src/generators/mock/compile/function-names.js';
import type { Declaration } from '../../../src/model/types.js';
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

type Generated = Record<string, (...args: unknown[]) => unknown>;

/** The generated barrel, loaded (vitest compiles the TypeScript). */
async function barrel(root: string): Promise<Generated> {
  return (await import(pathToFileURL(join(root, 'generated/index.ts')).href)) as Generated;
}

/** The exported functions a generated file declares, by name. */
function declaredFunctions(root: string, file: string): string[] {
  return [...readFileSync(join(root, 'generated', file), 'utf8').matchAll(/^export function (\w+)/gm)].map((match) => match[1]!);
}

/** Checks `count` items of a list builder: as many as asked, each valid, the same for one seed. */
function checkList(exports: Generated, list: string, type: string, count: number): void {
  const items = exports[list]!(count, { seed: 7 }) as unknown[];
  expect(items).toHaveLength(count);
  for (const item of items) expect(exports[`is${type}`]!(item), `${list} gives a ${type}: ${JSON.stringify(item)}`).toBe(true);
  expect(exports[list]!(count, { seed: 7 })).toEqual(items);
}

const STRIPE = `/** @codegen mock validate */
export interface Customer {
  id: string;
}
export interface List<T> {
  data: T[];
  has_more: boolean;
}
/** @codegen mock validate */
export type CustomerList = List<Customer>;
`;

describe("a list builder another mocked type's mock would name", () => {
  it('is mockTArray in one file (Stripe naming: CustomerList = List<Customer>), which compiles, is callable and gives valid Ts', async () => {
    const { root, result, clashes } = await generated('mock-list-renamed', {
      'models/stripe.ts': STRIPE,
      'usage.ts': `import type { Customer, CustomerList } from './models/stripe.js';
import { mockCustomer, mockCustomerArray, mockCustomerList, mockCustomerListList } from './generated/index.js';

const one: Customer = mockCustomer();
const customers: Customer[] = mockCustomerArray(3);
const page: CustomerList = mockCustomerList({ has_more: true });
const pages: CustomerList[] = mockCustomerListList(2, { seed: 1 });
export const all = [one, customers, page, pages];
`,
    });
    expect(clashes).toEqual([]);
    expect(result.diagnostics.filter((entry) => entry.severity === 'error')).toEqual([]);
    expect(result.exitCode).toBe(0);
    expect(declaredFunctions(root, 'stripe.mock.ts')).toEqual(['mockCustomer', 'mockCustomerArray', 'randomCustomer', 'mockCustomerList', 'mockCustomerListList', 'randomCustomerList']);
    const text = readFileSync(join(root, 'generated/stripe.mock.ts'), 'utf8');
    expect(text).toContain('Named `mockCustomerArray`, not `mockCustomerList`: `mockCustomerList` is the mock of the type `CustomerList`.');
    // CustomerList's own list builder keeps its name: the doc comment says why only where one was renamed.
    expect(text.match(/Named `/g)).toHaveLength(1);
    expect(await typecheck(root, ['models', 'generated', 'usage.ts'])).toBe('');
    const exports = await barrel(root);
    checkList(exports, 'mockCustomerArray', 'Customer', 5);
    checkList(exports, 'mockCustomerListList', 'CustomerList', 3);
    expect(exports.isCustomerList!(exports.mockCustomerList!())).toBe(true);
  }, 120_000);

  it('is renamed across files (the barrel exports mockOrderList once), also when the list type is only reached, whatever the files\' order', async () => {
    const order = '/** @codegen mock validate */\nexport interface Order {\n  id: string;\n}\n';
    const page = (from: string) =>
      `import type { Order } from './${from}.js';\n\nexport interface OrderList {\n  items: Order[];\n  total: number;\n}\n\n/** @codegen mock validate */\nexport interface Page {\n  orders: OrderList;\n}\n`;
    // Order's file first, then last: the names do not follow the order the files are met in.
    for (const [orderFile, pageFile] of [['a', 'b'], ['z', 'b']] as const) {
      const { root, result, clashes } = await generated(`mock-list-renamed-files-${orderFile}`, { [`models/${orderFile}.ts`]: order, [`models/${pageFile}.ts`]: page(orderFile) });
      expect(clashes).toEqual([]);
      expect(result.exitCode).toBe(0);
      expect(declaredFunctions(root, `${orderFile}.mock.ts`)).toEqual(['mockOrder', 'mockOrderArray', 'randomOrder']);
      expect(declaredFunctions(root, `${pageFile}.mock.ts`)).toEqual(['mockOrderList', 'mockOrderListList', 'randomOrderList', 'mockPage', 'mockPageList', 'randomPage']);
      expect(await typecheck(root, ['models', 'generated'])).toBe('');
      const exports = await barrel(root);
      checkList(exports, 'mockOrderArray', 'Order', 4);
      expect(exports.isOrderList!(exports.mockOrderList!())).toBe(true);
    }
  }, 240_000);

  it("passes over mockTArray, mockTItems and numbered names other mocked types take, and leaves a list type's own builder alone", async () => {
    const other = (name: string) => `/** @codegen mock validate */\nexport interface ${name} {\n  ${name.charAt(0).toLowerCase()}${name.slice(1)}: number;\n}\n`;
    const { root, result, clashes } = await generated('mock-list-renamed-chain', {
      'models/room.ts': '/** @codegen mock validate */\nexport interface Room {\n  /** @minLength 1 */\n  name: string;\n}\n',
      'models/others.ts': ['RoomList', 'RoomArray', 'RoomItems', 'RoomList2', 'RoomListList'].map(other).join('\n'),
    });
    expect(clashes).toEqual([]);
    expect(result.exitCode).toBe(0);
    expect(declaredFunctions(root, 'room.mock.ts')).toEqual(['mockRoom', 'mockRoomList3', 'randomRoom']);
    expect(readFileSync(join(root, 'generated/room.mock.ts'), 'utf8')).toContain(
      ' * Named `mockRoomList3`, not `mockRoomList`: `mockRoomList` is the mock of the type `RoomList`, `mockRoomArray` is the mock of the type `RoomArray`, ' +
        '`mockRoomItems` is the mock of the type `RoomItems`, `mockRoomList2` is the mock of the type `RoomList2`.\n',
    );
    // RoomList's builder would be mockRoomListList, RoomListList's mock: mockRoomListArray; the others keep theirs.
    expect(declaredFunctions(root, 'others.mock.ts')).toEqual(
      ['RoomList', 'RoomArray', 'RoomItems', 'RoomList2', 'RoomListList'].flatMap((name) => [`mock${name}`, name === 'RoomList' ? 'mockRoomListArray' : `mock${name}List`, `random${name}`]),
    );
    expect(await typecheck(root, ['models', 'generated'])).toBe('');
    checkList(await barrel(root), 'mockRoomList3', 'Room', 3);
  }, 120_000);

  it('names each builder from the set of mocked names alone: the same for every order of the declarations', () => {
    const names = ['Room', 'RoomList', 'RoomArray', 'Foo', 'FooList', 'FooListList', 'Bar', 'BarItems', 'BarArray', 'BarList', 'BarList2', 'Baz'];
    const naming = (order: string[]) => {
      const result = mockNaming(order.map((name) => ({ name }) as Declaration));
      return { key: result.key, lists: Object.fromEntries(names.map((name) => [name, result.functions(name).list])) };
    };
    const expected = naming(names);
    expect(expected.lists).toEqual({
      Room: 'mockRoomItems',
      RoomList: 'mockRoomListList',
      RoomArray: 'mockRoomArrayList',
      Foo: 'mockFooArray',
      FooList: 'mockFooListArray',
      FooListList: 'mockFooListListList',
      Bar: 'mockBarList3',
      BarItems: 'mockBarItemsList',
      BarArray: 'mockBarArrayList',
      BarList: 'mockBarListList',
      BarList2: 'mockBarList2List',
      Baz: 'mockBazList',
    });
    for (let shift = 1; shift < names.length; shift++) expect(naming([...names.slice(shift), ...names.slice(0, shift)])).toEqual(expected);
    expect(naming([...names].reverse())).toEqual(expected);
    // Every function name of the run once.
    const all = names.flatMap((name) => Object.values(mockNaming(names.map((each) => ({ name: each }) as Declaration)).functions(name)));
    expect(new Set(all).size).toBe(all.length);
  });

  it('is mockTList where no mocked type takes it (names that only look alike): such projects generate and compile under tsc --strict', async () => {
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
    // BarList is not mocked, FooList is no type: Foo's and Bar's builders keep their names.
    expect(declaredFunctions(root, 'a.mock.ts')).toEqual(expect.arrayContaining(['mockFooList', 'mockBarList', 'mockFooListList', 'mockFooListListList']));
    expect(readFileSync(join(root, 'generated/a.mock.ts'), 'utf8')).not.toContain('Named `');
    expect(await typecheck(root, ['models', 'generated'])).toBe('');
  }, 120_000);
});
