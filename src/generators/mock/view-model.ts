/**
 * The mock generator's view models: which declarations and services each output file holds,
 * the code of their random builders (compiled by the kit walker with the mock strategy), and
 * the imports and names the templates print. Pure data in, plain data out.
 */
import type { Declaration, Model, Property, Service, TypeNode } from '../../model/types.js';
import { cardinality } from './compile/cardinality.js';
import { mockExpression } from './compile/mock-strategy.js';
import { SAMPLE_COUNT, WIDENED_TEXT } from './compile/strings.js';
import { textKindForName } from './compile/text-kinds.js';
import type { CommonGeneratorOptions, PlanContext, PlannedExport } from '../kit/contract.js';
import { createDeclarationIndex, type DeclarationIndex } from '../kit/declaration-index.js';
import { docComment, identifierPart } from '../kit/emit.js';
import { groupImports, importedName, type ImportView } from '../kit/imports.js';
import { importPath, importPathBetweenOutputs, locatedOutputPath, OutputNames } from '../kit/output-paths.js';
import { closureKeys, planPathsKey } from '../kit/plan-memo.js';
import { directRefs } from '../kit/type-refs.js';
import { compiledDeclaration, keepVerdicts } from './compile/throwing-declarations.js';
import { accessKey, brandAccesses, type TypeAccess } from './compile/brand-access.js';
import { declarationFunctionNames, mockNaming, renamedListSentence, type MockFunctionNames, type MockNaming } from './compile/function-names.js';
import { CORE_NAMES, MockCompiler, type CoreName, type MockProblem } from './compile/mock-compiler.js';
import { PRIVATE_HELPERS, RUNTIME_HELPERS, withDependencies, type RuntimeHelper } from './compile/runtime-helpers.js';
import { OBSERVABLE_OF, serviceView, type ServiceView } from './compile/service-view.js';
import { WORD_LISTS, type WordList } from './compile/word-lists.js';
import { mockValueType } from './compile/unsupported-values.js';
import { fileExports } from './exports.js';
import { readsName } from '../kit/reads-name.js';

export const GENERATOR_NAME = 'mock';
/** The runtime file, emitted once at the root of the generator's output folder. */
export const RUNTIME_FILE = 'mocking.ts';

export interface MockGeneratorOptions {
  /** The seed of `mockT()` without `options.seed`. */
  seed: number;
  /** How many nested levels of a recursive type a mock builds. */
  maxDepth: number;
}

export type { ImportView };

export interface DeclarationView {
  name: string;
  typeText: string;
  functions: MockFunctionNames;
  docs: Record<'mock' | 'list' | 'random', string>;
  /** The expression `randomT` returns. */
  expression: string;
  /** `randomT`'s parameter names: `_r` / `_depth` where the expression does not read them (`noUnusedParameters`). */
  parameters: { r: string; depth: string };
  /** The entity's unique constraints as `mockList`'s array of `UniqueColumns` (keys, label, wide draw, number of values); empty when none. */
  uniqueKeys: string;
}

export interface MockFileView {
  typeImports: ImportView[];
  valueImports: ImportView[];
  runtimeImport: ImportView;
  randomImports: ImportView[];
  /** Local names of the runtime's core exports. */
  runtime: Record<CoreName, string>;
  constants: Array<{ name: string; code: string }>;
  declarations: DeclarationView[];
  services: ServiceView[];
  /** Private functions building parts nested too deep to stay inline, in order of first use. */
  internals: string[];
}

export interface RuntimeFileView {
  seed: number;
  maxDepth: number;
  /** Every helper and word list by name: true when some generated file needs it. */
  helpers: Record<RuntimeHelper | WordList, boolean>;
  /** The word lists as array literals. */
  lists: Record<WordList, string>;
}

export interface MockPlan {
  files: Array<{ path: string; source: string; view: MockFileView; exports: PlannedExport[] }>;
  runtime: { path: string; view: RuntimeFileView };
  problems: MockProblem[];
}

/** The services that get mocks. */
export function mockedServices(model: Pick<Model, 'services'>): Service[] {
  return model.services.filter((service) => service.generators.includes(GENERATOR_NAME));
}

/** The declarations that get mocks: processed by `mock`, what mocked services answer, and all they reach. */
export function mockedDeclarations(model: Pick<Model, 'services'>, index: DeclarationIndex): Declaration[] {
  // Asked three times per plan (the plan, and two checks): the closure is walked once per index and services.
  const known = mockedMemo.get(index);
  if (known?.services === model.services) return known.mocked;
  const mocked = mockedClosure(model, index);
  mockedMemo.set(index, { services: model.services, mocked });
  return mocked;
}

/** The last answer of `mockedDeclarations` per index (one model's), with the services it was given. */
const mockedMemo = new WeakMap<DeclarationIndex, { services: unknown; mocked: Declaration[] }>();

function mockedClosure(model: Pick<Model, 'services'>, index: DeclarationIndex): Declaration[] {
  const roots = index.all.filter((declaration) => declaration.generators.includes(GENERATOR_NAME)).map((declaration) => declaration.id);
  for (const service of mockedServices(model)) {
    for (const operation of service.operations) if (operation.response.type) roots.push(...directRefs(operation.response.type));
  }
  return index.closure(roots);
}

interface OutputGroup {
  path: string;
  source: string;
  declarations: Declaration[];
  services: Service[];
}

function groupByOutput(
  declarations: Declaration[],
  services: Service[],
  options: CommonGeneratorOptions,
  context: PlanContext,
): OutputGroup[] {
  const groups = new Map<string, OutputGroup>();
  const names = new OutputNames(GENERATOR_NAME, options, context);
  const groupFor = (file: string, typeName: string): OutputGroup => {
    const path = names.pathFor({ sourcePath: file, typeName });
    const group = groups.get(path) ?? { path, source: file, declarations: [], services: [] };
    groups.set(path, group);
    return group;
  };
  for (const declaration of declarations) groupFor(declaration.source.file, declaration.name).declarations.push(declaration);
  for (const service of services) groupFor(service.source.file, service.name).services.push(service);
  return [...groups.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Plans every output file's view model (pure); `problems` lists what no mock can satisfy. */
export function buildMockPlan(model: Model, options: MockGeneratorOptions & CommonGeneratorOptions, context: PlanContext): MockPlan {
  const index = createDeclarationIndex(model);
  const services = mockedServices(model);
  const mocked = mockedDeclarations(model, index);
  const groups = groupByOutput(mocked, services, options, context);
  const fileOf = new Map(groups.flatMap((group) => group.declarations.map((declaration) => [declaration.id, group.path] as const)));
  const uniques = uniqueProperties(model);
  const used = new Set<RuntimeHelper>();
  const problems: MockProblem[] = [];
  const naming = mockNaming(mocked);
  const inputs: FileInputs = { options, context, index, fileOf, uniques, naming, accesses: brandAccesses(mocked, index), closureKey: closureKeys(index, (id) => `${fileOf.get(id) ?? ''}\u0001${JSON.stringify(uniques.get(id) ?? [])}`) };
  // Keys finer than a verdict needs (they name output files too), but made for the file keys anyway.
  keepVerdicts(index, inputs.closureKey);
  const serviceNames = services.map((service) => service.name);
  const renamedLists = [...naming.renamed.values()].map((renamed) => renamed.list);
  const files = groups.map((group) => {
    const localIds = new Set(group.declarations.map((declaration) => declaration.id));
    const plan = () => planFile(group, new MockCompiler({ index, localIds, serviceNames, accesses: inputs.accesses, renamedLists }), inputs);
    const file = context.memo ? context.memo.reuse(fileKey(group, serviceNames, inputs), plan) : plan();
    for (const helper of file.helpers) used.add(helper);
    problems.push(...file.problems);
    return { path: group.path, source: group.source, view: file.view, exports: file.exports };
  });
  const needed = withDependencies(used);
  const names = [...RUNTIME_HELPERS, ...(Object.keys(WORD_LISTS) as WordList[])];
  const helpers = Object.fromEntries(names.map((name) => [name, needed.has(name)])) as RuntimeFileView['helpers'];
  const lists = Object.fromEntries(
    Object.entries(WORD_LISTS).map(([name, words]) => [name, `[${words.map((word) => JSON.stringify(word)).join(', ')}]`]),
  ) as Record<WordList, string>;
  return { files, runtime: { path: RUNTIME_FILE, view: { seed: options.seed, maxDepth: options.maxDepth, helpers, lists } }, problems };
}

interface FileInputs {
  options: CommonGeneratorOptions;
  context: PlanContext;
  index: DeclarationIndex;
  fileOf: Map<string, string>;
  uniques: ReadonlyMap<string, string[][]>;
  /** The function names of every mocked declaration: a list builder may be renamed by a type of another file. */
  naming: MockNaming;
  /** How declarations whose printed text drops a brand are named instead (brand-access.ts). */
  accesses: ReadonlyMap<string, TypeAccess>;
  /** The closure part of a file's key (the signatures are made once per plan, on first use). */
  closureKey: (ids: Iterable<string>) => string;
}

/**
 * For each entity's declaration, its unique constraints as the property lists whose values (or
 * tuples of values) no two rows share: a column unique on its own (`@unique`, TypeORM `unique:
 * true`), the primary key, a composite unique (`@unique (a, b)`, TypeORM `@Unique`, a unique
 * `@Index`), each once. A constraint holding a relation's column is left out (a row names the
 * related row by a key the caller assigns).
 */
export function uniqueProperties(model: Pick<Model, 'entities'>): Map<string, string[][]> {
  const uniques = new Map<string, string[][]>();
  for (const entity of model.entities) {
    const byProperty = new Map(entity.columns.map((column) => [column.property, column]));
    const lists = [
      ...(entity.primaryKey.length > 0 ? [entity.primaryKey] : []),
      ...entity.columns.filter((column) => column.unique).map((column) => [column.property]),
      ...entity.uniques.map((unique) => unique.properties),
      ...entity.indexes.filter((index) => index.unique).map((index) => index.properties),
    ];
    const kept = new Map<string, string[]>();
    for (const list of lists) {
      if (list.length === 0 || list.some((property) => !byProperty.has(property) || byProperty.get(property)!.references)) continue;
      kept.set(JSON.stringify([...list].sort()), list);
    }
    if (kept.size > 0) uniques.set(entity.declaration, [...kept.values()]);
  }
  return uniques;
}

interface PlannedMockFile {
  view: MockFileView;
  exports: PlannedExport[];
  problems: MockProblem[];
  /** The runtime helpers the file uses. */
  helpers: RuntimeHelper[];
}

function planFile(group: OutputGroup, compiler: MockCompiler, inputs: FileInputs): PlannedMockFile {
  const view = buildFileView(group, compiler, inputs);
  const helpers = compiler
    .runtimeImports()
    .map(({ name }) => name)
    .filter((name) => !(CORE_NAMES as readonly string[]).includes(name)) as RuntimeHelper[];
  return { view, exports: fileExports(group.declarations, group.services, inputs.naming), problems: [...compiler.problems], helpers };
}

/**
 * What a file's plan is made from: its declarations and services, everything they reach (the
 * compiler may look at any of them) with the output file and unique keys of each, the names of
 * all mocked services, the options and the paths, the exported types naming its declarations
 * that drop a brand (reached from elsewhere: an edit there may change them), and the renamed list
 * builders of the run (a `RoomList` added in another file renames `Room`'s here, and every file
 * reserves those names).
 */
function fileKey(group: OutputGroup, serviceNames: readonly string[], inputs: FileInputs): string {
  const ids = group.declarations.map((declaration) => declaration.id);
  const reached = [...ids];
  for (const service of group.services) for (const operation of service.operations) {
    for (const type of [operation.response.type, ...operation.errors.map((error) => error.type), ...operation.parameters.map((parameter) => parameter.type)]) if (type) reached.push(...directRefs(type));
  }
  return [
    GENERATOR_NAME,
    group.path,
    group.source,
    JSON.stringify(inputs.options),
    planPathsKey(inputs.context),
    ids.join('\u0001'),
    JSON.stringify(group.services),
    serviceNames.join('\u0001'),
    inputs.naming.key,
    inputs.closureKey(reached),
    ids.map((id) => (inputs.accesses.has(id) ? accessKey(inputs.accesses.get(id)!, inputs.index) : '')).join('\u0001'),
  ].join('\u0000');
}

function buildFileView(group: OutputGroup, compiler: MockCompiler, inputs: FileInputs): MockFileView {
  const { options, context, fileOf, uniques, naming } = inputs;
  const declarations = group.declarations.map((declaration) => declarationView(declaration, compiler, uniques.get(declaration.id) ?? [], naming));
  const services = group.services.map((service) => serviceView(service, compiler));
  const core: CoreName[] = [];
  if (declarations.length > 0) core.push('Rng', 'DeepPartial', 'MockOptions', 'mockOne', 'mockList');
  if (services.length > 0) core.push('MockOptions', 'seededRng');
  for (const name of core) compiler.runtime(name);
  const runtime = Object.fromEntries(CORE_NAMES.map((name) => [name, compiler.localName(name)])) as Record<CoreName, string>;
  const located = locatedOutputPath(group.path, options);
  const enums = compiler.enumImports();
  const typeImports = groupImports(
    [...compiler.references.values()]
      .filter((reference) => !enums.has(reference.name))
      .map((reference) => ({ name: importedName(reference), from: importPath(located, reference.file, context) })),
  );
  // An Observable-returning handler's mock answers with rxjs's `of`, from the package the project's own types come from.
  const observables = services.some((service) => service.operations.some((operation) => operation.observable)) ? [{ name: `of as ${OBSERVABLE_OF}`, from: 'rxjs' }] : [];
  const valueImports = groupImports([...[...enums.values()].map((reference) => ({ name: importedName(reference), from: importPath(located, reference.file, context, 'value') })), ...observables]);
  const randomImports = groupImports(
    [...compiler.externalFunctions().keys()].map((id) => ({
      name: declarationFunctionNames(compiler.index.get(id).name).random,
      from: importPathBetweenOutputs(group.path, fileOf.get(id)!, context),
    })),
  );
  const runtimeNames = compiler
    .runtimeImports()
    .filter(({ name }) => !PRIVATE_HELPERS.has(name as RuntimeHelper))
    .map(({ name, alias }) => {
      const imported = name === alias ? name : `${name} as ${alias}`;
      return name === 'DeepPartial' || name === 'MockOptions' ? `type ${imported}` : imported;
    });
  return {
    typeImports,
    valueImports,
    runtimeImport: { names: runtimeNames.join(', '), from: importPathBetweenOutputs(group.path, RUNTIME_FILE, context) },
    randomImports,
    runtime,
    constants: compiler.constantDeclarations(),
    declarations,
    services,
    internals: compiler.nestedFunctions(),
  };
}

function declarationView(declaration: Declaration, compiler: MockCompiler, unique: ReadonlyArray<readonly string[]>, naming: MockNaming): DeclarationView {
  // Typed as the mock builds it where the declaration prints as its type (a stub for a function it holds);
  // as the user's type, reached through an exported one, where that text would drop a brand.
  const typeText = compiler.declarationText(declaration, mockValueType);
  // Its verdict kept for the types that leave it out where every mock of it throws (throwing-declarations.ts).
  const expression = compiledDeclaration(declaration, compiler);
  const renamed = naming.renamed.get(declaration.name);
  const withDocs = (sentence: string): string =>
    docComment({ ...declaration.docs, description: [sentence, declaration.docs.description].filter(Boolean).join('\n\n') });
  return {
    name: declaration.name,
    typeText,
    functions: naming.functions(declaration.name),
    expression,
    parameters: { r: readsName(expression, 'r', 'expression') ? 'r' : '_r', depth: readsName(expression, 'depth', 'expression') ? 'depth' : '_depth' },
    uniqueKeys: uniqueColumnsCode(declaration, unique, compiler),
    docs: {
      mock: withDocs(
        `A mock \`${typeText}\` that satisfies every constraint of the type, the same for the same \`options.seed\`. ` +
          '`overrides` are merged in deeply (objects merged, arrays and other values replaced) and are not checked: ' +
          'they may break constraints on purpose, to make invalid test data.',
      ),
      list: docComment({
        description:
          `\`count\` different mock \`${typeText}\`s, the same for the same \`options.seed\`.` +
          (unique.length > 0 ? ` No two share a value of ${unique.map((keys) => (keys.length === 1 ? `\`${keys[0]}\`` : `(${keys.map((key) => `\`${key}\``).join(', ')})`)).join(', ')} (unique columns); a list longer than such a column has values throws.` : '') +
          (renamed ? `\n\n${renamedListSentence(renamed)}` : ''),
      }),
      random: docComment({
        description: `A random \`${typeText}\` drawn from \`r\`; \`depth\` counts the recursive types it is nested in (used by other mocks).`,
      }),
    },
  };
}

/**
 * `mockList`'s unique constraints of an entity's list (`UniqueColumns` of the runtime), as code:
 * for each, its keys and label; for each string, number or bigint column of it, the wide draw
 * (its type compiled with `MockContext.wide`: a drawn number in the text, the whole allowed
 * range), so a list of many items still finds values no item holds; and, where the columns'
 * values are few (an enum, a boolean, `@maximum 3`) and none may be null or absent, their number,
 * which a longer list is refused with at run time. Empty when the entity has no unique column.
 */
function uniqueColumnsCode(declaration: Declaration, unique: ReadonlyArray<readonly string[]>, compiler: MockCompiler): string {
  if (unique.length === 0) return '';
  const properties = declaration.type.kind === 'object' ? declaration.type.properties : [];
  const entries = unique.map((keys) => {
    const label = keys.length === 1 ? `${declaration.name}.${keys[0]}` : `${declaration.name}(${keys.join(', ')})`;
    const parts = [`keys: [${keys.map((key) => JSON.stringify(key)).join(', ')}]`, `label: ${JSON.stringify(label)}`];
    const types = keys.map((key) => properties.find((property) => property.name === key));
    const wide = types.flatMap((property) => {
      const code = property && wideDraw(property, `${declaration.name}.${property.name}`, declaration.name, compiler);
      return code ? [`${JSON.stringify(property.name)}: (r) => ${code}`] : [];
    });
    if (wide.length > 0) parts.push(`wide: { ${wide.join(', ')} }`);
    if (types.every((property) => property && !property.optional && definite(property.type) === property.type)) {
      const values = types.reduce((total, property) => total * uniqueValues(property!.type, compiler), 1);
      // Past a million a list that long is no test data: a draw that finds no new value says so instead.
      if (values <= 1_000_000) parts.push(`values: ${values}`);
    }
    return `{ ${parts.join(', ')} }`;
  });
  return `[${entries.join(', ')}]`;
}

/**
 * How many values a unique column's type has (`cardinality`), or `Infinity`: a string's count is
 * of the samples of its pattern or format, exact only when fewer than `SAMPLE_COUNT` (the
 * sampler met the whole language).
 */
function uniqueValues(type: TypeNode, compiler: MockCompiler): number {
  const values = cardinality(type, compiler.index);
  return type.kind === 'string' && values >= SAMPLE_COUNT ? Infinity : values;
}

/** The type without its `null` and `undefined` members. */
function definite(type: TypeNode): TypeNode {
  if (type.kind !== 'union') return type;
  const members = type.members.filter((member) => member.kind !== 'null' && member.kind !== 'undefined');
  if (members.length === type.members.length) return type;
  return members.length === 1 ? members[0]! : { ...type, members };
}

/** The wide draw of a unique column's value (see `uniqueColumnsCode`), or undefined where its mock is wide already or cannot be made wider. */
function wideDraw(property: Property, label: string, base: string, compiler: MockCompiler): string | undefined {
  const type = definite(property.type);
  const constraints = type.kind === 'string' ? (type.constraints ?? {}) : undefined;
  // Plain strings, numbers and bigints only: a brand needs a cast, a template or mapping its own form.
  const widens =
    (type.kind === 'string' && !type.brand && !type.template && !type.mapping && !constraints?.pattern && (constraints?.format ? constraints.format === 'uri' || constraints.format === 'url' : WIDENED_TEXT.has(textKindForName(property.name)))) ||
    (type.kind === 'number' && !type.brand) ||
    (type.kind === 'bigint' && type.literal === undefined && !type.brand);
  if (!widens) return undefined;
  const mark = compiler.checkpoint();
  const code = mockExpression(type, { compiler, name: property.name, base: `${base}${identifierPart(property.name, 'Property')}Wide`, label, source: property.source, wide: true });
  // A wide draw that would warn, throw or contradict is left out: the column's usual mock said so already.
  if (compiler.problems.length > mark.problems || compiler.checkpoint().throwing > mark.throwing) {
    compiler.takeBack(mark);
    compiler.problems.length = mark.problems;
    return undefined;
  }
  return code;
}
