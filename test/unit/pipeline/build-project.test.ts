/**
 * buildProject hands each generator's outputs to the formatter as soon as that generator is
 * planned, so the format workers run while the next generators plan (issue 12, cold runs on two
 * cores); a partial run (--only, --type) still chooses its files from everything rendered. Files
 * and diagnostics come in the planned order either way.
 */
import { describe, expect, it } from 'vitest';
import type { AnalyzeResult } from '../../../src/analyzer/index.js';
import type { ProjectConfig } from '../../../src/config/types.js';
import { defineGenerator, type GeneratorDefinition } from '../../../src/generators/kit/contract.js';
import { buildProject, type OutputFile } from '../../../src/pipeline/build-project.js';
import { Timings } from '../../../src/pipeline/timings.js';
import { declaration, model, object, property } from '../kit/model-builders.js';

const paths = { inputRoot: 'src/models', outputDir: 'src/generated', outputToRoot: '../..', importExtension: '.js' as const, configSource: 'codegen.config.yaml' };
const book = declaration('Book', object(property('title', { kind: 'string' })));

/** A generator planning one text file per call, telling `events` when it plans. */
function generator(name: string, events: string[]): GeneratorDefinition {
  return defineGenerator({
    name,
    description: name,
    options: [],
    templatesDir: '/nowhere',
    plan: () => {
      events.push(`plan ${name}`);
      return [{ path: `${name}.txt`, template: 'file.hbs', data: {}, source: 'src/models/book.ts' }];
    },
  });
}

async function build(only: string[] = []) {
  const events: string[] = [];
  const formatted: string[] = [];
  const result = await buildProject({
    project: { name: 'default', generators: { first: {}, second: {}, third: {} } } as unknown as ProjectConfig,
    analysis: { model: model(book), diagnostics: [] } as unknown as AnalyzeResult,
    context: paths,
    generators: [generator('first', events), generator('second', events), generator('third', events)],
    renderer: { render: (name) => `rendered by ${name}` },
    format: async (file: OutputFile) => {
      events.push(`format ${file.path}`);
      // Answered later than planning goes on: the build must wait for every file anyway.
      await new Promise((resolve) => setTimeout(resolve, 5));
      formatted.push(file.path);
      return `${file.content} (formatted)`;
    },
    formatQueued: async () => {
      events.push('queued');
    },
    only,
    types: [],
    exists: async () => false,
    timings: new Timings(),
  });
  return { events, formatted, result };
}

describe('buildProject', () => {
  it("formats each generator's outputs as soon as it is planned, before the next one plans", async () => {
    const { events, result } = await build();
    expect(events).toEqual(['plan first', 'format first.txt', 'queued', 'plan second', 'format second.txt', 'queued', 'plan third', 'format third.txt', 'queued']);
    expect(result.files.map((file) => [file.path, file.content])).toEqual([
      ['first.txt', 'rendered by first (formatted)'],
      ['second.txt', 'rendered by second (formatted)'],
      ['third.txt', 'rendered by third (formatted)'],
    ]);
    expect(result.diagnostics).toEqual([]);
  });

  it('plans everything before formatting the files a partial run chose', async () => {
    const { events, result } = await build(['second']);
    expect(events).toEqual(['plan first', 'plan second', 'plan third', 'format second.txt']);
    expect(result.files.map((file) => file.path)).toEqual(['second.txt']);
    expect(result.partial).toBe(true);
  });

  it("skips a generator that uses one whose plan failed: its errors about the missing outputs would be false (tester7 F11)", async () => {
    const checked: string[] = [];
    const failing = defineGenerator({ name: 'base', description: 'base', options: [], templatesDir: '/nowhere', plan: () => { throw new Error('cannot name its files'); } });
    const user = defineGenerator({
      name: 'user',
      description: 'user',
      options: [],
      templatesDir: '/nowhere',
      uses: ['base'],
      check: (_model, _options, context) => {
        checked.push('user');
        // What client does with validateResponses: an error for each validator it cannot find.
        return context.outputs('base').length === 0 ? [{ code: 'CG5001', severity: 'error', message: 'Book is not processed by base' }] : [];
      },
      plan: () => [],
    });
    const result = await buildProject({
      project: { name: 'default', generators: { base: {}, user: {} } } as unknown as ProjectConfig,
      analysis: { model: model(book), diagnostics: [] } as unknown as AnalyzeResult,
      context: paths,
      generators: [failing, user],
      renderer: { render: (name) => name },
      format: async (file: OutputFile) => file.content,
      formatQueued: async () => {},
      only: [],
      types: [],
      exists: async () => false,
      timings: new Timings(),
    });
    expect(result.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual(['CG3006 Generator "base" failed: cannot name its files']);
    expect(checked).toEqual([]);
  });
});
