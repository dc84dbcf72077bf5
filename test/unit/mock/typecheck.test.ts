/**
 * The generated mocks compile under `tsc --strict` (module NodeNext) and every option of
 * @tsconfig/strictest, together with their sources and the validators beside them: every mock
 * fixture and every validate fixture with mocks added (validate/typecheck.test.ts leaves these
 * validators to this file: keep its compiler options a superset of that one's). The bundled example's mocks are not
 * generated and checked again here: e2e/example.test.ts checks its committed output, which
 * `codegen check` there proves current (so equal to what generation gives now), mocks and
 * validators included, under the example's own tsconfig and under NestJS's default one (here it
 * cost two more tsc programs, about 4 s of CPU, for the same verdicts).
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkProject } from '../../helpers/tsc.js';
import { typecheckNestDefaults } from '../../helpers/typecheck.js';
import { fixtureSources, materialize } from './helpers.js';

const TMP_DIR = resolve('test/.tmp/mock-tsc');
const sources = fixtureSources();

describe('generated mocks type-check', () => {
  beforeAll(async () => {
    // Unformatted: Prettier changes no type, and tsc reads either layout.
    for (const source of sources) await materialize(source, TMP_DIR, undefined, false);
  }, 120_000);

  it('fixtures: pass tsc --strict --noEmit', async () => {
    const tsconfig = {
      compilerOptions: {
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        target: 'ES2022',
        experimentalDecorators: true,
        types: [],
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
      },
      include: sources.map((source) => `${source.name}/**/*.ts`),
    };
    const file = join(TMP_DIR, 'tsconfig.fixtures.json');
    writeFileSync(join(TMP_DIR, 'package.json'), JSON.stringify({ type: 'module' }));
    writeFileSync(file, JSON.stringify(tsconfig, null, 2));
    // mock/exports tests `export { Hidden as Shown }` of an interface, which verbatimModuleSyntax
    // forbids in the user's own file (TS1205): the generated files are what must compile.
    const output = await checkProject(file);
    const ours = output.split('\n').filter((line, i, lines) => !/\/input\/[^(]+\(\d+,\d+\): error TS1205:/.test(line) && !(line.startsWith(' ') && lines.slice(0, i).reverse().find((l) => !l.startsWith(' '))?.includes('error TS1205')));
    expect(ours.join('\n').trim()).toBe('');
  }, 120_000);

  // `nest new`'s tsconfig: strictNullChecks off narrows no union by `!result.success` (tester s12 T2).
  it('all: pass tsc under NestJS\'s default tsconfig (strictNullChecks off, CommonJS, declarations)', async () => {
    expect(await typecheckNestDefaults(TMP_DIR, sources.map((source) => `${source.name}/**/*.ts`))).toBe('');
  }, 120_000);
});
