import { describe, expect, it } from 'vitest';
import { loadConfig, validateGenerators, withGeneratorDefaults } from '../../../src/config/index.js';
import { BUILTIN_GENERATORS } from '../../../src/generators/index.js';
import { BUILTIN_GENERATOR_OPTIONS } from './sample-generators.js';
import { tempFolder } from './temp-folder.js';

async function generatorProblems(yaml: string) {
  const cwd = tempFolder({ 'package.json': '{}', 'codegen.config.yaml': yaml });
  const { config, locate, diagnostics } = await loadConfig({ cwd, env: {} });
  expect(diagnostics).toEqual([]);
  return validateGenerators(config!, BUILTIN_GENERATOR_OPTIONS, locate).map(
    (d) => `${d.file}:${d.line}:${d.column} ${d.code} ${d.message}`,
  );
}

/** Problems found with the built-in generators, as the pipeline knows them (see openSession). */
async function builtInProblems(yaml: string) {
  const cwd = tempFolder({ 'package.json': '{}', 'codegen.config.yaml': yaml });
  const { config, locate, diagnostics } = await loadConfig({ cwd, env: {} });
  expect(diagnostics).toEqual([]);
  const known = BUILTIN_GENERATORS.map((generator) => ({ ...generator, writesTypeScript: generator.namesFilesByPattern !== false }));
  return validateGenerators(config!, known, locate).map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`);
}

describe('validateGenerators', () => {
  it('accepts known generators with valid options', async () => {
    const yaml = [
      'input: [src]',
      'generators:',
      '  validate: { coerce: true, split: type }',
      '  sql: { dialects: [postgres, sqlite] }',
      '  openapi: { title: Bookstore API, version: 1.0.0, formats: [json, yaml], fileName: openapi }',
      '',
    ].join('\n');
    expect(await generatorProblems(yaml)).toEqual([]);
  });

  it('reports an unknown generator with the closest name', async () => {
    expect(await generatorProblems('input: [src]\ngenerators:\n  validat: {}\n  mock: {}\n')).toEqual([
      'codegen.config.yaml:3:3 CG1002 Unknown generator "validat". Did you mean "validate"?',
    ]);
  });

  it('reports unknown and ill-typed options at their position', async () => {
    const yaml = 'input: [src]\ngenerators:\n  mock:\n    sede: 1\n  sql: { dialects: [mysql] }\n  validate: { split: class }\n';
    expect(await generatorProblems(yaml)).toEqual([
      'codegen.config.yaml:4:5 CG5002 Unknown option "sede" of generator "mock". Did you mean "seed"?',
      'codegen.config.yaml:5:21 CG5002 Invalid value for "generators.sql.dialects[0]": expected "postgres" | "sqlite", got string "mysql".',
      'codegen.config.yaml:6:22 CG5002 Invalid value for "generators.validate.split": expected "file" | "type", got string "class".',
    ]);
  });

  it('reports a problem in inherited generators once, in a project where it is written', async () => {
    const yaml = [
      'generators: { mok: {} }',
      'projects:',
      '  api: { input: [api], output: gen/api }',
      '  web: { input: [web], output: gen/web }',
      '  cli: { input: [cli], generators: { crud: { dialect: oracle } }, output: gen/cli }',
      '',
    ].join('\n');
    expect(await generatorProblems(yaml)).toEqual([
      'codegen.config.yaml:1:15 CG1002 Unknown generator "mok". Did you mean "mock"?',
      'codegen.config.yaml:5:55 CG5002 Invalid value for "generators.crud.dialect": expected "postgres" | "sqlite", got string "oracle".',
    ]);
  });

  it('refuses path options that leave the output folder, name no file or cannot be imported, at the value (before anything is planned)', async () => {
    const yaml = [
      'input: [src]',
      'generators:',
      '  validate: { fileName: "../x.ts" }',
      '  mock: { fileName: "{dir}/../../{name}.mock.ts", output: "../../m" }',
      '  client: { fileName: "/abs/{name}.ts", output: "C:/abs" }',
      '  sql: { schemaFileName: "../{dialect}.sql", fileName: "{dir}" }',
      '  crud: { fileName: "a#b/{name}.ts", output: "c%d" }',
      '  openapi: { output: docs/.. }',
      '',
    ].join('\n');
    expect(await builtInProblems(yaml)).toEqual([
      '3:25 CG5002 Invalid value for "generators.validate.fileName": "../x.ts" leads outside the output folder.',
      '4:21 CG5002 Invalid value for "generators.mock.fileName": "{dir}/../../{name}.mock.ts" leads outside the output folder.',
      '4:59 CG5002 Invalid value for "generators.mock.output": "../../m" leads outside the output folder.',
      '5:23 CG5002 Invalid value for "generators.client.fileName": "/abs/{name}.ts" is an absolute path; it must be relative to the output folder.',
      '5:49 CG5002 Invalid value for "generators.client.output": "C:/abs" is an absolute path; it must be relative to the output folder.',
      '6:26 CG5002 Invalid value for "generators.sql.schemaFileName": "../{dialect}.sql" leads outside the output folder.',
      '6:56 CG5002 Invalid value for "generators.sql.fileName": "{dir}" names a folder, not a file.',
      '7:21 CG5002 Invalid value for "generators.crud.fileName": "a#b/{name}.ts" holds "#", which an import of the file cannot carry.',
      '7:46 CG5002 Invalid value for "generators.crud.output": "c%d" holds "%", which an import of the file cannot carry.',
    ]);
  });

  it('refuses a fileName of a TypeScript generator that does not end in .ts, .mts or .cts', async () => {
    const yaml = 'input: [src]\ngenerators:\n  validate: { fileName: "{name}.validate.js" }\n  mock: { fileName: "{name}.d.ts" }\n  sql: { fileName: "{name}.sql.mts" }\n  crud: { fileName: "{dir}/{name}.cts" }\n';
    expect(await builtInProblems(yaml)).toEqual([
      '3:25 CG5002 Invalid value for "generators.validate.fileName": "{name}.validate.js" does not end in .ts, .mts or .cts, but the file holds TypeScript (a .js or .d.ts name would hold code tsc reads as JavaScript or refuses).',
      '4:21 CG5002 Invalid value for "generators.mock.fileName": "{name}.d.ts" does not end in .ts, .mts or .cts, but the file holds TypeScript (a .js or .d.ts name would hold code tsc reads as JavaScript or refuses).',
    ]);
  });

  it('refuses split and fileName for openapi, which writes one document per project (once silently ignored)', async () => {
    expect(await builtInProblems('input: [src]\ngenerators:\n  openapi: { fileName: api.json, split: type, output: docs }\n')).toEqual([
      '3:14 CG5002 Option "fileName" of generator "openapi" would do nothing: openapi names its files itself.',
      '3:34 CG5002 Option "split" of generator "openapi" would do nothing: openapi names its files itself.',
    ]);
  });

  it('accepts path options that stay inside the output folder', async () => {
    const yaml = 'input: [src]\ngenerators:\n  validate: { fileName: "./checks/{dir}/{name}.ts", output: "a/../b" }\n  sql: { schemaFileName: "db/{dialect}/schema.sql" }\n';
    expect(await builtInProblems(yaml)).toEqual([]);
  });

  it('fills in option defaults under what the config sets', () => {
    const mock = BUILTIN_GENERATOR_OPTIONS.find((g) => g.name === 'mock')!;
    expect(withGeneratorDefaults(mock, {})).toEqual({ split: 'file', seed: 42 });
    expect(withGeneratorDefaults(mock, { seed: 1, split: 'type' })).toEqual({ split: 'type', seed: 1 });
  });
});
