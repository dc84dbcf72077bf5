/** Object types: arrays, tuples, `Date`, unsupported lib classes, functions, then plain objects. */
import { Node, ts, type Type, type TypeNode as SyntaxNode } from 'ts-morph';
import type { TupleElement, TypeNode } from '../../model/index.js';
import type { AnalyzerContext } from '../context.js';
import { holdsUndefined, readClassAccessors, readProperties } from '../properties.js';
import { isDefaultLib, isNodeClass } from './declarations.js';
import { resolveType } from './resolve.js';
import { resolveEmptyNever } from './empty-never.js';
import { resolveArraySubtype } from './array-subtypes.js';
import { resolveCollectionSubtype } from './collection-subtypes.js';
import { isEmptyObjectType, nonNullish } from './non-primitive.js';
import { behaviourOf } from './behaviour.js';
import { isClassType, nominalBases } from './nominal-bases.js';
import { markAutoAccessors } from './auto-accessors.js';
import { jsonForm } from './json-form.js';
import { bindingsOf, boundArgument, mentionsBound, type Bindings } from './bindings.js';
import { childSite, matchingSyntax, type Site } from './site.js';
import { mappedArrayItem } from './mapped-array.js';
import { indexSyntax } from './written-syntax.js';
import { unsupported } from './unsupported.js';
import { isPlatformClass, libraryType } from './library-classes.js';
import { mapsStrictType } from './strict-mapping.js';
import { constrainedStringIndex, patternIndexInfos, readPatternIndexes, reportDroppedKeyConstraints } from './pattern-index.js';
import { indexValue, applyTupleElementTags, tupleElementNodes } from '../tags/member-tags.js';

/** The model node for an object-flagged checker type. */
export function resolveObjectLike(type: Type, site: Site, ctx: AnalyzerContext): TypeNode {
  if (type.isArray() || type.isReadonlyArray()) return resolveArray(type, site, ctx);
  if (type.isTuple()) return resolveTuple(type, site, ctx);
  const symbol = type.getSymbol();
  const declaration = symbol?.getDeclarations()[0];
  if (symbol?.getName() === 'Date' && declaration && isDefaultLib(declaration)) return { kind: 'date' };
  // The global `Function` interface holds any function: checked, mocked and reported as a function type is.
  if (symbol?.getName() === 'Function' && declaration && isDefaultLib(declaration)) return unsupported(type, site, ctx, 'Function');
  // `Record<\`x-${string}\`, V>` has no properties and no string index, yet it is no `{}`: its pattern index makes it an object.
  if (isEmptyObjectType(type) && patternIndexInfos(type, site).length === 0) return nonNullish();
  const arraySubtype = resolveArraySubtype(type, site, ctx);
  if (arraySubtype) return arraySubtype;
  const collectionSubtype = resolveCollectionSubtype(type, site, ctx, resolveStructural);
  if (collectionSubtype) return collectionSubtype;
  const named = declaration && (Node.isInterfaceDeclaration(declaration) || Node.isClassDeclaration(declaration));
  // Lib interfaces (`Map`, `Promise`) and library classes are behaviour, not data; lib mapped types (`Record`) are structural.
  if (isPlatformClass(type) || (named && (isDefaultLib(declaration) || (Node.isClassDeclaration(declaration) && declaration.getSourceFile().isInNodeModules()) || isNodeClass(type)))) {
    return libraryType(type, site, ctx);
  }
  if (type.getCallSignatures().length > 0 || type.getConstructSignatures().length > 0) {
    return unsupported(type, site, ctx, 'function');
  }
  return resolveStructural(type, site, ctx);
}

/** Named properties → `object`; only an index signature → `record`. */
export function resolveStructural(type: Type, site: Site, ctx: AnalyzerContext): TypeNode {
  // `Partial<S>`, `Pick<S, 'a'>` of a `@strict` S: closed as S is (strict-mapping.ts).
  if (!ctx.strict && mapsStrictType(type.compilerType, site.at.getProject().getTypeChecker().compilerObject)) {
    ctx.strict = true;
    try {
      return resolveStructural(type, site, ctx);
    } finally {
      ctx.strict = false;
    }
  }
  const stringIndex = type.getStringIndexType();
  const numberIndex = type.getNumberIndexType();
  const index = stringIndex ?? numberIndex;
  const indexSite = (key: 'string' | 'number'): Site => {
    const written = indexSyntax(type, key, bindingsOf(site.node, site.bindings), site.at);
    return { path: `${site.path}[key]`, at: site.at, ...(written ? { node: written.node, ...(written.bindings ? { bindings: written.bindings } : {}) } : {}) };
  };
  // `accessor name = ''`: no data in JSON, as a getter (auto-accessors.ts).
  const properties = markAutoAccessors(type, readProperties(type, site, ctx), ctx, site.path);
  // `Record<Slug, V>`: a string index whose key is a constrained alias holds every key, each checked against `Slug`.
  const constrained = stringIndex ? constrainedStringIndex(type, site, ctx) : undefined;
  if (stringIndex && !constrained) reportDroppedKeyConstraints(site, ctx);
  const patterns = readPatternIndexes(type, site, ctx);
  reportUnsupportedKeys(patterns.unsupported, site, ctx);
  reportSymbolIndexes(patterns.symbolKeyed, site, ctx);
  const indexes = constrained ? [constrained, ...patterns.indexes] : patterns.indexes;
  // `{ [k: string]: string | number; [i: number]: number }` is an object holding both indexes: a record would drop the number one.
  const numberNarrower = numberIndex !== undefined && stringIndex !== undefined && numberIndex.compilerType !== stringIndex.compilerType;
  if (index && properties.length === 0 && !numberNarrower && indexes.length === 0) {
    const key = stringIndex ? 'string' : 'number';
    return { kind: 'record', key, value: indexValue(type, key, resolveEmptyNever(index, indexSite(key), ctx), `${site.path}[key]`, site.at, ctx) };
  }
  const object: TypeNode = { kind: 'object', properties, strict: ctx.strict };
  // A `[tag]` member's const is named by its file as declarations are (relative to the root).
  const behaviour = behaviourOf(type, (node) => ctx.source(node).file, ctx.exactOptionalUndefined);
  // `get size(): number` in a class: a property every value has, on an instance's prototype.
  const accessors = readClassAccessors(type, site, ctx);
  if (behaviour || accessors.length > 0) object.behaviour = { ...(behaviour ?? { methods: [], privateFields: [] }), ...(accessors.length > 0 ? { accessors } : {}) };
  // `interface HasPriv extends Priv`: nominal as the class is, so only its instances are values (nominal-bases.ts).
  if (behaviour && behaviour.privateFields.length > 0 && !isClassType(type)) {
    const bases = nominalBases(type, site, ctx);
    if (bases.length > 0) object.behaviour!.instanceOf = bases;
  }
  // `toJSON(): number`: JSON.stringify writes its result, which schemas describe (json-form.ts).
  const json = behaviour?.methods.includes('toJSON') ? jsonForm(type, site, ctx) : undefined;
  if (json) object.behaviour!.json = json;
  if (stringIndex && !constrained) object.additionalProperties = indexValue(type, 'string', resolveType(stringIndex, indexSite('string'), ctx), `${site.path}[key]`, site.at, ctx);
  else if (patterns.unsupported.length > 0) object.additionalProperties = { kind: 'unknown' };
  if (indexes.length > 0) object.patternIndexes = indexes;
  // Beside named properties a number index constrains only numeric keys (more narrowly than a string index may).
  if (numberIndex && numberIndex.compilerType !== stringIndex?.compilerType) {
    object.numberIndex = indexValue(type, 'number', resolveType(numberIndex, indexSite('number'), ctx), `${site.path}[key]`, site.at, ctx);
  }
  return object;
}

function resolveArray(type: Type, site: Site, ctx: AnalyzerContext): TypeNode {
  const items = type.getTypeArguments()[0] ?? type.getArrayElementTypeOrThrow();
  // `DeepPartial<Code[]>`: the items are the user's mapped template over `Code` (mapped-array.ts).
  const mapped = site.node && mappedArrayItem(site.node, site.bindings);
  const itemSite: Site = mapped
    ? { path: site.path, at: site.at, node: mappedItemSyntax(mapped, items), ...(mapped.bindings ? { bindings: mapped.bindings } : {}) }
    : childSite(site, elementSyntax(site.node), items);
  const node: TypeNode = { kind: 'array', items: resolveEmptyNever(items, itemSite, ctx) };
  if (type.isReadonlyArray()) node.readonly = true;
  return node;
}

/** The mapped template as an item's syntax: a conditional (`T[K] extends object ? … : T[K]`) too, whose branch is taken where it is read (see-through.ts). */
function mappedItemSyntax(mapped: { node: SyntaxNode; bindings: Bindings | undefined }, items: Type): SyntaxNode | undefined {
  return matchingSyntax(mapped.node, items, mapped.bindings) ?? (Node.isConditionalTypeNode(mapped.node) ? mapped.node : undefined);
}

function elementSyntax(node: SyntaxNode | undefined): SyntaxNode | undefined {
  if (!node) return undefined;
  if (Node.isTypeOperatorTypeNode(node)) return elementSyntax(node.getTypeNode());
  if (Node.isArrayTypeNode(node)) return node.getElementTypeNode();
  if (Node.isTypeReference(node)) return node.getTypeArguments()[0];
  // `[...T[]]` is an array to the checker.
  const only = Node.isTupleTypeNode(node) && node.getElements().length === 1 ? node.getElements()[0] : undefined;
  if (only && Node.isRestTypeNode(only)) return elementSyntax(only.getTypeNode());
  if (only && Node.isNamedTupleMember(only) && only.getDotDotDotToken()) return elementSyntax(only.getTypeNode());
  return undefined;
}

function resolveTuple(type: Type, site: Site, ctx: AnalyzerContext): TypeNode {
  const target = (type.compilerType as ts.TupleTypeReference).target;
  const labels = target.labeledElementDeclarations ?? [];
  const syntax = tupleSyntax(site.node);
  const written = tupleElementNodes(site.node);
  const elements: TupleElement[] = [];
  const trailing: TupleElement[] = [];
  let rest: TypeNode | undefined;
  type.getTupleElements().forEach((element, index) => {
    const flags = target.elementFlags[index] ?? ts.ElementFlags.Required;
    const optional = (flags & ts.ElementFlags.Optional) !== 0;
    // `[string, Box<number>?]`: the element read as written, without the `undefined` its `?` adds.
    const present = optional ? presentType(element, syntax[index], site) : element;
    const elementSite: Site = { ...childSite(site, syntax[index], present), ...(optional ? { optional: { value: true } } : {}) };
    if (flags & ts.ElementFlags.Variable) {
      rest = applyTupleElementTags(written[index], resolveEmptyNever(element, elementSite, ctx), `${site.path}[${index}]`, ctx);
      return;
    }
    const label = labels[index]?.name;
    const entry: TupleElement = { type: optional ? resolveEmptyNever(present, elementSite, ctx) : resolveType(element, elementSite, ctx), optional };
    if (label && ts.isIdentifier(label)) entry.label = label.text;
    // `[string, number?]` under exactOptionalPropertyTypes: a present element is never `undefined` (`[string, never?]`: none is present).
    if (optional && ctx.exactOptionalUndefined && !holdsUndefined(element, ctx.exactOptionalUndefined)) {
      entry.exactOptional = true;
      if (entry.type.kind === 'undefined') entry.type = { kind: 'unknown', unsupported: { form: 'never', text: 'never' } };
    }
    entry.type = applyTupleElementTags(written[index], entry.type, `${site.path}[${index}]`, ctx);
    // `[...string[], 'ok']`: what follows the rest is fixed, counted from the end.
    (rest ? trailing : elements).push(entry);
  });
  const node: TypeNode = { kind: 'tuple', elements };
  if (rest) node.rest = rest;
  if (trailing.length > 0) node.trailing = trailing;
  if (target.readonly) node.readonly = true;
  return node;
}

/**
 * An optional element's type as written, without the `undefined` the checker adds for its `?`
 * (`Box<number>` of `[string, Box<number>?]`, where the checker holds `Box<number> | undefined`):
 * read with that `undefined`, a written generic alias named the union after itself, so the
 * instantiation held a reference to itself (`Box_number` was `undefined | Box_number`). As a
 * property's type is read (properties.ts); the checker's type where the syntax names a type
 * parameter (its own type is the generic's), or is no written type of the element.
 */
function presentType(element: Type, written: SyntaxNode | undefined, site: Site): Type {
  if (!written || !element.isUnion()) return element;
  const bound = boundArgument(written, site.bindings);
  const syntax = bound ? bound.node : written;
  if (mentionsBound(syntax, bound ? bound.bindings : site.bindings)) return element;
  const type = syntax.getType();
  const members = type.isUnion() ? type.getUnionTypes() : [type];
  const defined = element.getUnionTypes().filter((member) => !member.isUndefined() || members.some((own) => own.compilerType === member.compilerType));
  const same = defined.length === members.length && members.every((member) => defined.some((own) => own.compilerType === member.compilerType));
  return same ? type : element;
}

/** The written type of each element: an optional's inner type, a rest's item type (`Code` of `...Code[]`). */
function tupleSyntax(node: SyntaxNode | undefined): Array<SyntaxNode | undefined> {
  if (node && Node.isTypeOperatorTypeNode(node)) return tupleSyntax(node.getTypeNode());
  if (!node || !Node.isTupleTypeNode(node)) return [];
  return node.getElements().map((element) => {
    const named = Node.isNamedTupleMember(element);
    const inner = named ? element.getTypeNode() : element;
    if (Node.isOptionalTypeNode(inner)) return inner.getTypeNode();
    const spread = Node.isRestTypeNode(inner) ? inner.getTypeNode() : named && element.getDotDotDotToken() ? inner : undefined;
    return spread ? elementSyntax(spread) : inner;
  });
}

/**
 * `[k: \`x-${Uppercase<string>}\`]: V`: a key the model cannot say (see pattern-index.ts). Its keys
 * are accepted unchecked, by `@strict` too (CG2004), rather than rejected while TypeScript accepts them.
 */
function reportUnsupportedKeys(infos: readonly ts.IndexInfo[], site: Site, ctx: AnalyzerContext): void {
  if (infos.length === 0) return;
  const checker = site.at.getProject().getTypeChecker().compilerObject;
  const text = infos.map((info) => checker.typeToString(info.keyType)).join(', ');
  ctx.report(
    'CG2004',
    site.at,
    `Unsupported index signature key '${text}' (${site.path}): the keys it allows are accepted unchecked, under @strict too.`,
    'Use a template literal key whose holes are string, number, bigint or literals (`[k: `x-${string}`]: V`), Uppercase<string> and its kin, or a string index signature.',
  );
}

/**
 * CG2004 for a symbol index signature that constrains its values (`[k: symbol]: number`,
 * `Record<symbol, V>`, the symbol part of `Record<PropertyKey, V>`): validators walk string keys
 * only, so `{ [s]: 'str' }` passes where TypeScript rejects it (tester7 F8). JSON carries no symbol
 * keys, so only values built in code can hold one.
 */
function reportSymbolIndexes(infos: readonly ts.IndexInfo[], site: Site, ctx: AnalyzerContext): void {
  if (infos.length === 0) return;
  const checker = site.at.getProject().getTypeChecker().compilerObject;
  const values = infos.map((info) => checker.typeToString(info.type)).join(', ');
  ctx.report(
    'CG2004',
    site.at,
    `Symbol index signature (${site.path}) is not checked: validators read string keys only, so a value of another type than ${values} under a symbol key passes where TypeScript rejects it; the schema and mocks leave symbol keys out (JSON holds none).`,
    'Check symbol-keyed values yourself, or key them by string.',
  );
}
