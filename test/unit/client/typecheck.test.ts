/**
 * Every fixture's client files compile under `tsc --strict` with the fixture's sources and the
 * validate output they import (module NodeNext, as users' projects do, plus the stricter flags
 * some users turn on): the compiler's messages are the failure.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureNames, materializeFixture } from './helpers.js';

const TMP_DIR = resolve('test/.tmp/client-tsc');

describe('generated clients type-check', () => {
  beforeAll(async () => {
    for (const name of fixtureNames()) await materializeFixture(name, TMP_DIR);
  }, 60_000);

  it('pass tsc --strict --noEmit', () => {
    const tsconfig = {
      compilerOptions: {
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        target: 'ES2022',
        lib: ['ES2022', 'DOM'],
        experimentalDecorators: true,
        noUnusedLocals: true,
        noImplicitOverride: true,
        noUncheckedIndexedAccess: true,
        exactOptionalPropertyTypes: true,
        types: [],
      },
      include: fixtureNames().flatMap((name) => [`${name}/input/**/*.ts`, `${name}/generated/**/*.ts`]),
    };
    writeFileSync(join(TMP_DIR, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
    const tsc = resolve('node_modules/typescript/bin/tsc');
    const result = spawnSync(process.execPath, [tsc, '-p', join(TMP_DIR, 'tsconfig.json')], { encoding: 'utf8' });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  }, 120_000);
});
