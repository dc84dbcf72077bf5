/**
 * `check` and `generate --dry-run` promise to write nothing: not an output, not a folder, and not
 * the format cache under node_modules/.cache/codegen. Every file and folder of the project is
 * compared before and after, by name, size, content and mtime.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCliInProcess } from '../helpers/cli.js';
import { REPO_ROOT } from '../helpers/paths.js';
import { copyProject, removeProject, writeFile } from '../helpers/workspace.js';

const FIXTURE = join(REPO_ROOT, 'test', 'fixtures', 'line-endings', 'project');
const created: string[] = [];
afterAll(() => created.forEach(removeProject));

/** Every file and folder below `root`: kind, size, mtime and (for files) a hash of the bytes. */
function snapshot(root: string): Record<string, string> {
  const tree: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const stat = statSync(path);
      const hash = stat.isDirectory() ? 'dir' : createHash('sha256').update(readFileSync(path)).digest('hex');
      tree[relative(root, path)] = `${hash} ${stat.size} ${stat.mtimeMs}`;
      if (stat.isDirectory()) walk(path);
    }
  };
  walk(root);
  return tree;
}

const CACHE = join('node_modules', '.cache', 'codegen', 'format-cache.json');

describe('check and --dry-run write nothing at all', { timeout: 180_000 }, () => {
  it.concurrent.each([[['check']], [['generate', '--dry-run']]])('%j, before the first generate and after a source changed', async (args) => {
    const root = copyProject(FIXTURE, 'writes-nothing');
    created.push(root);
    // Nothing generated yet: every output would be formatted and cached, and its folder made.
    const fresh = snapshot(root);
    expect((await runCliInProcess(args, root)).exitCode).toBe(args[0] === 'check' ? 1 : 0);
    expect(snapshot(root)).toEqual(fresh);

    expect((await runCliInProcess(['generate'], root)).exitCode).toBe(0);
    expect(snapshot(root)).toHaveProperty([CACHE]);
    writeFile(root, 'src/models/user.ts', `${readFileSync(join(root, 'src/models/user.ts'), 'utf8')}\nexport interface Team {\n  name: string;\n}\n`);
    // A changed source: new texts to format, which a writing run would add to the cache.
    const generated = snapshot(root);
    expect((await runCliInProcess(args, root)).exitCode).toBe(args[0] === 'check' ? 1 : 0);
    expect(snapshot(root)).toEqual(generated);
  });
});
