/**
 * The sql fixtures driver: a fixture folder holds `input/*.ts` (the user's sources),
 * `model.json` (their model, checked against the analyzer by model.test.ts and rewritten with
 * `UPDATE=1`), optionally `options.json` (generator options) and `expected/` (the schema files
 * as rendered, the table modules Prettier-formatted; the runtime, emitted as it is, is left out).
 * Generation is the real path: `check` → `plan` → render (→ Prettier for TypeScript).
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { format } from 'prettier';
import { analyze, type AnalyzeResult } from '../../../src/analyzer/index.js';
import type { Diagnostic } from '../../../src/diagnostics/types.js';
import type { CommonGeneratorOptions, PlannedFile } from '../../../src/generators/kit/contract.js';
import { createPlanContext } from '../../../src/generators/kit/plan-outputs.js';
import { sqlGenerator, type SqlOptions } from '../../../src/generators/sql/index.js';
import type { Model } from '../../../src/model/types.js';
import { createRenderer } from '../../../src/render/index.js';
import { TMP_ROOT } from '../../helpers/paths.js';

export const FIXTURES_DIR = resolve('test/fixtures/sql');
export const TMP_DIR = resolve('test/.tmp/sql');
const RUNTIME_DIR = resolve('templates/sql');

export const CONTEXT = createPlanContext({
  inputRoot: 'input',
  outputDir: 'generated',
  outputToRoot: '..',
  importExtension: '.js',
  configSource: 'codegen.config.yaml',
});

const KNOWN_GENERATORS = ['validate', 'mock', 'openapi', 'sql', 'crud', 'client'];

export type Options = Partial<SqlOptions> & CommonGeneratorOptions;

export interface GeneratedFile {
  path: string;
  content: string;
  /** Emitted as it is from a runtime template (not `.hbs`): not part of the expected trees. */
  runtime: boolean;
}

/** Fixture folder names, sorted. */
export function fixtureNames(): string[] {
  return readdirSync(FIXTURES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** Analyses a fixture's `input/*.ts` with `sql` as the default generator. */
export function analyzeFixture(name: string): AnalyzeResult {
  const dir = join(FIXTURES_DIR, name);
  const files = readdirSync(join(dir, 'input'))
    .filter((file) => file.endsWith('.ts'))
    .sort()
    .map((file) => join(dir, 'input', file));
  return analyze({ rootDir: dir, files, defaultGenerators: ['sql'], knownGenerators: KNOWN_GENERATORS, displayRoot: dir });
}

/** A fixture's committed model. */
export function fixtureModel(name: string): Model {
  return JSON.parse(readFileSync(join(FIXTURES_DIR, name, 'model.json'), 'utf8')) as Model;
}

/** A fixture's options (`options.json`), with the common ones. */
export function fixtureOptions(name: string): Options {
  const path = join(FIXTURES_DIR, name, 'options.json');
  const own = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Partial<SqlOptions>) : {};
  return { split: 'file', ...own };
}

/** `check`, then every planned file rendered (and formatted when TypeScript, but for the runtime files), as the pipeline does before emit. */
export async function generate(model: Model, options: Options): Promise<{ diagnostics: Diagnostic[]; files: GeneratedFile[]; planned: PlannedFile[] }> {
  const diagnostics = sqlGenerator.check!(model, options, CONTEXT);
  const renderer = createRenderer({ generators: [sqlGenerator], displayRoot: process.cwd() });
  const planned = sqlGenerator.plan(model, options, CONTEXT);
  const files: GeneratedFile[] = [];
  for (const file of planned) {
    const rendered = renderer.render(sqlGenerator.name, file);
    const runtime = !file.template.endsWith('.hbs');
    // .sql has no Prettier parser: the pipeline writes it as rendered, and so do the fixtures. The
    // runtime files (templates/sql copied) are left as rendered too: no test reads their text
    // (fixtures.test.ts compares the others), and Prettier on ~57 kB per fixture was most of it.
    const content = file.path.endsWith('.ts') && !runtime ? await format(rendered, { parser: 'typescript' }) : rendered;
    files.push({ path: file.path, content, runtime });
  }
  return { diagnostics, files, planned };
}

/** A fixture's generated files. */
export async function generateFixture(name: string): Promise<{ diagnostics: Diagnostic[]; files: GeneratedFile[] }> {
  return generate(fixtureModel(name), fixtureOptions(name));
}

/** Files of a folder, recursively, as paths relative to it. */
export function listFiles(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? listFiles(join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`]))
    .sort();
}

/**
 * Writes a fixture's inputs, its expected files (equal to what generation gives: fixtures.test.ts
 * checks that) and the runtime into `<root>/<name>/`; returns that folder. Reading the committed
 * outputs instead of generating again keeps each test file from re-running the pipeline.
 */
export async function materializeFixture(name: string, root = TMP_DIR): Promise<string> {
  const target = join(root, name);
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  cpSync(join(FIXTURES_DIR, name, 'input'), join(target, 'input'), { recursive: true });
  cpSync(join(FIXTURES_DIR, name, 'expected'), join(target, 'generated'), { recursive: true });
  for (const file of readdirSync(RUNTIME_DIR).filter((entry) => /^sql-[a-z-]+\.ts$/.test(entry))) {
    writeFileSync(join(target, 'generated', file), readFileSync(join(RUNTIME_DIR, file)));
  }
  return target;
}

/** The schema text of a fixture for one dialect: its expected file (fixtures.test.ts keeps it equal to what generation gives). */
export async function fixtureSchema(name: string, dialect: 'postgres' | 'sqlite'): Promise<string> {
  const path = join(FIXTURES_DIR, name, 'expected', `schema.${dialect}.sql`);
  if (!existsSync(path)) throw new Error(`${name} has no ${dialect} schema`);
  return readFileSync(path, 'utf8');
}

/**
 * `decorators.ts` for a test project whose entities use TypeORM's `@Entity`, `@Column` and
 * `@PrimaryGeneratedColumn`: signatures only (the analyzer reads decorators by name and arguments,
 * statically), so the project needs no TypeORM install.
 */
export const TYPEORM_DECORATOR_STUBS = [
  'export function Entity(name?: string): ClassDecorator { return () => {}; }',
  'export function Column(typeOrOptions?: string | object, options?: object): PropertyDecorator { return () => {}; }',
  'export function PrimaryGeneratedColumn(strategy?: string): PropertyDecorator { return () => {}; }',
  '',
].join('\n');

/**
 * The analysis of `source` as `m.ts` beside the TypeORM decorator stubs (`./decorators`), in a
 * temporary folder named after `name` that is removed again.
 */
export function analyzeTypeormSource(source: string, name: string): AnalyzeResult {
  const dir = mkdtempSync(join(TMP_ROOT, `${name}-`));
  try {
    writeFileSync(join(dir, 'decorators.ts'), TYPEORM_DECORATOR_STUBS);
    writeFileSync(join(dir, 'm.ts'), source);
    return analyze({ rootDir: dir, files: [join(dir, 'm.ts'), join(dir, 'decorators.ts')], defaultGenerators: ['sql'], knownGenerators: ['sql'], displayRoot: dir });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
