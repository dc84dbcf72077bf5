/**
 * Constraints on literal types of their kind (tester s17 F2): `@Min(0) a: 1 | 2`,
 * `@Length(2, 4) b: 'ab' | 'abcdef'`, `@IsInt() n: 1 | 2.5`, `/** @minLength 2 *\/ c: Code.A`.
 * class-validator applies them (a literal `1` is a number), so codegen does too: the literals the
 * constraints reject are left out of the type every generator reads, as `@IsIn(['a', 'bb'])
 * @MinLength(2)` on a string leaves `'bb'` (type-checks.ts). Leaving out a literal the type allows
 * is warning CG2029 at the rule that rejects it; leaving none is error CG2011.
 *
 * The rules are gathered on a probe, a bare primitive of the literals' kind, then each literal is
 * judged against the probe as the generated validators judge a value (model/value-fits.ts), a
 * step (`@multipleOf`, `@IsDivisibleBy()`) by the validator's own exact check (tester8 F6: it was
 * left to the mock, without CG2029 and with the whole enum in the schema). A format needs the
 * validator's runtime to judge (generators/validate/compile): such a target becomes the literals
 * intersected with the probe, whose literals the mock filters with the validator's own checks at
 * generation time (generators/mock/compile/constrained-literals.ts).
 */
import { Node } from 'ts-morph';
import type { BigIntType, LiteralType, NumberType, StringType, TypeNode } from '../../model/index.js';
import { decimalFraction } from '../../model/decimal-fraction.js';
import { isMultipleOf } from '../../model/multiple-of.js';
import { valueMisfit } from '../../model/value-fits.js';
import type { AnalyzerContext } from '../context.js';
import { mergedDeclarations } from '../merged-declarations.js';
import type { ConstraintRequest } from './requests.js';
import { setConstraint } from './set.js';

type Probe = StringType | NumberType | BigIntType;

/** A string or number literal, or a bigint literal (`10n`: a `bigint` node with `literal`). */
type Literal = LiteralType | BigIntType;

/** A literal type, or a union of literals (and `null`/`undefined`), whose literals share a kind constraints apply to. */
export interface LiteralTarget {
  node: TypeNode;
  kind: 'string' | 'number' | 'bigint';
  literals: Literal[];
  /** The rules applied to the literals, in order, each with the probe it was applied to alone. */
  requests: ConstraintRequest[];
  /** Every rule together. */
  probe: Probe;
  /** The type the user wrote around `node`, for messages (`Level | null` when `node` is `Level`). */
  shown: TypeNode;
}

/**
 * The literal target `node` is, if it is one: every member but `null`/`undefined` a string
 * literal, or every one a number literal; or a reference to an enum of such members
 * (`@MinLength(2) code: Code`), whose members are its literals.
 */
export function literalTargetOf(node: TypeNode, ctx: AnalyzerContext): Omit<LiteralTarget, 'requests' | 'probe' | 'shown'> | undefined {
  const members = node.kind === 'ref' ? enumLiterals(node.id, ctx) ?? [node] : node.kind === 'union' ? node.members.filter((member) => member.kind !== 'null' && member.kind !== 'undefined') : [node];
  if (members.length > 0 && members.every((member): member is BigIntType => member.kind === 'bigint' && member.literal !== undefined)) return { node, kind: 'bigint', literals: members };
  if (members.length === 0 || !members.every((member): member is LiteralType => member.kind === 'literal')) return undefined;
  const kind = typeof members[0]!.value;
  if ((kind !== 'string' && kind !== 'number') || members.some((member) => typeof member.value !== kind)) return undefined;
  return { node, kind, literals: members };
}

/**
 * The members of the enum `id` names as literals naming them (`Code.A`), when the checker knows
 * every value (a member it does not is CG2017 where the enum is read); undefined otherwise.
 */
function enumLiterals(id: string, ctx: AnalyzerContext): LiteralType[] | undefined {
  const declaration = ctx.table.byId(id)?.node;
  if (!declaration || !Node.isEnumDeclaration(declaration)) return undefined;
  const members = mergedDeclarations(declaration).flatMap((part) => (Node.isEnumDeclaration(part) ? part.getMembers() : []));
  const literals = members.map((member): LiteralType | undefined => {
    const value = member.getValue();
    const name = member.getSymbol()?.getName() ?? member.getName();
    return value === undefined || (typeof value === 'number' && !Number.isFinite(value)) ? undefined : { kind: 'literal', value, enumMember: { enum: id, member: name } };
  });
  return literals.length > 0 && literals.every((literal) => literal !== undefined) ? (literals as LiteralType[]) : undefined;
}

/** The type text of a literal target as TypeScript spells it (`1 | 2.5`, `'ab' | null`, `Color.Red`), for messages; other kinds by their kind's name (`number`). */
export function literalTypeText(node: TypeNode): string {
  if (node.kind === 'union') return node.members.map(literalTypeText).join(' | ');
  if (node.kind === 'ref') return node.id;
  if (node.kind === 'array') return `${node.items.kind === 'union' ? `(${literalTypeText(node.items)})` : literalTypeText(node.items)}[]`;
  if (node.kind === 'bigint' && node.literal !== undefined) return `${node.literal}n`;
  if (node.kind !== 'literal') return node.kind;
  if (node.enumMember) return `${node.enumMember.enum.split('.').pop()}.${node.enumMember.member}`;
  if (typeof node.value === 'string') return `'${JSON.stringify(node.value).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
  return Object.is(node.value, -0) ? '-0' : String(node.value);
}

/**
 * Constraints the analyzer cannot judge a literal by: the validator's runtime does (format
 * checks). A step is judged here, by the validator's own exact decimal check (model/multiple-of.ts).
 */
const JUDGED_AT_GENERATION = ['format', 'url'];

/**
 * Narrows a literal target, in place (it may be the property's type or a member of it), to the
 * literals its constraints accept; reports what it leaves out (CG2029) or that it leaves nothing
 * (CG2011). `path` is `Dto.lit` or `each item of Dto.lits`.
 */
export function narrowLiteralTarget(target: LiteralTarget, path: string, ctx: AnalyzerContext): void {
  const written = literalTypeText(target.shown);
  const constraints = target.probe.constraints ?? {};
  if (Object.keys(constraints).length === 0) return;
  const kept = target.literals.filter((literal) => fits(literal, target.probe));
  const last = target.requests[target.requests.length - 1]!;
  if (kept.length === 0) {
    const rules = [...new Set(target.requests.map((request) => request.written))].join(' ');
    const message = `Contradictory constraints on ${path}: ${rules} ${target.requests.length > 1 ? 'leave' : 'leaves'} no value of its type \`${written}\`.`;
    ctx.reportOnce('CG2011', last.location, 'literals', message, `Type ${path} with the values it is to hold, or relax ${rules}.`);
    return;
  }
  const all = kept.length === target.literals.length;
  if (!all) for (const request of target.requests) reportLeftOut(target, request, kept, written, path, ctx);
  const set = all && target.node.kind === 'ref' ? { ...target.node } : union(kept);
  // A format or a step stays with the literals left, both checked: `('a' | 'b') & string{format}`, as `Code & ('a' | 'b')` is read.
  if (JUDGED_AT_GENERATION.some((key) => key in constraints)) replaceWith(target.node, withEmpty(target.node, { kind: 'intersection', members: [set, target.probe] }));
  else if (!all) replaceWith(target.node, withEmpty(target.node, set));
}

/** CG2029 at one rule, for the literals it rejects on its own. */
function reportLeftOut(target: LiteralTarget, request: ConstraintRequest, kept: readonly Literal[], written: string, path: string, ctx: AnalyzerContext): void {
  const alone = { kind: target.kind } as Probe;
  if (setConstraint(alone, { ...request, each: false })) return;
  const rejected = target.literals.filter((literal) => !fits(literal, alone));
  if (rejected.length === 0) return;
  const names = rejected.map(literalTypeText).join(', ');
  const left = literalTypeText(withEmpty(target.shown, union(kept)));
  const them = rejected.length > 1 ? 'them' : 'it';
  const by = request.decorator ? `class-validator rejects ${them}, and so do the generated validators` : `the generated validators reject ${them}`;
  const message = `${request.written} on ${path} leaves out ${names} of its type \`${written}\`: ${by}; the mocks and the OpenAPI schema keep to ${left}.`;
  ctx.reportOnce('CG2029', request.location, `literals/${request.rule}`, message, `Write the type as \`${left}\` if that is what ${path} holds, or relax ${request.written}.`);
}

/** Whether a literal may meet the probe's constraints, as the validators judge a value (a format or a step is judged at generation). */
function fits(literal: Literal, probe: Probe): boolean {
  if (literal.kind === 'bigint' || probe.kind === 'bigint') {
    const value = BigInt(literal.kind === 'bigint' ? literal.literal! : 0);
    const c = probe.kind === 'bigint' ? probe.constraints : undefined;
    return (c?.minimum === undefined || value >= BigInt(c.minimum)) && (c?.maximum === undefined || value <= BigInt(c.maximum));
  }
  // A format has no verdict here (undefined): the literal stays, for the validator's own check.
  return typeof valueMisfit(probe, literal.value) !== 'string' && meetsStep(literal.value, probe);
}

/** Whether a number literal is a multiple of the probe's `@multipleOf`, as the generated validator decides it (19.99 of 0.01). */
function meetsStep(value: LiteralType['value'], probe: Probe): boolean {
  const step = probe.kind === 'number' ? probe.constraints?.multipleOf : undefined;
  if (step === undefined || typeof value !== 'number') return true;
  try {
    const { numerator, denominator } = decimalFraction(step);
    return isMultipleOf(value, Number(numerator), Number(denominator));
  } catch {
    // A step no double can check exactly is CG2002 where it is read: no verdict here.
    return true;
  }
}

function union(literals: readonly Literal[]): TypeNode {
  return literals.length === 1 ? literals[0]! : { kind: 'union', members: [...literals] };
}

/** `narrowed` beside the `null` and `undefined` members `node` had. */
function withEmpty(node: TypeNode, narrowed: TypeNode): TypeNode {
  const empty = node.kind === 'union' ? node.members.filter((member) => member.kind === 'null' || member.kind === 'undefined') : [];
  return empty.length === 0 ? narrowed : { kind: 'union', members: [...(narrowed.kind === 'union' ? narrowed.members : [narrowed]), ...empty] };
}

function replaceWith(node: TypeNode, replacement: TypeNode): void {
  const copy = { ...replacement };
  for (const key of Object.keys(node)) delete (node as unknown as Record<string, unknown>)[key];
  Object.assign(node, copy);
}
