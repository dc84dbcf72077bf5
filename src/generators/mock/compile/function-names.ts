/** Names of the functions generated for a declaration and a service. */

export interface MockFunctionNames {
  mock: string;
  list: string;
  random: string;
}

/** `mockBook`, `mockBookList`, and `randomBook` (the seeded builder other mocks call). */
export function declarationFunctionNames(name: string): MockFunctionNames {
  return { mock: `mock${name}`, list: `mock${name}List`, random: `random${name}` };
}

/** `createBookServiceMock` and its result type `BookServiceMock`. */
export function serviceMockNames(name: string): { create: string; type: string } {
  return { create: `create${name}Mock`, type: `${name}Mock` };
}
