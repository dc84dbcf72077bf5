/**
 * One entity's table: columns with their types, nullability, defaults and identities, the
 * primary key, unique constraints, CHECKs, foreign keys and indexes, each named the PostgreSQL
 * way. What cannot be said faithfully is collected as problems, not thrown.
 */
import { columnHoldsNull } from '../../../model/nullability.js';
import type { Entity, EntityColumn } from '../../../model/types.js';
import type { DeclarationIndex } from '../../kit/declaration-index.js';
import type { Codec, ColumnType } from '../column-types.js';
import { constraintName } from '../identifiers.js';
import type { EntityIndex } from '../entities.js';
import type { ColumnResolver } from './column-resolver.js';
import { withCanonicalText } from './canonical-text.js';
import { defaultMisfit } from './default-fits.js';
import { isEmptyArrayExpression, jsonDefaultProblem } from './json-defaults.js';
import { portableDefault } from './raw-defaults.js';
import { postgresArrayDefault } from '../typeorm-forms.js';
import { defaultSql } from './sql-text.js';
import type { DefaultSpec, NamedColumns, SchemaColumn, SchemaForeignKey, SchemaProblem, SchemaTable } from './model.js';

export interface TableInputs {
  entities: EntityIndex;
  columns: ColumnResolver;
  problems: SchemaProblem[];
  /** For reading a column's TypeScript type through aliases. */
  declarations: DeclarationIndex;
}

/** The table of `entity`. */
export function entityTable(entity: Entity, inputs: TableInputs): SchemaTable {
  const { entities, problems } = inputs;
  const table = entity.table;
  const columnOf = (property: string) => entities.columnOf(entity, property)?.column;
  const keyColumns = entity.primaryKey.map(columnOf).filter((name): name is string => name !== undefined);
  if (keyColumns.length === 0) {
    problems.push({
      code: 'CG2103',
      message: `sql: the entity ${entity.name} has no primary key, so its rows cannot be told apart.`,
      source: entity.source,
    });
  }
  problems.push(...protoProblems(entity));
  const columns = entity.columns.map((column) => schemaColumn(column, entity, inputs));
  const keyed = uniques(entity, keyColumns, inputs);
  // The primary key and each UNIQUE constraint make an index on their columns already: an index on
  // the same columns would be a second copy (`@Index({ unique: true })`, tester s12 T8c).
  const covered = new Set([keyColumns, ...keyed.map((unique) => unique.columns)].map((list) => list.join('\u0000')));
  return {
    name: table,
    entity: entity.declaration,
    source: entity.source,
    columns,
    ...(keyColumns.length > 0 ? { primaryKey: { name: constraintName(table, [], 'pkey'), columns: keyColumns, source: entity.source } } : {}),
    uniques: keyed,
    checks: columns
      .filter((column) => column.type.checks.length > 0)
      .map((column) => ({ name: constraintName(table, [column.name], 'check'), column: column.name, checks: column.type.checks, source: column.source })),
    foreignKeys: entity.columns.flatMap((column) => foreignKey(entity, column, inputs)),
    indexes: indexes(entity, inputs).filter((index) => !covered.has(index.columns.join('\u0000'))),
  };
}

/** `__proto__` as a row field or relation name: an object literal would set the prototype instead. */
function protoProblems(entity: Entity): SchemaProblem[] {
  const named = [...entity.columns.map((column) => ({ name: column.field, source: column.source })), ...entity.relations.map((relation) => ({ name: relation.property, source: relation.source }))];
  return named
    .filter((entry) => entry.name === '__proto__')
    .map((entry) => ({
      code: 'CG2311' as const,
      message: `sql: ${entity.name}.__proto__ cannot be a field of a row object: JavaScript reads \`__proto__\` in an object as its prototype, so rows, filters and the table's metadata would lose it.`,
      source: entry.source,
      hint: 'Rename the property (the column can keep its name: `@column __proto__`, `@Column({ name: \'__proto__\' })`), or mark it @transient.',
    }));
}

function schemaColumn(column: EntityColumn, entity: Entity, inputs: TableInputs): SchemaColumn {
  const type = withCanonicalText(entity, inputs.columns.typeOf(column));
  const stored = inputs.columns.entitiesStored(column);
  if (stored.length > 0) inputs.problems.push(entityCopyProblem(entity, column, stored));
  const result: SchemaColumn = {
    name: column.column,
    property: column.property,
    type,
    notNull: !columnHoldsNull(entity, column, (id) => inputs.declarations.find(id)?.type),
    identity: column.generated === 'increment',
    source: column.source,
  };
  if (column.dbType !== undefined) result.dbType = column.dbType;
  const fallback = defaultOf(column, type);
  if (fallback) result.default = fallback;
  // A problem with the default is reported where it is written, not at the property.
  const defaultSource = column.default?.source ?? column.source;
  if (fallback && column.default?.source) result.defaultSource = column.default.source;
  // A PostgreSQL array literal ('{1,2}') on a JSON column is column-problems' CG2305.
  const problem = fallback && (type.codec === 'json' || type.codec === 'simple-json') && !isPostgresArrayLiteral(column) ? jsonDefaultProblem(column, fallback, inputs.declarations) : undefined;
  if (problem) inputs.problems.push({ code: 'CG2305', message: `sql: ${entity.table}.${column.column}: ${problem.message}`, source: defaultSource, hint: problem.hint });
  const misfit = fallback?.kind === 'value' && !result.identity && fitsCodec(fallback, type) ? defaultMisfit(column, type, fallback.value, inputs.declarations) : undefined;
  if (misfit) {
    inputs.problems.push({
      code: 'CG2305',
      message: `sql: ${entity.table}.${column.column}: its default ${JSON.stringify(fallback!.kind === 'value' ? fallback!.value : undefined)} is not a value the column holds: it should be ${misfit}.`,
      source: defaultSource,
      hint: 'A default is a value of the column like any other: the schema would not apply (PostgreSQL checks it at CREATE TABLE), or an insert that leaves the column out would fail or store a row the repository refuses. Write a default the column holds, or change the column (its type, length, CHECK) to hold it.',
    });
  }
  return result;
}

/** The default is of the codec's kind on both dialects: otherwise column-problems' CG2305 says so already. */
function fitsCodec(spec: DefaultSpec, type: ColumnType): boolean {
  return defaultSql(spec, type, 'postgres') !== undefined && defaultSql(spec, type, 'sqlite') !== undefined;
}

/** A JSON column holding entities: a snapshot that no foreign key keeps in step with their rows. */
function entityCopyProblem(entity: Entity, column: EntityColumn, stored: readonly Entity[]): SchemaProblem {
  const names = stored.map((target) => target.name);
  return {
    code: 'CG2312',
    message: `sql: ${entity.table}.${column.column}: ${entity.name}.${column.property} holds the ${names.length === 1 ? 'entity' : 'entities'} ${names.join(', ')}, which are stored in this JSON column as copies, not as relations: no foreign key, and later changes to those rows do not reach it.`,
    source: column.source,
    hint:
      names.length === 1
        ? `For a relation, type the property \`${names[0]}\` (one row, a foreign key) or \`${names[0]}[]\` (many, through the other side or a join table). For a deliberate snapshot, use a type that is not an entity (an interface without @entity), or mark the property @transient.`
        : 'A relation points at one entity: split the property into one relation per entity (each nullable), or store a type that is not an entity for a deliberate snapshot, or mark the property @transient.',
  };
}

/** The current time of day as a default: PostgreSQL's CURRENT_TIME, LOCALTIME, now()::time, SQLite's time('now'). */
const CURRENT_TIME = /^\s*\(?\s*(?:current_time|localtime|(?:now\s*\(\s*\)|current_timestamp)\s*::\s*time|time\s*\(\s*'now'\s*\))\s*\)?\s*$/i;
/** SQLite's `time('now')` on PostgreSQL: the time of day in UTC, in whole seconds (cut, as SQLite cuts). */
const POSTGRES_UTC_TIME = "date_trunc('second', now() AT TIME ZONE 'UTC')::time";

/** `@generated uuid`/`now`, `@createdAt`/`@updatedAt`, then what the user wrote. */
function defaultOf(column: EntityColumn, type: ColumnType): DefaultSpec | undefined {
  const { codec, fraction } = type;
  if (column.generated === 'uuid') return { kind: 'uuid' };
  const clock = codec === 'timestamp' || codec === 'date';
  if (column.generated === 'now' || (clock && column.timestamp && !column.default)) return { kind: 'now' };
  if (!column.default) return undefined;
  // TypeORM's `() => 'CURRENT_TIMESTAMP'`: on SQLite that text is not the ISO form the runtime reads.
  if (column.default.kind === 'sql' && clock && /^\s*(current_timestamp|now\(\s*\))\s*$/i.test(column.default.sql)) return { kind: 'now' };
  // CURRENT_DATE is the session's day on PostgreSQL, UTC's on SQLite: the `now` default gives UTC's on both.
  if (column.default.kind === 'sql' && codec === 'date' && /^\s*\(?\s*current_date\s*\)?\s*$/i.test(column.default.sql)) return { kind: 'now' };
  // A time column's CURRENT_TIME: PostgreSQL's is the session's local time with microseconds, SQLite's UTC in whole seconds.
  if (column.default.kind === 'sql' && type.timeOfDay && CURRENT_TIME.test(column.default.sql)) return { kind: 'sql', sql: POSTGRES_UTC_TIME, sqlite: "time('now')" };
  // On a `string` property each engine would write its own text ('2024-02-29 12:00:00' and '… 12:00:00.123+00'): one ISO form on both.
  if (column.default.kind === 'sql' && codec === 'text' && /^\s*(current_timestamp|now\(\s*\))\s*$/i.test(column.default.sql)) return { kind: 'nowText' };
  // TypeORM's `{ array: true, default: '{}' }` (or `default: () => "'{}'"`): PostgreSQL's empty array, stored as JSON like the array itself.
  // A PostgreSQL array column (`array: true` on a list of scalars): its literal is the list it denotes (`'{a,b}'`).
  const arrayLiteral = codec === 'array' ? postgresArrayLiteral(column) : undefined;
  if (arrayLiteral !== undefined) {
    const list = postgresArrayDefault(arrayLiteral, type.items ?? 'text');
    if (list !== undefined) return { kind: 'value', value: list };
  }
  if ((codec === 'json' || codec === 'array') && /^\s*\{\s*\}\s*$/.test(postgresArrayLiteral(column) ?? '')) {
    return { kind: 'value', value: [] };
  }
  // `default: () => 'ARRAY[]::text[]'`: the same empty array, as an expression.
  if ((codec === 'json' || codec === 'array') && column.default.kind === 'sql' && isEmptyArrayExpression(column.default.sql)) return { kind: 'value', value: [] };
  // `'{}'::jsonb`, `uuid_generate_v4()`, `datetime('now')`: written for one engine, said so that both run it (raw-defaults.ts).
  if (column.default.kind === 'sql') return portableDefault(column.default.sql, codec, fraction) ?? column.default;
  // `default: 0` on a string in an integer or numeric column: TypeORM writes the number into the
  // SQL and its driver gives the text back (`'0'`, `'0.00'` in a numeric(p, 2) column): that text.
  if (typeof column.default.value === 'number' && (codec === 'integer-text' || codec === 'decimal-text')) {
    const text = numericTextOf(column.default.value, codec, type.numeric?.scale);
    if (text !== undefined) return { kind: 'value', value: text };
  }
  // A number past 2^53 on a bigint column (TypeORM's `default: 9007199254740993`, read as the
  // double 9007199254740992: the analyzer's CG2108 says so) is that double's exact integer, as its
  // digits: JSON would write 2^63 as `9223372036854776000`, a value nobody wrote (tester9 F1).
  const value = column.default.value;
  if (codec === 'bigint' && typeof value === 'number' && Number.isInteger(value) && !Number.isSafeInteger(value)) return { kind: 'value', value: BigInt(value).toString() };
  return column.default;
}

/**
 * The text PostgreSQL gives back for the number `value` in an integer-text or decimal-text column
 * (a `numeric(p, s)` one pads to `scale` decimals); undefined for a number it would round
 * (`1.005` at scale 2, an unsafe or fractional integer), which stays a misfit (CG2305).
 */
function numericTextOf(value: number, codec: 'integer-text' | 'decimal-text', scale: number | undefined): string | undefined {
  if (codec === 'integer-text') return Number.isSafeInteger(value) ? String(value === 0 ? 0 : value) : undefined;
  const text = String(value === 0 ? 0 : value);
  const match = /^-?\d+(?:\.(\d+))?$/.exec(text);
  if (match === null) return undefined; // NaN, Infinity, an exponent
  const decimals = match[1]?.length ?? 0;
  if (scale === undefined) return text;
  if (decimals > scale) return undefined;
  return scale === 0 ? text : `${text}${decimals === 0 ? '.' : ''}${'0'.repeat(scale - decimals)}`;
}

type WrittenDefault = { kind: string; value?: unknown; sql?: string } | undefined;

/**
 * The text of a default written for a PostgreSQL array column (`'{a,b}'`): a string value, or SQL
 * that is one string literal (`() => "'{}'"`, `"'{}'::int[]"`), which PostgreSQL reads the same way.
 */
export function postgresArrayLiteral(column: { default?: WrittenDefault; dbType?: string | undefined }): string | undefined {
  const written = column.default;
  if (!written || !/\[\]\s*$/.test(column.dbType ?? '')) return undefined;
  const text = written.kind === 'value' ? written.value : written.kind === 'sql' ? sqlStringLiteral(written.sql ?? '') : undefined;
  return typeof text === 'string' && /^\s*\{.*\}\s*$/s.test(text) ? text : undefined;
}

/** A string default written for a PostgreSQL array column (`'{}'`, `'{a,b}'`). */
export function isPostgresArrayLiteral(column: { default?: WrittenDefault; dbType?: string | undefined }): boolean {
  return postgresArrayLiteral(column) !== undefined;
}

/** The text of SQL that is a single string literal, with an optional cast (`'{}'::int[]`). */
function sqlStringLiteral(sql: string): string | undefined {
  const match = /^\s*\(?\s*'((?:[^']|'')*)'\s*(?:::\s*[\w\s]+(?:\[\])*\s*)?\)?\s*$/s.exec(sql);
  return match ? match[1]!.replace(/''/g, "'") : undefined;
}

function uniques(entity: Entity, keyColumns: string[], inputs: TableInputs): NamedColumns[] {
  const { entities } = inputs;
  const result: NamedColumns[] = [];
  const seen = new Set<string>([keyColumns.join('\u0000')]);
  const add = (columns: string[], name: string | undefined, source: NamedColumns['source']) => {
    const signature = columns.join('\u0000');
    if (seen.has(signature)) return;
    seen.add(signature);
    result.push({ name: name ?? constraintName(entity.table, columns, 'key'), columns, source });
  };
  // `@Index('name', { unique: true })`: TypeORM makes one unique index of that name.
  for (const column of entity.columns) if (column.unique) add([column.column], typeof column.index === 'string' ? column.index : undefined, column.source);
  // The owning side of a one-to-one stores at most one row per target: its key is unique.
  for (const relation of entity.relations) {
    if (relation.kind !== 'one-to-one' || !relation.owner) continue;
    const column = entities.columnNamed(entity, relation.column);
    if (column) add([column.column], undefined, relation.source);
  }
  const composites = [...entity.uniques, ...entity.indexes.filter((index) => index.unique)];
  for (const composite of composites) {
    const columns = resolveProperties(entity, composite.properties, composite.source, inputs);
    if (columns) add(columns, composite.name, composite.source);
  }
  return result;
}

function indexes(entity: Entity, inputs: TableInputs): NamedColumns[] {
  const result: NamedColumns[] = [];
  for (const column of entity.columns) {
    if (column.index === undefined) continue;
    const name = column.index === true ? constraintName(entity.table, [column.column], 'idx') : column.index;
    result.push({ name, columns: [column.column], source: column.source });
  }
  for (const index of entity.indexes.filter((candidate) => !candidate.unique)) {
    const columns = resolveProperties(entity, index.properties, index.source, inputs);
    if (columns) result.push({ name: index.name ?? constraintName(entity.table, columns, 'idx'), columns, source: index.source });
  }
  return result;
}

function resolveProperties(entity: Entity, properties: string[], source: NamedColumns['source'], inputs: TableInputs): string[] | undefined {
  const columns = properties.map((property) => inputs.entities.columnOf(entity, property)?.column);
  const missing = properties.filter((_, position) => columns[position] === undefined);
  if (missing.length === 0) return columns as string[];
  inputs.problems.push({
    code: 'CG2102',
    message: `sql: ${entity.name} has no column for ${missing.map((name) => `"${name}"`).join(', ')}, named in a composite unique constraint or index.`,
    source,
    hint: 'Name persisted properties of the entity (not relations without a column, not @transient ones).',
  });
  return undefined;
}

function foreignKey(entity: Entity, column: EntityColumn, inputs: TableInputs): SchemaForeignKey[] {
  if (!column.references) return [];
  const target = inputs.columns.targetOf(column);
  if (!target) {
    inputs.problems.push({
      code: 'CG2102',
      message: `sql: ${entity.name}.${column.property} references ${column.references.entity}.${column.references.property}, which is not a column of an entity.`,
      source: column.source,
    });
    return [];
  }
  const targetIsKey =
    (target.entity.primaryKey.length === 1 && target.entity.primaryKey[0] === target.column.property) ||
    target.column.unique ||
    [...target.entity.uniques, ...target.entity.indexes.filter((index) => index.unique)].some(
      (composite) => composite.properties.length === 1 && composite.properties[0] === target.column.property,
    );
  if (!targetIsKey) {
    inputs.problems.push({
      code: 'CG2307',
      message: `sql: ${entity.name}.${column.property} references ${target.entity.name}.${target.column.property}, which is neither its primary key nor unique; a foreign key needs one.`,
      source: column.source,
      hint: `Mark ${target.entity.name}.${target.column.property} @unique, or reference the primary key.`,
    });
  }
  const { onDelete, onUpdate } = column.references;
  return [
    {
      name: constraintName(entity.table, [column.column], 'fkey'),
      columns: [column.column],
      source: column.source,
      table: target.entity.table,
      targetColumns: [target.column.column],
      ...(onDelete ? { onDelete } : {}),
      ...(onUpdate ? { onUpdate } : {}),
    },
  ];
}
