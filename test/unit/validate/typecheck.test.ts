/**
 * Every fixture's generated files compile under `tsc --strict` and every option of @tsconfig/strictest
 * (exactOptionalPropertyTypes, verbatimModuleSyntax, noUnusedLocals…) together with the fixture's
 * sources (module NodeNext, as users' projects do): the compiler's messages are the failure.
 *
 * A fixture without `options.json` is compiled by test/unit/mock/typecheck.test.ts instead: it
 * generates the same validators (the validate generator's default options, `split: 'file'`) beside
 * the fixture's sources and their mocks, and checks them under these very options (and
 * `experimentalDecorators`) and under NestJS's default tsconfig. Here only the fixtures whose
 * options change the validators (`coerce`) are compiled, rather than every validator file twice
 * more (issue 12: about 6 s of CPU).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkProject } from '../../helpers/tsc.js';
import { typecheckNestDefaults } from '../../helpers/typecheck.js';
import { FIXTURES_DIR, fixtureNames, materializeFixture } from './helpers.js';

const TMP_DIR = resolve('test/.tmp/validate-tsc');
/** The fixtures mock/typecheck.test.ts does not generate as they are: those with options of their own. */
const OWN_OPTIONS = fixtureNames().filter((name) => existsSync(join(FIXTURES_DIR, name, 'options.json')));

describe('generated validators type-check', () => {
  beforeAll(async () => {
    expect(OWN_OPTIONS).not.toEqual([]);
    for (const name of OWN_OPTIONS) await materializeFixture(name, TMP_DIR);
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
      include: OWN_OPTIONS.flatMap((name) => [`${name}/input/**/*.ts`, `${name}/generated/**/*.ts`]),
    };
    writeFileSync(join(TMP_DIR, 'package.json'), JSON.stringify({ type: 'module' }));
    writeFileSync(join(TMP_DIR, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
    expect(await checkProject(join(TMP_DIR, 'tsconfig.json'))).toBe('');
  }, 120_000);

  // `nest new`'s tsconfig: strictNullChecks off narrows no union by `!result.success` (tester s12 T2).
  it('pass tsc under NestJS\'s default tsconfig (strictNullChecks off, CommonJS, declarations)', async () => {
    const include = OWN_OPTIONS.flatMap((name) => [`${name}/input/**/*.ts`, `${name}/generated/**/*.ts`]);
    expect(await typecheckNestDefaults(TMP_DIR, include)).toBe('');
  }, 120_000);
});
