/**
 * Watch mode started while something the config names does not exist yet (a templates folder, the
 * input folder, a plugin, the config itself): the first build fails, watching goes on, and making
 * what was missing builds. On a real watcher over a temp copy of test/fixtures/watch/project; each
 * test asks for the next build before making the change, and a build that never comes fails the
 * test after a bound naming what it waited for (rather than at the test's timeout).
 */
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startWatch, type WatchBuild, type WatchHandle } from '../../../src/watch/index.js';
import { REPO_ROOT } from '../../helpers/paths.js';
import { copyProject, removeProject, writeFile } from '../../helpers/workspace.js';

const FIXTURE = join(REPO_ROOT, 'test', 'fixtures', 'watch', 'project');
const CONFIG = readFileSync(join(FIXTURE, 'codegen.config.yaml'), 'utf8');
const USER = readFileSync(join(FIXTURE, 'src/models/user.ts'), 'utf8');
/** A build that a change made: generous, a cold analysis on a loaded machine (none of it waits on a time). */
const BUILD_BOUND_MS = 40_000;

let root: string;
let watching: WatchHandle | undefined;

afterEach(async () => {
  await watching?.close();
  watching = undefined;
  removeProject(root);
});

/** Starts watching the project as `prepare` left it; the first build's diagnostic codes. */
async function start(prepare: () => void): Promise<string[]> {
  root = copyProject(FIXTURE, 'watch-missing');
  prepare();
  watching = startWatch({ cwd: root, env: {} });
  const first = await watching.ready;
  expect(first.result.exitCode).toBe(2);
  return first.result.diagnostics.map((d) => d.code);
}

/** The first build after `change()` for which `done` holds (a change may come as several batches of events). */
async function buildAfter(what: string, change: () => void, done: (build: WatchBuild) => boolean = (build) => build.result.exitCode === 0): Promise<WatchBuild> {
  let next = watching!.nextBuild();
  change();
  for (;;) {
    const build = await bounded(what, next);
    if (done(build)) return build;
    next = watching!.nextBuild();
  }
}

function bounded<T>(what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no build after ${what}`)), BUILD_BOUND_MS)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

const output = (path: string) => join(root, 'src/generated', path);
const customised = (text: string) => `// Customised in this project.\n${text}`;
const VALIDATE_FILE = readFileSync(join(REPO_ROOT, 'templates', 'validate', 'file.hbs'), 'utf8');

describe('watch mode with a path the config names missing at start', () => {
  it('builds once the missing templates folder (and its parent) is made, then watches it', async () => {
    expect(await start(() => rmSync(join(root, 'codegen'), { recursive: true }))).toContain('CG1014');
    // An empty templates folder is enough: the build uses the built-in templates.
    const made = await buildAfter('making codegen/templates', () => mkdirSync(join(root, 'codegen/templates'), { recursive: true }));
    expect(made.result.diagnostics).toEqual([]);
    expect(existsSync(output('user.validate.ts'))).toBe(true);
    // The folder now belongs to the loaded session: a template put in it renders.
    await buildAfter('a template added', () => writeFile(root, 'codegen/templates/validate/file.hbs', customised(VALIDATE_FILE)), () => readFileSync(output('user.validate.ts'), 'utf8').includes('// Customised'));
  });

  it('builds once the missing input folder (and its parent) is made with a model', async () => {
    expect(await start(() => rmSync(join(root, 'src'), { recursive: true }))).toContain('CG1006');
    const made = await buildAfter('writing src/models/user.ts', () => writeFile(root, 'src/models/user.ts', USER));
    expect(made.result.diagnostics).toEqual([]);
    expect(readFileSync(output('user.validate.ts'), 'utf8')).toContain('export function isUser');
    // Later edits build as usual.
    await buildAfter('an edit of the model', () => writeFile(root, 'src/models/user.ts', 'export interface User {\n  /** @minLength 7 */\n  name: string;\n}\n'), () => readFileSync(output('user.validate.ts'), 'utf8').includes('>= 7'));
  });

  it('builds once a missing plugin is written, file by file', async () => {
    const codes = await start(() => writeFile(root, 'codegen.config.yaml', `${CONFIG}  dict: {}\nplugins: [codegen/generators/dict]\n`));
    expect(codes).toContain('CG3005');
    const made = await buildAfter('writing the plugin', () => {
      writeFile(root, 'codegen/generators/dict/type.hbs', '# {{item.name}}\n');
      writeFile(root, 'codegen/generators/dict/codegen.generator.yaml', 'name: dict\ndescription: A page per type\nfor: declarations\noutput: docs/{name}.md\ntemplate: type.hbs\n');
    });
    expect(made.result.diagnostics).toEqual([]);
    expect(made.result.projects.flatMap((project) => project.written)).toContain('docs/user.md');
  });

  it('builds once a config that does not load is fixed, and then once the templates folder the fixed one names is made', async () => {
    expect(await start(() => writeFile(root, 'codegen.config.yaml', `${CONFIG}bogus: 1\n`))).toContain('CG1003');
    rmSync(join(root, 'codegen'), { recursive: true });
    const fixed = await buildAfter('fixing the config', () => writeFile(root, 'codegen.config.yaml', CONFIG), () => true);
    expect(fixed.result.diagnostics.map((d) => d.code)).toEqual(['CG1014']);
    const made = await buildAfter('making codegen/templates', () => mkdirSync(join(root, 'codegen/templates'), { recursive: true }));
    expect(made.result.diagnostics).toEqual([]);
  });

  it('builds once a config file is made where there was none', async () => {
    expect(await start(() => rmSync(join(root, 'codegen.config.yaml')))).toContain('CG1005');
    const made = await buildAfter('writing codegen.config.yaml', () => writeFile(root, 'codegen.config.yaml', CONFIG));
    expect(made.result.diagnostics).toEqual([]);
    expect(existsSync(output('user.validate.ts'))).toBe(true);
  });
});

describe('watch mode when a reloaded config names a missing folder', () => {
  it('keeps the old config running, and loads the new one once its templates folder is made', async () => {
    root = copyProject(FIXTURE, 'watch-missing');
    watching = startWatch({ cwd: root, env: {} });
    expect((await watching.ready).result.exitCode).toBe(0);
    const renamed = await buildAfter('pointing templates at a missing folder', () => writeFile(root, 'codegen.config.yaml', CONFIG.replace('codegen/templates', 'codegen/custom')), () => true);
    expect(renamed.result.diagnostics.map((d) => d.code)).toEqual(['CG1014']);
    // Made with a template in it: the new config loads and the template renders.
    await buildAfter('making codegen/custom', () => writeFile(root, 'codegen/custom/validate/file.hbs', customised(VALIDATE_FILE)), () => readFileSync(output('user.validate.ts'), 'utf8').includes('// Customised'));
  });

  it('sees the input folder go with its parent (chokidar reports nothing then), and builds once it is back', async () => {
    root = copyProject(FIXTURE, 'watch-missing');
    watching = startWatch({ cwd: root, env: {} });
    expect((await watching.ready).result.exitCode).toBe(0);
    const gone = await buildAfter('deleting src', () => rmSync(join(root, 'src'), { recursive: true }), () => true);
    expect(gone.result.diagnostics.map((d) => d.code)).toEqual(['CG1006']);
    const back = await buildAfter('writing src/models/user.ts again', () => writeFile(root, 'src/models/user.ts', USER));
    expect(back.result.diagnostics).toEqual([]);
    expect(readFileSync(output('user.validate.ts'), 'utf8')).toContain('export function isUser');
  });

  it('reports the templates folder deleted while watching (CG1014), and builds with it once it is back', async () => {
    root = copyProject(FIXTURE, 'watch-missing');
    rmSync(join(root, 'codegen/templates/README.md'));
    watching = startWatch({ cwd: root, env: {} });
    expect((await watching.ready).result.exitCode).toBe(0);
    const gone = await buildAfter('deleting codegen/templates', () => rmSync(join(root, 'codegen/templates'), { recursive: true }), () => true);
    expect(gone.result.diagnostics.map((d) => d.code)).toEqual(['CG1014']);
    await buildAfter('making codegen/templates again', () => writeFile(root, 'codegen/templates/validate/file.hbs', customised(VALIDATE_FILE)), () => readFileSync(output('user.validate.ts'), 'utf8').includes('// Customised'));
  });
});
