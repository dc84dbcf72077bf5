/** The ts-morph project and the syntax errors of the files the inputs reach (CG2001). */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Project, ts, type SourceFile } from 'ts-morph';
import { diagnostic, type Diagnostic } from '../diagnostics/index.js';
import { lineAndColumnAt } from './line-columns.js';
import { relativePosix } from './location.js';
import { shareDeclarationFiles } from './shared-source-files.js';
import { deferAutomaticTypes } from './automatic-types.js';

/**
 * Options forced on top of the user's: null must stay visible in types (`string | null`),
 * and nothing is emitted or lib-checked, which keeps a run fast.
 */
const FORCED_OPTIONS: ts.CompilerOptions = { strictNullChecks: true, skipLibCheck: true, noEmit: true };

/** Lenient defaults without a tsconfig: resolve `./user` and `./user.js` imports alike. */
const DEFAULT_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  strict: true,
  experimentalDecorators: true,
};

/**
 * A project holding the input files; their imports resolve other files on demand. Lib and
 * node_modules declaration files are parsed once per process (see shared-source-files.ts).
 */
export function createProject(files: readonly string[], tsconfig?: string): Project {
  const project = tsconfig
    ? new Project({ tsConfigFilePath: tsconfig, skipAddingFilesFromTsConfig: true, compilerOptions: FORCED_OPTIONS })
    : new Project({ compilerOptions: { ...DEFAULT_OPTIONS, ...FORCED_OPTIONS } });
  shareDeclarationFiles(project);
  for (const file of files) if (!hasUnreadableName(file)) project.addSourceFileAtPath(file);
  if (tsconfig) for (const file of configDeclarationFiles(tsconfig)) if (!project.getSourceFile(file)) project.addSourceFileAtPath(file);
  project.resolveSourceFileDependencies();
  // Without them first: added when the files need them (automatic-types.ts), as costly as a whole small analysis.
  if (tsconfig && hasAutomaticTypes(tsconfig)) deferAutomaticTypes(project, tsconfig);
  return project;
}

/**
 * The declaration files the tsconfig's `files`/`include` hold outside node_modules (`env.d.ts`,
 * `types/global.d.ts`): tsc compiles every file with them, so the global types and `declare
 * global` blocks in them are seen by the inputs as tsc sees them. Other files of the tsconfig
 * are not read: a module reaches them through its imports. (`types`/`typeRoots` packages are
 * added by TypeScript itself.)
 */
function configDeclarationFiles(tsconfig: string): string[] {
  const parsed = ts.getParsedCommandLineOfConfigFile(path.resolve(tsconfig), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  return (parsed?.fileNames ?? []).filter((file) => /\.d\.[cm]?ts$/.test(file) && !/[\\/]node_modules[\\/]/.test(file) && !hasUnreadableName(file));
}

/**
 * Whether the program has `types: ['*']`, when the tsconfig sets no `types` and the project's own TypeScript is 5.x or
 * older (or none is installed): every package of `node_modules/@types` is then part of the
 * program, as the user's `tsc` includes them (added only when the files need them: see automatic-types.ts). The TypeScript inside ts-morph (6.x) includes none
 * by default, so `import type { Stats } from 'node:fs'` with @types/node installed was CG2010
 * while the user's tsc compiled it. A project on TypeScript 6 gets TypeScript 6's default.
 */
function hasAutomaticTypes(tsconfig: string): boolean {
  const file = path.resolve(tsconfig);
  const read = ts.readConfigFile(file, ts.sys.readFile);
  if (read.error) return false;
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, path.dirname(file));
  return parsed.options.types === undefined && projectTypeScriptMajor(path.dirname(file)) < 6;
}

/** The major version of the TypeScript the project at `dir` installs (resolved as Node would); 5 without one. */
function projectTypeScriptMajor(dir: string): number {
  try {
    const manifest = createRequire(path.join(dir, 'tsconfig.json')).resolve('typescript/package.json');
    const major = Number.parseInt((JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string }).version ?? '', 10);
    return Number.isNaN(major) ? 5 : major;
  } catch {
    return 5;
  }
}

/**
 * Whether TypeScript cannot open the file by its name: on POSIX a `\` is an ordinary character in
 * a name, but ts-morph reads it as a folder separator (`b\s.ts` becomes `b/s.ts`, which does not
 * exist). Such files are left out of the project and reported by `unreadableInputs`.
 */
export function hasUnreadableName(file: string): boolean {
  return path.sep === '/' && file.includes('\\');
}

/** CG2014 at each input file TypeScript cannot open by its name (see `hasUnreadableName`). */
export function unreadableInputs(files: readonly string[], displayRoot: string): Diagnostic[] {
  return files.filter(hasUnreadableName).map((file) =>
    diagnostic('CG2014', {
      message: `${relativePosix(displayRoot, file)}: TypeScript cannot read a file whose name holds a backslash (it reads \`\\\` as a folder separator), so it is not analysed.`,
      file: relativePosix(displayRoot, file),
      hint: 'Rename the file without the backslash.',
    }),
  );
}

/**
 * The files whose syntax errors are CG2001: the inputs and every user file (not node_modules)
 * they reach through imports, exports, import types and references, as tsc would refuse the
 * program for any of them; types read from TypeScript's error-recovered parse of an imported
 * file would otherwise reach the outputs. User declaration files in the project (a tsconfig's
 * `env.d.ts`) are roots too. Sorted by path. A file a warm project still holds but no input
 * reaches any more is not one of them.
 */
export function syntaxCheckedFiles(project: Project, inputs: readonly SourceFile[]): SourceFile[] {
  const seen = new Set<SourceFile>();
  const queue = [...inputs, ...project.getSourceFiles().filter((file) => file.isDeclarationFile() && !file.isInNodeModules())];
  for (let file = queue.pop(); file; file = queue.pop()) {
    // A warm project's reference map can still name a file it has since removed (deleted in watch).
    if (seen.has(file) || file.wasForgotten() || file.isInNodeModules()) continue;
    seen.add(file);
    queue.push(...file.getReferencedSourceFiles());
  }
  return [...seen].sort((a, b) => (a.getFilePath() < b.getFilePath() ? -1 : a.getFilePath() > b.getFilePath() ? 1 : 0));
}

/** Syntax errors only (a full type-check is slow and not ours to report). */
export function syntaxDiagnostics(project: Project, files: readonly SourceFile[], displayRoot: string): Diagnostic[] {
  const program = project.getProgram().compilerObject;
  return files.flatMap((file) =>
    program.getSyntacticDiagnostics(file.compilerNode).map((error) => {
      const { line, column } = lineAndColumnAt(file, error.start ?? 0);
      return diagnostic('CG2001', {
        message: `Syntax error: ${ts.flattenDiagnosticMessageText(error.messageText, '\n')}`,
        file: relativePosix(displayRoot, file.getFilePath()),
        line,
        column,
      });
    }),
  );
}
