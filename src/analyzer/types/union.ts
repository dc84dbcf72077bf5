/** Unions and intersections: members in source order, `null` last, `undefined` folded at properties. */
import { Node, type Type, type TypeNode as SyntaxNode } from 'ts-morph';
import type { IntersectionType, TypeNode } from '../../model/index.js';
import type { AnalyzerContext } from '../context.js';
import { markBranded, withoutBrands } from './brands.js';
import { boundArgument, mentionsBound, type Bindings } from './bindings.js';
import { declarationOf, isDefaultLib } from './declarations.js';
import { findDiscriminant } from './discriminant.js';
import { mergedProperties, reducedToNever } from './intersection-merge.js';
import { resolveType } from './resolve.js';
import { meetWrittenPrimitives } from './primitive-intersection.js';
import { innerBrands, writtenIntersection } from './inner-brands.js';
import { childSite, type Site } from './site.js';
import { indexedAccessSyntax, type Written } from './written-syntax.js';

interface Member {
  model: TypeNode;
  type: Type;
}

/** A union: one member, or a `union` node with its discriminant when the members have one. */
export function resolveUnion(type: Type, site: Site, ctx: AnalyzerContext): TypeNode {
  let members = distinct(memberPairs(type, site, ctx));
  if (site.optional) {
    const defined = members.filter((member) => member.model.kind !== 'undefined');
    if (defined.length < members.length) site.optional.value = true;
    members = defined;
  }
  members = [...members.filter((m) => m.model.kind !== 'null'), ...members.filter((m) => m.model.kind === 'null')];
  if (members.length === 1) return members[0]!.model;
  const union: TypeNode = { kind: 'union', members: members.map((member) => member.model) };
  const discriminant = findDiscriminant(members, site.at);
  if (discriminant) union.discriminant = discriminant;
  return union;
}

/** The members without repeats (`A | null | null`, `'a' | 'b' | 'a'`): a member read twice admits no other value. */
function distinct(members: Member[]): Member[] {
  const seen = new Set<string>();
  return members.filter((member) => {
    const key = JSON.stringify(member.model);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** An intersection of the members as written (`Base & { extra: string }`). */
export function resolveIntersection(type: Type, site: Site, ctx: AnalyzerContext): TypeNode {
  const syntax = site.node && Node.isIntersectionTypeNode(site.node) ? site.node.getTypeNodes() : [];
  // `string & {}`, `string & { __brand: 'X' }`: the primitive (brands.ts).
  const all = type.getIntersectionTypes();
  const { kept, branded } = withoutBrands(all);
  // `Field<T[K]> & { extra: boolean }`: a member written generic is the one of its form (`Field<string>`), so its arguments stay written.
  const generic = syntax.map((node) => ({ node, bindings: site.bindings, generic: mentionsBound(node, site.bindings) })).filter((member) => member.generic);
  const memberSite = (member: Type): Site => {
    const found = findSyntax(syntax, member);
    const alike = found ? undefined : writtenMemberOf(generic, member);
    return alike ? { path: site.path, at: site.at, node: alike.node, ...(alike.bindings ? { bindings: alike.bindings } : {}) } : childSite(site, found, member);
  };
  const read = (members: Type[]) => members.map((member) => resolveType(member, memberSite(member), ctx));
  if (kept.length === 1 && branded) {
    const brand = resolveBrand(type, kept[0]!, site, ctx);
    if (brand) return brand;
  } else if (kept.length === 1) {
    // `Min3 & StartsA & {}`: every written member of the primitive constrains it (primitive-intersection.ts).
    const met = meetWrittenPrimitives(syntax, kept[0]!, site, ctx);
    if (met) return met;
    return read(kept)[0]!;
  }
  const never = reducedToNever(type, site, ctx);
  if (never) return never;
  const intersection: IntersectionType = { kind: 'intersection', members: read(kept.length === 1 ? all : kept) };
  // `{ b: string } & { b: 'x' | 'y' }`: what a value must hold where the members overlap (intersection-merge.ts).
  const merged = kept.length > 1 ? mergedProperties(type, kept, site, ctx) : undefined;
  if (merged) intersection.merged = merged;
  return intersection;
}

/**
 * A brand of the primitive `primitive` (`string & { __brand: 'X' }`, `Brand<Code, 'X'>`,
 * `Tagged<Email2, 'Admin'>`): the primitive marked `brand`, with the constraints of the aliases
 * written among the members, beside the named brands written there (inner-brands.ts); never (CG2018)
 * where two brands give one key different tags. Undefined when the brand is on what is no plain
 * primitive (`'a' & { __brand: 'A' }`), which stays an intersection.
 */
function resolveBrand(type: Type, primitive: Type, site: Site, ctx: AnalyzerContext): TypeNode | undefined {
  // `Brand<Email2, 'Mail3'>`: `__brand` is `'Email2' & 'Mail3'`, and TypeScript reduces the brand to never.
  if (type.getText(site.at) === 'never') {
    const text = site.node?.getText() ?? 'never';
    ctx.report('CG2018', site.at, `The brand ${site.path} is never: two of its brands give one key different tags, and no value has this type.`, 'Give each brand its own key (`{ readonly __admin: true }`), or brand the inner brand\'s primitive.');
    return { kind: 'unknown', unsupported: { form: 'never', text } };
  }
  // The members as written, through the generic alias that wrote them (`T & { … }` with `T` bound to `Code`).
  const written = writtenIntersection(site.node, site.bindings) ?? [];
  const nodes = written.map((member) => member.node);
  // `Min3 & StartsA & { __brand: 'Name' }`: every written member of the primitive constrains it (primitive-intersection.ts).
  const met = meetWrittenPrimitives(nodes, primitive, { path: site.path, at: site.at }, ctx);
  // Two patterns are checked one by one: each member carries the brand.
  if (met?.kind === 'intersection' && met.members.every((member) => markBranded(member))) return met;
  const own = written.find((member) => member.node.getType().compilerType === primitive.compilerType);
  const value = met ?? resolveType(primitive, own ? { path: site.path, at: site.at, node: own.node, ...(own.bindings ? { bindings: own.bindings } : {}) } : { path: site.path, at: site.at }, ctx);
  if (!markBranded(value)) return undefined;
  const inner = innerBrands(written, primitive, site, ctx);
  return inner.length > 0 ? { kind: 'intersection', members: [...inner, value] } : value;
}

/**
 * The members but those TypeScript reduces to never (`{ kind: 'b' } & { kind: 'a' }`, left in
 * the union when `(A | B) & { kind: 'a' }` distributes, or in `Shape & { kind: K }`): they admit
 * no value, so the union is its other members, with no CG2018 (the type has values). When every
 * member is never, the first is kept, so the union is read, and reported, once as never.
 */
function withoutNeverMembers<T>(members: readonly T[], typeOf: (member: T) => Type, site: Site): T[] {
  const live = members.filter((member) => !isReducedNever(typeOf(member), site));
  return live.length > 0 ? live : members.slice(0, 1);
}

/** An intersection TypeScript reduces to never: no properties, printed `never` (see reducedToNever). */
function isReducedNever(type: Type, site: Site): boolean {
  return type.isIntersection() && type.getProperties().length === 0 && type.getText(site.at) === 'never';
}

/**
 * Members from the syntax when it wrote the union (it keeps aliases and enums whole), else
 * from the checker, regrouping what it flattened: `true | false` and every member of an enum.
 */
function memberPairs(type: Type, site: Site, ctx: AnalyzerContext): Member[] {
  const written = site.node && Node.isUnionTypeNode(site.node) ? writtenMembers(site.node.getTypeNodes(), site.bindings) : site.members && writtenSites(site.members);
  if (written) {
    return withoutNeverMembers(written, (member) => member.node.getType(), site).flatMap(({ node, bindings }) => {
      const memberType = node.getType();
      const memberSite: Site = { path: site.path, at: site.at, node, ...(bindings ? { bindings } : {}) };
      // `Point['label'] | undefined`: the member is the whole union (`string | undefined`). Read as one
      // member it is the union being read, which the recursion guard takes for a type containing itself.
      if (memberType.compilerType === type.compilerType) {
        // Its own members, found in the property's written type when it is one (`slug?: Slug` keeps Slug).
        const indexed = indexedAccessSyntax(node, memberType, bindings, site.at);
        const written: Site = indexed ? { path: site.path, at: site.at, node: indexed.node, ...(indexed.bindings ? { bindings: indexed.bindings } : {}) } : memberSite;
        return memberPairs(memberType, written, ctx);
      }
      const model = resolveType(memberType, memberSite, ctx);
      return model.kind === 'union' && !model.discriminant
        ? model.members.map((inner) => ({ model: inner, type: memberType }))
        : [{ model, type: memberType }];
    });
  }
  // `next: L<T> | null` read for `L<Code>`, `next?: G<T>` (the `undefined` is the `?`'s): members found in the syntax keep it.
  const nodes = site.node ? (Node.isUnionTypeNode(site.node) ? site.node.getTypeNodes() : [site.node]) : [];
  const candidates = splicedMembers(nodes, site.bindings).map((written) => ({ ...written, generic: mentionsBound(written.node, written.bindings) }));
  const defined = type.getUnionTypes().filter((member) => !member.isUndefined());
  return regroup(withoutNeverMembers(type.getUnionTypes(), (member) => member, site)).map((member) => {
    if (member.enumType) return { model: resolveType(member.enumType, { path: site.path, at: site.at }, ctx), type: member.enumType };
    // `inner?: DeepPartial<T[K]>` (a generic written type, one member but the `?`'s `undefined`): the member it wrote.
    const only = candidates.length === 1 && candidates[0]!.generic && defined.length === 1 && defined[0] === member.type ? candidates[0] : undefined;
    const written = writtenMemberOf(candidates, member.type) ?? only;
    const memberSite: Site = { path: site.path, at: site.at, ...(written ? { node: written.node, ...(written.bindings ? { bindings: written.bindings } : {}) } : {}) };
    return { model: resolveType(member.type, memberSite, ctx), type: member.type };
  });
}

/**
 * The written member that is `type`: the one whose type it is, else the only one of its form
 * that names a bound type parameter (`L<T>` for `L<string>`, `T[]` for `string[]`).
 */
function writtenMemberOf(candidates: ReadonlyArray<Written & { generic: boolean }>, type: Type): Written | undefined {
  const exact = candidates.find((candidate) => !candidate.generic && candidate.node.getType().compilerType === type.compilerType);
  if (exact) return exact;
  const alike = candidates.filter((candidate) => candidate.generic && sameForm(candidate.node, type));
  return alike.length === 1 ? alike[0] : undefined;
}

/**
 * Whether syntax naming type parameters can instantiate to `type`: a reference to its declaration,
 * an array, a tuple; through the lib's filters, which keep such an object whole (`NonNullable<Field<T[K]>>`).
 */
function sameForm(node: SyntaxNode, type: Type): boolean {
  if (Node.isArrayTypeNode(node)) return type.isArray();
  if (Node.isTupleTypeNode(node)) return type.isTuple();
  if (!Node.isTypeReference(node)) return false;
  const declaration = declarationOf(node.getTypeName().getSymbol());
  const filtered = node.getTypeArguments()[0];
  if (declaration && isDefaultLib(declaration) && Node.isTypeAliasDeclaration(declaration) && FILTERS.has(declaration.getName()) && filtered) return sameForm(filtered, type);
  return declaration !== undefined && (declarationOf(type.getAliasSymbol()) === declaration || declarationOf(type.getSymbol()) === declaration);
}

/** The lib's aliases whose result is their argument's members they keep (see-through.ts). */
const FILTERS = new Set(['NonNullable', 'Extract', 'Exclude']);

/** Written members of a filtered union (see-through.ts), unless one still names a type parameter. */
function writtenSites(members: readonly Written[]): Written[] | undefined {
  return members.some((member) => mentionsBound(member.node, member.bindings)) ? undefined : [...members];
}

/**
 * The members as written, each bound parameter replaced by its argument (`T | null` read for
 * `Wrap<Code>` is `Code | null`); undefined when a member still has a parameter inside
 * (`T[] | null`), whose written type is not the instantiated one: the checker's members are read then.
 */
function writtenMembers(nodes: SyntaxNode[], bindings: Bindings | undefined): Written[] | undefined {
  const members = splicedMembers(nodes, bindings);
  return members.some((member) => mentionsBound(member.node, member.bindings)) ? undefined : members;
}

/**
 * The written members with every union among them spliced in, as TypeScript reads them:
 * `(A | null) | null` is `A | null | null`, and `T | null` read for `W<Code | null>` is
 * `Code | null | null`. Read as one member, such a union is the very union being read (the
 * checker drops the repeated `null`), which the recursion guard took for a type containing
 * itself (CG2004, checked as unknown).
 */
function splicedMembers(nodes: readonly SyntaxNode[], bindings: Bindings | undefined): Written[] {
  return nodes.flatMap((written) => {
    const { node, bindings: own } = boundArgument(written, bindings) ?? { node: written, bindings };
    let inner = node;
    while (Node.isParenthesizedTypeNode(inner)) inner = inner.getTypeNode();
    return Node.isUnionTypeNode(inner) ? splicedMembers(inner.getTypeNodes(), own) : [{ node, bindings: own }];
  });
}

interface Regrouped {
  type: Type;
  enumType?: Type;
}

function regroup(types: Type[]): Regrouped[] {
  const result: Regrouped[] = [];
  const seenEnums = new Set<Node>();
  let booleanSeen = false;
  for (const member of types) {
    if (member.isBooleanLiteral() && types.filter((t) => t.isBooleanLiteral()).length === 2) {
      if (!booleanSeen) result.push({ type: member.getBaseTypeOfLiteralType() });
      booleanSeen = true;
      continue;
    }
    const whole = wholeEnum(member, types);
    if (whole) {
      if (!seenEnums.has(whole.node)) result.push({ type: member, enumType: whole.type });
      seenEnums.add(whole.node);
      continue;
    }
    result.push({ type: member });
  }
  return result;
}

/** The enum a literal belongs to, when every member of that enum is in the union. */
function wholeEnum(member: Type, all: Type[]): { node: Node; type: Type } | undefined {
  if (!member.isEnumLiteral()) return undefined;
  const enumNode = member.getSymbol()?.getDeclarations()[0]?.getParent();
  if (!enumNode || !Node.isEnumDeclaration(enumNode)) return undefined;
  const enumType = enumNode.getType();
  const values = enumType.isUnion() ? enumType.getUnionTypes() : [enumType];
  const present = values.every((value) => all.some((t) => t.compilerType === value.compilerType));
  return present && declarationOf(enumNode.getSymbol()) ? { node: enumNode, type: enumType } : undefined;
}

function findSyntax(nodes: SyntaxNode[], type: Type): SyntaxNode | undefined {
  return nodes.find((node) => node.getType().compilerType === type.compilerType);
}
