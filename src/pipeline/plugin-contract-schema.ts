/**
 * The generator contract (`src/generators/kit/contract.ts`) as data a plugin's values are
 * checked against: what a plugin module exports, what its `plan` returns (`PlannedFile`,
 * `PlannedExport`), what `check` returns (`Diagnostic`). TypeScript checks none of it at run
 * time, and a plugin is often plain JavaScript: a field of the wrong type would otherwise travel
 * into the index file, the header or the manifest.
 */
import { posix } from 'node:path';
import { suggest } from '../config/suggest.js';
import { JOURNAL_FILE, MANIFEST_FILE } from '../emit/manifest.js';

/** One value that does not fit: where (`exports[0].name`), what was expected, what came. */
export interface Problem {
  field: string;
  expected: string;
  got: unknown;
  /** Said instead of "got …" (an unknown field's "did you mean"). */
  note?: string;
}

/** Checks a value found at `field`; no problems when it fits. */
export type Check = (value: unknown, field: string) => Problem[];

interface Field {
  check: Check;
  required: boolean;
}

const fail = (field: string, expected: string, got: unknown): Problem[] => [{ field, expected, got }];

/** A string with at least one character. */
export const text =
  (expected = 'a non-empty string'): Check =>
  (value, field) =>
    typeof value === 'string' && value.length > 0 ? [] : fail(field, expected, value);

export const boolean: Check = (value, field) => (typeof value === 'boolean' ? [] : fail(field, 'true or false', value));

export const positiveInteger: Check = (value, field) =>
  Number.isInteger(value) && (value as number) > 0 ? [] : fail(field, 'a positive whole number', value);

export const oneOf =
  (values: readonly string[]): Check =>
  (value, field) =>
    typeof value === 'string' && values.includes(value) ? [] : fail(field, values.map((v) => JSON.stringify(v)).join(' or '), value);

export const fn: Check = (value, field) => (typeof value === 'function' ? [] : fail(field, 'a function', value));

/** Anything: the field is the plugin's own business (an option's default). */
export const anything: Check = () => [];

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

export const plainObject =
  (expected = 'a plain object'): Check =>
  (value, field) =>
    isPlainObject(value) ? [] : fail(field, expected, value);

export const arrayOf =
  (item: Check, expected: string): Check =>
  (value, field) =>
    Array.isArray(value) ? value.flatMap((entry, index) => item(entry, `${field}[${index}]`)) : fail(field, expected, value);

export const either =
  (first: Check, second: Check, expected: string): Check =>
  (value, field) =>
    first(value, field).length === 0 || second(value, field).length === 0 ? [] : fail(field, expected, value);

export const required = (check: Check): Field => ({ check, required: true });
export const optional = (check: Check): Field => ({ check, required: false });

/**
 * An object with exactly these fields: a missing required one, an ill-typed one and an unknown
 * one (a misspelt `indexExport` would otherwise be ignored and change what the index exports)
 * are each a problem. `undefined` counts as absent, as TypeScript's optional fields allow.
 */
export function shape(fields: Record<string, Field>, expected: string): Check {
  return (value, field) => {
    if (!isPlainObject(value)) return fail(field, expected, value);
    const at = (key: string) => (field === '' ? key : `${field}.${key}`);
    const problems: Problem[] = [];
    for (const [key, rule] of Object.entries(fields)) {
      const entry = value[key];
      if (entry === undefined) {
        if (rule.required) problems.push({ field: at(key), expected: describeExpected(rule.check), got: undefined });
      } else problems.push(...rule.check(entry, at(key)));
    }
    for (const key of Object.keys(value)) {
      if (key in fields) continue;
      const alternative = suggest(key, Object.keys(fields));
      problems.push({ field: at(key), expected: '', got: value[key], note: `is not a field of the contract${alternative ? `; did you mean "${alternative}"?` : ''}` });
    }
    return problems;
  };
}

/** What a check expects, found by asking it about a value nothing accepts. */
function describeExpected(check: Check): string {
  return check(Symbol('missing'), '')[0]?.expected ?? 'a value';
}

const IDENTIFIER = /^[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*$/u;

export const identifier: Check = (value, field) =>
  typeof value === 'string' && IDENTIFIER.test(value) ? [] : fail(field, 'a JavaScript identifier', value);

/**
 * A generator's name as `generators:` and `@codegen gen1 gen2` (or `gen1,gen2`) write it: a letter,
 * then letters, digits, `-` and `_` (`svc-doc`, `svcDoc`), never a space or a comma.
 */
const GENERATOR_NAME = /^[A-Za-z][A-Za-z0-9_-]*$/;
const generatorName: Check = (value, field) =>
  typeof value === 'string' && GENERATOR_NAME.test(value) ? [] : fail(field, 'a generator name: a letter, then letters, digits, "-" or "_" ("svc-doc"), as `@codegen` can write it', value);

/** What `export { … } from` in index.ts accepts: `Name`, `type Name`, `Name as Alias`. */
export const exportSpecifier: Check = (value, field) => {
  const parts = typeof value === 'string' ? /^(?:type\s+)?(\S+)(?:\s+as\s+(\S+))?$/.exec(value.trim()) : null;
  const valid = parts !== null && IDENTIFIER.test(parts[1] ?? '') && (parts[2] === undefined || IDENTIFIER.test(parts[2]));
  return valid ? [] : fail(field, 'an export name ("Book", "type Book" or "Book as Volume")', value);
};

/**
 * A path inside the output folder, as a plan gives it: POSIX, relative, no `.`/`..` segment,
 * no empty segment, no control character, and never the folder's own bookkeeping files.
 */
export const outputPath: Check = (value, field) => {
  const expected = 'a relative POSIX path inside the output folder ("models/book.names.ts")';
  if (typeof value !== 'string' || value.length === 0) return fail(field, expected, value);
  const segments = value.split('/');
  const badSegment = segments.some((segment) => segment === '' || segment === '.' || segment === '..');
  if (badSegment || value.includes('\\') || /\p{Cc}/u.test(value) || posix.isAbsolute(value)) return fail(field, expected, value);
  const name = segments[segments.length - 1]!.toLowerCase();
  if (name === MANIFEST_FILE || name === JOURNAL_FILE) return fail(field, `a path other than codegen's own ${MANIFEST_FILE} and ${JOURNAL_FILE}`, value);
  return [];
};

/** A template file name inside the generator's templates folder. */
export const templateName: Check = (value, field) => {
  const fits = typeof value === 'string' && value.length > 0 && !value.includes('\\') && !posix.isAbsolute(value) && !value.split('/').includes('..');
  return fits ? [] : fail(field, 'a template file name inside templatesDir ("file.hbs")', value);
};

export const PLANNED_EXPORT = shape(
  {
    name: required(identifier),
    role: required(text()),
    declaration: optional(text('a declaration id')),
    service: optional(text('a service id')),
    typeOnly: optional(boolean),
  },
  'an object { name, role, declaration?, service?, typeOnly? }',
);

export const PLANNED_FILE = shape(
  {
    path: required(outputPath),
    template: required(templateName),
    data: required(plainObject('a plain object (what the template sees)')),
    source: required(text('a non-empty string (the source file or config file named in the header)')),
    indexExports: optional(arrayOf(exportSpecifier, 'an array of export names (["Book", "type Book"]), or [] for none')),
    exports: optional(arrayOf(PLANNED_EXPORT, 'an array of { name, role, … } objects')),
  },
  'an object { path, template, data, source, indexExports?, exports? }',
);

export const DIAGNOSTIC = shape(
  {
    code: required(text()),
    severity: required(oneOf(['error', 'warning'])),
    message: required(text()),
    file: optional(text()),
    line: optional(positiveInteger),
    column: optional(positiveInteger),
    hint: optional(text()),
    stack: optional(text()),
  },
  'a diagnostic { code, severity, message, file?, line?, column?, hint? }',
);

const USES = arrayOf(text('a generator name'), 'an array of generator names');

export const GENERATOR_OPTION = shape(
  {
    name: required(text()),
    description: required(text('a string')),
    schema: required(plainObject('a JSON Schema object')),
    default: optional(anything),
  },
  'an option { name, description, schema, default? }',
);

/** A plugin module's generator definition (`description` and `options` may be left out). */
export const GENERATOR_DEFINITION = shape(
  {
    name: required(generatorName),
    description: optional(text('a string')),
    options: optional(arrayOf(GENERATOR_OPTION, 'an array of options')),
    templatesDir: required(text('the absolute path of the templates folder')),
    namesFilesByPattern: optional(boolean),
    helpers: optional((value, field) => (isPlainObject(value) ? Object.entries(value).flatMap(([name, helper]) => fn(helper, `${field}.${name}`)) : fail(field, 'an object of helper functions', value))),
    uses: optional(either(USES, fn, 'an array of generator names, or a function of the options returning one')),
    requests: optional(fn),
    check: optional(fn),
    plan: required(fn),
  },
  'a generator definition { name, templatesDir, plan, … }',
);

export const PLAN_RESULT = arrayOf(PLANNED_FILE, 'an array of planned files');
export const CHECK_RESULT = arrayOf(DIAGNOSTIC, 'an array of diagnostics');
export const USES_RESULT = USES;
export const REQUESTS_RESULT = plainObject('an object of requests by generator name');

/** `the string "N"`, `a number (3)`, `an array`, `undefined`: what a message says came instead. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value)}`;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return `${typeof value} ${String(value)}`;
  if (typeof value === 'function') return 'a function';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'symbol') return 'a symbol';
  return isPlainObject(value) ? 'an object' : `an instance of ${(value as object).constructor?.name ?? 'a class'}`;
}
