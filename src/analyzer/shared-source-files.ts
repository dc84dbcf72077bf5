/**
 * Parsed declaration files shared by every ts-morph Project in this process.
 *
 * Each analysis builds a new Project, and each Project would parse TypeScript's lib files
 * (lib.dom.d.ts alone is megabytes) and the `.d.ts` files of node_modules again: most of the
 * time of a small analysis. A parsed SourceFile of an unchanged declaration file does not
 * depend on the program that uses it (binding is per file and depends only on the options that
 * affect a source file), which is why TypeScript's own DocumentRegistry shares them between
 * language services. This registry does the same for ts-morph's per-project DocumentRegistry.
 *
 * Only declaration files under a `node_modules` folder are shared (ts-morph serves the lib files
 * from `/node_modules/typescript/lib`), never the user's sources. A file is served from the cache
 * only when its text is the very text it was parsed from, so an edited file is parsed again.
 */
import { ts, type Project } from 'ts-morph';

interface SharedFile {
  readonly text: string;
  readonly sourceFile: ts.SourceFile;
}

/** The method of ts-morph's DocumentRegistry (in @ts-morph/common) that parses a file's text. */
interface TsMorphDocumentRegistry {
  createOrUpdateSourceFile(
    fileName: string,
    settings: ts.CompilerOptions,
    snapshot: ts.IScriptSnapshot,
    scriptKind?: ts.ScriptKind,
  ): ts.SourceFile;
  acquireDocument(
    fileName: string,
    settings: ts.CompilerOptions,
    snapshot: ts.IScriptSnapshot,
    version: string,
    scriptKind?: ts.ScriptKind,
  ): ts.SourceFile;
}

/** The latest parse of each (file, parse-affecting options, script kind): one entry per key, replaced when the text changes. */
const sharedFiles = new Map<string, SharedFile>();

/**
 * Bound on the entries kept: a long-lived process (watch mode, a test worker making temporary
 * packages) must not hold every declaration file it ever read. The oldest entries go first.
 */
const MAX_SHARED_FILES = 2000;

/** Declaration files inside a node_modules folder, lib files included. */
export function isShareable(fileName: string): boolean {
  return fileName.includes('/node_modules/') && /\.d\.[cm]?ts$/.test(fileName);
}

/**
 * Makes the project's DocumentRegistry take shareable files from the process-wide cache.
 * Call it right after creating the project, before adding files.
 */
export function shareDeclarationFiles(project: Project): void {
  const registry = documentRegistryOf(project);
  if (!registry) return;
  const createOrUpdate = registry.createOrUpdateSourceFile.bind(registry);
  const acquire = registry.acquireDocument.bind(registry);
  registry.createOrUpdateSourceFile = (fileName, settings, snapshot, scriptKind) =>
    isShareable(fileName)
      ? sharedSourceFile(fileName, settings, snapshot, scriptKind)
      : createOrUpdate(fileName, settings, snapshot, scriptKind);
  registry.acquireDocument = (fileName, settings, snapshot, version, scriptKind) =>
    isShareable(fileName)
      ? sharedSourceFile(fileName, settings, snapshot, scriptKind)
      : acquire(fileName, settings, snapshot, version, scriptKind);
}

/** The cached parse of this exact text under equivalent options, or a new parse that replaces it. */
export function sharedSourceFile(
  fileName: string,
  settings: ts.CompilerOptions,
  snapshot: ts.IScriptSnapshot,
  scriptKind: ts.ScriptKind | undefined,
): ts.SourceFile {
  const key = `${fileName}\n${scriptKind ?? -1}\n${parseOptionsKey(settings)}`;
  const text = snapshot.getText(0, snapshot.getLength());
  const cached = sharedFiles.get(key);
  if (cached && cached.text === text) return cached.sourceFile;
  // The same call ts-morph's own registry makes (parent nodes set, the target as language version).
  const sourceFile = ts.createLanguageServiceSourceFile(
    fileName,
    snapshot,
    settings.target ?? ts.ScriptTarget.Latest,
    '0',
    true,
    scriptKind,
  );
  sharedFiles.delete(key);
  sharedFiles.set(key, { text, sourceFile });
  if (sharedFiles.size > MAX_SHARED_FILES) sharedFiles.delete(sharedFiles.keys().next().value as string);
  return sourceFile;
}

/**
 * A key of the options that affect parsing and binding. TypeScript's DocumentRegistry keys its
 * buckets by the same list (`sourceFileAffectingCompilerOptions`, internal to TypeScript); if
 * the list is missing, every option is part of the key, which only shares less.
 */
function parseOptionsKey(settings: ts.CompilerOptions): string {
  const internal = ts as unknown as {
    getKeyForCompilerOptions?: (options: ts.CompilerOptions, declarations: readonly unknown[]) => string;
    sourceFileAffectingCompilerOptions?: readonly unknown[];
  };
  if (internal.getKeyForCompilerOptions && internal.sourceFileAffectingCompilerOptions)
    return internal.getKeyForCompilerOptions(settings, internal.sourceFileAffectingCompilerOptions);
  return JSON.stringify(Object.entries(settings).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** ts-morph's DocumentRegistry of a project, if this ts-morph version still has it where expected. */
function documentRegistryOf(project: Project): TsMorphDocumentRegistry | undefined {
  const registry = (project as unknown as { _context?: { compilerFactory?: { documentRegistry?: unknown } } })._context
    ?.compilerFactory?.documentRegistry as Partial<TsMorphDocumentRegistry> | undefined;
  return typeof registry?.createOrUpdateSourceFile === 'function' && typeof registry.acquireDocument === 'function'
    ? (registry as TsMorphDocumentRegistry)
    : undefined;
}
