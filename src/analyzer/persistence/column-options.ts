/**
 * The options of TypeORM's column decorators (`@Column('varchar', { length: 80, default: Role.Member })`),
 * read statically. A function default (`() => 'now()'`) is raw SQL, as TypeORM treats it;
 * every other default is a JSON value (enum members resolved to their value).
 */
import { Node, SyntaxKind, type PrefixUnaryExpression } from 'ts-morph';
import { roundedNumber } from '../constraints/values.js';
import type { ColumnDefault, SourceLocation } from '../../model/index.js';
import { positionOf } from '../location.js';
import { isUnsupported, type StaticValue } from '../tags/decorators.js';
import type { ColumnAnnotations } from './annotations.js';
import { constructorColumnType, constructorOf, reportOtherConstructor, type ConstructorRead } from './column-type-constructors.js';
import { reportOthers, take, type Call } from './decorator-call.js';
import { booleanOption, jsonOption, numberOption, stringArgument, stringOption } from './static-options.js';

/**
 * TypeORM's own mappings rather than SQL types (its `ColumnType` list): the column type then
 * comes from the property's type. `enum` and `simple-enum` (TypeORM's portable enum, a text
 * column with a CHECK on SQLite) take their values from the property's enum or literal union,
 * `set` (MySQL's) from its element type; `simple-json`, `simple-array` and `simple-enum` are kept
 * as the column's `textForm`: TypeORM's text forms of the property's value (JSON text, comma-joined
 * items, the value's text).
 */
const TYPEORM_PSEUDO_TYPES = ['enum', 'simple-enum', 'set', 'simple-json', 'simple-array'];

/**
 * Reads `@Column()`-style options; `typeArgument` when a first string argument is the column type.
 * Returns the column type as written (TypeORM's pseudo types too), undefined when none is.
 */
export function readColumnOptions(a: ColumnAnnotations, call: Call, typeArgument: boolean): string | undefined {
  const { options } = call;
  const typeName = readNameAndType(a, call, typeArgument);
  if (take(booleanOption(options, 'unique'), 'unique', 'true or false', call)) a.unique = true;
  if (take(booleanOption(options, 'primary'), 'primary', 'true or false', call)) a.primaryKey = true;
  const nullable = take(booleanOption(options, 'nullable'), 'nullable', 'true or false', call);
  if (nullable !== undefined) a.nullable = nullable;
  for (const key of ['length', 'precision', 'scale'] as const) {
    const value = take(numberOption(options, key), key, 'a non-negative integer', call);
    if (value !== undefined) a[key] = value;
  }
  // TypeORM's `array: true` makes `int` an `int[]`: the sql generator then decides how to store it.
  const array = take(booleanOption(options, 'array'), 'array', 'true or false', call);
  if (array && a.dbType !== undefined && !a.dbType.trim().endsWith('[]')) a.dbType = `${a.dbType}[]`;
  // `type: 'enum'` names no SQL type: its array is TypeORM's PostgreSQL array of the enum type.
  if (array && typeName?.trim().toLowerCase() === 'enum') a.textForm = 'enum-array';
  const written = defaultOf(options['default'], call);
  if (written) {
    a.default = typeName ? typeormDefault(written, typeName) : written;
    a.defaultAt = optionLocation(call, 'default') ?? call.decorator.location;
  }
  if (take(booleanOption(options, 'unsigned'), 'unsigned', 'true or false', call)) a.unsigned = call.decorator.location;
  if (options['enum'] !== undefined) a.enumOption = call.decorator.location;
  reportOthers(call, 'column');
  return typeName;
}

/** Where option `key` of the decorator's options object is written (`default: 0`), when it can be found. */
function optionLocation(call: Call, key: string): SourceLocation | undefined {
  const property = optionProperty(call, key);
  return property && positionOf(property, call.ctx.options.displayRoot);
}

/** The syntax of option `key` (`type: String`) in the decorator's options object, if written there. */
function optionProperty(call: Call, key: string): Node | undefined {
  const options = call.node ? (Node.isDecorator(call.node) ? call.node.getArguments() : []).filter((argument) => Node.isObjectLiteralExpression(argument)) : [];
  for (const object of options) {
    const property = Node.isObjectLiteralExpression(object) ? object.getProperty(key) : undefined;
    if (property) return property;
  }
  return undefined;
}

/** The value syntax of option `key` (`String` in `type: String`), if written as `key: value`. */
function optionValue(call: Call, key: string): Node | undefined {
  const property = optionProperty(call, key);
  return property && Node.isPropertyAssignment(property) ? property.getInitializer() : undefined;
}

/** Reads only `name` and `type` (`@PrimaryGeneratedColumn({ type: 'bigint' })`). */
export function readPrimaryGeneratedOptions(a: ColumnAnnotations, call: Call): void {
  readNameAndType(a, call, false);
  reportOthers(call, 'primaryGenerated');
}

/** Returns the column type as written (pseudo types too), for reading the default. */
function readNameAndType(a: ColumnAnnotations, call: Call, typeArgument: boolean): string | undefined {
  const name = take(stringOption(call.options, 'name'), 'name', 'a string', call);
  if (name !== undefined) a.name = name;
  const dbType = writtenType(call, typeArgument);
  if (dbType !== undefined && !TYPEORM_PSEUDO_TYPES.includes(dbType.trim().toLowerCase())) a.dbType = dbType;
  const pseudo = dbType?.trim().toLowerCase();
  if (pseudo === 'simple-array' || pseudo === 'simple-json' || pseudo === 'simple-enum') a.textForm = pseudo;
  if (pseudo === 'enum' || pseudo === 'simple-enum') a.postgresEnum = true;
  return dbType;
}

/**
 * The column type written as `type: …` (or, with `typeArgument`, the first argument): a string, or
 * a constructor read as TypeORM reads it (column-type-constructors.ts), which is undefined where
 * it names the property's own type, as for `@Column()`.
 */
function writtenType(call: Call, typeArgument: boolean): string | undefined {
  const array = call.options['array'] === true;
  const option = isUnsupported(call.options['type']) ? constructorOf(optionValue(call, 'type')) : undefined;
  if (option) return constructorType(option, 'option type', call, array);
  const written = take(stringOption(call.options, 'type'), 'type', 'a string', call);
  if (written !== undefined || !typeArgument) return written;
  const first = call.decorator.arguments[0];
  const argument = isUnsupported(first) && call.node && Node.isDecorator(call.node) ? constructorOf(call.node.getArguments()[0]) : undefined;
  return argument ? constructorType(argument, 'argument', call, array) : stringArgument(call.decorator.arguments);
}

function constructorType(read: NonNullable<ConstructorRead>, where: string, call: Call, array: boolean): string | undefined {
  if ('mapped' in read) return constructorColumnType(read.mapped, call, array);
  reportOtherConstructor(read.other, where, call);
  return undefined;
}

/**
 * A string default as TypeORM writes it for these types: into the SQL as it is. So on `json`,
 * `jsonb` and `simple-json` it is the JSON text (`default: '{}'` is the empty object, not the
 * string "{}"), and on `simple-array` (and MySQL's `set`) the comma-joined list (`''` is the empty list). Text that is
 * not JSON stays the string it is (TypeORM's own schema would not apply).
 */
function typeormDefault(written: ColumnDefault, typeName: string): ColumnDefault {
  if (written.kind !== 'value' || typeof written.value !== 'string') return written;
  const type = typeName.trim().toLowerCase();
  if (type === 'simple-array' || type === 'set') return { kind: 'value', value: written.value === '' ? [] : written.value.split(',') };
  if (type !== 'json' && type !== 'jsonb' && type !== 'simple-json') return written;
  try {
    return { kind: 'value', value: JSON.parse(written.value) as unknown };
  } catch {
    return written;
  }
}

/** PostgreSQL's numeric input syntax (`0`, `-1.50`, `.5`, `1e3`, spaces around): what a numeric column casts. */
const NUMERIC_TEXT = /^\s*[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i;
const INTEGER_TEXT = /^\s*[+-]?\d+\s*$/;
/** PostgreSQL's boolean input words (case and surrounding spaces ignored). */
const BOOLEAN_TEXT: Readonly<Record<string, boolean>> = { t: true, true: true, y: true, yes: true, on: true, '1': true, f: false, false: false, n: false, no: false, off: false, '0': false };

/**
 * A string default of a TypeORM column whose property is a `number`, `bigint` or `boolean`, as
 * TypeORM writes it: into the SQL as a quoted literal (`default: '0.00'` is `DEFAULT '0.00'`),
 * which PostgreSQL casts to the column's type. So it is the value it denotes there: `'0.00'` the
 * number 0, `'12'` on a bigint the integer 12 (a string when no double holds it exactly), `'true'`
 * or `'f'` the boolean. Text PostgreSQL would refuse (`'abc'`, `''`, `'1.5'` on a bigint) stays
 * the string it is, for the sql generator to report (CG2305). `kind` is the property's type without null.
 */
export function typeormTextDefault(written: ColumnDefault, kind: 'number' | 'bigint' | 'boolean'): ColumnDefault {
  if (written.kind !== 'value' || typeof written.value !== 'string') return written;
  const text = written.value;
  if (kind === 'boolean') {
    const value = BOOLEAN_TEXT[text.trim().toLowerCase()];
    return value === undefined ? written : { kind: 'value', value };
  }
  if (kind === 'bigint') {
    if (!INTEGER_TEXT.test(text)) return written;
    const value = BigInt(text.trim());
    return { kind: 'value', value: Number.isSafeInteger(Number(value)) ? Number(value) : value.toString() };
  }
  if (!NUMERIC_TEXT.test(text)) return written;
  const value = Number(text.trim());
  return Number.isFinite(value) ? { kind: 'value', value } : written;
}

/** `default: …`: raw SQL for a function returning a string, a JSON value otherwise. */
function defaultOf(value: StaticValue | undefined, call: Call): ColumnDefault | undefined {
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && 'returns' in value) return { kind: 'sql', sql: value.returns };
  if (typeof value === 'number') reportRoundedDefault(value, call);
  const json = take(jsonOption(call.options, 'default'), 'default', 'a plain value or a function returning an SQL string', call);
  return json === undefined ? undefined : { kind: 'value', value: json };
}

/**
 * CG2108 for a number literal default a double cannot hold as written (`default: 9007199254740993`):
 * JavaScript, so TypeORM, reads it as the nearest double, and so does codegen; the digits survive
 * only as a string, which TypeORM writes into the SQL as it is (`typeormTextDefault`).
 */
function reportRoundedDefault(value: number, call: Call): void {
  let literal = optionValue(call, 'default');
  while (literal && (Node.isParenthesizedExpression(literal) || Node.isAsExpression(literal) || Node.isSatisfiesExpression(literal))) literal = literal.getExpression();
  const negative = literal && Node.isPrefixUnaryExpression(literal) && literal.getOperatorToken() === SyntaxKind.MinusToken;
  const operand = negative ? (literal as PrefixUnaryExpression).getOperand() : literal;
  if (!operand || !Node.isNumericLiteral(operand)) return;
  // As written (TypeScript's own text of the literal is already the double's), separators aside.
  const digits = operand.getText().replace(/_/g, '');
  if (!/^[\d.]+(e[+-]?\d+)?$/i.test(digits)) return;
  const written = `${negative ? '-' : ''}${digits}`;
  if (roundedNumber(written) === undefined) return;
  const shown = Number.isInteger(value) && Math.abs(value) < 1e21 ? BigInt(value).toString() : String(value);
  call.ctx.report(
    'CG2108',
    optionLocation(call, 'default') ?? call.decorator.location,
    `@${call.decorator.name}() on ${call.path}: default ${written} has more digits than a double keeps: JavaScript (and so TypeORM) reads it as ${shown}, the nearest double, and so does codegen.`,
    holdsNumber(call)
      ? `Write ${shown} (or another value a double holds), or type the property \`bigint\` (or \`string\`) and write the digits as a string (\`default: '${written}'\`).`
      : `Write the digits as a string (\`default: '${written}'\`): TypeORM writes it into the SQL as it is, and codegen reads it as those digits.`,
  );
}

/** Whether the decorated property is a `number` (`null` aside), which holds only doubles whatever the default's spelling. */
function holdsNumber(call: Call): boolean {
  const type = call.node?.getParent()?.getType();
  const members = type ? (type.isUnion() ? type.getUnionTypes() : [type]).filter((member) => !member.isNull() && !member.isUndefined()) : [];
  return members.length > 0 && members.every((member) => member.isNumber() || member.isNumberLiteral());
}
