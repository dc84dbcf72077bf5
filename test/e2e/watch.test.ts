/**
 * The real `codegen generate --watch --json` process: one NDJSON line per build, a rebuild on an
 * edit, and Ctrl-C (SIGINT) ends it with exit code 130 and no journal or temp file left behind.
 * Everything else about watch mode is tested through its API (test/unit/watch).
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, REPO_ROOT } from '../helpers/paths.js';
import { copyProject, readTree, removeProject, writeFile } from '../helpers/workspace.js';

const FIXTURE = join(REPO_ROOT, 'test', 'fixtures', 'watch', 'project');
let root: string | undefined;
let running: ReturnType<typeof spawn> | undefined;

afterEach(() => {
  // A failed test leaves no watcher behind.
  if (running && running.exitCode === null) running.kill('SIGKILL');
  if (root) removeProject(root);
  root = undefined;
});

describe('codegen generate --watch', () => {
  it('prints one JSON line per build, rebuilds on an edit, and exits 130 on SIGINT leaving no half-written output', async () => {
    root = copyProject(FIXTURE, 'watch-cli');
    const project = root;
    const { FORCE_COLOR: _force, ...env } = process.env;
    const child = spawn(process.execPath, [BIN, 'generate', '--watch', '--json'], { cwd: project, env: { ...env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    running = child;
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const lines = jsonLines(child.stdout);

    // A hang names its step and what the process said. (It once hung at the rebuild: chokidar said ready before it
    // watched src/models when the missing templates folder was among its paths; src/watch/watcher.ts.)
    const step = <T>(name: string, promise: Promise<T>) =>
      Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`stuck waiting for ${name}; stderr: ${stderr}`)), 200_000).unref())]);
    const first = await step('the first build', lines.next());
    expect(first, stderr).toMatchObject({ type: 'build', build: 1, changed: [], exitCode: 0, errors: 0 });
    expect(first.created).toContain('src/generated/user.validate.ts');

    writeFile(project, 'src/models/tag.ts', 'export interface Tag {\n  /** @minLength 2 */\n  label: string;\n}\n');
    const second = await step('the rebuild after the edit', lines.next());
    expect(second).toMatchObject({ type: 'build', build: 2, changed: ['src/models/tag.ts'], exitCode: 0, updated: ['src/generated/tag.validate.ts'] });
    expect(readFileSync(join(project, 'src/generated/tag.validate.ts'), 'utf8')).toContain('2');

    child.kill('SIGINT');
    expect(await step('the exit after SIGINT', exited)).toBe(130);
    const leftovers = Object.keys(readTree(join(project, 'src/generated'))).filter((path) => path.includes('codegen-tmp') || path.includes('journal'));
    expect(leftovers).toEqual([]);
    // Generous: a cold first build of a spawned process on a loaded machine; nothing here waits on a time.
  }, 240_000);
});

/** Parsed JSON lines from a stream, one per `next()` call, in order. */
function jsonLines(stream: NodeJS.ReadableStream): { next(): Promise<Record<string, any>> } {
  const ready: Record<string, any>[] = [];
  const waiting: ((line: Record<string, any>) => void)[] = [];
  let buffer = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    buffer += chunk;
    let newline;
    while ((newline = buffer.indexOf('\n')) >= 0) {
      const line = JSON.parse(buffer.slice(0, newline)) as Record<string, any>;
      buffer = buffer.slice(newline + 1);
      const waiter = waiting.shift();
      if (waiter) waiter(line);
      else ready.push(line);
    }
  });
  return { next: () => (ready.length > 0 ? Promise.resolve(ready.shift()!) : new Promise((resolve) => waiting.push(resolve))) };
}
