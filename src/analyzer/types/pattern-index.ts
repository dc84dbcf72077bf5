/**
 * Index signatures over some of the string keys (`PatternIndex` in the model): a template literal
 * key (`[k: \`x-${string}\`]: V`, `Record<\`${number}px\`, V>`, `{ [K in \`a-${string}\`]: V }`), an
 * intrinsic string mapping of `string` (`Record<Uppercase<string>, V>`), and a string key written
 * as a constrained alias (`Record<Slug, V>` with `@pattern` on `Slug`), whose constraints the
 * validators check on each key as JSON Schema's `propertyNames` would (TypeScript reads `Slug`
 * as `string` and forgets them). The checker reads a mapped type over such keys as the same
 * index signature, so written signatures and mapped types take one path.
 */
import { Node, ts, type Type } from 'ts-morph';
import type { PatternIndex, StringMapping, StringType, TypeNode } from '../../model/index.js';
import type { AnalyzerContext } from '../context.js';
import { bindingsOf } from './bindings.js';
import { resolveType } from './resolve.js';
import { childSite, type Site } from './site.js';
import { templateType } from './unsupported-form.js';
import { inlinedAliasOf } from './declarations.js';
import { indexInfoSyntax, type Written } from './written-syntax.js';

const MAPPINGS: ReadonlySet<string> = new Set<StringMapping>(['Uppercase', 'Lowercase', 'Capitalize', 'Uncapitalize']);

/** What the index signatures of `type` that are not plain `string`/`number` ones become. */
export interface PatternIndexes {
  indexes: PatternIndex[];
  /** Keys the model cannot say (`\`x-${Uppercase<string>}\``, `Uppercase<\`a${string}\`>`), for CG2004. */
  unsupported: ts.IndexInfo[];
}

/** The pattern indexes of `type` (symbol keys aside: JSON has none, and `for…in` skips them). */
export function readPatternIndexes(type: Type, site: Site, ctx: AnalyzerContext): PatternIndexes {
  const result: PatternIndexes = { indexes: [], unsupported: [] };
  for (const info of patternIndexInfos(type, site)) {
    if (info.keyType.flags & ts.TypeFlags.ESSymbolLike) continue;
    const written = indexInfoSyntax(type, info, bindingsOf(site.node, site.bindings), site.at);
    const key = keyOf(info.keyType, written.key, site, ctx);
    if (!key) {
      result.unsupported.push(info);
      continue;
    }
    const value = resolveType(wrapType(site.at, info.type), valueSite(site, written.value, info), ctx);
    result.indexes.push({ ...key, value });
  }
  return result;
}

/**
 * `Record<Slug, V>`, `{ [k: Slug]: V }`: the string index of `type` as a pattern index holding
 * every key, when its key is written as an alias with constraints; undefined otherwise.
 */
export function constrainedStringIndex(type: Type, site: Site, ctx: AnalyzerContext): PatternIndex | undefined {
  const checker = site.at.getProject().getTypeChecker().compilerObject;
  const info = checker.getIndexInfosOfType(type.compilerType).find((candidate) => (candidate.keyType.flags & ts.TypeFlags.String) !== 0);
  if (!info) return undefined;
  const written = indexInfoSyntax(type, info, bindingsOf(site.node, site.bindings), site.at);
  if (!written.key || !inlinedAliasOf(written.key.node)) return undefined;
  const key = resolveType(wrapType(site.at, info.keyType), keySite(site, written.key), ctx);
  if (key.kind !== 'string' || !key.constraints) return undefined;
  return { key, value: resolveType(wrapType(site.at, info.type), valueSite(site, written.value, info), ctx) };
}

/** The index signatures of `type` whose key is neither `string` nor `number` (a template literal, `Uppercase<string>`, a symbol). */
export function patternIndexInfos(type: Type, site: Site): readonly ts.IndexInfo[] {
  const checker = site.at.getProject().getTypeChecker().compilerObject;
  return checker.getIndexInfosOfType(type.compilerType).filter((info) => !(info.keyType.flags & (ts.TypeFlags.String | ts.TypeFlags.Number)));
}

/** The key as the model says it: a template (with a written alias's constraints), or a mapping of `string`. */
function keyOf(keyType: ts.Type, written: Written | undefined, site: Site, ctx: AnalyzerContext): Pick<PatternIndex, 'key' | 'mapping'> | undefined {
  if (keyType.flags & ts.TypeFlags.StringMapping) {
    const mapping = keyType.symbol?.getName();
    const inner = (keyType as ts.StringMappingType).type;
    if (!mapping || !MAPPINGS.has(mapping) || !(inner.flags & ts.TypeFlags.String)) return undefined;
    return { key: { kind: 'string' }, mapping: mapping as StringMapping };
  }
  if (!(keyType.flags & ts.TypeFlags.TemplateLiteral)) return undefined;
  const template = templateType(wrapType(site.at, keyType));
  if (!template) return undefined;
  // `type XKey = \`x-${string}\`` with tags: read through the alias, which keeps them.
  if (written && inlinedAliasOf(written.node)) {
    const read: TypeNode = resolveType(wrapType(site.at, keyType), keySite(site, written), ctx);
    if (read.kind === 'string' && read.template) return { key: read };
  }
  return { key: template satisfies StringType };
}

function keySite(site: Site, written: Written): Site {
  return { path: `${site.path}[key]`, at: site.at, node: written.node, ...(written.bindings ? { bindings: written.bindings } : {}) };
}

function valueSite(site: Site, written: Written | undefined, info: ts.IndexInfo): Site {
  const parent: Site = { path: `${site.path}[key]`, at: site.at, ...(written?.bindings ? { bindings: written.bindings } : {}) };
  return childSite(parent, written?.node, wrapType(site.at, info.type));
}

function wrapType(anchor: Node, type: ts.Type): Type {
  return (anchor as unknown as { _context: { compilerFactory: { getType(type: ts.Type): Type } } })._context.compilerFactory.getType(type);
}
