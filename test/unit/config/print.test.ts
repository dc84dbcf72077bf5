import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig, printConfig } from '../../../src/config/index.js';
import { tempFolder } from './temp-folder.js';

describe('printConfig', () => {
  it('prints the resolved config with defaults, paths relative to cwd', async () => {
    const cwd = tempFolder({
      'package.json': '{}',
      'tsconfig.json': '{}',
      'tools/codegen.config.yaml': 'input: [../src/**/*.ts]\noutput: ../src/generated\nplugins: [./gen]\n',
    });
    const { config } = await loadConfig({ cwd, configFile: 'tools/codegen.config.yaml', env: {} });
    const printed = printConfig(config!, cwd);
    expect(parse(printed)).toEqual({
      configFile: 'tools/codegen.config.yaml',
      rootDir: 'tools',
      projects: {
        default: {
          input: ['../src/**/*.ts'],
          output: 'src/generated',
          tsconfig: 'tsconfig.json',
          generators: { validate: {} },
          templates: null,
          plugins: ['tools/gen'],
          format: 'auto',
          onHandEdit: 'error',
          protect: [],
          debounce: 20,
        },
      },
    });
    expect(printConfig(config!, path.join(cwd, 'tools'))).toContain('output: ../src/generated\n');
  });
});
