/**
 * Whatever watch mode reuses between builds (the warm program, rendered and formatted texts),
 * after a sequence of edits its outputs are byte for byte those of a cold `generate` of the same
 * sources in a fresh folder: validate, mock and openapi (one document over every model).
 */
import { cpSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../../src/pipeline/run.js';
import { REPO_ROOT } from '../../helpers/paths.js';
import { copyProject, readTree, writeFile } from '../../helpers/workspace.js';
import { useWatchSessions } from '../../helpers/watch-sessions.js';

const FIXTURE = join(REPO_ROOT, 'test', 'fixtures', 'watch', 'project');
const CONFIG = 'input: ["src/models/**/*.ts"]\noutput: src/generated\ngenerators:\n  validate: {}\n  mock: {}\n  openapi: {}\n';
const sessions = useWatchSessions();

/** A copy of the watch fixture generating validate, mock and openapi. */
function project(name: string): string {
  const root = copyProject(FIXTURE, name);
  sessions.track(root);
  writeFile(root, 'codegen.config.yaml', CONFIG);
  return root;
}

describe('watch mode against a cold run', () => {
  it('leaves the outputs a cold generate of the same sources writes, after edits, an add, a rename and a delete', async () => {
    const root = project('watch-cold');
    const watching = sessions.start({ cwd: root, env: {} });
    expect((await watching.ready).result.exitCode).toBe(0);
    const edits: (() => void)[] = [
      () => writeFile(root, 'src/models/tag.ts', 'export interface Tag {\n  /** @minLength 2 */\n  label: string;\n  color?: string;\n}\n'),
      () => writeFile(root, 'src/models/book.ts', "import type { Tag } from './tag.js';\n\nexport interface Book {\n  /** @minLength 1 */\n  title: string;\n  tags: Tag[];\n}\n"),
      () => writeFile(root, 'src/models/user.ts', readFileSync(join(root, 'src/models/user.ts'), 'utf8').replace("role: 'admin' | 'member';", "role: 'admin' | 'member' | 'guest';")),
      () => writeFile(root, 'src/models/tag.ts', 'export interface Tag {\n  /** @maxLength 9 */\n  label: string;\n}\n'),
      () => renameSync(join(root, 'src/models/user.ts'), join(root, 'src/models/person.ts')),
    ];
    for (const edit of edits) {
      const next = watching.nextBuild();
      edit();
      expect((await next).result.exitCode).toBe(0);
    }
    // A rename is two events that may land in two builds: wait until the old outputs are gone.
    while (readTree(join(root, 'src/generated'))['user.validate.ts'] !== undefined) await watching.nextBuild();
    await watching.close();

    const cold = project('watch-cold-fresh');
    rmSync(join(cold, 'src/models'), { recursive: true });
    cpSync(join(root, 'src/models'), join(cold, 'src/models'), { recursive: true });
    expect((await run({ cwd: cold, env: {} })).exitCode).toBe(0);
    const watched = readTree(join(root, 'src/generated'));
    expect(Object.keys(watched)).toContain('person.validate.ts');
    expect(watched['openapi.json']).toContain('"Book"');
    expect(watched).toEqual(readTree(join(cold, 'src/generated')));
    // Generous: six builds and a cold run on a loaded machine; nothing here waits on a time.
  }, 240_000);
});
