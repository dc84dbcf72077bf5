/**
 * The sql generator's plan: one schema file per dialect, one table module per source file
 * holding entities, and the runtime they bind to. Pure: model and options in, files out.
 */
import { posix } from 'node:path';
import type { Model } from '../../model/types.js';
import type { CommonGeneratorOptions, PlanContext, PlannedExport, PlannedFile } from '../kit/contract.js';
import { createDeclarationIndex } from '../kit/declaration-index.js';
import { NameAllocator } from '../kit/emit.js';
import { groupImports, importedName } from '../kit/imports.js';
import { entitiesByOutputFile, importPath, importPathBetweenOutputs, locatedOutputPath } from '../kit/output-paths.js';
import type { TypeReference } from '../kit/print-type.js';
import { sqlEntities } from './entities.js';
import { GENERATOR_NAME, type Dialect, type SqlOptions } from './options.js';
import { createColumnResolver } from './schema/column-resolver.js';
import { buildSchema, renderSchema, type SchemaTable } from './schema/index.js';
import { entityNames, entityView, moduleExports, type ModuleInputs } from './table-module.js';

/** The runtime's entry file, emitted as it is at the root of the generator's output folder. */
export const RUNTIME_FILE = 'sql-runtime.ts';
/** The files the runtime entry imports, emitted beside it as they are; their internals stay out of the index. */
export const RUNTIME_SUPPORT_FILES = ['sql-types.ts', 'sql-codecs.ts', 'sql-context.ts', 'sql-where.ts', 'sql-select.ts', 'sql-write.ts', 'sql-decode.ts'];

/** What the output folder's index re-exports from the runtime: the types users write, the error. */
const RUNTIME_INDEX_EXPORTS = ['SqlBuilderError', 'type Query', 'type Where', 'type OrderBy', 'type TableMeta', 'type TableSql'];
const RUNTIME_EXPORTS: PlannedExport[] = [
  { name: 'createTableSql', role: 'createTableSql' },
  { name: 'quoteIdentifier', role: 'quoteIdentifier' },
  { name: 'SqlBuilderError', role: 'SqlBuilderError' },
  { name: 'MAX_BOUND_VALUES', role: 'MAX_BOUND_VALUES' },
  ...['Dialect', 'Codec', 'ColumnMeta', 'RelationMeta', 'TableMeta', 'TableSql', 'Query', 'Where', 'OrderBy', 'SelectOptions'].map((name) => ({ name, role: name, typeOnly: true })),
];

/** The line under the header of each schema file. */
const SCHEMA_COMMENTS: Record<Dialect, string> = {
  postgres: 'PostgreSQL schema: tables in dependency order, then the foreign keys that close cycles, then indexes.',
  sqlite: 'SQLite schema: STRICT tables; foreign keys are enforced on connections that run PRAGMA foreign_keys = ON.',
};

/** Every file the sql generator writes for `model`; none when no entity is processed by `sql`. */
export function planSql(model: Model, options: SqlOptions & CommonGeneratorOptions, context: PlanContext): PlannedFile[] {
  const entities = sqlEntities(model);
  if (entities.entities.length === 0) return [];
  const { schema } = buildSchema(model, entities, options.dialects);
  const schemaFiles = options.dialects.map((dialect) => ({
    path: posix.normalize(options.schemaFileName.replace(/\{dialect\}/g, dialect)),
    template: 'schema.hbs',
    data: { dialect, comment: SCHEMA_COMMENTS[dialect], blocks: renderSchema(schema, dialect) },
    source: context.configSource,
    indexExports: [],
    exports: [],
  }));
  return [...schemaFiles, ...tableModules(model, entities, schema.tables, options, context), ...runtimeFiles(context)];
}

function runtimeFiles(context: PlanContext): PlannedFile[] {
  return [
    { path: RUNTIME_FILE, template: RUNTIME_FILE, data: {}, source: context.configSource, indexExports: RUNTIME_INDEX_EXPORTS, exports: RUNTIME_EXPORTS },
    ...RUNTIME_SUPPORT_FILES.map((file) => ({ path: file, template: file, data: {}, source: context.configSource, indexExports: [], exports: [] })),
  ];
}

function tableModules(
  model: Model,
  entities: ReturnType<typeof sqlEntities>,
  tables: readonly SchemaTable[],
  options: SqlOptions & CommonGeneratorOptions,
  context: PlanContext,
): PlannedFile[] {
  const declarations = createDeclarationIndex(model);
  const columns = createColumnResolver(entities, declarations);
  const byEntity = new Map(tables.filter((table) => table.entity).map((table) => [table.entity!, table]));
  const groups = entitiesByOutputFile(entities.entities, GENERATOR_NAME, options, context);
  const fileOf = new Map(groups.flatMap((group) => group.entities.map((entity) => [entity.declaration, group.path] as const)));
  return groups.map((group) => {
    const path = group.path;
    const references = new Map<string, TypeReference>();
    const tableRefs = new Set<string>();
    const inputs: ModuleInputs = { entities, declarations, columns, tables: byEntity, references, tableRefs };
    const views = group.entities.map((entity) => entityView(entity, inputs));
    const located = locatedOutputPath(path, options);
    const typeImports = groupImports([...references.values()].map((reference) => ({ name: importedName(reference), from: importPath(located, reference.file, context) })));
    const tableImports = groupImports(
      [...tableRefs]
        .filter((id) => fileOf.get(id) !== path)
        .map((id) => ({ name: entityNames(entities.find(id)!).table, from: importPathBetweenOutputs(path, fileOf.get(id)!, context) })),
    );
    const rowImports = groupImports(
      [...tableRefs]
        .filter((id) => fileOf.get(id) !== path)
        .map((id) => ({ name: entityNames(entities.find(id)!).row, from: importPathBetweenOutputs(path, fileOf.get(id)!, context) })),
    );
    const runtime = runtimeNames([...references.values()].map((reference) => reference.name));
    return {
      path,
      template: 'table.hbs',
      data: {
        runtimeImport: { names: runtimeImportNames(runtime), from: importPathBetweenOutputs(path, RUNTIME_FILE, context) },
        runtime,
        typeImports,
        tableImports: mergeImports(tableImports, rowImports),
        entities: views,
      },
      source: group.source,
      exports: moduleExports(views),
    };
  });
}

/** What table.hbs imports from the runtime, and whether as a type. */
const TABLE_RUNTIME_IMPORTS = { createTableSql: false, Dialect: true, TableMeta: true, TableSql: true } as const;
type TableRuntimeName = keyof typeof TABLE_RUNTIME_IMPORTS;

/**
 * The local name of each runtime export table.hbs writes: its own, or `TableMeta2` where a user
 * type the file imports (a JSON column's) is named so. The file's generated names cannot be:
 * check refuses a type named like them (CG5001).
 */
function runtimeNames(imported: readonly string[]): Record<TableRuntimeName, string> {
  const names = new NameAllocator();
  names.reserve(...imported);
  return Object.fromEntries(Object.keys(TABLE_RUNTIME_IMPORTS).map((name) => [name, names.allocate(name)])) as Record<TableRuntimeName, string>;
}

/** `createTableSql, type Dialect, type TableMeta as TableMeta2, type TableSql`. */
function runtimeImportNames(local: Record<TableRuntimeName, string>): string {
  return (Object.entries(TABLE_RUNTIME_IMPORTS) as Array<[TableRuntimeName, boolean]>)
    .map(([name, typeOnly]) => `${typeOnly ? 'type ' : ''}${name}${local[name] === name ? '' : ` as ${local[name]}`}`)
    .join(', ');
}

/** `{ bookTable, type BookRow }` from one module: values and their row types in one statement. */
function mergeImports(values: ReturnType<typeof groupImports>, types: ReturnType<typeof groupImports>) {
  return values.map((view, position) => ({ from: view.from, names: `${view.names}, ${types[position]!.names.split(', ').map((name) => `type ${name}`).join(', ')}` }));
}
