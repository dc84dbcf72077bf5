/**
 * Generators that build on others: `uses` orders the plans, enables a used generator the config
 * does not list, extends the items' selections, and the context finds the used outputs' exports.
 */
import { describe, expect, it } from 'vitest';
import { defineGenerator, type GeneratorDefinition, type PlannedFile } from '../../../src/generators/kit/contract.js';
import { createPlanContext, planGenerators } from '../../../src/generators/kit/plan-outputs.js';
import { validateGenerator } from '../../../src/generators/validate/index.js';
import { orderGenerators, withUsedSelections } from '../../../src/pipeline/generator-order.js';
import { BUILTIN_GENERATORS } from '../../../src/generators/index.js';
import { declaration, model, object, property, ref } from './model-builders.js';

const paths = { inputRoot: 'src/models', outputDir: 'src/generated', outputToRoot: '../..', importExtension: '.js' as const, configSource: 'codegen.config.yaml' };

function plugin(name: string, uses: string[], plan: GeneratorDefinition['plan'] = () => []): GeneratorDefinition {
  return defineGenerator({ name, description: name, options: [], templatesDir: '/nowhere', uses, plan });
}

const book = declaration('Book', object(property('price', ref('Money'))), { generators: ['shelf'] });
const money = declaration('Money', object(property('amount', { kind: 'number' })), { source: { file: 'src/models/money.ts', line: 1, column: 1 } });

describe('orderGenerators', () => {
  it('plans a used generator before its user, enabling it with its defaults when the config does not list it', () => {
    const known = [...BUILTIN_GENERATORS, plugin('shelf', ['validate'])];
    const { active, diagnostics } = orderGenerators(model(book, money), { shelf: {}, mock: {} }, known);
    expect(diagnostics).toEqual([]);
    expect(active.map((entry) => [entry.definition.name, entry.enabledBy])).toEqual([
      ['validate', ['shelf']],
      ['shelf', undefined],
      ['mock', undefined],
    ]);
    expect(active[0]!.options).toEqual({ split: 'file', coerce: false });
  });

  it('keeps the config order when nothing is used, and uses client → validate only with validateResponses', () => {
    const names = (client: Record<string, unknown>) =>
      orderGenerators(model(book), { client, mock: {} }, BUILTIN_GENERATORS).active.map((entry) => entry.definition.name);
    expect(names({})).toEqual(['client', 'mock']);
    expect(names({ validateResponses: true })).toEqual(['validate', 'client', 'mock']);
  });

  it('reports a used name nobody defines and a cycle, as CG3005', () => {
    const unknown = orderGenerators(model(book), { shelf: {} }, [plugin('shelf', ['valdate'])]);
    expect(unknown.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([
      'CG3005 Generator "shelf" uses "valdate", which is not a known generator (known: shelf).',
    ]);
    const cycle = orderGenerators(model(book), { a: {} }, [plugin('a', ['b']), plugin('b', ['a'])]);
    expect(cycle.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([
      'CG3005 Generators use each other in a cycle: a → b → a; none of them can be planned first.',
    ]);
  });

  it('makes an item that selects a generator select what it uses, transitively', () => {
    const known = [validateGenerator, plugin('shelf', ['sql']), plugin('sql', ['validate'])];
    const { active } = orderGenerators(model(book, money), { shelf: {} }, known);
    expect(active.map((entry) => entry.definition.name)).toEqual(['validate', 'sql', 'shelf']);
    const seen = withUsedSelections(model(book, money), active);
    expect(seen.declarations.map((d) => [d.name, d.generators])).toEqual([
      ['Book', ['shelf', 'sql', 'validate']],
      ['Money', []],
    ]);
  });
});

describe('the exports lookup', () => {
  it("finds validate's functions and runtime by role, at their final paths", () => {
    let found: unknown;
    const shelf = plugin('shelf', ['validate'], (_model, _options, context) => {
      found = {
        validateBook: context.findExport('validate', { declaration: 'Book', role: 'validate' }),
        collectMoney: context.findExport('validate', { declaration: 'Money', role: 'collect' }),
        error: context.findExport('validate', { role: 'ValidationError' }),
        issue: context.findExport('validate', { role: 'ValidationIssue' }),
        none: context.findExport('validate', { declaration: 'Book', role: 'mock' }),
      };
      return [];
    });
    const withValidate = model({ ...book, generators: ['shelf', 'validate'] }, money);
    planGenerators(
      withValidate,
      [
        { generator: validateGenerator, options: { split: 'file', coerce: false, output: 'checks' } },
        { generator: shelf, options: { split: 'file' } },
      ],
      paths,
    );
    expect(found).toEqual({
      validateBook: { name: 'validateBook', path: 'checks/types.validate.ts', typeOnly: false },
      collectMoney: { name: 'collectMoneyIssues', path: 'checks/money.validate.ts', typeOnly: false },
      error: { name: 'ValidationError', path: 'checks/validation.ts', typeOnly: false },
      issue: { name: 'ValidationIssue', path: 'checks/validation.ts', typeOnly: true },
      none: undefined,
    });
  });

  it('refuses to look up a generator the plugin does not use', () => {
    const context = createPlanContext(paths, new Map([['validate', []]]), []);
    expect(() => context.outputs('validate')).toThrow(/not among the generators it uses \(none\); add it to `uses`/);
  });

  it('describes every export of every file validate and mock plan', () => {
    const planned = planGenerators(
      model({ ...book, generators: ['validate', 'mock'] }, money),
      [
        { generator: validateGenerator, options: { split: 'file', coerce: false } },
        { generator: BUILTIN_GENERATORS.find((g) => g.name === 'mock')!, options: { split: 'file', seed: 42, maxDepth: 3 } },
      ],
      paths,
    );
    const summary = (files: PlannedFile[]) => files.map((file) => [file.path, (file.exports ?? []).map((e) => `${e.declaration ?? ''}:${e.role}=${e.name}`)]);
    expect(summary(planned.get('validate')!)).toEqual([
      ['money.validate.ts', ['Money:is=isMoney', 'Money:validate=validateMoney', 'Money:assert=assertMoney', 'Money:collect=collectMoneyIssues']],
      ['types.validate.ts', ['Book:is=isBook', 'Book:validate=validateBook', 'Book:assert=assertBook', 'Book:collect=collectBookIssues']],
      [
        'validation.ts',
        [':ValidationError=ValidationError', ':ValidationIssue=ValidationIssue', ':ValidationResult=ValidationResult', ':ValidationIssueCode=ValidationIssueCode', ':validateWith=validateWith', ':assertValid=assertValid', ':report=report', ':isObject=isObject'],
      ],
    ]);
    expect(summary(planned.get('mock')!).map(([path, exports]) => [path, (exports as string[]).filter((e) => !e.startsWith(':'))])).toEqual([
      ['money.mock.ts', ['Money:mock=mockMoney', 'Money:mockList=mockMoneyList', 'Money:random=randomMoney']],
      ['types.mock.ts', ['Book:mock=mockBook', 'Book:mockList=mockBookList', 'Book:random=randomBook']],
      ['mocking.ts', []],
    ]);
    expect(planned.get('mock')!.at(-1)!.exports!.map((e) => e.name)).toEqual(expect.arrayContaining(['Rng', 'mockOne', 'mockNumber']));
  });
});
