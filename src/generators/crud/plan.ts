/**
 * The crud generator's plan: per source file a `<name>.crud.ts` with each entity's input types,
 * their validators (compiled by validate's compiler) and its repository class; the project-wide
 * `repositories.ts`; and the runtime (`repository.ts`, `db.ts` and the adapters), emitted as it
 * is. The table modules and the query-builder runtime come from `sql`, found through the exports
 * lookup. Pure: model, options and context in, files out.
 */
import type { Entity, Model } from '../../model/types.js';
import { compileValidators, type CompiledImport } from '../kit/compile-validators.js';
import { createDeclarationIndex } from '../kit/declaration-index.js';
import type { CommonGeneratorOptions, PlanContext, PlannedExport, PlannedFile } from '../kit/contract.js';
import { groupImports } from '../kit/imports.js';
import { entitiesByOutputFile, importPathBetweenOutputs, locatedOutputPath } from '../kit/output-paths.js';
import { uniqueTargets } from './conflict-targets.js';
import { crudEntities } from './entities.js';
import { entityView, type SqlNames } from './entity-view.js';
import { DB_FILE, DB_SUPPORT_FILES, GENERATOR_NAME, REPOSITORIES_FILE, REPOSITORY_FILE, REPOSITORY_SUPPORT_FILES, type CrudOptions } from './options.js';
import { repositoriesView } from './repositories-view.js';
import { inputNames, inputSubjects } from './subjects.js';

/** Names file.hbs writes as fixed text: its runtime's imports and its private `refuse`. */
const FIXED_NAMES = ['Repository', 'RepositoryDefinition', 'StorageIssue', 'Db', 'refuse', 'checkEach'] as const;

const DB_INDEX_EXPORTS = [
  'DatabaseError', 'UniqueViolationError', 'ForeignKeyViolationError', 'NotNullViolationError', 'CheckViolationError', 'TransactionAbortedError',
  'sqliteDb', 'postgresDb', 'pgliteDb', 'type Db', 'type Dialect',
];

/** Every file crud writes for `model`; none when no entity is processed by crud. */
export function planCrud(model: Model, options: CrudOptions & CommonGeneratorOptions, context: PlanContext): PlannedFile[] {
  const entities = crudEntities(model);
  if (entities.length === 0) return [];
  const files = entitiesByOutputFile(entities, GENERATOR_NAME, options, context).map((group) => entityFile(model, group.path, group, options, context));
  const repositories = repositoriesView(
    files.flatMap((file) => (file.data.entities as { names: { repository: string } }[]).map((view) => ({ repository: view.names.repository, from: file.path }))),
    entities,
    context,
  );
  return [
    ...files,
    { path: REPOSITORIES_FILE, template: 'repositories.hbs', data: { ...repositories }, source: context.configSource },
    ...runtimeFiles(context),
  ];
}

function entityFile(
  model: Model,
  path: string,
  group: { source: string; entities: Entity[] },
  options: CrudOptions & CommonGeneratorOptions,
  context: PlanContext,
): PlannedFile {
  const located = locatedOutputPath(path, options);
  const sqlImports: Array<{ name: string; from: string }> = [];
  const sqlNames = (entity: Entity): SqlNames => {
    const find = (role: string) => {
      const found = context.findExport('sql', { declaration: entity.declaration, role });
      if (!found) throw new Error(`crud: the sql generator planned no ${role} for ${entity.name}`);
      sqlImports.push({ name: found.typeOnly ? `type ${found.name}` : found.name, from: importPathBetweenOutputs(located, found.path, context) });
      return found.name;
    };
    return { row: find('row'), relations: find('relations'), table: find('table') };
  };
  const scope = { entities: model.entities, declarations: createDeclarationIndex(model), uniques: uniqueTargets(model) };
  const subjects = options.validateInputs ? group.entities.flatMap((entity) => inputSubjects(entity, model)) : [];
  const reserved = group.entities.flatMap((entity) => Object.values(inputNames(entity)));
  const compiled =
    subjects.length > 0 ? compileValidators(subjects, { model, path: located, context, reserved, helpers: ['report'], locals: [...FIXED_NAMES] }) : undefined;
  // The names the template writes as fixed text, aliased where an imported user type took one (a `ValidationError` DTO).
  const local = (name: (typeof FIXED_NAMES)[number]): string => compiled?.localNames[name] ?? name;
  const views = group.entities.map((entity) => {
    const names = inputNames(entity);
    const checks = compiled ? { create: compiled.functions[names.create]!.assert, update: compiled.functions[names.update]!.assert } : undefined;
    return entityView(entity, sqlNames(entity), checks, scope);
  });
  // The runtime lands in the same output folder as this file: both paths located (tester9 F8: with
  // `output: repos` the import was `../repository.js`, with `output: db` `./.js`).
  const repositoryFile = importPathBetweenOutputs(located, locatedOutputPath(REPOSITORY_FILE, options), context);
  const aliased = (name: (typeof FIXED_NAMES)[number]): string => (local(name) === name ? name : `${name} as ${local(name)}`);
  const runtime = [
    { name: aliased('Repository'), from: repositoryFile },
    { name: `type ${aliased('RepositoryDefinition')}`, from: repositoryFile },
    // The file's `refuse` (file.hbs) turns the repository's storage issues into the validators' ValidationError.
    ...(compiled ? [{ name: `type ${aliased('StorageIssue')}`, from: repositoryFile }] : []),
  ];
  const dbImport = { names: aliased('Db'), from: importPathBetweenOutputs(located, locatedOutputPath(DB_FILE, options), context), typeOnly: true };
  const locals = {
    repository: local('Repository'),
    repositoryDefinition: local('RepositoryDefinition'),
    storageIssue: local('StorageIssue'),
    db: local('Db'),
    refuse: local('refuse'),
    refuseProperty: local('refuse') === 'refuse' ? 'refuse' : `refuse: ${local('refuse')}`,
    checkEach: local('checkEach'),
    issue: compiled?.runtimeNames.ValidationIssue,
    error: compiled?.runtimeNames.ValidationError,
    report: compiled?.runtimeNames.report,
  };
  return {
    path,
    template: 'file.hbs',
    data: {
      imports: [dbImport, ...groupImports([...runtime, ...sqlImports]).map((view) => ({ ...view, typeOnly: false })), ...(compiled?.imports ?? [])] satisfies CompiledImport[],
      validators: compiled?.code ?? '',
      locals,
      entities: views,
    },
    source: group.source,
    exports: group.entities.flatMap(entityExports),
  };
}

function entityExports(entity: Entity): PlannedExport[] {
  const names = inputNames(entity);
  const declaration = entity.declaration;
  return [
    { name: names.repository, role: 'repository', declaration },
    { name: names.create, role: 'create', declaration, typeOnly: true },
    { name: names.update, role: 'update', declaration, typeOnly: true },
    { name: names.key, role: 'key', declaration, typeOnly: true },
  ];
}

function runtimeFiles(context: PlanContext): PlannedFile[] {
  return [
    { path: REPOSITORY_FILE, template: REPOSITORY_FILE, data: {}, source: context.configSource, indexExports: ['Repository', 'type Include', 'type WithIncluded', 'type FindManyOptions', 'type UpsertOptions'], exports: [{ name: 'Repository', role: 'Repository' }] },
    { path: DB_FILE, template: DB_FILE, data: {}, source: context.configSource, indexExports: DB_INDEX_EXPORTS, exports: [] },
    ...[...REPOSITORY_SUPPORT_FILES, ...DB_SUPPORT_FILES].map((file) => ({ path: file, template: file, data: {}, source: context.configSource, indexExports: [], exports: [] })),
  ];
}
