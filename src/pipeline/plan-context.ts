/** The facts every generator's `plan` needs about where files live. */
import { dirname, relative, sep } from 'node:path';
import { importExtensionFor } from '../analyzer/import-style.js';
import type { ProjectConfig } from '../config/types.js';
import type { PlanContext } from '../generators/kit/contract.js';

/** POSIX form of a path relative to `from`. */
export function posixRelative(from: string, to: string): string {
  const path = relative(from, to).split(sep).join('/');
  return path === '' ? '.' : path;
}

/** The deepest folder holding every input file (relative to rootDir, POSIX). */
export function commonFolder(rootDir: string, files: readonly string[]): string {
  if (files.length === 0) return '.';
  let common = dirname(files[0]!).split(sep);
  for (const file of files.slice(1)) {
    const parts = dirname(file).split(sep);
    let shared = 0;
    while (shared < common.length && common[shared] === parts[shared]) shared++;
    common = common.slice(0, shared);
  }
  return posixRelative(rootDir, common.join(sep) || sep);
}

/** Builds the plan context for one project. */
export function planContextFor(project: ProjectConfig, rootDir: string, configFile: string, inputFiles: readonly string[]): PlanContext {
  return {
    configSource: posixRelative(rootDir, configFile),
    inputRoot: commonFolder(rootDir, inputFiles),
    outputDir: posixRelative(rootDir, project.output),
    outputToRoot: posixRelative(project.output, rootDir),
    importExtension: importExtensionFor(project.tsconfig),
  };
}
