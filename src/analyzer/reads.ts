/**
 * What an analysis read, for the no-op fast path (src/pipeline/build-info.ts): every source file of
 * the TypeScript program (inputs, the files they import, lib and node_modules declaration files)
 * with the text TypeScript parsed, and the tsconfig files it was configured from (the `extends`
 * chain included).
 */
import type { Project } from 'ts-morph';

export interface AnalysisReads {
  /** Absolute paths with the exact text TypeScript read. */
  sources: { path: string; text: string }[];
  /** Absolute tsconfig paths: the project's and every file it extends. */
  configs: string[];
  /**
   * False when an import of a file outside node_modules did not resolve: a file added later could
   * make it resolve, which no record of the files read can see, so such an analysis is never skipped.
   */
  complete: boolean;
}

/** The files behind the current program of `project`; `tsconfig` as the analyzer was given it. */
export function analysisReads(project: Project, tsconfig: string | undefined): AnalysisReads {
  const program = project.getProgram().compilerObject;
  const sources = program.getSourceFiles().map((file) => ({ path: file.fileName, text: file.text }));
  const configFile = program.getCompilerOptions().configFile as { extendedSourceFiles?: string[] } | undefined;
  const configs = tsconfig ? [tsconfig, ...(configFile?.extendedSourceFiles ?? [])] : [];
  return { sources, configs, complete: importsResolve(project) };
}

function importsResolve(project: Project): boolean {
  for (const file of project.getSourceFiles()) {
    if (file.isInNodeModules() || file.isDeclarationFile()) continue;
    for (const declaration of [...file.getImportDeclarations(), ...file.getExportDeclarations()]) {
      if (!declaration.getModuleSpecifier()) continue;
      if (declaration.getModuleSpecifierSourceFile() === undefined) return false;
    }
  }
  return true;
}
