/**
 * Classes and interfaces of a library (lib.*.d.ts, or a class from node_modules) are behaviour,
 * not data, and the model cannot describe them. What generated code can still say, it does:
 *
 * - a platform class every runtime defines as a global (`URL`, `RegExp`, `Uint8Array`, `Error`…):
 *   validators test `instanceof`, mocks build one; no diagnostic (model/platform-classes.ts);
 * - `Map` and `Set`: validators test `instanceof` but not the entries (CG2004 says so);
 * - anything else (`Promise<T>`, `Blob`, `Decimal` from a package): CG2004, and validators reject
 *   every value, since accepting anything would let through what TypeScript rejects.
 */
import { ts, type Type } from 'ts-morph';
import type { UnknownType } from '../../model/index.js';
import { PLATFORM_CLASSES } from '../../model/platform-classes.js';
import type { AnalyzerContext } from '../context.js';
import type { Site } from './site.js';
import { unsupportedForm } from './unsupported-form.js';

const HINTS: Record<string, string> = {
  Map: 'Use Record<string, V> to check the entries, or type it unknown to leave it unchecked.',
  ReadonlyMap: 'Use Record<string, V> to check the entries, or type it unknown to leave it unchecked.',
  Set: 'Use an array with @uniqueItems to check the items, or type it unknown to leave it unchecked.',
  ReadonlySet: 'Use an array with @uniqueItems to check the items, or type it unknown to leave it unchecked.',
  Promise: 'Store the resolved value type instead, or type it unknown to leave it unchecked.',
};

/**
 * Whether `type` is the global platform class of its name: declared by TypeScript's lib files or
 * by @types/node's globals (which declare `URL` where the DOM lib is left out), nowhere else.
 */
export function isPlatformClass(type: Type): boolean {
  const symbol = type.getSymbol();
  if (!symbol || !PLATFORM_CLASSES.has(symbol.getName())) return false;
  const files = symbol.getDeclarations().map((declaration) => declaration.getSourceFile().getFilePath());
  return files.length > 0 && files.every((file) => /[\\/]node_modules[\\/](?:typescript[\\/]lib|@types[\\/]node)[\\/]/.test(file));
}

/** The model node of a library class or interface (a platform class is one too: see `isPlatformClass`). */
export function libraryType(type: Type, site: Site, ctx: AnalyzerContext): UnknownType {
  const name = type.getSymbol()?.getName() ?? '';
  const text = site.node?.getText() ?? type.getText(site.at, ts.TypeFormatFlags.NoTruncation);
  if (isPlatformClass(type)) return { kind: 'unknown', unsupported: { form: 'instance', text, global: name } };
  const form = unsupportedForm(type, text, undefined);
  const collection = form.form === 'map' || form.form === 'set';
  const consequence = collection
    ? `validators check that the value is a ${form.form === 'map' ? 'Map' : 'Set'}, not its ${form.form === 'map' ? 'entries' : 'items'}`
    : 'validators cannot tell its values, so they reject every value here';
  ctx.report(
    'CG2004',
    site.at,
    `Unsupported type '${text}' (${site.path}): ${consequence}.`,
    HINTS[name] ?? 'Use a data type (an interface of its fields), or type it unknown to leave it unchecked.',
  );
  return { kind: 'unknown', unsupported: collection ? form : { form: 'library', text } };
}
