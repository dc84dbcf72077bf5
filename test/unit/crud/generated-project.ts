/**
 * A crud fixture project, generated for real: the fixture folder (models, config) is copied
 * under test/.tmp, `generate` runs the whole pipeline (validate, sql and crud planned in
 * dependency order, rendered, written), and the tests import what it wrote. Unformatted: the
 * tests run and type-check the files, and Prettier was a fifth of the library test's CPU.
 */
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generate } from '../../../src/index.js';
import type { Dialect } from '../../../templates/crud/db.js';
import { REPO_ROOT, TMP_ROOT } from '../../helpers/paths.js';

export const CRUD_FIXTURES = resolve('test/fixtures/crud');

/**
 * The time a whole generated project's `tsc --strict` may take: about 12 s of wall time for the
 * library fixture alone, but 36 s for engine-values with the machine at a load of 23 (s9), too
 * near vitest's 60 s default for a check whose only cost is the compiler's.
 */
export const PROJECT_COMPILE_TIMEOUT = 180_000;

export interface GeneratedProject {
  root: string;
  /** Imports a generated module by its path in the output folder (`repositories.ts`). */
  load<T>(file: string): Promise<T>;
  /** The generated schema of `dialect`. */
  schema(dialect: Dialect): string;
}

/**
 * Copies fixture `name` and generates it; throws with the diagnostics when the run fails.
 * `config` lines (YAML, top level) are added to the fixture's codegen.config.yaml, and `rewrite`
 * may change its text (`crud: {}` → `crud: { validateInputs: false }`).
 */
export async function generateProject(name: string, config = '', rewrite?: (config: string) => string): Promise<GeneratedProject> {
  mkdirSync(TMP_ROOT, { recursive: true });
  const root = mkdtempSync(join(TMP_ROOT, `crud-${name}-`));
  cpSync(join(CRUD_FIXTURES, name), root, { recursive: true });
  const configFile = join(root, 'codegen.config.yaml');
  if (config !== '') appendFileSync(configFile, `\n${config}\n`);
  if (rewrite) writeFileSync(configFile, rewrite(readFileSync(configFile, 'utf8')));
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
  const result = await generate({ cwd: root, format: false });
  if (result.exitCode !== 0) {
    throw new Error(`generate failed:\n${result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code} ${d.message}`).join('\n')}`);
  }
  const output = join(root, 'generated');
  return {
    root,
    load: <T>(file: string) => import(join(output, file)) as Promise<T>,
    schema: (dialect) => readFileSync(join(output, `schema.${dialect}.sql`), 'utf8'),
  };
}
