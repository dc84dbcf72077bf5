/**
 * The runtime is emitted into users' projects as it is: it must compile under the strictest
 * settings a user may have, with only the ES2022 library (no Node or DOM types: it imports
 * nothing and runs in browsers and edge runtimes too).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { REPO_ROOT } from '../../helpers/paths.js';
import { strictCompile } from '../../helpers/strict-compile.js';

const RUNTIME = join(REPO_ROOT, 'templates', 'sql');

test('the runtime files compile with every strict flag and no ambient types', async () => {
  const files = readdirSync(RUNTIME).filter((file) => /^sql-[a-z-]+\.ts$/.test(file));
  expect(files).toContain('sql-runtime.ts');
  expect(await strictCompile('sql-runtime-strict', files.map((file) => join(RUNTIME, file)))).toBe('');
});

test('the runtime imports nothing but its own files', () => {
  for (const file of readdirSync(RUNTIME).filter((name) => /^sql-[a-z-]+\.ts$/.test(name))) {
    const source = readFileSync(join(RUNTIME, file), 'utf8');
    for (const match of source.matchAll(/^(?:import|export)\b[^;]*?from '([^']+)'/gm)) expect(match[1], file).toMatch(/^\.\/sql-[a-z-]+\.js$/);
  }
});
