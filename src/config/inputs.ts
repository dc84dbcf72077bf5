/**
 * Expanding a project's `input` globs into the TypeScript files to analyze, and the input base
 * outputs mirror (the rule is documented once, in docs/cli.md "Where outputs go").
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { glob } from 'tinyglobby';
import { diagnostic, type Diagnostic } from '../diagnostics/index.js';
import { locateInProject, locateNearest, type Locate } from './locate.js';
import { isInside, relativeForDisplay, toPosix } from './paths.js';
import type { ProjectConfig } from './types.js';

const TYPESCRIPT = /\.(ts|tsx|mts|cts)$/;
const DECLARATION = /\.d\.(ts|mts|cts)$|\.d\.[^/]+\.ts$/;

export interface InputFiles {
  /** Absolute, sorted POSIX paths, one per file however many paths reach it (see `canonicalPath`). */
  files: string[];
  /** The input base outputs mirror: POSIX, relative to `rootDir`, `.` for `rootDir` itself (see `inputBase`). */
  base: string;
  diagnostics: Diagnostic[];
}

/**
 * The TypeScript sources the project's globs match (`!glob` excludes), relative to `rootDir`,
 * leaving out `node_modules`, the project's own outputs, and declaration files unless the glob
 * names them (`types/*.d.ts` reads them, `**\/*.ts` does not: beside sources they are usually
 * ambient helpers or tsc's own output, which would declare every type twice). A glob that
 * matches nothing while others match is a CG1012 warning and leaves the input base as it is;
 * a glob whose folder is the output folder or inside it is a CG1013 error (outputs are never
 * read as inputs, so it could only ever match nothing).
 */
export async function resolveInputFiles(project: ProjectConfig, rootDir: string, locate: Locate): Promise<InputFiles> {
  const excludes = project.input.filter((g) => g.startsWith('!'));
  const includes = project.input.map((g, index) => ({ glob: g, index })).filter(({ glob: g }) => !g.startsWith('!'));
  const at = (index: number) =>
    locateInProject(locate, project.name, ['input', index]) ?? locateInProject(locate, project.name, ['input']) ?? locateNearest(locate, []);

  const diagnostics: Diagnostic[] = [];
  for (const { glob: g, index } of includes) {
    const folder = path.resolve(rootDir, staticBase(g));
    if (!isInside(folder, project.output)) continue;
    const output = relativeForDisplay(rootDir, project.output);
    const holds = toPosix(folder) === toPosix(project.output) ? 'is' : 'contains';
    const message =
      `The output folder "${output}" of project "${project.name}" ${holds} the input folder "${relativeForDisplay(rootDir, folder)}" (of "${g}"). ` +
      `codegen never reads files in its output folder, so this input could match nothing.`;
    diagnostics.push(diagnostic('CG1013', { message, ...at(index) }));
  }
  if (diagnostics.length > 0) return { files: [], base: '.', diagnostics };

  const seen = new Map<string, string>();
  const matching: string[] = [];
  const empty: { glob: string; index: number; declarationsOnly: boolean }[] = [];
  for (const include of includes) {
    const matched = await glob([include.glob, ...excludes], { cwd: rootDir, absolute: true, onlyFiles: true, ignore: ['**/node_modules/**'] });
    // Declaration files are read when the glob names them (`types/*.d.ts`), not picked up by `**/*.ts`.
    const declarations = DECLARATION.test(include.glob);
    const typescript = matched.map(nativeToPosix).filter((file) => TYPESCRIPT.test(file) && !isInside(file, project.output));
    const files = typescript.filter((file) => declarations || !DECLARATION.test(file));
    if (files.length === 0) empty.push({ ...include, declarationsOnly: typescript.length > 0 });
    else matching.push(include.glob);
    for (const file of files) {
      const canonical = canonicalPath(file, rootDir);
      if (!seen.has(canonical)) seen.set(canonical, canonical);
    }
  }
  const files = [...seen.keys()].sort();
  const base = inputBase(matching);
  if (files.length === 0) {
    const globs = project.input.map((g) => `"${g}"`).join(', ');
    const message = `The input globs ${globs} of project "${project.name}" match no TypeScript file.${declarationsHint(empty)}`;
    const position = locateInProject(locate, project.name, ['input']) ?? locateNearest(locate, []);
    return { files, base, diagnostics: [diagnostic('CG1006', { message, ...position })] };
  }
  for (const { glob: g, index } of empty) {
    const then = inputBase([...matching, g]);
    const effect = then === base ? 'outputs will not move when it does' : `once it does, outputs will mirror "${then}" instead`;
    const message = `The input glob "${g}" of project "${project.name}" matches no TypeScript file.${declarationsHint(empty.filter((entry) => entry.glob === g))} Outputs mirror "${base}"; ${effect}.`;
    diagnostics.push(diagnostic('CG1012', { message, ...at(index) }));
  }
  return { files, base, diagnostics };
}

/** What to say when globs matched only declaration files, which a glob reads only when it names them. */
function declarationsHint(globs: readonly { glob: string; declarationsOnly: boolean }[]): string {
  const named = globs.filter((entry) => entry.declarationsOnly).map((entry) => `"${entry.glob}"`);
  if (named.length === 0) return '';
  return ` ${named.join(', ')} matched only declaration files (.d.ts), which are read when a glob names them: write it as "….d.ts" (e.g. "types/**/*.d.ts") to read them.`;
}

/**
 * One path per file however it is reached: the real path (symlinks resolved, as TypeScript
 * resolves imports), spelled from `rootDir` when it lies inside it so a symlinked checkout folder
 * keeps the paths the user sees. POSIX.
 */
export function canonicalPath(file: string, rootDir: string): string {
  let real: string;
  let realRoot: string;
  try {
    real = realpathSync.native(file);
    realRoot = realpathSync.native(rootDir);
  } catch {
    return nativeToPosix(file);
  }
  return nativeToPosix(isInside(real, realRoot) ? path.join(rootDir, path.relative(realRoot, real)) : real);
}

/**
 * A file path from the disk with `/` separators: only the platform's separator is replaced, since
 * on POSIX a `\` is a character of the name (`b\s.ts`), reported by the analyzer (CG2014), not a folder.
 */
function nativeToPosix(file: string): string {
  return file.split(path.sep).join('/');
}

/**
 * The folder outputs mirror: the deepest folder shared by the static parts of `globs`
 * (`src/models` for `src/models/**\/*.ts`; `src` for it and `src/shared/*.ts`). Pass the globs
 * that match files: one that matches nothing yet must not move every output. POSIX, `.` for the
 * config folder.
 */
export function inputBase(globs: readonly string[]): string {
  const bases = globs.filter((g) => !g.startsWith('!')).map((g) => staticBase(g).split('/').filter((part) => part !== '' && part !== '.'));
  if (bases.length === 0) return '.';
  let common = bases[0]!;
  for (const parts of bases.slice(1)) {
    let shared = 0;
    while (shared < common.length && common[shared] === parts[shared]) shared++;
    common = common.slice(0, shared);
  }
  return common.length > 0 ? common.join('/') : '.';
}

/** The folder part of a glob before its first wildcard (`src/models` for `src/models/**\/*.ts`, `src` for `src/user.ts`). */
function staticBase(g: string): string {
  const scan = picomatch.scan(toPosix(g));
  const base = scan.isGlob ? scan.base : path.posix.dirname(scan.base);
  return base === '' ? '.' : base;
}
