/**
 * Formatting in pieces gives byte for byte what Prettier gives for the whole file.
 *
 * The suite runs (a few seconds of CPU): two texts of the cases that could go wrong (TypeScript:
 * comments, blank lines, ASI hazards under `semi: false`; JSON: keys that look like the split's
 * placeholder, duplicate, escaped and unicode keys, `__proto__`, keys past the print width, empty
 * and nested objects and arrays) cut at every safe place under five Prettier configs, and a
 * sample of the bundled example's outputs (as generated; one per template, about their first
 * 3,000 characters) each under one of the five configs in turn, in pieces of a few statements or
 * members. `CODEGEN_TEST_FULL_IDENTITY=1` formats instead every example output, whole, under every
 * config, and every fixture output (each text once) under the two configs that rewrite them most
 * (about 31 s of CPU): run it after changing how texts are cut or joined.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import * as prettier from 'prettier';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFormatter, type Formatter } from '../../../src/emit/formatter.js';
import { nodeFileSystem } from '../../../src/emit/file-system.js';
import { planSplit } from '../../../src/emit/chunked-format.js';
import { REPO_ROOT } from '../../helpers/paths.js';

const FULL = process.env.CODEGEN_TEST_FULL_IDENTITY === '1';

/**
 * The configs, and whether the fixtures' outputs are formatted under them in the full run: they are
 * already formatted with the defaults, so the two configs that rewrite nearly every line of them
 * test the most for the time spent.
 */
const CONFIGS: [string, Record<string, unknown>, { fixtures: boolean }][] = [
  ['defaults', {}, { fixtures: false }],
  ['tabs', { useTabs: true }, { fixtures: true }],
  ['printWidth 40', { printWidth: 40 }, { fixtures: false }],
  ['semi false', { semi: false, singleQuote: true }, { fixtures: true }],
  ['endOfLine crlf', { endOfLine: 'crlf', trailingComma: 'none' }, { fixtures: false }],
];

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

/**
 * JSON whose members could land in the wrong place: keys that read like the split's placeholder
 * (`"\u0000codegen:N": 0`, as the last member of an object, where a placeholder stands), duplicate
 * keys, escapes and unicode, `__proto__`, keys longer than the print width, empty objects and
 * arrays, arrays of objects, objects written on one line, deep nesting. Laid out as JSON.stringify
 * lays out (the outputs' layout), except where noted.
 */
const JSON_HAZARDS = `{
  "\\u0000codegen:0": 0,
  "dup": 1,
  "nested": {
    "a\\"b": "quote in a key",
    "back\\\\slash": "\\\\",
    "\\u00e9t\\u00e9": "escaped unicode",
    "été": "unicode",
    "😀": "\\ud83d\\ude00",
    "tab\\tkey": "x",
    "\\u0000codegen:1": 0
  },
  "__proto__": {
    "polluted": true,
    "constructor": {
      "prototype": {
        "x": 1
      }
    }
  },
  "a key much longer than any print width, so that its member could never fit on one line at all": {
    "another key much longer than the print width of forty or eighty columns": "and a long string value that does not fit either",
    "short": [
      1,
      2,
      3
    ]
  },
  "empty": {},
  "emptyArray": [],
  "emptyBroken": {
  },
  "arrayOfObjects": [
    {
      "id": 1,
      "tags": []
    },
    {
      "id": 2,
      "child": {
        "\\u0000codegen:2": 0
      }
    }
  ],
  "oneLine": {"a": 1, "b": {"c": [1, 2]}},
  "oneLineAroundBroken": {"a": {
    "b": 1
  }},
  "dup": {
    "dup": {
      "dup": {
        "dup": {
          "\\u0000codegen1:0": 0,
          "deep": "// not a comment /* either */"
        }
      }
    }
  },
  "numbers": {
    "e": 1e10,
    "negativeZero": -0,
    "trailingZero": 1.50,
    "null": null,
    "true": true
  },
  "\\u0000codegen:3": 0
}
`;

let root: string;
const example: { path: string; text: string }[] = [];
/**
 * What the suite formats of the example (120 of its 390 KB): one output per template (`models/*.crud.ts`
 * once, not per model), TypeScript outputs cut after their first 3,000 characters (at a top-level
 * declaration: a blank line, then column 0), openapi.json whole.
 */
const sample: { path: string; text: string }[] = [];
const fixtures: { path: string; text: string }[] = [];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'codegen-pieces-'));
  await writeFile(join(root, 'package.json'), '{ "name": "pieces", "private": true }\n');
  // The bundled example's outputs as generated (and committed): formatted with the defaults, which
  // every other config rewrites. Rendering them afresh would cost a run of the pipeline.
  const generated = join(REPO_ROOT, 'examples', 'bookstore', 'src', 'generated');
  for (const file of (await filesUnder(generated)).sort())
    if (/\.(ts|json)$/.test(file)) example.push({ path: `example/${relative(generated, file)}`, text: await readFile(file, 'utf8') });
  const templates = new Map<string, { path: string; text: string }>();
  for (const output of example) {
    const template = output.path.replace(/^(example\/(?:models|services)\/)[^/.]+/, '$1*');
    if ((templates.get(template)?.text.length ?? 0) < output.text.length) templates.set(template, output);
  }
  for (const output of templates.values()) {
    const cut = output.path.endsWith('.ts') ? output.text.slice(3_000).search(/\n\n(?=\S)/) : -1;
    sample.push(cut < 0 ? output : { path: output.path, text: output.text.slice(0, 3_000 + cut + 1) });
  }
  if (!FULL) return;
  // Every expected output of the fixtures (each text once: many cases share the runtime files).
  const seen = new Set<string>();
  for (const file of (await filesUnder(join(REPO_ROOT, 'test', 'fixtures'))).sort()) {
    if (!/\/expected\/.*\.(ts|json)$/.test(file) || file.endsWith('.d.ts')) continue;
    const text = await readFile(file, 'utf8');
    if (!seen.has(text)) fixtures.push({ path: relative(REPO_ROOT, file), text });
    seen.add(text);
  }
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/**
 * A formatter without cache or workers, cutting pieces of `min`–`max` characters; JSON goes
 * through Prettier in pieces too (not printed by json-layout.ts, which would take these texts).
 */
function piecesFormatter(min: number, max: number): Promise<Formatter> {
  return createFormatter({ projectRoot: root, format: 'auto', fs: nodeFileSystem, useCache: false, workers: false, pieceSize: { min, max }, jsonLayout: false });
}

/** The inputs whose pieces joined differ from Prettier's whole-file output, and how many were really cut. */
async function compare(formatter: Formatter, inputs: readonly { path: string; text: string }[], config: Record<string, unknown>) {
  const differing: string[] = [];
  let split = 0;
  for (const input of inputs) {
    const file = join(root, input.path);
    const before = formatter.pieces.formatted;
    const pieces = await formatter.format(file, input.text);
    if (formatter.pieces.formatted > before) split += 1;
    if (pieces !== (await prettier.format(input.text, { ...config, filepath: file }))) differing.push(input.path);
  }
  return { differing, split };
}

describe('formatting in pieces', () => {
  it('reads enough outputs to prove anything', () => {
    expect(example.length).toBeGreaterThan(40);
    expect(sample.length).toBeGreaterThan(25);
    expect(example.filter((input) => input.path.endsWith('.json')).length).toBeGreaterThan(1);
    if (FULL) expect(fixtures.length).toBeGreaterThan(100);
  });

  for (const [index, [name, config, { fixtures: withFixtures }]] of CONFIGS.entries()) {
    it(`gives Prettier's whole-file output, byte for byte (${name})`, async () => {
      await writeFile(join(root, '.prettierrc'), JSON.stringify(config));
      // The hazards, cut at every safe place.
      const hazards = await compare(await piecesFormatter(1, 1), [{ path: 'hazards.ts', text: HAZARDS }, { path: 'hazards.json', text: JSON_HAZARDS }], config);
      expect(hazards).toEqual({ differing: [], split: 2 });
      // The example's outputs: the sample, each under one config in turn (all of them, whole, under every config in the full run).
      const chosen = FULL ? example : sample.filter((_, at) => at % CONFIGS.length === index);
      const outputs = await compare(await piecesFormatter(FULL ? 400 : 150, FULL ? 4_000 : 1_000), [...chosen, ...(FULL && withFixtures ? fixtures : [])], config);
      expect(outputs.differing).toEqual([]);
      // Most outputs were really cut (the rest are single statements, or small).
      expect(outputs.split).toBeGreaterThanOrEqual(chosen.length / 2);
    }, 300_000);
  }

  it('cuts the hazards text at statements, never before a string statement, and keeps what is not cut whole', async () => {
    const plan = await planSplit(HAZARDS, prettier.version, { parser: 'typescript' }, { min: 1, max: 1 });
    expect(plan?.jobs.some((job) => job.startsWith('[3, 4]'))).toBe(true);
    expect(plan?.jobs.some((job) => job.startsWith('"not a directive"'))).toBe(false);
    expect(plan?.jobs.some((job) => job.startsWith('// own-line comment after two blank lines'))).toBe(true);
    // openapi.json (JSON.stringify's layout) is cut into runs of members down to the schemas' properties.
    const openapi = example.find((input) => input.path === 'example/openapi.json')!;
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

  it('never takes a member that reads like a placeholder for one: it picks a key the text does not hold', async () => {
    // The text holds `\u0000codegen:` and `\u0000codegen1:` keys, each the last member of its object.
    const plan = await planSplit(JSON_HAZARDS, prettier.version, { parser: 'json' }, { min: 1, max: 1 });
    const placeholders = plan!.jobs.join('').match(/"\\u0000codegen\d*:\d+": 0$/gm) ?? [];
    expect(placeholders.filter((line) => !JSON_HAZARDS.includes(line)).every((line) => line.startsWith('"\\u0000codegen2:'))).toBe(true);
    expect(placeholders.some((line) => line.startsWith('"\\u0000codegen2:'))).toBe(true);
    // Joined, every member is where Prettier puts it (the identity tests above check all five configs).
    const file = join(root, 'placeholder.json');
    await writeFile(join(root, '.prettierrc'), '{}');
    expect(await (await piecesFormatter(1, 1)).format(file, JSON_HAZARDS)).toBe(await prettier.format(JSON_HAZARDS, { filepath: file }));
  });

  it('formats whole a split whose outputs do not have the planned shape (a placeholder missing or found twice)', async () => {
    const plan = (await planSplit(JSON_HAZARDS, prettier.version, { parser: 'json' }, { min: 1, max: 1 }))!;
    const outputs = await Promise.all(plan.jobs.map((job) => prettier.format(job, { parser: 'json' })));
    expect(plan.join(outputs)).toBeDefined();
    const withPlaceholder = outputs.findIndex((output) => output.includes('codegen2:'));
    const line = outputs[withPlaceholder]!.split('\n').find((entry) => entry.includes('codegen2:'))!;
    const twice = outputs.map((output, job) => (job === withPlaceholder ? output.replace(line, `${line}\n${line}`) : output));
    expect(plan.join(twice)).toBeUndefined();
    const missing = outputs.map((output, job) => (job === withPlaceholder ? output.replace(`${line}\n`, '') : output));
    expect(plan.join(missing)).toBeUndefined();
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

  it('keeps in the cache, after each build of a long session, only what the outputs of that build need', async () => {
    await writeFile(join(root, '.prettierrc'), '{}');
    const cacheDir = join(root, 'session-cache');
    const open = () => createFormatter({ projectRoot: root, format: 'auto', fs: nodeFileSystem, cacheDir, workers: false, pieceSize: { min: 1, max: 1 } });
    const stored = async () => {
      const file = JSON.parse(await readFile(join(cacheDir, 'format-cache.json'), 'utf8')) as { entries: object; joins?: object };
      return { entries: Object.keys(file.entries).length, joins: Object.keys(file.joins ?? {}).length };
    };
    const large = Array.from({ length: 20 }, (_, index) => `export const value${index} = {a:${index}};\n`).join('\n');
    const edited = large.replace('{a:7}', '{a:7, b:8}');
    const session = await open();
    // Build 1: a large output (20 pieces and a join) and a small one (whole).
    await session.format('large.ts', large);
    await session.format('small.ts', 'export const small = {a:1}\n');
    await session.retainOutputs(['large.ts', 'small.ts']);
    await session.saveCache();
    expect(await stored()).toEqual({ entries: 21, joins: 1 });
    // Build 2: an edit of the large output; the small one is reused by the watch memo (not formatted again).
    await session.format('large.ts', edited);
    await session.retainOutputs(['large.ts', 'small.ts']);
    await session.saveCache();
    // The edited piece replaced the old one, and the new join the old: nothing stale is left.
    expect(await stored()).toEqual({ entries: 21, joins: 1 });
    // Build 3: the small output is gone.
    await session.retainOutputs(['large.ts']);
    await session.saveCache();
    expect(await stored()).toEqual({ entries: 20, joins: 1 });
    // Memory holds no more: the old text's edited piece is formatted again.
    const before = { ...session.pieces };
    await session.format('large.ts', large);
    expect(session.pieces).toEqual({ formatted: before.formatted + 1, cached: before.cached + 19 });
    // And the file holds what the last build's outputs need: a new run formats nothing.
    await session.retainOutputs(['large.ts']);
    await session.saveCache();
    const next = await open();
    expect(await next.format('large.ts', large)).toBe(await prettier.format(large, { filepath: join(root, 'large.ts') }));
    expect(next.stats).toMatchObject({ formatted: 0, cached: 1 });
  });
});
