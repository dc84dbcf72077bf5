import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/index.js';
import { tempFolder, writeFiles } from './temp-folder.js';

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
      'codegen.config.yaml:2:11 CG1004 Invalid value for "debounce": expected integer (>= 0, <= 60000), got string "fast".',
      'codegen.config.yaml:3:13 CG1004 Invalid value for "onHandEdit": expected "error" | "warn" | "overwrite", got string "ignore".',
      'codegen.config.yaml:4:11 CG1004 Invalid value for "protect[0]": expected string (non-empty), got number 1.',
    ]);
  });

  it('empty strings in lists of paths, and a debounce past a minute (once accepted: an empty protect glob crashed, a huge debounce overflows the timer)', async () => {
    expect(await problems('input: [src, ""]\nplugins: [""]\nprotect: [""]\ndebounce: 3000000000\n')).toEqual([
      'codegen.config.yaml:1:8 CG1004 Invalid value for "input": expected string (non-empty) | (string (non-empty))[] (with at least 1), got an array.',
      'codegen.config.yaml:2:11 CG1004 Invalid value for "plugins[0]": expected string (non-empty), got an empty string.',
      'codegen.config.yaml:3:11 CG1004 Invalid value for "protect[0]": expected string (non-empty), got an empty string.',
      'codegen.config.yaml:4:11 CG1004 Invalid value for "debounce": expected integer (>= 0, <= 60000), got number 3000000000.',
    ]);
  });

  // tester11 F18: they replaced each other's index.ts and manifest, and deleted each other's files.
  it.each([
    ['src/gen', 'src/gen', 'is the output folder'],
    ['src/gen', './src/gen/', 'is the output folder'],
    ['src/gen', 'src/gen/admin', 'is inside the output folder'],
    ['src/gen/api', 'src', 'holds the output folder'],
  ])('two projects with output folders %j and %j that overlap (CG1004)', async (first, second, relation) => {
    const cwd = tempFolder({ 'package.json': '{}' });
    writeFiles(cwd, { 'codegen.config.yaml': `projects:\n  api:\n    input: [src/a/*.ts]\n    output: ${first}\n  admin:\n    input: [src/b/*.ts]\n    output: ${second}\n` });
    const result = await loadConfig({ cwd, env: {} });
    expect(result.config).toBeUndefined();
    expect(result.diagnostics.map((d) => `${d.line}:${d.column} ${d.code} ${d.severity} ${d.message}`)).toEqual([
      `7:13 CG1004 error The output folder of project "admin" ${relation} of project "api": each run would overwrite the other's index.ts and manifest and delete the other's files. Give each project a folder of its own.`,
    ]);
  });

  it('takes two projects with output folders side by side', async () => {
    const cwd = tempFolder({ 'package.json': '{}' });
    writeFiles(cwd, { 'codegen.config.yaml': 'projects:\n  api:\n    input: [src/a/*.ts]\n    output: src/gen\n  admin:\n    input: [src/b/*.ts]\n    output: src/gen-admin\n' });
    const result = await loadConfig({ cwd, env: {} });
    expect(result.diagnostics).toEqual([]);
    expect(result.config?.projects.map((project) => project.name)).toEqual(['api', 'admin']);
  });

  it.each([
    ['/', '"/" of project "default" holds the config file\'s folder <root>'],
    ['..', '".." of project "default" holds the config file\'s folder <root>'],
    ['.', '"." of project "default" is the config file\'s folder'],
    ['./', '"./" of project "default" is the config file\'s folder'],
    ['<root>', '"<root>" of project "default" is the config file\'s folder'],
  ])('an output folder %j that is the config folder or above it (CG1016)', async (output, what) => {
    const cwd = tempFolder({ 'package.json': '{}' });
    writeFiles(cwd, { 'codegen.config.yaml': `input: [src/models/*.ts]\noutput: ${output.replace('<root>', cwd)}\n` });
    const result = await loadConfig({ cwd, env: {} });
    expect(result.config).toBeUndefined();
    expect(result.diagnostics.map((d) => `${d.line}:${d.column} ${d.code} ${d.severity} ${d.message.split(cwd).join('<root>')}`)).toEqual([
      `2:9 CG1016 error The output folder ${what}: generated files would be written among the project's own.`,
    ]);
  });

  it('an output folder outside the project: a warning naming where files go (CG1015)', async () => {
    const cwd = tempFolder({ 'package.json': '{}' });
    const elsewhere = path.join(path.dirname(cwd), 'elsewhere');
    writeFiles(cwd, { 'codegen.config.yaml': `input: [src/*.ts]\nprojects:\n  a: { output: ../elsewhere/a }\n  b: { output: ${elsewhere}/b }\n  c: { output: out }\n` });
    const result = await loadConfig({ cwd, env: {} });
    expect(result.config?.projects.map((p) => p.output)).toEqual([`${elsewhere}/a`, `${elsewhere}/b`, path.join(cwd, 'out')]);
    expect(result.diagnostics.map((d) => `${d.line}:${d.column} ${d.code} ${d.severity} ${d.message}`)).toEqual([
      `3:16 CG1015 warning The output folder "../elsewhere/a" of project "a" is outside the project ${cwd} (the folder of the nearest package.json): generated files will be written to ${elsewhere}/a.`,
      `4:16 CG1015 warning The output folder "${elsewhere}/b" of project "b" is outside the project ${cwd} (the folder of the nearest package.json): generated files will be written to ${elsewhere}/b.`,
    ]);
  });

  it('a config kept in a folder of the project may write beside it, inside the project', async () => {
    const cwd = tempFolder({ 'package.json': '{}', 'config/codegen.config.yaml': 'input: [../src/*.ts]\nprojects:\n  a: { output: ../src/generated }\n  b: { output: ../../elsewhere }\n' });
    const result = await loadConfig({ cwd: path.join(cwd, 'config'), env: {} });
    expect(result.diagnostics.map((d) => `${d.line}:${d.column} ${d.code} ${d.message.split(path.dirname(cwd)).join('<tmp>')}`)).toEqual([
      `4:16 CG1015 The output folder "../../elsewhere" of project "b" is outside the project <tmp>/${path.basename(cwd)} (the folder of the nearest package.json): generated files will be written to <tmp>/elsewhere.`,
    ]);
  });

  it('protect globs that lead outside the output folder, so could never match', async () => {
    expect(await problems('input: [src]\nprotect: ["../x.ts", "/abs/*.ts", "!../y", "C:/z", "ok/../../w", "kept/**", "a/../b.ts"]\n')).toEqual([
      'codegen.config.yaml:2:11 CG1004 Invalid value for "protect[0]": "../x.ts" leads outside the output folder, and protect globs are relative to it, so it could never match.',
      'codegen.config.yaml:2:22 CG1004 Invalid value for "protect[1]": "/abs/*.ts" leads outside the output folder, and protect globs are relative to it, so it could never match.',
      'codegen.config.yaml:2:35 CG1004 Invalid value for "protect[2]": "!../y" leads outside the output folder, and protect globs are relative to it, so it could never match.',
      'codegen.config.yaml:2:44 CG1004 Invalid value for "protect[3]": "C:/z" leads outside the output folder, and protect globs are relative to it, so it could never match.',
      'codegen.config.yaml:2:52 CG1004 Invalid value for "protect[4]": "ok/../../w" leads outside the output folder, and protect globs are relative to it, so it could never match.',
    ]);
  });

  it('a tsconfig that is a folder, naming the file inside it', async () => {
    const cwd = tempFolder({ 'package.json': '{}', 'app/tsconfig.json': '{}', 'codegen.config.yaml': 'input: [src]\ntsconfig: app\n' });
    expect((await loadConfig({ cwd, env: {} })).diagnostics.map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`)).toEqual([
      '2:11 CG1010 tsconfig "app" is a folder, not a tsconfig file. Name the file: "app/tsconfig.json".',
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
