/**
 * An openapi fixture built with validate, mock and openapi (compiled under tsc --strict), with
 * what the tests of a type's JSON form ask of it: whether the document's schema accepts a
 * value's JSON (`JSON.stringify`, which calls toJSON and leaves out private slots), and which
 * mocks fail the validators or the schema.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { buildCase, type BuiltCase } from '../type-forms/helpers.js';

export interface JsonFixture {
  built: BuiltCase;
  /** Whether the document's schema of `type` accepts the JSON of `value`. */
  schemaAccepts(type: string, value: unknown): boolean;
  /** Mocks over 100 seeds that the validators reject, or whose JSON the schema rejects. */
  failingMocks(type: string): string[];
}

/** Builds `test/fixtures/openapi/<name>`. */
export async function buildJsonFixture(name: string): Promise<JsonFixture> {
  // buildCase reads analyzer fixtures; these cases are the openapi fixtures beside them.
  const built = await buildCase(`../openapi/${name}`);
  const ajv = new Ajv2020({ strict: false });
  ajv.addSchema({ $id: name, components: built.document.components });
  const schemaAccepts = (type: string, value: unknown) =>
    ajv.getSchema(`${name}#/components/schemas/${type}`)!(JSON.parse(JSON.stringify(value))) as boolean;
  const failingMocks = (type: string) => {
    const failures: string[] = [];
    for (let seed = 0; seed < 100; seed += 1) {
      const value = built.mock(type, seed);
      if (!built.validators(type).accepts(value)) failures.push(`seed ${seed}: ${built.validators(type).issues(value).join(', ')}`);
      else if (!schemaAccepts(type, value)) failures.push(`seed ${seed}: the schema rejects ${JSON.stringify(value)}`);
    }
    return failures;
  };
  return { built, schemaAccepts, failingMocks };
}
