/**
 * Extreme but legal types: a 200-level nested inline object, 200 levels of nested arrays, a
 * 200-level chain of nullable one-element tuples, and unions of 5,000 string literals and 2,000
 * number literals. Their validators, mocks and OpenAPI document go through Prettier (which used
 * to overflow its stack on them), type-check under the strictest settings (tsc used to overflow
 * on the `||` chain and on the 200-level mock literal), and the validators accept valid values
 * and reject invalid ones at depth 200 and outside the union. The sources are written by the
 * test: 200-level types are clearer as the loop that builds them than as a committed file.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { format, version as prettierVersion } from 'prettier';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkProject } from '../../helpers/tsc.js';
import { analyze } from '../../../src/analyzer/index.js';
import type { GeneratorDefinition } from '../../../src/generators/kit/contract.js';
import { mockGenerator } from '../../../src/generators/mock/index.js';
import { openapiGenerator } from '../../../src/generators/openapi/index.js';
import { validateGenerator } from '../../../src/generators/validate/index.js';
import { STRICTEST_COMPILER_OPTIONS } from '../../helpers/strict-compile.js';
import { createRenderer } from '../../../src/render/index.js';
import { withFastParser } from '../../../src/emit/fast-parser.js';
import { loadExports, type GeneratedFile } from '../mock/helpers.js';
import { CONTEXT, validatorsOf } from './helpers.js';

const ROOT = resolve('test/.tmp/extreme-types');
const DEPTH = 200;
const GENERATORS = [validateGenerator, mockGenerator, openapiGenerator] as GeneratorDefinition<any>[];

/** `{ a: { a: … string … } }`, `DEPTH` levels. */
const deepObject = (): string => Array.from({ length: DEPTH }).reduce<string>((inner) => `{ a: ${inner} }`, 'string');
/** `[[…string…] | null] | null`, `DEPTH` levels. */
const deepTuple = (): string => Array.from({ length: DEPTH }).reduce<string>((inner) => `[${inner}] | null`, 'string');
const words = (count: number): string[] => Array.from({ length: count }, (_, i) => `w${i}`);

const SOURCES: Record<string, string> = {
  'deep.ts': [
    `export interface DeepObject { root: ${deepObject()} }`,
    `export interface DeepArrays { root: string${'[]'.repeat(DEPTH)} }`,
    `export interface DeepTuples { root: ${deepTuple()} }`,
  ].join('\n'),
  'literals.ts': [
    `export type Word = ${words(5000).map((word) => JSON.stringify(word)).join(' | ')};`,
    `export type Code = ${Array.from({ length: 2000 }, (_, i) => i * 3).join(' | ')};`,
    `export interface Tagged { word: Word; codeOrText: Code | string[] }`,
  ].join('\n'),
};

/** The value at the bottom of `DEPTH` levels built by `wrap`. */
const nest = (leaf: unknown, wrap: (inner: unknown) => unknown): unknown => Array.from({ length: DEPTH }).reduce<unknown>(wrap, leaf);

describe('extreme but legal types', () => {
  let files: GeneratedFile[];
  let exports: Record<string, (...args: unknown[]) => unknown>;

  beforeAll(async () => {
    rmSync(ROOT, { recursive: true, force: true });
    mkdirSync(join(ROOT, 'input'), { recursive: true });
    for (const [name, text] of Object.entries(SOURCES)) writeFileSync(join(ROOT, 'input', name), `${text}\n`);
    const { model, diagnostics } = analyze({
      rootDir: ROOT,
      files: Object.keys(SOURCES).map((name) => join(ROOT, 'input', name)),
      defaultGenerators: ['validate', 'mock', 'openapi'],
      knownGenerators: ['validate', 'mock', 'openapi'],
      displayRoot: ROOT,
    });
    expect(diagnostics).toEqual([]);
    expect(mockGenerator.check!(model, { split: 'file', seed: 42, maxDepth: 3 }, CONTEXT)).toEqual([]);
    // Every file is formatted with Prettier, with the parser `codegen generate` gives it: `babel-ts`
    // for TypeScript of codegen's own layout (src/emit/fast-parser.ts; a third less work than
    // `typescript`, same text), the inferred one (json) for the OpenAPI document.
    const renderer = createRenderer({ generators: GENERATORS, displayRoot: ROOT });
    files = [];
    for (const generator of GENERATORS) {
      for (const planned of generator.plan(model, { split: 'file' }, CONTEXT)) {
        const rendered = renderer.render(generator.name, planned);
        const options = withFastParser(prettierVersion, planned.path.endsWith('.ts') ? 'typescript' : null, {}, { filepath: planned.path }, true);
        files.push({ path: planned.path, content: await format(rendered, options) });
      }
    }
    for (const file of files) {
      mkdirSync(join(ROOT, 'generated'), { recursive: true });
      writeFileSync(join(ROOT, 'generated', file.path), file.content);
    }
    exports = await loadExports(ROOT, 1);
  }, 240_000);

  it('format with Prettier and type-check under the strictest settings', async () => {
    expect(files.map((file) => file.path).sort()).toEqual(
      ['deep.mock.ts', 'deep.validate.ts', 'literals.mock.ts', 'literals.validate.ts', 'mocking.ts', 'openapi.json', 'validation.ts'],
    );
    writeFileSync(join(ROOT, 'package.json'), JSON.stringify({ type: 'module' }));
    // The strictest settings but two that generated validators and mocks never claimed (they read
    // checked objects' properties with dots, and `randomT` keeps its `depth` parameter).
    const compilerOptions = { ...STRICTEST_COMPILER_OPTIONS, noPropertyAccessFromIndexSignature: false, noUnusedParameters: false };
    writeFileSync(join(ROOT, 'tsconfig.json'), JSON.stringify({ compilerOptions, include: ['input/*.ts', 'generated/*.ts'] }));
    expect(await checkProject(join(ROOT, 'tsconfig.json'))).toBe('');
  }, 240_000);

  it('stay small: a large literal union is one Set, deep parts are named functions', () => {
    const validators = files.find((file) => file.path === 'literals.validate.ts')!.content;
    expect(validators).toMatch(/new Set<unknown>\(\[/);
    expect(validators).not.toMatch(/=== "w4999"/);
    const deep = files.find((file) => file.path === 'deep.mock.ts')!.content;
    expect(deep).toMatch(/^type _\w+ =/m);
    // Linear in the depth: the 200-level tuple chain alone made 1.7 MB of validators when every
    // level printed the whole type below it.
    for (const file of files) expect(file.content.length, file.path).toBeLessThan(800_000);
  });

  it('validate 200 levels deep: valid values pass, a wrong leaf is reported at its path', () => {
    const object = validatorsOf(exports, 'DeepObject');
    expect(object.accepts({ root: nest('leaf', (inner) => ({ a: inner })) })).toBe(true);
    expect(object.issues({ root: nest(7, (inner) => ({ a: inner })) })).toEqual([`/root${'/a'.repeat(DEPTH)} type`]);
    expect(object.issues({ root: nest({}, (inner) => ({ a: inner })) })).toEqual([`/root${'/a'.repeat(DEPTH)} type`]);

    const arrays = validatorsOf(exports, 'DeepArrays');
    expect(arrays.accepts({ root: nest('leaf', (inner) => [inner]) })).toBe(true);
    expect(arrays.accepts({ root: nest([], (inner) => [inner]) })).toBe(false);
    expect(arrays.issues({ root: nest(1, (inner) => [inner]) })).toEqual([`/root${'/0'.repeat(DEPTH)} type`]);

    const tuples = validatorsOf(exports, 'DeepTuples');
    expect(tuples.accepts({ root: nest('leaf', (inner) => [inner]) })).toBe(true);
    expect(tuples.accepts({ root: [[[null]]] })).toBe(true);
    expect(tuples.accepts({ root: nest(false, (inner) => [inner]) })).toBe(false);
  });

  it('validate a union of 5,000 literals: members pass, other values fail', () => {
    const word = validatorsOf(exports, 'Word');
    for (const value of ['w0', 'w2500', 'w4999']) expect(word.accepts(value), value).toBe(true);
    for (const value of ['w5000', 'W0', '', 0, null, undefined]) expect(word.accepts(value), String(value)).toBe(false);
    expect(word.issues('nope')).toEqual([' union']);

    const tagged = validatorsOf(exports, 'Tagged');
    expect(tagged.accepts({ word: 'w7', codeOrText: 5997 })).toBe(true);
    expect(tagged.accepts({ word: 'w7', codeOrText: ['x'] })).toBe(true);
    expect(tagged.issues({ word: 'w7', codeOrText: 5998 })).toEqual(['/codeOrText union']);
  });

  it('mock them: every mock passes its validator', () => {
    for (const type of ['DeepObject', 'DeepArrays', 'DeepTuples', 'Word', 'Code', 'Tagged']) {
      const validators = validatorsOf(exports, type);
      for (let seed = 0; seed < 20; seed++) expect(validators.issues(exports[`mock${type}`]!({}, { seed })), `${type} seed ${seed}`).toEqual([]);
    }
  });

  it('describe them in an OpenAPI document whose nesting is bounded', () => {
    const document = JSON.parse(files.find((file) => file.path === 'openapi.json')!.content) as { components: { schemas: Record<string, unknown> } };
    const names = Object.keys(document.components.schemas);
    expect(names).toContain('DeepObject.Nested1');
    expect(names).toContain('DeepTuples.Nested1');
    const depth = (value: unknown): number =>
      value !== null && typeof value === 'object' ? 1 + Math.max(0, ...Object.values(value).map(depth)) : 0;
    for (const name of names) expect(depth(document.components.schemas[name]), name).toBeLessThanOrEqual(50);
    // Prettier's json parser formatted this document in beforeAll; it is not formatted a second time.
  });
});
