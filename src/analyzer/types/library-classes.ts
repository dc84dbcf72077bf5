/**
 * Classes and interfaces of a library (lib.*.d.ts, or a class from node_modules) are behaviour,
 * not data, and the model cannot describe them. What generated code can still say, it does:
 *
 * - a platform class every runtime defines as a global (`URL`, `RegExp`, `Uint8Array`, `Error`…):
 *   validators test `instanceof`, mocks build one; no diagnostic (model/platform-classes.ts);
 * - `Map<K, V>` and `Set<T>` (and `ReadonlyMap`, `ReadonlySet`): their key, value and item types
 *   are read like any other, validators test `instanceof` and every entry, mocks fill them; no
 *   diagnostic;
 * - `WeakMap` and `WeakSet`: an instance, whose entries no one can list (CG2004 says so);
 * - anything else (`Promise<T>`, `Blob`, `Decimal` from a package): CG2004, and validators reject
 *   every value, since accepting anything would let through what TypeScript rejects.
 */
import { Node, ts, type Type } from 'ts-morph';
import type { TypeNode, UnknownType } from '../../model/index.js';
import { PLATFORM_CLASSES } from '../../model/platform-classes.js';
import type { AnalyzerContext } from '../context.js';
import { resolveType } from './resolve.js';
import { childSite, type Site } from './site.js';

const HINTS: Record<string, string> = {
  Buffer: 'A Buffer is a Uint8Array: type it Uint8Array, which validators test with instanceof and mocks build, or unknown to leave it unchecked.',
  Promise: 'Store the resolved value type instead, or type it unknown to leave it unchecked.',
  WeakMap: 'Use a Map (its entries are checked) if the entries matter, or leave it as it is.',
  WeakSet: 'Use a Set (its items are checked) if the items matter, or leave it as it is.',
};

/** The collections whose entries generated code can list: their type arguments are read. */
const COLLECTIONS: Record<string, 'map' | 'set'> = { Map: 'map', ReadonlyMap: 'map', Set: 'set', ReadonlySet: 'set' };
/** Collections that cannot be iterated: only an instance can be told. */
const WEAK = new Set(['WeakMap', 'WeakSet']);

/**
 * Whether `type` is the global platform class of its name: declared by TypeScript's lib files or
 * by @types/node's globals (which declare `URL` where the DOM lib is left out), nowhere else.
 */
export function isPlatformClass(type: Type): boolean {
  return PLATFORM_CLASSES.has(type.getSymbol()?.getName() ?? '') && isLibDeclared(type);
}

/** The model node of a library class or interface (a platform class is one too: see `isPlatformClass`). */
export function libraryType(type: Type, site: Site, ctx: AnalyzerContext): UnknownType {
  const name = type.getSymbol()?.getName() ?? '';
  const text = site.node?.getText() ?? type.getText(site.at, ts.TypeFormatFlags.NoTruncation);
  const lib = isLibDeclared(type);
  if (lib && COLLECTIONS[name]) return { kind: 'unknown', unsupported: collection(COLLECTIONS[name], type, text, site, ctx) };
  if (lib && WEAK.has(name)) {
    ctx.report(
      'CG2004',
      site.at,
      `Unsupported type '${text}' (${site.path}): validators check that the value is a ${name}; its entries cannot be listed, so they are not checked.`,
      HINTS[name]!,
    );
    return { kind: 'unknown', unsupported: { form: 'instance', text, global: name } };
  }
  if (isPlatformClass(type)) return { kind: 'unknown', unsupported: { form: 'instance', text, global: name } };
  ctx.report(
    'CG2004',
    site.at,
    `Unsupported type '${text}' (${site.path}): validators cannot tell its values, so they reject every value here.`,
    HINTS[name] ?? 'Use a data type (an interface of its fields), or type it unknown to leave it unchecked.',
  );
  return { kind: 'unknown', unsupported: { form: 'library', text } };
}

/** Declared by TypeScript's lib files (or @types/node), not a user's or a package's class of the same name. */
function isLibDeclared(type: Type): boolean {
  const declarations = type.getSymbol()?.getDeclarations() ?? [];
  return declarations.length > 0 && declarations.every((declaration) => /[\\/]node_modules[\\/](?:typescript[\\/]lib|@types[\\/]node)[\\/]/.test(declaration.getSourceFile().getFilePath()));
}

/**
 * `Map<K, V>` / `Set<T>` with their type arguments read as written (`Map<string, Code>` keeps
 * `Code`'s constraints): what validators check of every entry and mocks fill them with.
 */
function collection(form: 'map' | 'set', type: Type, text: string, site: Site, ctx: AnalyzerContext): UnknownType['unsupported'] {
  const written = site.node && Node.isTypeReference(site.node) ? site.node.getTypeArguments() : [];
  const argument = (index: number): TypeNode => {
    const argumentType = type.getTypeArguments()[index];
    if (!argumentType) return { kind: 'unknown' };
    return resolveType(argumentType, childSite(site, written[index], argumentType), ctx);
  };
  return form === 'map' ? { form, text, key: argument(0), value: argument(1) } : { form, text, items: argument(0) };
}
