/**
 * The repository runtime is emitted into users' projects as it is, beside the database seam and
 * sql's query-builder runtime: assembled as an output folder holds them, the three compile under
 * the strictest settings a user may have.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { REPO_ROOT } from '../../helpers/paths.js';
import { strictCompile } from '../../helpers/strict-compile.js';

const runtimeFiles = (generator: string) =>
  readdirSync(join(REPO_ROOT, 'templates', generator))
    .filter((file) => file.endsWith('.ts'))
    .map((file) => join(REPO_ROOT, 'templates', generator, file));

test('repository.ts compiles beside db*.ts and the sql runtime with every strict flag and no ambient types', async () => {
  const files = [...runtimeFiles('sql'), ...runtimeFiles('crud')];
  expect(files.map((file) => file.split('/').pop())).toEqual(expect.arrayContaining(['repository.ts', 'db.ts', 'sql-runtime.ts']));
  expect(await strictCompile('crud-runtime-strict', files)).toBe('');
});
