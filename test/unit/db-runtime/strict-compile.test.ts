/**
 * `db.ts` and its siblings are emitted into users' projects as they are: they must compile under
 * the strictest settings a user may have, with only the ES2022 library (no driver, Node or DOM
 * types), and import nothing but each other.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { REPO_ROOT } from '../../helpers/paths.js';
import { strictCompile } from '../../helpers/strict-compile.js';

const RUNTIME = join(REPO_ROOT, 'templates', 'crud');
const FILES = readdirSync(RUNTIME).filter((file) => /^db(-[a-z]+)?\.ts$/.test(file));

test('the db runtime compiles with every strict flag, erasable syntax only and no ambient types', async () => {
  expect(FILES).toEqual(['db-errors.ts', 'db-pglite.ts', 'db-postgres.ts', 'db-session.ts', 'db-sqlite.ts', 'db.ts']);
  expect(await strictCompile('db-runtime-strict', FILES.map((file) => join(RUNTIME, file)))).toBe('');
});

test('the db runtime imports nothing but its own files', () => {
  for (const file of FILES) {
    const source = readFileSync(join(RUNTIME, file), 'utf8');
    for (const match of source.matchAll(/^(?:import|export)\b[^;]*?from '([^']+)'/gm)) expect(match[1], file).toMatch(/^\.\/db(-[a-z]+)?\.js$/);
  }
});
