/** Names of the functions generated for a declaration and a service. */
import type { Declaration } from '../../../model/types.js';

export interface MockFunctionNames {
  mock: string;
  list: string;
  random: string;
}

/**
 * `mockBook`, `mockBookList`, and `randomBook` (the seeded builder other mocks call): the names a
 * declaration's functions have unless `mockNaming` names its list builder otherwise.
 */
export function declarationFunctionNames(name: string): MockFunctionNames {
  return { mock: `mock${name}`, list: `mock${name}List`, random: `random${name}` };
}

/** A list builder not named `mock${T}List`, and why: each name passed over with the type whose mock it is. */
export interface RenamedList {
  list: string;
  passed: Array<{ name: string; mockOf: string }>;
}

/** The function names of every mocked declaration of a run. */
export interface MockNaming {
  /** The functions of the mocked declaration named `name` (`declarationFunctionNames` but for a renamed list builder). */
  functions(name: string): MockFunctionNames;
  /** The list builders named otherwise, by their declaration's name, sorted by it. */
  readonly renamed: ReadonlyMap<string, RenamedList>;
  /** A text that changes exactly when some list builder's name does (part of the plan memo's key). */
  readonly key: string;
}

/**
 * How the list builders of the mocked declarations (`mocked`: all of a run, every file) are named.
 * `mock${T}List` unless a mocked type `${T}List` has that name for its own mock (Stripe's
 * `CustomerList` beside `Customer`, Graph's `RoomList` beside `Room`): then `mock${T}Array`, else
 * `mock${T}Items`, else `mock${T}List2`, `mock${T}List3`… The first that is no mocked type's mock.
 *
 * Order free: a name is passed over only for the mock of a type (`mock${X}`), never for another
 * list builder, so each choice reads the set of mocked names alone. And two list builders never
 * meet: `mock${T}Array`, `mock${T}Items` and `mock${T}List${n}` (n digits only) each give `T` back.
 */
export function mockNaming(mocked: readonly Declaration[]): MockNaming {
  const mockOf = new Map(mocked.map((declaration) => [declarationFunctionNames(declaration.name).mock, declaration.name]));
  const renamed = new Map<string, RenamedList>();
  for (const name of mocked.map((declaration) => declaration.name).sort()) {
    const first = declarationFunctionNames(name).list;
    if (!mockOf.has(first)) continue;
    const passed: RenamedList['passed'] = [];
    let list = first;
    for (let n = 0; mockOf.has(list); n += 1) {
      passed.push({ name: list, mockOf: mockOf.get(list)! });
      list = n === 0 ? `mock${name}Array` : n === 1 ? `mock${name}Items` : `mock${name}List${n}`;
    }
    renamed.set(name, { list, passed });
  }
  const key = [...renamed].map(([name, { list }]) => `${name}\u0001${list}`).join('\u0002');
  return {
    functions(name) {
      const names = declarationFunctionNames(name);
      const other = renamed.get(name);
      return other ? { ...names, list: other.list } : names;
    },
    renamed,
    key,
  };
}

/** The sentence a renamed list builder's doc comment adds: why it is not `mock${T}List`. */
export function renamedListSentence(renamed: RenamedList): string {
  const reasons = renamed.passed.map(({ name, mockOf }) => `\`${name}\` is the mock of the type \`${mockOf}\``);
  return `Named \`${renamed.list}\`, not \`${renamed.passed[0]!.name}\`: ${reasons.join(', ')}.`;
}

/** `createBookServiceMock` and its result type `BookServiceMock`. */
export function serviceMockNames(name: string): { create: string; type: string } {
  return { create: `create${name}Mock`, type: `${name}Mock` };
}
