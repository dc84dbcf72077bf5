/**
 * Intrinsic string mappings of a mapping (`Lowercase<Uppercase<string>>`, `Capitalize<Lowercase<string>>`).
 * TypeScript keeps the chain and takes a string literal `s` when applying every mapping to it,
 * innermost first, gives `s` back (its `isMemberOfStringMapping`): `'a'` and `'123'` are values of
 * `Lowercase<Uppercase<string>>` (`'a'` → `'A'` → `'a'`), `'A'` and `'ß'` (→ `'SS'` → `'ss'`) are not;
 * `'Abc'` is a `Capitalize<Lowercase<string>>`, `'ABc'` is not. (A chain of one mapping twice,
 * `Uppercase<Uppercase<string>>`, TypeScript reduces to one.)
 *
 * The model holds the chain (`mapping`, the outermost, and `innerMappings`), with `brand`: a mock
 * casts its string to the type. Validators apply the whole chain, as tsc does, and mocks pass a word
 * through it. The OpenAPI schema's pattern says only what the outermost mapping leaves unchanged
 * (a regular expression cannot apply case mappings; each of the four is idempotent, so every value
 * of the chain matches it), which accepts a few strings more (`'ß'`, `'ABc'`): a located warning
 * (CG2025) says so.
 */
import { ts } from 'ts-morph';
import type { StringMapping, TemplateLiteral } from '../../model/index.js';
import type { AnalyzerContext } from '../context.js';
import type { Site } from './site.js';

const MAPPINGS: ReadonlySet<string> = new Set<StringMapping>(['Uppercase', 'Lowercase', 'Capitalize', 'Uncapitalize']);

/** A chain of two or more mappings over `string`, outermost first (`['Lowercase', 'Uppercase']`); else undefined. */
export function nestedStringMappings(type: ts.Type): StringMapping[] | undefined {
  const chain: StringMapping[] = [];
  let at = type;
  while (at.flags & ts.TypeFlags.StringMapping) {
    const name = at.symbol?.getName();
    if (!name || !MAPPINGS.has(name)) return undefined;
    chain.push(name as StringMapping);
    at = (at as ts.StringMappingType).type;
  }
  return chain.length >= 2 && at.flags & ts.TypeFlags.String ? chain : undefined;
}

/** CG2025 at the site: the schema checks the chain as its outermost mapping only. `what` is '' for a value, 'keys of ' for a key. */
export function reportNestedMapping(chain: readonly StringMapping[], site: Site, ctx: AnalyzerContext, what = ''): void {
  const written = chain.reduceRight((inner, mapping) => `${mapping}<${inner}>`, 'string');
  const order = [...chain].reverse().join(', then ');
  const example = CANDIDATES.find((text) => APPLY[chain[0]!](text) === text && chain.reduceRight((value, mapping) => APPLY[mapping](value), text) !== text);
  ctx.report(
    'CG2025',
    site.at,
    `${written} (${what}${site.path}) is checked by validators and mocks as TypeScript does (${order} must give the string back), but the OpenAPI schema's pattern holds ${chain[0]}<string> only${example ? ` (it accepts ${JSON.stringify(example)}, which TypeScript rejects)` : ''}: no regular expression applies a case mapping.`,
    `Write one mapping (${chain[0]}<string>) if that is what you mean, or check what the schema leaves out where JSON arrives without the validators.`,
  );
}

const APPLY: Record<StringMapping, (text: string) => string> = {
  Uppercase: (text) => text.toUpperCase(),
  Lowercase: (text) => text.toLowerCase(),
  Capitalize: (text) => text.charAt(0).toUpperCase() + text.slice(1),
  Uncapitalize: (text) => text.charAt(0).toLowerCase() + text.slice(1),
};

/** Strings to show a difference with, for the message. */
const CANDIDATES = ['ß', 'aB', 'Ab', 'ABc', 'aBC', 'A', 'a', 'ǅ'];

/** CG2025 at the site for each hole of a template that is a chain (`` `x-${Lowercase<Uppercase<string>>}` ``): its pattern holds the outermost mapping. */
export function reportTemplateMappings(template: TemplateLiteral, site: Site, ctx: AnalyzerContext, what = ''): void {
  for (const hole of template.holes) {
    if (hole.kind === 'string' && hole.mapping && hole.innerMappings) reportNestedMapping([hole.mapping, ...hole.innerMappings], site, ctx, what);
  }
}
