/** The CG2004 diagnostic for type forms the model cannot represent; the property becomes unknown. */
import { ts, type Type } from 'ts-morph';
import type { UnknownType } from '../../model/index.js';
import type { AnalyzerContext } from '../context.js';
import type { Site } from './site.js';

const HINTS: Record<string, string> = {
  Map: 'Use Record<string, V> or mark it @transient.',
  ReadonlyMap: 'Use Record<string, V> or mark it @transient.',
  Set: 'Use an array with @uniqueItems, or mark it @transient.',
  ReadonlySet: 'Use an array with @uniqueItems, or mark it @transient.',
  Promise: 'Store the resolved value type instead, or mark it @transient.',
  function: 'Functions are not data: remove the property or mark it @transient.',
  any: 'Use unknown or a precise type.',
  never: 'A property of type never can hold no value: remove it or give it a type.',
  symbol: 'Symbols are not serialisable: use a string, or mark it @transient.',
};

/** Reports the unsupported type at the site and returns `unknown` in its place. */
export function unsupported(type: Type, site: Site, ctx: AnalyzerContext, hintKey?: string): UnknownType {
  const text = site.node?.getText() ?? type.getText(site.at, ts.TypeFormatFlags.NoTruncation);
  const key = hintKey ?? type.getSymbol()?.getName() ?? text;
  ctx.report(
    'CG2004',
    site.at,
    `Unsupported type '${text}' (${site.path}).`,
    HINTS[key] ?? 'Use a supported type form (see docs/annotations.md), or mark the property @transient.',
  );
  return { kind: 'unknown' };
}
