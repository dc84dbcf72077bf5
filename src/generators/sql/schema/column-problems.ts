/**
 * Column-level problems that would give a schema that fails to apply, or a column that cannot
 * keep what the type promises: a type no column holds, raw SQL (`@dbType`, an SQL default) that
 * is not a type or a single expression, a generated key the dialect cannot make, a default that
 * does not fit the column, `SET NULL` on a column that cannot be null.
 */
import { isPostgresArrayLiteral } from './entity-table.js';
import { isIntegerType } from '../column-types.js';
import { NUMBER_NAMES, parseDbType } from '../db-types.js';
import type { Dialect } from '../options.js';
import type { SchemaColumn, SchemaProblem, SchemaTable } from './model.js';
import { rawDefaultProblem } from './raw-defaults.js';
import { defaultSql } from './sql-text.js';

const DIALECT_NAMES: Record<Dialect, string> = { postgres: 'PostgreSQL', sqlite: 'SQLite' };

/** `varchar(20)`, `numeric(10, 2)`, `double precision`, `timestamp(3) with time zone`, `text[]`: a type name, never a statement. */
const MODIFIER = String.raw`(?:\s*\(\s*\d+(?:\s*,\s*-?\d+)?\s*\))?`;
const DB_TYPE = new RegExp(String.raw`^[A-Za-z_]\w*${MODIFIER}(?:\s+[A-Za-z_]\w*${MODIFIER})*(?:\[\])*$`);
const POSTGRES_IDENTITY_TYPES = new Set(['smallint', 'int2', 'integer', 'int', 'int4', 'bigint', 'int8']);

/** Problems of the columns of `table` for the dialects written. */
export function columnProblems(table: SchemaTable, dialects: readonly Dialect[]): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const where = (column: SchemaColumn) => `${table.name}.${column.name}`;
  for (const column of table.columns) {
    const push = (code: SchemaProblem['code'], message: string, hint?: string, source = column.source) =>
      problems.push({ code, message: `sql: ${where(column)}: ${message}`, source, ...(hint ? { hint } : {}) });
    // A CG2305 points at the default as written (`default:`, `@default`), not at the property.
    const atDefault = column.defaultSource ?? column.source;
    if (column.type.problem) push('CG2301', `${column.type.problem}.`, column.type.problemHint);
    // The notes are about the PostgreSQL type; SQLite keeps its STRICT type.
    if (dialects.includes('postgres')) {
      for (const note of column.type.notes ?? []) problems.push({ code: note.code, message: `sql: ${where(column)}: ${note.message}`, source: column.source, hint: note.hint });
    }
    const dbType = column.dbType;
    if (dbType !== undefined && !DB_TYPE.test(dbType.trim())) {
      push('CG2302', `@dbType ${JSON.stringify(dbType)} is not a column type.`, 'Write a type name such as `varchar(40)` or `numeric(10, 2)`: it is copied into the schema as it is.');
    }
    if (column.default?.kind === 'sql' && !isSingleExpression(column.default.sql)) {
      push('CG2302', `the SQL default ${JSON.stringify(column.default.sql)} is not a single expression.`, 'An SQL default is copied into the schema as it is: one expression, no `;` and no comments.');
    } else if (column.default?.kind === 'sql' && !column.identity && !isJsonArrayDefault(column)) {
      for (const dialect of dialects) {
        const reason = dialect === 'sqlite' && column.default.sqlite !== undefined ? undefined : rawDefaultProblem(column.default.sql, dialect);
        if (reason) push('CG2313', `its SQL default (${column.default.sql}) has ${reason}, so the ${DIALECT_NAMES[dialect]} schema leaves the default out.`, rawDefaultHint(column, dialect));
      }
    }
    if (column.identity) {
      // Not an integer: the fix is the property's type, not another key strategy or dialect.
      const hint = isIntegerType(column.type) ? undefined : 'TypeORM code often types bigint keys as `string`; the generated row needs `number` or `bigint`. Or use `@generated uuid` for a string key.';
      for (const message of identityProblems(table, column, dialects)) push('CG2303', message, hint);
    }
    if (column.type.codec === 'json' && isPostgresArrayLiteral(column)) {
      // '{}' became [] (entity-table.ts); any other PostgreSQL array literal would be stored as a JSON string.
      push('CG2305', `its default ${describeDefault(column)} is a PostgreSQL array literal, but the column is stored as JSON.`, 'Write the default as a JSON array (`default: () => "\'[\"a\"]\'"`, or `@default ["a"]`); an empty `\'{}\'` is read as [] on its own.', atDefault);
    } else if (column.default && column.default.kind !== 'sql' && !column.identity) {
      for (const dialect of dialects) {
        if (defaultSql(column.default, column.type, dialect) !== undefined) continue;
        push('CG2305', `its default ${describeDefault(column)} does not fit ${/^[aeiou]/.test(column.type.codec) ? 'an' : 'a'} ${column.type.codec} column${declaredAs(column)}.`, defaultHint(column), atDefault);
        break;
      }
    }
  }
  for (const key of table.foreignKeys) {
    const nullable = key.columns.every((name) => !table.columns.find((column) => column.name === name)?.notNull);
    if (nullable || (key.onDelete !== 'set-null' && key.onUpdate !== 'set-null')) continue;
    problems.push({
      code: 'CG2306',
      message: `sql: ${table.name}.${key.columns.join(', ')} is set to null when the row it references goes, but it cannot be null.`,
      source: key.source,
      hint: 'Make the property nullable (`| null`), or use another action (`cascade`, `restrict`).',
    });
  }
  return problems;
}

function identityProblems(table: SchemaTable, column: SchemaColumn, dialects: readonly Dialect[]): string[] {
  if (!isIntegerType(column.type)) {
    const declared = column.dbType !== undefined && NUMBER_NAMES.includes(parseDbType(column.dbType).name) ? ` (the column is declared ${column.dbType}, but the property is typed ${column.type.codec === 'text' ? 'string' : column.type.codec})` : '';
    return [`@generated increment needs an integer column${declared}: type the property \`number\` (or \`bigint\`, or \`string\` in a \`bigint\` column as TypeORM types it, for keys past 2^53).`];
  }
  const messages: string[] = [];
  if (dialects.includes('postgres') && !POSTGRES_IDENTITY_TYPES.has(column.type.postgres.toLowerCase())) {
    messages.push(`PostgreSQL makes identities of integer types only, not ${column.type.postgres}.`);
  }
  const rowid = table.primaryKey?.columns.length === 1 && table.primaryKey.columns[0] === column.name && column.type.sqlite === 'INTEGER';
  if (dialects.includes('sqlite') && !rowid) {
    messages.push('SQLite numbers rows only through a one-column INTEGER PRIMARY KEY; this column is not one.');
  }
  return messages;
}

/** ` (declared bigint, but the property is typed string)` when the written type and the property's disagree. */
function declaredAs(column: SchemaColumn): string {
  if (column.dbType === undefined || column.type.codec !== 'text' || !NUMBER_NAMES.includes(parseDbType(column.dbType).name)) return '';
  return ` (the column is declared ${column.dbType}, but the property is typed string, which makes the value text)`;
}

/** What to write instead: the default in the property's type, or the property in the default's. */
function defaultHint(column: SchemaColumn): string {
  const spec = column.default!;
  if (spec.kind === 'now') return 'A `now` default needs a `Date` property (or `string` with `@format date-time` or `date`).';
  if (spec.kind === 'uuid') return 'A `uuid` default needs a `string` property.';
  const value = spec.kind === 'value' ? spec.value : undefined;
  if (column.type.codec === 'timestamp' && typeof value === 'string' && !Number.isNaN(Date.parse(value))) {
    const kept = Math.min(column.type.fraction ?? 3, 3);
    return `Write the instant ${kept === 0 ? 'in whole seconds' : `with at most ${kept} decimal${kept === 1 ? '' : 's'} of a second`}, as the column keeps it (PostgreSQL would round the rest, SQLite keep it), and a year from 0001 to 9999: \`'2024-01-01T00:00:00${kept > 0 ? `.${'0'.repeat(kept)}` : ''}Z'\`.`;
  }
  if (column.type.codec === 'text' && typeof value === 'number') return `Type the property \`number\` or \`bigint\` to keep a numeric column, or write the default as a string (\`'${value}'\`).`;
  return `Write a default of the property's type (a ${column.type.codec} value), or change the property's type to the default's.`;
}

/** A PostgreSQL array written as the default of a JSON column: CG2305 already (here, and json-defaults.ts for `ARRAY[…]`). */
function isJsonArrayDefault(column: SchemaColumn): boolean {
  if (column.type.codec !== 'json') return false;
  return isPostgresArrayLiteral(column) || (column.default?.kind === 'sql' && /^\s*\(?\s*ARRAY\s*\[/i.test(column.default.sql));
}

/** What to write instead of a raw default one dialect cannot run, and what leaving it out means. */
function rawDefaultHint(column: SchemaColumn, dialect: Dialect): string {
  const missing = column.notNull ? `: there an insert that leaves ${column.name} out fails (NOT NULL)` : `: there an insert that leaves ${column.name} out stores NULL`;
  const other = dialect === 'sqlite' ? 'postgres' : 'sqlite';
  return `Write a default both engines run (a value with \`@default\` or TypeORM \`default: value\`, \`CURRENT_TIMESTAMP\`, \`gen_random_uuid()\` on a uuid column), or write only the ${DIALECT_NAMES[other]} schema (\`dialects: [${other}]\`). Until then the ${DIALECT_NAMES[dialect]} schema has no default${missing}.`;
}

function describeDefault(column: SchemaColumn): string {
  const spec = column.default!;
  if (spec.kind === 'value') return JSON.stringify(spec.value) ?? String(spec.value);
  if (spec.kind === 'sql') return `(${spec.sql})`;
  return spec.kind === 'now' ? 'now' : spec.kind;
}

/** Balanced parentheses and quotes, no statement separator, no comment. */
function isSingleExpression(sql: string): boolean {
  let depth = 0;
  let quote: string | undefined;
  for (let position = 0; position < sql.length; position += 1) {
    const character = sql[position]!;
    if (quote) {
      if (character === quote) quote = undefined;
      continue;
    }
    if (character === "'" || character === '"') quote = character;
    else if (character === '(') depth += 1;
    else if (character === ')') depth -= 1;
    else if (character === ';' || sql.startsWith('--', position) || sql.startsWith('/*', position)) return false;
    if (depth < 0) return false;
  }
  return depth === 0 && quote === undefined && sql.trim() !== '';
}
