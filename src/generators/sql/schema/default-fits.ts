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
  if (value === null || type.codec === 'json' || type.codec === 'timestamp') return undefined;
  if (type.codec === 'bigint') return bigintMisfit(value);
  if (typeof value === 'string' && LONE_SURROGATE.test(value)) return 'a string without a lone UTF-16 surrogate (UTF-8 cannot store one)';
  if (typeof value === 'string' && value.includes('\0')) return 'a string without a NUL character (no engine stores one)';
  const constrained = withColumnConstraints(column.type, withWrittenLength(column));
  const judge: ValueJudge = {
    format: (constraints, text) => formatCheck(constraints)?.(text),
    resolve: (id) => declarations.find(id)?.type,
  };
  const verdict = misfit(constrained, value, judge, declarations);
  return typeof verdict === 'string' ? verdict : undefined;
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
