/**
 * `db.ts` and its siblings are emitted into users' projects as they are: they must compile under
 * the strictest settings a user may have, with only the ES2022 library (no driver, Node or DOM
 * types), and import nothing but each other. The compile itself is test/unit/crud/
 * runtime-compile.test.ts's, which checks these files with the same options beside the sql runtime
 * and repository.ts; since they import only each other (below), a fault of theirs fails there.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { REPO_ROOT } from '../../helpers/paths.js';

const RUNTIME = join(REPO_ROOT, 'templates', 'crud');
const FILES = readdirSync(RUNTIME).filter((file) => /^db(-[a-z]+)?\.ts$/.test(file));

test('the db runtime is these files', () => {
  expect(FILES).toEqual(['db-errors.ts', 'db-pglite.ts', 'db-postgres.ts', 'db-session.ts', 'db-sqlite.ts', 'db.ts']);
});

test('the db runtime imports nothing but its own files', () => {
  for (const file of FILES) {
    const source = readFileSync(join(RUNTIME, file), 'utf8');
    for (const match of source.matchAll(/^(?:import|export)\b[^;]*?from '([^']+)'/gm)) expect(match[1], file).toMatch(/^\.\/db(-[a-z]+)?\.js$/);
  }
});
