/**
 * `db.ts` and its siblings are emitted into users' projects as they are: they must compile under
 * the strictest settings a user may have, with only the ES2022 library (no driver, Node or DOM
 * types), and import nothing but each other.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';
import { REPO_ROOT, TMP_ROOT, TSC } from '../../helpers/paths.js';

const RUNTIME = join(REPO_ROOT, 'templates', 'crud');
const FILES = readdirSync(RUNTIME).filter((file) => /^db(-[a-z]+)?\.ts$/.test(file));

test('the db runtime compiles with every strict flag, erasable syntax only and no ambient types', async () => {
  expect(FILES).toEqual(['db-errors.ts', 'db-pglite.ts', 'db-postgres.ts', 'db-session.ts', 'db-sqlite.ts', 'db.ts']);
  const dir = join(TMP_ROOT, 'db-runtime-strict');
  mkdirSync(dir, { recursive: true });
  const config = {
    compilerOptions: {
      target: 'ES2022',
      lib: ['ES2022'],
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      strict: true,
      noEmit: true,
      types: [],
      noUncheckedIndexedAccess: true,
      exactOptionalPropertyTypes: true,
      noImplicitOverride: true,
      noImplicitReturns: true,
      noFallthroughCasesInSwitch: true,
      noUnusedLocals: true,
      noUnusedParameters: true,
      noPropertyAccessFromIndexSignature: true,
      verbatimModuleSyntax: true,
      isolatedModules: true,
      erasableSyntaxOnly: true,
    },
    files: FILES.map((file) => join(RUNTIME, file)),
  };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(config, null, 2));
  const output = await promisify(execFile)(process.execPath, [TSC, '-p', join(dir, 'tsconfig.json')], { cwd: dir }).then(
    () => '',
    (error: { stdout?: string; message: string }) => error.stdout || error.message,
  );
  expect(output).toBe('');
});

test('the db runtime imports nothing but its own files', () => {
  for (const file of FILES) {
    const source = readFileSync(join(RUNTIME, file), 'utf8');
    for (const match of source.matchAll(/^(?:import|export)\b[^;]*?from '([^']+)'/gm)) expect(match[1], file).toMatch(/^\.\/db(-[a-z]+)?\.js$/);
  }
});
