/**
 * The `collect` strategy: statements that report every issue of a value, each with its JSON
 * Pointer path and a message written out as a literal. A nested part with a function of its own
 * is handed straight to its collect function, never asked its `is` first: a failing part would
 * otherwise be walked twice (and, in a recursive type, once more by every ancestor).
 */
import { weakUnionMembers } from '../../kit/weak-members.js';
import type { TypeNode, UnionType } from '../../../model/types.js';
import { stringLiteral } from '../../kit/emit.js';
import { splitNullish } from '../../kit/unions.js';
import { walkType, type TypeStrategy } from '../../kit/walk.js';
import type { FileCompiler } from './file-compiler.js';
import type { IssueCode } from './issue-messages.js';
import { unknownCheck } from './behaviour-checks.js';
import { isCollection } from './collection-bodies.js';
import { unionTests } from './is-strategy.js';
import { expectedText, joinTests } from './large-types.js';
import { needsOwnFunction } from './object-shape.js';
import { pathCode, type PathExpression } from './path-expression.js';
import { scalarCheck, type ScalarNode } from './scalar-checks.js';
import { code, negate, when, type Statement } from './statements.js';

export interface CollectContext {
  compiler: FileCompiler;
  x: string;
  path: PathExpression;
  base: string;
  /** ` | null` when a nullable union was unwrapped, so a type issue still names the whole type. */
  alsoAccepted?: string;
}

/** Statements reporting the issues of `x` against `node` (none when anything passes). */
export function collectStatements(node: TypeNode, context: CollectContext): Statement[] {
  return walkType(node, COLLECT_STRATEGY, context);
}

/** `report(issues, <path>, "code", "expected")`, the call (the runtime builds the message). */
export function reportCall(context: CollectContext, issueCode: IssueCode, expected: string, path = context.path): string {
  const args = [pathCode(path), stringLiteral(issueCode), stringLiteral(expected)];
  return `${context.compiler.runtime('report')}(issues, ${args.join(', ')})`;
}

/** The statement `report(issues, <path>, "code", "expected");`. */
export function report(context: CollectContext, issueCode: IssueCode, expected: string, path = context.path): Statement {
  return code(`${reportCall(context, issueCode, expected, path)};`);
}

const scalar = (node: ScalarNode, context: CollectContext): Statement[] => {
  const check = scalarCheck(node, context.x, context.compiler);
  const constraints = check.constraints.flatMap((constraint) =>
    when(negate(constraint.test), [report(context, constraint.code, constraint.expected)]),
  );
  return when(negate(check.test), [report(context, check.code, check.expected + (context.alsoAccepted ?? ''))], constraints);
};

/** A call of the collect function of a part with functions of its own. */
export const collectCall = (collectFunction: string, context: CollectContext): Statement =>
  code(`${collectFunction}(${context.x}, ${pathCode(context.path)}, issues);`);

const lifted = (node: TypeNode, context: CollectContext): Statement[] => [
  collectCall(context.compiler.liftedFunction(node, context.base, 'collect'), context),
];

const COLLECT_STRATEGY: TypeStrategy<Statement[], CollectContext> = {
  string: scalar,
  number: scalar,
  bigint: scalar,
  boolean: scalar,
  null: scalar,
  undefined: scalar,
  literal: scalar,
  date: scalar,
  enum: scalar,
  // `never`: no value passes; a function, a platform class: see behaviour-checks.ts.
  unknown: (node, context) => {
    if (isCollection(node)) return lifted(node, context);
    const check = unknownCheck(node, context.x);
    if (!check) return [];
    const issue = report(context, 'type', check.expected + (context.alsoAccepted ?? ''));
    return check.test === 'false' ? [issue] : when(negate(check.test), [issue]);
  },
  ref: (node, context) => [collectCall(context.compiler.declarationFunction(node.id, 'collect'), context)],
  array: lifted,
  tuple: lifted,
  object: lifted,
  record: lifted,
  union: (node, context) => (node.discriminant ? lifted(node, context) : unionStatements(node, context)),
  intersection: (node, context) =>
    needsOwnFunction(node, context.compiler.index)
      ? lifted(node, context)
      : node.members.flatMap((member, i) => collectStatements(member, { ...context, base: `${context.base}Part${i + 1}` })),
};

/**
 * A plain union: `null`/`undefined` members are split off; a single remaining member is
 * checked in full; otherwise one `union` issue, unless only one member can be an object (or
 * an array) and the value is one: then that member's own issues say more.
 */
function unionStatements(node: UnionType, context: CollectContext): Statement[] {
  if (node.members.some((member) => member.kind === 'unknown' && !unknownCheck(member, context.x))) return [];
  const { members, hasNull, hasUndefined } = splitNullish(node);
  const skips = [...(hasNull ? [`${context.x} !== null`] : []), ...(hasUndefined ? [`${context.x} !== undefined`] : [])];
  const alsoAccepted = [...(hasNull ? [' | null'] : []), ...(hasUndefined ? [' | undefined'] : [])].join('');
  // `(null | undefined)[]`'s item: nothing but the nullish members, so any other value is the issue.
  const inner =
    members.length === 0
      ? [report(context, 'union', expectedText(node, context.compiler))]
      : members.length === 1
        ? collectStatements(members[0]!, { ...context, base: `${context.base}Value`, alsoAccepted })
        : severalMembers(node, members, context);
  return skips.length === 0 ? inner : when(skips.join(' && '), inner);
}

function severalMembers(node: UnionType, members: TypeNode[], context: CollectContext): Statement[] {
  const { compiler } = context;
  const memberBase = (member: TypeNode): string => `${context.base}Option${node.members.indexOf(member) + 1}`;
  const test = joinTests(
    unionTests(members, { compiler, x: context.x, base: context.base }, (position) => memberBase(members[position]!)),
    '||',
  );
  let otherwise: Statement[] = [report(context, 'union', expectedText({ kind: 'union', members }, compiler))];
  const weak = weakUnionMembers(members, compiler.index);
  const descend = (shape: 'object' | 'array', guard: string): void => {
    const candidates = members.filter((member) => shapeOf(member, compiler) === shape);
    // A weak member (kit/weak-members.ts) the value shares no key with has no issues of its own to tell.
    if (candidates.length !== 1 || weak.has(candidates[0]!)) return;
    const statements = collectStatements(candidates[0]!, { ...context, base: memberBase(candidates[0]!) });
    otherwise = when(`${compiler.runtime(guard === 'isObject' ? 'isObject' : 'isArray')}(${context.x})`, statements, otherwise);
  };
  descend('array', 'isArray');
  descend('object', 'isObject');
  return when(`!(${test})`, otherwise);
}

/** What kind of JavaScript value a member needs: used to pick the member worth descending into. */
function shapeOf(node: TypeNode, compiler: FileCompiler, seen = new Set<string>()): 'object' | 'array' | 'other' {
  switch (node.kind) {
    case 'object':
    case 'record':
    case 'intersection':
      return 'object';
    case 'union':
      return node.discriminant ? 'object' : 'other';
    case 'array':
    case 'tuple':
      return 'array';
    case 'ref':
      if (seen.has(node.id)) return 'other';
      seen.add(node.id);
      return shapeOf(compiler.index.get(node.id).type, compiler, seen);
    default:
      return 'other';
  }
}
