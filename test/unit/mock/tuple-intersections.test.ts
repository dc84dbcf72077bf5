/**
 * Intersections of tuples with rest elements (property finding F148): `Box<[Slug, ...Min3[]] &
 * [string, ...string[]]>` and the like were refused (CG5001 'the mock builds no value'), though
 * TypeScript reads each such intersection as one tuple: the longer lead (or trail) of elements,
 * each meeting its partner or the other tuple's rest, then the rests met (type-meets.ts). The mock
 * builds that tuple, so it passes both members' checks (`Slug`'s pattern, `Min3`'s length); a
 * tuple with a rest met with an array is the tuple, each element and the rest meeting the items.
 * Where no element meets its partner (`string & number`) a located CG5001 says which.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyzer/index.js';
import { mockGenerator } from '../../../src/generators/mock/index.js';
import type { Model } from '../../../src/model/types.js';
import { typecheck } from '../../helpers/typecheck.js';
import { makeProject, removeProject } from '../../helpers/workspace.js';
import { CONTEXT, materialize, type GeneratedFunction } from './helpers.js';

const SOURCE = `/** @pattern ^[a-z]+$ */
export type Slug = string;
/** @minLength 3 */
export type Min3 = string;
export interface Box<T> {
  value: T;
}

export interface Holder {
  box: Box<[Slug, ...Min3[]] & [string, ...string[]]>;
  plain: [Slug, ...Min3[]] & [string, ...string[]];
  mixed: [Slug, ...Min3[]] & [string, string, ...string[]];
  longer: [Slug, ...Min3[]] & [string, 'abc' | 'xy', Slug, ...string[]];
  lead: [...Min3[], Slug] & [...string[], string];
  leadLonger: [...Min3[], Slug] & [...string[], 'abcd', string];
  array: [Slug, ...Min3[]] & string[];
  arrayItems: [Slug, ...string[]] & Min3[];
  trailArray: [...Min3[], Slug] & Min3[];
  emptyRest: [Slug, ...number[]] & string[];
  three: [Slug, ...string[]] & [string, Min3, ...string[]] & [string, string, 'abc', ...string[]];
  list: Array<[Slug, ...Min3[]] & [string, string, ...string[]]>;
}

export interface Never {
  none: [Slug, ...Min3[]] & [number, ...string[]];
}
`;

const lineOf = (text: string): number => SOURCE.split('\n').findIndex((line) => line.startsWith(text)) + 1;

let root: string;
let model: Model;
let folder: string;
let exports: Record<string, GeneratedFunction>;

describe('mocks of intersections of tuples with rests', () => {
  beforeAll(async () => {
    root = makeProject('mock-tuple-intersections', { 'input/types.ts': SOURCE });
    model = analyze({ rootDir: root, files: [join(root, 'input/types.ts')], defaultGenerators: ['mock', 'validate'], knownGenerators: ['mock', 'validate'], displayRoot: root }).model;
    folder = await materialize({ name: 'tuple-intersections', model, copy: ['input'], root, context: CONTEXT }, join(root, 'out'), undefined, false);
    const generated = (file: string) => pathToFileURL(join(folder, 'generated', file)).href;
    exports = { ...(await import(generated('types.mock.ts'))), ...(await import(generated('types.validate.ts'))) } as Record<string, GeneratedFunction>;
  }, 120_000);
  afterAll(() => removeProject(root));

  it('warns only where two elements have no value in common, saying which', () => {
    const diagnostics = mockGenerator.check!(model, { split: 'file', seed: 42, maxDepth: 3 }, CONTEXT);
    expect(diagnostics.map(({ code, severity, line, message }) => ({ code, severity, line, message }))).toEqual([
      {
        code: 'CG5001',
        severity: 'warning',
        line: lineOf('  none:'),
        message:
          'mock cannot build Never.none: no value of [string, ...string[]] & [number, ...string[]] can be built: element 0: no value is both string and number; the mocks that hold it throw when called.',
      },
    ]);
  });

  it('compiles under tsc --strict', async () => {
    expect(await typecheck(folder)).toBe('');
  }, 120_000);

  it('gives tuples of both members that pass the validators, on 100 seeds', () => {
    for (let seed = 0; seed < 100; seed++) {
      const value = exports['mockHolder']!({}, { seed }) as Record<'mixed' | 'longer' | 'leadLonger' | 'arrayItems' | 'trailArray' | 'emptyRest' | 'three', string[]>;
      expect(exports['validateHolder']!(value), `seed ${seed}`).toMatchObject({ success: true });
      expect(value.mixed.length).toBeGreaterThanOrEqual(2);
      expect(value.longer.slice(0, 3)).toEqual([expect.stringMatching(/^[a-z]+$/), 'abc', expect.stringMatching(/^[a-z]{3,}$/)]);
      expect(value.leadLonger.at(-2)).toBe('abcd');
      expect(value.arrayItems[0]).toMatch(/^[a-z]{3,}$/);
      expect(value.trailArray.at(-1)).toMatch(/^[a-z]{3,}$/);
      expect(value.emptyRest).toHaveLength(1);
      expect(value.three[2]).toBe('abc');
    }
  });

  it('is checked by the validators: an item breaking either member is rejected', () => {
    const value = exports['mockHolder']!({}, { seed: 3 }) as Record<string, unknown>;
    expect(exports['isHolder']!({ ...value, plain: ['Ab'] })).toBe(false);
    expect(exports['isHolder']!({ ...value, plain: ['ab', 'xy'] })).toBe(false);
    expect(exports['isHolder']!({ ...value, mixed: ['ab'] })).toBe(false);
    expect(exports['isHolder']!({ ...value, array: ['ab', 'x'] })).toBe(false);
    expect(exports['isHolder']!({ ...value, emptyRest: ['ab', 'cd'] })).toBe(false);
    expect(exports['isHolder']!({ ...value, plain: ['ab', 'xyz'], mixed: ['ab', 'xyz'] })).toBe(true);
  });

  it('throws for Never, naming the member', () => {
    expect(() => exports['mockNever']!()).toThrow(/No mock can be built for Never\.none/);
  });
});
