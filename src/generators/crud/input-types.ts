/**
 * The type an input field is checked against: the property's own type, plus what the column
 * says that the type does not, so that a bad value is a `ValidationError` naming the field on
 * every engine rather than an engine's own error (PostgreSQL's `value too long`, `invalid input
 * syntax for type uuid`, `numeric field overflow`, an out-of-range bigint) or none at all (SQLite
 * stores it):
 *
 * - TypeORM's `length` is a `maxLength` (the smaller wins when both are given);
 * - a column holding a uuid (a `@generated uuid` key, a `uuid` `@dbType`, or a foreign key to
 *   such a key) is `@format uuid`;
 * - a `bigint` fits a 64-bit signed integer (PostgreSQL `bigint`, SQLite `INTEGER`);
 * - a `number` in an integer column (`@type integer`, a numeric key, a foreign key to one,
 *   TypeORM's `type: 'int'` or `'smallint'`) is an integer within the column type's range (a
 *   foreign key is checked as the key it references is stored);
 * - a `number` in a `numeric(p, s)` column has at most `s` decimals and `|x| < 10^(p−s)`: a value
 *   PostgreSQL would round (`1.005` in `numeric(10,2)`) or refuse is refused on every engine;
 * - a `string` in a `date` column (TypeORM's `type: 'date'`) is `@format date`; in a `char(n)`
 *   column exactly `n` characters (PostgreSQL pads shorter ones); in a `time` column PostgreSQL's
 *   form `HH:MM:SS[.ffffff]` (it reads `12:00` back as `12:00:00`);
 * - a column stored as a timestamp whose property is a `string` (`@format date-time`, a
 *   timestamp `@dbType`) takes a `Date`, as its row field is one;
 * - a `string` in an integer or `numeric` column (TypeORM's `@Column('bigint') id: string`) is
 *   the canonical text of a number the column holds (`numeric-text.ts`): what PostgreSQL gives back;
 * - each item of a PostgreSQL array column (TypeORM's `array: true`) is checked as a column of the
 *   item's type would be (`varchar(20)[]`: at most 20 characters; `int[]`: 32-bit integers).
 */
import { TIME_OF_DAY, withNumericText } from '../../model/column-constraints.js';
import { columnHoldsNull, typeAcceptsNullValue } from '../../model/nullability.js';
import { decimalTextPattern, integerTextPattern } from '../../model/numeric-text.js';
import type { Entity, EntityColumn, NumberConstraints, RegexSource, TypeNode } from '../../model/types.js';
import type { DeclarationIndex } from '../kit/declaration-index.js';
import { someType } from '../kit/walk.js';
import { arrayItemColumn, columnType, withWrittenLength, type ColumnType } from '../sql/column-types.js';

const INT64 = { minimum: (-(2n ** 63n)).toString(), maximum: (2n ** 63n - 1n).toString() };
/**
 * The checked type of `column` of `entity` as an input field (create and update alike): its
 * {@link inputType}, with `null` when the column may hold NULL (`columnHoldsNull`: an optional
 * property, `| null`, `| undefined`, TypeORM's `nullable: true`, an optional or nullable
 * relation's key), since the row field, and so the `<Entity>Create` / `<Entity>Update` field
 * typed by it, says `| null`: `null` clears the column (issue 9, tester3 T-8).
 */
export function inputFieldType(entity: Pick<Entity, 'primaryKey'>, column: EntityColumn, entities: readonly Entity[], declarations: DeclarationIndex): TypeNode {
  const checked = inputType(column, entities, declarations);
  const find = (id: string) => declarations.find(id)?.type;
  if (!columnHoldsNull(entity, column, find) || typeAcceptsNullValue(checked, find)) return checked;
  const nothing: TypeNode = { kind: 'null' };
  return checked.kind === 'union' ? { ...checked, members: [...checked.members, nothing] } : { kind: 'union', members: [checked, nothing] };
}

/** The checked type of `column`, among `entities`, without the `null` its input field may add ({@link inputFieldType}). */
export function inputType(written: EntityColumn, entities: readonly Entity[], declarations: DeclarationIndex): TypeNode {
  const column = withWrittenLength(written);
  const stored = storedType(column, entities, declarations);
  if (stored.codec === 'timestamp' && !someType(column.type, (node) => node.kind === 'date', { index: declarations })) {
    // The row field is a Date (sql's rowType): the input is one too, never the string the property names.
    const date: TypeNode = { kind: 'date' };
    return column.nullable ? { kind: 'union', members: [date, { kind: 'null' }] } : date;
  }
  // A PostgreSQL array (TypeORM's `array: true`): each item is checked as a column of the item's type (`varchar(20)`, `int`) would be.
  if (stored.codec === 'array') return refine(column.type, (node) => (node.kind === 'array' ? { ...node, items: inputType(arrayItemColumn(column, node.items), entities, declarations) } : node));
  const uuid = holdsUuid(column, entities);
  return refine(column.type, (node) => {
    if (node.kind === 'string') {
      const constraints = { ...node.constraints };
      if (column.length !== undefined) constraints.maxLength = Math.min(constraints.maxLength ?? Infinity, column.length);
      if (uuid && constraints.format === undefined) constraints.format = 'uuid';
      if (stored.codec === 'date' && constraints.format === undefined) constraints.format = 'date';
      if (stored.fixedLength !== undefined) {
        constraints.minLength = Math.max(constraints.minLength ?? 0, stored.fixedLength);
        constraints.maxLength = Math.min(constraints.maxLength ?? Infinity, stored.fixedLength);
      }
      if (stored.timeOfDay && constraints.pattern === undefined) constraints.pattern = TIME_OF_DAY;
      const refined = Object.keys(constraints).length > 0 ? { ...node, constraints } : node;
      return withNumericText(refined, numericText(stored));
    }
    if (node.kind === 'number') {
      const constraints = numberConstraints(node.constraints ?? {}, stored);
      return Object.keys(constraints).length > 0 ? { ...node, constraints } : node;
    }
    if (node.kind === 'bigint') {
      const minimum = maxOf(node.constraints?.minimum, INT64.minimum);
      const maximum = minOf(node.constraints?.maximum, INT64.maximum);
      return { ...node, constraints: { ...node.constraints, minimum, maximum } };
    }
    return node;
  });
}

/** The pattern of a string in an integer or numeric column (its canonical text, `numeric-text.ts`), or undefined. */
function numericText(stored: ColumnType): RegexSource | undefined {
  if (stored.codec === 'integer-text' && stored.integerText) return { source: integerTextPattern(stored.integerText[0], stored.integerText[1]), flags: '' };
  if (stored.codec === 'decimal-text') return { source: decimalTextPattern(stored.numeric), flags: '' };
  return undefined;
}

/** A number's own constraints met with what its integer or `numeric(p, s)` column holds. */
function numberConstraints(own: NumberConstraints, stored: ColumnType): NumberConstraints {
  const constraints = { ...own };
  if (stored.codec === 'integer') {
    if (constraints.numericType === undefined || constraints.numericType === 'float' || constraints.numericType === 'double') constraints.numericType = 'integer';
    if (stored.integerRange) {
      constraints.minimum = Math.max(constraints.minimum ?? -Infinity, stored.integerRange.minimum);
      constraints.maximum = Math.min(constraints.maximum ?? Infinity, stored.integerRange.maximum);
    }
  }
  if (stored.codec === 'decimal' && stored.numeric) {
    const { precision, scale } = stored.numeric;
    const limit = 10 ** (precision - scale);
    constraints.exclusiveMaximum = Math.min(constraints.exclusiveMaximum ?? Infinity, limit);
    constraints.exclusiveMinimum = Math.max(constraints.exclusiveMinimum ?? -Infinity, -limit);
    // PostgreSQL rounds to the scale and SQLite's REAL does not: a finer value is refused, not rounded.
    constraints.multipleOf ??= scale > 0 ? `0.${'0'.repeat(scale - 1)}1` : '1';
  }
  return constraints;
}

/**
 * What the repository's runtime checks filter and key values of `column` by, beyond its codec
 * (templates/crud/repository-values.ts `ValueRule`), or undefined when there is nothing: the
 * facts of its SQL type that the input validators check, and a timestamp's precision.
 */
export function valueRule(column: EntityColumn, entities: readonly Entity[], declarations: DeclarationIndex): Record<string, unknown> | undefined {
  const stored = storedType(column, entities, declarations);
  const rule: Record<string, unknown> = {};
  if (stored.integerRange) rule.range = [stored.integerRange.minimum, stored.integerRange.maximum];
  // An array's items (`numeric(10,2)[]`, `bigint[]`) are checked by their own column's rule.
  if ((stored.codec === 'decimal' || stored.codec === 'decimal-text' || stored.codec === 'array') && stored.numeric) rule.numeric = [stored.numeric.precision, stored.numeric.scale];
  if ((stored.codec === 'integer-text' || stored.codec === 'array') && stored.integerText) rule.integerText = stored.integerText;
  if (stored.fixedLength !== undefined) rule.chars = stored.fixedLength;
  if (stored.timeOfDay) rule.time = true;
  if (stored.codec === 'text' && holdsUuid(column, entities)) rule.uuid = true;
  if (stored.fraction !== undefined) rule.fraction = stored.fraction;
  return Object.keys(rule).length > 0 ? rule : undefined;
}

/**
 * The stored type of `column`: a foreign key's is the type of the key it references (as sql's
 * column resolver decides), so `accountId: number` referencing an increment key is an integer.
 */
function storedType(column: EntityColumn, entities: readonly Entity[], declarations: DeclarationIndex, seen = new Set<EntityColumn>()): ColumnType {
  seen.add(column);
  const target = referenced(column, entities);
  return target && !seen.has(target) ? storedType(target, entities, declarations, seen) : columnType(column, declarations);
}

function referenced(column: EntityColumn, entities: readonly Entity[]): EntityColumn | undefined {
  const reference = column.references;
  if (!reference) return undefined;
  return entities.find((entity) => entity.declaration === reference.entity)?.columns.find((candidate) => candidate.property === reference.property);
}

function holdsUuid(column: EntityColumn, entities: readonly Entity[], seen = new Set<EntityColumn>()): boolean {
  if (seen.has(column)) return false;
  seen.add(column);
  if (column.generated === 'uuid' || column.dbType?.trim().toLowerCase() === 'uuid') return true;
  const target = referenced(column, entities);
  return target !== undefined && holdsUuid(target, entities, seen);
}

/** `type` with `change` applied to itself or, for a union, to each member. */
function refine(type: TypeNode, change: (node: TypeNode) => TypeNode): TypeNode {
  return type.kind === 'union' ? { ...type, members: type.members.map(change) } : change(type);
}

function maxOf(a: string | undefined, b: string): string {
  return a === undefined || BigInt(a) < BigInt(b) ? b : a;
}

function minOf(a: string | undefined, b: string): string {
  return a === undefined || BigInt(a) > BigInt(b) ? b : a;
}
