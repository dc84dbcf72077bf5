/**
 * The mock strategy over the kit walker: one expression per type node that builds a random
 * value from the seeded generator `r`, within the declaration's `depth`. Every expression has a
 * precise type of its own (literals `as const`, tuples through `tuple(…)`, unions through
 * `oneOf<T>`), so it type-checks wherever it lands, inside spreads and callbacks included.
 */
import { nameable, valueImportable } from '../../kit/declaration-access.js';
import type { ArrayType, Declaration, EnumType, IntersectionType, ObjectType, PatternIndex, Property, TupleType, TypeNode, UnionType } from '../../../model/types.js';
import { isObjectMemberName } from '../../../model/object-members.js';
import { isLengthAsCodePoints } from '../../../model/is-length.js';
import { unicodeSyntaxDiffers } from '../../../model/non-unicode-pattern.js';
import { unicodeSpelling } from '../../../model/unicode-spelling.js';
import { identifierPart, literalCode, stringLiteral } from '../../kit/emit.js';
import { splitNullish, withoutNullish } from '../../kit/unions.js';
import { isTemplateString } from '../../kit/template-literal.js';
import { walkType, type TypeStrategy } from '../../kit/walk.js';
import { cardinality } from './cardinality.js';
import { definedItem } from './defined-items.js';
import { instanceHelper, unbuildableClass } from './class-instances.js';
import { keptLiterals, narrowedExpression } from './constrained-literals.js';
import { joinedArray } from './joined-arrays.js';
import type { MockContext } from './mock-context.js';
import { bigintExpression, numberExpression } from './numbers.js';
import { joinPatternIndexes, joinSharedIndexes } from './shared-indexes.js';
import { taggedCollection, taggedCollectionExpression } from './tagged-collections.js';
import { drawnUniqueItem } from './unique-draws.js';
import { cannotSample, stringExpression } from './strings.js';
import { flattenedBrands, soleBrandReference } from './brand-members.js';
import { intersectedStringExpression, stringMembers } from './string-intersections.js';
import { bigintMembers, meetBigints, meetNumbers, numberMembers } from './number-intersections.js';
import { constrainedTemplateExpression } from './template-constraints.js';
import { mappedStringExpression, mappedWord } from './mapped-strings.js';
import { mixedStringExpression, mixedStringMembers } from './mixed-string-intersections.js';
import { templateExpression } from './template-values.js';
import { hasFiniteValue } from './finite-values.js';
import { isNone, meetAll, needsMeet } from './type-meets.js';
import { alwaysAbsent, functionStub, unbuildable, unknownExpression } from './unsupported-values.js';
import { losesBrand } from './lost-brands.js';
import {
  indexedTypePath,
  isComposite,
  literalPick,
  MAX_SPREAD,
  nestedFunctionCall,
  propertyTypePath,
  withoutNullishTypePath,
} from './large-types.js';

/** Chance that an optional property is present, and that a nullable value is null. */
const PRESENT = 0.75;
const NULL = 0.2;
/** Extra items arrays and records get beyond their minimum. */
const EXTRA_ITEMS = 3;

/** `() => expression`, with an object literal in parentheses so it is not read as a block. */
function thunk(expression: string): string {
  return expression.startsWith('{') ? `() => (${expression})` : `() => ${expression}`;
}

/**
 * A branded primitive's value (`string & { __brand: 'Email' }`, model `brand`): no value carries
 * a brand, so the primitive is cast; `never` is assignable to whatever brand the position has.
 */
function branded(expression: string, brand: true | undefined): string {
  return brand ? `(${expression} as never)` : expression;
}

/** The expression building a random value of `node`. */
export function mockExpression(node: TypeNode, context: MockContext): string {
  const walk = (current: MockContext): string =>
    walkType(node, MOCK_STRATEGY, isComposite(node) ? { ...current, nesting: (current.nesting ?? 0) + 1 } : current);
  return nestedFunctionCall(node, context, walk) ?? walk(context);
}

/** Whether the enclosing arrays and records may already hold so many values that this one gets its minimum. */
function crowded(context: MockContext): boolean {
  return (context.spread ?? 1) >= MAX_SPREAD;
}

const MOCK_STRATEGY: TypeStrategy<string, MockContext> = {
  // `` `wifi${number}` ``: a string of the template's form (template-values.ts).
  // With constraints too (`` { t: `X${string}` } & { t: Code } ``): strings of both (template-constraints.ts).
  string: (node, context) => {
    if (node.mapping && !node.template) return mappedStringExpression({ ...node, mapping: node.mapping }, context);
    // A `@Matches()` regex without `u` is sampled in Unicode mode, where it means the same on the
    // texts drawn (no surrogates); one whose very syntax differs there (`\u{41}`, `[\w-.]`) is
    // sampled from its tree as written, spelled so that both modes read it alike (`u{41}`).
    if (node.constraints?.pattern && unicodeSyntaxDiffers(node.constraints.pattern)) {
      const pattern = unicodeSpelling(node.constraints.pattern);
      if (!pattern) return cannotSample(context, 'class-validator runs it without the u flag, where its escapes or brackets mean something else than in the Unicode mode the sampler reads');
      node = { ...node, constraints: { ...node.constraints, pattern } };
    }
    // `@MaxLength(n)` (validator.js's count) read as code points: mock texts carry no variation selectors, on which the counts agree.
    if (!isTemplateString(node)) return branded(stringExpression(node.constraints?.isLength ? { ...node, constraints: isLengthAsCodePoints(node.constraints) } : node, context), node.brand);
    // `` Brand<`t-${string}`, 'Id'> ``: a template's text is of the brand only through a cast, as any string is.
    return branded(node.constraints ? constrainedTemplateExpression(node, context) : templateExpression(node, context, mockExpression), node.brand);
  },
  number: (node, context) => branded(numberExpression(node, context), node.brand),
  bigint: (node, context) => branded(bigintExpression(node, context), node.brand),
  boolean: () => `r.chance(0.5)`,
  null: () => 'null',
  undefined: () => 'undefined',
  literal: (node, { compiler }) => {
    if (!node.enumMember) return `${literalCode(node.value)} as const`;
    const owner = compiler.index.get(node.enumMember.enum);
    // `as const`, as for other literals: without it a thunk (`() => Dir.Down`) or `tuple(…)` widens
    // the member to its enum (`Dir`), which `Dir.Down[]` in a rest element does not accept.
    if (valueImportable(owner)) return compiler.enumMemberConst(node.enumMember.enum, node.enumMember.member);
    // `export type { Kind }`, `declare enum Kind` (no JavaScript behind it): no value to name, but the member's value is the member.
    return nameable(owner) ? `(${literalCode(node.value)} as unknown as ${compiler.typeText(node)})` : `${literalCode(node.value)} as const`;
  },
  date: (_node, { compiler }) => `${compiler.runtime('mockDate')}(r)`,
  unknown: (node, context) => unknownExpression(node, context),
  enum: (node, context) => enumExpression(node, undefined, context),
  ref: (node, { compiler }) => {
    const depth = compiler.index.isRecursive(node.id) ? 'depth + 1' : 'depth';
    const call = `${compiler.randomFunction(node.id)}(r, ${depth})`;
    // A class the mock cannot name nor build (class-instances.ts): its function, typed structurally, throws.
    const declaration = compiler.index.get(node.id);
    // Or one whose function's type text drops a brand (a local `Brand<string, 'Code'>`: lost-brands.ts).
    return (!nameable(declaration) && unbuildableClass(declaration)) || losesBrand(node, compiler.index) ? `(${call} as never)` : call;
  },
  object: (node, context) => {
    // `[sym]: number`: a symbol key no mock can write (the analyzer's CG2004 leaves it unchecked).
    const symbolKey = node.behaviour?.symbolProperties?.find((property) => !property.optional && !property.type);
    if (symbolKey) return noMock(context, `its key ${symbolKey.key} is a symbol, which a mock cannot build`);
    return objectExpression([...node.properties, ...accessorDataProperties(node), ...symbolDataProperties(node, context)], context, [...(node.behaviour?.methods ?? []), ...symbolMethodKeys(node)], node.patternIndexes, jsonResult(node, context));
  },
  array: arrayExpression,
  tuple: tupleExpression,
  record: (node, context) => {
    const { compiler } = context;
    // `Record<string, never>` (openapi-typescript's `webhooks`, type-fest's EmptyObject): `{}` is its one value.
    if (alwaysAbsent(node.value, compiler.index)) return '{}';
    const extra = crowded(context) ? 0 : EXTRA_ITEMS;
    const value = compiler.buildable(() => mockExpression(node.value, {
      ...context,
      base: `${context.base}Value`,
      typePath: indexedTypePath(context.typePath, node.key),
      spread: (context.spread ?? 1) * Math.max(1, extra),
    }));
    // Values no mock builds: `{}`, which the record holds.
    if (value === undefined) return '{}';
    const most = compiler.reachesCycle(node.value) && extra > 0 ? `depth < ${compiler.runtime('MAX_DEPTH')} ? ${extra} : 0` : String(extra);
    return `${compiler.runtime('mockRecord')}(r, ${stringLiteral(node.key)}, ${most}, ${thunk(value)})`;
  },
  union: unionExpression,
  intersection: intersectionExpression,
};

/**
 * A random enum member: by member name when the enum can be imported as a value (`id` given),
 * else by value, asserted to be `typeText` (an enum exported with `export type` only, whose
 * members' values are its members).
 */
export function enumExpression(node: EnumType, id: string | undefined, context: MockContext, typeText?: string): string {
  // `enum Empty {}`: a type with no value, as `never` is.
  if (node.members.length === 0) return noMock(context, 'the enum has no members, so its type has no value');
  if (id) return `r.pick([${node.members.map((member) => context.compiler.enumMember(id, member.name)).join(', ')}])`;
  const pick = `r.pick([${node.members.map((member) => literalCode(member.value)).join(', ')}] as const)`;
  return typeText ? `(${pick} as unknown as ${typeText})` : pick;
}

/**
 * An object literal; optional properties are spread in by chance (never past the depth limit when
 * they recurse); each method in `methods` is a stub (see unsupported-values.ts).
 */
export function objectExpression(properties: readonly Property[], context: MockContext, methods: readonly string[] = [], indexes: readonly PatternIndex[] = [], json?: JsonResult): string {
  const { compiler } = context;
  // `x?: never` admits only absence.
  const parts = properties.filter((property) => !(property.optional && !property.requiredKey && alwaysAbsent(property.type, compiler.index))).flatMap((property) => {
    const path = propertyTypePath(context.typePath, property.name, property.optional, property.type);
    const build = (type: TypeNode = property.type): string => mockExpression(type, {
      compiler,
      name: property.name,
      base: context.base + identifierPart(property.name, 'Property'),
      label: `${context.label}.${property.name}`,
      source: property.source,
      nesting: context.nesting,
      spread: context.spread,
      typePath: type === property.type ? path : withoutNullishTypePath(path, ['undefined']),
    });
    const key = SYMBOL_KEYED.has(property) ? property.name : objectKey(property.name);
    // `toString?: number`: TypeScript reads the inherited member when the key is missing, and
    // `undefined` is no value of it under exactOptionalPropertyTypes: always a value (CG2019).
    if (property.requiredKey && isObjectMemberName(property.name)) return `${key}: ${build()}`;
    // `label: string | undefined` (no `?`), `label: Maybe` with `type Maybe = string | undefined`: the
    // key is always there and holds a `string`, as an item does (defined-items.ts): JSON has no
    // undefined, so the OpenAPI schema and the client's validator refuse the key JSON.stringify
    // drops (tester s11 T6). Undefined only where nothing else stands (`done: void`, `x: undefined`),
    // and at the depth limit where only it ends the recursion (`next: Chain | undefined`).
    if (!property.optional || property.requiredKey) {
      const defined = definedItem(property.type, compiler.index);
      if (!property.optional && defined === property.type) return `${key}: ${build()}`;
      const value = defined && compiler.buildable(() => build(defined));
      if (value === undefined || value === 'undefined') return `${key}: undefined`;
      const endsAlone = !compiler.reachesCycle(defined!) || hasFiniteValue(defined!, (id) => !compiler.index.isRecursive(id));
      return endsAlone ? `${key}: ${value}` : `${key}: depth < ${compiler.runtime('MAX_DEPTH')} ? ${value} : undefined`;
    }
    // `range?: string` with a @pattern the sampler cannot build (or any value no mock builds): left out on
    // every seed, with no CG5001, as absence is valid.
    const value = compiler.buildable(build);
    if (value === undefined) return [];
    const chance = `r.chance(${PRESENT})`;
    const guard = compiler.reachesCycle(property.type) ? `depth < ${compiler.runtime('MAX_DEPTH')} && ${chance}` : chance;
    return `...(${guard} ? { ${key}: ${value} } : {})`;
  });
  for (const method of methods) {
    const stub = method === 'toJSON' && json ? toJsonStub(json, context) : functionStub({ ...context, label: `${context.label}.${method}` });
    parts.push(`${objectKey(method)}: ${stub}`);
  }
  // Entries of pattern index signatures first: a declared property of the same name wins.
  parts.unshift(...indexes.flatMap((index, i) => compiler.buildable(() => `...${patternEntries(index, { ...context, base: `${context.base}Pattern${i + 1}` })}`) ?? []));
  return parts.length === 0 ? '{}' : `{ ${parts.join(', ')} }`;
}

/** Some entries of a pattern index: keys of its key type (patternKeyExpression), values of its value type. */
function patternEntries(index: PatternIndex, context: MockContext): string {
  const { compiler } = context;
  const extra = crowded(context) ? 0 : EXTRA_ITEMS;
  const value = mockExpression(index.value, { ...context, name: undefined, typePath: undefined, spread: (context.spread ?? 1) * Math.max(1, extra) });
  const key = patternKeyExpression(index, { ...context, name: undefined, base: `${context.base}Key`, typePath: undefined });
  const most = compiler.reachesCycle(index.value) && extra > 0 ? `depth < ${compiler.runtime('MAX_DEPTH')} ? ${extra} : 0` : String(extra);
  return `${compiler.runtime('mockKeyed')}(r, ${most}, ${thunk(key)}, ${thunk(value)})`;
}

/**
 * A key a pattern index holds that meets its constraints: a string of its template (with the
 * key alias's constraints, template-constraints.ts), a word the mapping leaves unchanged, or a
 * string of the key alias (`Slug`).
 */
function patternKeyExpression(index: PatternIndex, context: MockContext): string {
  if (!index.mapping) return mockExpression(index.key, context);
  // `Record<EnvKey, V>` with `EnvKey` a constrained `Uppercase<string>`: keys meeting both (mapped-strings.ts).
  return index.key.constraints ? mappedStringExpression({ kind: 'string', mapping: index.mapping, ...(index.innerMappings ? { innerMappings: index.innerMappings } : {}), constraints: index.key.constraints }, context) : mappedWord(index.mapping, context, index.innerMappings);
}

/**
 * A class's accessors where its members reach a plain object (`Readonly<Circle>`, `Omit<Circle,
 * 'area'>`, `interface CircleLike extends Circle`, `Pick<Circle, 'd'>`): no prototype holds them, and
 * TypeScript requires each as a data property (a mapped copy turns `get d()` into `readonly d`; a
 * setter without a getter is a required key too), as the validators do, so the mock writes each as
 * data of its type. The class itself is built on its prototype without them (declaration-body.ts).
 */
function accessorDataProperties(node: ObjectType): Property[] {
  const taken = new Set(node.properties.map((property) => property.name));
  return (node.behaviour?.accessors ?? []).filter((accessor) => !taken.has(accessor.name));
}

/** A key of an object literal; `__proto__: x` would set the prototype, so a computed key defines the property. */
/** `[Symbol.toStringTag]: string` and its kin (a well-known symbol holding a primitive): a property of the literal with a computed key. */
function symbolDataProperties(node: ObjectType, context: MockContext): Property[] {
  return (node.behaviour?.symbolProperties ?? []).flatMap(({ symbol, constant, optional, type }) => {
    if (!type || !(symbol || constant)) return [];
    // `[tag]: string` with `export const tag = Symbol()`: the const, imported as a value.
    const key = symbol ? `Symbol.${symbol}` : context.compiler.symbolConstant(constant!);
    const property: Property = { name: `[${key}]`, type, optional, nullable: false, readonly: true, docs: {}, source: context.source };
    SYMBOL_KEYED.add(property);
    return [property];
  });
}

/** The properties `symbolDataProperties` made, whose name is a computed key as written (`[tag]`), not a string key spelt so. */
const SYMBOL_KEYED = new WeakSet<Property>();

/** `[Symbol.iterator]` for each required method keyed by a well-known symbol: a computed key of the literal. */
/** What a mock's `toJSON()` returns: the object itself (`toJSON(): this`), or a mock of the type. */
type JsonResult = 'self' | TypeNode;

/**
 * The result of an object type's own `toJSON()` (`behaviour.json`), for its stub: a stub that
 * threw made `JSON.stringify` of the mock throw, where the schema describes that result.
 */
export function jsonResult(node: ObjectType, context: MockContext): JsonResult | undefined {
  const json = node.behaviour?.json;
  if (!json) return undefined;
  if (json.kind !== 'ref') return json;
  // `toJSON(): this` reads as a reference to the declaration this type (or, for a class built on
  // its prototype, its data: declaration-body.ts) is of, and which holds this very result.
  const target = context.compiler.index.get(json.id).type;
  return target === node || (target.kind === 'object' && target.behaviour?.json === json) ? 'self' : json;
}

function toJsonStub(json: JsonResult, context: MockContext): string {
  const helper = context.compiler.runtime('mockToJson');
  if (json === 'self') return `${helper}()`;
  const value = mockExpression(json, { ...context, name: undefined, base: `${context.base}Json`, label: `${context.label}.toJSON()`, typePath: undefined });
  return `${helper}(${value})`;
}

function symbolMethodKeys(node: ObjectType): string[] {
  return (node.behaviour?.symbolMethods ?? []).filter((method) => !method.optional).map((method) => `[Symbol.${method.symbol}]`);
}

function objectKey(name: string): string {
  if (/^\[Symbol\.\w+\]$/.test(name)) return name;
  return name === '__proto__' ? '["__proto__"]' : /^[A-Za-z_$][\w$]*$/.test(name) ? name : stringLiteral(name);
}

function arrayExpression(node: ArrayType, context: MockContext): string {
  const { compiler } = context;
  const { minItems, maxItems, uniqueItems } = node.constraints ?? {};
  const fewest = minItems ?? Math.min(1, maxItems ?? 1);
  if (maxItems !== undefined && fewest > maxItems) {
    return compiler.contradiction(context, `@minItems ${fewest} is greater than @maxItems ${maxItems}`, '[]');
  }
  // `never[]`: `[]` is its one value (with `@minItems 1` none, and the items' own CG5001 says why).
  if ((minItems ?? 0) === 0 && alwaysAbsent(node.items, compiler.index)) return '[]';
  // `(X | undefined)[]`: items of `X`, which JSON carries (defined-items.ts); `undefined[]` is `[]`.
  const defined = definedItem(node.items, compiler.index);
  if (!defined && (minItems ?? 0) === 0) return '[]';
  // `@uniqueItems` that needs `undefined` as one of its distinct items keeps it.
  const items = defined && !(uniqueItems && cardinality(defined, compiler.index) < fewest) ? defined : node.items;
  let most = crowded(context) ? fewest : Math.min(maxItems ?? Infinity, fewest + EXTRA_ITEMS);
  const name = context.name?.replace(/(ies)$/, 'y').replace(/s$/, '');
  const buildItem = (): string => mockExpression(items, {
    ...context,
    name,
    base: `${context.base}Item`,
    typePath: indexedTypePath(context.typePath, 'number'),
    spread: (context.spread ?? 1) * Math.max(1, most),
  });
  // Items no mock builds (a @pattern the sampler cannot build…): `[]`, valid unless @minItems asks for some.
  // `unknown[]`, `symbol[]` with @uniqueItems: items drawn from the seed, not the one constant their mock is (unique-draws.ts).
  const drawn = uniqueItems ? drawnUniqueItem(items, context) : undefined;
  const built = drawn ?? ((minItems ?? 0) === 0 ? compiler.buildable(buildItem) : undefined);
  if ((minItems ?? 0) === 0 && built === undefined) return '[]';
  const item = built ?? buildItem();
  if (uniqueItems && !drawn) {
    // Why some values count as one (`RegExp`: the validators see no property to compare), not a contradiction of the type's.
    const reasons: string[] = [];
    const distinct = cardinality(items, compiler.index, new Set(), reasons);
    if (distinct < fewest && reasons.length > 0) {
      const why = `@uniqueItems needs ${fewest} distinct items, but the mocks of its items give only ${distinct} the validators tell apart (${[...new Set(reasons)].join('; ')})`;
      return unbuildable(context, why, 'Drop @uniqueItems or lower @minItems, or give the items a type whose values differ in their properties.');
    }
    if (distinct < fewest) {
      return compiler.contradiction(context, `@uniqueItems needs ${fewest} distinct items but the item type has only ${distinct} values`, '[]');
    }
    most = Math.min(most, distinct);
  }
  // At the depth limit a recursive array gets exactly its minimum, so the recursion ends.
  const floor = minItems ?? 0;
  const limited = (count: number): string =>
    compiler.reachesCycle(node.items) && count > floor ? `depth < ${compiler.runtime('MAX_DEPTH')} ? ${count} : ${floor}` : String(count);
  const helper = compiler.runtime(uniqueItems ? 'mockUniqueArray' : 'mockArray');
  return `${helper}(r, ${limited(fewest)}, ${limited(most)}, ${thunk(item)}${uniqueItems ? `, ${stringLiteral(context.label)}` : ''})`;
}

function tupleExpression(node: TupleType, context: MockContext): string {
  const { compiler } = context;
  // `[string, Promise<string>?]`: tuples end before an optional element no mock can build, as an optional property is left out.
  // `[string, never?]` reads as `[string, undefined?]`, which exactOptionalPropertyTypes tells apart: an element that can only be undefined is left out.
  const absent = node.elements.findIndex((element) => element.optional && (element.type.kind === 'undefined' || alwaysAbsent(element.type, compiler.index)));
  const candidates = absent >= 0 ? node.elements.slice(0, absent) : node.elements;
  // Elements are never `undefined` where another value can stand: JSON writes `null` there (defined-items.ts).
  const defined = (type: TypeNode): TypeNode => definedItem(type, compiler.index) ?? type;
  // `[string, Year?]` where no mock builds a `Year` (a @pattern the sampler cannot build…): the tuple ends before it too.
  let unbuildable = absent;
  const elements: string[] = [];
  for (const [i, element] of candidates.entries()) {
    const build = (): string => mockExpression(defined(element.type), { ...context, base: `${context.base}Element${i}`, typePath: indexedTypePath(context.typePath, String(i), element.optional) });
    const code = element.optional ? compiler.buildable(build) : build();
    if (code === undefined) {
      unbuildable = i;
      break;
    }
    elements.push(code);
  }
  const restContext = { ...context, base: `${context.base}Rest`, typePath: undefined, spread: (context.spread ?? 1) * 2 };
  let required = 0;
  node.elements.forEach((element, i) => {
    if (!element.optional) required = i + 1;
  });
  // `@minItems` / `@maxItems` (model/tuple-length.ts): only lengths within them, the rest filling up to the minimum.
  const { minItems: low = 0, maxItems: high = Infinity } = node.constraints ?? {};
  const fits = (length: number): boolean => length >= low && length <= high;
  const fixed = elements.length + (node.trailing?.length ?? 0);
  const restLow = Math.max(0, low - fixed);
  const restHigh = Math.min(high - fixed, Math.max(restLow, 2));
  // `[string, ...never[]]`: no rest item can be built, and none is needed.
  const restCode = node.rest && !(restLow === 0 && alwaysAbsent(node.rest, compiler.index))
    ? `...${compiler.runtime('mockArray')}(r, ${restLow}, ${compiler.reachesCycle(node.rest) ? `depth < ${compiler.runtime('MAX_DEPTH')} ? ${restHigh} : ${restLow}` : String(restHigh)}, ${thunk(mockExpression(defined(node.rest), restContext))})`
    : undefined;
  // `[...string[], 'ok']`: the fixed elements after the rest close every tuple.
  const trailing = (node.trailing ?? []).map((element, j) =>
    mockExpression(defined(element.type), { ...context, base: `${context.base}Last${j}`, typePath: undefined }),
  );
  const tuple = compiler.runtime('tuple');
  const full = `${tuple}(${[...elements, ...(restCode ? [restCode] : []), ...trailing].join(', ')})`;
  const fullFits = node.rest && unbuildable < 0 ? restLow <= restHigh : fits(fixed);
  if (unbuildable < 0 && required === elements.length && fullFits) return full;
  // Optional elements: the tuple is cut after a random number of them (the rest only follows them all).
  const options: string[] = [];
  for (let length = required; length < elements.length; length++) {
    if (fits(length + trailing.length)) options.push(`${tuple}(${[...elements.slice(0, length), ...trailing].join(', ')})`);
  }
  if (fullFits) options.push(unbuildable < 0 ? full : `${tuple}(${[...elements, ...trailing].join(', ')})`);
  if (options.length === 0) return compiler.contradiction(context, `no length within @minItems ${low} and @maxItems ${high} is one the tuple can be built with`, '[]');
  // One length (`[string, never?]` is `[string]`): the tuple itself, not a choice typed as the written tuple, whose `undefined?` exactOptionalPropertyTypes reads apart.
  if (options.length === 1) return options[0]!;
  const choice = `${compiler.runtime('oneOf')}<${compiler.typeText(node)}>(r, [${options.map(thunk).join(', ')}])`;
  return losesBrand(node, compiler.index) ? `(${choice} as never)` : choice;
}

function unionExpression(node: UnionType, context: MockContext): string {
  const { compiler } = context;
  // `b: (Code & 'abc') | null`: a member no literal of which meets its constraints is no option (constrained-literals.ts).
  const options = node.members.filter((member) => member.kind !== 'intersection' || keptLiterals(member, compiler.index)?.length !== 0);
  if (options.length > 0 && options.length < node.members.length) return unionExpression({ kind: 'union', members: options }, context);
  const { members, hasNull, hasUndefined } = splitNullish(node);
  const maxDepth = (): string => compiler.runtime('MAX_DEPTH');
  // The one member of a nullable union keeps a type path; members of a wider union have none.
  const removed = [...(hasNull ? ['null'] : []), ...(hasUndefined ? ['undefined'] : [])];
  const memberPath = members.length === 1 ? withoutNullishTypePath(context.typePath, removed) : undefined;
  const pick = literalPick(members, context);
  const build = (member: TypeNode, i: number): string =>
    pick && member.kind === 'literal' && !member.enumMember ? pick : mockExpression(member, { ...context, base: `${context.base}Option${i + 1}`, typePath: memberPath });
  // A member no mock builds (a @pattern the sampler cannot build…) is no option while another member, `null` or `undefined` is.
  const mark = compiler.checkpoint();
  const built = members.map((member, i) => compiler.buildable(() => build(member, i)));
  const kept = members.filter((_, i) => built[i] !== undefined);
  if (kept.length < members.length) {
    compiler.takeBack(mark);
    if (kept.length > 0 || hasNull || hasUndefined) {
      return unionExpression({ kind: 'union', members: [...kept, ...(hasNull ? [{ kind: 'null' } as const] : []), ...(hasUndefined ? [{ kind: 'undefined' } as const] : [])] }, context);
    }
  }
  const codes = kept.length === members.length ? (built as string[]) : members.map(build);
  const choose = (indexes: number[]): string => {
    // The literal members picked from one constant are one option together.
    const options = [...new Set(indexes.map((i) => codes[i]!))];
    if (options.length === 1) return options[0]!;
    const typeText = compiler.typeText(withoutNullish({ ...node, members: indexes.map((i) => members[i]!) }));
    const call = `${compiler.runtime('oneOf')}<${typeText}>(r, [${options.map(thunk).join(', ')}])`;
    // `({ a: string } | string) & { b: number }` read as `(string & { b: number }) | …`: the type text prints the brand as its primitive, so the value is cast as the branded member's is.
    return indexes.some((i) => losesBrand(members[i]!, compiler.index)) ? `(${call} as never)` : call;
  };
  const all = members.map((_, i) => i);
  const flat = members.filter((member) => !compiler.reachesCycle(member)).length;
  let core: string | undefined;
  if (members.length > 0) {
    // At the depth limit: members that do not recurse, else those that can end without recursing
    // (`{ b: T[] }` with an empty array, where `{ a: T }` cannot).
    const direct = all.filter((i) => !compiler.reachesCycle(members[i]!));
    const finite = direct.length > 0 ? direct : all.filter((i) => hasFiniteValue(members[i]!, (id) => !compiler.index.isRecursive(id)));
    core = finite.length > 0 && finite.length < all.length ? `depth < ${maxDepth()} ? ${choose(all)} : ${choose(finite)}` : choose(all);
  }
  const nothing = hasNull && hasUndefined ? `(r.chance(0.5) ? null : undefined)` : hasNull ? 'null' : 'undefined';
  if (!hasNull && !hasUndefined) return core!;
  if (!core) return nothing;
  const cut = flat === 0 ? `depth >= ${maxDepth()} || ` : '';
  return `(${cut}r.chance(${NULL}) ? ${nothing} : (${core}))`;
}

/**
 * An intersection's value; cast where a member is a branded primitive (`Tagged<ContactEmail,
 * 'Short'>`, built as a `ContactEmail`): a value of the inner brand is of the outer one only so.
 */
function intersectionExpression(node: IntersectionType, context: MockContext): string {
  const expression = intersectionValue(node, context);
  const branded = node.members.some((member) => (member.kind === 'string' || member.kind === 'number' || member.kind === 'bigint') && member.brand);
  return branded && !expression.endsWith(' as never)') ? `(${expression} as never)` : expression;
}

/** An intersection of object types: their values merged, later members winning on shared keys. */
function intersectionValue(node: IntersectionType, context: MockContext): string {
  const { compiler } = context;
  // `/** @pattern ^u- */ id: UserId`, `UserId` a brand over the brand `Id`: every brand's member met as one primitive (brand-members.ts).
  const flattened = flattenedBrands(node, compiler.index);
  if (flattened) {
    const sole = soleBrandReference(node, compiler.index);
    return sole ? mockExpression(sole, context) : intersectionValue(flattened, context);
  }
  // `(string | number) & string`, `unknown & A`, `[A, B] & A[]`: as TypeScript reduces them (type-meets.ts).
  if (needsMeet(node, compiler.index)) {
    const met = metExpression(node, context);
    if (met !== undefined) return met;
  }
  // `{ b: Code } & { b: 'ABC' | 'abc' }` merged: only the literals that meet `Code`'s constraints.
  const narrowed = narrowedExpression(node, context, mockExpression);
  if (narrowed !== undefined) return narrowed;
  // `Code[] & Lit[]`: one array, each item of every member's item type.
  const joined = joinedArray(node, compiler.index);
  // `Code[] & 'abc'[]`: no item meets `Code`, so only `[]` (no item built, none reported).
  if (joined) return joined.constraints?.maxItems === 0 ? '[]' : mockExpression(joined, context);
  // `Map<string, Entry> & { tag: string }`, `interface Reg extends Map<string, number> { label: string }`: a Map with properties (tagged-collections.ts).
  const tagged = taggedCollection(node, context);
  if (tagged) {
    const own = tagged.others.map((member, i) => mockExpression(member, { ...context, base: `${context.base}Part${i + 1}`, typePath: undefined }));
    return taggedCollectionExpression(unknownExpression(tagged.collection, { ...context, typePath: undefined }), own);
  }
  if (!node.members.every((member) => isObjectLike(member, context))) {
    // `StartsA & EndsZ`, or `{ b: Code } & { b: Starts }` merged: two patterns on one string (analyzer/types/member-constraints.ts).
    const strings = stringMembers(node.members, compiler.index);
    if (strings) return intersectedStringExpression(strings, context);
    // `` `a${string}` & StartsA & EndsZ ``, `` Uppercase<string> & `A${string}` ``: templates and mappings searched with the rest (mixed-string-intersections.ts).
    const mixed = mixedStringMembers(node.members, compiler.index);
    if (mixed) return mixedStringExpression(node, mixed, context);
    // `Half & Third` (two `@multipleOf` aliases): one number meeting both (number-intersections.ts).
    const numbers = numberMembers(node.members, compiler.index);
    const met = numbers && meetNumbers(numbers);
    if (met) return 'unmet' in met ? noMock(context, met.unmet) : mockExpression(met, context);
    // `Big & bigint`: a named bigint brand with a property's own bounds (analyzer/types/brands.ts).
    const bigints = bigintMembers(node.members, compiler.index);
    if (bigints) return mockExpression(meetBigints(bigints), context);
    // `('a' | 'b') & ('b' | 'c')`: as TypeScript reduces it, else no value the mock can build.
    const reduced = metExpression(node, context);
    if (reduced !== undefined) return reduced;
    return noMock(context, `the mock builds no value of ${writtenType(node, context)}: it merges object types, meets constrained strings or numbers, and reduces what TypeScript reduces, and this intersection is none of these`);
  }
  // `{ b: string } & { b: 'x' | 'y' }`: members sharing a key are built as one object, each property typed as TypeScript intersects it.
  // Index signatures over the same keys (`Record<string, unknown> & Record<string, string>`): one, each value meeting all (shared-indexes.ts).
  // `Account & { extra: string }`: a class built on its prototype stays an instance, the other members' data added.
  const instance = node.members.find((member) => member.kind === 'ref' && needsPrototype(compiler.index.get(member.id)));
  const merged = node.merged && objectExpression([...node.merged, ...memberAccessors(node, node.merged, instance, context)], { ...context, base: `${context.base}Merged`, typePath: undefined }, memberMethods(node, context, instance), joinPatternIndexes(memberPatternIndexes(node, context)));
  const parts = merged ? [] : joinSharedIndexes(node.members).map((member, i) => `...${mockExpression(member, { ...context, base: `${context.base}Part${i + 1}`, typePath: undefined })}`);
  if (instance?.kind === 'ref') return `${compiler.runtime(instanceHelper(compiler.index.get(instance.id)))}(${compiler.importedValue(instance.id)}, ${merged ?? `{ ${parts.join(', ')} }`})`;
  return merged ?? `{ ${parts.join(', ')} }`;
}

/**
 * The mock of an intersection TypeScript reduces (type-meets.ts), undefined when the meet changes
 * nothing; no value at all is a CG5001 that says why, the mock throwing when built.
 */
function metExpression(node: IntersectionType, context: MockContext): string | undefined {
  const { compiler } = context;
  const met = meetAll(node.members, compiler.index);
  if (isNone(met)) return noMock(context, `no value of ${writtenType(node, context)} can be built: ${met.none}`);
  if (JSON.stringify(met) === JSON.stringify(node)) return undefined;
  return mockExpression(met, context);
}

/** An intersection as written, for a message: an unsupported member by its own text (the mock's printer types it `never`). */
function writtenType(node: IntersectionType, context: MockContext): string {
  return node.members
    .map((member) => (member.kind === 'unknown' && member.unsupported ? `(${member.unsupported.text})` : member.kind === 'union' ? `(${context.compiler.typeText(member)})` : context.compiler.typeText(member)))
    .join(' & ');
}

/** A value no mock builds: a located CG5001 warning saying `why`, and a mock that throws when built. */
function noMock(context: MockContext, why: string): string {
  return unbuildable(context, why, 'Pass the value in tests (`mockT({ … })`), or leave the type out of `mock` with `@codegen`.');
}

/** Whether a declaration's mock is built on its class's prototype (see declaration-body.ts). */
export function needsPrototype(declaration: Declaration): boolean {
  return declaration.kind === 'class' && valueImportable(declaration) && declaration.type.kind === 'object' && declaration.type.behaviour !== undefined;
}

/**
 * The methods of an intersection's object members (direct or through refs), stubbed in its merged
 * mock; those of the class the mock is built on (`instance`) are its prototype's, but its abstract ones.
 */
function memberMethods(node: IntersectionType, context: MockContext, instance?: TypeNode): string[] {
  const methods = node.members.flatMap((member) => {
    const target = member.kind === 'ref' ? context.compiler.index.get(member.id).type : member;
    if (target.kind !== 'object') return [];
    // `Circle & { r: 1 | 2 }`: a stub would hide Circle's own `area`.
    return member === instance ? (target.behaviour?.abstractMethods ?? []) : (target.behaviour?.methods ?? []);
  });
  return [...new Set(methods)];
}

/**
 * The accessors of an intersection's object members (direct or through refs), as data of its
 * merged mock (`Readonly<Circle> & { r: 1 | 2 }` needs `d`: accessorDataProperties), but those of
 * the class the mock is built on (`instance`), whose prototype has them.
 */
function memberAccessors(node: IntersectionType, merged: readonly Property[], instance: TypeNode | undefined, context: MockContext): Property[] {
  const taken = new Set(merged.map((property) => property.name));
  const byName = new Map<string, Property>();
  for (const member of node.members) {
    if (member === instance) continue;
    const target = member.kind === 'ref' ? context.compiler.index.get(member.id).type : member;
    for (const accessor of target.kind === 'object' ? (target.behaviour?.accessors ?? []) : []) {
      // `Partial<Circle> & Readonly<Circle>`: required where any member requires it.
      if (!taken.has(accessor.name) && (!byName.has(accessor.name) || !accessor.optional)) byName.set(accessor.name, accessor);
    }
  }
  return [...byName.values()];
}

/** The pattern indexes of an intersection's object members (direct or through refs), for its merged mock. */
function memberPatternIndexes(node: IntersectionType, context: MockContext): PatternIndex[] {
  return node.members.flatMap((member) => {
    const target = member.kind === 'ref' ? context.compiler.index.get(member.id).type : member;
    return target.kind === 'object' ? (target.patternIndexes ?? []) : [];
  });
}

function isObjectLike(node: TypeNode, context: MockContext, seen = new Set<string>()): boolean {
  switch (node.kind) {
    case 'object':
    case 'record':
      return true;
    case 'intersection':
    case 'union':
      return node.members.every((member) => member.kind === 'null' || isObjectLike(member, context, seen));
    case 'ref':
      if (seen.has(node.id)) return true;
      seen.add(node.id);
      return isObjectLike(context.compiler.index.get(node.id).type, context, seen);
    default:
      return false;
  }
}
