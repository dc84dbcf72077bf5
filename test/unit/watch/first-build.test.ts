/**
 * Watching starts before the first build: a model saved while that build runs (here: as soon as
 * it starts formatting, long after it read the models) makes one more build once it ends.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startWatch, type WatchHandle } from '../../../src/watch/index.js';
import { REPO_ROOT } from '../../helpers/paths.js';
import { copyProject, removeProject, writeFile } from '../../helpers/workspace.js';

const FIXTURE = join(REPO_ROOT, 'test', 'fixtures', 'watch', 'project');
let root: string | undefined;
let watching: WatchHandle | undefined;

afterEach(async () => {
  await watching?.close();
  if (root) removeProject(root);
  watching = undefined;
  root = undefined;
});

describe('watch mode, the first build', () => {
  it('builds again for a file saved while the first build runs', async () => {
    root = copyProject(FIXTURE, 'watch-first');
    const project = root;
    let edited = false;
    const builds: number[] = [];
    watching = startWatch({
      cwd: project,
      env: {},
      onProgress: (progress) => {
        if (edited || progress.phase !== 'format') return;
        edited = true;
        writeFile(project, 'src/models/tag.ts', 'export interface Tag {\n  /** @minLength 7 */\n  label: string;\n}\n');
      },
      onBuild: (build) => builds.push(build.number),
    });
    const first = await watching.ready;
    // Asked for once the first is done (it would be the first otherwise); the save's build follows after the quiet period.
    const second = watching.nextBuild();
    expect(edited).toBe(true);
    expect(first.result.exitCode).toBe(0);
    // The first build had read the old model: its output does not have the new bound.
    const build = await second;
    expect(build.number).toBe(2);
    expect(build.changed).toEqual(['src/models/tag.ts']);
    expect(build.result.projects.flatMap((each) => each.written)).toEqual(['tag.validate.ts']);
    expect(readFileSync(join(project, 'src/generated/tag.validate.ts'), 'utf8')).toContain('7');
    expect(builds).toEqual([1, 2]);
  });
});
