import { describe, expect, it } from 'vitest';
import { CONFIG_OPTIONS, loadConfig, renderInitConfig } from '../../../src/config/index.js';
import { tempFolder } from './temp-folder.js';
import { BUILTIN_GENERATOR_OPTIONS } from './sample-generators.js';

describe('renderInitConfig', () => {
  const text = renderInitConfig({ packageName: '@acme/codegen', generators: BUILTIN_GENERATOR_OPTIONS });

  it('starts with the schema comment for the YAML language server', () => {
    expect(text.split('\n')[0]).toBe(
      '# yaml-language-server: $schema=./node_modules/@acme/codegen/schema/codegen.config.schema.json',
    );
  });

  it('writes the defaults active and every other key commented out, each with its description', () => {
    expect(text).toContain('input: [src/**/*.ts]\n');
    expect(text).toContain('output: src/generated\n');
    expect(text).toContain('generators:\n  validate: {}\n');
    expect(text).toContain('# onHandEdit: error\n');
    for (const option of CONFIG_OPTIONS.filter((o) => o.init)) expect(text).toContain(`# ${option.description}\n`);
  });

  it('is accepted by loadConfig, with the given input and output', async () => {
    const custom = renderInitConfig({ packageName: 'codegen', input: ['lib/models/**/*.ts'], output: 'lib/generated', generators: BUILTIN_GENERATOR_OPTIONS });
    const cwd = tempFolder({ 'package.json': '{}', 'codegen.config.yaml': custom });
    const { config, diagnostics } = await loadConfig({ cwd, env: {} });
    expect(diagnostics).toEqual([]);
    expect(config!.projects).toHaveLength(1);
    expect(config!.projects[0]).toMatchObject({ input: ['lib/models/**/*.ts'], generators: { validate: {} } });
  });

  it('stays valid with every commented-out key enabled', async () => {
    const enabled = text.replace(/^# (?=[a-zA-Z$]+:|  )/gm, '').replace(/^#   (\w+: \{\})\s+#.*$/gm, '  $1');
    const cwd = tempFolder({
      'package.json': '{}',
      'tsconfig.json': '{}',
      'codegen.config.yaml': enabled,
    });
    const { config, diagnostics } = await loadConfig({ cwd, env: {} });
    expect(diagnostics).toEqual([]);
    expect(config!.projects.map((p) => p.name)).toEqual(['api']);
    expect(Object.keys(config!.projects[0]!.generators)).toEqual(['validate', 'crud', 'sql', 'mock', 'client', 'openapi']);
  });
});
