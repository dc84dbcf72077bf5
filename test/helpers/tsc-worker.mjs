/**
 * The worker thread behind test/helpers/tsc.ts: runs `tsc -p <tsconfig>` (no emit) with this
 * repo's TypeScript, as the CLI does, and answers with the CLI's messages.
 *
 * Plain JavaScript: a worker thread is loaded by Node itself, not by Vite.
 *
 * Why a thread and not a spawned tsc: a spawned tsc pays Node's start, TypeScript's load and the
 * parse and bind of lib.d.ts (about 1.5 s of CPU) before it reads a line of the project. Here
 * TypeScript is loaded once, and the files of TypeScript's lib folder and of node_modules (which
 * no test changes while it runs) are parsed once and shared by every program, as TypeScript's
 * own watch mode and language service share them. Each check is still a new program with the
 * project's own options: nothing but those unchanged files (and where to find the libs) carries over.
 */
import { parentPort } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** This repository's installed packages (test projects may hold node_modules of their own, which they change). */
const NODE_MODULES = fileURLToPath(new URL('../../node_modules/', import.meta.url));

/** Parsed files that never change during a test run, by name and parse settings. */
const shared = new Map();

/** Whether a file is one of TypeScript's libs or an installed package's, which tests never write. */
function isShareable(fileName) {
  return fileName.startsWith(NODE_MODULES) && fileName.endsWith('.d.ts');
}

/**
 * Where each program looked for TypeScript's lib files, shared by every program of this thread.
 * A program asks, for each of its ~20-30 libs, whether a `node_modules/@typescript/lib-*` package
 * in the project's folder or any folder above it replaces the bundled file: dozens of file-system
 * probes per lib and per program, about a tenth of a type-forms case's check. No test installs
 * such a package, and TypeScript's language service keeps this cache across programs in the same way.
 */
let libraryResolutions;

/** A compiler host that reuses the shared files' parsed (and bound) source and the lib lookups. */
function hostFor(options) {
  const host = ts.createCompilerHost(options);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, settings, onError, shouldCreate) => {
    if (!isShareable(fileName)) return read(fileName, settings, onError, shouldCreate);
    const parse = typeof settings === 'object' ? settings : { languageVersion: settings };
    const key = `${fileName}\0${parse.languageVersion}\0${parse.impliedNodeFormat}\0${parse.jsDocParsingMode}`;
    let file = shared.get(key);
    if (!file) {
      file = read(fileName, settings, onError, shouldCreate);
      if (file) shared.set(key, file);
    }
    return file;
  };
  host.resolveLibrary = (libraryName, resolveFrom, libraryOptions) => {
    libraryResolutions ??= ts.createModuleResolutionCache(ts.sys.getCurrentDirectory(), (name) => name, libraryOptions);
    return ts.resolveLibrary(libraryName, resolveFrom, libraryOptions, host, libraryResolutions);
  };
  return host;
}

/**
 * tsc's messages for the project of `configPath` ('' when clean), paths relative to `cwd`. With
 * `emit`, the files are also written as `tsc -p` writes them (its outDir, even when there are
 * errors, unless the project says noEmit or noEmitOnError), and emit's own messages join the rest.
 */
function check(configPath, cwd, emit) {
  const formatHost = { getCanonicalFileName: (name) => name, getCurrentDirectory: () => cwd, getNewLine: () => '\n' };
  const configErrors = [];
  const parsed = ts.getParsedCommandLineOfConfigFile(configPath, {}, {
    ...ts.sys,
    getCurrentDirectory: () => cwd,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => configErrors.push(diagnostic),
  });
  if (!parsed) return ts.formatDiagnostics(configErrors, formatHost);
  const program = ts.createProgram({
    rootNames: parsed.fileNames,
    options: parsed.options,
    projectReferences: parsed.projectReferences,
    host: hostFor(parsed.options),
    configFileParsingDiagnostics: ts.getConfigFileParsingDiagnostics(parsed),
  });
  // What `tsc -p` reports without emitting: config, options, syntax, then (if the syntax is
  // clean) global and semantic errors.
  const diagnostics = [...program.getConfigFileParsingDiagnostics(), ...program.getOptionsDiagnostics(), ...program.getSyntacticDiagnostics()];
  if (diagnostics.length === program.getConfigFileParsingDiagnostics().length) {
    diagnostics.push(...program.getGlobalDiagnostics(), ...program.getSemanticDiagnostics());
  }
  // With `declaration` on, tsc --noEmit also reports what declaration emit refuses (TS2742,
  // TS4xxx), once everything else is clean (emitFilesAndReportErrors); emit reports them itself.
  if (!emit && (parsed.options.declaration || parsed.options.composite) && diagnostics.length === program.getConfigFileParsingDiagnostics().length) {
    diagnostics.push(...program.getDeclarationDiagnostics());
  }
  // tsc emits after checking (executeCommandLine's emitFilesAndReportErrors); noEmitOnError is
  // the program's to honour, as it is in tsc.
  if (emit) diagnostics.push(...program.emit().diagnostics);
  return ts.formatDiagnostics(ts.sortAndDeduplicateDiagnostics(diagnostics), formatHost);
}

parentPort.on('message', ({ id, configPath, cwd, emit }) => {
  try {
    parentPort.postMessage({ id, output: check(configPath, cwd, emit === true) });
  } catch (error) {
    parentPort.postMessage({ id, output: `tsc worker failed: ${error?.stack ?? error}` });
  }
});
