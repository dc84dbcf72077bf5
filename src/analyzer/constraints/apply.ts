/**
 * Applies constraint requests to the type node they constrain (the string of `string | null`,
 * the array itself and not its items), reporting wrong kinds, bad values and contradictions.
 */
import { tupleShapeLength, type TypeNode } from '../../model/index.js';
import type { AnalyzerContext } from '../context.js';
import { isUnsupported, type DecoratorCall } from '../tags/decorators.js';
import type { JsDocTag } from '../tags/jsdoc.js';
import { requestsFromCompact } from './compact.js';
import { meetInherited, setAsideInherited, type Inherited } from './inherited.js';
import { literalTargetOf, narrowLiteralTarget, type LiteralTarget } from './literal-targets.js';
import { requestsFromDecorators, requestsFromTags, type ConstraintRequest, type Rule } from './requests.js';
import { checkSatisfiable } from './satisfiable.js';
import { setConstraint } from './set.js';
import { brandOfMember, namedBrandMember, ownBrandMember } from '../types/brands.js';
import { roundedNumber } from './values.js';

export interface ConstraintOutcome {
  /** Where `@IsOptional()` was written, if it was. */
  optional?: ConstraintRequest;
  /** Where `@IsDefined()` was written, if it was. */
  defined?: ConstraintRequest;
  /** `@validate required` was written. */
  required: boolean;
}

/** Reads every spelling of the validation vocabulary on a node and applies it to `type`. */
export function applyPropertyConstraints(
  type: TypeNode,
  tags: readonly JsDocTag[],
  decorators: readonly DecoratorCall[],
  path: string,
  ctx: AnalyzerContext,
): ConstraintOutcome {
  const requests = [...requestsFromTags(tags), ...requestsFromDecorators(decorators), ...requestsFromCompact(tags, path, ctx)];
  return applyConstraints(type, requests, path, ctx);
}

/**
 * Applies requests in order; later ones override earlier ones of the same rule. The constraints
 * the type already carries (its alias's) are not overridden: both apply (inherited.ts).
 */
export function applyConstraints(type: TypeNode, requests: readonly ConstraintRequest[], path: string, ctx: AnalyzerContext): ConstraintOutcome {
  const outcome: ConstraintOutcome = { required: false };
  const written = constrainedNode(type);
  let target = written;
  const touched = new Set<TypeNode>();
  const inherited: Inherited = new Map();
  const literalTargets = new Map<TypeNode, LiteralTarget & { path: string }>();
  for (const request of requests) {
    if (request.rule === 'optional') outcome.optional = request;
    else if (request.rule === 'defined') outcome.defined = request;
    else if (request.rule === 'required') outcome.required = true;
    else {
      // `/** @maxLength 50 */ a: Email`, Email a named brand of string: the constraints go on a string beside the reference;
      // on `Brand<Id, 'UserId'>`, on its own branded string beside `Id` (brands.ts).
      if (target === written && !request.each) target = namedBrandMember(written, ctx) ?? ownBrandMember(written, ctx) ?? ownMember(written);
      const node = request.each ? itemsOf(written, request, path, ctx) : target;
      if (!node) continue;
      // `{ each: true }` constrains the items: messages name them (`each item of Order.nested is an array`).
      const where = request.each ? `each item of ${path}` : path;
      const literals = literalTargetFor(node, request.rule, literalTargets, where, request.each ? node : type, ctx);
      if (literals) {
        const rule = ruleFor(request.rule, literals.probe);
        if (applyOne(literals.probe, { ...request, rule }, where, ctx)) literals.requests.push({ ...request, rule });
        continue;
      }
      setAsideInherited(node, inherited);
      touched.add(node);
      applyOne(node, { ...request, rule: ruleFor(request.rule, node) }, where, ctx);
    }
  }
  meetInherited(inherited);
  const last = requests[requests.length - 1];
  if (last) for (const node of touched.size > 0 ? touched : [target]) checkSatisfiable(node, last.location, path, ctx);
  for (const literals of literalTargets.values()) {
    if (literals.requests.length > 0 && checkSatisfiable(literals.probe, literals.requests.at(-1)!.location, literals.path, ctx)) narrowLiteralTarget(literals, literals.path, ctx);
  }
  return outcome;
}

/**
 * The literal target (`1 | 2`, `'ab'`) a rule of the literals' kind applies to, gathered per node
 * (literal-targets.ts); undefined for any other node or a rule of another kind (CG2006 as before).
 */
function literalTargetFor(
  node: TypeNode,
  rule: Rule,
  targets: Map<TypeNode, LiteralTarget & { path: string }>,
  path: string,
  shown: TypeNode,
  ctx: AnalyzerContext,
): (LiteralTarget & { path: string }) | undefined {
  const known = targets.get(node);
  const found = known ?? literalTargetOf(node, ctx);
  if (!found) return undefined;
  const probe = { kind: found.kind } as LiteralTarget['probe'];
  if (!(APPLIES_TO[ruleFor(rule, probe)] ?? []).includes(found.kind)) return undefined;
  if (known) return known;
  const created = { ...found, requests: [], probe, path, shown };
  targets.set(node, created);
  return created;
}

/**
 * `StartsA & EndsZ` (constrained aliases of one primitive, kept apart: two patterns) with tags of
 * its own: they go on one more member of the intersection, since a value meets every member.
 * Any other node is constrained itself.
 */
function ownMember(target: TypeNode): TypeNode {
  if (target.kind !== 'intersection') return target;
  const kind = target.members[0]?.kind;
  if ((kind !== 'string' && kind !== 'number' && kind !== 'bigint') || target.members.some((member) => member.kind !== kind)) return target;
  const member = { kind } as TypeNode;
  target.members = [...target.members, member];
  return member;
}

/** The items `{ each: true }` constrains: those of an array (class-validator also walks Sets and Maps, which codegen does not model). */
function itemsOf(target: TypeNode, request: ConstraintRequest, path: string, ctx: AnalyzerContext): TypeNode | undefined {
  if (target.kind === 'array') {
    const items = constrainedNode(target.items);
    return namedBrandMember(items, ctx) ?? ownBrandMember(items, ctx) ?? items;
  }
  ctx.reportOnce('CG2006', request.location, `${request.rule}/each`, `${request.written} with \`{ each: true }\` applies to the items of an array, but ${path} is ${describe(target)}.`, 'Drop `each: true` to constrain the value itself, or type the property as an array.');
  return undefined;
}

/**
 * The node constraints attach to: the non-null member of `T | null` (or of `T | undefined`, the
 * value of `Partial<Record<string, Code>>`), else the type itself.
 */
export function constrainedNode(type: TypeNode): TypeNode {
  if (type.kind !== 'union') return type;
  const defined = type.members.filter((member) => member.kind !== 'null' && member.kind !== 'undefined');
  return defined.length === 1 ? defined[0]! : type;
}

const APPLIES_TO: Readonly<Record<string, readonly TypeNode['kind'][]>> = {
  minLength: ['string'], maxLength: ['string'], pattern: ['string'], format: ['string'],
  minimum: ['number', 'bigint'], maximum: ['number', 'bigint'],
  exclusiveMinimum: ['number'], exclusiveMaximum: ['number'], multipleOf: ['number'], type: ['number'],
  minItems: ['array', 'tuple'], maxItems: ['array', 'tuple'], uniqueItems: ['array'],
  urlOptions: ['string'],
  min: ['string', 'array', 'tuple', 'number', 'bigint'], max: ['string', 'array', 'tuple', 'number', 'bigint'], notEmpty: ['string', 'array'],
};

const KIND_WORDS: Readonly<Record<string, string>> = { string: 'strings', number: 'numbers', bigint: 'bigints', array: 'arrays', tuple: 'tuples with optional or rest elements' };

/** `min`/`max`/`notEmpty` name a different rule per kind; the others are themselves. */
function ruleFor(rule: Rule, target: TypeNode): Rule {
  const byKind: Partial<Record<Rule, Partial<Record<TypeNode['kind'], Rule>>>> = {
    min: { string: 'minLength', array: 'minItems', tuple: 'minItems', number: 'minimum', bigint: 'minimum' },
    max: { string: 'maxLength', array: 'maxItems', tuple: 'maxItems', number: 'maximum', bigint: 'maximum' },
  };
  return byKind[rule]?.[target.kind] ?? rule;
}

/** Applies one request to `target`, reporting what keeps it from applying; true when it was set. */
function applyOne(target: TypeNode, request: ConstraintRequest, path: string, ctx: AnalyzerContext): boolean {
  // class-validator's isNotEmpty rejects only '', null and undefined: beyond strings, the type already says it (an empty array passes).
  if (request.rule === 'notEmpty' && target.kind !== 'string') return false;
  if (request.decorator && target.kind === 'bigint' && (request.rule === 'minimum' || request.rule === 'maximum')) {
    const message = `${request.written} applies to numbers, but ${path} is bigint: class-validator compares only numbers and would reject every bigint.`;
    ctx.reportOnce('CG2006', request.location, request.rule, message, `Write the JSDoc tag instead (\`@${request.rule} n\`), which codegen checks on bigints.`);
    return false;
  }
  const kinds = APPLIES_TO[request.rule] ?? [];
  if (!kinds.includes(target.kind)) {
    const words = kinds.map((kind) => KIND_WORDS[kind] ?? kind).join(' and ');
    const hint = request.each ? `\`{ each: true }\` applies ${request.written} to the items one level down (class-validator does not walk nested arrays): type the items as ${words}, or drop the decorator.` : undefined;
    ctx.reportOnce('CG2006', request.location, request.rule, `${request.written} applies to ${words}, but ${path} is ${describe(target)}.`, hint);
    return false;
  }
  // `[string, number]` has one length: a bound on it says nothing (or contradicts it).
  if (target.kind === 'tuple') {
    const { min, max } = tupleShapeLength(target);
    if (min === max) {
      const message = `${request.written} applies to arrays and to tuples with optional or rest elements, but ${path} is a tuple of fixed length ${min}.`;
      ctx.reportOnce('CG2006', request.location, request.rule, message, 'Remove the tag: the tuple type fixes the length.');
      return false;
    }
  }
  if (isUnsupported(request.value)) {
    ctx.reportOnce('CG2013', request.location, request.rule, `${request.written} on ${path}: argument '${request.value.unsupported}' cannot be read statically.`);
    return false;
  }
  if (request.decorator && NUMBER_ARGUMENTS.includes(request.rule) && typeof request.value === 'string') {
    const message = `Bad value for ${request.written} on ${path}: expected a number, got the string '${request.value}'; class-validator compares only numbers with a number bound, so it would reject every value.`;
    ctx.reportOnce('CG2002', request.location, request.rule, message, `Pass a number: ${request.written.slice(0, -1)}${request.value}).`);
    return false;
  }
  if (request.written === '@IsDivisibleBy()' && typeof request.value === 'number' && !Number.isInteger(request.value)) {
    const message = `Bad value for ${request.written} on ${path}: expected an integer, got ${request.value}; validator.js divides by the integer part (parseInt), so class-validator would not check divisibility by ${request.value}.`;
    ctx.reportOnce('CG2002', request.location, request.rule, message, 'Pass an integer, or write `@multipleOf` (JSDoc) for a decimal step.');
    return false;
  }
  const error = setConstraint(target, request);
  if (!error) reportRoundedBound(target, request, path, ctx);
  if (!error && request.decorator && request.rule === 'uniqueItems') reportUniqueObjects(target, request, path, ctx);
  if (error) {
    const hint = error.hint ?? `Give ${request.written} a value of the expected form.`;
    const end = error.error.endsWith('?') ? '' : '.';
    ctx.reportOnce(error.code ?? 'CG2002', request.location, request.rule, `Bad value for ${request.written} on ${path}: ${error.error}${end}`, hint);
  }
  return !error;
}

/** Item kinds written inline that are objects or arrays, which class-validator compares by identity (a reference to a declaration is not looked into). */
const BY_IDENTITY: readonly TypeNode['kind'][] = ['object', 'array', 'tuple', 'record', 'intersection'];

/**
 * CG2028 for `@ArrayUnique()` over items that may be objects or arrays (tester s13 T-C): the
 * library compares them by identity, codegen by value (JSON Schema `uniqueItems`).
 */
function reportUniqueObjects(target: TypeNode, request: ConstraintRequest, path: string, ctx: AnalyzerContext): void {
  if (target.kind !== 'array') return;
  const items = target.items.kind === 'union' ? target.items.members : [target.items];
  if (!items.some((item) => BY_IDENTITY.includes(item.kind))) return;
  const message = `${request.written} on ${path} compares its items by value (JSON Schema uniqueItems): class-validator compares objects and arrays by identity, so it accepts equal items this rejects.`;
  ctx.reportOnce('CG2028', request.location, request.rule, message, 'Write the JSDoc `@uniqueItems` to mean deep equality, or compare a key with a check of your own.');
}

/** Decorator rules whose argument class-validator compares as a number. */
const NUMBER_ARGUMENTS: readonly Rule[] = [
  'minLength', 'maxLength', 'minimum', 'maximum', 'multipleOf', 'minItems', 'maxItems',
];

const ARTICLED: Readonly<Record<string, string>> = {
  array: 'an array', object: 'an object', enum: 'an enum', intersection: 'an intersection', record: 'a record', tuple: 'a tuple',
};

/** A type in words for messages: `number`, `an array`, `a reference to Address`. */
export function describe(node: TypeNode): string {
  // The member a named brand's constraints go on (brands.ts): `Email` is a string, and says so.
  const brand = brandOfMember(node);
  if (brand) return `${ARTICLED[node.kind] ?? `a ${node.kind}`} (the brand ${brand})`;
  if (node.kind === 'ref') return `a reference to ${node.id}`;
  if (node.kind === 'literal') return `the literal ${JSON.stringify(node.value)}`;
  if (node.kind === 'union') return `a union (${node.members.map(describe).join(' | ')})`;
  return ARTICLED[node.kind] ?? node.kind;
}

/**
 * CG2027 for a number bound written with more digits than a double keeps (`@minimum
 * 9007199254740993`, s10 hE2): the validators, the OpenAPI document and the mocks all read it as
 * the double JavaScript and JSON parsers give it (9007199254740992), which is not what was
 * written, so the warning says which value the bound is. Bigint bounds are exact and never get it.
 */
function reportRoundedBound(target: TypeNode, request: ConstraintRequest, path: string, ctx: AnalyzerContext): void {
  if (target.kind !== 'number' || typeof request.value !== 'string') return;
  if (!['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'].includes(request.rule)) return;
  const rounded = roundedNumber(request.value);
  if (rounded === undefined) return;
  const written = request.value.trim();
  ctx.reportOnce(
    'CG2027',
    request.location,
    request.rule,
    `${request.written} ${written} on ${path} has more digits than a double keeps: it is read as ${rounded}, the nearest double, by the validators, the OpenAPI document and the mocks.`,
    `Write ${rounded} (or another value a double holds), or make the property a bigint, whose bounds are exact.`,
  );
}
