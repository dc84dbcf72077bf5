/**
 * Every fixture's generated files compile under `tsc --strict` and every option of @tsconfig/strictest
 * (exactOptionalPropertyTypes, verbatimModuleSyntax, noUnusedLocals…) together with the fixture's
 * sources (module NodeNext, as users' projects do): the compiler's messages are the failure.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkProject } from '../../helpers/tsc.js';
import { typecheckNestDefaults } from '../../helpers/typecheck.js';
import { fixtureNames, materializeFixture } from './helpers.js';

const TMP_DIR = resolve('test/.tmp/validate-tsc');

describe('generated validators type-check', () => {
  beforeAll(async () => {
    for (const name of fixtureNames()) await materializeFixture(name, TMP_DIR);
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
        noUnusedLocals: true,
        noUnusedParameters: true,
        noPropertyAccessFromIndexSignature: true,
        noImplicitOverride: true,
        noUncheckedIndexedAccess: true,
        exactOptionalPropertyTypes: true,
        noImplicitReturns: true,
        noFallthroughCasesInSwitch: true,
        verbatimModuleSyntax: true,
        isolatedModules: true,
        types: [],
      },
      include: fixtureNames().flatMap((name) => [`${name}/input/**/*.ts`, `${name}/generated/**/*.ts`]),
    };
    writeFileSync(join(TMP_DIR, 'package.json'), JSON.stringify({ type: 'module' }));
    writeFileSync(join(TMP_DIR, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
    expect(await checkProject(join(TMP_DIR, 'tsconfig.json'))).toBe('');
  }, 120_000);

  // `nest new`'s tsconfig: strictNullChecks off narrows no union by `!result.success` (tester s12 T2).
  it('pass tsc under NestJS\'s default tsconfig (strictNullChecks off, CommonJS, declarations)', async () => {
    const include = fixtureNames().flatMap((name) => [`${name}/input/**/*.ts`, `${name}/generated/**/*.ts`]);
    expect(await typecheckNestDefaults(TMP_DIR, include)).toBe('');
  }, 120_000);
});
