/**
 * The repository runtime is emitted into users' projects as it is, beside the database seam and
 * sql's query-builder runtime: assembled as an output folder holds them, the three compile under
 * the strictest settings a user may have, and under every target from ES2020 up (the floor that
 * bigint literals need; docs/getting-started.md), with CommonJS (a NestJS tsconfig) or NodeNext.
 */
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { expect, test } from 'vitest';
import { REPO_ROOT, TMP_ROOT } from '../../helpers/paths.js';
import { STRICTEST_COMPILER_OPTIONS, strictCompile } from '../../helpers/strict-compile.js';
import { checkProject } from '../../helpers/tsc.js';

const runtimeFiles = (generator: string) =>
  readdirSync(join(REPO_ROOT, 'templates', generator))
    .filter((file) => file.endsWith('.ts'))
    .map((file) => join(REPO_ROOT, 'templates', generator, file));

const FILES = [...runtimeFiles('sql'), ...runtimeFiles('crud')];

test('repository.ts compiles beside db*.ts and the sql runtime with every strict flag and no ambient types', async () => {
  expect(FILES.map((file) => file.split('/').pop())).toEqual(expect.arrayContaining(['repository.ts', 'db.ts', 'db-errors.ts', 'sql-runtime.ts', 'sql-codecs.ts']));
  expect(await strictCompile('crud-runtime-strict', FILES)).toBe('');
});

// Each target from the floor up, with its own library only (a target's default lib adds the DOM,
// which hides nothing here), under CommonJS as NestJS writes it (no verbatimModuleSyntax, node10
// resolution; ES2021 until Nest 11, ES2022 since) and NodeNext. ES2022 with NodeNext is the test above.
const COMMONJS = { module: 'CommonJS', moduleResolution: 'node10', verbatimModuleSyntax: false };
const NODENEXT = { module: 'NodeNext', moduleResolution: 'NodeNext', verbatimModuleSyntax: true };
const SETTINGS = [
  { target: 'ES2020', ...COMMONJS },
  { target: 'ES2020', ...NODENEXT },
  { target: 'ES2021', ...COMMONJS },
  { target: 'ES2022', ...COMMONJS },
  { target: 'ESNext', ...NODENEXT },
];

test.each(SETTINGS)(
  'the crud and sql runtime compiles strictly with target $target, module $module (tester s9 T7: Error cause is ES2022)',
  async ({ target, module, moduleResolution, verbatimModuleSyntax }) => {
    const dir = join(TMP_ROOT, `crud-runtime-${target}-${module}`.toLowerCase());
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (const file of FILES) copyFileSync(file, join(dir, basename(file)));
    const compilerOptions = { ...STRICTEST_COMPILER_OPTIONS, target, lib: [target], module, moduleResolution, verbatimModuleSyntax };
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, include: ['*.ts'] }, null, 2));
    expect(await checkProject(join(dir, 'tsconfig.json'), dir)).toBe('');
  },
);
