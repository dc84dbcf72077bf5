/**
 * The JSON header spliced into a text the caller knows JSON.stringify wrote (header.ts,
 * kit/stringified-json-data.ts): the same bytes as parsing the text and writing it again with the
 * header first, on random objects; any other text, or an object the splice cannot order as
 * JavaScript does, is parsed as before. The openapi generator's claim is checked too: the JSON
 * document it marks is JSON.stringify's text of its document.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addHeader } from '../../../src/emit/header.js';
import { isStringifiedJson } from '../../../src/emit/stringified-json.js';
import { stringifiedJsonOf } from '../../../src/generators/kit/stringified-json-data.js';
import { openapiGenerator } from '../../../src/generators/openapi/index.js';
import { CONTEXT, fixtureModel } from '../openapi/helpers.js';

const SEED = Number(process.env['PROPERTY_SEED'] ?? 12);

/** Keys that order differently (array indexes), escape, or are the header's own. */
const key = fc.oneof(
  { weight: 6, arbitrary: fc.string({ maxLength: 8 }) },
  { weight: 1, arbitrary: fc.constantFrom('0', '7', '4294967294', '4294967295', '01', 'x-codegen', 'a"b', 'back\\slash', '__proto__') },
);
const value = fc.jsonValue({ maxDepth: 3 });
const object = fc.dictionary(key, value, { maxKeys: 6 });

describe('the JSON header spliced into JSON.stringify text', () => {
  it('writes what parsing and writing the text again writes, with the line breaks a template adds after it', () => {
    fc.assert(
      fc.property(object, fc.nat(2), fc.constantFrom('codegen.config.yaml', 'a "quoted"\\name.yaml'), (content, breaks, source) => {
        const stringified = `${JSON.stringify(content, null, 2)}\n`;
        const rendered = stringified + '\n'.repeat(breaks);
        const spliced = addHeader('openapi.json', rendered, source, stringified);
        expect(spliced).toBe(addHeader('openapi.json', rendered, source));
        expect(isStringifiedJson(spliced)).toBe(true);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('parses a rendered text that is not the one it was told of', () => {
    const stringified = `${JSON.stringify({ b: 1, a: [1, 2] }, null, 2)}\n`;
    for (const rendered of [`// note\n${stringified}`, `${stringified}x`, `${stringified} \n`, stringified.replace('"b"', '"c"')]) {
      expect(addHeader('openapi.json', rendered, 'codegen.config.yaml', stringified), rendered).toBe(addHeader('openapi.json', rendered, 'codegen.config.yaml'));
    }
  });

  it('is told of the openapi document exactly as JSON.stringify writes it, and of no YAML', () => {
    const files = openapiGenerator.plan(fixtureModel('types'), { split: 'file', formats: ['json', 'yaml'] }, CONTEXT);
    const json = files.find((file) => file.path === 'openapi.json')!;
    const { document } = json.data as { document: unknown };
    expect(stringifiedJsonOf(json.data)).toBe(`${JSON.stringify(document, null, 2)}\n`);
    expect(stringifiedJsonOf(files.find((file) => file.path === 'openapi.yaml')!.data)).toBeUndefined();
  });
});
