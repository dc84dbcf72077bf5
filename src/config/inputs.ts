/** Expanding a project's `input` globs into the TypeScript files to analyze. */
import { glob } from 'tinyglobby';
import { diagnostic, type Diagnostic } from '../diagnostics/index.js';
import { locateInProject, locateNearest, type Locate } from './locate.js';
import { isInside, toPosix } from './paths.js';
import type { ProjectConfig } from './types.js';

const TYPESCRIPT = /\.(ts|tsx|mts|cts)$/;
const DECLARATION = /\.d\.(ts|mts|cts)$|\.d\.[^/]+\.ts$/;

export interface InputFiles {
  /** Absolute, sorted, de-duplicated POSIX paths. */
  files: string[];
  diagnostics: Diagnostic[];
}

/**
 * The TypeScript sources the project's globs match (`!glob` excludes), relative to `rootDir`,
 * leaving out `node_modules`, declaration files and the project's own outputs.
 */
export async function resolveInputFiles(project: ProjectConfig, rootDir: string, locate: Locate): Promise<InputFiles> {
  const matched = await glob(project.input, {
    cwd: rootDir,
    absolute: true,
    onlyFiles: true,
    ignore: ['**/node_modules/**'],
  });
  const files = [...new Set(matched.map(toPosix))]
    .filter((file) => TYPESCRIPT.test(file) && !DECLARATION.test(file) && !isInside(file, project.output))
    .sort();
  if (files.length > 0) return { files, diagnostics: [] };
  const position = locateInProject(locate, project.name, ['input']) ?? locateNearest(locate, []);
  const globs = project.input.map((g) => `"${g}"`).join(', ');
  const message = `The input globs ${globs} of project "${project.name}" match no TypeScript file.`;
  return { files, diagnostics: [diagnostic('CG1006', { message, ...position })] };
}
