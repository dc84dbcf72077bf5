/**
 * The safety net behind the readers that carry an alias's constraints (resolve.ts, see-through.ts,
 * written-syntax.ts): a property whose written type names a constrained inlined alias, whose
 * checked type still holds that alias's primitive, yet whose model carries no constraint at all,
 * lost them on a path codegen cannot follow (`ReturnType<() => Slug>`). That is CG2021, at the
 * property, rather than a validator that silently checks less than the user wrote.
 */
import { Node, ts, type Type, type TypeAliasDeclaration, type TypeNode as SyntaxNode } from 'ts-morph';
import type { TypeNode } from '../../model/index.js';
import { CONSTRAINT_TAGS } from '../constraints/requests.js';
import type { AnalyzerContext } from '../context.js';
import { boundArgument, type Bindings } from './bindings.js';
import { inlinedAliasOf } from './declarations.js';

/** Where, and how, a lost alias is said beyond the property's own reading. */
export interface DroppedAt {
  /** What `syntax` is read under: an alias reaching it as a type argument or as the property a mapped type's `T[K]` names. */
  bindings?: Bindings | undefined;
  /**
   * An operation's parameter or result has no tags of its own to repeat the alias's on: the hint
   * then asks for the alias where the value is.
   */
  operation?: boolean;
  /** The type as the user wrote it where `at` points, when `syntax` is found inside an alias (`type Reply = Promise<Ret>`). */
  shown?: Node | undefined;
}

/**
 * CG2021 for each constrained alias `syntax` names that `resolved` (the property's model) lost.
 * An alias reaching `syntax` through `options.bindings` (`OnlyStrings<T[K]>` read for `code: Code`)
 * counts.
 */
export function reportDroppedConstraints(syntax: SyntaxNode | undefined, checked: Type, resolved: TypeNode, at: Node, path: string, ctx: AnalyzerContext, options: DroppedAt = {}): void {
  if (!syntax || carriesConstraints(resolved)) return;
  const held = primitiveKinds(checked, new Set());
  const shown = (options.shown ?? syntax).getText();
  for (const alias of constrainedAliases(syntax, ctx, new Set(), true, options.bindings)) {
    const kind = primitiveKinds(alias.getType(), new Set());
    if (![...kind].some((flag) => held.has(flag))) continue;
    const message = `The constraints of ${alias.getName()} do not reach ${path}: codegen cannot follow the alias through \`${shown}\`, so ${path} is checked without them.`;
    const hint = options.operation ? `Write ${alias.getName()} where the value is, or a constrained alias of the whole type.` : `Write ${alias.getName()} where the value is, or repeat its tags on the property.`;
    ctx.reportOnce('CG2021', ctx.source(at), `dropped/${alias.getName()}/${path}`, message, hint);
  }
}

/** A model with a constraint anywhere, or a reference (whose declaration is read, and checked, on its own). */
function carriesConstraints(node: TypeNode): boolean {
  return /"constraints":|"kind":"ref"/.test(JSON.stringify(node));
}

/**
 * The inlined aliases with constraint tags `syntax` names, through aliases without tags of their
 * own (`type Both = A & B`) and through what `bindings` bind its parameters (and mapped keys) to.
 */
function constrainedAliases(syntax: SyntaxNode, ctx: AnalyzerContext, seen: Set<Node>, absorb = true, bindings?: Bindings): TypeAliasDeclaration[] {
  const found: TypeAliasDeclaration[] = [];
  for (const reference of referencesOutsideLiterals(syntax)) {
    const bound = boundArgument(reference as SyntaxNode, bindings);
    if (bound) {
      if (!seen.has(bound.node)) {
        seen.add(bound.node);
        found.push(...constrainedAliases(bound.node, ctx, seen, absorb, bound.bindings));
      }
      continue;
    }
    if (Node.isIndexedAccessTypeNode(reference)) continue;
    const alias = inlinedAliasOf(reference);
    if (!alias || !Node.isTypeAliasDeclaration(alias) || seen.has(alias) || (absorb && absorbedInUnion(reference, ctx))) continue;
    seen.add(alias);
    const tags = ctx.tags(alias);
    if (tags.some((tag) => (CONSTRAINT_TAGS as readonly string[]).includes(tag.name) || tag.name === 'validate')) found.push(alias);
    const aliased = alias.getTypeNode();
    if (aliased) found.push(...constrainedAliases(aliased, ctx, seen, absorb));
  }
  return found;
}

/**
 * Whether the union `member` is written in also holds, unconstrained, the primitive `member` is
 * one of (`Cents | number`, `Slug | string | null`, `Slug | Plain` with `type Plain = string`, a
 * key `` `x-${Slug}` | string ``): the union is that primitive, in TypeScript and in the alias's
 * own reading alike, so no constraint is lost. (`Slug | 'x'` and `Slug | Min3` are narrower than
 * `string` when read with the constraints: those still lose them.)
 */
export function absorbedInUnion(member: Node, ctx: AnalyzerContext): boolean {
  const flags = member.getType().getFlags();
  const primitive = flags & (STRING_LIKE | ts.TypeFlags.StringLiteral) ? ts.TypeFlags.String : flags & (ts.TypeFlags.Number | ts.TypeFlags.NumberLiteral) ? ts.TypeFlags.Number : flags & (ts.TypeFlags.BigInt | ts.TypeFlags.BigIntLiteral) ? ts.TypeFlags.BigInt : 0;
  if (!primitive) return false;
  let union = member;
  while (Node.isParenthesizedTypeNode(union.getParent() ?? union) || Node.isUnionTypeNode(union.getParent() ?? union)) union = union.getParent()!;
  return unionMembers(union).some((other) => other !== member && holdsBare(other.getType(), primitive) && constrainedAliases(other as SyntaxNode, ctx, new Set(), false).length === 0);
}

/** Whether `type` is the bare primitive, or a union holding it (`type Maybe = string | null` beside `Slug`). */
function holdsBare(type: Type, primitive: number): boolean {
  const members = type.isUnion() ? type.getUnionTypes() : [type];
  return members.some((member) => (member.getFlags() & BARE_PRIMITIVES & primitive) !== 0);
}

const BARE_PRIMITIVES = ts.TypeFlags.String | ts.TypeFlags.Number | ts.TypeFlags.BigInt;

/** The members of a written union, through nested unions and parentheses (`A | (B | C)`). */
function unionMembers(node: Node): Node[] {
  if (Node.isParenthesizedTypeNode(node)) return unionMembers(node.getTypeNode());
  if (Node.isUnionTypeNode(node)) return node.getTypeNodes().flatMap(unionMembers);
  return [node];
}

/**
 * `syntax` and the type references in it, in document order, but none inside an object literal
 * type (`{ a: Slug }`): the properties of a literal are read, and checked, one by one. Literals
 * are not entered at all: walking every descendant of every property's type was quadratic in a
 * type's nesting (a depth-200 literal). `syntax` itself always counts, also where it is a literal's
 * property's type (`{ w: Ret }` read for `w`: it was skipped, and `Ret`'s lost constraints unsaid).
 */
function referencesOutsideLiterals(syntax: SyntaxNode): Node[] {
  const references: Node[] = [syntax];
  syntax.forEachDescendant((node, traversal) => {
    if (Node.isTypeLiteral(node)) traversal.skip();
    else if (Node.isTypeReference(node) || Node.isIndexedAccessTypeNode(node)) references.push(node);
  });
  return references;
}

const STRING_LIKE = ts.TypeFlags.String | ts.TypeFlags.TemplateLiteral | ts.TypeFlags.StringMapping;

/** The primitives (string, number, bigint) a type holds, in unions, arrays and tuples. */
function primitiveKinds(type: Type, seen: Set<Type>): Set<string> {
  const kinds = new Set<string>();
  if (seen.has(type)) return kinds;
  seen.add(type);
  const flags = type.getFlags();
  if (flags & STRING_LIKE) kinds.add('string');
  if (flags & ts.TypeFlags.Number) kinds.add('number');
  if (flags & ts.TypeFlags.BigInt) kinds.add('bigint');
  const parts = type.isUnion() || type.isIntersection() ? [...type.getUnionTypes(), ...type.getIntersectionTypes()] : type.isArray() || type.isReadonlyArray() || type.isTuple() ? type.getTypeArguments() : [];
  for (const part of parts) for (const kind of primitiveKinds(part, seen)) kinds.add(kind);
  return kinds;
}
