/**
 * Every fixture's client files compile under `tsc --strict` with the fixture's sources and the
 * validate output they import (module NodeNext, as users' projects do, plus the stricter flags
 * some users turn on, the validate and mock typecheck tests' own): the compiler's messages are
 * the failure. The `wire` fixture's service mock is checked too.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkProject } from '../../helpers/tsc.js';
import { typecheckNestDefaults } from '../../helpers/typecheck.js';
import { fixtureNames, materializeFixture, materializeMocks } from './helpers.js';

const TMP_DIR = resolve('test/.tmp/client-tsc');

describe('generated clients type-check', () => {
  beforeAll(async () => {
    for (const name of fixtureNames()) await materializeFixture(name, TMP_DIR);
    // The service mock of `wire` (an optional method, `events?()`: its calls record is
    // Parameters<NonNullable<…>>, tester s8 T13) compiles beside its client.
    await materializeMocks('wire', join(TMP_DIR, 'wire'), true);
    // The mock of `nest-pipes` answers its Observable<T> handlers with rxjs's of() (tester s20).
    await materializeMocks('nest-pipes', join(TMP_DIR, 'nest-pipes'), true);
  }, 60_000);

  it('pass tsc --strict --noEmit', async () => {
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
        noUnusedParameters: true,
        noPropertyAccessFromIndexSignature: true,
        noImplicitOverride: true,
        noUncheckedIndexedAccess: true,
        exactOptionalPropertyTypes: true,
        types: [],
      },
      include: fixtureNames().flatMap((name) => [`${name}/input/**/*.ts`, `${name}/generated/**/*.ts`]),
    };
    writeFileSync(join(TMP_DIR, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
    // The fixtures' own service stubs leave parameters unused (TS6133 under noUnusedParameters):
    // the user's code, not codegen's; every other message, and any in generated files, fails.
    const output = await checkProject(join(TMP_DIR, 'tsconfig.json'));
    const messages = output.split('\n').filter((line) => line.trim() && !/\/input\/[^(]+\(\d+,\d+\): error TS6133:/.test(line));
    expect(messages.join('\n')).toBe('');
  }, 120_000);

  // `nest new`'s tsconfig: strictNullChecks off narrows no union by `!result.success` (tester s12 T2).
  it('pass tsc under NestJS\'s default tsconfig (strictNullChecks off, CommonJS, declarations)', async () => {
    const include = fixtureNames().flatMap((name) => [`${name}/input/**/*.ts`, `${name}/generated/**/*.ts`]);
    expect(await typecheckNestDefaults(TMP_DIR, include, { lib: ['ES2021', 'DOM'] })).toBe('');
  }, 120_000);
});
