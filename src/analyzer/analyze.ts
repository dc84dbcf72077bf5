/** One analysis over a ready project: candidates, the declarations they reach, order, duplicates. */
import { ts, type Project, type SourceFile as TsSourceFile } from 'ts-morph';
import type { Diagnostic } from '../diagnostics/index.js';
import { MODEL_VERSION, type Declaration, type Model, type Service, type SourceFile } from '../model/index.js';
import { carryDeclarationText } from '../model/declaration-text.js';
import { collectCandidates } from './collect.js';
import { AnalyzerContext, type AnalyzerOptions } from './context.js';
import { DeclarationTable, type TableEntry } from './declaration-table.js';
import { relativePosix } from './location.js';
import { syntaxCheckedFiles, syntaxDiagnostics, unreadableInputs } from './project.js';
import { readDeclaration } from './read-declaration.js';
import { readEntities } from './persistence/index.js';
import { readServices } from './services/index.js';
import { qualifiedName } from './types/namespaces.js';
import type { ReadCache } from './incremental/read-cache.js';

export interface AnalyzeResult {
  model: Model;
  diagnostics: Diagnostic[];
}

interface ReadDeclaration {
  entry: TableEntry;
  declaration: Declaration;
}

/** Passes after which a warm analysis stops reusing and reads everything (it never needs this many). */
const MAX_PASSES = 8;

/**
 * Reads the model from the input files of a project. With a `cache` (a warm analyzer), a
 * declaration whose sources did not change is taken from the last analysis (see read-cache.ts).
 */
export function analyzeProject(project: Project, inputFiles: readonly string[], options: AnalyzerOptions, cache?: ReadCache): AnalyzeResult {
  if (!cache) return analyzeOnce(project, inputFiles, options);
  cache.startAnalysis();
  try {
    for (let pass = 1; ; pass++) {
      if (pass > MAX_PASSES) cache.clear();
      cache.startPass();
      const result = analyzeOnce(project, inputFiles, options, cache);
      if (pass > MAX_PASSES || !cache.settle()) return result;
    }
  } finally {
    cache.finishAnalysis();
  }
}

function analyzeOnce(project: Project, inputFiles: readonly string[], options: AnalyzerOptions, cache?: ReadCache): AnalyzeResult {
  const files = inputFiles
    .map((file) => project.getSourceFile(file))
    .filter((file): file is TsSourceFile => file !== undefined)
    .sort((a, b) => compare(a.getFilePath(), b.getFilePath()));
  const ctx = new AnalyzerContext(options, new DeclarationTable());
  const exact = project.getCompilerOptions().exactOptionalPropertyTypes === true;
  if (exact) ctx.exactOptionalUndefined = project.getTypeChecker().compilerObject.getUndefinedType();
  ctx.defineClassFields = usesDefineForClassFields(project.getCompilerOptions());
  ctx.diagnostics.push(...unreadableInputs(inputFiles, options.displayRoot));
  ctx.diagnostics.push(...syntaxDiagnostics(project, syntaxCheckedFiles(project, files), options.displayRoot));
  // Types read from a file that does not parse would only add noise to its syntax errors.
  if (ctx.diagnostics.length > 0) return { model: emptyModel(), diagnostics: ctx.diagnostics };
  collectCandidates(files, ctx, cache?.candidates);
  // Before the queue is drained: the types operations reference are read like the others.
  const services = readServices(files, ctx);
  const read: ReadDeclaration[] = [];
  for (let entry = ctx.table.next(); entry; entry = ctx.table.next()) {
    const declaration = cache ? cache.read(entry, ctx, () => readDeclaration(entry, ctx)) : readDeclaration(entry, ctx);
    if (declaration) read.push({ entry, declaration });
  }
  reportHidden(read, ctx);
  const kept = withoutDuplicates(read.sort(byModelOrder(options.rootDir)), ctx);
  // After every declaration is read: relations need the whole set of entities.
  const entities = readEntities(kept.map(({ entry, declaration }) => ({ node: entry.node, declaration })), ctx);
  // Instantiations share their generators array with the table until now: copy it out.
  const entityIds = new Set(entities.map((entity) => entity.declaration));
  const declarations = kept.map(({ declaration }) => {
    const copy = { ...declaration, generators: [...declaration.generators] };
    // The text the read cache recorded still holds, unless readEntities filled in columns or the generators grew since.
    if (!entityIds.has(declaration.id)) carryDeclarationText(declaration, copy);
    return copy;
  });
  const inputs = new Set(files.map((file) => file.getFilePath()));
  const model: Model = { version: MODEL_VERSION, files: modelFiles(kept, services, inputs, options.rootDir), declarations, entities, services };
  // Outputs depend on it (validators of `x?: string`), and the model says so.
  if (exact) model.compilerOptions = { exactOptionalPropertyTypes: true };
  return { model, diagnostics: ctx.diagnostics };
}

/** Files sorted by path, then position; instantiations after their generic's file, by name. */
function byModelOrder(rootDir: string): (a: ReadDeclaration, b: ReadDeclaration) => number {
  const key = ({ entry }: ReadDeclaration): [string, number, string] => [
    relativePosix(rootDir, entry.node.getSourceFile().getFilePath()),
    entry.instantiation ? Number.MAX_SAFE_INTEGER : entry.node.getStart(),
    entry.instantiation ? entry.id : '',
  ];
  return (a, b) => {
    const [pathA, posA, nameA] = key(a);
    const [pathB, posB, nameB] = key(b);
    return compare(pathA, pathB) || posA - posB || compare(nameA, nameB);
  };
}

/** CG2007 for a second declaration with a name already taken; the first one is kept. */
function withoutDuplicates(sorted: ReadDeclaration[], ctx: AnalyzerContext): ReadDeclaration[] {
  const seen = new Map<string, ReadDeclaration>();
  return sorted.filter((item) => {
    const first = seen.get(item.declaration.id);
    if (!first) {
      seen.set(item.declaration.id, item);
      return true;
    }
    const where = first.declaration.source;
    ctx.report('CG2007', item.entry.node, `Duplicate type name '${item.declaration.id}': also declared at ${where.file}:${where.line}:${where.column}.`);
    return false;
  });
}

function reportHidden(read: readonly ReadDeclaration[], ctx: AnalyzerContext): void {
  for (const { entry } of read) {
    if (!entry.referencedWhileHidden) continue;
    const name = qualifiedName(entry.node);
    const where = name.includes('.') ? `${name} and the namespaces around it` : name;
    ctx.report('CG2012', entry.node, `Type '${name}' is used by generated types but is not exported.`, `Add \`export\` to ${where}: generated code imports it.`);
  }
}

/** Every file holding a declaration or a service. */
function modelFiles(read: readonly ReadDeclaration[], services: readonly Service[], inputs: Set<string>, rootDir: string): SourceFile[] {
  const paths = new Set(read.map(({ entry }) => relativePosix(rootDir, entry.node.getSourceFile().getFilePath())));
  for (const service of services) paths.add(service.source.file);
  const inputPaths = new Set([...inputs].map((file) => relativePosix(rootDir, file)));
  return [...paths].map((path) => ({ path, input: inputPaths.has(path) })).sort((a, b) => compare(a.path, b.path));
}

/** Code-unit order: the same on every machine and locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function emptyModel(): Model {
  return { version: MODEL_VERSION, files: [], declarations: [], entities: [], services: [] };
}

/**
 * TypeScript's own rule (`useDefineForClassFields` as set, else on from the target ES2022, which
 * some `module` settings imply), read from the compiler codegen runs: its API has it, its typings do not.
 */
function usesDefineForClassFields(options: ts.CompilerOptions): boolean {
  const computed = (ts as unknown as { getUseDefineForClassFields?: (options: ts.CompilerOptions) => boolean }).getUseDefineForClassFields;
  if (typeof computed === 'function') return computed(options);
  // A TypeScript without the helper: the documented rule, from an explicit target only.
  return options.useDefineForClassFields ?? (options.target ?? ts.ScriptTarget.ES5) >= ts.ScriptTarget.ES2022;
}
