/**
 * A plugin's values cross into codegen only after a check against the generator contract:
 * what the module exports (CG3005 when loading), what `plan`, `check`, `requests` and `uses`
 * return (CG3007, naming the plugin, the file and the field).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiagnosticError } from '../../../src/diagnostics/types.js';
import type { PlanContext } from '../../../src/generators/kit/contract.js';
import type { Model } from '../../../src/model/types.js';
import { guardPlugin } from '../../../src/pipeline/check-plugin-files.js';
import { loadPlugins } from '../../../src/pipeline/load-plugins.js';

const TEMPLATES = mkdtempSync(join(tmpdir(), 'codegen-plugin-templates-'));
const MODEL = { declarations: [], entities: [], services: [] } as unknown as Model;
const OPTIONS = { split: 'file' } as const;
const CONTEXT = {} as PlanContext;
const GOOD = { path: 'names.ts', template: 'names.hbs', data: { names: [] }, source: 'codegen.config.yaml' };

/** The messages of what `run` throws. */
function messages(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof DiagnosticError) {
      expect(error.diagnostics.every((d) => d.code === 'CG3007')).toBe(true);
      return error.diagnostics.map((d) => d.message);
    }
    return [(error as Error).message];
  }
  return [];
}

const planning = (file: unknown) => () => guardPlugin({ name: 'names', templatesDir: TEMPLATES, plan: () => [file] }).plan(MODEL, OPTIONS, CONTEXT);

describe('planned files', () => {
  it.each([
    ['indexExports as a string', { ...GOOD, indexExports: 'N' }, 'Plugin "names": planned file "names.ts": "indexExports" must be an array of export names (["Book", "type Book"]), or [] for none, got the string "N"'],
    ['no source', { path: 'names.ts', template: 'names.hbs', data: {} }, 'Plugin "names": planned file "names.ts": "source" must be a non-empty string (the source file or config file named in the header), got nothing'],
    ['an empty source', { ...GOOD, source: '' }, 'Plugin "names": planned file "names.ts": "source" must be a non-empty string (the source file or config file named in the header), got the string ""'],
    ['an index export that would break index.ts', { ...GOOD, indexExports: ['Names; drop'] }, 'Plugin "names": planned file "names.ts": "indexExports[0]" must be an export name ("Book", "type Book" or "Book as Volume"), got the string "Names; drop"'],
    ['a path leading out of the output folder', { ...GOOD, path: '../names.ts' }, 'Plugin "names": planned file number 1: "path" must be a relative POSIX path inside the output folder ("models/book.names.ts"), got the string "../names.ts"'],
    ['an absolute path', { ...GOOD, path: '/tmp/names.ts' }, 'Plugin "names": planned file number 1: "path" must be a relative POSIX path inside the output folder ("models/book.names.ts"), got the string "/tmp/names.ts"'],
    ['a Windows path', { ...GOOD, path: 'models\\names.ts' }, 'Plugin "names": planned file number 1: "path" must be a relative POSIX path inside the output folder ("models/book.names.ts"), got the string "models\\\\names.ts"'],
    ["codegen's own manifest", { ...GOOD, path: '.codegen-manifest.json' }, 'Plugin "names": planned file number 1: "path" must be a path other than codegen\'s own .codegen-manifest.json and .codegen-journal.json, got the string ".codegen-manifest.json"'],
    ['no path', { template: 'names.hbs', data: {}, source: 'x.ts' }, 'Plugin "names": planned file number 1: "path" must be a relative POSIX path inside the output folder ("models/book.names.ts"), got nothing'],
    ['a template outside templatesDir', { ...GOOD, template: '../../secret.hbs' }, 'Plugin "names": planned file "names.ts": "template" must be a template file name inside templatesDir ("file.hbs"), got the string "../../secret.hbs"'],
    ['data that is not an object', { ...GOOD, data: ['a'] }, 'Plugin "names": planned file "names.ts": "data" must be a plain object (what the template sees), got an array'],
    ['a misspelt field', { ...GOOD, indexExport: [] }, 'Plugin "names": planned file "names.ts": "indexExport" is not a field of the contract; did you mean "indexExports"?'],
    ['an export without a role', { ...GOOD, exports: [{ name: 'NAMES' }] }, 'Plugin "names": planned file "names.ts": "exports[0].role" must be a non-empty string, got nothing'],
    ['an export whose typeOnly is a string', { ...GOOD, exports: [{ name: 'NAMES', role: 'names', typeOnly: 'yes' }] }, 'Plugin "names": planned file "names.ts": "exports[0].typeOnly" must be true or false, got the string "yes"'],
    ['a file that is not an object', null, 'Plugin "names": planned file number 1: must be an object { path, template, data, source, indexExports?, exports? }, got null'],
  ])('%s', (_name, file, message) => {
    expect(messages(planning(file))).toEqual([message]);
  });

  it('reports every problem of every file', () => {
    const plan = () => [{ ...GOOD, source: 3 }, { ...GOOD, path: 'b.ts', indexExports: 'N', template: '' }];
    const run = () => guardPlugin({ name: 'names', templatesDir: TEMPLATES, plan }).plan(MODEL, OPTIONS, CONTEXT);
    expect(messages(run)).toEqual([
      'Plugin "names": planned file "names.ts": "source" must be a non-empty string (the source file or config file named in the header), got number 3',
      'Plugin "names": planned file "b.ts": "template" must be a template file name inside templatesDir ("file.hbs"), got the string ""',
      'Plugin "names": planned file "b.ts": "indexExports" must be an array of export names (["Book", "type Book"]), or [] for none, got the string "N"',
    ]);
  });

  it('refuses two files with one path, and a plan that is not a list', () => {
    const twice = () => guardPlugin({ name: 'names', templatesDir: TEMPLATES, plan: () => [GOOD, GOOD] }).plan(MODEL, OPTIONS, CONTEXT);
    expect(messages(twice)).toEqual(['Plugin "names": plan() returned two files with the path "names.ts"']);
    const single = () => guardPlugin({ name: 'names', templatesDir: TEMPLATES, plan: () => GOOD }).plan(MODEL, OPTIONS, CONTEXT);
    expect(messages(single)).toEqual(['Plugin "names": plan() returned an array of planned files, got an object']);
  });

  it('passes a valid plan through unchanged, with `this` the exported object', () => {
    class Names {
      name = 'names';
      templatesDir = TEMPLATES;
      files = [{ ...GOOD, indexExports: ['NAMES', 'type Name'], exports: [{ name: 'NAMES', role: 'names', typeOnly: false }] }];
      plan() {
        return this.files;
      }
    }
    const exported = new Names();
    expect(guardPlugin(exported).plan(MODEL, OPTIONS, CONTEXT)).toBe(exported.files);
  });
});

describe('check, requests and uses', () => {
  const plugin = (extra: Record<string, unknown>) => guardPlugin({ name: 'names', templatesDir: TEMPLATES, plan: () => [], ...extra });

  it('diagnostics from check must be diagnostics', () => {
    const check = () => [{ code: 'X1', severity: 'fatal', message: 'no' }, 'oops'];
    expect(messages(() => plugin({ check }).check!(MODEL, OPTIONS, CONTEXT))).toEqual([
      'Plugin "names": check() returned an invalid value: "[0].severity" must be "error" or "warning", got the string "fatal"',
      'Plugin "names": check() returned an invalid value: "[1]" must be a diagnostic { code, severity, message, file?, line?, column?, hint? }, got the string "oops"',
    ]);
  });

  it('requests must be an object and uses() a list of names', () => {
    expect(messages(() => plugin({ requests: () => 'validate' }).requests!(MODEL, OPTIONS))).toEqual([
      'Plugin "names": requests() returned an object of requests by generator name, got the string "validate"',
    ]);
    const uses = plugin({ uses: () => 'validate' }).uses as (options: unknown) => string[];
    expect(messages(() => uses(OPTIONS))).toEqual(['Plugin "names": uses() returned an array of generator names, got the string "validate"']);
  });
});

describe('what a plugin module exports', () => {
  it.each([
    ['uses as a string', { uses: 'validate' }, '"uses" must be an array of generator names, or a function of the options returning one, got the string "validate"'],
    ['an option without a schema', { options: [{ name: 'prefix', description: 'Prefix' }] }, '"options[0].schema" must be a JSON Schema object, got nothing'],
    ['a helper that is not a function', { helpers: { shout: 'SHOUT' } }, '"helpers.shout" must be a function, got the string "SHOUT"'],
    ['a relative templatesDir', { templatesDir: 'templates' }, '"templatesDir" must be an absolute path (fileURLToPath(new URL(\'./templates\', import.meta.url))), got the string "templates"'],
    // Found when the plugin loads, naming the plugin, not when a template is first rendered (tester7 F9).
    ['a templatesDir that does not exist', { templatesDir: join(TEMPLATES, 'nonexistent') }, `"templatesDir" must be the path of an existing folder (the generator's templates), got the string ${JSON.stringify(join(TEMPLATES, 'nonexistent'))}`],
    // `@codegen My Gen` could not name it (tester7 F9).
    ['a name with a space', { name: 'My Gen' }, '"name" must be a generator name: a letter, then letters, digits, "-" or "_" ("svc-doc"), as `@codegen` can write it, got the string "My Gen"'],
    ['no plan', { plan: undefined }, '"plan" must be a function, got nothing'],
  ])('%s', (_name, change, message) => {
    expect(messages(() => guardPlugin({ name: 'names', templatesDir: TEMPLATES, plan: () => [], ...change }))).toEqual([message]);
  });

  it('is reported as CG3005 naming the plugin file', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'codegen-plugin-'));
    writeFileSync(join(folder, 'names.mjs'), `export default { name: 'names', templatesDir: ${JSON.stringify(TEMPLATES)}, uses: 'validate', plan: () => [] };\n`);
    const loaded = await loadPlugins([join(folder, 'names.mjs')], folder);
    expect(loaded.generators).toEqual([]);
    expect(loaded.diagnostics).toMatchObject([
      { code: 'CG3005', file: 'names.mjs', message: 'Plugin "names.mjs" cannot be loaded: "uses" must be an array of generator names, or a function of the options returning one, got the string "validate"' },
    ]);
  });

  it("refuses a plugin named as a built-in generator or as a plugin loaded before it (tester7 F9: one of the two never ran, silently)", async () => {
    const folder = mkdtempSync(join(tmpdir(), 'codegen-plugin-'));
    const plugin = (name: string) => `export default { name: '${name}', templatesDir: ${JSON.stringify(TEMPLATES)}, plan: () => [] };\n`;
    writeFileSync(join(folder, 'mine.mjs'), plugin('validate'));
    writeFileSync(join(folder, 'a.mjs'), plugin('dup'));
    writeFileSync(join(folder, 'b.mjs'), plugin('dup'));
    const loaded = await loadPlugins(['mine.mjs', 'a.mjs', 'b.mjs'].map((file) => join(folder, file)), folder);
    expect(loaded.generators.map((generator) => generator.name)).toEqual(['dup']);
    expect(loaded.diagnostics).toMatchObject([
      { code: 'CG3005', file: 'mine.mjs', message: 'Plugin "mine.mjs" cannot be loaded: it is named "validate", as a built-in generator is (a plugin cannot replace one).' },
      { code: 'CG3005', file: 'b.mjs', message: 'Plugin "b.mjs" cannot be loaded: it is named "dup", as the plugin "a.mjs" is.' },
    ]);
    expect(loaded.diagnostics.every((d) => d.severity === 'error' && /name of its own/.test(d.hint ?? ''))).toBe(true);
  });
});
