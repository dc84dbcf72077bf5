/** The ts-morph project and the syntax errors of input files (CG2001). */
import { Project, ts, type SourceFile } from 'ts-morph';
import { diagnostic, type Diagnostic } from '../diagnostics/index.js';
import { relativePosix } from './location.js';

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

/** A project holding the input files; their imports resolve other files on demand. */
export function createProject(files: readonly string[], tsconfig?: string): Project {
  const project = tsconfig
    ? new Project({ tsConfigFilePath: tsconfig, skipAddingFilesFromTsConfig: true, compilerOptions: FORCED_OPTIONS })
    : new Project({ compilerOptions: { ...DEFAULT_OPTIONS, ...FORCED_OPTIONS } });
  for (const file of files) project.addSourceFileAtPath(file);
  project.resolveSourceFileDependencies();
  return project;
}

/** Syntax errors only (a full type-check is slow and not ours to report). */
export function syntaxDiagnostics(project: Project, files: readonly SourceFile[], displayRoot: string): Diagnostic[] {
  const program = project.getProgram().compilerObject;
  return files.flatMap((file) =>
    program.getSyntacticDiagnostics(file.compilerNode).map((error) => {
      const { line, column } = file.getLineAndColumnAtPos(error.start ?? 0);
      return diagnostic('CG2001', {
        message: `Syntax error: ${ts.flattenDiagnosticMessageText(error.messageText, '\n')}`,
        file: relativePosix(displayRoot, file.getFilePath()),
        line,
        column,
      });
    }),
  );
}
