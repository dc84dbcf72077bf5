/** The CG2004 diagnostic for type forms the model cannot represent; the property becomes unknown. */
import { ts, type Type } from 'ts-morph';
import type { UnknownType } from '../../model/index.js';
import type { AnalyzerContext } from '../context.js';
import type { Site } from './site.js';
import { unsupportedForm } from './unsupported-form.js';

// Each hint offers the data-shaped equivalent, or `unknown` for what codegen should not check.
const HINTS: Record<string, string> = {
  Map: 'Use Record<string, V>, or type it unknown to leave it unchecked.',
  ReadonlyMap: 'Use Record<string, V>, or type it unknown to leave it unchecked.',
  Set: 'Use an array with @uniqueItems, or type it unknown to leave it unchecked.',
  ReadonlySet: 'Use an array with @uniqueItems, or type it unknown to leave it unchecked.',
  Promise: 'Store the resolved value type instead, or type it unknown to leave it unchecked.',
  function: 'Functions are not data: move it out of the type, or type it unknown to leave it unchecked.',
  Function: 'Functions are not data: move it out of the type, or type it unknown to leave it unchecked.',
  any: 'Use unknown or a precise type.',
  never: 'A property of type never can hold no value: remove it or give it a type.',
  'array-members': 'A JSON array cannot carry members of its own: extend Array<T> with none (or write T[]), or hold the array in an object beside them.',
  symbol: 'Symbols are not serialisable: use a string, or type it unknown to leave it unchecked.',
};

/** Reports the unsupported type at the site and returns `unknown` in its place. */
export function unsupported(type: Type, site: Site, ctx: AnalyzerContext, hintKey?: string): UnknownType {
  const text = site.node?.getText() ?? type.getText(site.at, ts.TypeFormatFlags.NoTruncation);
  const key = hintKey ?? type.getSymbol()?.getName() ?? text;
  const form = unsupportedForm(type, text, hintKey);
  // A plain function type is checked for what a value can show at run time.
  const consequence = form.form === 'function' ? ': validators check that it is a function, not its parameters or result; JSON cannot carry it' : '';
  ctx.report(
    'CG2004',
    site.at,
    `Unsupported type '${text}' (${site.path})${consequence}.`,
    HINTS[key] ?? 'Use a supported type form (see docs/annotations.md), or type it unknown to leave it unchecked.',
  );
  return { kind: 'unknown', unsupported: form };
}
