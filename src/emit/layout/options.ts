/**
 * The Prettier options under which the layout printer is proven to print as Prettier does
 * (test/unit/emit/layout.test.ts): Prettier 3 with its defaults. Any other option (a print
 * width, tabs, single quotes, no semicolons, plugins, a parser chosen...) leaves the output to
 * Prettier.
 */

/** The options the layout printer reads. */
export interface LayoutOptions {
  printWidth: number;
  tabWidth: number;
  useTabs: boolean;
}

/** Options that are proven only at Prettier's default value (listed with it). */
const DEFAULTS: Record<string, unknown> = {
  printWidth: 80,
  tabWidth: 2,
  useTabs: false,
  semi: true,
  singleQuote: false,
  jsxSingleQuote: false,
  quoteProps: 'as-needed',
  trailingComma: 'all',
  bracketSpacing: true,
  bracketSameLine: false,
  objectWrap: 'preserve',
  arrowParens: 'always',
  experimentalTernaries: false,
  experimentalOperatorPosition: 'end',
  endOfLine: 'lf',
};

/** Options that do not change a TypeScript output's text (the line ending is applied after formatting, formatter.ts). */
const IGNORED = new Set(['endOfLine', 'filepath', 'parser']);

/**
 * The Prettier versions the printer is proven against (test/unit/emit/layout.test.ts compares it
 * with the Prettier installed here, 3.10). Prettier's estree printer changes between minor
 * versions (3.1 reworked nested conditionals, for one), and a project may format with its own
 * Prettier: under any other version Prettier prints, so the outputs match the project's
 * `prettier --check`. Widen this only with the test run against the new version.
 */
const PROVEN_VERSIONS = /^3\.10\./;

/**
 * The layout options for an output whose inferred parser is `parser`, under Prettier `version`
 * and the user's resolved `config`, or undefined when the proof does not reach them.
 */
export function layoutOptions(version: string, parser: string | null, config: Record<string, unknown>): LayoutOptions | undefined {
  if (parser !== 'typescript' || !PROVEN_VERSIONS.test(version)) return undefined;
  for (const [name, value] of Object.entries(config)) {
    if (value === undefined || IGNORED.has(name)) continue;
    if (name === 'plugins' && Array.isArray(value) && value.length === 0) continue;
    if (!(name in DEFAULTS) || DEFAULTS[name] !== value) return undefined;
  }
  return { printWidth: 80, tabWidth: 2, useTabs: false };
}
