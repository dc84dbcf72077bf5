/**
 * Reference pages built from the single sources they document: the diagnostic catalogue and
 * the config option table. The test fails when a page is stale; `UPDATE=1` rewrites it.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_OPTIONS, COMMON_GENERATOR_OPTIONS } from '../../../src/config/index.js';
import { CATALOGUE } from '../../../src/diagnostics/catalogue.js';
import { BUILTIN_GENERATORS } from '../../../src/generators/index.js';
import { REPO_ROOT } from '../../helpers/paths.js';

function diagnosticsPage(): string {
  const ranges: [string, string][] = [
    ['CG1', 'Config and command line'],
    ['CG20', 'Sources and annotations'],
    ['CG21', 'Persistence annotations'],
    ['CG22', 'Service annotations'],
    ['CG23', 'SQL schemas'],
    ['CG3', 'Templates and plugins'],
    ['CG4', 'Output and file system'],
    ['CG5', 'Generators'],
  ];
  const lines = [
    '# Diagnostics',
    '',
    '<!-- Generated from src/diagnostics/catalogue.ts by test/unit/docs/generated-docs.test.ts (UPDATE=1). -->',
    '',
    'Every message codegen prints carries a stable code. Errors make `generate` exit with 2 and write nothing;',
    'warnings are printed and the run goes on (under `--strict` they fail it too).',
    '',
  ];
  for (const [prefix, title] of ranges) {
    lines.push(`## ${title}`, '', '| code | severity | meaning | what to do |', '| --- | --- | --- | --- |');
    for (const entry of CATALOGUE.filter((e) => e.code.startsWith(prefix))) {
      lines.push(`| ${entry.code} | ${entry.severity} | ${entry.title} | ${entry.fix.replaceAll('|', '\\|')} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

function optionRow(name: string, description: string, schema: unknown, value: unknown): string {
  const type = JSON.stringify(schema).replaceAll('|', '\\|');
  const fallback = value === undefined ? '' : `\`${JSON.stringify(value)}\``;
  return `| \`${name}\` | ${description.replaceAll('|', '\\|')} | \`${type}\` | ${fallback} |`;
}

function configPage(): string {
  const lines = [
    '# Config reference',
    '',
    '<!-- Generated from src/config/option-table.ts and the generator definitions by test/unit/docs/generated-docs.test.ts (UPDATE=1). -->',
    '',
    'The keys of `codegen.config.yaml` (or `.yml`, `.json`). See [cli.md](cli.md) for how the file is found and how',
    'paths, `${VAR}` interpolation and `projects:` work. Editors complete and check the file through the JSON Schema',
    'shipped in the package (`schema/codegen.config.schema.json`).',
    '',
    '## Top level and per project',
    '',
    '| key | meaning | schema | default |',
    '| --- | --- | --- | --- |',
    ...CONFIG_OPTIONS.map((o) => optionRow(o.key, o.description, o.schema, o.default)),
    '',
    '## Options every generator takes',
    '',
    '| option | meaning | schema | default |',
    '| --- | --- | --- | --- |',
    ...COMMON_GENERATOR_OPTIONS.map((o) => optionRow(o.name, o.description, o.schema, o.default)),
    '',
  ];
  for (const generator of BUILTIN_GENERATORS) {
    lines.push(`## \`${generator.name}\``, '', generator.description, '');
    if (generator.options.length === 0) {
      lines.push('No options of its own.', '');
      continue;
    }
    lines.push('| option | meaning | schema | default |', '| --- | --- | --- | --- |');
    lines.push(...generator.options.map((o) => optionRow(o.name, o.description, o.schema, o.default)), '');
  }
  return lines.join('\n');
}

describe.each([
  ['docs/diagnostics.md', diagnosticsPage],
  ['docs/config.md', configPage],
])('%s', (path, render) => {
  it('is current', () => {
    const file = join(REPO_ROOT, path);
    const expected = render();
    if (process.env['UPDATE'] === '1') writeFileSync(file, expected);
    expect(existsSync(file) ? readFileSync(file, 'utf8') : '').toBe(expected);
  });
});
