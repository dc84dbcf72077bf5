/**
 * A source property's tags put on a value a mapped type's `T[K]` holds outside the property the
 * mapped type made (keyed-values.ts): in a generic's argument (`Field<T[K]>`) and in that
 * instantiation's body. And CG2021 where the template holds `T[K]`'s value in a form codegen does
 * not follow (`ReturnType<() => T[K]>`, `` `${T[K] & string}-x` ``, a generic whose body loses it),
 * so that no property is checked with less than its source's tags in silence.
 */
import { Node, ts, type Type, type TypeNode as SyntaxNode } from 'ts-morph';
import type { TypeNode } from '../../model/index.js';
import { requestsFromDecorators, requestsFromTags } from '../constraints/requests.js';
import type { AnalyzerContext } from '../context.js';
import { constrainValue, type PropertyAnnotations } from '../tags/families.js';
import { declarationAnnotations } from '../tags/source-annotations.js';
import { boundArgument, mentionsBound, type Bindings } from './bindings.js';
import { seeThrough } from './see-through.js';

/** `value` under the constraints `declaration` (a source property) wrote; `quiet`: its diagnostics are left to where the value is read again. */
export function constrainBySource(value: TypeNode, declaration: Node, path: string, ctx: AnalyzerContext, quiet: boolean): { type: TypeNode; changed: boolean } {
  const before = JSON.stringify(value);
  const reported = ctx.diagnostics.length;
  const { type } = constrainValue(value, { ...declarationAnnotations(declaration, path, ctx), inheritedDocs: {} }, ctx);
  if (quiet) ctx.diagnostics.splice(reported);
  return { type, changed: JSON.stringify(type) !== before };
}

/**
 * The name an instantiation's argument takes from the source property whose constraints it
 * carries (`Field<T[K]>` read for `User`'s `name` is `Field_UserName`, apart from `Field_string`):
 * the owner's name, then the property's, capitalised.
 */
export function sourceName(declaration: Node): string {
  const name = (declaration.getSymbol()?.getName() ?? '').replace(/[^A-Za-z0-9]+/g, '');
  const owner = Node.isParameterDeclaration(declaration) ? declaration.getParent()?.getParent() : declaration.getParent();
  const holder = owner && Node.isTypeLiteral(owner) ? owner.getParent() : owner;
  const ownerName = holder && (Node.isInterfaceDeclaration(holder) || Node.isClassDeclaration(holder) || Node.isTypeAliasDeclaration(holder)) ? (holder.getName() ?? '') : '';
  const property = name.charAt(0).toUpperCase() + name.slice(1);
  return ownerName ? `${ownerName}${property}` : property || 'Source';
}

/** Whether a source property's annotations constrain its value (not only its presence or docs). */
export function constrainsValue(annotations: Pick<PropertyAnnotations, 'tags' | 'decorators' | 'baseTags' | 'baseDecorators'>): boolean {
  const { tags, decorators, baseDecorators = [], baseTags = [] } = annotations;
  const requests = [...requestsFromTags([...baseTags.flat(), ...tags]), ...requestsFromDecorators([...baseDecorators, ...decorators])];
  return requests.some((request) => !['optional', 'defined', 'required'].includes(request.rule)) || [...baseDecorators, ...decorators].some((decorator) => TYPE_CHECKS.has(decorator.name));
}

/** class-validator's type checks, which narrow a value as constraints do (constraints/type-checks.ts). */
const TYPE_CHECKS = new Set(['IsString', 'IsNumber', 'IsInt', 'IsBoolean', 'IsDate', 'IsArray', 'IsObject', 'IsEnum', 'IsIn']);

/** A source property met while a property was read, and the syntax that stood for its value. */
export interface MetSource {
  declaration: Node;
  nodes: ReadonlySet<SyntaxNode>;
}

/**
 * CG2021 for each source property whose constraints reached no value of the property at `path`
 * though its written type (`syntax` under `bindings`, of checked type `checked`) holds that value
 * where codegen does not follow it. A template that holds the value only in a conditional's test
 * (`T[K] extends string ? string : T[K]` taking `string`) or in a function (`() => T[K]`, CG2004
 * as any function) holds no value to check: no word.
 */
export function reportUnreachedSources(met: readonly MetSource[], syntax: SyntaxNode | undefined, bindings: Bindings | undefined, checked: Type, path: string, at: Node, ctx: AnalyzerContext): void {
  // `?: T[K] extends string ? T[K] : never` read for `string | null`: no value to check.
  if (!syntax || checked.getFlags() & (ts.TypeFlags.Never | ts.TypeFlags.Undefined | ts.TypeFlags.Void)) return;
  for (const { declaration, nodes } of met) {
    if (!constrainsValue(declarationAnnotations(declaration, path, ctx))) continue;
    const top = seeThrough(syntax, checked, bindings);
    const roots = top === undefined || !Node.isConditionalTypeNode(unparenthesized(syntax)) ? [{ node: syntax, bindings }] : 'members' in top ? top.members : [top];
    // `T[K] extends infer U ? U | null : never`: the value goes on as `U`, which codegen does not follow.
    const inferred = holdsInfer(syntax.compilerNode) && holdsValue(syntax, bindings, nodes, false, 0, true);
    if (!inferred && !roots.some((root) => holdsValue(root.node, root.bindings, nodes, false, 0))) continue;
    reportUnreached(declaration, syntax, path, at, ctx);
  }
}

/** CG2021: `declaration`'s constraints do not reach `path` through `syntax`. */
export function reportUnreached(declaration: Node, syntax: Node, path: string, at: Node, ctx: AnalyzerContext): void {
  const message = `The constraints written on ${describeSource(declaration)} do not reach ${path}: codegen cannot follow its value through \`${syntax.getText()}\`, so ${path} is checked without them.`;
  ctx.reportOnce('CG2021', ctx.source(at), `dropped-tags/${describeSource(declaration)}/${path}`, message, 'Write `T[K]` where the value is, or repeat the tags on an alias of the mapped property.');
}

/** `User.name`, or `the property name` for a member of an unnamed type. */
function describeSource(declaration: Node): string {
  const name = declaration.getSymbol()?.getName() ?? '';
  const owner = Node.isParameterDeclaration(declaration) ? declaration.getParent()?.getParent() : declaration.getParent();
  const holder = owner && Node.isTypeLiteral(owner) ? owner.getParent() : owner;
  const ownerName = holder && (Node.isInterfaceDeclaration(holder) || Node.isClassDeclaration(holder) || Node.isTypeAliasDeclaration(holder)) ? holder.getName() : undefined;
  return ownerName ? `${ownerName}.${name}` : `the property ${name}`;
}

/** How deep written syntax is followed through bindings (a cycle in what is written). */
const DEPTH = 32;

/**
 * Whether `node` holds, where a value of it is, one of `targets` (syntax a source's value was read
 * from): not in a conditional's test, a `keyof`, a `typeof`, nor a function type written as the
 * value itself (a function type in a generic's argument, `ReturnType<() => T[K]>`, holds it).
 * `anywhere`: in any of those too.
 */
function holdsValue(node: SyntaxNode, bindings: Bindings | undefined, targets: ReadonlySet<SyntaxNode>, inArgument: boolean, depth: number, anywhere = false): boolean {
  if (depth > DEPTH) return false;
  if (targets.has(node)) return true;
  const bound = boundArgument(node, bindings);
  if (bound) return holdsValue(bound.node, bound.bindings, targets, inArgument, depth + 1, anywhere);
  const next = (child: Node, argument = inArgument): boolean => holdsValue(child as SyntaxNode, bindings, targets, argument, depth + 1, anywhere);
  const some = (parent: Node): boolean => parent.forEachChild((child) => (next(child) ? true : undefined)) === true;
  if (anywhere) return some(node);
  if (Node.isParenthesizedTypeNode(node)) return next(node.getTypeNode());
  // `T[K] | string`: the union is any string, the source's constraints or not.
  if (Node.isUnionTypeNode(node)) {
    const members = node.getTypeNodes();
    return members.some((member) => next(member) && !members.some((other) => other !== member && absorbs(other, member, bindings)));
  }
  if (Node.isConditionalTypeNode(node)) return next(node.getTrueType()) || next(node.getFalseType());
  if (Node.isFunctionTypeNode(node) || Node.isConstructorTypeNode(node)) return inArgument && some(node);
  if (Node.isTypeOperatorTypeNode(node) && node.getOperator() === ts.SyntaxKind.KeyOfKeyword) return false;
  if (Node.isTypeQuery(node) || Node.isIndexedAccessTypeNode(node) || Node.isInferTypeNode(node)) return false;
  if (Node.isTypeReference(node)) return node.getTypeArguments().some((argument) => next(argument, true));
  return some(node);
}

/** Whether every value of the union member `member` is one of its sibling `other` (both read under `bindings`). */
function absorbs(other: SyntaxNode, member: SyntaxNode, bindings: Bindings | undefined): boolean {
  const typeOf = (node: SyntaxNode): Type | undefined => {
    const written = boundArgument(node, bindings) ?? { node, bindings };
    if (mentionsBound(written.node, written.bindings)) return undefined;
    const type = written.node.getType();
    return type.getFlags() & (ts.TypeFlags.Any | ts.TypeFlags.Instantiable) ? undefined : type;
  };
  const wide = typeOf(other);
  const narrow = typeOf(member);
  if (!wide || !narrow) return false;
  const checker = member.getProject().getTypeChecker().compilerObject;
  return checker.isTypeAssignableTo(narrow.compilerType, wide.compilerType);
}

function holdsInfer(node: ts.Node): boolean {
  return ts.isInferTypeNode(node) || ts.forEachChild(node, holdsInfer) === true;
}

function unparenthesized(node: SyntaxNode): SyntaxNode {
  return Node.isParenthesizedTypeNode(node) ? unparenthesized(node.getTypeNode()) : node;
}
