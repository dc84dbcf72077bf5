/**
 * The watcher's `ready` covers every existing path it was given, even when another does not
 * exist yet (chokidar 4.0.3 alone says ready before listing the others then), and a watcher over
 * nothing that exists opens at once (chokidar alone never says ready then). A missing path is
 * watched for by chokidar through its parent, set up after `openWatcher` resolves: not tested here.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FSWatcher } from 'chokidar';
import { afterEach, describe, expect, it } from 'vitest';
import { openWatcher } from '../../../src/watch/watcher.js';
import { makeProject, removeProject } from '../../helpers/workspace.js';

let root: string | undefined;
let watcher: FSWatcher | undefined;

afterEach(async () => {
  await watcher?.close();
  if (root) removeProject(root);
  watcher = undefined;
  root = undefined;
});

const options = { ignored: () => false, poll: false };

describe('openWatcher', () => {
  it('is ready only once an existing folder is listed, when a missing templates folder comes with it', async () => {
    root = makeProject('watcher', { 'codegen.config.yaml': 'input: []\n', 'src/models/user.ts': 'export interface User {}\n' });
    watcher = await openWatcher([join(root, 'codegen.config.yaml'), join(root, 'src/models'), join(root, 'codegen/templates')], options);
    expect(watcher.getWatched()[join(root, 'src/models')]).toEqual(['user.ts']);
  });

  it('reports a change made right after it opens', async () => {
    root = makeProject('watcher', { 'src/models/user.ts': 'export interface User {}\n' });
    watcher = await openWatcher([join(root, 'src/models'), join(root, 'missing')], options);
    const changed = new Promise<string>((resolve) => watcher!.once('change', resolve));
    writeFileSync(join(root, 'src/models/user.ts'), 'export interface User { name: string }\n');
    expect(await changed).toBe(join(root, 'src/models/user.ts'));
  });

  it('opens over paths none of which exist (chokidar alone would never say ready)', async () => {
    root = makeProject('watcher', {});
    watcher = await openWatcher([join(root, 'codegen.config.yaml')], options);
    expect(watcher.closed).toBe(false);
  });
});
