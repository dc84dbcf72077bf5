/**
 * Applies constraint requests to the type node they constrain (the string of `string | null`,
 * the array itself and not its items), reporting wrong kinds, bad values and contradictions.
 */
import type { TypeNode } from '../../model/index.js';
import type { AnalyzerContext } from '../context.js';
import { isUnsupported, type DecoratorCall } from '../tags/decorators.js';
import type { JsDocTag } from '../tags/jsdoc.js';
import { requestsFromCompact } from './compact.js';
import { requestsFromDecorators, requestsFromTags, type ConstraintRequest, type Rule } from './requests.js';
import { checkSatisfiable } from './satisfiable.js';
import { setConstraint } from './set.js';

export interface ConstraintOutcome {
  /** `@IsOptional()` was written. */
  optional: boolean;
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

/** Applies requests in order; later ones override earlier ones of the same rule. */
export function applyConstraints(type: TypeNode, requests: readonly ConstraintRequest[], path: string, ctx: AnalyzerContext): ConstraintOutcome {
  const outcome: ConstraintOutcome = { optional: false, required: false };
  const target = constrainedNode(type);
  for (const request of requests) {
    if (request.rule === 'optional') outcome.optional = true;
    else if (request.rule === 'required') outcome.required = true;
    else applyOne(target, { ...request, rule: ruleFor(request.rule, target) }, path, ctx);
  }
  if (requests.length > 0) checkSatisfiable(target, requests[requests.length - 1]!.location, path, ctx);
  return outcome;
}

/** The node constraints attach to: the non-null member of `T | null`, else the type itself. */
export function constrainedNode(type: TypeNode): TypeNode {
  if (type.kind !== 'union') return type;
  const defined = type.members.filter((member) => member.kind !== 'null');
  return defined.length === 1 ? defined[0]! : type;
}

const APPLIES_TO: Readonly<Record<string, readonly TypeNode['kind'][]>> = {
  minLength: ['string'], maxLength: ['string'], pattern: ['string'], format: ['string'],
  minimum: ['number', 'bigint'], maximum: ['number', 'bigint'],
  exclusiveMinimum: ['number'], exclusiveMaximum: ['number'], multipleOf: ['number'], type: ['number'],
  minItems: ['array'], maxItems: ['array'], uniqueItems: ['array'],
  min: ['string', 'array', 'number', 'bigint'], max: ['string', 'array', 'number', 'bigint'], notEmpty: ['string', 'array'],
};

const KIND_WORDS: Readonly<Record<string, string>> = { string: 'strings', number: 'numbers', bigint: 'bigints', array: 'arrays' };

/** `min`/`max`/`notEmpty` name a different rule per kind; the others are themselves. */
function ruleFor(rule: Rule, target: TypeNode): Rule {
  const byKind: Partial<Record<Rule, Partial<Record<TypeNode['kind'], Rule>>>> = {
    min: { string: 'minLength', array: 'minItems', number: 'minimum', bigint: 'minimum' },
    max: { string: 'maxLength', array: 'maxItems', number: 'maximum', bigint: 'maximum' },
  };
  return byKind[rule]?.[target.kind] ?? rule;
}

function applyOne(target: TypeNode, request: ConstraintRequest, path: string, ctx: AnalyzerContext): void {
  const kinds = APPLIES_TO[request.rule] ?? [];
  if (!kinds.includes(target.kind)) {
    const words = kinds.map((kind) => KIND_WORDS[kind] ?? kind).join(' and ');
    ctx.reportOnce('CG2006', request.location, request.rule, `${request.written} applies to ${words}, but ${path} is ${describe(target)}.`);
    return;
  }
  if (isUnsupported(request.value)) {
    ctx.reportOnce('CG2013', request.location, request.rule, `${request.written} on ${path}: argument '${request.value.unsupported}' cannot be read statically.`);
    return;
  }
  const error = setConstraint(target, request);
  if (error) {
    const hint = error.hint ?? `Give ${request.written} a value of the expected form.`;
    const end = error.error.endsWith('?') ? '' : '.';
    ctx.reportOnce(error.code ?? 'CG2002', request.location, request.rule, `Bad value for ${request.written} on ${path}: ${error.error}${end}`, hint);
  }
}

const ARTICLED: Readonly<Record<string, string>> = {
  array: 'an array', object: 'an object', enum: 'an enum', intersection: 'an intersection', record: 'a record', tuple: 'a tuple',
};

/** A type in words for messages: `number`, `an array`, `a reference to Address`. */
export function describe(node: TypeNode): string {
  if (node.kind === 'ref') return `a reference to ${node.id}`;
  if (node.kind === 'literal') return `the literal ${JSON.stringify(node.value)}`;
  if (node.kind === 'union') return `a union (${node.members.map(describe).join(' | ')})`;
  return ARTICLED[node.kind] ?? node.kind;
}
