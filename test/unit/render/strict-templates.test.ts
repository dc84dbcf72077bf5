/**
 * Strict templates: every value a template reads must exist, wherever it is read (a helper's
 * argument, a block param, a hash value, a subexpression, `lookup`, a partial's argument); only
 * the value an `#if`/`#unless` tests may be missing. Each failure names the template file, the
 * tag's line and column, and the path, helper or partial involved.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiagnosticError, type Diagnostic } from '../../../src/diagnostics/types.js';
import type { GeneratorDefinition } from '../../../src/generators/kit/contract.js';
import { createRenderer } from '../../../src/render/index.js';

function folder(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'codegen-strict-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

const DATA = {
  items: [{ name: 'a', optional: true }, { name: 'b' }],
  item: { name: 'Book', nullable: null },
  title: 'Books',
};

/** A plugin-like generator whose templates are `files`; `greeting` is a partial. */
function render(files: Record<string, string>, data: Record<string, unknown> = DATA): string {
  const templatesDir = folder({ 'partials/greeting.hbs': 'Hello {{who}}', ...files });
  const generator: GeneratorDefinition = {
    name: 'plugin',
    description: 'test plugin',
    options: [],
    templatesDir,
    helpers: {
      shout: (text: string) => text.toUpperCase(),
      explode: (text: string) => {
        throw new Error(`cannot explode ${text}`);
      },
    },
    plan: () => [],
  };
  const renderer = createRenderer({ generators: [generator], displayRoot: templatesDir });
  return renderer.render('plugin', { path: 'out.ts', template: 'file.hbs', data, source: 'in.ts' });
}

function failure(files: Record<string, string>, data?: Record<string, unknown>): Pick<Diagnostic, 'code' | 'file' | 'line' | 'column' | 'message'> {
  try {
    render(files, data);
  } catch (error) {
    expect(error).toBeInstanceOf(DiagnosticError);
    const { code, file, line, column, message } = (error as DiagnosticError).diagnostics[0]!;
    return { code, file, line, column, message };
  }
  throw new Error('expected the template to fail');
}

/** Three lines of text before the tag under test, so a 1:1 fallback cannot pass. */
const PREFIX = 'line 1\nline 2\nline 3\n';

describe('a value the data does not have is an error at its tag', () => {
  it.each([
    ['#each over a misspelled list', '{{#each itmes}}x{{/each}}', 9, '"itmes" is not defined; did you mean "items"?'],
    ['a helper argument', '  {{json nosuch}}', 10, '"nosuch" is not defined'],
    ['a comparison argument', '{{eq nosuch 1}}', 6, '"nosuch" is not defined'],
    ['a #with argument', '{{#with nosuch}}x{{/with}}', 9, '"nosuch" is not defined'],
    ['a subexpression argument', '{{#if (eq nosuch 1)}}x{{/if}}', 11, '"nosuch" is not defined'],
    ['lookup of a missing key', '{{lookup item "nosuch"}}', 1, '"nosuch" is not defined in the value given to lookup'],
    ['lookup in a subexpression', '{{json (lookup item "nosuch")}}', 8, '"nosuch" is not defined in the value given to lookup'],
    ['a block param', '{{#each items as |entry|}}{{entry.nosuch}}{{/each}}', 29, '"entry.nosuch" is not defined'],
    ['the first segment of a helper argument, named as such', '{{json nosuch.deeper}}', 8, '"nosuch" is not defined (reading "nosuch.deeper")'],
    ['the first segment of a plain path', '{{nosuch.deeper}}', 3, '"nosuch" is not defined (reading "nosuch.deeper")'],
    ['a segment under null', '{{item.nullable.name}}', 3, '"item.nullable.name" is not defined: "item.nullable" is null'],
    ['a hash value passed to a partial', '{{> greeting who=nosuch}}', 18, '"nosuch" is not defined'],
    ['the context passed to a partial', '{{> greeting nosuch}}', 14, '"nosuch" is not defined'],
    ['a join argument', '{{join nosuch ", "}}', 8, '"nosuch" is not defined'],
    ['a parent path', '{{#each items}}{{../nosuch}}{{/each}}', 18, '"../nosuch" is not defined'],
    ['a data variable', '{{@root.nosuch}}', 3, '"@root.nosuch" is not defined'],
    ['a data variable outside #each', '{{@index}}', 3, '"@index" is not defined'],
    ['a missing middle segment of an #if test', '{{#if itme.name}}x{{/if}}', 7, '"itme" is not defined (reading "itme.name"); did you mean "item"?'],
    ['a property of each item', '{{#each items}}{{#if optional}}{{nmae}}{{/if}}{{/each}}', 34, '"nmae" is not defined; did you mean "name"?'],
  ])('%s', (_name, tag, column, message) => {
    expect(failure({ 'file.hbs': PREFIX + tag })).toEqual({ code: 'CG3002', file: 'file.hbs', line: 4, column, message });
  });

  it('inside a partial, at the partial file', () => {
    const files = { 'file.hbs': 'x {{> row}}', 'partials/row.hbs': 'a\n\n  {{json nosuch}}' };
    expect(failure(files)).toEqual({ code: 'CG3002', file: 'partials/row.hbs', line: 3, column: 10, message: '"nosuch" is not defined' });
  });
});

describe('what an #if or #unless tests may be missing (that is what they are for)', () => {
  it.each([
    ['{{#if nosuch}}yes{{else}}no{{/if}}', 'no'],
    ['{{#unless nosuch}}yes{{/unless}}', 'yes'],
    ['{{#if item.summary}}yes{{else}}no{{/if}}', 'no'],
    ['{{#if item.nullable.name}}yes{{else}}no{{/if}}', 'no'],
    ['{{#if nosuch}}a{{else if item.summary}}b{{else}}c{{/if}}', 'c'],
    ['{{#each items}}{{name}}{{#if optional}}?{{/if}} {{/each}}', 'a? b '],
    ['{{#each items}}{{#unless @last}}{{name}},{{/unless}}{{/each}}', 'a,'],
  ])('%s', (template, output) => {
    expect(render({ 'file.hbs': template })).toBe(output);
  });
});

describe('helpers and partials are reported at their tag, by name', () => {
  it('a helper that throws', () => {
    expect(failure({ 'file.hbs': `${PREFIX}  {{explode title}}` })).toEqual({
      code: 'CG3002',
      file: 'file.hbs',
      line: 4,
      column: 3,
      message: 'Helper "explode" failed: cannot explode Books',
    });
  });

  it('a helper that throws inside a block, at its own tag and not at the block', () => {
    const error = failure({ 'file.hbs': `{{#each items}}\n{{#with this}}\n\n   {{explode name}}{{/with}}{{/each}}` });
    expect(error).toMatchObject({ line: 4, column: 4, message: 'Helper "explode" failed: cannot explode a' });
  });

  it("a built-in helper's own error", () => {
    expect(failure({ 'file.hbs': `${PREFIX}{{#each}}x{{/each}}` })).toMatchObject({ line: 4, column: 1, message: 'Helper "each" failed: Must pass iterator to #each' });
  });

  it('a helper nobody registered, before anything runs (even in a branch not taken)', () => {
    expect(failure({ 'file.hbs': `${PREFIX}{{#if nosuch}} {{shuot title}}{{/if}}` })).toEqual({
      code: 'CG3002',
      file: 'file.hbs',
      line: 4,
      column: 18,
      message: 'Helper "shuot" is not registered; did you mean "shout"?',
    });
  });

  it('a missing partial', () => {
    expect(failure({ 'file.hbs': `${PREFIX}  {{> greetng}}` })).toEqual({
      code: 'CG3003',
      file: 'file.hbs',
      line: 4,
      column: 3,
      message: 'Partial "greetng" not found (did you mean "greeting"?)',
    });
  });

  it('a missing partial inside a block, at its own tag and not as a failure of the block helper', () => {
    expect(failure({ 'file.hbs': `{{#each items}}\n{{#if name}}\n  {{> greetng}}{{/if}}{{/each}}` })).toEqual({
      code: 'CG3003',
      file: 'file.hbs',
      line: 3,
      column: 3,
      message: 'Partial "greetng" not found (did you mean "greeting"?)',
    });
  });

  it('a missing partial included by a partial, in that partial', () => {
    const files = { 'file.hbs': '{{> outer}}', 'partials/outer.hbs': 'a\n{{> nothing-like-it}}' };
    expect(failure(files)).toEqual({
      code: 'CG3003',
      file: 'partials/outer.hbs',
      line: 2,
      column: 1,
      message: 'Partial "nothing-like-it" not found; the partials are deep-equal, greeting, outer', // deep-equal: the package's shared one
    });
  });

  it('an inline partial is found', () => {
    expect(render({ 'file.hbs': '{{#*inline "row"}}<{{name}}>{{/inline}}{{#each items}}{{> row}}{{/each}}' })).toBe('<a><b>');
  });
});

describe("an override of a built-in generator's partial is as strict", () => {
  it('reports the override file and position', () => {
    const builtin = folder({ 'file.hbs': '{{#each declarations}}{{> declaration}}{{/each}}', 'partials/declaration.hbs': '{{name}}' });
    const user = folder({ 'validate/partials/declaration.hbs': '// {{name}}\n{{#each fields}}{{/each}}\n{{json nosuch}}' });
    const generator: GeneratorDefinition = { name: 'validate', description: '', options: [], templatesDir: builtin, plan: () => [] };
    const renderer = createRenderer({ generators: [generator], userTemplatesDir: user, displayRoot: user });
    const file = { path: 'x.ts', template: 'file.hbs', data: { declarations: [{ name: 'Book', fields: [] }] }, source: 'x.ts' };
    try {
      renderer.render('validate', file);
      throw new Error('expected a failure');
    } catch (error) {
      expect((error as DiagnosticError).diagnostics[0]).toMatchObject({
        code: 'CG3002',
        file: 'validate/partials/declaration.hbs',
        line: 3,
        column: 8,
        message: '"nosuch" is not defined',
      });
    }
  });
});
