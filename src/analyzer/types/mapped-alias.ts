/**
 * An intrinsic string mapping of a constrained alias, as written (`Uppercase<Slug>` with
 * `/** @pattern ^[a-z]+$ *\/ type Slug = string`, `Uppercase<Min3>`). TypeScript reads it as
 * `Uppercase<string>` (an alias of `string` is `string`), so the checker's type has lost the
 * alias; it was CG2021. The value is the mapping of a value of the alias: it keeps the mapping
 * (`value === value.toUpperCase()`) and the alias's constraints, its pattern matched ignoring case,
 * since the mapping changed the case the pattern was written for (`'ABC'` is `Uppercase<Slug>`;
 * `'abc'` fails the mapping, `'A1'` the pattern). Lengths and formats hold as written.
 */
import { Node } from 'ts-morph';
import type { StringConstraints, StringMapping, StringType } from '../../model/index.js';
import type { AnalyzerContext } from '../context.js';
import { inlinedAliasOf } from './declarations.js';
import { resolveType } from './resolve.js';
import { childSite, type Site } from './site.js';

/** The mapping of the written alias's constraints, or undefined when `site` writes no `mapping<Alias>` of a constrained string alias. */
export function mappedConstrainedAlias(mapping: StringMapping, site: Site, ctx: AnalyzerContext): StringType | undefined {
  const node = site.node;
  if (!node || !Node.isTypeReference(node) || node.getTypeName().getText() !== mapping) return undefined;
  const [argument] = node.getTypeArguments();
  if (!argument || !inlinedAliasOf(argument)) return undefined;
  const read = resolveType(argument.getType(), childSite(site, argument, argument.getType()), ctx);
  if (read.kind !== 'string' || read.template || read.mapping || read.brand || !read.constraints) return undefined;
  return { kind: 'string', mapping, constraints: caseless(read.constraints) };
}

function caseless(constraints: StringConstraints): StringConstraints {
  const pattern = constraints.pattern;
  if (!pattern || pattern.flags.includes('i')) return constraints;
  return { ...constraints, pattern: { source: pattern.source, flags: [...new Set([...pattern.flags, 'i'])].sort().join('') } };
}
