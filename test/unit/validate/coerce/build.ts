/**
 * Builds an analyzer fixture with the validators' `coerce` option and the mocks: analysed,
 * generated, compiled with `tsc --strict` (the strict extras included) and imported. The coerce
 * tests feed the validators the wire form of the mocks and judge what comes back.
 */
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyze } from '../../../../src/analyzer/index.js';
import type { GeneratorDefinition } from '../../../../src/generators/kit/contract.js';
import { mockGenerator } from '../../../../src/generators/mock/index.js';
import { validateGenerator } from '../../../../src/generators/validate/index.js';
import { createRenderer } from '../../../../src/render/index.js';
import { checkProject } from '../../../helpers/tsc.js';
import { fixtureInput } from '../../analyzer/run-fixture.js';
import { CONTEXT } from '../helpers.js';

const TMP = resolve('test/.tmp/validate-coerce');

export interface CoerceCase {
  /** tsc's messages over the sources and the generated files ('' when clean). */
  compileErrors: string;
  /** Everything the generated validate and mock modules and the sources (their classes) export. */
  exports: Record<string, unknown>;
}

/**
 * Analyses, generates (validate with `coerce: true`, mock), compiles and loads the analyzer
 * fixture `name`, in a folder of `test/.tmp` named by `user` (test files run in parallel).
 */
export async function buildCoerceCase(name: string, user: string): Promise<CoerceCase> {
  const input = fixtureInput(name);
  const { model } = analyze({ ...input, defaultGenerators: ['validate', 'mock'] });
  const folder = join(TMP, user, name);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  cpSync(join(input.rootDir, 'input'), join(folder, 'input'), { recursive: true });
  const renderer = createRenderer({ generators: [validateGenerator, mockGenerator], displayRoot: process.cwd() });
  const modules = input.files.map((file) => join(folder, 'input', basename(file)));
  const plans: Array<[GeneratorDefinition<any>, object]> = [
    [validateGenerator, { split: 'file', coerce: true }],
    [mockGenerator, { split: 'file' }],
  ];
  for (const [generator, options] of plans) {
    for (const planned of generator.plan(model, options, CONTEXT)) {
      const path = join(folder, CONTEXT.outputDir, planned.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, renderer.render(generator.name, planned));
      if (/\.(mock|validate)\.ts$/.test(path)) modules.push(path);
    }
  }
  const compilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    target: 'ES2022',
    noUnusedLocals: true,
    noUnusedParameters: true,
    noPropertyAccessFromIndexSignature: true,
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: true,
    verbatimModuleSyntax: true,
    types: [],
  };
  writeFileSync(join(folder, 'package.json'), JSON.stringify({ type: 'module' }));
  writeFileSync(join(folder, 'tsconfig.json'), JSON.stringify({ compilerOptions, include: ['input/**/*.ts', 'generated/**/*.ts'] }, null, 2));
  const compileErrors = await checkProject(join(folder, 'tsconfig.json'));
  const exports: Record<string, unknown> = {};
  if (!compileErrors) for (const path of modules) Object.assign(exports, await import(pathToFileURL(path).href));
  return { compileErrors, exports };
}
