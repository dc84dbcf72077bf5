import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/index.js';
import { tempFolder } from './temp-folder.js';

/** Loads a config written as `codegen.config.yaml` (or `name`) and returns its diagnostics in short form. */
async function problems(text: string, name = 'codegen.config.yaml', env: Record<string, string> = {}) {
  const cwd = tempFolder({ 'package.json': '{}', [name]: text });
  const result = await loadConfig({ cwd, env });
  expect(result.config).toBeUndefined();
  return result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code} ${d.message}`);
}

describe('loadConfig reports', () => {
  it('malformed YAML at the parse error', async () => {
    const reported = await problems('input: [src/**/*.ts\noutput: out\n');
    expect(reported).toHaveLength(1); // the errors after the first mostly follow from it
    expect(reported[0]).toMatch(/^codegen\.config\.yaml:2:\d+ CG1001 Cannot parse the config file: /);
  });

  it('malformed JSON at the parse error, even where YAML would accept it', async () => {
    const text = '{\n  "input": ["src"],\n  "output": "out",\n}\n';
    const [first] = await problems(text, 'codegen.config.json');
    expect(first).toMatch(/^codegen\.config\.json:4:1 CG1001 Cannot parse the config file: /);
  });

  it('an unknown key with the closest known one', async () => {
    expect(await problems('input: [src]\nouptut: out\n')).toEqual([
      'codegen.config.yaml:2:1 CG1003 Unknown config key "ouptut". Did you mean "output"?',
    ]);
  });

  it('an unknown key inside a project', async () => {
    expect(await problems('projects:\n  api:\n    inptu: [src]\n')).toContain(
      'codegen.config.yaml:3:5 CG1003 Unknown config key "inptu" in "projects.api". Did you mean "input"?',
    );
  });

  it('a value of the wrong type, naming the key path and the expected type', async () => {
    expect(await problems('input: [src]\ndebounce: fast\nonHandEdit: ignore\nprotect: [1]\n')).toEqual([
      'codegen.config.yaml:2:11 CG1004 Invalid value for "debounce": expected integer (>= 0), got string "fast".',
      'codegen.config.yaml:3:13 CG1004 Invalid value for "onHandEdit": expected "error" | "warn" | "overwrite", got string "ignore".',
      'codegen.config.yaml:4:11 CG1004 Invalid value for "protect[0]": expected string, got number 1.',
    ]);
  });

  it('a missing input', async () => {
    expect(await problems('output: out\n')).toEqual([
      'codegen.config.yaml:1:1 CG1004 Missing required key "input" in project "default": the globs of the files to read.',
    ]);
  });

  it('a missing input in one project, at the project', async () => {
    expect(await problems('projects:\n  api:\n    input: [api]\n  web:\n    output: web/out\n')).toEqual([
      'codegen.config.yaml:5:5 CG1004 Missing required key "input" in project "web": the globs of the files to read.',
    ]);
  });

  it('an empty projects mapping', async () => {
    expect(await problems('input: [a]\nprojects: {}\n')).toEqual([
      'codegen.config.yaml:2:11 CG1004 Invalid value for "projects": expected a mapping of project names to settings, got an empty object.',
    ]);
  });

  it('an empty file', async () => {
    expect(await problems('# nothing yet\n')).toEqual(['codegen.config.yaml:1:1 CG1004 The config file is empty: `input` is required.']);
  });

  it('an environment variable that is unset and has no default, at its value', async () => {
    expect(await problems('input: [src]\noutput: ${OUT_DIR}/generated\n')).toEqual([
      'codegen.config.yaml:2:9 CG1007 Environment variable "OUT_DIR" is not set and has no default (write ${OUT_DIR:-default}).',
    ]);
  });

  it('a tsconfig that does not exist', async () => {
    expect(await problems('input: [src]\ntsconfig: missing/tsconfig.json\n')).toEqual([
      'codegen.config.yaml:2:11 CG1010 tsconfig not found: "missing/tsconfig.json".',
    ]);
  });

  it('no config file, and a --config path that does not exist', async () => {
    const cwd = tempFolder({ 'package.json': '{}' });
    const discovered = await loadConfig({ cwd });
    expect(discovered.diagnostics.map((d) => d.code)).toEqual(['CG1005']);
    const given = await loadConfig({ cwd, configFile: 'config/codegen.yaml' });
    expect(given.diagnostics.map((d) => d.message)).toEqual(['Config file not found: config/codegen.yaml.']);
  });
});
