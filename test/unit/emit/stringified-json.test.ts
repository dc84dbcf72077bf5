/**
 * A JSON output the header went into is JSON.stringify's text, which the formatter's JSON split
 * takes without parsing it again: formatted in pieces it is still Prettier's whole-file output,
 * byte for byte, and the split cuts it as it cuts an equal text it has to check.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as prettier from 'prettier';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeFileSystem } from '../../../src/emit/file-system.js';
import { createFormatter } from '../../../src/emit/formatter.js';
import { addHeader } from '../../../src/emit/header.js';
import { splitJson } from '../../../src/emit/split-json.js';
import { isStringifiedJson } from '../../../src/emit/stringified-json.js';

/** A document shaped like openapi.json: a large `components.schemas`, keys and strings that need escaping, arrays, nesting. */
function document(): Record<string, unknown> {
  const schemas: Record<string, unknown> = {};
  for (let index = 0; index < 120; index += 1) {
    schemas[`Schema${index}`] = {
      type: 'object',
      description: `Line one of ${index}\nline "two" with \\ and \u2028 and { braces } [brackets]`,
      properties: { id: { type: 'string', format: 'uuid' }, 'odd "key" {': { type: 'array', items: { type: 'integer', minimum: -index, maximum: 1e21 } }, nested: { a: { b: { c: [1, [2, [3, {}]]] } } } },
      required: ['id'],
    };
  }
  return { openapi: '3.1.0', info: { title: 'T', version: '1' }, paths: {}, components: { schemas } };
}

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'codegen-stringified-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('a JSON output with its header', () => {
  it('is known to be JSON.stringify text, and is cut as the same text checked afresh', () => {
    const text = addHeader('openapi.json', `${JSON.stringify(document(), null, 2)}\n`, 'src/models');
    expect(isStringifiedJson(text)).toBe(true);
    // The same document with a space before the last line break is not known: it is parsed and checked.
    const spaced = `${text.slice(0, -1)} \n`;
    expect(isStringifiedJson(spaced)).toBe(false);
    const known = splitJson(text, { parser: 'json' }, 500, 4_000)!;
    const afresh = splitJson(spaced, { parser: 'json' }, 500, 4_000)!;
    expect(known.jobs.length).toBeGreaterThan(10);
    expect(known.jobs).toEqual(afresh.jobs);
  });

  it('formats in pieces to what Prettier gives for the whole file', async () => {
    const text = addHeader('openapi.json', `${JSON.stringify(document(), null, 2)}\n`, 'src/models');
    // Through Prettier in pieces (json-layout.ts would print this text without Prettier).
    const formatter = await createFormatter({ projectRoot: root, format: 'auto', fs: nodeFileSystem, useCache: false, workers: false, pieceSize: { min: 500, max: 4_000 }, jsonLayout: false });
    const whole = await prettier.format(text, { parser: 'json', endOfLine: 'lf' });
    expect(await formatter.format(join(root, 'openapi.json'), text)).toBe(whole);
  });
});
