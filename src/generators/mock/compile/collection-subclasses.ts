/**
 * Mocks of classes extending `Map` or `Set` (`class DateMap extends Map<string, Date>`; the
 * analyzer reads them as the collection met with the class's own members). Built on the prototype,
 * as other classes are, a Map's internal slots were missing and every method threw: a mock is
 * `new DateMap()`, its constructor run, filled through `set` / `add` with mocked entries, then
 * given mocked values of the class's own data properties. A class whose constructor requires
 * arguments cannot be built so (`Declaration.constructorArguments`): where it adds nothing to the
 * collection a plain Map (Set) is a value of it to TypeScript; otherwise its mock throws (CG5001).
 */
import type { Declaration, ObjectType, UnknownType } from '../../../model/types.js';
import { valueImportable } from '../../kit/declaration-access.js';
import type { MockContext } from './mock-context.js';
import { mockExpression } from './mock-strategy.js';
import { unbuildable, unknownExpression } from './unsupported-values.js';
import { losesBrand } from './lost-brands.js';

interface SubclassParts {
  collection: UnknownType;
  form: 'map' | 'set';
  /** The class's own members, when it declares any. */
  own?: ObjectType;
}

/** The parts of a class extending Map or Set, or undefined for any other declaration. */
function subclassParts(declaration: Declaration): SubclassParts | undefined {
  if (declaration.kind !== 'class') return undefined;
  const { type } = declaration;
  const [collection, own, ...more] = type.kind === 'intersection' ? type.members : [type];
  const form = collection?.kind === 'unknown' ? collection.unsupported?.form : undefined;
  if (collection?.kind !== 'unknown' || (form !== 'map' && form !== 'set') || more.length > 0) return undefined;
  if (own && own.kind !== 'object') return undefined;
  return { collection, form, ...(own ? { own } : {}) };
}

/**
 * The mock expression of a class extending Map or Set that generated code can import as a value,
 * or undefined for any other declaration (mocked as before).
 */
export function collectionSubclassExpression(declaration: Declaration, context: MockContext): string | undefined {
  const parts = subclassParts(declaration);
  if (!parts || !valueImportable(declaration)) return undefined;
  if (declaration.constructorArguments) {
    // Structurally a plain collection is one: TypeScript accepts `new Set([d])` for `class DateSet extends Set<Date>`.
    if (!parts.own) return undefined;
    return unbuildable(context, 'its constructor requires arguments, which the mock cannot know, and its own members make it more than a plain collection', 'Give the constructor defaults, override the property in the test (`mockT({ key: new T(…) })`), or leave the type out of `mock` with `@codegen`.');
  }
  const { compiler } = context;
  const type = context.typePath ?? declaration.name;
  const entries = unknownExpression(parts.collection, context);
  const fill = parts.form === 'map' ? 'for (const [key, entry] of entries) value.set(key, entry);' : 'for (const item of entries) value.add(item);';
  const data = parts.own && parts.own.properties.length > 0 ? mockExpression({ ...parts.own, behaviour: undefined }, context) : undefined;
  const result = data ? `Object.assign(value, ${data})` : 'value';
  // `Set<string>` for a local `Set<Brand<string, 'C'>>` (lost-brands.ts): its entries, cast so, are read as `never`.
  const entriesType = losesBrand(parts.collection, compiler.index) ? (parts.form === 'map' ? 'Map<never, never>' : 'Set<never>') : compiler.typeText(parts.collection);
  // `as`: `new Slot()` of a generic class is `Slot<unknown>` to TypeScript, the mock's type `Slot<string>`.
  return `((value: ${type}, entries: ${entriesType}): ${type} => { ${fill} return ${result}; })(new ${compiler.importedValue(declaration.id)}() as ${type}, ${entries})`;
}
