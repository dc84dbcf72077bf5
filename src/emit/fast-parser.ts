/**
 * The parser codegen hands Prettier for TypeScript outputs. Prettier's `babel-ts` parser feeds the
 * same printer as its `typescript` parser and takes about a third less time (c1000: 19 → 13 s of
 * CPU for the validators and mocks); on generated code both print byte-identical text, proven on
 * every expected output of the fixtures and on the bundled example under several option sets
 * (test/unit/emit/fast-parser.test.ts). The swap is made only where that proof holds: Prettier 3,
 * no plugins (a plugin may replace the `typescript` parser, e.g. to sort imports), and no
 * `parser` chosen in the user's config. A text `babel-ts` refuses is formatted with `typescript`
 * (formatter.ts), so failures read as before.
 */

/** Options under which `babel-ts` may print differently than `typescript`: then `typescript` is kept. */
const UNPROVEN_OPTIONS = ['plugins', 'parser'];

/**
 * The options to run Prettier `version` with for an output whose inferred parser is `parser`,
 * given the user's resolved `config`: `options` with `babel-ts` where the swap is proven, else
 * `options` itself.
 */
export function withFastParser(version: string, parser: string | null, config: Record<string, unknown>, options: Record<string, unknown>): Record<string, unknown> {
  if (parser !== 'typescript' || !version.startsWith('3.')) return options;
  if (UNPROVEN_OPTIONS.some((name) => config[name] !== undefined && !(Array.isArray(config[name]) && config[name].length === 0))) return options;
  return { ...options, parser: 'babel-ts' };
}
