/**
 * A JSON output given in pieces (the openapi generator's document: serialise.ts gives one piece
 * per component schema) is headed and laid out piece by piece, each piece's layout remembered
 * between builds (header.ts `addJsonHeaderToPieces`, json-layout.ts `printJsonPieces`), so a
 * watch build does not copy and search its 2 MB join again and again. The bytes must be those of
 * the whole text headed and laid out: checked on random documents cut at random places, and on
 * every OpenAPI document the fixtures and the example expect. Where a cut runs through what one
 * piece cannot lay out alone (an array, a number's exponent), the whole text is laid out instead.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import * as bundledPrettier from 'prettier';
import { globSync } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import type { OpenAPIObject } from 'openapi3-ts/oas31';
import { createFormatter, nodeFileSystem, type PrettierApi } from '../../../src/emit/index.js';
import { addHeader, addJsonHeaderToPieces } from '../../../src/emit/header.js';
import { printJsonLayout, printJsonPieces } from '../../../src/emit/json-layout.js';
import { serialiseJson } from '../../../src/generators/openapi/serialise.js';

const SEED = Number(process.env['PROPERTY_SEED'] ?? 12);
const RUNS = Number(process.env['PROPERTY_RUNS'] ?? 300);
const SOURCE = 'codegen.config.yaml';

const text = fc.oneof({ weight: 8, arbitrary: fc.string({ maxLength: 12 }) }, { weight: 1, arbitrary: fc.constantFrom('e+', '[', '  "', 'x-codegen', '日本語') });
const number = fc.oneof(fc.integer({ min: -1000, max: 100_000 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(1e21, -1.5e21, 5e-7));
const scalar = fc.oneof(fc.constant(null), fc.boolean(), number, text);
const { object } = fc.letrec<{ value: unknown; array: unknown; object: unknown }>((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('array'), tie('object')),
  array: fc.oneof(fc.array(tie('value'), { maxLength: 5 }), fc.array(number, { maxLength: 30 }), fc.array(text, { maxLength: 8 })),
  object: fc.dictionary(fc.oneof({ weight: 6, arbitrary: text }, { weight: 1, arbitrary: fc.constantFrom('0', '12', 'x-codegen') }), tie('value'), { maxKeys: 6 }),
}));
/** Where to cut a text, as fractions of its length. */
const cuts = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 8 });

/** `text` cut at `fractions` of its length (each piece non-empty). */
function cut(whole: string, fractions: readonly number[]): string[] {
  const at = [...new Set(fractions.map((fraction) => Math.floor(fraction * whole.length)))].filter((index) => index > 0 && index < whole.length).sort((a, b) => a - b);
  return [0, ...at].map((start, index) => whole.slice(start, at[index] ?? whole.length));
}

const LAYOUT = { printWidth: 80, tabWidth: 2, useTabs: false };

describe('printJsonPieces', () => {
  it('lays random documents cut anywhere out as their whole text, or leaves them to it', () => {
    let printed = 0;
    fc.assert(
      fc.property(object, cuts, fc.integer({ min: 20, max: 100 }), (value, fractions, printWidth) => {
        const whole = `${JSON.stringify(value, null, 2)}\n`;
        const layout = { ...LAYOUT, printWidth };
        const expected = printJsonLayout(whole, layout, true);
        const pieces = cut(whole, fractions);
        // Twice: the second time every piece's layout is the one remembered.
        for (const round of [1, 2]) {
          const ours = printJsonPieces(pieces, layout);
          if (ours === undefined) continue;
          if (round === 1) printed += 1;
          expect(ours).toBe(expected);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
    expect(printed).toBeGreaterThan(RUNS / 4);
  });

  it('leaves pieces to the whole text where a cut runs through an array or an exponent, or under other indentation', () => {
    const arrays = `${JSON.stringify({ a: [1, 2], b: 'x' }, null, 2)}\n`;
    const inArray = arrays.indexOf('1,');
    expect(printJsonPieces([arrays.slice(0, inArray), arrays.slice(inArray)], LAYOUT)).toBeUndefined();
    expect(printJsonLayout(arrays, LAYOUT, true)).toBe('{\n  "a": [1, 2],\n  "b": "x"\n}\n');
    const exponent = `${JSON.stringify({ n: 1e21 }, null, 2)}\n`;
    for (const at of [exponent.indexOf('e+'), exponent.indexOf('+'), exponent.indexOf('21')]) {
      expect(printJsonPieces([exponent.slice(0, at), exponent.slice(at)], LAYOUT), `cut at ${at}`).toBeUndefined();
    }
    expect(printJsonPieces([exponent], LAYOUT)).toBe('{\n  "n": 1e21\n}\n');
    expect(printJsonPieces([exponent], { ...LAYOUT, tabWidth: 4 })).toBeUndefined();
  });

  it("lays out every OpenAPI document the fixtures and the example expect from serialiseJson's pieces, as the whole text", () => {
    const files = globSync(['test/fixtures/**/expected/**/openapi.json', 'examples/bookstore/src/generated/openapi.json']).sort();
    let inPieces = 0;
    for (const file of files) {
      const document = JSON.parse(readFileSync(file, 'utf8')) as OpenAPIObject;
      const { text: whole, pieces } = serialiseJson(document);
      expect(whole).toBe(`${JSON.stringify(document, null, 2)}\n`);
      if (!pieces) continue;
      inPieces += 1;
      expect(pieces.join('')).toBe(whole);
      for (const printWidth of [40, 80, 120]) {
        const layout = { ...LAYOUT, printWidth };
        expect(printJsonPieces(pieces, layout), `${file} at ${printWidth}`).toBe(printJsonLayout(whole, layout, true));
      }
    }
    expect(inPieces).toBeGreaterThanOrEqual(4);
  });
});

describe('addJsonHeaderToPieces', () => {
  it('writes the text addHeader writes, and pieces joining to it, on random documents cut anywhere', () => {
    let headed = 0;
    fc.assert(
      fc.property(object, cuts, fc.nat(2), (value, fractions, breaks) => {
        const stringified = `${JSON.stringify(value, null, 2)}\n`;
        const rendered = stringified + '\n'.repeat(breaks);
        const result = addJsonHeaderToPieces('openapi.json', rendered, SOURCE, stringified, cut(stringified, fractions));
        if (result === undefined) return;
        headed += 1;
        expect(result.text).toBe(addHeader('openapi.json', rendered, SOURCE));
        expect(result.pieces.join('')).toBe(result.text);
      }),
      { seed: SEED + 1, numRuns: RUNS },
    );
    expect(headed).toBeGreaterThan(RUNS / 4);
  });

  it('leaves to addHeader a header already there, an array index key, a member cut between two pieces, other content or a path that is no JSON', () => {
    const check = (value: object, pieces?: (text: string) => string[], path = 'openapi.json', render = (text: string) => text) => {
      const stringified = `${JSON.stringify(value, null, 2)}\n`;
      return addJsonHeaderToPieces(path, render(stringified), SOURCE, stringified, pieces ? pieces(stringified) : [stringified]);
    };
    expect(check({ a: 1, b: { c: 2 } })?.text).toBe(addHeader('openapi.json', `${JSON.stringify({ a: 1, b: { c: 2 } }, null, 2)}\n`, SOURCE));
    expect(check({ a: 1, 'x-codegen': 'old' })).toBeUndefined();
    expect(check({ a: 1, 7: 'index' })).toBeUndefined();
    expect(check({ a: 1, b: 2 }, (text) => [text.slice(0, text.indexOf('\n  "b"') + 2), text.slice(text.indexOf('\n  "b"') + 2)])).toBeUndefined();
    expect(check({ a: 1 }, undefined, 'openapi.yaml')).toBeUndefined();
    expect(check({ a: 1 }, undefined, 'openapi.json', (text) => `// note\n${text}`)).toBeUndefined();
    expect(check({})).toBeUndefined();
  });
});

describe('the formatter, given pieces', () => {
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

  it('writes the bytes it writes for the whole text, under the options the layout covers and others', async () => {
    const document = JSON.parse(readFileSync('examples/bookstore/src/generated/openapi.json', 'utf8')) as OpenAPIObject;
    delete document['x-codegen' as keyof OpenAPIObject];
    const { text: stringified, pieces } = serialiseJson(document);
    const headed = addJsonHeaderToPieces('openapi.json', `${stringified}\n`, SOURCE, stringified, pieces!)!;
    expect(headed.text).toBe(addHeader('openapi.json', `${stringified}\n`, SOURCE, stringified));
    for (const config of [undefined, '{ "printWidth": 40, "endOfLine": "crlf" }', '{ "useTabs": true }', '{ "objectWrap": "collapse" }']) {
      const project = await mkdtemp(join(tmpdir(), 'codegen-json-pieces-'));
      try {
        if (config !== undefined) await writeFile(join(project, '.prettierrc'), config);
        const file = join(project, 'src/generated/openapi.json');
        const whole = await createFormatter({ projectRoot: project, format: 'auto', fs: nodeFileSystem, prettier: countingPrettier(), useCache: false });
        const prettier = countingPrettier();
        const inPieces = await createFormatter({ projectRoot: project, format: 'auto', fs: nodeFileSystem, prettier, useCache: false });
        const expected = await whole.format(file, headed.text);
        expect(await inPieces.format(file, headed.text, { jsonPieces: headed.pieces }), config).toBe(expected);
        // Under the options the layout covers, Prettier is not called.
        if (config === undefined || !config.includes('collapse')) expect(prettier.calls, config).toBe(0);
      } finally {
        await rm(project, { recursive: true, force: true });
      }
    }
  });
});
