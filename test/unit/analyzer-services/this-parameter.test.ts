/**
 * TypeScript's `this` parameter (`get(this: void, id: string)`) types the receiver and takes no
 * argument: it is no parameter of the operation (tester8 F13: it was a required query parameter
 * named `this`, and the generated client did not compile), and the parameters after it keep
 * their own types.
 */
import { describe, expect, it } from 'vitest';
import { analyzeSources } from '../openapi/helpers.js';

const SOURCE = `export interface Item { id: string }
/** @service /items */
export interface ItemService {
  /** @http GET /{id} */
  get(this: void, id: string, limit?: number): Promise<Item>;
}
`;

describe('a this parameter on an operation', () => {
  it('is left out; the parameters after it keep their types', () => {
    const { model, diagnostics } = analyzeSources({ 'items.ts': SOURCE });
    expect(diagnostics).toEqual([]);
    const operation = model.services[0]!.operations[0]!;
    expect(operation.parameters.map((parameter) => `${parameter.name} ${parameter.in} ${parameter.type.kind}`)).toEqual(['id path string', 'limit query number']);
  });
});
