/**
 * Literals narrowed by a constrained member: `{ b: Code } & { b: 'ABC' | 'abc' }`, with
 * `@pattern ^[A-Z]{3}$` on `Code`, is `'ABC' | 'abc'` to TypeScript, but the validators also
 * check the pattern, so `'abc'` is no value of it. The analyzer keeps such a property (and such a
 * type, `Code & Lit`) as the literals intersected with the constrained primitives
 * (analyzer/types/member-constraints.ts); here each literal is put, at generation time, to the
 * checks the validator runs (the pattern as every generator reads it, lengths in code points, the
 * format's own check, bounds, steps and numeric types), and the mock picks among those that pass.
 * When none passes, the type has no value: CG2018 at the property, and the mock throws when built.
 */
import { meetsIsLength } from '../../../model/is-length.js';
import type { IntersectionType, LiteralType, NumberType, StringType, TypeNode } from '../../../model/types.js';
import { patternRegExp } from '../../../model/pattern.js';
import type { DeclarationIndex } from '../../kit/declaration-index.js';
import { literalCode, stringLiteral } from '../../kit/emit.js';
import { templatePattern } from '../../kit/template-literal.js';
import { decimalFraction } from '../../../model/decimal-fraction.js';
import { isMultipleOf } from '../../../model/multiple-of.js';
import { mockFormatCheck } from '../../validate/compile/format-checks.js';
import type { MockContext } from './mock-context.js';

type Primitive = StringType | NumberType;

/** An intersection of literal sets and constrained primitives, read apart. */
interface Narrowing {
  /** The literals every literal member allows; undefined when a member is no finite set of literals (a ref to a `string` alias). */
  literals: LiteralType[] | undefined;
  /** The first member that is not a primitive: what the mock builds when `literals` is undefined. */
  first: TypeNode;
  constraints: Primitive[];
}

/** The literals of an intersection of literals and constrained primitives that meet every constraint; undefined for other intersections. */
export function keptLiterals(node: IntersectionType, index: DeclarationIndex): LiteralType[] | undefined {
  const found = narrowing(node, index);
  return found?.literals?.filter((literal) => found.constraints.every((constraint) => meets(literal.value, constraint)));
}

/**
 * The mock of a narrowed intersection (`mock` builds the kept literals), or undefined when `node`
 * is no such intersection.
 */
export function narrowedExpression(node: IntersectionType, context: MockContext, mock: (node: TypeNode, context: MockContext) => string): string | undefined {
  const found = narrowing(node, context.compiler.index);
  if (!found) return undefined;
  // A member the model cannot enumerate: built as TypeScript types it, as before the constraints were kept.
  if (!found.literals) return mock(found.first, context);
  const kept = found.literals.filter((literal) => found.constraints.every((constraint) => meets(literal.value, constraint)));
  if (kept.length > 0) return mock(kept.length === 1 ? kept[0]! : { kind: 'union', members: kept }, context);
  return noValue(found.literals, found.constraints, context);
}

function narrowing(node: IntersectionType, index: DeclarationIndex): Narrowing | undefined {
  // `Email & string` (a named brand with a property's own constraints, analyzer/types/brands.ts): two primitives to meet, no literals.
  if (node.members.some((member) => member.kind === 'ref' && isPlainPrimitive(index.get(member.id).type))) return undefined;
  const sets = node.members.filter((member) => member.kind === 'literal' || member.kind === 'union' || member.kind === 'ref');
  const constraints = node.members.filter((member): member is Primitive => member.kind === 'string' || member.kind === 'number');
  if (sets.length === 0 || constraints.length === 0 || sets.length + constraints.length !== node.members.length) return undefined;
  const each = sets.map((set) => literalSet(set, index, new Set()));
  if (each.some((set) => set === undefined)) return { literals: undefined, first: sets[0]!, constraints };
  // Several literal members (`Code & Lit & Other`): the literals all of them allow.
  const [head, ...others] = each as LiteralType[][];
  const literals = head!.filter((literal) => others.every((other) => other.some((candidate) => candidate.value === literal.value)));
  return { literals, first: sets[0]!, constraints };
}

/** The literals `node` allows (an enum's members named), or undefined when it allows other values. */
function literalSet(node: TypeNode, index: DeclarationIndex, seen: Set<string>): LiteralType[] | undefined {
  switch (node.kind) {
    case 'literal':
      return [node];
    case 'union': {
      const sets = node.members.map((member) => literalSet(member, index, seen));
      return sets.every((set) => set !== undefined) ? sets.flat() : undefined;
    }
    case 'ref': {
      if (seen.has(node.id)) return undefined;
      seen.add(node.id);
      const type = index.get(node.id).type;
      if (type.kind !== 'enum') return literalSet(type, index, seen);
      return type.members.map((member) => ({ kind: 'literal', value: member.value, enumMember: { enum: node.id, member: member.name } }));
    }
    default:
      return undefined;
  }
}

/** Whether the validator's checks of `constraint` accept `value`. */
export function meets(value: LiteralType['value'], constraint: Primitive): boolean {
  return constraint.kind === 'string' ? typeof value === 'string' && stringMeets(value, constraint) : typeof value === 'number' && numberMeets(value, constraint);
}

function stringMeets(text: string, node: StringType): boolean {
  const { minLength, maxLength, pattern } = node.constraints ?? {};
  const length = [...text].length;
  if ((minLength !== undefined && length < minLength) || (maxLength !== undefined && length > maxLength)) return false;
  if (node.constraints?.isLength && !meetsIsLength(text, node.constraints.isLength)) return false;
  if (pattern && !patternRegExp(pattern).test(text)) return false;
  if (node.template && !new RegExp(templatePattern(node.template), 'u').test(text)) return false;
  const format = node.constraints ? mockFormatCheck(node.constraints) : undefined;
  return !format || format(text);
}

/** The ranges scalar-checks.ts tests for each `@type`. */
const NUMERIC_RANGES: Record<string, { integer: boolean; low?: number; high?: number; highOpen?: boolean }> = {
  integer: { integer: true },
  int32: { integer: true, low: -2147483648, high: 2147483647 },
  uint32: { integer: true, low: 0, high: 4294967295 },
  int64: { integer: true, low: -9223372036854775808, high: 9223372036854775808, highOpen: true },
  uint64: { integer: true, low: 0, high: 18446744073709551616, highOpen: true },
  float: { integer: false, low: -3.4028234663852886e38, high: 3.4028234663852886e38 },
  double: { integer: false },
};

function numberMeets(value: number, node: NumberType): boolean {
  const c = node.constraints ?? {};
  const range = NUMERIC_RANGES[c.numericType ?? 'double']!;
  if (!(range.integer ? Number.isInteger(value) : Number.isFinite(value))) return false;
  if (range.low !== undefined && value < range.low) return false;
  if (range.high !== undefined && (range.highOpen ? value >= range.high : value > range.high)) return false;
  if (c.minimum !== undefined && value < c.minimum) return false;
  if (c.maximum !== undefined && value > c.maximum) return false;
  if (c.exclusiveMinimum !== undefined && value <= c.exclusiveMinimum) return false;
  if (c.exclusiveMaximum !== undefined && value >= c.exclusiveMaximum) return false;
  if (c.multipleOf === undefined) return true;
  const { numerator, denominator } = decimalFraction(c.multipleOf);
  return isMultipleOf(value, Number(numerator), Number(denominator));
}

/** No literal meets the constraints: CG2018 at the property, and a mock that throws when built. */
function noValue(literals: readonly LiteralType[], constraints: readonly Primitive[], context: MockContext): string {
  const { compiler } = context;
  const values = literals.length === 0 ? 'no literal is left' : `none of its literals (${literals.map((literal) => literalCode(literal.value)).join(', ')}) meets ${constraints.map(describe).join(' and ')}`;
  const why = `it has no value: ${values}`;
  compiler.problems.push({
    code: 'CG2018',
    message: `${context.label} has no value: ${values}, so the validators reject every value and the mocks that hold it throw when built.`,
    hint: 'Make the members agree: keep only literals the constraints accept, or relax the constraint.',
    source: context.source,
  });
  return `${compiler.runtime('cannotMock')}(${stringLiteral(`${context.label}: ${why}`)})`;
}

/** `@pattern /^[A-Z]{3}$/ @maxLength 3`, as the user wrote the constraints. */
function describe(node: Primitive): string {
  const entries = Object.entries(node.constraints ?? {}).map(([key, value]) => {
    if (key === 'pattern') return `@pattern /${(value as { source: string }).source}/${(value as { flags: string }).flags}`;
    if (key === 'numericType') return `@type ${String(value)}`;
    if (key === 'url') return undefined;
    return `@${key} ${String(value)}`;
  });
  if (node.kind === 'string' && node.template) entries.push('its template literal type');
  return entries.filter((entry) => entry !== undefined).join(' ');
}

/** A string, number or bigint type (a bigint literal aside): a named brand's declaration. */
function isPlainPrimitive(node: TypeNode): boolean {
  if (node.kind === 'bigint') return node.literal === undefined;
  return node.kind === 'string' || node.kind === 'number';
}
