/**
 * The proof behind json-layout.ts: for a text JSON.stringify wrote with an indent of 2, the layout
 * printed without Prettier is byte-identical to Prettier's `json` output, on random documents
 * under random options and on every OpenAPI document the fixtures and the example expect. Where
 * the printer declines (a width it cannot measure), the formatter leaves the text to Prettier.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import * as bundledPrettier from 'prettier';
import { format, version } from 'prettier';
import { globSync } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { createFormatter, nodeFileSystem, type PrettierApi } from '../../../src/emit/index.js';
import { addHeader } from '../../../src/emit/header.js';
import { jsonLayoutOptions, printJsonLayout, type JsonLayoutOptions } from '../../../src/emit/json-layout.js';

const SEED = Number(process.env['PROPERTY_SEED'] ?? 12);
const RUNS = Number(process.env['PROPERTY_RUNS'] ?? 300);

/** Short ASCII strings (so arrays land on both sides of printWidth), now and then wider characters. */
const text = fc.oneof(
  { weight: 8, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.constantFrom('日本語', 'emoji 🎉', 'é', 'a\u0301', '\u007f', 'tab\there', 'quote "q" \\ back') },
);
const number = fc.oneof(
  fc.integer({ min: -1000, max: 100_000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(1e21, -1e21, 1.5e-7, 5e-324, 0.1, -0, 123456789012),
);
const scalar = fc.oneof(fc.constant(null), fc.boolean(), number, text);

const { document } = fc.letrec<{ document: unknown; value: unknown; array: unknown; object: unknown }>((tie) => ({
  document: fc.oneof({ weight: 4, arbitrary: tie('object') }, { weight: 1, arbitrary: tie('array') }),
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('array'), tie('object')),
  array: fc.oneof(
    fc.array(tie('value'), { maxLength: 6 }),
    fc.array(number, { maxLength: 30 }),
    fc.array(text, { maxLength: 10 }),
    fc.array(fc.array(number, { maxLength: 4 }), { maxLength: 4 }),
    fc.array(fc.constant({}), { maxLength: 3 }),
  ),
  object: fc.dictionary(text, tie('value'), { maxKeys: 6 }),
}));

/** Options the layout reads, with now and then options it must not be moved by. */
const options = fc.record(
  {
    printWidth: fc.integer({ min: 8, max: 120 }),
    tabWidth: fc.integer({ min: 1, max: 8 }),
    useTabs: fc.boolean(),
    semi: fc.boolean(),
    singleQuote: fc.boolean(),
    trailingComma: fc.constantFrom('all', 'es5', 'none'),
    bracketSpacing: fc.boolean(),
    quoteProps: fc.constantFrom('as-needed', 'consistent', 'preserve'),
    objectWrap: fc.constant('preserve'),
  },
  { requiredKeys: [] },
);

async function prettierJson(source: string, config: Record<string, unknown>): Promise<string> {
  return format(source, { ...config, parser: 'json', endOfLine: 'lf' });
}

function layoutOf(config: Record<string, unknown>): JsonLayoutOptions {
  const layout = jsonLayoutOptions(version, 'json', config);
  if (!layout) throw new Error(`options not taken: ${JSON.stringify(config)}`);
  return layout;
}

describe('printJsonLayout', () => {
  it('prints what Prettier prints, on random documents under random options', async () => {
    let printed = 0;
    await fc.assert(
      fc.asyncProperty(document, options, async (value, config) => {
        const source = `${JSON.stringify(value, null, 2)}\n`;
        const ours = printJsonLayout(source, layoutOf(config));
        if (ours === undefined) {
          // It declines only for widths it cannot measure: characters outside printable ASCII.
          expect(source).toMatch(/[^\x20-\x7e\n]/);
          return;
        }
        printed += 1;
        expect(ours).toBe(await prettierJson(source, config));
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // Many documents are printed, not left to Prettier (every one of printable ASCII is).
    expect(printed).toBeGreaterThan(RUNS / 3);
  });

  it("prints what Prettier prints under JSON.stringify's own indentation (laid out from the text: json-layout-lines.ts)", async () => {
    let printed = 0;
    const defaultIndent = fc.record({ printWidth: fc.integer({ min: 8, max: 120 }), tabWidth: fc.constant(2), useTabs: fc.constant(false) }, { requiredKeys: ['printWidth'] });
    await fc.assert(
      fc.asyncProperty(document, defaultIndent, fc.boolean(), async (value, config, stringified) => {
        const source = `${JSON.stringify(value, null, 2)}\n`;
        // A caller that knows the text is JSON.stringify's skips the check: the same output.
        const ours = printJsonLayout(source, layoutOf(config), stringified);
        if (ours === undefined) {
          expect(source).toMatch(/[^\x20-\x7e\n]/);
          return;
        }
        printed += 1;
        expect(ours).toBe(await prettierJson(source, config));
      }),
      { seed: SEED + 1, numRuns: RUNS },
    );
    expect(printed).toBeGreaterThan(RUNS / 3);
  });

  it('exponents lose their plus on the lines kept as written, and only in numbers', async () => {
    const source = `${JSON.stringify({ 'e+': 1e21, n: -1.5e21, s: '1e+21', keep: ['e+', 'x'.repeat(80), 2e21], small: 5e-7 }, null, 2)}\n`;
    const ours = printJsonLayout(source, { printWidth: 80, tabWidth: 2, useTabs: false }, true);
    expect(ours).toBe(await prettierJson(source, {}));
    expect(ours).toContain('"e+": 1e21,\n  "n": -1.5e21,\n  "s": "1e+21",');
    expect(ours).toContain('    "e+",\n');
    expect(ours).toContain('    2e21\n');
  });

  it('prints every OpenAPI document the fixtures and the example expect, as Prettier does', async () => {
    const files = globSync(['test/fixtures/**/expected/**/*.json', 'examples/bookstore/src/generated/**/*.json']).sort();
    expect(files.filter((file) => file.endsWith('openapi.json')).length).toBeGreaterThanOrEqual(4);
    for (const file of files) {
      const source = `${JSON.stringify(JSON.parse(readFileSync(file, 'utf8')), null, 2)}\n`;
      for (const config of [{}, { printWidth: 40 }, { printWidth: 120, tabWidth: 4 }, { useTabs: true, printWidth: 60 }]) {
        const ours = printJsonLayout(source, layoutOf(config));
        expect(ours, `${file} ${JSON.stringify(config)}`).toBe(await prettierJson(source, config));
      }
    }
  });

  it('lays an array out again by what surrounds it: its key, indentation, the comma after it, printWidth (json-layout-lines.ts remembers layouts)', async () => {
    const array = ['xxxxxxx', 'yyyyyyy'];
    const numbers = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
    const documents = [{ a: array }, { a: array, b: 1 }, { abc: array }, { o: { a: array } }, { n: numbers }, { nnnnnnnn: numbers, x: 1 }, { o: { n: numbers } }, [array, array]];
    // Twice over: the second round takes every layout from what the first remembered.
    for (const round of [1, 2]) {
      for (const printWidth of [29, 30, 31, 80]) {
        for (const value of documents) {
          const source = `${JSON.stringify(value, null, 2)}\n`;
          const ours = printJsonLayout(source, { printWidth, tabWidth: 2, useTabs: false }, true);
          expect(ours, `round ${round}, printWidth ${printWidth}: ${JSON.stringify(value)}`).toBe(await prettierJson(source, { printWidth }));
        }
      }
    }
  });

  it('arrays: flat when the line fits with its comma (30 columns here), filled when all numbers, broken around objects', async () => {
    const source = `${JSON.stringify({ a: ['xxxxxxx', 'yyyyyyy'], g: ['xxxxxxx', 'yyyyyyyy'], b: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], c: [{ d: 1 }], e: [[1, 2], [3, 4]], f: [] }, null, 2)}\n`;
    const ours = printJsonLayout(source, { printWidth: 30, tabWidth: 2, useTabs: false });
    expect(ours).toBe(await prettierJson(source, { printWidth: 30 }));
    expect(ours).toBe(
      [
        '{',
        '  "a": ["xxxxxxx", "yyyyyyy"],',
        '  "g": [',
        '    "xxxxxxx",',
        '    "yyyyyyyy"',
        '  ],',
        '  "b": [',
        '    1, 2, 3, 4, 5, 6, 7, 8, 9,',
        '    10, 11, 12',
        '  ],',
        '  "c": [',
        '    {',
        '      "d": 1',
        '    }',
        '  ],',
        '  "e": [',
        '    [1, 2],',
        '    [3, 4]',
        '  ],',
        '  "f": []',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('an array broken by its rule breaks the arrays around it, and exponents lose their plus', async () => {
    // Found by the property: one element only, short, yet broken (the inner array's group breaks its parent's).
    const source = `${JSON.stringify([[[0, 0], [0, 1e21]]], null, 2)}\n`;
    const ours = printJsonLayout(source, { printWidth: 80, tabWidth: 2, useTabs: false });
    expect(ours).toBe(await prettierJson(source, {}));
    expect(ours).toBe('[\n  [\n    [0, 0],\n    [0, 1e21]\n  ]\n]\n');
  });

  it('declines a text that is not JSON.stringify with an indent of 2', () => {
    const layout = { printWidth: 80, tabWidth: 2, useTabs: false };
    expect(printJsonLayout('{"a": 1}\n', layout)).toBeUndefined();
    expect(printJsonLayout('{\n    "a": 1\n}\n', layout)).toBeUndefined();
    expect(printJsonLayout('{ not json', layout)).toBeUndefined();
    expect(printJsonLayout('{\n  "a": 1\n}\n', layout)).toBe('{\n  "a": 1\n}\n');
  });
});

describe('jsonLayoutOptions', () => {
  it('takes the options the proof covers, for the json parser of Prettier 3', () => {
    expect(jsonLayoutOptions('3.10.1', 'json', {})).toEqual({ printWidth: 80, tabWidth: 2, useTabs: false });
    expect(jsonLayoutOptions('3.0.0', 'json', { printWidth: 100, useTabs: true, endOfLine: 'crlf', semi: false, plugins: [] })).toEqual({
      printWidth: 100,
      tabWidth: 2,
      useTabs: true,
    });
  });

  it('leaves the output to Prettier for anything else', () => {
    expect(jsonLayoutOptions('2.8.8', 'json', {})).toBeUndefined();
    expect(jsonLayoutOptions('3.10.1', 'json5', {})).toBeUndefined();
    expect(jsonLayoutOptions('3.10.1', 'json-stringify', {})).toBeUndefined();
    expect(jsonLayoutOptions('3.10.1', 'typescript', {})).toBeUndefined();
    expect(jsonLayoutOptions('3.10.1', 'json', { plugins: ['prettier-plugin-sort-json'] })).toBeUndefined();
    expect(jsonLayoutOptions('3.10.1', 'json', { objectWrap: 'collapse' })).toBeUndefined();
    expect(jsonLayoutOptions('3.10.1', 'json', { parser: 'json5' })).toBeUndefined();
    expect(jsonLayoutOptions('3.10.1', 'json', { printWidth: '80' })).toBeUndefined();
    expect(jsonLayoutOptions('3.10.1', 'json', { someNewOption: true })).toBeUndefined();
  });
});

describe('the formatter', () => {
  /** The bundled Prettier, counting the texts it really formats. */
  function countingPrettier(): PrettierApi & { calls: number } {
    const counter = {
      ...(bundledPrettier as unknown as PrettierApi),
      calls: 0,
      format(source: string, options: Record<string, unknown>) {
        counter.calls += 1;
        return bundledPrettier.format(source, options);
      },
    };
    return counter;
  }

  async function formatIn(config: string | undefined, file: string, content: string) {
    const project = await mkdtemp(join(tmpdir(), 'codegen-json-layout-'));
    try {
      if (config !== undefined) await writeFile(join(project, '.prettierrc'), config);
      const prettier = countingPrettier();
      const formatter = await createFormatter({ projectRoot: project, format: 'auto', fs: nodeFileSystem, prettier, useCache: false });
      const text = await formatter.format(file, addHeader(file, content, 'codegen.config.yaml'));
      const expected = await bundledPrettier.format(addHeader(file, content, 'codegen.config.yaml'), { ...(config ? JSON.parse(config) : {}), filepath: join(project, file) });
      return { text, expected, calls: prettier.calls, printedJson: formatter.printedJson };
    } finally {
      await rm(project, { recursive: true, force: true });
    }
  }

  const openapi = readFileSync('examples/bookstore/src/generated/openapi.json', 'utf8');

  it('prints an OpenAPI document without Prettier, as Prettier prints it, with the line ending asked for', async () => {
    const plain = await formatIn(undefined, 'src/generated/openapi.json', openapi);
    expect(plain).toMatchObject({ calls: 0, printedJson: 1 });
    expect(plain.text).toBe(plain.expected);
    const configured = await formatIn('{ "printWidth": 40, "useTabs": true, "endOfLine": "crlf" }', 'src/generated/openapi.json', openapi);
    expect(configured).toMatchObject({ calls: 0, printedJson: 1 });
    expect(configured.text).toBe(configured.expected);
    expect(configured.text).toContain('\r\n\t"x-codegen"');
  });

  it('leaves JSON to Prettier under options the proof does not cover', async () => {
    const collapsed = await formatIn('{ "objectWrap": "collapse" }', 'src/generated/openapi.json', openapi);
    expect(collapsed.printedJson).toBe(0);
    expect(collapsed.calls).toBeGreaterThan(0);
    expect(collapsed.text).toBe(collapsed.expected);
    // A width Prettier measures in columns (East Asian wide characters) inside an array that may stay flat.
    const wide = await formatIn(undefined, 'src/generated/wide.json', JSON.stringify({ tags: ['日本語', '中文'] }));
    expect(wide).toMatchObject({ printedJson: 0, calls: 1 });
    expect(wide.text).toBe(wide.expected);
  });
});
