/**
 * Formatting in pieces gives byte for byte what Prettier gives for the whole file: every output of
 * the bundled example (as rendered, before Prettier) under five Prettier configs, every expected
 * output of the fixtures under two, cut into small pieces (a few statements or members: thousands
 * of cuts in all; cutting at every safe place is as exact, only slower: one Prettier call each), and
 * a text of the cases that could go wrong (comments, blank lines, ASI hazards under `semi: false`)
 * cut at every safe place.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import * as prettier from 'prettier';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFormatter, nodeFileSystem } from '../../../src/emit/index.js';
import { planSplit } from '../../../src/emit/chunked-format.js';
import { run } from '../../../src/pipeline/run.js';
import { REPO_ROOT } from '../../helpers/paths.js';

/**
 * The configs, and whether the fixtures' outputs are formatted under them too (the example's always
 * are): the fixtures' outputs are already formatted with the defaults, so the two configs that
 * rewrite nearly every line of them test the most for the time the suite spends.
 */
const CONFIGS: Record<string, { config: Record<string, unknown>; fixtures: boolean }> = {
  defaults: { config: {}, fixtures: false },
  tabs: { config: { useTabs: true }, fixtures: true },
  'printWidth 40': { config: { printWidth: 40 }, fixtures: false },
  'semi false': { config: { semi: false, singleQuote: true }, fixtures: true },
  'endOfLine crlf': { config: { endOfLine: 'crlf', trailingComma: 'none' }, fixtures: false },
};

/** Statements and comments placed where a cut could change the output. */
const HAZARDS = `// header comment

/** JSDoc */
export const a = 1; // trailing comment of a
const b = [1, 2];
[3, 4].forEach((n) => n);
(function () {})();
\`template\`.length;
+b;
/x/.test('x');


// own-line comment after two blank lines

// another, then a blank line

export function f(x: number) {
return x
}
/* block */ const c = 2
  
const d = 3 /* after */
declare namespace N { const x: number }
export default class K { @dec() m() {} }
// prettier-ignore
const   ignored   =   [1,2,
  3]
type T = { a: string } // type
"not a directive"
enum E { A, B }
// comment at the end of the file
`;

let root: string;
const inputs: { path: string; text: string }[] = [];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'codegen-pieces-'));
  await writeFile(join(root, 'package.json'), '{ "name": "pieces", "private": true }\n');
  // The bundled example's outputs as rendered, before Prettier.
  const example = await run({ cwd: REPO_ROOT, mode: 'dry-run', format: false });
  for (const project of example.projects)
    for (const entry of project.plan.entries)
      if (entry.after !== undefined && /\.(ts|json)$/.test(entry.path)) inputs.push({ path: `example/${entry.path}`, text: entry.after });
  // Every expected output of the fixtures (each text once: many cases share the runtime files).
  const seen = new Set<string>();
  for (const file of (await filesUnder(join(REPO_ROOT, 'test', 'fixtures'))).sort()) {
    if (!/\/expected\/.*\.(ts|json)$/.test(file) || file.endsWith('.d.ts')) continue;
    const text = await readFile(file, 'utf8');
    if (!seen.has(text)) inputs.push({ path: relative(REPO_ROOT, file), text });
    seen.add(text);
  }
  inputs.push({ path: 'hazards.ts', text: HAZARDS });
}, 120_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

describe('formatting in pieces', () => {
  it('reads enough outputs to prove anything', () => {
    expect(inputs.filter((input) => input.path.startsWith('example/')).length).toBeGreaterThan(20);
    expect(inputs.filter((input) => input.path.endsWith('.json')).length).toBeGreaterThan(5);
  });

  for (const [name, { config, fixtures }] of Object.entries(CONFIGS)) {
    it(`gives Prettier's whole-file output, byte for byte (${name})`, async () => {
      await writeFile(join(root, '.prettierrc'), JSON.stringify(config));
      const formatter = await createFormatter({
        projectRoot: root,
        format: 'auto',
        fs: nodeFileSystem,
        useCache: false,
        workers: false,
        pieceSize: { min: 400, max: 4_000 },
      });
      const cutEverywhere = await createFormatter({ projectRoot: root, format: 'auto', fs: nodeFileSystem, useCache: false, workers: false, pieceSize: { min: 1, max: 1 } });
      const differing: string[] = [];
      let split = 0;
      const chosen = inputs.filter((input) => fixtures || !input.path.startsWith('test/'));
      for (const input of chosen) {
        const file = join(root, input.path);
        const used = input.path === 'hazards.ts' ? cutEverywhere : formatter;
        const before = used.pieces.formatted;
        const pieces = await used.format(file, input.text);
        if (used.pieces.formatted > before) split += 1;
        const whole = await prettier.format(input.text, { ...config, filepath: file });
        if (pieces !== whole) differing.push(input.path);
      }
      expect(differing).toEqual([]);
      // Most outputs were really cut (the rest are single statements, or not TypeScript or JSON).
      expect(split).toBeGreaterThan(chosen.length / 2);
    }, 300_000);
  }

  it('cuts the hazards text at statements, never before a string statement, and keeps what is not cut whole', async () => {
    const plan = await planSplit(HAZARDS, prettier.version, { parser: 'typescript' }, { min: 1, max: 1 });
    expect(plan?.jobs.some((job) => job.startsWith('[3, 4]'))).toBe(true);
    expect(plan?.jobs.some((job) => job.startsWith('"not a directive"'))).toBe(false);
    expect(plan?.jobs.some((job) => job.startsWith('// own-line comment after two blank lines'))).toBe(true);
    // openapi.json (JSON.stringify's layout) is cut into runs of members down to the schemas' properties.
    const openapi = inputs.find((input) => input.path === 'example/openapi.json')!;
    const jsonPlan = await planSplit(openapi.text, prettier.version, { parser: 'json' }, { min: 1, max: 1 });
    expect(jsonPlan!.jobs.length).toBeGreaterThan(100);
    // JSON Prettier would print differently in pieces (blank lines kept between members, `objectWrap: collapse`): whole.
    expect(await planSplit(openapi.text.replace('\n', '\n\n'), prettier.version, { parser: 'json' }, { min: 1, max: 1 })).toBeUndefined();
    expect(await planSplit(openapi.text, prettier.version, { parser: 'json', objectWrap: 'collapse' }, { min: 1, max: 1 })).toBeUndefined();
    // Empty statements, plugins, another parser, Prettier 2: formatted whole.
    expect(await planSplit('const a = 1;;\nconst b = 2;\n', prettier.version, { parser: 'typescript' }, { min: 1, max: 1 })).toBeUndefined();
    expect(await planSplit(HAZARDS, prettier.version, { parser: 'typescript', plugins: ['x'] }, { min: 1, max: 1 })).toBeUndefined();
    expect(await planSplit(HAZARDS, prettier.version, { parser: 'babel' }, { min: 1, max: 1 })).toBeUndefined();
    expect(await planSplit(HAZARDS, '2.8.8', { parser: 'typescript' }, { min: 1, max: 1 })).toBeUndefined();
  });

  it('re-formats only the pieces an edit touched, and joins a cached output from its pieces', async () => {
    await writeFile(join(root, '.prettierrc'), '{}');
    const cacheDir = join(root, 'cache');
    const formatterWithCache = () =>
      createFormatter({ projectRoot: root, format: 'auto', fs: nodeFileSystem, cacheDir, workers: false, pieceSize: { min: 1, max: 1 } });
    const text = Array.from({ length: 20 }, (_, index) => `export const value${index} = {a:${index}};\n`).join('\n');
    const first = await formatterWithCache();
    const formatted = await first.format('out.ts', text);
    expect(first.pieces).toEqual({ formatted: 20, cached: 0 });
    await first.saveCache();

    const second = await formatterWithCache();
    expect(await second.format('out.ts', text)).toBe(formatted);
    expect(second.stats.cached).toBe(1);
    const edited = text.replace('{a:7}', '{a:7, b:8}');
    expect(await second.format('out.ts', edited)).toBe(await prettier.format(edited, { filepath: join(root, 'out.ts') }));
    expect(second.pieces).toEqual({ formatted: 1, cached: 19 });
  });
});
