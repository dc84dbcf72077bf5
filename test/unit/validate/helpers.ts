/**
 * The validate fixtures driver: a fixture folder holds `input/*.ts` (the user's sources),
 * `model.json` (the model of those sources), optionally `options.json` (generator options) and
 * `expected/` (the generated files, Prettier-formatted). Generation here is the real path:
 * `plan` → the render stage → Prettier.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { format } from 'prettier';
import type { PlanContext } from '../../../src/generators/kit/contract.js';
import { createPlanContext } from '../../../src/generators/kit/plan-outputs.js';
import { validateGenerator } from '../../../src/generators/validate/index.js';
import type { Model } from '../../../src/model/types.js';
import { createRenderer } from '../../../src/render/index.js';

export const FIXTURES_DIR = resolve('test/fixtures/validate');
export const TMP_DIR = resolve('test/.tmp/validate');

/** Where the generated files sit beside the fixture's `input/` folder. */
export const CONTEXT: PlanContext = createPlanContext({
  inputRoot: 'input',
  outputDir: 'generated',
  outputToRoot: '..',
  importExtension: '.js',
  configSource: 'codegen.config.yaml',
});

export interface GeneratedFile {
  path: string;
  content: string;
}

/** Fixture folder names, sorted. */
export function fixtureNames(): string[] {
  return readdirSync(FIXTURES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

function readJson<T>(path: string, fallback: T): T {
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : fallback;
}

/**
 * Plans, renders and formats the validators of a fixture's model. `formatted: false` skips
 * Prettier, for files that are only compiled or run: it changes their layout, never their types
 * or behaviour.
 */
export async function generateFixture(name: string, formatted = true): Promise<GeneratedFile[]> {
  const dir = join(FIXTURES_DIR, name);
  const model = readJson<Model>(join(dir, 'model.json'), undefined as never);
  const options = { coerce: false, split: 'file' as const, ...readJson(join(dir, 'options.json'), {}) };
  const renderer = createRenderer({ generators: [validateGenerator], displayRoot: process.cwd() });
  const files: GeneratedFile[] = [];
  for (const planned of validateGenerator.plan(model, options, CONTEXT)) {
    const rendered = renderer.render(validateGenerator.name, planned);
    files.push({ path: planned.path, content: formatted ? await format(rendered, { parser: 'typescript' }) : rendered });
  }
  return files;
}

/** Files of a folder, recursively, as paths relative to it. */
export function listFiles(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory() ? listFiles(join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
    )
    .sort();
}

/**
 * Writes a fixture's inputs and freshly generated files (unformatted: they are compiled and run,
 * and fixtures.test.ts compares the formatted ones) into `<root>/<name>/` (default
 * `test/.tmp/validate/`); returns that folder. Test files running in parallel use distinct roots.
 */
export async function materializeFixture(name: string, root = TMP_DIR): Promise<string> {
  const target = join(root, name);
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  cpSync(join(FIXTURES_DIR, name, 'input'), join(target, 'input'), { recursive: true });
  for (const file of await generateFixture(name, false)) {
    const path = join(target, CONTEXT.outputDir, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.content);
  }
  return target;
}

/** Imports a generated module of a materialized fixture. */
export async function importGenerated<T>(folder: string, file: string): Promise<T> {
  return (await import(join(folder, CONTEXT.outputDir, file))) as T;
}

export interface IssueLike {
  path: string;
  code: string;
  expected: string;
  message: string;
}

type ResultLike = { success: true; data: unknown } | { success: false; issues: IssueLike[] };

/** The three generated functions of one type, with their agreement checked on every call. */
export interface TypeValidators {
  /** `isT(value)`, after checking that `validateT` and `assertT` agree with it. */
  accepts(value: unknown): boolean;
  /** `"<path> <code>"` for each issue `validateT` reports (empty when valid). */
  issues(value: unknown): string[];
  /** The issues in full. */
  fullIssues(value: unknown): IssueLike[];
  /** `validateT(value).data`, failing the test when it is invalid. */
  data(value: unknown): unknown;
}

/** Wraps a generated module's `isT`/`validateT`/`assertT`. */
export function validatorsOf(module: Record<string, unknown>, type: string): TypeValidators {
  const is = module[`is${type}`] as (value: unknown) => boolean;
  const validate = module[`validate${type}`] as (value: unknown) => ResultLike;
  const assert = module[`assert${type}`] as (value: unknown) => unknown;
  if (typeof is !== 'function' || typeof validate !== 'function' || typeof assert !== 'function') {
    throw new Error(`The module has no validators for ${type}`);
  }
  const run = (value: unknown): { valid: boolean; issues: IssueLike[]; data: unknown } => {
    const valid = is(value);
    const result = validate(value);
    if (result.success !== valid) throw new Error(`is${type} says ${valid} but validate${type} says ${result.success}`);
    if (!result.success && result.issues.length === 0) throw new Error(`validate${type} failed without issues`);
    let thrown: unknown;
    try {
      assert(value);
    } catch (error) {
      thrown = error;
    }
    if (valid && thrown) throw new Error(`assert${type} threw on a valid value: ${String(thrown)}`);
    if (!valid && !(thrown instanceof Error && thrown.name === 'ValidationError' && 'issues' in thrown)) {
      throw new Error(`assert${type} did not throw a ValidationError`);
    }
    return { valid, issues: result.success ? [] : result.issues, data: result.success ? result.data : undefined };
  };
  return {
    accepts: (value) => run(value).valid,
    issues: (value) => run(value).issues.map((issue) => `${issue.path} ${issue.code}`),
    fullIssues: (value) => run(value).issues,
    data(value) {
      const result = run(value);
      if (!result.valid) throw new Error(`Invalid: ${JSON.stringify(result.issues)}`);
      return result.data;
    },
  };
}

/** Materializes a fixture and imports one of its generated modules. */
export async function loadGenerated(name: string, file: string): Promise<Record<string, unknown>> {
  const folder = await materializeFixture(name);
  return importGenerated<Record<string, unknown>>(folder, file);
}
