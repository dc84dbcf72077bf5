/** The facts every generator's `plan` needs about where files live. */
import { join } from 'node:path';
import { importExtensionFor } from '../analyzer/import-style.js';
import { inputBase } from '../config/inputs.js';
import { posixRelative } from '../config/paths.js';
import type { ProjectConfig } from '../config/types.js';
import type { PlanPaths } from '../generators/kit/contract.js';
import { packageFile } from '../generators/kit/package-specifiers.js';
import { moduleResolverFor, packageSpecifiersFor } from './package-specifiers.js';

/** The input base of all `globs`, matched or not: see `inputBase` (resolveInputFiles passes the matched ones). */
export function inputRootOf(globs: readonly string[]): string {
  return inputBase(globs);
}

/**
 * Builds the plan context for one project. `inputRoot` is the input base `resolveInputFiles`
 * found (from the globs that match files); by default the base of all the globs. `files`, the
 * model's source files, give the specifiers of those in installed packages.
 */
export function planContextFor(
  project: ProjectConfig,
  rootDir: string,
  configFile: string,
  inputRoot = inputRootOf(project.input),
  files: readonly string[] = [],
): PlanPaths {
  const importExtension = importExtensionFor(project.tsconfig);
  // As an import in a generated file resolves: from the output folder, with the project's compiler options.
  const packageSpecifiers = !files.some((file) => packageFile(file)) ? undefined : packageSpecifiersFor(files, rootDir, importExtension, moduleResolverFor(project.tsconfig, join(project.output, 'index.ts')));
  return {
    configSource: posixRelative(rootDir, configFile),
    inputRoot,
    outputDir: posixRelative(rootDir, project.output),
    outputToRoot: posixRelative(project.output, rootDir),
    importExtension,
    ...(packageSpecifiers ? { packageSpecifiers } : {}),
  };
}
