/** Reads the package.json of each installed package the model reads types from, for the specifiers generated code imports them by. */
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { ts } from 'ts-morph';
import { exportedSubpaths, importedPackageName, packageFile, packageSpecifier, type PackageFile, type PackageManifest } from '../generators/kit/package-specifiers.js';

/**
 * The specifier of every file among `files` (POSIX, relative to `rootDir`, the config folder)
 * that lies in an installed package, by its path; undefined when none does. A package whose
 * package.json cannot be read counts as one without fields (its `index.d.ts` is its entry). A
 * file its `exports` do not name is reached through the first exported entry that re-exports all
 * of it (`export * from './shape.js'`, followed from file to file), as a package built by tsc
 * does; a file no entry re-exports whole is left out (imported by its relative path).
 */
export function packageSpecifiersFor(files: readonly string[], rootDir: string, importExtension: '.js' | ''): Record<string, string> | undefined {
  const manifests = new Map<string, PackageManifest | undefined>();
  const reexported = new Map<string, Map<string, string>>();
  const specifiers: Record<string, string> = {};
  let found = false;
  for (const path of files) {
    const file = packageFile(path);
    if (!file) continue;
    if (!manifests.has(file.root)) manifests.set(file.root, readManifest(join(rootDir, file.root, 'package.json')));
    const manifest = manifests.get(file.root);
    let specifier = packageSpecifier(file, manifest, importExtension);
    if (specifier === undefined && manifest?.exports !== undefined) {
      if (!reexported.has(file.root)) reexported.set(file.root, reexportingEntries(file, manifest.exports, join(rootDir, file.root)));
      specifier = reexported.get(file.root)!.get(file.inner);
    }
    if (specifier === undefined) continue;
    specifiers[path] = specifier;
    found = true;
  }
  return found ? specifiers : undefined;
}

/** Files a package re-exports whole from its exported entries, each with the specifier of the first entry that does. */
function reexportingEntries(file: PackageFile, exports: unknown, packageDir: string): Map<string, string> {
  const name = importedPackageName(file.name);
  const reached = new Map<string, string>();
  for (const { subpath, files } of exportedSubpaths(exports)) {
    const specifier = subpath === '.' ? name : `${name}${subpath.slice(1)}`;
    const queue = files.filter((inner) => existsSync(join(packageDir, inner)));
    const visited = new Set(queue);
    // A bound on what one package may cost to read: files beyond it keep their relative imports.
    for (let at = 0; at < queue.length && at < MAX_FILES; at++) {
      const inner = queue[at]!;
      if (!reached.has(inner)) reached.set(inner, specifier);
      for (const next of wholeReexports(packageDir, inner)) {
        if (visited.has(next)) continue;
        visited.add(next);
        queue.push(next);
      }
    }
  }
  return reached;
}

const MAX_FILES = 500;

/** The declaration files `inner` re-exports whole (`export * from './x.js'`, never `export * as x`), relative to the package. */
function wholeReexports(packageDir: string, inner: string): string[] {
  let text: string;
  try {
    text = readFileSync(join(packageDir, inner), 'utf8');
  } catch {
    return [];
  }
  const source = ts.createSourceFile(inner, text, ts.ScriptTarget.Latest, false);
  const found: string[] = [];
  for (const statement of source.statements) {
    if (!ts.isExportDeclaration(statement) || statement.exportClause || !statement.moduleSpecifier || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const specifier = statement.moduleSpecifier.text;
    if (!specifier.startsWith('./') && !specifier.startsWith('../')) continue;
    const target = posix.normalize(posix.join(posix.dirname(inner), specifier));
    const candidate = declarationCandidates(target).find((path) => !path.startsWith('../') && existsSync(join(packageDir, path)));
    if (candidate) found.push(candidate);
  }
  return found;
}

/** The declaration files TypeScript tries for a relative import: `x.js` → `x.d.ts`, `x` → `x.d.ts`, `x/index.d.ts`. */
function declarationCandidates(target: string): string[] {
  const script = /\.([cm]?)js$/.exec(target);
  if (script) return [`${target.slice(0, -script[0].length)}.d.${script[1]}ts`];
  if (/\.d\.[cm]?ts$/.test(target)) return [target];
  return [`${target}.d.ts`, `${target}/index.d.ts`];
}

function readManifest(path: string): PackageManifest | undefined {
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as PackageManifest) : undefined;
  } catch {
    return undefined;
  }
}
