/**
 * Hostile or runaway configs end as located config errors, in bounded time and memory: a file
 * too large to read, a "billion laughs" of YAML aliases, flow or block nesting beyond the limit,
 * a mapping with a key written twice (checked in linear time), a NUL in any path or option, paths
 * longer than PATH_MAX and lists, generators or projects beyond their counts.
 */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/index.js';
import { CONFIG_LIMITS } from '../../../src/config/limits.js';
import { tempFolder } from './temp-folder.js';

/** Loads `text` as codegen.config.yaml and returns its diagnostics as `file:line:col CODE message`. */
async function problems(text: string): Promise<string[]> {
  const cwd = tempFolder({ 'package.json': '{}', 'codegen.config.yaml': text, 'src/a.ts': '' });
  const result = await loadConfig({ cwd, env: {} });
  expect(result.config).toBeUndefined();
  for (const entry of result.diagnostics) expect(entry.hint).toBeTruthy();
  return result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code} ${d.message}`);
}

const lines = (count: number, line: (i: number) => string): string => Array.from({ length: count }, (_, i) => line(i)).join('\n');

describe('config limits', () => {
  it('refuses a file one byte above the size limit before reading it', async () => {
    // Globs to the limit, then a comment filling it up: 262,145 bytes.
    const globs = `input: [src]\nprotect:\n${lines(10_000, (i) => `  - "x${i}/**/*.ts"`)}\n# `;
    const text = `${globs}${'x'.repeat(CONFIG_LIMITS.fileBytes - globs.length)}\n`;
    expect(text.length).toBe(262_145);
    expect(await problems(text)).toEqual([
      'codegen.config.yaml:1:1 CG1001 Cannot parse the config file: it has 262,145 bytes, and codegen reads config files of at most 262,144.',
    ]);
  });

  it('stops a "billion laughs" document at its first alias', async () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) levels.push(`l${i}: &l${i} [${Array(9).fill(i === 1 ? '*a' : `*l${i - 1}`).join(',')}]`);
    expect(await problems(`input: [src]\n${levels.join('\n')}\n`)).toEqual([
      'codegen.config.yaml:3:10 CG1001 Cannot parse the config file: its aliases expand to more than 100 copies of their anchors; write the values out, or use fewer aliases',
    ]);
  });

  it('refuses nesting beyond the limit, in flow and in block style', async () => {
    const depth = `mappings and sequences nest more than ${CONFIG_LIMITS.nesting} levels deep`;
    expect(await problems(`input: [src]\ngenerators:\n  validate: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`)).toEqual([
      `codegen.config.yaml:3:${13 + CONFIG_LIMITS.nesting} CG1001 Cannot parse the config file: ${depth}`,
    ]);
    const block = lines(100, (i) => `${'  '.repeat(i + 2)}k${i}:`);
    const [reported] = await problems(`input: [src]\ngenerators:\n  validate:\n${block} 1\n`);
    expect(reported).toMatch(new RegExp(`^codegen\\.config\\.yaml:\\d+:\\d+ CG1001 Cannot parse the config file: ${depth}$`));
  });

  it('reports a key written twice at the second one, also in a mapping of many keys', async () => {
    expect(await problems('input: [src]\noutput: a\ninput: [lib]\n')).toEqual([
      'codegen.config.yaml:3:1 CG1001 Cannot parse the config file: Map keys must be unique: "input" is already written on line 1',
    ]);
    const many = `input: [src]\ngenerators:\n  validate:\n${lines(12_000, (i) => `    k${i}: 1`)}\n    k5: 2\n`;
    expect(await problems(many)).toEqual([
      'codegen.config.yaml:12004:5 CG1001 Cannot parse the config file: Map keys must be unique: "k5" is already written on line 9',
    ]);
  });

  it.each([
    ['output', 'input: [src]\noutput: "out\\0x"', 'codegen.config.yaml:2:9 CG1004 Invalid value for "output"'],
    ['input', '# the globs\ninput: ["src/\\0*.ts"]', 'codegen.config.yaml:2:9 CG1004 Invalid value for "input[0]"'],
    ['templates', 'input: [src]\ntemplates: "t\\0"', 'codegen.config.yaml:2:12 CG1004 Invalid value for "templates"'],
    ['plugins', 'input: [src]\nplugins: ["./p\\0"]', 'codegen.config.yaml:2:11 CG1004 Invalid value for "plugins[0]"'],
    ['protect', 'input: [src]\nprotect: ["a\\0b"]', 'codegen.config.yaml:2:11 CG1004 Invalid value for "protect[0]"'],
    ['tsconfig', 'input: [src]\ntsconfig: "t\\0"', 'codegen.config.yaml:2:11 CG1004 Invalid value for "tsconfig"'],
    ['a generator option', 'input: [src]\ngenerators:\n  validate: { fileName: "a\\0b" }', 'codegen.config.yaml:3:25 CG1004 Invalid value for "generators.validate.fileName"'],
  ])('reports a NUL character in %s where it is written', async (_, text, where) => {
    expect(await problems(`${text}\n`)).toEqual([`${where}: it contains a NUL character (\\0), which no path or option can hold.`]);
  });

  it('reports paths longer than PATH_MAX and lists, generators and projects beyond their counts', async () => {
    expect(await problems(`input: [src]\noutput: "${'o'.repeat(5000)}"\n`)).toEqual([
      'codegen.config.yaml:2:9 CG1004 Invalid value for "output": a path of 5,000 characters; at most 4,096.',
    ]);
    expect(await problems(`input: [src]\nprotect:\n${lines(1001, (i) => `  - "x${i}/*.ts"`)}\n`)).toEqual([
      'codegen.config.yaml:3:3 CG1004 Invalid value for "protect": 1,001 entries, at most 1,000 entries; use fewer, broader globs.',
    ]);
    expect(await problems(`input: [src]\ngenerators:\n${lines(101, (i) => `  g${i}:`)}\n`)).toEqual([
      'codegen.config.yaml:3:3 CG1004 Invalid value for "generators": 101 entries, at most 100 generators.',
    ]);
    expect(await problems(`projects:\n${lines(101, (i) => `  p${i}: { input: [src] }`)}\n`)).toEqual([
      'codegen.config.yaml:2:3 CG1004 Invalid value for "projects": 101 entries, at most 100 projects.',
    ]);
  });

  it('accepts a config at the limits', async () => {
    const text = `input: [src]\nprotect:\n${lines(CONFIG_LIMITS.listItems, (i) => `  - "x${i}/*.ts"`)}\noutput: "${'o'.repeat(CONFIG_LIMITS.pathLength)}"\n`;
    const cwd = tempFolder({ 'package.json': '{}', 'codegen.config.yaml': text });
    const result = await loadConfig({ cwd, env: {} });
    expect(result.diagnostics).toEqual([]);
    expect(result.config?.projects[0]?.protect).toHaveLength(CONFIG_LIMITS.listItems);
  });
});
