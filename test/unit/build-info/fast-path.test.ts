/**
 * The no-op fast path (src/pipeline/build-info.ts): a run whose inputs, settings and outputs are
 * as the last successful run left them skips analysis, and any change to what that run read is
 * seen. Observed through `fastPathStats.skipped` (never through timing), on one project that is
 * changed step by step: each step changes one kind of input, then runs twice: the first run must
 * analyse (and record), the second must skip.
 */
import { appendFileSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, type RunOptions } from '../../../src/pipeline/run.js';
import { fastPathStats, skipIfUnchanged } from '../../../src/pipeline/build-info.js';
import { CODEGEN_VERSION } from '../../../src/pipeline/build-inputs.js';
import { openSession } from '../../../src/pipeline/session.js';
import { Timings } from '../../../src/pipeline/timings.js';
import { makeProject, removeProject } from '../../helpers/workspace.js';

const PLUGIN = `import { fileURLToPath } from 'node:url';

/** Lists the processed type names. */
export default {
  name: 'names',
  description: 'A constant listing the processed type names',
  templatesDir: fileURLToPath(new URL('./names-templates', import.meta.url)),
  plan(model) {
    const names = model.declarations.filter((d) => d.generators.includes('names')).map((d) => d.name);
    return [{ path: 'names.ts', template: 'names.hbs', data: { names }, source: 'codegen.config.yaml' }];
  },
};
`;

const FILES = {
  'package.json': JSON.stringify({ name: 'fast-path', private: true, type: 'module' }),
  'tsconfig.json': JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true } }),
  'codegen.config.yaml': 'input: ["src/models/**/*.ts"]\noutput: src/generated\ntsconfig: tsconfig.json\ngenerators:\n  validate: {}\n  names: {}\nplugins: [codegen/names.js]\n',
  'codegen/names.js': PLUGIN,
  'codegen/names-templates/names.hbs': 'export const NAMES = [{{#each names}}{{{json this}}}, {{/each}}] as const;\n',
  'src/models/user.ts': "import type { Email } from '../shared/email.js';\n\nexport interface User {\n  /** @minLength 1 */\n  name: string;\n  email: Email;\n}\n",
  'src/shared/email.ts': '/** @format email */\nexport type Email = string;\n',
};

let root: string;
const options = (extra: RunOptions = {}): RunOptions => ({ cwd: root, env: {}, ...extra });

/** Runs once; whether the run skipped analysis. */
async function skipped(extra: RunOptions = {}): Promise<boolean> {
  const before = fastPathStats.skipped;
  const result = await run(options(extra));
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return fastPathStats.skipped > before;
}

/** After a change: the next run analyses, the one after skips. */
async function expectSeen(): Promise<void> {
  expect(await skipped()).toBe(false);
  expect(await skipped()).toBe(true);
}

const path = (file: string) => join(root, file);
const edit = (file: string, from: string, to: string) => writeFileSync(path(file), readFileSync(path(file), 'utf8').replace(from, to));

describe('the no-op fast path', () => {
  beforeAll(() => {
    root = makeProject('fast-path', FILES);
  });
  afterAll(() => removeProject(root));

  it('skips analysis when nothing changed since a successful run', async () => {
    expect(await skipped()).toBe(false);
    expect(await skipped()).toBe(true);
  });

  it('reports what a full run reports: every output unchanged, the same model (analysed only when read)', async () => {
    const fast = (await run(options())).projects[0]!;
    const full = (await run(options({ mode: 'dry-run', force: true }))).projects[0]!;
    const actions = (project: typeof fast) => project.plan.entries.map((entry) => `${entry.action} ${entry.path}`);
    expect(actions(fast)).toEqual(actions(full));
    expect(actions(fast).every((line) => line.startsWith('unchanged '))).toBe(true);
    expect(fast.generators).toEqual(full.generators);
    expect(fast.model).toEqual(full.model);
  });

  it('still skips after a touch that keeps the content', async () => {
    const later = new Date(Date.now() + 5000);
    utimesSync(path('src/models/user.ts'), later, later);
    expect(await skipped()).toBe(true);
  });

  it('sees an edited input file', async () => {
    appendFileSync(path('src/models/user.ts'), '\nexport interface Tag {\n  label: string;\n}\n');
    await expectSeen();
  });

  it('sees an edited type in a file the inputs import (not an input itself)', async () => {
    edit('src/shared/email.ts', '@format email', '@format email @maxLength 200');
    await expectSeen();
  });

  it('sees an edited tsconfig', async () => {
    edit('tsconfig.json', '"strict":true', '"strict":true,"exactOptionalPropertyTypes":true');
    await expectSeen();
  });

  it('sees an edited config', async () => {
    edit('codegen.config.yaml', 'validate: {}', 'validate: { coerce: true }');
    await expectSeen();
  });

  it('sees an edited template', async () => {
    edit('codegen/names-templates/names.hbs', 'as const;', 'as const; // names');
    await expectSeen();
    expect(readFileSync(path('src/generated/names.ts'), 'utf8')).toContain('// names');
  });

  it('sees an edited plugin', async () => {
    edit('codegen/names.js', "path: 'names.ts'", "path: 'type-names.ts'");
    await expectSeen();
  });

  it('sees an output edited by hand (and the run reports it)', async () => {
    appendFileSync(path('src/generated/index.ts'), '// mine\n');
    const result = await run(options());
    expect(result.diagnostics.map((d) => d.code)).toContain('CG4001');
    await run(options({ force: true }));
    expect(await skipped()).toBe(true);
  });

  it('is bypassed by --force, and never used by check (which trusts no cache)', async () => {
    expect(await skipped({ force: true })).toBe(false);
    expect(await skipped({ mode: 'check' })).toBe(false);
    expect(await skipped({ mode: 'dry-run' })).toBe(true);
  });

  it('sees another codegen version', async () => {
    const diagnostics: never[] = [];
    const session = (await openSession({ cwd: root, env: {} }, new Timings(), diagnostics))!;
    const context = { session, options: options(), cwd: root };
    expect(await skipIfUnchanged({ ...context, version: CODEGEN_VERSION })).toBeDefined();
    expect(await skipIfUnchanged({ ...context, version: `${CODEGEN_VERSION}-next` })).toBeUndefined();
  });
});
