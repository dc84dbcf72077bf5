/**
 * The proof behind fast-parser.ts: on generated code, Prettier's `babel-ts` parser prints exactly
 * what its `typescript` parser prints. Checked on every TypeScript output the fixtures expect and
 * on the bundled example's generated files, with Prettier's defaults and, on the example, with
 * other option sets users choose.
 */
import { readFileSync } from 'node:fs';
import { format } from 'prettier';
import { globSync } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { withFastParser } from '../../../src/emit/fast-parser.js';

const FIXTURE_OUTPUTS = globSync('test/fixtures/**/expected/**/*.ts').sort();
const EXAMPLE_OUTPUTS = globSync('examples/bookstore/src/generated/**/*.ts').sort();

const OPTION_SETS: Record<string, unknown>[] = [
  { semi: false, singleQuote: true, trailingComma: 'es5', printWidth: 100 },
  { tabWidth: 4, useTabs: true, bracketSpacing: false, arrowParens: 'avoid', trailingComma: 'none', quoteProps: 'consistent', printWidth: 60 },
];

async function expectSamePrint(files: readonly string[], options: Record<string, unknown> = {}): Promise<void> {
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const typescript = await format(text, { ...options, parser: 'typescript' });
    expect(await format(text, { ...options, parser: 'babel-ts' }), file).toBe(typescript);
  }
}

describe('babel-ts prints generated code as typescript does', () => {
  it('on every TypeScript output the fixtures expect', async () => {
    expect(FIXTURE_OUTPUTS.length).toBeGreaterThan(100);
    await expectSamePrint(FIXTURE_OUTPUTS);
  });

  it('on the bundled example, under other option sets', async () => {
    expect(EXAMPLE_OUTPUTS.length).toBeGreaterThan(20);
    for (const options of OPTION_SETS) await expectSamePrint(EXAMPLE_OUTPUTS, options);
  });
});

describe('withFastParser', () => {
  const options = { parser: 'typescript', filepath: '/p/a.ts' };

  it('swaps typescript for babel-ts under Prettier 3 without plugins or a chosen parser', () => {
    expect(withFastParser('3.10.1', 'typescript', { semi: false }, options)).toEqual({ parser: 'babel-ts', filepath: '/p/a.ts' });
    expect(withFastParser('3.10.1', 'typescript', { plugins: [] }, options).parser).toBe('babel-ts');
  });

  it('keeps the options where the proof does not reach', () => {
    expect(withFastParser('2.8.8', 'typescript', {}, options)).toBe(options);
    expect(withFastParser('3.10.1', 'typescript', { plugins: ['prettier-plugin-organize-imports'] }, options)).toBe(options);
    expect(withFastParser('3.10.1', 'typescript', { parser: 'typescript' }, options)).toBe(options);
    expect(withFastParser('3.10.1', 'json', {}, { parser: 'json' })).toEqual({ parser: 'json' });
  });
});
