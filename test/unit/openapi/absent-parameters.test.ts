/**
 * A parameter is `required: true` only when every value of its type is sent as some text
 * (tester3 T-3): the client sends `count([])` as no `tag` at all, since OpenAPI's form style with
 * explode has no text for an empty list (and deepObject none for an empty object), and `null`
 * as nothing; the document required `tag` all the same. Now such a parameter is
 * `required: false`, its description saying that absence means `[]` (or `{}`), and a type that
 * forbids the empty value (`@minItems 1`, a tuple with a required element, an object with a
 * required property) stays required.
 */
import type { ParameterObject } from 'openapi3-ts/oas31';
import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../../src/generators/openapi/index.js';
import { withDefaults } from '../../../src/generators/openapi/options.js';
import { analyzeSources, expectValidDocument } from './helpers.js';

const SOURCE = `
/** @minItems 1 */
export type Tags = string[];
export interface Filters { tags: string[]; q: string; range?: { min?: number } }
export interface User { login: string }

/** @service /things */
export interface ThingService {
  /** @http GET /count */
  count(tag: string[]): Promise<number>;
  /** @http GET /some */
  some(tag: Tags, head: [string, ...string[]], maybe: [string?], note: string | null, word: string): Promise<number>;
  /**
   * @http GET /ranges
   * @query query
   */
  ranges(query: { open: { min?: number }; closed: { min: number }; labels: Record<string, string> }): Promise<number>;
  /**
   * @http GET /search
   * @query filters
   */
  search(filters: Filters): Promise<number>;
  /**
   * @http GET /json
   * @header X-Tags tags
   */
  json(users: User[], tags: string[]): Promise<number>;
}
`;

describe('parameters whose values may be sent as nothing', () => {
  const { model, diagnostics } = analyzeSources({ 'things.ts': SOURCE });
  const document = buildDocument(model, withDefaults({}));
  const parameters = (path: string) => Object.fromEntries(((document.paths![path]!.get!.parameters ?? []) as ParameterObject[]).map((parameter) => [parameter.name, parameter]));
  const required = (path: string) => Object.fromEntries(Object.entries(parameters(path)).map(([name, parameter]) => [name, parameter.required]));

  it('analyses without errors and is valid OpenAPI 3.1', async () => {
    expect(diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
    await expectValidDocument(document);
  });

  it('a list that may be empty is not required, and absence means [] (it was required: true)', () => {
    expect(parameters('/things/count')['tag']).toMatchObject({
      required: false,
      style: 'form',
      explode: true,
      description: 'An empty list is sent as no parameter at all (its style writes one pair per item or property, so none): absence means `[]`.',
    });
  });

  it('stays required where the type forbids the empty value; null is no value', () => {
    expect(required('/things/some')).toEqual({ tag: true, head: true, maybe: false, note: false, word: true });
    expect(parameters('/things/some')['note']!.description).toBeUndefined();
  });

  it('an object that may be empty (deepObject) is not required, one with a required property is', () => {
    expect(required('/things/ranges')).toEqual({ open: false, closed: true, labels: false });
    expect(parameters('/things/ranges')['open']!.description).toBe('An empty object is sent as no parameter at all (its style writes one pair per item or property, so none): absence means `{}`.');
  });

  it('inside a spread query object (@query, @Query()) too', () => {
    expect(required('/things/search')).toEqual({ tags: false, q: true, range: false });
  });

  it('a JSON parameter and a header carry an empty list ([] and an empty value), so they stay required', () => {
    expect(required('/things/json')).toEqual({ users: true, 'X-Tags': true });
  });
});
