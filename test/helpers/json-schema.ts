/**
 * Compiling an OpenAPI document's `components.schemas` with ajv (JSON Schema 2020-12 and
 * ajv-formats) as careful consumers do, and the JSON form of a value as it travels. Shared by the
 * tests that hold generated TypeScript against the document (validators, mocks).
 */
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { OpenAPIObject } from 'openapi3-ts/oas31';

// ajv-formats is CommonJS: under NodeNext its default import is the module object.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

/** Documents registered so far: each gets its own id, so their `$ref`s never meet. */
let documents = 0;
let shared: Ajv2020 | undefined;

/**
 * One ajv for the process: a new one compiles JSON Schema 2020-12's meta-schemas again (~25 ms)
 * before it checks the first document against them, once per document of the property test.
 */
function sharedAjv(): Ajv2020 {
  if (shared) return shared;
  // ownProperties: `required: ["__proto__"]` is met by an own key only, as validators read it (by
  // default ajv reads `data.__proto__`, which every object inherits: property seeds 2026 and 4242).
  shared = new Ajv2020({ strict: false, multipleOfPrecision: 6, allErrors: true, ownProperties: true });
  addFormats(shared);
  // Registry formats ajv-formats lacks: the document writes their range out as bounds.
  for (const name of ['uint32', 'uint64']) shared.addFormat(name, true);
  return shared;
}

/** A compiled component schema: ajv's validate function, its last errors on `errors`. */
export interface SchemaCheck {
  (value: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/**
 * Registers every component schema of `document` (so `$ref`s between them resolve) and returns
 * a lookup of the compiled `#/components/schemas/<name>`, undefined when the document has none.
 * `multipleOfPrecision: 6`: the document's `multipleOf: 0.01` means a decimal step, which binary
 * division would deny to 19.99.
 */
export function compileComponentSchemas(document: OpenAPIObject): (name: string) => SchemaCheck | undefined {
  const ajv = sharedAjv();
  const id = `https://codegen.test/${(documents += 1)}/openapi.json`;
  // Checked against the meta-schema as it is added (ajv's validateSchema), as with a fresh ajv.
  ajv.addSchema({ $id: id, components: document.components }, id);
  return (name) =>
    document.components?.schemas?.[name] === undefined ? undefined : (ajv.getSchema(`${id}#/components/schemas/${name}`) as SchemaCheck);
}

/** ajv's errors as `instancePath message` lines joined by `; `. */
export function schemaErrors(check: SchemaCheck): string {
  return (check.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? error.keyword}`).join('; ');
}

/** The wire form of a value (what `JSON.stringify` sends: `Date`s as ISO strings), bigints as decimal strings (docs/openapi.md#bigints). */
export function toJson(value: unknown): unknown {
  const text = JSON.stringify(value, (_key, entry: unknown) => (typeof entry === 'bigint' ? String(entry) : entry));
  return text === undefined ? undefined : JSON.parse(text);
}
