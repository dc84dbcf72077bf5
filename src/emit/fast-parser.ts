/**
 * The parser codegen hands Prettier for TypeScript outputs. Prettier's `babel-ts` parser feeds the
 * same printer as its `typescript` parser and takes about a third less time (c1000: 19 → 13 s of
 * CPU for the validators and mocks); on codegen's own layout both print byte-identical text,
 * proven on every construct (node kind under its parent's, comment kind at its node) of the
 * outputs of every built-in generator and template in the fixtures, and of the bundled example
 * under several option sets (test/unit/emit/fast-parser.test.ts). The swap is made
 * only where that proof holds: Prettier 3, no plugins (a plugin may replace the `typescript`
 * parser, e.g. to sort imports), no `parser` chosen in the user's config, and an output of
 * codegen's own layout (a built-in generator with its built-in templates: `builtInLayout`). A
 * user's template or a plugin generator may write TypeScript on which the two parsers differ
 * (comments, some syntax), so its outputs are formatted with the parser Prettier infers, as the
 * user's own `prettier --check` does. A text `babel-ts` refuses is formatted with `typescript`
 * (formatter.ts), so failures read as before.
 */

/** Options under which `babel-ts` may print differently than `typescript`: then `typescript` is kept. */
const UNPROVEN_OPTIONS = ['plugins', 'parser'];

/**
 * Whether Prettier `version`, for an output whose inferred parser is `parser` under the user's
 * resolved `config`, is where the proof reaches for codegen's own layout.
 */
export function fastParserApplies(version: string, parser: string | null, config: Record<string, unknown>): boolean {
  if (parser !== 'typescript' || !version.startsWith('3.')) return false;
  return !UNPROVEN_OPTIONS.some((name) => config[name] !== undefined && !(Array.isArray(config[name]) && config[name].length === 0));
}

/**
 * The options to run Prettier `version` with for an output whose inferred parser is `parser`,
 * given the user's resolved `config`: `options` with `babel-ts` where the swap is proven (the
 * output is of codegen's own layout, `builtInLayout`), else `options` itself.
 */
export function withFastParser(
  version: string,
  parser: string | null,
  config: Record<string, unknown>,
  options: Record<string, unknown>,
  builtInLayout: boolean,
): Record<string, unknown> {
  return builtInLayout && fastParserApplies(version, parser, config) ? { ...options, parser: 'babel-ts' } : options;
}

/**
 * The options part of an output's format cache key (format-cache.ts), from the JSON of the
 * options Prettier infers. Outputs of codegen's own layout keep that key whichever parser
 * formats them: there the two print the same, so a text cached by either is right for both (and
 * caches written before the swap stay valid). An output the swap could have reached but does
 * not (a user's template, a plugin's generator) is keyed apart: it must never be given a text
 * `babel-ts` printed, neither one cached for codegen's own output of the same text nor one a
 * codegen that swapped for every output cached.
 */
export function cacheKeyOptions(optionsJson: string, swapApplies: boolean, builtInLayout: boolean): string {
  return swapApplies && !builtInLayout ? `${optionsJson}\u0000parser typescript, not codegen's layout` : optionsJson;
}
