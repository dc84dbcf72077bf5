/** The facts every generator's `plan` needs about where files live. */
import { posix, relative, sep } from 'node:path';
import picomatch from 'picomatch';
import { importExtensionFor } from '../analyzer/import-style.js';
import type { ProjectConfig } from '../config/types.js';
import type { PlanPaths } from '../generators/kit/contract.js';

/** POSIX form of a path relative to `from`. */
export function posixRelative(from: string, to: string): string {
  const path = relative(from, to).split(sep).join('/');
  return path === '' ? '.' : path;
}

/**
 * The folder outputs mirror: the common static base of the `input` globs (`src/models` for
 * `src/models/**\/*.ts`). Taken from the globs rather than the files they match, so adding a
 * file in a new folder never moves every output.
 */
export function inputRootOf(globs: readonly string[]): string {
  const bases = globs
    .map((glob) => picomatch.scan(glob))
    .filter((scan) => !scan.negated)
    .map((scan) => (scan.isGlob ? scan.base : posix.dirname(scan.base)).split('/').filter((part) => part !== '' && part !== '.'));
  if (bases.length === 0) return '.';
  let common = bases[0]!;
  for (const parts of bases.slice(1)) {
    let shared = 0;
    while (shared < common.length && common[shared] === parts[shared]) shared++;
    common = common.slice(0, shared);
  }
  return common.length > 0 ? common.join('/') : '.';
}

/** Builds the plan context for one project. */
export function planContextFor(project: ProjectConfig, rootDir: string, configFile: string): PlanPaths {
  return {
    configSource: posixRelative(rootDir, configFile),
    inputRoot: inputRootOf(project.input),
    outputDir: posixRelative(rootDir, project.output),
    outputToRoot: posixRelative(project.output, rootDir),
    importExtension: importExtensionFor(project.tsconfig),
  };
}
