import { describe, expect, it } from 'vitest';
import { loadConfig, validateGenerators, withGeneratorDefaults } from '../../../src/config/index.js';
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
      '  api: { input: [api] }',
      '  web: { input: [web] }',
      '  cli: { input: [cli], generators: { crud: { dialect: oracle } } }',
      '',
    ].join('\n');
    expect(await generatorProblems(yaml)).toEqual([
      'codegen.config.yaml:1:15 CG1002 Unknown generator "mok". Did you mean "mock"?',
      'codegen.config.yaml:5:55 CG5002 Invalid value for "generators.crud.dialect": expected "postgres" | "sqlite", got string "oracle".',
    ]);
  });

  it('fills in option defaults under what the config sets', () => {
    const mock = BUILTIN_GENERATOR_OPTIONS.find((g) => g.name === 'mock')!;
    expect(withGeneratorDefaults(mock, {})).toEqual({ split: 'file', seed: 42 });
    expect(withGeneratorDefaults(mock, { seed: 1, split: 'type' })).toEqual({ split: 'type', seed: 1 });
  });
});
