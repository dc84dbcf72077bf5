/** Temporary folders under the OS temp dir, filled from a map of relative path to content. */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

const created: string[] = [];

afterEach(() => {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A new folder holding `files`; removed after the test. Real path, POSIX separators. */
export function tempFolder(files: Record<string, string> = {}): string {
  const dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'codegen-config-')));
  created.push(dir);
  writeFiles(dir, files);
  return dir.replace(/\\/g, '/');
}

/** Writes each file under `dir`, creating folders. */
export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
}
