/**
 * Formatting in pieces gives byte for byte what Prettier gives for the whole file: every output of
 * the bundled example (as rendered, before Prettier) and every expected output of the fixtures,
 * under several Prettier configs, cut at every safe place (pieces of one statement or member), and
 * a text of the cases that could go wrong (comments, blank lines, ASI hazards under `semi: false`).
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

const CONFIGS: Record<string, Record<string, unknown>> = {
  defaults: {},
  tabs: { useTabs: true },
  'printWidth 40': { printWidth: 40 },
  'semi false': { semi: false, singleQuote: true },
  'endOfLine crlf': { endOfLine: 'crlf', trailingComma: 'none' },
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

  for (const [name, config] of Object.entries(CONFIGS)) {
    it(`gives Prettier's whole-file output, byte for byte (${name})`, async () => {
      await writeFile(join(root, '.prettierrc'), JSON.stringify(config));
      const formatter = await createFormatter({
        projectRoot: root,
        format: 'auto',
        fs: nodeFileSystem,
        useCache: false,
        workers: false,
        pieceSize: { min: 1, max: 1 },
      });
      const differing: string[] = [];
      let split = 0;
      for (const input of inputs) {
        const file = join(root, input.path);
        const before = formatter.pieces.formatted;
        const pieces = await formatter.format(file, input.text);
        if (formatter.pieces.formatted > before) split += 1;
        const whole = await prettier.format(input.text, { ...config, filepath: file });
        if (pieces !== whole) differing.push(input.path);
      }
      expect(differing).toEqual([]);
      // Most outputs were really cut (the rest are single statements, or not TypeScript or JSON).
      expect(split).toBeGreaterThan(inputs.length / 2);
    }, 300_000);
  }

  it('cuts the hazards text at statements, never before a string statement, and keeps what is not cut whole', async () => {
    const plan = await planSplit(HAZARDS, prettier.version, { parser: 'typescript' }, { min: 1, max: 1 });
    expect(plan?.jobs.some((job) => job.startsWith('[3, 4]'))).toBe(true);
    expect(plan?.jobs.some((job) => job.startsWith('"not a directive"'))).toBe(false);
    expect(plan?.jobs.some((job) => job.startsWith('// own-line comment after two blank lines'))).toBe(true);
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
