/**
 * Whether generated code can import a type of an installed package by name: some specifier of its
 * package (the entry, an `exports` subpath, or in a package without `exports` the file's own
 * path) exports that very declaration under its name, as TypeScript's checker reads the module's
 * exports (re-exports followed, per name). A declaration file's unexported helpers are exports of
 * their own file to TypeScript (a `.d.ts` module without `export {}` exports every declaration),
 * so a file being reachable says nothing of each name in it: `type-fest`'s `PartialObjectDeep`
 * sits in `source/partial-deep.d.ts` beside `PartialDeep`, and only the latter is in its index.
 * A name no specifier exports is printed as its shape (`nameable` in generators/kit).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Node, ts } from 'ts-morph';

/** Per checker (one program), per package folder: the symbols its specifiers export, by export name. */
const memo = new WeakMap<ts.TypeChecker, Map<string, Map<string, Set<ts.Symbol>>>>();

/**
 * True when `node` (a declaration in a file under `node_modules`, not in a `declare module 'x'`
 * block) is exported by name by a specifier of its package that resolves, with the program's
 * compiler options, from `rootDir` (the config folder).
 */
export function exportedByPackage(node: Node, rootDir: string): boolean {
  const imported = importedNode(node);
  const name = nameOf(imported);
  if (name === undefined) return false;
  const path = node.getSourceFile().getFilePath();
  const program = node.getProject().getProgram().compilerObject;
  const checker = program.getTypeChecker();
  let packages = memo.get(checker);
  if (!packages) memo.set(checker, (packages = new Map()));
  const root = packageRoot(path, checker);
  if (root === undefined) return false;
  // Keyed by file too where the file's own path is one of the specifiers (a package without `exports`).
  const key = `${root.dir}\u0000${hasExports(root) ? '' : path}`;
  let exports = packages.get(key);
  if (!exports) packages.set(key, (exports = packageExports(root, path, program, rootDir)));
  const symbol = symbolOf(imported, checker);
  return symbol !== undefined && exports.get(name)?.has(symbol) === true;
}

/** The node an import names: the outermost namespace of a namespace member (`TermStore` of `TermStore.Term`), else itself. */
function importedNode(node: Node): Node {
  let outer = node;
  for (let parent = node.getParent(); parent && !Node.isSourceFile(parent); parent = parent.getParent()) {
    if (Node.isModuleDeclaration(parent) && !Node.isStringLiteral(parent.getNameNode())) outer = parent;
  }
  return outer;
}

function nameOf(node: Node): string | undefined {
  const name = (node.compilerNode as ts.Node & { name?: ts.Node }).name;
  return name && ts.isIdentifier(name) ? name.text : undefined;
}

function symbolOf(node: Node, checker: ts.TypeChecker): ts.Symbol | undefined {
  const name = (node.compilerNode as ts.Node & { name?: ts.Node }).name;
  const symbol = name ? checker.getSymbolAtLocation(name) : undefined;
  return symbol && symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
}

interface PackageRoot {
  /** The package's folder (absolute). */
  dir: string;
  /** Its name as code imports it (`geojson` for `@types/geojson`). */
  name: string;
  /** Its package.json, when it has one that parses. */
  manifest: Record<string, unknown> | undefined;
}

function hasExports(root: PackageRoot): boolean {
  const exports = root.manifest?.['exports'];
  return exports !== undefined && exports !== null;
}

/** Per checker, the package folders read so far. */
const roots = new WeakMap<ts.TypeChecker, Map<string, PackageRoot>>();

/** The package holding `path`, by the last `node_modules` folder on it (a pnpm store path names the package inside). */
function packageRoot(path: string, checker: ts.TypeChecker): PackageRoot | undefined {
  const parts = path.split(/[\\/]/);
  const at = parts.lastIndexOf('node_modules');
  if (at < 0) return undefined;
  const length = parts[at + 1]?.startsWith('@') ? 2 : 1;
  if (parts.length <= at + 1 + length) return undefined;
  const installed = parts.slice(at + 1, at + 1 + length).join('/');
  const dir = parts.slice(0, at + 1 + length).join('/');
  let read = roots.get(checker);
  if (!read) roots.set(checker, (read = new Map()));
  let root = read.get(dir);
  if (!root) read.set(dir, (root = { dir, name: importedName(installed), manifest: readManifest(join(dir, 'package.json')) }));
  return root;
}

/** `@types/geojson` → `geojson`, `@types/babel__core` → `@babel/core`. */
function importedName(name: string): string {
  if (!name.startsWith('@types/')) return name;
  const typed = name.slice('@types/'.length);
  return typed.includes('__') ? `@${typed.replace('__', '/')}` : typed;
}

/**
 * What the package's specifiers export: its entry and each `exports` subpath without a pattern;
 * without `exports`, also the deep path of `file` (`fakepkg/inner.js`, which a package without
 * `exports` lets code import). Only modules of the program are read (an entry no file of the
 * program reaches exports nothing here: its names are printed as their shapes).
 */
function packageExports(root: PackageRoot, file: string, program: ts.Program, rootDir: string): Map<string, Set<ts.Symbol>> {
  const specifiers = [root.name];
  const exportsField = root.manifest?.['exports'];
  if (hasExports(root)) {
    if (typeof exportsField === 'object' && exportsField !== null && !Array.isArray(exportsField)) {
      for (const key of Object.keys(exportsField)) if (key.startsWith('./') && !key.includes('*')) specifiers.push(`${root.name}${key.slice(1)}`);
    }
  } else {
    const inner = file.slice(root.dir.length + 1).split(/[\\/]/).join('/');
    const script = inner.replace(/\.d\.([cm]?)ts$/, '.$1js');
    specifiers.push(`${root.name}/${script}`, `${root.name}/${script.replace(/\.[cm]?js$/, '')}`);
  }
  const checker = program.getTypeChecker();
  const options = program.getCompilerOptions();
  const containing = join(rootDir, '__codegen_package_exports__.ts');
  const exports = new Map<string, Set<ts.Symbol>>();
  for (const specifier of specifiers) {
    const resolved = ts.resolveModuleName(specifier, containing, options, ts.sys).resolvedModule;
    if (!resolved) continue;
    const source = program.getSourceFile(resolved.resolvedFileName) ?? program.getSourceFile(realPath(resolved.resolvedFileName));
    const moduleSymbol = source ? checker.getSymbolAtLocation(source) : undefined;
    if (!moduleSymbol) continue;
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      const target = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      const name = exported.getName();
      let symbols = exports.get(name);
      if (!symbols) exports.set(name, (symbols = new Set()));
      symbols.add(target);
    }
  }
  return exports;
}

function readManifest(path: string): Record<string, unknown> | undefined {
  try {
    if (!existsSync(path)) return undefined;
    const value: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function realPath(path: string): string {
  try {
    return ts.sys.realpath ? ts.sys.realpath(path) : path;
  } catch {
    return path;
  }
}
