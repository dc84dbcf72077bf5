/**
 * The validate generator's view models: which declarations each output file holds, the code of
 * their validators (compiled by the kit walker with the validate strategies), and the imports
 * and names the templates print. Pure data in, plain data out.
 */
import type { Declaration, Docs, Model, TypeNode } from '../../model/types.js';
import type { CommonGeneratorOptions, PlanContext } from '../kit/contract.js';
import { createDeclarationIndex, type DeclarationIndex } from '../kit/declaration-index.js';
import { docComment } from '../kit/emit.js';
import { groupImports, importedName, type ImportView } from '../kit/imports.js';
import { readNames } from './compile/unused-code.js';
import { importPath, importPathBetweenOutputs, locatedOutputPath, OutputNames } from '../kit/output-paths.js';
import { printDeclarationType, type TypeReference } from '../kit/print-type.js';
import { closureKeys, planPathsKey } from '../kit/plan-memo.js';
import { helpersOfSubjects, isValidatorRequest } from '../kit/compile-validators.js';
import { coerceFunctionBody } from './compile/coerce-strategy.js';
import { collectFunctionBody } from './compile/collect-bodies.js';
import { guardedCoerceBody, guardedCollectBody, guardedIsBody } from './compile/cycle-guards.js';
import { FileCompiler, type FunctionRole } from './compile/file-compiler.js';
import { declarationFunctionNames, type DeclarationFunctionNames } from './compile/function-names.js';
import { isFunctionBody } from './compile/is-strategy.js';
import { issueTitleRows } from './compile/issue-messages.js';
import { PRIVATE_HELPERS, RUNTIME_HELPERS, withDependencies, type RuntimeHelper } from './compile/runtime-helpers.js';

export const GENERATOR_NAME = 'validate';
/** The runtime file, emitted once at the root of the generator's output folder. */
export const RUNTIME_FILE = 'validation.ts';

export interface ValidateOptions {
  coerce: boolean;
}

export type { ImportView };

export interface DeclarationView {
  id: string;
  name: string;
  /** The declaration's type as the model has it, for helpers that want to build their own code. */
  type: TypeNode;
  /** TypeScript text of the checked type (`Page<Order>`). */
  typeText: string;
  functions: DeclarationFunctionNames;
  /** Doc comments of the generated functions (may be empty). */
  docs: Record<'is' | 'validate' | 'assert' | 'collect' | 'coerce', string>;
  isBody: string;
  collectBody: string;
  /**
   * Parameter names of `isT` and `collectTIssues`: `_value`, `_path`, `_issues` where the body does
   * not read them (a type that admits anything, or nothing), for `noUnusedParameters`.
   */
  parameters: { isValue: string; value: string; path: string; issues: string };
  /** Whether `validate`/`assert` turn ISO strings into Dates (coerce on and a Date reachable). */
  coerces: boolean;
  coerceBody: string;
  /** Local names of the runtime functions `validate` and `assert` are written with. */
  helpers: { validateWith: string; assertValid: string };
}

export interface ValidateFileView {
  typeImports: ImportView[];
  /** User classes the validators test with `instanceof` (classes with non-public members). */
  valueImports: ImportView[];
  runtimeImport: ImportView;
  validatorImports: ImportView[];
  runtime: { issue: string; result: string; error: string };
  constants: Array<{ name: string; code: string }>;
  declarations: DeclarationView[];
  /** Private functions checking nested types, in order of first use. */
  internals: string[];
}

export interface RuntimeHelperView {
  name: RuntimeHelper;
  exported: boolean;
}

export interface RuntimeFileView {
  /** Every helper by name: true when some generated file needs it. */
  helpers: Record<RuntimeHelper, boolean>;
  /** Each issue code with the title its messages start with. */
  issueTitles: Array<{ code: string; title: string }>;
}

interface OutputGroup {
  path: string;
  source: string;
  declarations: Declaration[];
}

/** The declarations that get validators: those processed by `validate` and everything they reach. */
export function validatedDeclarations(index: DeclarationIndex): Declaration[] {
  const roots = index.all.filter((declaration) => declaration.generators.includes(GENERATOR_NAME));
  return index.closure(roots.map((declaration) => declaration.id));
}

/** One group per output file: per source file, or per type with `split: type`. */
function groupByOutput(
  declarations: Declaration[],
  index: DeclarationIndex,
  options: CommonGeneratorOptions,
  context: PlanContext,
): OutputGroup[] {
  const groups = new Map<string, OutputGroup>();
  const names = new OutputNames(GENERATOR_NAME, options, context);
  for (const [file, inFile] of index.byFile(declarations)) {
    for (const declaration of inFile) {
      const path = names.pathFor({ sourcePath: file, typeName: declaration.name });
      const group = groups.get(path) ?? { path, source: file, declarations: [] };
      group.declarations.push(declaration);
      groups.set(path, group);
    }
  }
  return [...groups.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export interface ValidatePlan {
  files: Array<{ path: string; source: string; view: ValidateFileView }>;
  runtime: { path: string; view: RuntimeFileView };
}

/** Plans every output file's view model (pure). */
export function buildValidatePlan(
  model: Model,
  options: ValidateOptions & CommonGeneratorOptions,
  context: PlanContext,
): ValidatePlan {
  // Generators compiling validators of their own (`compileValidators`) import this runtime's helpers too.
  const requested = context.requests.filter(isValidatorRequest).flatMap((request) => helpersOfSubjects(request.subjects, model));
  const index = createDeclarationIndex(model);
  const groups = groupByOutput(validatedDeclarations(index), index, options, context);
  const fileOf = new Map(groups.flatMap((group) => group.declarations.map((declaration) => [declaration.id, group.path] as const)));
  const usedHelpers = new Set<RuntimeHelper>(requested.filter((helper) => !PRIVATE_HELPERS.has(helper)));
  const inputs: FileInputs = { index, options, context, fileOf, closureKey: closureKeys(index, (id) => fileOf.get(id) ?? '') };
  const files = groups.map((group) => {
    const view = context.memo ? context.memo.reuse(fileKey(group, inputs), () => buildFileView(group, inputs)) : buildFileView(group, inputs);
    for (const helper of view.helpersUsed) usedHelpers.add(helper);
    return { path: group.path, source: group.source, view: view.file };
  });
  const needed = new Set(withDependencies(usedHelpers));
  const helpers = Object.fromEntries(RUNTIME_HELPERS.map((helper) => [helper, needed.has(helper)])) as Record<RuntimeHelper, boolean>;
  return { files, runtime: { path: RUNTIME_FILE, view: { helpers, issueTitles: issueTitleRows() } } };
}

interface FileInputs {
  index: DeclarationIndex;
  options: ValidateOptions & CommonGeneratorOptions;
  context: PlanContext;
  fileOf: Map<string, string>;
  /** The closure part of a file's key (the signatures are made once per plan, on first use). */
  closureKey: (ids: Iterable<string>) => string;
}

/**
 * What a file's view is planned from: its declarations, everything they reach (the compiler may
 * look at any of them) with the output file of each, the options and the paths.
 */
function fileKey(group: OutputGroup, inputs: FileInputs): string {
  const ids = group.declarations.map((declaration) => declaration.id);
  return [
    GENERATOR_NAME,
    group.path,
    group.source,
    JSON.stringify(inputs.options),
    planPathsKey(inputs.context),
    ids.join('\u0001'),
    inputs.closureKey(ids),
  ].join('\u0000');
}

function buildFileView(group: OutputGroup, inputs: FileInputs): { file: ValidateFileView; helpersUsed: RuntimeHelper[] } {
  const { index, options, context, fileOf } = inputs;
  const compiler = new FileCompiler({
    index,
    localIds: new Set(group.declarations.map((declaration) => declaration.id)),
    coerce: options.coerce,
  });
  const references = new Map<string, TypeReference>();
  const declarations = group.declarations.map((declaration) => declarationView(declaration, compiler, references));
  const located = locatedOutputPath(group.path, options);
  const classes = compiler.classImports();
  const typeImports = groupImports(
    [...references.values()]
      .filter((reference) => !classes.has(reference.name))
      .map((reference) => ({ name: importedName(reference), from: importPath(located, reference.file, context) })),
  );
  const valueImports = groupImports(
    [...classes.values()].map((reference) => ({ name: importedName(reference), from: importPath(located, reference.file, context, 'value') })),
  );
  const externalFunctions = [...compiler.externalFunctions()].flatMap(([id, roles]) =>
    functionsFor(index.get(id).name, roles).map((name) => ({
      name,
      from: importPathBetweenOutputs(group.path, fileOf.get(id)!, context),
    })),
  );
  // Only what the exported functions read, directly or through others (unused-code.ts).
  const guards = compiler.guardParts();
  const internals = [...compiler.liftedFunctions().map((code) => ({ name: /^function ([\w$]+)/.exec(code)?.[1] ?? '', code })), ...guards.functions];
  const constants = [...compiler.constantDeclarations(), ...guards.constants];
  const read = readNames(
    declarations.flatMap((view) => [view.isBody, view.collectBody, view.coerceBody, view.helpers.validateWith, view.helpers.assertValid]),
    [...internals, ...constants, ...compiler.runtimeImports().map(({ alias }) => ({ name: alias, code: '' })), ...externalFunctions.map(({ name }) => ({ name, code: '' }))],
  );
  const validatorImports = groupImports(externalFunctions.filter(({ name }) => read.has(name)));
  const runtimeHelpers = compiler.runtimeImports().filter(({ alias }) => read.has(alias));
  const { issue, result } = compiler.runtimeTypes;
  // `ValidationError` is thrown inside the runtime's `assertValid`: the file itself names it no more.
  const runtimeNames = [
    `type ${aliased('ValidationIssue', issue)}`,
    `type ${aliased('ValidationResult', result)}`,
    ...runtimeHelpers.map(({ helper, alias }) => aliased(helper, alias)),
  ];
  return {
    file: {
      typeImports,
      valueImports,
      runtimeImport: { names: runtimeNames.join(', '), from: importPathBetweenOutputs(group.path, RUNTIME_FILE, context) },
      validatorImports,
      runtime: compiler.runtimeTypes,
      constants: constants.filter(({ name }) => read.has(name)),
      declarations,
      internals: internals.filter(({ name }) => read.has(name)).map(({ code }) => code),
    },
    helpersUsed: runtimeHelpers.map(({ helper }) => helper).filter((helper) => !PRIVATE_HELPERS.has(helper)),
  };
}

function declarationView(declaration: Declaration, compiler: FileCompiler, references: Map<string, TypeReference>): DeclarationView {
  const typeText = printDeclarationType(declaration, compiler.index, references);
  const functions = declarationFunctionNames(declaration.name);
  const coerces = compiler.coerce && compiler.containsCoerced(declaration.type);
  // Only a recursive declaration's checks can come back to an object they are checking (cycle-guards.ts).
  const cyclic = compiler.index.isRecursive(declaration.id);
  const isBody = guarded(isFunctionBody(declaration.type, compiler, declaration.name), cyclic, (body) => guardedIsBody(body, declaration.name, compiler));
  const collectBody = guarded(collectFunctionBody(declaration.type, compiler, declaration.name), cyclic, (body) => guardedCollectBody(body, declaration.name, compiler));
  return {
    id: declaration.id,
    name: declaration.name,
    type: declaration.type,
    typeText,
    functions,
    docs: functionDocs(declaration.docs, typeText),
    isBody,
    collectBody,
    parameters: { isValue: used(isBody, 'value'), value: used(collectBody, 'value'), path: used(collectBody, 'path'), issues: used(collectBody, 'issues') },
    coerces,
    coerceBody: coerces ? guarded(coerceFunctionBody(declaration.type, compiler, declaration.name), cyclic, (body) => guardedCoerceBody(body, declaration.name, compiler)) : '',
    helpers: { validateWith: compiler.runtime('validateWith'), assertValid: compiler.runtime('assertValid') },
  };
}

/** `body`, wrapped by `guard` when the declaration is recursive. */
function guarded(body: string, cyclic: boolean, guard: (body: string) => string): string {
  return cyclic ? guard(body) : body;
}

function functionDocs(docs: Docs, typeText: string): DeclarationView['docs'] {
  const withType = (sentence: string): string =>
    docComment({ ...docs, description: [sentence, docs.description].filter(Boolean).join('\n\n') });
  return {
    is: withType(`Whether \`value\` is a valid \`${typeText}\`, every constraint checked.`),
    validate: withType(`Checks \`value\` against \`${typeText}\`, listing every issue when it is not valid.`),
    assert: withType(`Returns \`value\` typed as \`${typeText}\` when it is valid; throws a \`ValidationError\` listing every issue.`),
    collect: docComment({ description: `Appends the issues of \`value\` against \`${typeText}\` to \`issues\`, with paths under \`path\`.` }),
    coerce: docComment({
      description: `Returns \`value\` (already checked) with ISO strings in \`Date\` positions turned into \`Date\`s and decimal strings in \`bigint\` positions into \`bigint\`s, copying only what changes; class instances are converted in place. A value nested deeper than the call stack allows throws a \`ValidationError\` with one \`depth\` issue.`,
    }),
  };
}

function functionsFor(name: string, roles: ReadonlySet<FunctionRole>): string[] {
  const names = declarationFunctionNames(name);
  return (['is', 'collect', 'coerce'] as const).filter((role) => roles.has(role)).map((role) => names[role]);
}

function aliased(name: string, alias: string): string {
  return name === alias ? name : `${name} as ${alias}`;
}

/** `name` where `body` reads it, `_name` (which `noUnusedParameters` allows unread) otherwise. */
function used(body: string, name: string): string {
  return new RegExp(`\\b${name}\\b`).test(body) ? name : `_${name}`;
}
