import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiagnosticError, type Diagnostic } from '../../../src/diagnostics/types.js';
import type { GeneratorDefinition } from '../../../src/generators/kit/contract.js';
import { createRenderer } from '../../../src/render/index.js';

function folder(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'codegen-render-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

function greeter(templatesDir: string): GeneratorDefinition {
  return {
    name: 'greeter',
    description: 'test generator',
    options: [],
    templatesDir,
    helpers: { shout: (text: string) => text.toUpperCase() },
    plan: () => [],
  };
}

function renderError(run: () => unknown): Diagnostic {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DiagnosticError);
    return (error as DiagnosticError).diagnostics[0]!;
  }
  throw new Error('expected a DiagnosticError');
}

const file = (template: string, data: Record<string, unknown>) => ({ path: 'out.ts', template, data, source: 'in.ts' });

describe('createRenderer', () => {
  it('renders with built-in helpers, generator helpers and partials, without escaping', () => {
    const builtin = folder({
      'file.hbs': '{{> greeting}} {{shout name}} {{camelCase name}} {{json tags}}',
      'partials/greeting.hbs': 'Hello <{{name}}>',
    });
    const renderer = createRenderer({ generators: [greeter(builtin)], displayRoot: builtin });
    expect(renderer.render('greeter', file('file.hbs', { name: 'order_item', tags: ['a"b'] }))).toBe(
      'Hello <order_item> ORDER_ITEM orderItem ["a\\"b"]',
    );
  });

  it("takes the user's template over the built-in one, file by file", () => {
    const builtin = folder({ 'file.hbs': 'built-in {{> greeting}}', 'partials/greeting.hbs': 'hi' });
    const user = folder({ 'greeter/partials/greeting.hbs': 'user partial' });
    const renderer = createRenderer({ generators: [greeter(builtin)], userTemplatesDir: user, displayRoot: user });
    expect(renderer.render('greeter', file('file.hbs', {}))).toBe('built-in user partial');
  });

  it("gives every generator the package's shared partials, which the user's _partials replace", () => {
    // A plugin's generator, not a built-in one: its template includes the package's deep-equal partial.
    const builtin = folder({ 'file.hbs': '{{> deep-equal exported=true}}', 'local.hbs': '{{> deep-equal}}' });
    const renderer = createRenderer({ generators: [greeter(builtin)], displayRoot: builtin });
    expect(renderer.render('greeter', file('file.hbs', {}))).toContain('\nexport function deepEqual(a: unknown, b: unknown): boolean {');
    const local = renderer.render('greeter', file('local.hbs', {}));
    expect(local).toContain('\nfunction deepEqual(a: unknown, b: unknown): boolean {');
    expect(local).not.toContain('export');
    const user = folder({ '_partials/deep-equal.hbs': 'mine' });
    const replaced = createRenderer({ generators: [greeter(builtin)], userTemplatesDir: user, displayRoot: user });
    expect(replaced.render('greeter', file('file.hbs', {}))).toBe('mine');
  });

  it('reports a parse error at the line and column of the template', () => {
    const user = folder({ 'greeter/file.hbs': 'line one\n  {{#each items}}{{name}}{{/if}}\n' });
    const renderer = createRenderer({ generators: [greeter(folder({}))], userTemplatesDir: user, displayRoot: user });
    const error = renderError(() => renderer.render('greeter', file('file.hbs', { items: [] })));
    expect(error).toMatchObject({ code: 'CG3001', file: 'greeter/file.hbs', line: 2 });
  });

  it('reports an unknown value as a runtime error (strict mode)', () => {
    const builtin = folder({ 'file.hbs': 'a\n  {{declaration.nmae}}' });
    const renderer = createRenderer({ generators: [greeter(builtin)], displayRoot: builtin });
    const error = renderError(() => renderer.render('greeter', file('file.hbs', { declaration: { name: 'X' } })));
    expect(error).toMatchObject({ code: 'CG3002', file: 'file.hbs', line: 2, column: 5 });
    expect(error.message).toBe('"declaration.nmae" is not defined; did you mean "name"?');
  });

  it('points errors inside a partial at the partial file', () => {
    const builtin = folder({ 'file.hbs': 'x {{> broken}}', 'partials/broken.hbs': '{{missing}}' });
    const renderer = createRenderer({ generators: [greeter(builtin)], displayRoot: builtin });
    const error = renderError(() => renderer.render('greeter', file('file.hbs', {})));
    expect(error).toMatchObject({ code: 'CG3002', file: 'partials/broken.hbs', line: 1 });
  });

  it('reports a missing template', () => {
    const builtin = folder({});
    const renderer = createRenderer({ generators: [greeter(builtin)], displayRoot: builtin });
    expect(renderError(() => renderer.render('greeter', file('nope.hbs', {}))).code).toBe('CG3003');
  });

  it('compiles a template once per process: a second renderer binds the same compiled form to its own helpers', () => {
    const builtin = folder({ 'file.hbs': '{{shout name}} {{> greeting}}', 'partials/greeting.hbs': 'hi {{name}}' });
    const first = createRenderer({ generators: [greeter(builtin)], displayRoot: builtin });
    expect(first.render('greeter', file('file.hbs', { name: 'a' }))).toBe('A hi a');
    const whisper = { ...greeter(builtin), helpers: { shout: (text: string) => `${text.toLowerCase()}…` } };
    const second = createRenderer({ generators: [whisper], displayRoot: builtin });
    expect(second.render('greeter', file('file.hbs', { name: 'B' }))).toBe('b… hi B');
    // Still strict, and its errors still located, when the compiled form comes from the memo.
    const error = renderError(() => second.render('greeter', file('file.hbs', {})));
    expect(error).toMatchObject({ code: 'CG3002', file: 'file.hbs', line: 1 });
  });

  it('compiles a template again when its text or the helpers it may call change', () => {
    const builtin = folder({ 'file.hbs': '{{shout name}}' });
    expect(createRenderer({ generators: [greeter(builtin)], displayRoot: builtin }).render('greeter', file('file.hbs', { name: 'a' }))).toBe('A');
    writeFileSync(join(builtin, 'file.hbs'), 'edited {{shout name}}');
    expect(createRenderer({ generators: [greeter(builtin)], displayRoot: builtin }).render('greeter', file('file.hbs', { name: 'a' }))).toBe('edited A');
    // A generator without the helper: the unknown helper is reported on every run, not remembered as compiled.
    const bare = { ...greeter(builtin), helpers: {} };
    for (let run = 0; run < 2; run++) {
      const renderer = createRenderer({ generators: [bare], displayRoot: builtin });
      expect(renderError(() => renderer.render('greeter', file('file.hbs', { name: 'a' }))).code).toBe('CG3002');
    }
  });
});
