/**
 * Defaults of columns stored as JSON that no engine gives back as a value of the column's type
 * (CG2305, located at the property), and TypeORM's empty `ARRAY[]` read as the `[]` it denotes:
 *
 * - a string where the type holds none: TypeORM writes a string default on a `json`/`jsonb`
 *   column into the SQL as it is, as JSON text, so `default: 'hello'` is no JSON (TypeORM's own
 *   schema fails to apply) and reads back here as the string "hello" in, say, a `Record` field;
 * - SQL that is a PostgreSQL array (`ARRAY[1, 2]`, `ARRAY['a']::text[]`): jsonb refuses it, and
 *   SQLite has no `ARRAY`, so neither schema applies;
 * - SQL that is one string literal but not JSON text (`'nope'`): jsonb refuses it, SQLite's
 *   `json_valid` CHECK refuses every row that takes it;
 * - SQL that is JSON text with a NUL or a lone surrogate in a string or key (`'{"a":"\u0000"}'`):
 *   jsonb refuses the escape (default-fits.ts judges a default written as a value the same way).
 */
import type { EntityColumn, TypeNode } from '../../../model/types.js';
import type { DeclarationIndex } from '../../kit/declaration-index.js';
import { unstorableJson } from './default-fits.js';
import type { DefaultSpec } from './model.js';

/** `ARRAY[]`, `ARRAY[]::text[]`, `(ARRAY[]::int[])`: PostgreSQL's empty array, which a JSON column stores as []. */
const EMPTY_ARRAY = /^\s*\(?\s*ARRAY\s*\[\s*\]\s*(?:::\s*[\w\s]+(?:\[\])+\s*)?\)?\s*$/i;
const ARRAY_EXPRESSION = /^\s*\(?\s*ARRAY\s*\[/i;

/** Whether `sql` is PostgreSQL's empty array expression. */
export function isEmptyArrayExpression(sql: string): boolean {
  return EMPTY_ARRAY.test(sql);
}

/** Why the default `spec` of a JSON column does not fit, with what to write instead; undefined when it fits. */
export function jsonDefaultProblem(column: EntityColumn, spec: DefaultSpec, declarations: DeclarationIndex): { message: string; hint: string } | undefined {
  if (spec.kind === 'value' && typeof spec.value === 'string' && !holdsString(column.type, declarations)) {
    return {
      message: `its default ${JSON.stringify(spec.value)} is a string, which the type of ${column.property} does not hold (JSON columns give back the JSON value stored).`,
      hint: "On a TypeORM json/jsonb column a string default is JSON text, written into the SQL as it is: write the JSON of the value (`default: '{\"a\":1}'`, `'[]'`), or `@default` with the value itself.",
    };
  }
  if (spec.kind !== 'sql') return undefined;
  if (ARRAY_EXPRESSION.test(spec.sql)) {
    return {
      message: `its default (${spec.sql}) is a PostgreSQL array, but the column is stored as JSON: jsonb refuses it, and SQLite has no ARRAY.`,
      hint: 'Write the default as a JSON array (`default: () => "\'[1,2]\'"`, or `@default [1, 2]`); an empty `ARRAY[]` is read as [] on its own.',
    };
  }
  const literal = stringLiteral(spec.sql);
  if (literal !== undefined && !isJsonText(literal)) {
    return {
      message: `its SQL default (${spec.sql}) is not JSON text, which the JSON column refuses (jsonb on PostgreSQL, a json_valid CHECK on SQLite).`,
      hint: 'Write the JSON text of the value (`default: () => "\'\\"hello\\"\'"` for a string, `\'{}\'` for an object), or `@default` with the value itself.',
    };
  }
  const unstorable = literal === undefined ? undefined : unstorableJson(JSON.parse(literal));
  if (unstorable) {
    return {
      message: `its SQL default (${spec.sql}) is not a value the column holds: it should be ${unstorable}.`,
      hint: 'jsonb refuses the escape of a NUL or of a lone surrogate, so the schema would not apply on PostgreSQL: write a default without it.',
    };
  }
  return undefined;
}

/** The text of SQL that is one string literal, with an optional cast (`'{}'::jsonb`). */
function stringLiteral(sql: string): string | undefined {
  const match = /^\s*\(?\s*'((?:[^']|'')*)'\s*(?:::\s*[\w\s]+(?:\[\])*\s*)?\)?\s*$/s.exec(sql);
  return match ? match[1]!.replace(/''/g, "'") : undefined;
}

function isJsonText(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Whether a value of `type` may be a string (aliases followed; `unknown` may be anything). */
function holdsString(type: TypeNode, declarations: DeclarationIndex, depth = 0): boolean {
  if (depth > 32) return true;
  switch (type.kind) {
    case 'string':
    case 'unknown':
      return true;
    case 'literal':
      return typeof type.value === 'string';
    case 'enum':
      return type.members.some((member) => typeof member.value === 'string');
    case 'union':
    case 'intersection':
      return type.members.some((member) => holdsString(member, declarations, depth + 1));
    case 'ref': {
      const declaration = declarations.find(type.id);
      return declaration === undefined || holdsString(declaration.type, declarations, depth + 1);
    }
    default:
      return false;
  }
}
