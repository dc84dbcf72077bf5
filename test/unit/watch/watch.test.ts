/**
 * Watch mode through its API, on a real watcher over a temp copy of test/fixtures/watch/project:
 * every test makes a change on disk and awaits the build it causes (never a sleep). Each test
 * asks for the next build before making the change, so the build cannot be missed.
 */
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startWatch, type WatchEvent, type WatchHandle } from '../../../src/watch/index.js';
import { REPO_ROOT } from '../../helpers/paths.js';
import { copyProject, removeProject, writeFile } from '../../helpers/workspace.js';

const FIXTURE = join(REPO_ROOT, 'test', 'fixtures', 'watch', 'project');
const GENERATED = 'src/generated';

let root: string;
let watching: WatchHandle;
let events: WatchEvent[];

beforeEach(async () => {
  root = copyProject(FIXTURE, 'watch');
  mkdirSync(join(root, 'codegen', 'templates'), { recursive: true });
  events = [];
  watching = startWatch({ cwd: root, env: {}, onEvent: (event) => events.push(event) });
  const first = await watching.ready;
  expect(first.result.diagnostics).toEqual([]);
  expect(first.result.exitCode).toBe(0);
});

afterEach(async () => {
  await watching.close();
  removeProject(root);
});

const output = (path: string) => join(root, GENERATED, path);
const read = (path: string) => readFileSync(output(path), 'utf8');
const written = (build: Awaited<ReturnType<WatchHandle['nextBuild']>>) => build.result.projects.flatMap((project) => project.written).sort();
const deleted = (build: Awaited<ReturnType<WatchHandle['nextBuild']>>) => build.result.projects.flatMap((project) => project.deleted).sort();

describe('watch mode', () => {
  it('writes the first build in full, then rebuilds an edited model and rewrites only the outputs it changes', async () => {
    expect(existsSync(output('user.validate.ts'))).toBe(true);
    const next = watching.nextBuild();
    writeFile(root, 'src/models/user.ts', `${readFileSync(join(root, 'src/models/user.ts'), 'utf8')}\nexport interface Team {\n  /** @minLength 2 */\n  name: string;\n}\n`);
    const build = await next;
    expect(build.changed).toEqual(['src/models/user.ts']);
    expect(build.result.exitCode).toBe(0);
    expect(written(build)).toEqual(['user.validate.ts']);
    expect(read('user.validate.ts')).toContain('export function isTeam');
    // The untouched model's output was neither rendered nor formatted again.
    expect(build.result.reuse?.reusedRenders).toBeGreaterThan(0);
  });

  it('writes the format cache after a build is out, with the texts the build formatted, and before close returns', async () => {
    const next = watching.nextBuild();
    writeFile(root, 'src/models/user.ts', `${readFileSync(join(root, 'src/models/user.ts'), 'utf8')}\nexport interface Crew {\n  size: number;\n}\n`);
    expect((await next).result.exitCode).toBe(0);
    await watching.close();
    const cache = readFileSync(join(root, 'node_modules', '.cache', 'codegen', 'format-cache.json'), 'utf8');
    expect(cache).toContain('export function isCrew');
  });

  it('creates the outputs of an added model, deletes those of a deleted one, and moves those of a renamed one', async () => {
    let next = watching.nextBuild();
    writeFile(root, 'src/models/book.ts', 'export interface Book {\n  /** @minLength 1 */\n  title: string;\n}\n');
    let build = await next;
    expect(build.result.exitCode).toBe(0);
    expect(written(build)).toContain('book.validate.ts');

    next = watching.nextBuild();
    rmSync(join(root, 'src/models/tag.ts'));
    build = await next;
    expect(build.result.exitCode).toBe(0);
    expect(deleted(build)).toEqual(['tag.validate.ts']);
    expect(existsSync(output('tag.validate.ts'))).toBe(false);

    next = watching.nextBuild();
    renameSync(join(root, 'src/models/book.ts'), join(root, 'src/models/novel.ts'));
    build = await settled(next, () => existsSync(output('novel.validate.ts')) && !existsSync(output('book.validate.ts')));
    expect(build.result.exitCode).toBe(0);
    expect(existsSync(output('book.validate.ts'))).toBe(false);
    expect(read('novel.validate.ts')).toContain('export function isBook');
  });

  it('goes on watching the input folder once it is deleted and made again (a branch switch, a script that rebuilds it)', async () => {
    const models = join(root, 'src/models');
    const saved = { tag: readFileSync(join(models, 'tag.ts'), 'utf8'), user: readFileSync(join(models, 'user.ts'), 'utf8') };
    let next = watching.nextBuild();
    rmSync(models, { recursive: true });
    expect((await next).result.diagnostics.map((d) => d.code)).toContain('CG1006');

    next = watching.nextBuild();
    mkdirSync(models);
    writeFile(root, 'src/models/tag.ts', saved.tag);
    writeFile(root, 'src/models/user.ts', saved.user);
    // The builds that saw the folder go may come after its return; one then finds the files again.
    let back = await next;
    while (back.result.exitCode !== 0) back = await watching.nextBuild();
    expect(back.result.diagnostics).toEqual([]);

    // Edits after its return build as before.
    next = watching.nextBuild();
    writeFile(root, 'src/models/user.ts', 'export interface User {\n  /** @minLength 7 */\n  name: string;\n}\n');
    const edited = await settled(next, () => read('user.validate.ts').includes('>= 7'));
    expect(edited.result.exitCode).toBe(0);
  });

  it('reports a syntax error, keeps the last good output, and builds again once the error is fixed', async () => {
    const before = read('user.validate.ts');
    let next = watching.nextBuild();
    writeFile(root, 'src/models/user.ts', 'export interface User {\n  name: string\n');
    let build = await next;
    expect(build.result.exitCode).toBe(2);
    expect(build.result.diagnostics.map((d) => d.code)).toContain('CG2001');
    expect(read('user.validate.ts')).toBe(before);

    next = watching.nextBuild();
    writeFile(root, 'src/models/user.ts', 'export interface User {\n  /** @minLength 3 */\n  name: string;\n}\n');
    build = await next;
    expect(build.result.exitCode).toBe(0);
    expect(read('user.validate.ts')).not.toBe(before);
    expect(read('user.validate.ts')).toContain('export function isUser');
  });

  it('reloads a changed config, and keeps running the old one when the new one is bad', async () => {
    const config = readFileSync(join(root, 'codegen.config.yaml'), 'utf8');
    let next = watching.nextBuild();
    writeFile(root, 'codegen.config.yaml', `${config}  mock: {}\n`);
    let build = await next;
    expect(build.result.exitCode).toBe(0);
    expect(written(build)).toContain('user.mock.ts');

    next = watching.nextBuild();
    writeFile(root, 'codegen.config.yaml', `${config}  mokc: {}\n`);
    build = await next;
    expect(build.result.exitCode).toBe(2);
    expect(build.result.diagnostics.map((d) => d.code)).toContain('CG1002');

    // The bad config is not used: an edited model builds with the last good one (mock included).
    next = watching.nextBuild();
    writeFile(root, 'src/models/tag.ts', 'export interface Tag {\n  /** @maxLength 9 */\n  label: string;\n}\n');
    build = await next;
    expect(build.changed).toEqual(['src/models/tag.ts']);
    expect(build.result.exitCode).toBe(0);
    expect(written(build)).toEqual(expect.arrayContaining(['tag.mock.ts', 'tag.validate.ts']));
    expect(written(build)).not.toContain('user.mock.ts');
  });

  it('builds nothing for a save that does not change the file', async () => {
    const user = join(root, 'src/models/user.ts');
    writeFile(root, 'src/models/user.ts', readFileSync(user, 'utf8'));
    await until(() => events.some((event) => event.file === 'src/models/user.ts' && event.ignored === 'same content'));
    const next = watching.nextBuild();
    writeFile(root, 'src/models/tag.ts', 'export interface Tag {\n  label: string;\n}\n');
    const build = await next;
    // The first build after the identical save is the one the real change caused, and names only it.
    expect(build.number).toBe(2);
    expect(build.changed).toEqual(['src/models/tag.ts']);
  });

  it('builds the rest of a save written right after the watcher reported its start (chokidar drops the events of the next 50 ms)', async () => {
    const user = join(root, 'src/models/user.ts');
    const before = readFileSync(user, 'utf8');
    const next = watching.nextBuild();
    // The first part leaves the bytes as they were: its event builds nothing.
    const file = openSync(user, 'w');
    try {
      writeSync(file, before);
      await until(() => events.some((event) => event.file === 'src/models/user.ts' && event.ignored === 'same content'));
      writeSync(file, '\nexport interface Team {\n  name: string;\n}\n');
    } finally {
      closeSync(file);
    }
    const build = await settled(next, () => read('user.validate.ts').includes('export function isTeam'));
    expect(build.result.exitCode).toBe(0);
  });

  it('never reports or writes a build that read a save half-written: the rest, whose event chokidar dropped, is built instead', async () => {
    // No quiet period: the build starts at once and reads the first part of the save.
    await watching.close();
    const reported: { exitCode: number; text: string }[] = [];
    const numbers: number[] = [];
    watching = startWatch({
      cwd: root,
      env: {},
      debounceMs: 0,
      onBuild: (build) => {
        numbers.push(build.number);
        reported.push({ exitCode: build.result.exitCode, text: read('user.validate.ts') });
      },
    });
    await watching.ready;
    reported.length = 0;
    const user = join(root, 'src/models/user.ts');
    const before = readFileSync(user, 'utf8');
    const next = watching.nextBuild();
    const file = openSync(user, 'a');
    try {
      // The first part does not parse: a build of it alone fails with CG2001.
      writeSync(file, '\nexport interface Team {\n');
      // The rest within chokidar's 50 ms (its event dropped), once the build has read the first part.
      await new Promise((resolve) => setTimeout(resolve, 30));
      writeSync(file, '  name: string;\n}\n');
    } finally {
      closeSync(file);
    }
    const build = await next;
    expect(build.result.exitCode).toBe(0);
    expect(readFileSync(user, 'utf8')).toBe(`${before}\nexport interface Team {\n  name: string;\n}\n`);
    expect(read('user.validate.ts')).toContain('export function isTeam');
    // The only build reported is the one of the whole save: none failed, none wrote without Team.
    expect(reported).toEqual([{ exitCode: 0, text: read('user.validate.ts') }]);
    // The superseded build is not counted either: --json's build numbers run 1, 2 (they skipped to 3).
    expect(numbers).toEqual([1, 2]);
  });

  it('builds again when a file an input imports from outside the input folder changes, as tsc --watch does', async () => {
    writeFile(root, 'src/lib/code.ts', '/** @pattern ^[a-z]{2}$ */\nexport type Code = string;\n');
    let next = watching.nextBuild();
    writeFile(root, 'src/models/tag.ts', "import type { Code } from '../lib/code.js';\n\nexport interface Tag {\n  label: Code;\n}\n");
    await settled(next, () => read('tag.validate.ts').includes('^[a-z]{2}$'));
    next = watching.nextBuild();
    writeFile(root, 'src/lib/code.ts', '/** @pattern ^[0-9]{4}$ */\nexport type Code = string;\n');
    const build = await next;
    expect(build.changed).toEqual(['src/lib/code.ts']);
    expect(build.result.exitCode).toBe(0);
    expect(read('tag.validate.ts')).toContain('^[0-9]{4}$');
    // A later build of an input reads the imported file as it is now, not as the first build read it.
    next = watching.nextBuild();
    writeFile(root, 'src/models/user.ts', `${readFileSync(join(root, 'src/models/user.ts'), 'utf8')}\nexport interface Crew {\n  size: number;\n}\n`);
    expect((await next).result.exitCode).toBe(0);
    expect(read('tag.validate.ts')).toContain('^[0-9]{4}$');
  });

  it('reports a syntax error in an imported file outside the inputs, keeps the last good output, and clears it once fixed or no longer imported', async () => {
    writeFile(root, 'src/lib/money.ts', 'export interface Money {\n  /** @minimum 0 */\n  cents: number;\n}\n');
    let next = watching.nextBuild();
    writeFile(root, 'src/models/tag.ts', "import type { Money } from '../lib/money.js';\n\nexport interface Tag {\n  price: Money;\n}\n");
    await settled(next, () => read('tag.validate.ts').includes('price'));
    const money = () => readdirSync(output(''), { recursive: true, encoding: 'utf8' }).filter((path) => path.endsWith('.validate.ts')).map((path) => read(path)).find((text) => text.includes('function isMoney')) ?? '';
    const good = money();
    expect(good).toContain('cents');

    // TypeScript's error-recovered parse still reads a Money with amount and cents: nothing of it is written.
    next = watching.nextBuild();
    writeFile(root, 'src/lib/money.ts', 'export interface Money { amount: number;\n  /** @minimum 0 */ cents: number\nexport interface Unused { x: string }\n');
    let build = await next;
    expect(build.changed).toEqual(['src/lib/money.ts']);
    expect(build.result.exitCode).toBe(2);
    expect(build.result.diagnostics.map((d) => [d.code, d.file, d.line, d.column])).toEqual([['CG2001', 'src/lib/money.ts', 3, 1]]);
    expect(money()).toBe(good);

    next = watching.nextBuild();
    writeFile(root, 'src/lib/money.ts', 'export interface Money {\n  amount: number;\n  /** @minimum 0 */\n  cents: number;\n}\n');
    build = await next;
    expect(build.result.exitCode).toBe(0);
    expect(money()).toContain('amount');

    // Broken again, then no input imports it: the warm project still holds the file, but its errors are not the inputs'.
    next = watching.nextBuild();
    writeFile(root, 'src/lib/money.ts', 'export interface Money {\n');
    expect((await next).result.exitCode).toBe(2);
    next = watching.nextBuild();
    writeFile(root, 'src/models/tag.ts', 'export interface Tag {\n  price: number;\n}\n');
    build = await next;
    expect(build.result.diagnostics).toEqual([]);
    expect(build.result.exitCode).toBe(0);
  });

  it('reads an imported file outside the inputs again once it is restored after a delete (a branch switch and back)', async () => {
    writeFile(root, 'src/lib/code.ts', "export type { Code } from './deeper.js';\n");
    writeFile(root, 'src/lib/deeper.ts', '/** @pattern ^[a-z]{2}$ */\nexport type Code = string;\n');
    let next = watching.nextBuild();
    writeFile(root, 'src/models/tag.ts', "import type { Code } from '../lib/code.js';\n\nexport interface Tag {\n  label: Code;\n}\n");
    await settled(next, () => read('tag.validate.ts').includes('^[a-z]{2}$'));
    const deeper = join(root, 'src/lib/deeper.ts');
    next = watching.nextBuild();
    renameSync(deeper, `${deeper}.away`);
    expect((await next).result.exitCode).toBe(2);
    next = watching.nextBuild();
    writeFile(root, 'src/lib/deeper.ts', '/** @pattern ^[0-9]{4}$ */\nexport type Code = string;\n');
    const restored = await settled(next, () => read('tag.validate.ts').includes('^[0-9]{4}$'));
    expect(restored.result.exitCode).toBe(0);
    rmSync(`${deeper}.away`);
  });

  it('re-reads a workspace package linked into node_modules when its source changes', async () => {
    writeFile(root, 'packages/money/package.json', JSON.stringify({ name: '@acme/money', type: 'module', exports: './src/index.ts' }));
    writeFile(root, 'packages/money/src/index.ts', 'export interface Money {\n  /** @minimum 0 */\n  cents: number;\n}\n');
    mkdirSync(join(root, 'node_modules', '@acme'), { recursive: true });
    symlinkSync(join(root, 'packages', 'money'), join(root, 'node_modules', '@acme', 'money'), 'dir');
    let next = watching.nextBuild();
    writeFile(root, 'src/models/tag.ts', "import type { Money } from '@acme/money';\n\nexport interface Tag {\n  price: Money;\n}\n");
    const outputs = () => readdirSync(output(''), { recursive: true, encoding: 'utf8' }).filter((path) => path.endsWith('.validate.ts'));
    const money = () => outputs().map((path) => read(path)).find((text) => text.includes('function isMoney')) ?? '';
    await settled(next, () => money().includes('>= 0'));
    next = watching.nextBuild();
    writeFile(root, 'packages/money/src/index.ts', 'export interface Money {\n  /** @minimum 5 */\n  cents: number;\n}\n');
    const build = await next;
    expect(build.result.exitCode).toBe(0);
    expect(money()).toContain('>= 5');
  });

  it('renders again with a changed template', async () => {
    const next = watching.nextBuild();
    const template = readFileSync(join(REPO_ROOT, 'templates', 'validate', 'file.hbs'), 'utf8');
    writeFile(root, 'codegen/templates/validate/file.hbs', `// Customised in this project.\n${template}`);
    const build = await next;
    expect(build.result.exitCode).toBe(0);
    expect(written(build)).toEqual(['tag.validate.ts', 'user.validate.ts']);
    expect(read('user.validate.ts')).toContain('// Customised in this project.');
  });

  it('says when a template is renamed to a name no template has: the build goes back to the built-in one, with CG3008', async () => {
    const template = readFileSync(join(REPO_ROOT, 'templates', 'validate', 'file.hbs'), 'utf8');
    let next = watching.nextBuild();
    writeFile(root, 'codegen/templates/validate/file.hbs', `// Customised in this project.\n${template}`);
    expect((await next).result.diagnostics).toEqual([]);

    next = watching.nextBuild();
    renameSync(join(root, 'codegen/templates/validate/file.hbs'), join(root, 'codegen/templates/validate/fiel.hbs'));
    const build = await settled(next, () => !read('user.validate.ts').includes('// Customised in this project.'));
    expect(build.result.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([
      'CG3008 The template "codegen/templates/validate/fiel.hbs" has the name of no template of "validate", so it is never used.',
    ]);
  });
});

/** The build after which `done()` holds: a rename may arrive as two batches (unlink, then add). */
async function settled(next: ReturnType<WatchHandle['nextBuild']>, done: () => boolean) {
  let build = await next;
  while (!done()) build = await watching.nextBuild();
  return build;
}

/** Resolves once `condition` holds, checking on each event-loop turn (no time threshold: the test's timeout bounds it). */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
}
