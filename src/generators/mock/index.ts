/**
 * The `mock` generator: `mockT`, `mockTList` and `randomT` for every processed type (and the
 * types they reach), `createSMock` for every processed service, in one file per source file,
 * plus a small runtime file (seeded generator, word lists, helpers). Built on the generator
 * contract exactly as a plugin would be.
 */
import { diagnostic } from '../../diagnostics/create.js';
import type { Diagnostic } from '../../diagnostics/types.js';
import type { Declaration, Model } from '../../model/types.js';
import { withOptionDefaults } from '../kit/common-options.js';
import { defineGenerator, type CommonGeneratorOptions, type PlanContext } from '../kit/contract.js';
import { MOCK_INFO } from './info.js';
import { runtimeExports } from './exports.js';
import { createDeclarationIndex } from '../kit/declaration-index.js';
import { infiniteDeclarations } from './compile/finite-values.js';
import { buildMockPlan, GENERATOR_NAME, mockedDeclarations, mockedServices, type MockGeneratorOptions, type MockPlan } from './view-model.js';
import { generatedNameClashes } from '../kit/name-clashes.js';
import { mockNaming, serviceMockNames } from './compile/function-names.js';

export const mockGenerator = defineGenerator<MockGeneratorOptions>({
  ...MOCK_INFO,
  check: (model, options, context) => checkMock(model, withDefaults(options), context),
  plan(model, options, context) {
    const plan = sharedMockPlan(model, withDefaults(options), context);
    if (plan.files.length === 0) return [];
    return [
      ...plan.files.map((file) => ({ path: file.path, template: 'file.hbs', data: { ...file.view }, source: file.source, exports: file.exports })),
      {
        path: plan.runtime.path,
        template: 'runtime.hbs',
        data: { ...plan.runtime.view },
        source: context.configSource,
        // The helpers are for the generated files; users only name these types.
        indexExports: ['type DeepPartial', 'type MockOptions'],
        exports: runtimeExports(plan.runtime.view.helpers),
      },
    ];
  },
});

function withDefaults(options: Partial<MockGeneratorOptions> & CommonGeneratorOptions): MockGeneratorOptions & CommonGeneratorOptions {
  return withOptionDefaults(MOCK_INFO.options, options);
}

/** The last plan made of each model, with the context and options it was made for. */
const lastPlans = new WeakMap<Model, { context: PlanContext; options: string; plan: MockPlan }>();

/**
 * `buildMockPlan`, once for the `check` and the `plan` of one build: they are given the same
 * model and context, and planning is pure (what a plan holds is never changed: see plan-memo.ts).
 */
function sharedMockPlan(model: Model, options: MockGeneratorOptions & CommonGeneratorOptions, context: PlanContext): MockPlan {
  const optionsKey = JSON.stringify(options);
  const last = lastPlans.get(model);
  if (last && last.context === context && last.options === optionsKey) return last.plan;
  const plan = buildMockPlan(model, options, context);
  lastPlans.set(model, { context, options: optionsKey, plan });
  return plan;
}

/** Constraints no mock can satisfy (CG2011) and what the mocks cannot build (CG5001), found by planning. */
function checkMock(model: Model, options: MockGeneratorOptions & CommonGeneratorOptions, context: PlanContext): Diagnostic[] {
  const seen = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const problem of sharedMockPlan(model, options, context).problems) {
    const key = `${problem.source.file}:${problem.source.line}:${problem.source.column}:${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    diagnostics.push(diagnostic(problem.code, { message: problem.message, hint: problem.hint, ...problem.source, ...(problem.severity ? { severity: problem.severity } : {}) }));
  }
  return [...diagnostics, ...infiniteTypeDiagnostics(model), ...serviceNameClashes(model), ...functionNameClashes(model)];
}

/** A type named like a service mock's type (`PayMock` beside service `Pay`): CG5001, as crud's and openapi's generated names (kit/name-clashes.ts). */
function serviceNameClashes(model: Model): Diagnostic[] {
  return generatedNameClashes(
    mockedServices(model).map((service) => ({ subject: `mock for service ${service.name}`, names: [serviceMockNames(service.name).type], source: service.source })),
    model.declarations,
    'Rename the type, or leave the service out of mock with `@codegen`.',
  );
}

/**
 * Two mocked types whose functions would have one name: in one file the name is declared twice
 * (TS2323), across files the barrel exports it twice (TS2308). `Foo`'s list builder beside a
 * mocked `FooList` (tester s11 T3) is named otherwise (`mockFooArray`: function-names.ts
 * `mockNaming`), and the prefixes mock, random and create differ, so no pair is left that meets:
 * what this finds is a clash the naming failed to settle, refused at the type whose own name meets
 * the other's rather than written as code that does not compile.
 */
function functionNameClashes(model: Model): Diagnostic[] {
  const mocked = mockedDeclarations(model, createDeclarationIndex(model));
  // Whether two names meet depends on the set of mocked names alone: a set found free of clashes
  // before is free again (a watch build that adds no type), without naming every function again.
  const names = [...new Set(mocked.map((declaration) => declaration.name))].sort().join('\u0000');
  if (names === namesWithoutClashes) return [];
  const diagnostics = nameClashDiagnostics(mocked);
  namesWithoutClashes = diagnostics.length === 0 ? names : undefined;
  return diagnostics;
}

/** The last set of mocked names (sorted, NUL-joined) `functionNameClashes` found no clash in. */
let namesWithoutClashes: string | undefined;

function nameClashDiagnostics(mocked: readonly Declaration[]): Diagnostic[] {
  const naming = mockNaming(mocked);
  const owners = new Map<string, { declaration: Declaration; role: string }[]>();
  for (const declaration of mocked) {
    const names = naming.functions(declaration.name);
    for (const [role, name] of [['mock', names.mock], ['list builder', names.list], ['random', names.random]] as const) {
      const entries = owners.get(name) ?? [];
      entries.push({ declaration, role });
      owners.set(name, entries);
    }
  }
  const diagnostics: Diagnostic[] = [];
  for (const [name, entries] of owners) {
    const others = entries.filter((entry) => entry.declaration.name !== entries[0]!.declaration.name);
    if (others.length === 0) continue;
    // Located at the mock's own type (`FooList`), naming the other's role (`Foo`'s list builder).
    const own = entries.find((entry) => entry.role === 'mock') ?? entries[0]!;
    const other = entries.find((entry) => entry.declaration.name !== own.declaration.name)!;
    diagnostics.push(
      diagnostic('CG5001', {
        message: `mock for ${own.declaration.name} and mock for ${other.declaration.name} both name a function ${name}: the ${own.role} of ${own.declaration.name} and the ${other.role} of ${other.declaration.name} (${sourceText(other.declaration)}).`,
        hint: `Rename one of the types (${own.declaration.name} to ${own.declaration.name.replace(/List$/, 'Page')}, say), or leave one of them out of mock with \`@codegen\` (a type another mocked type reaches is mocked too).`,
        ...own.declaration.source,
      }),
    );
  }
  return diagnostics;
}

function sourceText(declaration: Declaration): string {
  return `${declaration.source.file}:${declaration.source.line}:${declaration.source.column}`;
}

/** Types every value of which holds another value of the type: a mock of them could never end. */
function infiniteTypeDiagnostics(model: Model): Diagnostic[] {
  const index = createDeclarationIndex(model);
  return infiniteDeclarations(mockedDeclarations(model, index), index).map(({ declaration, path, requires, source }) =>
    diagnostic('CG5001', {
      message:
        `mock cannot build ${declaration.name}: it has no finite value, since ${path} always holds a ${requires}` +
        (requires === declaration.name ? ' (which holds another, without end).' : ` (which has none either).`),
      hint: 'Let the recursion end somewhere: make a property optional, add `| null` or a member without the type, or use an array (which may be empty); or leave the type out of `mock` with `@codegen`.',
      ...source,
    }),
  );
}
