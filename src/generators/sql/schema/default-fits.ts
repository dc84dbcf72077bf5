/**
 * Whether a column's default value is a value the column holds, by the rules its other values
 * obey (tester s11 T8): the entity's constraints with the column's SQL type added
 * (`withColumnConstraints`: smallint/integer ranges, `varchar(n)`/`length`, `char(n)`'s exact
 * width, `date`'s real day, `uuid`'s form, `numeric(p, s)`'s digits and scale), the property's
 * own (`@minimum`, `@maxLength`, a literal union, an enum's members), judged as the generated
 * validators judge them (their format checks), and a `bigint` column's 64-bit range. A default
 * that fails would make the schema fail to apply (`'2024-02-30'` on a PostgreSQL date), an insert
 * that leaves the column out fail with an engine's error or a CHECK violation, or store a row the
 * repository refuses. Raw SQL defaults are not judged here (raw-defaults.ts).
 */
import { withColumnConstraints } from '../../../model/column-constraints.js';
import type { EntityColumn, TypeNode } from '../../../model/types.js';
import { valueMisfit, type ValueJudge } from '../../../model/value-fits.js';
import type { DeclarationIndex } from '../../kit/declaration-index.js';
import { formatCheck } from '../../validate/compile/format-checks.js';
import { withWrittenLength, type ColumnType } from '../column-types.js';

/** A UTF-16 surrogate without its pair: UTF-8 has no form for it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** What `value` should be (`'at most 32767'`) when the column cannot hold it; undefined when it can, or when that cannot be told. */
export function defaultMisfit(column: EntityColumn, type: ColumnType, value: unknown, declarations: DeclarationIndex): string | undefined {
  if (value === null || type.codec === 'timestamp') return undefined;
  // A PostgreSQL array's items are judged as JSON's strings are: no NUL or lone surrogate. The
  // value must also be one of the type's: the row would be read back as that type (a string
  // default there, array literal or JSON text, has checks of its own: sql/check).
  if (type.codec === 'json' || type.codec === 'simple-json' || type.codec === 'array') return unstorableJson(value) ?? (typeof value === 'string' ? undefined : typeMisfit(column, value, declarations));
  if (type.codec === 'bigint') return bigintMisfit(value);
  const text = typeof value === 'string' ? unstorableText(value) : undefined;
  if (text) return `a string without ${text[0]} (${text[1]})`;
  return typeMisfit(column, value, declarations);
}

/** What `value` should be when the column's type and constraints, as the validators judge them, refuse it. */
function typeMisfit(column: EntityColumn, value: unknown, declarations: DeclarationIndex): string | undefined {
  const constrained = arrayItemsConstrained(column) ?? withColumnConstraints(column.type, withWrittenLength(column));
  const judge: ValueJudge = {
    format: (constraints, text) => formatCheck(constraints)?.(text),
    resolve: (id) => declarations.find(id)?.type,
  };
  const verdict = misfit(constrained, value, judge, declarations);
  return typeof verdict === 'string' ? verdict : undefined;
}

/**
 * The type of a PostgreSQL array column (`int[]`, TypeORM's `array: true`) with each item held to
 * the item's column (`int`: an integer in range, `varchar(5)`: at most 5 characters), as the
 * repository checks the items: PostgreSQL would refuse the default `'{1,2.5}'` for `int[]`.
 * Undefined for any other column.
 */
function arrayItemsConstrained(column: EntityColumn): TypeNode | undefined {
  const written = column.dbType?.trim();
  if (!written?.endsWith('[]') || column.type.kind !== 'array') return undefined;
  const item = withWrittenLength({ ...column, dbType: written.slice(0, -2).trim() });
  return { ...column.type, items: withColumnConstraints(column.type.items, item) };
}

/**
 * What a JSON value should be when a string in it, value or key at any depth, holds a NUL
 * character or a lone UTF-16 surrogate (tester s12 T4): jsonb refuses both escapes (`\u0000
 * cannot be converted to text`), so the schema would not apply on PostgreSQL. The rule the
 * repository's input check applies to JSON values (templates/crud/repository-values.ts
 * `jsonNulIssues`; test sql/default-fits compares the two on the same values).
 */
export function unstorableJson(value: unknown, path = '', depth = 0): string | undefined {
  if (typeof value === 'string') {
    const text = unstorableText(value);
    return text && `JSON without ${text[0]}${path === '' ? '' : ` at ${path}`} (${text[1]})`;
  }
  if (typeof value !== 'object' || value === null || depth > 200) return undefined;
  if (Array.isArray(value)) {
    for (const [at, item] of value.entries()) {
      const found = unstorableJson(item, `${path}/${at}`, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  for (const [key, item] of Object.entries(value)) {
    const at = `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    const text = unstorableText(key);
    if (text) return `JSON without ${text[0]} in the key at ${at} (${text[1]})`;
    const found = unstorableJson(item, at, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** What text holding a NUL or a lone surrogate should lack, as the runtime's `unstorableText` judges it; undefined for text every engine stores. */
function unstorableText(text: string): readonly [what: string, why: string] | undefined {
  if (text.includes('\0')) return ['a NUL character', 'no engine stores one'];
  if (LONE_SURROGATE.test(text)) return ['a lone UTF-16 surrogate', 'UTF-8 cannot store one'];
  return undefined;
}

/** valueMisfit, with what it leaves undecided that a column's default needs: an enum's members, a decimal scale. */
function misfit(node: TypeNode, value: unknown, judge: ValueJudge, declarations: DeclarationIndex, refs = 0): string | true | undefined {
  if (node.kind === 'ref' && refs < 64) {
    const target = declarations.find(node.id)?.type;
    return target ? misfit(target, value, judge, declarations, refs + 1) : undefined;
  }
  if (node.kind === 'enum') {
    return node.members.some((member) => member.value === value) || `one of ${node.members.map((member) => JSON.stringify(member.value)).join(', ')}`;
  }
  if (node.kind === 'union') {
    const verdicts = node.members.map((member) => misfit(member, value, judge, declarations, refs));
    if (verdicts.includes(true)) return true;
    if (verdicts.includes(undefined)) return undefined;
    return verdicts.join(' or ');
  }
  const verdict = valueMisfit(node, value, judge);
  if (verdict !== true || node.kind !== 'number' || typeof value !== 'number') return verdict;
  return scaleMisfit(node.constraints?.multipleOf, value);
}

/** A `multipleOf` of `1`, `0.1`, `0.01`…: the decimals `value` may have (numeric(p, s)'s scale). */
function scaleMisfit(multipleOf: string | undefined, value: number): string | true | undefined {
  if (multipleOf === undefined) return true;
  const step = /^(?:1|0\.(0*)1)$/.exec(String(multipleOf));
  if (!step) return undefined;
  const allowed = step[1] === undefined ? 0 : step[1].length + 1;
  const text = String(value);
  if (/e/i.test(text)) return undefined;
  const decimals = text.includes('.') ? text.split('.')[1]!.length : 0;
  return decimals <= allowed || (allowed === 0 ? 'an integer' : `a number with at most ${allowed} decimal${allowed === 1 ? '' : 's'}`);
}

function bigintMisfit(value: unknown): string | undefined {
  const text = typeof value === 'number' ? (Number.isSafeInteger(value) ? String(value) : undefined) : typeof value === 'string' ? value.trim() : undefined;
  if (text === undefined || !/^-?\d+$/.test(text)) return undefined;
  const number = BigInt(text);
  return number < INT64_MIN || number > INT64_MAX ? `an integer from ${INT64_MIN} to ${INT64_MAX} (bigint's 64 bits)` : undefined;
}
