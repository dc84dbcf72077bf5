/**
 * Intrinsic string mappings of a mapping (`Lowercase<Uppercase<string>>`, `Capitalize<Lowercase<string>>`).
 * TypeScript keeps the chain and takes a string literal `s` when applying every mapping to it,
 * innermost first, gives `s` back (its `isMemberOfStringMapping`): `'a'` and `'123'` are values of
 * `Lowercase<Uppercase<string>>` (`'a'` → `'A'` → `'a'`), `'A'` and `'ß'` (→ `'SS'` → `'ss'`) are not;
 * `'Abc'` is a `Capitalize<Lowercase<string>>`, `'ABc'` is not. (A chain of one mapping twice,
 * `Uppercase<Uppercase<string>>`, TypeScript reduces to one.)
 *
 * The model holds one mapping per string. Each of the four is idempotent, so every value of the
 * chain is left unchanged by its outermost mapping alone: the string is read as that mapping of
 * `string` (with `brand`: a mock casts its string to the type), which accepts every value TypeScript does and a few more (`'ß'`, `'ABc'`), and a located
 * warning (CG2025) says which mappings are not checked. That replaces "unsupported, anything passes".
 */
import { ts } from 'ts-morph';
import type { StringMapping } from '../../model/index.js';
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

/** CG2025 at the site: the chain is checked as its outermost mapping only. `what` is '' for a value, 'keys of ' for a key. */
export function reportNestedMapping(chain: readonly StringMapping[], site: Site, ctx: AnalyzerContext, what = ''): void {
  const written = chain.reduceRight((inner, mapping) => `${mapping}<${inner}>`, 'string');
  const order = [...chain].reverse().join(', then ');
  const example = CANDIDATES.find((text) => APPLY[chain[0]!](text) === text && chain.reduceRight((value, mapping) => APPLY[mapping](value), text) !== text);
  ctx.report(
    'CG2025',
    site.at,
    `${written} (${what}${site.path}) is checked as ${chain[0]}<string> only: TypeScript also requires that ${order} give the string back, which codegen does not check${example ? ` (it accepts ${JSON.stringify(example)}, which TypeScript rejects)` : ''}.`,
    `Write one mapping (${chain[0]}<string>) if that is what you mean, or check the rest in your own code.`,
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
