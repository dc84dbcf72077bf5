/**
 * `never` where TypeScript reads it as "nothing is here", not as a mistake: the items of
 * `never[]` (whose one value is `[]`), the values of `Record<string, never>` (whose one value is
 * `{}`: openapi-typescript's `webhooks`, type-fest's `EmptyObject`), a rest `...never[]`, and an optional property
 * `x?: never` or tuple element `never?` (openapi-typescript's `query?: never`: only absent). The model keeps
 * `never` there, without the CG2004 a required `x: never` gets: validators reject any item, value
 * or present key, and mocks build `[]`, `{}` and no key.
 */
import { ts, type Type } from 'ts-morph';
import type { TypeNode } from '../../model/index.js';
import type { AnalyzerContext } from '../context.js';
import { resolveType } from './resolve.js';
import type { Site } from './site.js';

/** `resolveType`, except that `never` is read as "nothing here", unreported. */
export function resolveEmptyNever(type: Type, site: Site, ctx: AnalyzerContext): TypeNode {
  if (!(type.getFlags() & ts.TypeFlags.Never)) return resolveType(type, site, ctx);
  return { kind: 'unknown', unsupported: { form: 'never', text: 'never' } };
}
