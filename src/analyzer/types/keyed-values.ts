/**
 * Where a mapped type's template puts the value of its source property. A homomorphic mapped type
 * (`{ [K in keyof T]?: string }`, `{ [K in keyof T]: T[K] | null }`) copies the source property's
 * modifiers (`?`, `readonly`) and, in the checker, its declaration: the symbol TypeScript makes
 * for `FormErrors<SignUp>['country']` declares `SignUp`'s `/** @maxLength 2 *\/ country: string`.
 * The tags (and decorators) written there constrain that property's value, which the template
 * holds only where it writes `T[K]`: the whole type (`Partial`, `Nullable`'s non-null member), a
 * union member (`T[K] | string`), array items (`T[K][]`), a tuple element, the conditional branch
 * that is `T[K]`, a property of an object it builds (`{ value: T[K] }`). A template that is no
 * `T[K]` (`string`, `boolean`, `() => T[K]`) is a new type with no constraints, as for tsc.
 *
 * While such a property's type is read, the reader notes each syntax node `T[K]` stands for
 * (keyed-property.ts: the source property's written type, for the key being read) and each model
 * node read from one (resolve.ts); the property's tags then go on those nodes (properties.ts).
 */
import { Node, ts, type TypeNode as SyntaxNode } from 'ts-morph';
import type { Property, TypeNode } from '../../model/index.js';
import { requestsFromDecorators, requestsFromTags } from '../constraints/requests.js';
import type { AnalyzerContext } from '../context.js';
import type { PropertyAnnotations } from '../tags/families.js';

/** One property being read: the declaration whose tags it carries, and what `T[K]` was read as. */
export interface KeyedValues {
  declaration: Node;
  /** Syntax `T[K]` stood for (the source's written type, or the argument it binds). */
  sources: Set<SyntaxNode>;
  /** Model nodes read from those. */
  values: Set<TypeNode>;
}

/** The properties being read, innermost last: a nested mapped type (`DeepPartial<T[K]>`) reads its own. */
const READING: KeyedValues[] = [];

/** Reads a property's type (`read`) while noting where `T[K]` of `declaration` stands in it. */
export function readingKeyedValues<R>(declaration: Node, read: () => R): { result: R; keyed: KeyedValues } {
  const keyed: KeyedValues = { declaration, sources: new Set(), values: new Set() };
  READING.push(keyed);
  try {
    return { result: read(), keyed };
  } finally {
    READING.pop();
  }
}

/**
 * Notes that `T[K]` was read as `bound`, `written` being the source property's written type
 * (before its own type parameters were bound): only the property being read counts.
 */
export function noteKeyedSource(written: SyntaxNode, bound: SyntaxNode): void {
  const reading = READING.at(-1);
  if (reading && written.compilerNode.parent === reading.declaration.compilerNode) reading.sources.add(bound);
}

/** Whether `node` is syntax `T[K]` stood for in the property being read. */
export function isKeyedSource(node: SyntaxNode | undefined): boolean {
  const reading = READING.at(-1);
  return node !== undefined && reading !== undefined && reading.sources.has(node);
}

/**
 * Notes a model node read from syntax `T[K]` stood for. A union's members are noted too: the
 * union `T[K] | null` is read as, with `T[K]` = `Code | null`, takes them in as its own.
 */
export function noteKeyedValue(value: TypeNode): void {
  const reading = READING.at(-1);
  if (!reading) return;
  reading.values.add(value);
  if (value.kind === 'union') for (const member of value.members) reading.values.add(member);
}

/** A place in a property's type tree: the node there, and how to put another in its stead. */
export interface TypePlace {
  node: TypeNode;
  replace(next: TypeNode): void;
}

/**
 * Whether the property's type is the source's value alone, but for `null` and `undefined`
 * (`Partial`'s `T[P]`, `Nullable`'s `T[K] | null`, the taken branch of a conditional): its tags
 * then apply to the property as they apply to the source's.
 */
export function isWholeValue(type: TypeNode, keyed: KeyedValues): boolean {
  if (keyed.values.has(type)) return true;
  if (type.kind !== 'union') return false;
  const defined = type.members.filter((member) => member.kind !== 'null' && member.kind !== 'undefined');
  return defined.length > 0 && defined.every((member) => keyed.values.has(member));
}

/**
 * The outermost places of `property`'s type that hold the source's value, not looking into
 * references (other declarations) and leaving out a `null` or `undefined` the source's value
 * brought (constraints never apply to them).
 */
export function keyedPlaces(property: Property, keyed: KeyedValues): TypePlace[] {
  const places: TypePlace[] = [];
  visit({ node: property.type, replace: (next) => (property.type = next) }, keyed, places, 0);
  return places;
}

/** How deep a type tree is searched (a template nests `T[K]` a few levels at most). */
const DEPTH = 16;

function visit(place: TypePlace, keyed: KeyedValues, places: TypePlace[], depth: number): void {
  const { node } = place;
  if (keyed.values.has(node)) {
    if (node.kind !== 'null' && node.kind !== 'undefined') places.push(place);
    return;
  }
  if (depth === DEPTH) return;
  for (const child of children(node)) visit(child, keyed, places, depth + 1);
}

function children(node: TypeNode): TypePlace[] {
  const at = <T>(holder: T, key: keyof T): TypePlace => ({ node: holder[key] as TypeNode, replace: (next) => ((holder as Record<keyof T, unknown>)[key] = next) });
  switch (node.kind) {
    case 'union':
    case 'intersection':
      return node.members.map((_, index) => at(node.members, index));
    case 'array':
      return [at(node, 'items')];
    case 'record':
      return [at(node, 'value')];
    case 'tuple':
      return [...node.elements, ...(node.trailing ?? [])].map((element) => at(element, 'type')).concat(node.rest ? [at(node, 'rest')] : []);
    case 'object':
      return node.properties.map((property) => at(property, 'type'));
    default:
      return [];
  }
}

/**
 * CG2021 when the property's own constraints reach no place of a template that may hold `T[K]`
 * where codegen does not follow it: through an `infer` (`T[K] extends infer U ? U | null : never`,
 * `T[K] extends (infer U)[] ? …`), as for an alias's constraints there (dropped-constraints.ts). A
 * template with no `T[K]` at all, or one whose taken branch is another type, holds none: no word.
 */
export function reportUnreachedTags(template: ts.TypeNode, annotations: PropertyAnnotations, at: Node, ctx: AnalyzerContext): void {
  const { tags, decorators, baseDecorators = [], baseTags = [], path } = annotations;
  const requests = [...requestsFromTags([...baseTags.flat(), ...tags]), ...requestsFromDecorators([...baseDecorators, ...decorators])];
  if (!requests.some((request) => !['optional', 'defined', 'required'].includes(request.rule)) || !holdsInfer(template)) return;
  const owner = annotations.node?.getParent();
  const name = path.split('.').pop();
  const source = owner && (Node.isInterfaceDeclaration(owner) || Node.isClassDeclaration(owner)) && owner.getName() ? `${owner.getName()}.${name}` : `the property ${name}`;
  const message = `The constraints written on ${source} do not reach ${path}: codegen cannot follow its value through \`${template.getText()}\`, so ${path} is checked without them.`;
  ctx.reportOnce('CG2021', ctx.source(at), `dropped-tags/${path}`, message, 'Write `T[K]` where the value is, or repeat the tags on an alias of the mapped property.');
}

function holdsInfer(node: ts.Node): boolean {
  return ts.isInferTypeNode(node) || ts.forEachChild(node, holdsInfer) === true;
}
