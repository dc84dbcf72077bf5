/**
 * What validators check of the members that are not data (issue 9 B3): a value TypeScript
 * accepts for a type with methods has them, so `isT` must not accept one without.
 *
 * - A method (`greet(): string`, `wave?(): void`) and a function-typed property (`onClick: () =>
 *   void`) are tested with `typeof value.greet === "function"`, read as TypeScript reads it, through
 *   the prototype (a class instance's methods live there). Parameters and the return type cannot
 *   be checked at run time: only that a function is there.
 * - A class with non-public members (`private`, `protected`, `#count`) is nominal to TypeScript:
 *   no plain object is one. Its validator tests `value instanceof Counter` (the class imported as a
 *   value) before its data; where the class cannot be imported (`export type` only, not exported),
 *   validate refuses the type with CG5001.
 * - A platform class (`URL`, `RegExp`, `Uint8Array`…) is `value instanceof globalThis.URL`, `Map`
 *   and `Set` likewise, with every entry checked (collection-bodies.ts), `WeakMap` and `WeakSet`
 *   as instances only (after CG2004), and any other library type (`Promise<T>`) passes no value
 *   (after CG2004).
 */
import { valueImportable } from '../../kit/declaration-access.js';
import type { Declaration, ObjectType, Property, UnknownType } from '../../../model/types.js';
import type { DeclarationIndex } from '../../kit/declaration-index.js';

/** The runtime test of an `unknown` node and what its issue expects, or undefined when anything passes. */
export function unknownCheck(node: UnknownType, x: string): { test: string; expected: string } | undefined {
  const form = node.unsupported;
  switch (form?.form) {
    case 'never':
      return { test: 'false', expected: 'never' };
    case 'function':
      return { test: `typeof ${x} === "function"`, expected: 'function' };
    case 'symbol':
      // `keyof never` is `string | number | symbol`: a symbol has a runtime test too, and JSON none.
      return { test: `typeof ${x} === "symbol"`, expected: 'symbol' };
    case 'map':
      return { test: `${x} instanceof globalThis.Map`, expected: "an instance of Map" };
    case 'set':
      return { test: `${x} instanceof globalThis.Set`, expected: "an instance of Set" };
    case 'instance':
      // `globalThis.URL`: a user type named `URL` or `Error` imported into the file cannot shadow it.
      return { test: `${x} instanceof globalThis.${form.global}`, expected: `an instance of ${form.global}` };
    case 'library':
      return { test: 'false', expected: form.text };
    default:
      return undefined;
  }
}

/** A method's type as validators check it: a function. */
const METHOD: UnknownType = { kind: 'unknown', unsupported: { form: 'function', text: 'method' } };

const checked = new WeakMap<ObjectType, Property[]>();

/**
 * The properties a validator checks on an object: its data properties, then one per public
 * method (optional ones optional), typed as a function. The same array for the same node.
 */
export function checkedProperties(node: ObjectType): Property[] {
  const behaviour = node.behaviour;
  if (!behaviour || (behaviour.methods.length === 0 && !behaviour.optionalMethods && !behaviour.accessors)) return node.properties;
  let properties = checked.get(node);
  if (!properties) {
    const source = node.properties[0]?.source ?? { file: '', line: 0, column: 0 };
    const method = (name: string, optional: boolean): Property => ({ name, type: METHOD, optional, nullable: false, readonly: true, docs: {}, source });
    // The getters of a nominal class are its own (`instanceof` vouches for them): not run, since
    // one may read a field only its constructor sets.
    const accessors = behaviour.privateFields.length === 0 ? (behaviour.accessors ?? []) : [];
    properties = [
      ...node.properties,
      ...accessors,
      ...behaviour.methods.map((name) => method(name, false)),
      ...(behaviour.optionalMethods ?? []).map((name) => method(name, true)),
    ];
    checked.set(node, properties);
  }
  return properties;
}

/** Whether a declaration is a class TypeScript compares nominally (it has non-public members): only its instances are values of it. */
export function isNominalClass(declaration: Declaration): boolean {
  return (classObject(declaration)?.behaviour?.privateFields.length ?? 0) > 0;
}

/**
 * The class a declaration's values must be instances of: the declaration itself when it is a
 * nominal class, the class an interface inherits non-public members from (`interface HasPriv
 * extends Priv`: `behaviour.instanceOf`) otherwise; undefined for any other declaration.
 */
export function nominalClassOf(declaration: Declaration, index: DeclarationIndex): Declaration | undefined {
  if (isNominalClass(declaration)) return declaration;
  const base = declaration.kind !== 'class' && declaration.type.kind === 'object' ? declaration.type.behaviour?.instanceOf?.[0] : undefined;
  return base === undefined ? undefined : index.get(base);
}

/**
 * The object type of a class's own members: its type, or for a class extending Map or Set (a
 * collection met with its own members, analyzer/types/collection-subtypes.ts) that object member.
 */
export function classObject(declaration: Declaration): ObjectType | undefined {
  if (declaration.kind !== 'class') return undefined;
  const { type } = declaration;
  if (type.kind === 'object') return type;
  const [collection, own] = type.kind === 'intersection' ? type.members : [];
  const form = collection?.kind === 'unknown' ? collection.unsupported?.form : undefined;
  return (form === 'map' || form === 'set') && own?.kind === 'object' && type.kind === 'intersection' && type.members.length === 2 ? own : undefined;
}

/**
 * Whether a declaration is a class whose only members are an index signature (`class Dict {
 * [k: string]: number }`): its instances are values of it, as plain objects are (issue 9 G5),
 * where an interface or a `Record` with only an index signature accepts plain objects only.
 */
export function isIndexClass(declaration: Declaration): boolean {
  return declaration.kind === 'class' && declaration.type.kind === 'record';
}

/**
 * Whether generated code can import a declaration as a value (`instanceof` needs the class
 * itself): exported, not with `export type` only, and not from a declaration file, which has no
 * module to load at run time.
 */
export function importableAsValue(declaration: Declaration): boolean {
  return valueImportable(declaration);
}
