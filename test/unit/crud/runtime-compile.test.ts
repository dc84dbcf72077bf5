/**
 * The repository runtime and the database seam are emitted into users' projects as they are,
 * beside sql's runtime: assembled as an output folder holds them, they must compile under the
 * strictest settings a user may have, with only the ES2022 library (no driver or Node types).
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';
import { REPO_ROOT, TMP_ROOT, TSC } from '../../helpers/paths.js';

test('repository.ts and db*.ts compile beside the sql runtime with every strict flag and no ambient types', async () => {
  const dir = join(TMP_ROOT, 'crud-runtime-strict');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const runtime = [
    ...readdirSync(join(REPO_ROOT, 'templates', 'sql')).filter((file) => file.endsWith('.ts')).map((file) => join('sql', file)),
    ...readdirSync(join(REPO_ROOT, 'templates', 'crud')).filter((file) => file.endsWith('.ts')).map((file) => join('crud', file)),
  ];
  for (const file of runtime) copyFileSync(join(REPO_ROOT, 'templates', file), join(dir, file.split('/').pop()!));
  expect(readdirSync(dir)).toEqual(expect.arrayContaining(['repository.ts', 'db.ts', 'sql-runtime.ts']));
  const compilerOptions = {
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
    verbatimModuleSyntax: true,
    isolatedModules: true,
  };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, include: ['*.ts'] }));
  const result = await promisify(execFile)(process.execPath, [TSC, '-p', join(dir, 'tsconfig.json')]).catch((error: { stdout: string }) => error);
  expect(result.stdout).toBe('');
});
