/**
 * Checker type → model type node. An ordered chain: syntax-only facts first (inlined aliases
 * and the aliases the checker forgets), then references to named declarations (before any
 * structural reading, which is what keeps recursion finite), then each type form.
 */
import { Node, ts, type IntersectionTypeNode, type Type, type TypeAliasDeclaration, type TypeNode as SyntaxNode, type TypeReferenceNode } from 'ts-morph';
import type { TypeNode } from '../../model/index.js';
import { applyPropertyConstraints } from '../constraints/apply.js';
import { reportUnknownAnnotations } from '../tags/known-tags.js';
import type { AnalyzerContext } from '../context.js';
import { bindingsOf, boundArgument, mentionsBound, type Bindings } from './bindings.js';
import { anonymousInstantiationOf, writtenInstantiationOf } from './anonymous-instantiation.js';
import { namingGuarded, readApart, recursionGuarded } from './recursion-guard.js';
import { overflowLocated } from './stack-overflow.js';
import { mappedLibraryClass } from './mapped-library-class.js';
import { mappedBrand } from './mapped-brand.js';
import { declarationOf, inlinedAliasOf, isDefaultLib, namedAliasOf, namedTypeOf, type NamedType } from './declarations.js';
import type { DeclarationNode } from '../declaration-table.js';
import { instantiationName, joinNames } from './instantiation-name.js';
import { nestedStringMappings, reportNestedMapping, reportTemplateMappings } from './nested-mapping.js';
import { mappedConstrainedAlias } from './mapped-alias.js';
import { recordInstantiation, refusedInstantiation } from './expanding-instantiation.js';
import { modelName } from './namespaces.js';
import { indexedAccessSyntax, type Written } from './written-syntax.js';
import { resolveEnumMember } from './enum-member.js';
import { meetWrittenPrimitives } from './primitive-intersection.js';
import { meetWrittenCollections } from './collection-intersection.js';
import { seeThrough } from './see-through.js';
import { withNarrowingConstraints } from './member-constraints.js';
import { isNonPrimitiveKeyword, nonPrimitive } from './non-primitive.js';
import { resolveObjectLike } from './object.js';
import { childSite, matchingSyntax, type Site } from './site.js';
import { resolveIntersection, resolveUnion } from './union.js';
import { isUnresolvedType, unresolved } from './unresolved.js';
import { keyedTake, readingArguments, readingOpen, type CarriedSources } from './keyed-values.js';
import { constrainBySource, sourceName } from './keyed-tags.js';
import { unsupported } from './unsupported.js';
import { stringMappingOf } from './pattern-index.js';
import { templateType } from './unsupported-form.js';

/** The model type for a checker type met at `site`. */
export function resolveType(type: Type, site: Site, ctx: AnalyzerContext): TypeNode {
  return overflowLocated(site, ctx, () => resolveAt(type, site, ctx));
}

function resolveAt(type: Type, site: Site, ctx: AnalyzerContext): TypeNode {
  const bound = boundArgument(site.node, site.bindings);
  // `T[K]` of a mapped type's template: its source property's tags go where it is read (keyed-values.ts).
  const nodes = [site.node, bound?.node];
  const take = keyedTake(nodes);
  const read = () => resolveUnbound(type, bound ? { ...site, node: matchingSyntax(bound.node, type, bound.bindings), bindings: bound.bindings } : site, ctx);
  const value = take ? readingOpen(nodes, read) : read();
  if (!take) return value;
  if ('note' in take) {
    take.note(value);
    return value;
  }
  const { type: constrained, changed } = constrainBySource(value, take.declaration, site.path, ctx, take.quiet);
  take.constrained(changed);
  return constrained;
}

/** `resolveAt` once a bound parameter's argument stands in the site. */
function resolveUnbound(type: Type, site: Site, ctx: AnalyzerContext): TypeNode {
  const indexed = indexedAccessSyntax(site.node, type, site.bindings, site.at);
  if (indexed) site = { ...site, node: indexed.node, bindings: indexed.bindings };
  const node = site.node && Node.isParenthesizedTypeNode(site.node) ? site.node.getTypeNode() : site.node;
  if (node !== site.node) site = { ...site, node: matchingSyntax(node, type, site.bindings) };
  // `Readonly<Code[]>`, `NonNullable<Code | null>`: go on with the argument as written.
  const seen = seeThrough(site.node, type, site.bindings);
  if (seen) return resolveType(type, 'members' in seen ? { ...withoutSyntax(site), members: seen.members } : { ...withoutSyntax(site), node: seen.node, ...(seen.bindings ? { bindings: seen.bindings } : {}) }, ctx);

  const inlined = inlinedAliasOf(site.node);
  if (inlined && Node.isTypeAliasDeclaration(inlined)) return resolveInlinedAlias(inlined, type, site, ctx);

  const namedAlias = namedAliasOf(site.node);
  if (namedAlias && namedAlias !== site.self) return { kind: 'ref', id: ctx.table.reference(namedAlias, ctx.owner) };

  const narrowed = site.node && Node.isIntersectionTypeNode(site.node) ? resolveNarrowedIntersection(site.node, type, site, ctx) : undefined;
  if (narrowed) return narrowed;
  // `Min3 & StartsA`: the checker sees `string`; the value must meet both aliases' constraints.
  const met = site.node && Node.isIntersectionTypeNode(site.node) ? meetWrittenPrimitives(site.node.getTypeNodes(), type, site, ctx) : undefined;
  if (met) return met;
  // `string[] & Slug[]`: the checker sees `string[]`; each item must meet Slug's constraints too.
  const collections = site.node && Node.isIntersectionTypeNode(site.node) ? meetWrittenCollections(site.node, type, site, ctx) : undefined;
  if (collections) return collections;

  // `Readonly<Date>`, `Partial<Map<K, V>>`: the class itself (mapped-library-class.ts).
  const over = mappedLibraryClass(type);
  if (over) return resolveType(over, withoutSyntax(site), ctx);
  // `DeepPartial<Email>`, `Readonly<UserId>`: the brand itself, read from its argument as written (mapped-brand.ts).
  const branded = mappedBrand(type, site.node, site.bindings);
  if (branded) return resolveType(branded.brand, branded.written ? { ...withoutSyntax(site), node: branded.written.node, ...(branded.written.bindings ? { bindings: branded.written.bindings } : {}) } : withoutSyntax(site), ctx);

  const named = namedTypeOf(type);
  if (named && named.node !== site.self) return referenceTo(named, type, site, ctx);
  // `DeepPartial<T3>` resolved to its branch's mapped type: still that instantiation (anonymous-instantiation.ts).
  const anonymous = named ? undefined : (anonymousInstantiationOf(type) ?? writtenInstantiationOf(site.node, type, ctx.table, site.node !== undefined && mentionsBound(site.node, site.bindings)));
  const reference = anonymous && anonymous.node !== site.self ? namingGuarded(type, ctx, () => referenceTo(anonymous, type, site, ctx)) : undefined;
  if (reference) return reference;

  return resolvePrimitive(type, site, ctx) ?? recursionGuarded(type, site, ctx, () => resolveComposite(type, site, ctx));
}

/** `type Email = string` with its tags, resolved where it is used. */
function resolveInlinedAlias(declaration: TypeAliasDeclaration, type: Type, site: Site, ctx: AnalyzerContext): TypeNode {
  const aliased = declaration.getTypeNode();
  const resolved = resolveType(type, { ...site, node: matchingSyntax(aliased, type) }, ctx);
  const tags = ctx.tags(declaration);
  // An inlined alias is no declaration of its own: its misspelt tags (`@min 0`) are reported where it is used, once.
  reportUnknownAnnotations(tags, [], declaration.getName(), ctx);
  applyPropertyConstraints(resolved, tags, [], site.path, ctx);
  return resolved;
}

/** The site without its syntax and bindings (`self`, `optional`, path and anchor kept). */
function withoutSyntax(site: Site): Site {
  const rest: Site = { ...site };
  delete rest.node;
  delete rest.bindings;
  delete rest.members;
  return rest;
}

function referenceTo(named: NamedType, type: Type, site: Site, ctx: AnalyzerContext): TypeNode {
  if (named.typeArguments.length === 0) return { kind: 'ref', id: ctx.table.reference(named.node, ctx.owner) };
  // `Box<Code>` as written: its arguments keep their aliases, and name the instantiation apart from `Box<string>`.
  const found = writtenReferenceTo(site.node, named.node, site.bindings, ALIAS_DEPTH);
  const reference = found?.node;
  const bindings = found ? bindingsOf(found.node, found.bindings) : undefined;
  const written = found ? writtenArguments(found.node, named.node, found.bindings, bindings) : [];
  // Read apart from what encloses the reference (recursion-guard.ts): only the name needs them.
  const before = ctx.diagnostics.length;
  // `Field<T[K]>` read for `User`'s `name`: the argument takes `name`'s constraints, and the instantiation is apart (keyed-values.ts).
  const { result: typeArguments, carried } = readingArguments(() =>
    readApart(ctx, () =>
      named.typeArguments.map((argument, index) => {
        const argumentSite: Site = { path: site.path, at: site.at, ...(written[index]?.bindings ? { bindings: written[index].bindings } : {}) };
        return resolveType(argument, childSite(argumentSite, written[index]?.node, argument), ctx);
      }),
    ),
  );
  // An unsupported argument is no part of the value (`Fn<(a: string) => number>` holds tuples: tester
  // s7 R8); what the instantiation's own body holds is reported where that body is read.
  dropUnsupportedSince(before, site.path, ctx);
  const refused = refusedInstantiation(named.node, typeArguments, site.node?.getText() ?? type.getText(site.at), site.path, site.at, ctx);
  if (refused) return refused;
  const id = instantiationName(modelName(named.node), typeArguments, written.map((argument) => argument && aliasNameOf(argument.node, argument.bindings, carried)));
  // The instantiated checker type itself is read later, with the generic as `self`.
  const instantiated = ctx.table.instantiate(named.node, id, type, typeArguments, ctx.owner, bindings, carried);
  recordInstantiation(instantiated, named.node, typeArguments, ctx);
  return { kind: 'ref', id: instantiated };
}

/** User aliases of aliases followed to the reference they write (a cycle of them is a checker error). */
const ALIAS_DEPTH = 16;

/**
 * The reference to `generic` that `node` writes, with the bindings its arguments are read under:
 * `node` itself, or the body of the user's generic alias `node` names (`Nullable<Nullable<T>>` of
 * `type Twice<T> = Nullable<Nullable<T>>`, which the checker names `Nullable<…>`), its parameters
 * bound to `node`'s arguments. Undefined when no such reference is written.
 */
function writtenReferenceTo(node: SyntaxNode | undefined, generic: DeclarationNode, bindings: Bindings | undefined, depth: number): { node: TypeReferenceNode; bindings: Bindings | undefined } | undefined {
  while (node && Node.isParenthesizedTypeNode(node)) node = node.getTypeNode();
  if (!node || !Node.isTypeReference(node)) return undefined;
  const declaration = declarationOf(node.getTypeName().getSymbol());
  if (declaration === generic) return { node, bindings };
  if (depth === 0 || !declaration || !Node.isTypeAliasDeclaration(declaration) || isDefaultLib(declaration) || declaration.getTypeParameters().length === 0) return undefined;
  const body = declaration.getTypeNode();
  return writtenReferenceTo(body, generic, bindingsOf(node, bindings), depth - 1);
}

/**
 * Removes the CG2004 diagnostics reported since `before` at `path` or inside it (the arguments'
 * own types: `Row.fn`, `Row.returns.a`). Those of declarations the reading met on its way
 * (`Later_string.deeper`, read the first time it is referred to) are theirs and stay.
 */
function dropUnsupportedSince(before: number, path: string, ctx: AnalyzerContext): void {
  const at = new RegExp(`^Unsupported type '.*' \\(${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[).[]`, 's');
  const kept = ctx.diagnostics.slice(before).filter((diagnostic) => !(diagnostic.code === 'CG2004' && at.test(diagnostic.message)));
  ctx.diagnostics.splice(before, ctx.diagnostics.length - before, ...kept);
}

/**
 * The arguments of `Box<Code>` as written, each with the bindings it is read under; a parameter
 * left out is its default (`interface D<T = Code>` used as `D`), read under the reference's own
 * bindings, so that `D` is `D_Code`, apart from `D<string>`.
 */
function writtenArguments(reference: TypeReferenceNode, generic: DeclarationNode, outer: Bindings | undefined, own: Bindings | undefined): Array<Written | undefined> {
  const written = reference.getTypeArguments();
  const parameters = Node.isTypeParametered(generic) ? generic.getTypeParameters() : [];
  return parameters.map((parameter, index) => {
    const argument = written[index];
    if (argument) return { node: argument, bindings: outer };
    const fallback = parameter.getDefault();
    return fallback ? { node: fallback, bindings: own } : undefined;
  });
}

/**
 * `Code` for an argument written as the inlined alias `Code` (`CodeArray` for `Code[]`), else
 * undefined; `UserName` for `T[K]` read for `User`'s `name`, when it carried `name`'s constraints.
 */
function aliasNameOf(node: SyntaxNode | undefined, bindings: Bindings | undefined, carried: CarriedSources): string | undefined {
  const source = node && carried.get(node);
  if (source) return sourceName(source);
  const bound = boundArgument(node, bindings);
  if (bound) return aliasNameOf(bound.node, bound.bindings, carried);
  // `W2<(Cents | null)>` is named as `W2<Cents | null>`.
  if (node && Node.isParenthesizedTypeNode(node)) return aliasNameOf(node.getTypeNode(), bindings, carried);
  if (node && Node.isArrayTypeNode(node)) {
    const items = aliasNameOf(node.getElementTypeNode(), bindings, carried);
    return items && `${items}Array`;
  }
  // `Box<Min3 & StartsA>`, `Box<Code | null>`: `Box_Min3AndStartsA`, `Box_CodeOrNull`, apart from `Box<string>`.
  if (node && (Node.isUnionTypeNode(node) || Node.isIntersectionTypeNode(node))) {
    const members = node.getTypeNodes();
    const aliased = members.map((member) => aliasNameOf(member, bindings, carried));
    if (aliased.every((name) => name === undefined)) return undefined;
    const names = members.map((member, index) => aliased[index] ?? (/^[A-Za-z_]\w*$/.test(member.getText()) ? member.getText() : undefined));
    return names.every((name) => name !== undefined) ? joinNames(names, Node.isUnionTypeNode(node) ? 'Or' : 'And') : undefined;
  }
  const alias = inlinedAliasOf(node);
  return alias?.getName();
}

/**
 * `Code & ('ABC' | 'abc')`: TypeScript reduces the intersection to the literals and forgets
 * `Code`'s tags; the literals stay intersected with the written members' constraints
 * (member-constraints.ts). Undefined when the checker kept an intersection, or no member is constrained.
 */
function resolveNarrowedIntersection(node: IntersectionTypeNode, type: Type, site: Site, ctx: AnalyzerContext): TypeNode | undefined {
  if (type.isIntersection() || !(type.isUnion() || type.isLiteral() || type.isEnumLiteral())) return undefined;
  const before = ctx.diagnostics.length;
  const written = node.getTypeNodes().map((member) => resolveType(member.getType(), childSite(site, member, member.getType()), ctx));
  const narrowed = withNarrowingConstraints(resolveType(type, { ...site, node: undefined }, ctx), written);
  // Members read only to see their constraints report nothing: the type is read as the checker has it.
  if (!narrowed) ctx.diagnostics.splice(before);
  return narrowed;
}

/** A bigint literal type's value in decimal: `10`, `-5`. */
function bigintLiteralText(literal: ts.BigIntLiteralType): string {
  return `${literal.value.negative ? '-' : ''}${literal.value.base10Value}`;
}

function resolvePrimitive(type: Type, site: Site, ctx: AnalyzerContext): TypeNode | undefined {
  const flags = type.getFlags();
  if (flags & ts.TypeFlags.Any) return isUnresolvedType(type) ? unresolved(type, site, ctx) : unsupported(type, site, ctx, 'any');
  if (flags & ts.TypeFlags.Unknown) return { kind: 'unknown' };
  if (flags & ts.TypeFlags.Never) return unsupported(type, site, ctx, 'never');
  if (flags & (ts.TypeFlags.ESSymbol | ts.TypeFlags.UniqueESSymbol)) return unsupported(type, site, ctx, 'symbol');
  if (flags & ts.TypeFlags.TemplateLiteral) {
    const template = templateType(type);
    // `${Lowercase<Uppercase<string>>}` in a hole: checked exactly, the schema's pattern holds the outermost mapping (CG2025).
    if (template?.template) reportTemplateMappings(template.template, site, ctx);
    return template ?? unsupported(type, site, ctx);
  }
  if (flags & ts.TypeFlags.StringMapping) {
    // `Uppercase<string>`: the strings the mapping leaves unchanged (pattern-index.ts reads keys the same way).
    const mapping = stringMappingOf(type.compilerType);
    // `Uppercase<Slug>`: the mapping keeps the alias's constraints (mapped-alias.ts).
    if (mapping) return mappedConstrainedAlias(mapping, site, ctx) ?? { kind: 'string', mapping };
    // `Lowercase<Uppercase<string>>`: the chain, outermost first; the schema holds its outermost mapping
    // only (CG2025, nested-mapping.ts). Like a brand, a mock's string needs a cast to be typed as it.
    const chain = nestedStringMappings(type.compilerType);
    if (chain) {
      reportNestedMapping(chain, site, ctx);
      return { kind: 'string', mapping: chain[0]!, innerMappings: chain.slice(1), brand: true };
    }
  }
  if (flags & ts.TypeFlags.BigIntLiteral) return { kind: 'bigint', literal: bigintLiteralText(type.compilerType as ts.BigIntLiteralType) };
  if (type.isBoolean()) return { kind: 'boolean' };
  if (flags & ts.TypeFlags.String) return { kind: 'string' };
  if (flags & ts.TypeFlags.Number) return { kind: 'number' };
  if (flags & ts.TypeFlags.BigInt) return { kind: 'bigint' };
  if (flags & ts.TypeFlags.Null) return { kind: 'null' };
  if (flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Void)) {
    // `u: undefined` is folded into optional as `u: string | undefined` is: the key is absent in JSON.
    // `deleted?: void` (Stripe's mark of a live object) holds what `undefined` holds: nothing else is assignable to it.
    if (site.optional) site.optional.value = true;
    return { kind: 'undefined' };
  }
  if (isNonPrimitiveKeyword(type)) return nonPrimitive();
  if (flags & ts.TypeFlags.BooleanLiteral) return { kind: 'literal', value: type.getText() === 'true' };
  const member = resolveEnumMember(type, ctx);
  if (member) return member;
  if (flags & (ts.TypeFlags.StringLiteral | ts.TypeFlags.NumberLiteral)) {
    return { kind: 'literal', value: type.getLiteralValue() as string | number };
  }
  return undefined;
}

function resolveComposite(type: Type, site: Site, ctx: AnalyzerContext): TypeNode {
  if (type.isUnion()) return resolveUnion(type, site, ctx);
  if (type.isIntersection()) return resolveIntersection(type, site, ctx);
  if (type.isTypeParameter()) return unsupported(type, site, ctx);
  if (type.isObject()) return resolveObjectLike(type, site, ctx);
  return unsupported(type, site, ctx);
}
