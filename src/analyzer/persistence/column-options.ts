/**
 * The options of TypeORM's column decorators (`@Column('varchar', { length: 80, default: Role.Member })`),
 * read statically. A function default (`() => 'now()'`) is raw SQL, as TypeORM treats it;
 * every other default is a JSON value (enum members resolved to their value).
 */
import type { ColumnDefault } from '../../model/index.js';
import type { StaticValue } from '../tags/decorators.js';
import type { ColumnAnnotations } from './annotations.js';
import { reportOthers, take, type Call } from './decorator-call.js';
import { booleanOption, jsonOption, numberOption, stringArgument, stringOption } from './static-options.js';

/** TypeORM's own mappings rather than SQL types: the column type then comes from the property's type. */
const TYPEORM_PSEUDO_TYPES = ['enum', 'simple-json', 'simple-array'];

/** Reads `@Column()`-style options; `typeArgument` when a first string argument is the column type. */
export function readColumnOptions(a: ColumnAnnotations, call: Call, typeArgument: boolean): void {
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
  const written = defaultOf(options['default'], call);
  if (written) a.default = typeName ? typeormDefault(written, typeName) : written;
  if (options['enum'] !== undefined) a.enumOption = call.decorator.location;
  reportOthers(call, 'column');
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
  const option = take(stringOption(call.options, 'type'), 'type', 'a string', call);
  const dbType = option ?? (typeArgument ? stringArgument(call.decorator.arguments) : undefined);
  if (dbType !== undefined && !TYPEORM_PSEUDO_TYPES.includes(dbType)) a.dbType = dbType;
  return dbType;
}

/**
 * A string default as TypeORM writes it for these types: into the SQL as it is. So on `json`,
 * `jsonb` and `simple-json` it is the JSON text (`default: '{}'` is the empty object, not the
 * string "{}"), and on `simple-array` the comma-joined list (`''` is the empty list). Text that is
 * not JSON stays the string it is (TypeORM's own schema would not apply).
 */
function typeormDefault(written: ColumnDefault, typeName: string): ColumnDefault {
  if (written.kind !== 'value' || typeof written.value !== 'string') return written;
  const type = typeName.trim().toLowerCase();
  if (type === 'simple-array') return { kind: 'value', value: written.value === '' ? [] : written.value.split(',') };
  if (type !== 'json' && type !== 'jsonb' && type !== 'simple-json') return written;
  try {
    return { kind: 'value', value: JSON.parse(written.value) as unknown };
  } catch {
    return written;
  }
}

/** `default: …`: raw SQL for a function returning a string, a JSON value otherwise. */
function defaultOf(value: StaticValue | undefined, call: Call): ColumnDefault | undefined {
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && 'returns' in value) return { kind: 'sql', sql: value.returns };
  const json = take(jsonOption(call.options, 'default'), 'default', 'a plain value or a function returning an SQL string', call);
  return json === undefined ? undefined : { kind: 'value', value: json };
}
