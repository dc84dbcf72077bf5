/**
 * A brand over a constrained type: `Brand<Code, 'CodeId'>` with `/** @minLength 2 *\/ type Code =
 * string` and `type Brand<T, B extends string> = T & { readonly __brand: B }`, inline or named,
 * and a brand over another brand (`Tagged<Email2, 'Admin'>` with `type Tagged<T, B> = T & {
 * readonly __tag: B }`). The checker reads the intersection as `string` and two object members,
 * forgetting `Code` (and `Email2`): the brand was a plain string, its inner constraints dropped
 * in silence. The members are found as written, through the generic alias's body (`T & { … }`,
 * `T` bound to the argument `Code`), so the inner alias keeps its tags and an inner named brand
 * stays a reference beside the branded primitive (`isEmail2(v) && typeof v === "string"`).
 *
 * Two brands with the same key (`Brand<Email2, 'Mail3'>`: `__brand` is `'Email2' & 'Mail3'`) are
 * `never` to TypeScript: no value has the type (CG2018, reported by the caller).
 */
import { Node, type Type, type TypeNode as SyntaxNode } from 'ts-morph';
import type { TypeNode } from '../../model/index.js';
import type { AnalyzerContext } from '../context.js';
import { bindingsOf, boundArgument, type Bindings } from './bindings.js';
import { withoutBrands } from './brands.js';
import { declarationOf, isDefaultLib } from './declarations.js';
import { resolveType } from './resolve.js';
import type { Site } from './site.js';
import type { Written } from './written-syntax.js';

/** Generic aliases followed to the intersection they write (a cycle of them is a checker error). */
const DEPTH = 8;

/**
 * The members of the intersection `node` writes, each with its type parameters replaced by what
 * they are bound to: through parentheses, nested intersections, and a user's generic alias whose
 * body is an intersection (`Brand<Code, 'X'>` is `Code` and `{ readonly __brand: 'X' }`);
 * undefined when `node` writes no intersection.
 */
export function writtenIntersection(node: SyntaxNode | undefined, bindings: Bindings | undefined, depth = DEPTH): Written[] | undefined {
  if (!node || depth === 0) return undefined;
  const bound = boundArgument(node, bindings);
  if (bound) return writtenIntersection(bound.node, bound.bindings, depth - 1);
  if (Node.isParenthesizedTypeNode(node)) return writtenIntersection(node.getTypeNode(), bindings, depth);
  if (Node.isIntersectionTypeNode(node)) return node.getTypeNodes().flatMap((member) => writtenIntersection(member, bindings, depth - 1) ?? [unbound(member, bindings)]);
  if (!Node.isTypeReference(node) || node.getTypeArguments().length === 0) return undefined;
  const declaration = declarationOf(node.getTypeName().getSymbol());
  if (!declaration || !Node.isTypeAliasDeclaration(declaration) || isDefaultLib(declaration)) return undefined;
  const body = declaration.getTypeNode();
  return body && writtenIntersection(body, bindingsOf(node, bindings), depth - 1);
}

/**
 * The named brands of the primitive `primitive` written among `members` (`Email2` of
 * `Tagged<Email2, 'Admin'>`), each read as a reference: a value must be one of them too.
 */
export function innerBrands(members: readonly Written[], primitive: Type, site: Site, ctx: AnalyzerContext): TypeNode[] {
  return members.flatMap(({ node, bindings }) => {
    const type = node.getType();
    if (!type.isIntersection()) return [];
    const { kept, branded } = withoutBrands(type.getIntersectionTypes());
    if (!branded || kept.length !== 1 || kept[0]!.compilerType !== primitive.compilerType) return [];
    const read = resolveType(type, { path: site.path, at: site.at, node, ...(bindings ? { bindings } : {}) }, ctx);
    return read.kind === 'ref' || read.kind === 'intersection' ? [read] : [];
  });
}

function unbound(node: SyntaxNode, bindings: Bindings | undefined): Written {
  const bound = boundArgument(node, bindings);
  return bound ? unbound(bound.node, bound.bindings) : { node, bindings };
}
