/**
 * The runtime is emitted into users' projects as it is: it must compile under the strictest
 * settings a user may have, with only the ES2022 library (no Node or DOM types: it imports
 * nothing and runs in browsers and edge runtimes too). The compile itself is test/unit/crud/
 * runtime-compile.test.ts's, which checks these files with the same options beside crud's; since
 * they import only each other (below), a fault of theirs fails there.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { REPO_ROOT } from '../../helpers/paths.js';

const RUNTIME = join(REPO_ROOT, 'templates', 'sql');

test('the runtime imports nothing but its own files', () => {
  for (const file of readdirSync(RUNTIME).filter((name) => /^sql-[a-z-]+\.ts$/.test(name))) {
    const source = readFileSync(join(RUNTIME, file), 'utf8');
    for (const match of source.matchAll(/^(?:import|export)\b[^;]*?from '([^']+)'/gm)) expect(match[1], file).toMatch(/^\.\/sql-[a-z-]+\.js$/);
  }
});
