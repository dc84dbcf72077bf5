import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/index.js';
import { tempFolder } from './temp-folder.js';

describe('loadConfig', () => {
  it('applies the defaults and resolves paths against the config folder', async () => {
    const cwd = tempFolder({ 'package.json': '{}', 'tsconfig.json': '{}', 'codegen.config.yaml': 'input: ["src/**/*.ts"]\n' });
    const { config, diagnostics } = await loadConfig({ cwd, env: {} });
    expect(diagnostics).toEqual([]);
    expect(config).toEqual({
      configFile: path.join(cwd, 'codegen.config.yaml'),
      rootDir: cwd,
      projects: [
        {
          name: 'default',
          input: ['src/**/*.ts'],
          output: path.join(cwd, 'src/generated'),
          tsconfig: path.join(cwd, 'tsconfig.json'),
          generators: { validate: {} },
          plugins: [],
          format: 'auto',
          naming: 'auto',
          onHandEdit: 'error',
          protect: [],
          debounce: 20,
        },
      ],
    });
  });

  it('reads every key as written', async () => {
    const cwd = tempFolder({
      'package.json': '{}',
      'config/tsconfig.base.json': '{}',
      'codegen.config.yaml': [
        'input: src/models/**/*.ts',
        'output: out',
        'tsconfig: config/tsconfig.base.json',
        'generators:',
        '  validate:',
        '  mock: { seed: 7 }',
        'templates: codegen/templates',
        'plugins: [codegen/generators/data-dictionary]',
        'format: false',
        'naming: typeorm-snake',
        'onHandEdit: warn',
        'protect: ["**/*.sql"]',
        'debounce: 300',
        '',
      ].join('\n'),
    });
    const [project] = (await loadConfig({ cwd, env: {} })).config!.projects;
    expect(project).toEqual({
      name: 'default',
      input: ['src/models/**/*.ts'],
      output: path.join(cwd, 'out'),
      tsconfig: path.join(cwd, 'config/tsconfig.base.json'),
      generators: { validate: {}, mock: { seed: 7 } },
      templates: path.join(cwd, 'codegen/templates'),
      plugins: [path.join(cwd, 'codegen/generators/data-dictionary')],
      format: false,
      naming: 'typeorm-snake',
      onHandEdit: 'warn',
      protect: ['**/*.sql'],
      debounce: 300,
    });
  });

  it('finds the nearest tsconfig.json above the config folder', async () => {
    const cwd = tempFolder({ 'tsconfig.json': '{}', 'app/package.json': '{}', 'app/codegen.config.yaml': 'input: [src]\n' });
    const { config } = await loadConfig({ cwd: path.join(cwd, 'app'), env: {} });
    expect(config!.projects[0]!.tsconfig).toBe(path.join(cwd, 'tsconfig.json'));
  });

  it('discovers the config from a nested folder, resolving paths against the config folder', async () => {
    const cwd = tempFolder({ 'package.json': '{}', 'codegen.config.yaml': 'input: [src]\noutput: gen\n', 'src/models/a.ts': '' });
    const { config } = await loadConfig({ cwd: path.join(cwd, 'src/models'), env: {} });
    expect(config!.rootDir).toBe(cwd);
    expect(config!.projects[0]!.output).toBe(path.join(cwd, 'gen'));
  });

  it('takes an explicit --config path relative to cwd, and reports positions in that file', async () => {
    const cwd = tempFolder({ 'package.json': '{}', 'configs/codegen.yaml': 'input: [../src]\nouput: x\n' });
    const result = await loadConfig({ cwd, configFile: 'configs/codegen.yaml', env: {} });
    expect(result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column}`)).toEqual(['configs/codegen.yaml:2:1']);
  });

  it('reads a JSON config, $schema included, with positions', async () => {
    const text = JSON.stringify({ $schema: './schema.json', input: ['src'], output: 'out', debounce: -1 }, null, 2);
    const cwd = tempFolder({ 'package.json': '{}', 'codegen.config.json': text });
    const bad = await loadConfig({ cwd, env: {} });
    expect(bad.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`)).toEqual(['codegen.config.json:7:15 CG1004']);
  });

  it('reads a valid JSON config', async () => {
    const cwd = tempFolder({ 'package.json': '{}', 'codegen.config.json': '{ "input": ["src"], "generators": { "mock": {} } }' });
    const { config } = await loadConfig({ cwd, env: {} });
    expect(config!.projects[0]!.generators).toEqual({ mock: {} });
  });

  it('interpolates environment variables, an unquoted lone reference keeping its YAML type', async () => {
    const cwd = tempFolder({
      'package.json': '{}',
      'codegen.config.yaml': 'input: ["${SRC}/**/*.ts"]\noutput: ${OUT:-gen}\ndebounce: ${DEBOUNCE:-200}\nformat: ${FORMAT}\n',
    });
    const { config, diagnostics } = await loadConfig({ cwd, env: { SRC: 'lib', FORMAT: 'false' } });
    expect(diagnostics).toEqual([]);
    expect(config!.projects[0]).toMatchObject({ input: ['lib/**/*.ts'], output: path.join(cwd, 'gen'), debounce: 200, format: false });
  });

  it('gives each project the top-level settings it does not override', async () => {
    const cwd = tempFolder({
      'package.json': '{}',
      'codegen.config.yaml': [
        'onHandEdit: warn',
        'generators: { validate: {}, mock: { seed: 1 } }',
        'projects:',
        '  api:',
        '    input: [api/**/*.ts]',
        '    output: api/generated',
        '  web:',
        '    input: [web/**/*.ts]',
        '    generators: { client: {} }',
        '',
      ].join('\n'),
    });
    const { config, diagnostics } = await loadConfig({ cwd, env: {} });
    expect(diagnostics).toEqual([]);
    const [api, web] = config!.projects;
    expect(api).toMatchObject({
      name: 'api',
      output: path.join(cwd, 'api/generated'),
      onHandEdit: 'warn',
      generators: { validate: {}, mock: { seed: 1 } },
    });
    expect(web).toMatchObject({ name: 'web', output: path.join(cwd, 'src/generated'), onHandEdit: 'warn', generators: { client: {} } });
  });

  it('locates keys and values by key path', async () => {
    const cwd = tempFolder({ 'package.json': '{}', 'codegen.config.yaml': 'input: [src]\ngenerators:\n  mock: { seed: 42 }\n' });
    const { locate } = await loadConfig({ cwd, env: {} });
    expect(locate(['generators', 'mock'])).toEqual({ file: 'codegen.config.yaml', line: 3, column: 3 });
    expect(locate(['generators', 'mock', 'seed'], 'value')).toEqual({ file: 'codegen.config.yaml', line: 3, column: 17 });
    expect(locate(['input', 0])).toEqual({ file: 'codegen.config.yaml', line: 1, column: 9 });
    expect(locate(['generators', 'sql'])).toBeUndefined();
  });
});
