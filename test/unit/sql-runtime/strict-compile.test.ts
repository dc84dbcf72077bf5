/**
 * The runtime is emitted into users' projects as it is: it must compile under the strictest
 * settings a user may have, with only the ES2022 library (no Node or DOM types: it imports
 * nothing and runs in browsers and edge runtimes too).
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';
import { REPO_ROOT, TMP_ROOT, TSC } from '../../helpers/paths.js';

const RUNTIME = join(REPO_ROOT, 'templates', 'sql');

test('the runtime files compile with every strict flag and no ambient types', async () => {
  const dir = join(TMP_ROOT, 'sql-runtime-strict');
  mkdirSync(dir, { recursive: true });
  const files = readdirSync(RUNTIME).filter((file) => /^sql-[a-z-]+\.ts$/.test(file));
  expect(files).toContain('sql-runtime.ts');
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
    },
    files: files.map((file) => join(RUNTIME, file)),
  };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(config, null, 2));
  const output = await promisify(execFile)(process.execPath, [TSC, '-p', join(dir, 'tsconfig.json')], { cwd: dir }).then(
    () => '',
    (error: { stdout?: string; message: string }) => error.stdout || error.message,
  );
  expect(output).toBe('');
});

test('the runtime imports nothing but its own files', () => {
  for (const file of readdirSync(RUNTIME).filter((name) => /^sql-[a-z-]+\.ts$/.test(name))) {
    const source = readFileSync(join(RUNTIME, file), 'utf8');
    for (const match of source.matchAll(/^(?:import|export)\b[^;]*?from '([^']+)'/gm)) expect(match[1], file).toMatch(/^\.\/sql-[a-z-]+\.js$/);
  }
});
