/**
 * The proof behind fast-parser.ts, and where it is used. On codegen's own layout, Prettier's
 * `babel-ts` parser prints exactly what its `typescript` parser prints: checked on every construct
 * of the TypeScript outputs the fixtures expect, and of the bundled example under other option
 * sets users choose. Outputs of a user's template or of a plugin's generator are not codegen's layout: they
 * are formatted with `typescript`, as the user's own `prettier --check` does (a JSDoc cast shows
 * the two parsers apart).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { format } from 'prettier';
import { ts } from 'ts-morph';
import { globSync } from 'tinyglobby';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createFormatter, nodeFileSystem } from '../../../src/emit/index.js';
import { withFastParser } from '../../../src/emit/fast-parser.js';
import { BUILTIN_GENERATORS, type GeneratorDefinition } from '../../../src/generators/index.js';
import { run } from '../../../src/pipeline/run.js';
import { createRenderer } from '../../../src/render/index.js';
import { TMP_ROOT } from '../../helpers/paths.js';

/**
 * What is compared of the TypeScript outputs the fixtures expect: their top-level parts
 * (statements with their comments, after a blank line; the formatter itself formats an output in
 * such pieces), each distinct part once, and of those only the smallest that together hold every
 * construct of all of them (`covering`). The two parsers feed one printer, so where they can
 * print differently is the tree they give it (which node under which, its range, where a comment
 * attaches): each construct is compared where it first appears, not at every repetition of it
 * (~20% of the bytes). The test asserts that the parts compared hold every construct of the
 * corpus, so no construct of a new fixture or template is left out.
 */
const FIXTURE_PARTS = distinctParts(globSync('test/fixtures/**/expected/**/*.ts').sort());
/**
 * For the option sets, one output per kind: per generator file name (`*.validate.ts`,
 * `*.mock.ts`, `*.crud.ts`…) and per fixed name (`validation.ts`, `sql-where.ts`, `index.ts`…),
 * the largest one, so every template (and every generator) of the example is printed under
 * each option set, with the most of its constructs; of their parts, the covering ones.
 */
const EXAMPLE_OUTPUTS = largestOfEachKind(globSync('examples/bookstore/src/generated/**/*.ts').sort());

const OPTION_SETS: Record<string, unknown>[] = [
  { semi: false, singleQuote: true, trailingComma: 'es5', printWidth: 100 },
  { tabWidth: 4, useTabs: true, bracketSpacing: false, arrowParens: 'avoid', trailingComma: 'none', quoteProps: 'consistent', printWidth: 60 },
];

/** A JSDoc type cast: `babel-ts` keeps its parentheses, `typescript` drops them (Prettier 3.10). */
const CAST = 'export const x = /** @type {Foo} */ (bar);\n';
const CAST_BY_TYPESCRIPT = 'export const x = /** @type {Foo} */ bar;\n';

/** An output's kind: its generator's file name (`.validate.ts`) or, for a fixed name, the name. */
function kindOf(file: string): { kind: string; perDeclaration: boolean } {
  const name = file.slice(file.lastIndexOf('/') + 1);
  const infix = /\.[a-z-]+\.ts$/.exec(name)?.[0];
  return infix ? { kind: infix, perDeclaration: true } : { kind: name, perDeclaration: false };
}

/** Each distinct top-level part of `files` once (label → text). */
function distinctParts(files: readonly string[]): Map<string, string> {
  const parts = new Map<string, string>();
  for (const file of files) {
    for (const [index, part] of topLevelParts(readFileSync(file, 'utf8')).entries()) if (!parts.has(part)) parts.set(part, `${file} (part ${index + 1})`);
  }
  return new Map([...parts].map(([text, label]) => [label, text]));
}

/** The top-level parts of a generated file: statements (with their comments) after a blank line. */
function topLevelParts(text: string): string[] {
  return text.split(/\n\n(?=\S)/).map((part) => (part.endsWith('\n') ? part : `${part}\n`));
}

/**
 * The constructs of a text: each node's kind under its parent's kind, and each comment's kind
 * (line, block, JSDoc) before or after the kind of node it is at.
 */
function constructs(text: string): Set<string> {
  const found = new Set<string>();
  const kind = (node: ts.Node) => ts.SyntaxKind[node.kind];
  const comment = (range: ts.CommentRange) => (text.startsWith('/**', range.pos) ? 'JSDoc' : ts.SyntaxKind[range.kind]);
  const visit = (node: ts.Node, parent: string): void => {
    found.add(`${parent} > ${kind(node)}`);
    for (const range of ts.getLeadingCommentRanges(text, node.pos) ?? []) found.add(`${comment(range)} before ${kind(node)}`);
    for (const range of ts.getTrailingCommentRanges(text, node.end) ?? []) found.add(`${comment(range)} after ${kind(node)}`);
    node.forEachChild((child) => visit(child, kind(node)));
  };
  visit(ts.createSourceFile('part.ts', text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS), '');
  return found;
}

/**
 * The smallest texts of `texts` (label → text) that together hold every construct of all of
 * them: smallest first, each kept if it holds a construct none kept before holds. Returns them
 * with the constructs of all the texts and of those kept.
 */
function covering(texts: Map<string, string>): { chosen: [string, string][]; all: Set<string>; covered: Set<string> } {
  const all = new Set<string>();
  const covered = new Set<string>();
  const chosen: [string, string][] = [];
  for (const [label, text] of [...texts].sort(([, a], [, b]) => a.length - b.length || (a < b ? -1 : 1))) {
    const own = constructs(text);
    own.forEach((construct) => all.add(construct));
    if ([...own].some((construct) => !covered.has(construct))) {
      chosen.push([label, text]);
      own.forEach((construct) => covered.add(construct));
    }
  }
  return { chosen, all, covered };
}

function largestOfEachKind(files: readonly string[]): string[] {
  const largest = new Map<string, { file: string; size: number }>();
  for (const file of files) {
    const { kind } = kindOf(file);
    const size = statSync(file).size;
    if ((largest.get(kind)?.size ?? -1) < size) largest.set(kind, { file, size });
  }
  return [...largest.values()].map(({ file }) => file);
}

/** Compares the parsers' print of each text (label → text). */
async function expectSamePrint(texts: Iterable<[string, string]>, options: Record<string, unknown> = {}): Promise<void> {
  for (const [label, text] of texts) {
    const typescript = await format(text, { ...options, parser: 'typescript' });
    expect(await format(text, { ...options, parser: 'babel-ts' }), label).toBe(typescript);
  }
}

describe('babel-ts prints generated code as typescript does', () => {
  it('on every TypeScript output the fixtures expect: parts holding every construct of them', async () => {
    const { chosen, all, covered } = covering(FIXTURE_PARTS);
    expect(FIXTURE_PARTS.size).toBeGreaterThan(1000);
    expect(all.size).toBeGreaterThan(600);
    expect([...covered].sort()).toEqual([...all].sort());
    expect(chosen.length).toBeGreaterThan(150);
    await expectSamePrint(chosen);
  });

  it('on an output of each kind of the bundled example, under other option sets', async () => {
    const kinds = EXAMPLE_OUTPUTS.map((file) => file.slice(file.lastIndexOf('/') + 1));
    expect(kinds).toEqual(expect.arrayContaining(['index.ts', 'validation.ts', 'mocking.ts', 'client-runtime.ts', 'repository.ts', 'sql-where.ts']));
    for (const kind of ['.validate.ts', '.mock.ts', '.client.ts', '.sql.ts', '.crud.ts']) expect(kinds.some((name) => name.endsWith(kind)), kind).toBe(true);
    const { chosen, all, covered } = covering(distinctParts(EXAMPLE_OUTPUTS));
    expect(all.size).toBeGreaterThan(300);
    expect([...covered].sort()).toEqual([...all].sort());
    for (const options of OPTION_SETS) await expectSamePrint(chosen, options);
  });

  it('but not on every TypeScript: a JSDoc cast keeps its parentheses with babel-ts only', async () => {
    expect(await format(CAST, { parser: 'typescript' })).toBe(CAST_BY_TYPESCRIPT);
    expect(await format(CAST, { parser: 'babel-ts' })).toBe(CAST);
    // Were it in an output, the parts compared above would hold it: it is a construct of its own.
    const { chosen } = covering(new Map([...FIXTURE_PARTS, ['the cast', CAST]]));
    expect(chosen.some(([label]) => label === 'the cast')).toBe(true);
  });
});

describe('withFastParser', () => {
  const options = { parser: 'typescript', filepath: '/p/a.ts' };

  it("swaps typescript for babel-ts on codegen's layout under Prettier 3 without plugins or a chosen parser", () => {
    expect(withFastParser('3.10.1', 'typescript', { semi: false }, options, true)).toEqual({ parser: 'babel-ts', filepath: '/p/a.ts' });
    expect(withFastParser('3.10.1', 'typescript', { plugins: [] }, options, true).parser).toBe('babel-ts');
  });

  it('keeps the options where the proof does not reach', () => {
    expect(withFastParser('3.10.1', 'typescript', {}, options, false)).toBe(options);
    expect(withFastParser('2.8.8', 'typescript', {}, options, true)).toBe(options);
    expect(withFastParser('3.10.1', 'typescript', { plugins: ['prettier-plugin-organize-imports'] }, options, true)).toBe(options);
    expect(withFastParser('3.10.1', 'typescript', { parser: 'typescript' }, options, true)).toBe(options);
    expect(withFastParser('3.10.1', 'json', {}, { parser: 'json' }, true)).toEqual({ parser: 'json' });
  });
});

mkdirSync(TMP_ROOT, { recursive: true });
const scratch = mkdtempSync(join(TMP_ROOT, 'fast-parser-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Writes `files` (path → text) under a new folder of the scratch space; returns it. */
function folderWith(name: string, files: Record<string, string>): string {
  const root = join(scratch, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('the formatter', () => {
  const project = folderWith('formatter', { 'package.json': '{ "name": "app", "private": true }\n' });
  const formatterFor = (cacheDir?: string) =>
    createFormatter({ projectRoot: project, format: 'auto', fs: nodeFileSystem, workers: false, ...(cacheDir ? { cacheDir } : { useCache: false }) });

  it("formats codegen's layout with babel-ts, and anything else with the parser Prettier infers", async () => {
    const formatter = await formatterFor();
    expect(await formatter.format('out/a.ts', CAST, { builtInLayout: true })).toBe(CAST);
    expect(await formatter.format('out/b.ts', CAST, { builtInLayout: false })).toBe(CAST_BY_TYPESCRIPT);
    expect(await formatter.format('out/c.ts', CAST)).toBe(CAST_BY_TYPESCRIPT);
  });

  it("never gives a user's output a text cached from babel-ts", async () => {
    const cacheDir = join(project, 'cache');
    const first = await formatterFor(cacheDir);
    await first.format('out/a.ts', CAST, { builtInLayout: true });
    await first.saveCache();
    const second = await formatterFor(cacheDir);
    expect(await second.format('out/b.ts', CAST)).toBe(CAST_BY_TYPESCRIPT);
    expect(second.stats).toMatchObject({ cached: 0, formatted: 1 });
    // codegen's own outputs keep their cache: the same text is not formatted again.
    expect(await second.format('out/a.ts', CAST, { builtInLayout: true })).toBe(CAST);
    expect(second.stats).toMatchObject({ cached: 1, formatted: 1 });
  });
});

describe("which outputs are codegen's layout", () => {
  const validate = BUILTIN_GENERATORS.find((generator) => generator.name === 'validate')!;
  const plugin = { ...validate, name: 'casts' } as GeneratorDefinition<any>;
  const rendererWith = (templates: Record<string, string> | undefined) =>
    createRenderer({
      generators: [...BUILTIN_GENERATORS, plugin],
      ...(templates ? { userTemplatesDir: folderWith(`templates-${Object.keys(templates).join('-').replaceAll('/', '_')}`, templates) } : {}),
      displayRoot: scratch,
    });

  it('a built-in generator with its built-in templates', () => {
    const renderer = rendererWith(undefined);
    expect(renderer.builtInLayout?.('validate', 'file.hbs')).toBe(true);
    expect(renderer.builtInLayout?.('validate', 'runtime.hbs')).toBe(true);
  });

  it("not a template the user overrides; the generator's other templates still are", () => {
    const renderer = rendererWith({ 'validate/file.hbs': '// mine\n', 'mock/partials/extra.hbs': 'a new partial' });
    expect(renderer.builtInLayout?.('validate', 'file.hbs')).toBe(false);
    expect(renderer.builtInLayout?.('validate', 'runtime.hbs')).toBe(true);
    expect(renderer.builtInLayout?.('mock', 'file.hbs')).toBe(true);
  });

  it("not any template of a generator one of whose built-in partials the user replaces", () => {
    const renderer = rendererWith({ 'validate/partials/declaration.hbs': '// mine\n' });
    expect(renderer.builtInLayout?.('validate', 'file.hbs')).toBe(false);
    expect(renderer.builtInLayout?.('validate', 'runtime.hbs')).toBe(false);
    expect(rendererWith({ '_partials/declaration.hbs': '// mine\n' }).builtInLayout?.('validate', 'runtime.hbs')).toBe(false);
  });

  it("not a plugin's generator, even one reusing built-in templates", () => {
    expect(rendererWith(undefined).builtInLayout?.('casts', 'file.hbs')).toBe(false);
  });
});

describe('a run', () => {
  /**
   * A project whose own Prettier records the parser of each output it formats (and formats as
   * the bundled one): a validate template overridden, a plugin generator, both writing a JSDoc cast.
   */
  const realPrettier = createRequire(import.meta.url).resolve('prettier');
  const project = folderWith('run', {
    'package.json': '{ "name": "app", "private": true, "type": "module" }\n',
    'node_modules/prettier/package.json': '{ "name": "prettier", "version": "3.0.0-recording", "main": "index.cjs" }\n',
    'node_modules/prettier/index.cjs': [
      `const real = require(${JSON.stringify(realPrettier)});`,
      'const parsers = (globalThis.codegenParsersUsed ??= []);',
      'module.exports = { ...real, format: (text, options) => { parsers.push([options.filepath, options.parser]); return real.format(text, options); } };',
      '',
    ].join('\n'),
    'codegen.config.yaml': 'input: ["src/models/**/*.ts"]\noutput: src/generated\ngenerators:\n  validate: {}\n  casts: {}\ntemplates: codegen/templates\nplugins: [codegen/generators/casts]\n',
    'codegen/templates/validate/file.hbs': '{{#each declarations}}\nexport const {{name}}Name = /** @type {string} */ ({{{json name}}});\n{{/each}}\n',
    'codegen/generators/casts/codegen.generator.yaml': 'name: casts\ndescription: A cast\nfor: project\noutput: casts.ts\ntemplate: file.hbs\n',
    'codegen/generators/casts/file.hbs': 'export const cast = /** @type {number} */ (1);\n',
    'src/models/tag.ts': 'export interface Tag {\n  label: string;\n}\n',
    // No DOM and no @types: the analysis reads what it needs only.
    'tsconfig.json': '{ "compilerOptions": { "strict": true, "lib": ["es2022"], "types": [], "noEmit": true }, "include": ["src"] }\n',
  });

  it("formats the user's template and the plugin's output with typescript, the built-in ones with babel-ts", async () => {
    vi.stubEnv('CODEGEN_FORMAT_WORKERS', '0');
    const used = ((globalThis as { codegenParsersUsed?: [string, string][] }).codegenParsersUsed ??= []);
    used.length = 0;
    try {
      const result = await run({ cwd: project });
      expect(result.exitCode, JSON.stringify(result.diagnostics)).toBe(0);
    } finally {
      vi.unstubAllEnvs();
    }
    const generated = join(project, 'src/generated');
    const parsers = Object.fromEntries(used.filter(([file]) => file.endsWith('.ts')).map(([file, parser]) => [file.slice(generated.length + 1), parser]));
    expect(parsers).toEqual({ 'tag.validate.ts': 'typescript', 'casts.ts': 'typescript', 'validation.ts': 'babel-ts', 'index.ts': 'babel-ts' });
    expect(readFileSync(join(generated, 'tag.validate.ts'), 'utf8')).toContain('export const TagName = /** @type {string} */ "Tag";');
    expect(readFileSync(join(generated, 'casts.ts'), 'utf8')).toContain('export const cast = /** @type {number} */ 1;');
  });
});
