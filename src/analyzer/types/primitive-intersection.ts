/**
 * Intersections of constrained aliases of one primitive: with `/** @minLength 3 *\/ type Min3 =
 * string` and `/** @pattern ^a *\/ type StartsA = string`, `Min3 & StartsA` is `string` to the
 * checker, which forgets both aliases; a value must meet both. The written members are read one
 * by one and their constraints meet (member-constraints.ts): bounds narrow, a pattern or format
 * set by one member is kept; two patterns stay an intersection of the members, each checked.
 * Bounds that leave no value are CG2011, as on one alias (only when certain).
 */
import { Node, ts, type Type, type TypeNode as SyntaxNode } from 'ts-morph';
import type { TypeNode } from '../../model/index.js';
import { checkSatisfiable } from '../constraints/satisfiable.js';
import type { AnalyzerContext } from '../context.js';
import { boundArgument, type Bindings } from './bindings.js';
import { withMemberConstraints } from './member-constraints.js';
import { resolveType } from './resolve.js';
import type { Site } from './site.js';
import type { Written } from './written-syntax.js';

/**
 * The met constraints of the written members (`nodes`) that are `type`, a string, number or
 * bigint; undefined when fewer than two are, or none carries a constraint.
 */
export function meetWrittenPrimitives(nodes: readonly SyntaxNode[], type: Type, site: Site, ctx: AnalyzerContext): TypeNode | undefined {
  // `StartsA & \`a${string}\``: the template literal type, with the aliases' constraints; likewise
  // `Uppercase<string> & Min3`, which the checker reduces to `Uppercase<string>`, forgetting Min3.
  const template = (type.getFlags() & (ts.TypeFlags.TemplateLiteral | ts.TypeFlags.StringMapping)) !== 0;
  const kind = template ? 'string' : primitiveKind(type);
  if (!kind) return undefined;
  const meets = (member: Type) => member.compilerType === type.compilerType || (template && (member.getFlags() & ts.TypeFlags.String) !== 0);
  const same = nodes.flatMap((node) => flatten(node, type, site.bindings)).filter((member) => meets(member.node.getType()));
  if (same.length < 2) return undefined;
  const read = same.map((member) => resolveType(member.node.getType(), { path: site.path, at: site.at, node: member.node, ...(member.bindings ? { bindings: member.bindings } : {}) }, ctx));
  if (!read.some((node) => 'constraints' in node && node.constraints !== undefined)) return undefined;
  const base = template ? read.find((node) => node.kind === 'string' && (node.template !== undefined || node.mapping !== undefined)) : { kind };
  if (!base) return undefined;
  const met = withMemberConstraints(base as TypeNode, read);
  if (met.kind === kind) checkSatisfiable(met, ctx.source(nodes[0]!.getParentOrThrow()), site.path, ctx);
  return met;
}

function primitiveKind(type: Type): 'string' | 'number' | 'bigint' | undefined {
  const flags = type.getFlags();
  if (flags & ts.TypeFlags.String) return 'string';
  if (flags & ts.TypeFlags.Number) return 'number';
  if (flags & ts.TypeFlags.BigInt) return 'bigint';
  return undefined;
}

/**
 * A member as written, its type parameter replaced by the argument; `(A & B) & C` is A, B and C,
 * and `(Min3 | null) & StartsA` is `Min3 & StartsA` (the union's one member of the primitive `type`).
 */
function flatten(node: SyntaxNode, type: Type, bindings: Bindings | undefined): Written[] {
  const bound = boundArgument(node, bindings);
  if (bound) return flatten(bound.node, type, bound.bindings);
  if (Node.isParenthesizedTypeNode(node)) return flatten(node.getTypeNode(), type, bindings);
  if (Node.isIntersectionTypeNode(node)) return node.getTypeNodes().flatMap((member) => flatten(member, type, bindings));
  if (Node.isUnionTypeNode(node)) {
    const alike = node.getTypeNodes().filter((member) => member.getType().compilerType === type.compilerType);
    if (alike.length === 1) return flatten(alike[0]!, type, bindings);
  }
  return [{ node, bindings }];
}
