/**
 * The `format-pattern` fixture end to end: its validators and mocks compile under `tsc --strict`,
 * `check` reports nothing (no false CG2011), and 200 seeded mocks of each type pass `isT`. The
 * proven contradictions beside it live in the `unsatisfiable` fixture (`input/formats.ts`).
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { mockGenerator } from '../../../src/generators/mock/index.js';
import { typecheck } from '../../helpers/typecheck.js';
import { CONTEXT, FIXTURES_DIR, loadExports, materialize, mocksFailingIsT, readJson } from './helpers.js';
import type { Model } from '../../../src/model/types.js';

const ROOT = join(process.cwd(), 'test/.tmp/mock-format-pattern');
const model = readJson<Model>(join(FIXTURES_DIR, 'format-pattern', 'model.json'), undefined as never);
const TYPES = ['FormatAndPattern', 'FormatAndLength'];
let folder: string;

describe('format with pattern or length: mocks the validator accepts', () => {
  beforeAll(async () => {
    // Unformatted (compiled and run only): the generation the property and typecheck tests
    // materialize in this process, made once (the string search of these mocks is seconds).
    folder = await materialize({ name: 'format-pattern', model, copy: ['input'], root: join(FIXTURES_DIR, 'format-pattern'), context: CONTEXT }, ROOT, undefined, false);
  }, 120_000);

  it('reports no diagnostic', () => {
    expect(mockGenerator.check!(model, { split: 'file', seed: 42, maxDepth: 3 }, CONTEXT)).toEqual([]);
  });

  it('compiles under tsc --strict', async () => {
    expect(await typecheck(folder)).toBe('');
  }, 120_000);

  it.each(TYPES)('%s: 200 seeded mocks pass isT', async (name) => {
    expect(mocksFailingIsT(await loadExports(folder, 1), name, 200)).toBe('');
  });

  it.each(TYPES)('%s: values differ across seeds', async (name) => {
    const exports = await loadExports(folder, 1);
    const values = Array.from({ length: 50 }, (_, seed) => exports[`mock${name}`]!({}, { seed }) as Record<string, string>);
    for (const key of Object.keys(values[0]!)) expect(new Set(values.map((value) => value[key])).size, key).toBeGreaterThan(1);
  });
});
