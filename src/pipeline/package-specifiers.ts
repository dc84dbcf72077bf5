/**
 * The specifiers generated code imports installed packages' files by. Candidates come from each
 * package's package.json (kit/package-specifiers.ts) and from its entries' re-exports; each is
 * kept only when TypeScript, with the project's compiler options, resolves it from the output
 * folder to that very file (or to an entry re-exporting all of it), so `typesVersions`, `exports`
 * conditions and module resolution modes are TypeScript's to judge, never guessed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ts } from 'ts-morph';
import { OPTIONS_ONLY_HOST } from '../analyzer/import-style.js';
import { exportedSubpaths, importedPackageName, packageFile, packageSpecifier, type PackageFile, type PackageManifest } from '../generators/kit/package-specifiers.js';

/** Resolves a specifier as an import in a generated file would: the real path of the file TypeScript reads, or undefined. */
export type ModuleResolver = (specifier: string) => string | undefined;

/**
 * A resolver for imports written in `fromFile` (absolute) under the compiler options of
 * `tsconfig` (TypeScript's defaults without one).
 */
export function moduleResolverFor(tsconfig: string | undefined, fromFile: string): ModuleResolver {
  let options: ts.CompilerOptions = {};
  if (tsconfig) {
    const read = ts.readConfigFile(tsconfig, ts.sys.readFile);
    if (!read.error) options = ts.parseJsonConfigFileContent(read.config, OPTIONS_ONLY_HOST, dirname(tsconfig)).options;
  }
  const cache = ts.createModuleResolutionCache(dirname(fromFile), (name) => name, options);
  const mode = ts.getImpliedNodeFormatForFile(fromFile as ts.Path, cache.getPackageJsonInfoCache(), ts.sys, options);
  return (specifier) => {
    const resolved = ts.resolveModuleName(specifier, fromFile, options, ts.sys, cache, undefined, mode).resolvedModule;
    return resolved ? realPath(resolved.resolvedFileName) : undefined;
  };
}

/**
 * The specifier of every file among `files` (POSIX, relative to `rootDir`, the config folder)
 * that lies in an installed package, by its path; undefined when none has one. Tried in order:
 * what package.json names the file by (an `exports` subpath, the entry's bare name, the path
 * inside a package without `exports`), then an entry that re-exports all of the file (`export *
 * from './round.js'`, or `export { A } from` naming every export of the file, followed from file
 * to file, as packages built by tsc do). A file no candidate resolves to is left out: generated
 * code imports it by its relative path (type-only, so it costs nothing at run time).
 */
export function packageSpecifiersFor(files: readonly string[], rootDir: string, importExtension: '.js' | '', resolve: ModuleResolver): Record<string, string> | undefined {
  const packages = new Map<string, PackageReading>();
  const specifiers: Record<string, string> = {};
  let found = false;
  for (const path of files) {
    const file = packageFile(path);
    if (!file) continue;
    let reading = packages.get(file.root);
    if (!reading) packages.set(file.root, (reading = new PackageReading(file, join(rootDir, file.root), resolve)));
    const target = realPath(join(rootDir, path));
    const direct = packageSpecifier(file, reading.manifest, importExtension);
    const specifier = direct !== undefined && resolve(direct) === target ? direct : reading.reexported().get(target);
    if (specifier === undefined) continue;
    specifiers[path] = specifier;
    found = true;
  }
  return found ? specifiers : undefined;
}

/** What is read of one package: its manifest, and (on demand) the files its entries re-export whole. */
class PackageReading {
  readonly manifest: PackageManifest | undefined;
  private whole: Map<string, string> | undefined;

  constructor(
    private readonly file: PackageFile,
    private readonly dir: string,
    private readonly resolve: ModuleResolver,
  ) {
    this.manifest = readManifest(join(dir, 'package.json'));
  }

  /** Real paths of files re-exported whole by an entry, each with the specifier of the first such entry. */
  reexported(): Map<string, string> {
    if (this.whole) return this.whole;
    const name = importedPackageName(this.file.name);
    const exports = this.manifest?.exports;
    const entries = exports === undefined || exports === null ? ['.'] : exportedSubpaths(exports).map((entry) => entry.subpath);
    this.whole = new Map();
    for (const subpath of entries) {
      const specifier = subpath === '.' ? name : `${name}${subpath.slice(1)}`;
      const entry = this.resolve(specifier);
      if (entry) for (const file of wholeReexports(entry)) if (!this.whole.has(file)) this.whole.set(file, specifier);
    }
    return this.whole;
  }
}

/** A bound on what one entry may cost to read: files beyond it keep their relative imports. */
const MAX_FILES = 500;

/**
 * The files `entry` (a real path) exports all of: itself, and through `export * from` (never
 * `export * as`) or `export { … } from` naming every export of the target, transitively.
 */
function wholeReexports(entry: string): Set<string> {
  const whole = new Set<string>([entry]);
  const queue = [entry];
  for (let at = 0; at < queue.length && at < MAX_FILES; at++) {
    const statements = parse(queue[at]!);
    const named = new Map<string, Set<string>>();
    for (const statement of statements) {
      if (!ts.isExportDeclaration(statement) || !statement.moduleSpecifier || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
      const target = relativeTarget(queue[at]!, statement.moduleSpecifier.text);
      if (!target) continue;
      if (!statement.exportClause) add(target);
      else if (ts.isNamedExports(statement.exportClause)) {
        const names = named.get(target) ?? new Set<string>();
        for (const element of statement.exportClause.elements) {
          // Renamed (`export { A as B }`): the file's own name is not what the entry exports.
          if (!element.propertyName || element.propertyName.text === element.name.text) names.add(element.name.text);
        }
        named.set(target, names);
      }
    }
    for (const [target, names] of named) {
      const own = exportedNames(parse(target));
      if (own !== undefined && own.size > 0 && [...own].every((name) => names.has(name))) add(target);
    }
  }
  return whole;

  function add(file: string): void {
    if (whole.has(file)) return;
    whole.add(file);
    queue.push(file);
  }
}

/** The names a declaration file exports by its own declarations; undefined when it also re-exports or exports a default. */
function exportedNames(statements: readonly ts.Statement[]): Set<string> | undefined {
  const names = new Set<string>();
  for (const statement of statements) {
    if (ts.isExportDeclaration(statement)) {
      if (statement.moduleSpecifier || !statement.exportClause || !ts.isNamedExports(statement.exportClause)) return undefined;
      for (const element of statement.exportClause.elements) names.add(element.name.text);
    } else if (ts.isExportAssignment(statement)) return undefined;
    else if (ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)) {
      if (ts.getModifiers(statement)!.some((modifier) => modifier.kind === ts.SyntaxKind.DefaultKeyword)) return undefined;
      if (ts.isVariableStatement(statement)) {
        for (const declaration of statement.declarationList.declarations) if (ts.isIdentifier(declaration.name)) names.add(declaration.name.text);
      } else {
        const name = (statement as ts.Statement & { name?: ts.Node }).name;
        if (name && ts.isIdentifier(name)) names.add(name.text);
      }
    }
  }
  return names;
}

/** The declaration file a relative re-export of `from` reads: `./x.js` → `x.d.ts`, `./x` → `x.d.ts` or `x/index.d.ts`. */
function relativeTarget(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('./') && !specifier.startsWith('../')) return undefined;
  const base = join(dirname(from), specifier);
  const script = /\.([cm]?)js$/.exec(base);
  const candidates = script
    ? [`${base.slice(0, -script[0].length)}.d.${script[1]}ts`]
    : /\.d\.[cm]?ts$/.test(base)
      ? [base]
      : [`${base}.d.ts`, join(base, 'index.d.ts')];
  const found = candidates.find((candidate) => existsSync(candidate));
  return found ? realPath(found) : undefined;
}

/** A file's statements ('' for a file that cannot be read: it re-exports nothing). Read afresh each build, as packages may change. */
function parse(file: string): readonly ts.Statement[] {
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    // Nothing to follow.
  }
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false).statements;
}

function realPath(path: string): string {
  try {
    return ts.sys.realpath ? ts.sys.realpath(path) : path;
  } catch {
    return path;
  }
}

function readManifest(path: string): PackageManifest | undefined {
  try {
    const value: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as PackageManifest) : undefined;
  } catch {
    return undefined;
  }
}
