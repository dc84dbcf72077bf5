/**
 * The runtime is emitted as it is, entry file and every file it imports: the plan's list of
 * runtime files is exactly the relative-import closure of templates/sql/sql-runtime.ts, so a
 * file added to (or dropped from) the runtime cannot be forgotten by the generator.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RUNTIME_FILE, RUNTIME_SUPPORT_FILES } from '../../../src/generators/sql/plan.js';
import { REPO_ROOT } from '../../helpers/paths.js';

const TEMPLATES = join(REPO_ROOT, 'templates', 'sql');

function importClosure(entry: string): string[] {
  const seen = new Set<string>();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(join(TEMPLATES, file), 'utf8');
    for (const match of source.matchAll(/from '\.\/([\w-]+)\.js'/g)) pending.push(`${match[1]}.ts`);
  }
  return [...seen].sort();
}

describe('sql runtime files', () => {
  it('plans the entry file and exactly the files it imports', () => {
    expect([RUNTIME_FILE, ...RUNTIME_SUPPORT_FILES].sort()).toEqual(importClosure(RUNTIME_FILE));
  });
});
