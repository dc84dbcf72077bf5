/**
 * The analyzer: reads the user's TypeScript sources statically (never executing them) into
 * the model of src/model/types.ts. The only importer of ts-morph.
 */
import path from 'node:path';
import type { Project, SourceFile } from 'ts-morph';
import { analyzeProject, type AnalyzeResult } from './analyze.js';
import { createProject, hasUnreadableName } from './project.js';
import { includeAutomaticTypesWhenNeeded } from './automatic-types.js';
import { analysisReads, type AnalysisReads } from './reads.js';
import { fileIndex } from './incremental/file-index.js';
import { ReadCache, type ReadStats } from './incremental/read-cache.js';
import type { NamingOption } from '../config/types.js';

export type { AnalyzeResult } from './analyze.js';
export type { AnalysisReads } from './reads.js';
export { readJsDocTags, readDescription, type JsDocTag } from './tags/jsdoc.js';
export { readDecorators, staticValue, isUnsupported, type DecoratorCall, type StaticValue } from './tags/decorators.js';

export interface AnalyzeInput {
  /** Absolute: the config folder; model paths are POSIX, relative to it. */
  rootDir: string;
  /** Absolute input files (already resolved from the globs). */
  files: string[];
  /** Absolute; compiler options come from it when given. */
  tsconfig?: string;
  /** The config's generators, for types without `@codegen`. */
  defaultGenerators: string[];
  /** Every valid generator name (for CG2008). */
  knownGenerators: string[];
  /** The config's `naming` (persistence/naming.ts); `auto` when absent. */
  naming?: NamingOption;
  /** Absolute: diagnostics' `file` is relative to it (usually cwd). */
  displayRoot: string;
  /**
   * Keep each declaration's reading and reuse it while what it was read from did not change
   * (a warm analyzer in watch mode: see incremental/read-cache.ts).
   */
  incremental?: boolean;
}

export interface Analyzer {
  /** Analyses the current state of the project. */
  analyze(): AnalyzeResult;
  /**
   * Re-reads changed files from disk and forgets removed ones. A changed file the project
   * does not hold yet is added as an input file (watch reports new files matching the globs);
   * one it holds as an import of an input stays an import (re-read, or forgotten when deleted).
   */
  refresh(changedFiles: string[], removedFiles?: string[]): void;
  /** The files the program holds now (what the last `analyze` read): see reads.ts. */
  reads(): AnalysisReads;
  /**
   * The user's source files the program holds (absolute): the inputs and every file they
   * import outside `node_modules`, declaration files included. Watch mode watches them all,
   * as `tsc --watch` does: an edit to an imported file outside the inputs changes the model.
   */
  sourceFiles(): string[];
  /** Whether the program holds `file` (absolute): an input, or a file an input imports. */
  holds(file: string): boolean;
  /**
   * Resolves again the imports that found no file: a file that appeared (restored after a
   * delete, a branch switch) is then read. TypeScript keeps a file's failed lookups while the
   * file itself is unchanged, so each importer with one is parsed afresh.
   */
  relink(): void;
  /** With `incremental`: how many declarations the last `analyze` read afresh and reused. */
  readonly readStats: ReadStats | undefined;
}

/** Analyses the input files once. */
export function analyze(input: AnalyzeInput): AnalyzeResult {
  return createAnalyzer(input).analyze();
}

/** A warm analyzer for watch mode: the project stays in memory and only changed files are re-read. */
export function createAnalyzer(input: AnalyzeInput): Analyzer {
  const files = input.files.map((file) => path.resolve(file));
  const project: Project = createProject(files, input.tsconfig);
  const cache = input.incremental ? new ReadCache(project) : undefined;
  /** A file that declares things globally changed: any declaration's reading may differ. */
  const touchesGlobals = (file: string) => {
    const sourceFile = project.getSourceFile(file);
    return sourceFile !== undefined && fileIndex(sourceFile).ambient;
  };
  return {
    analyze: () => analyzeProject(project, files, input, cache),
    reads: () => analysisReads(project, input.tsconfig),
    sourceFiles: () =>
      project
        .getSourceFiles()
        .filter((sourceFile) => !sourceFile.isInNodeModules())
        .map((sourceFile) => path.resolve(sourceFile.getFilePath())),
    holds: (file) => project.getSourceFile(path.resolve(file)) !== undefined,
    relink() {
      let relinked = false;
      for (const sourceFile of project.getSourceFiles()) {
        if (sourceFile.isInNodeModules() || !hasUnresolvedImport(sourceFile)) continue;
        sourceFile.replaceWithText(sourceFile.getFullText());
        relinked = true;
      }
      if (!relinked) return;
      project.resolveSourceFileDependencies();
      includeAutomaticTypesWhenNeeded(project);
      cache?.clear();
    },
    get readStats() {
      return cache && { ...cache.stats };
    },
    refresh(changedFiles, removedFiles = []) {
      const touched = [...removedFiles, ...changedFiles].map((f) => path.resolve(f));
      if (touched.some(touchesGlobals)) cache?.clear();
      for (const file of removedFiles.map((f) => path.resolve(f))) {
        const sourceFile = project.getSourceFile(file);
        if (sourceFile) project.removeSourceFile(sourceFile);
        if (files.includes(file)) files.splice(files.indexOf(file), 1);
      }
      for (const file of changedFiles.map((f) => path.resolve(f))) {
        const sourceFile = project.getSourceFile(file);
        if (sourceFile) sourceFile.refreshFromFileSystemSync();
        else {
          if (!hasUnreadableName(file)) project.addSourceFileAtPath(file); // else CG2014 from the analysis
          if (!files.includes(file)) files.push(file);
        }
      }
      project.resolveSourceFileDependencies();
      // An edit may reach tsc's automatic @types (`import … from 'node:fs'`): the program is rebuilt with them.
      if (includeAutomaticTypesWhenNeeded(project) || touched.some(touchesGlobals)) cache?.clear();
    },
  };
}

function hasUnresolvedImport(sourceFile: SourceFile): boolean {
  return [...sourceFile.getImportDeclarations(), ...sourceFile.getExportDeclarations()].some(
    (declaration) => declaration.getModuleSpecifier() !== undefined && declaration.getModuleSpecifierSourceFile() === undefined,
  );
}
