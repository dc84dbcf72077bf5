/**
 * Files of installed packages (any path through a `node_modules` folder): which package holds
 * them, and the module specifier that reaches them as user code imports them. Generated code
 * imports a package's types by that specifier (`mylib`, `geojson` for `@types/geojson`,
 * `@acme/shapes/sub` through the package's `exports`), never by a relative path into
 * `node_modules`, which breaks as soon as packages are hoisted, deduplicated or linked elsewhere.
 */
import { posix } from 'node:path';

/** A file inside an installed package. */
export interface PackageFile {
  /** The package's name as installed: `mylib`, `@acme/shapes`, `@types/geojson`. */
  name: string;
  /** The package's folder as the file's path spells it: `node_modules/@acme/shapes`. */
  root: string;
  /** The file's path inside the package: `dist/index.d.ts`. */
  inner: string;
}

/** What of a package.json decides which specifier reaches a file. */
export interface PackageManifest {
  types?: unknown;
  typings?: unknown;
  main?: unknown;
  exports?: unknown;
}

/**
 * The package holding `path` (POSIX), by the last `node_modules` folder on it, so a pnpm store
 * path (`node_modules/.pnpm/mylib@1.0.0/node_modules/mylib/index.d.ts`) names `mylib`.
 * Undefined for a path through no `node_modules` folder.
 */
export function packageFile(path: string): PackageFile | undefined {
  const parts = path.split('/');
  const at = parts.lastIndexOf('node_modules');
  if (at < 0) return undefined;
  const length = parts[at + 1]?.startsWith('@') ? 2 : 1;
  // A package name, then at least one file name.
  if (parts.length <= at + 1 + length) return undefined;
  return {
    name: parts.slice(at + 1, at + 1 + length).join('/'),
    root: parts.slice(0, at + 1 + length).join('/'),
    inner: parts.slice(at + 1 + length).join('/'),
  };
}

/**
 * The name code imports a package by: its own, except for a DefinitelyTyped package, which types
 * the package it is named after (`@types/geojson` → `geojson`, `@types/babel__core` → `@babel/core`).
 */
export function importedPackageName(name: string): string {
  if (!name.startsWith('@types/')) return name;
  const typed = name.slice('@types/'.length);
  return typed.includes('__') ? `@${typed.replace('__', '/')}` : typed;
}

/**
 * The specifier TypeScript (and Node, for a value import) resolves to `file`: with `exports`, the
 * subpath whose target is the file (or the JavaScript file it declares: `./dist/index.js` for
 * `dist/index.d.ts`), patterns (`./*`) included; without, the bare name for the package's
 * `types`/`typings`/`main` entry (`index.d.ts` by default), else the name and the path inside
 * (`mylib/extra/deep.js`, the extension as relative imports of the project have it). Undefined
 * when the package's `exports` reach the file by no subpath (the pipeline then looks for an
 * exported entry that re-exports it whole: see pipeline/package-specifiers.ts).
 */
export function packageSpecifier(file: PackageFile, manifest: PackageManifest | undefined, importExtension: '.js' | ''): string | undefined {
  const name = importedPackageName(file.name);
  if (manifest?.exports !== undefined && manifest.exports !== null) {
    const subpath = exportedSubpath(file.inner, manifest.exports);
    return subpath === undefined ? undefined : subpath === '.' ? name : `${name}${subpath.slice(1)}`;
  }
  const entries = [manifest?.types, manifest?.typings, manifest?.main].filter((entry): entry is string => typeof entry === 'string');
  const entry = entries.length > 0 ? entries[0]! : 'index.d.ts';
  if (declarationsOf(entry).includes(file.inner) || declarationsOf(posix.join(entry, 'index.js')).includes(file.inner)) return name;
  const script = scriptOf(file.inner);
  return `${name}/${importExtension === '' ? script.replace(/\.[cm]?js$/, '') : script}`;
}

/** The subpath of `exports` (`.`, `./sub`) that resolves to `inner`, exact subpaths first. */
function exportedSubpath(inner: string, exports: unknown): string | undefined {
  const map = subpathMap(exports);
  const keys = Object.keys(map);
  for (const key of keys.filter((key) => !key.includes('*'))) {
    if (targets(map[key]).some((target) => declarationsOf(target).includes(inner))) return key;
  }
  for (const key of keys.filter((key) => key.includes('*'))) {
    for (const target of targets(map[key])) {
      // The target names the JavaScript file (`./dist/*.js`, `./dist/*`) or the declaration itself (`./types/*.d.ts`).
      const pattern = posix.normalize(target).replace(/^\.\//, '');
      const matched = [scriptOf(inner), inner].map((candidate) => matchPattern(pattern, candidate)).find((star) => star !== undefined);
      if (matched !== undefined) return key.replace('*', matched);
    }
  }
  return undefined;
}

/**
 * The exact subpaths of `exports` (no patterns), each with the declaration files its targets
 * may resolve to, relative to the package folder: `[{ subpath: '.', files: ['dist/index.d.ts'] }]`.
 */
export function exportedSubpaths(exports: unknown): { subpath: string; files: string[] }[] {
  const map = subpathMap(exports);
  return Object.keys(map)
    .filter((subpath) => !subpath.includes('*'))
    .map((subpath) => ({ subpath, files: [...new Set(targets(map[subpath]).flatMap(declarationsOf))] }));
}

/** `exports` as subpath → target: a bare target or an object of conditions is the `.` subpath. */
function subpathMap(exports: unknown): Record<string, unknown> {
  if (typeof exports === 'object' && exports !== null && !Array.isArray(exports) && Object.keys(exports).some((key) => key.startsWith('.'))) {
    return exports as Record<string, unknown>;
  }
  return { '.': exports };
}

/** Every file a target may resolve to, whatever the conditions (`types`, `import`, `default`…). */
function targets(target: unknown): string[] {
  if (typeof target === 'string') return [target];
  if (Array.isArray(target)) return target.flatMap(targets);
  if (typeof target === 'object' && target !== null) return Object.values(target).flatMap(targets);
  return [];
}

/** The declaration files TypeScript reads for a target: itself if it is TypeScript, else beside it (`x.js` → `x.d.ts`). */
function declarationsOf(target: string): string[] {
  const path = posix.normalize(target).replace(/^\.\//, '');
  const script = /\.([cm]?)js$/.exec(path);
  if (script) return [`${path.slice(0, -script[0].length)}.d.${script[1]}ts`];
  if (/\.[cm]?tsx?$/.test(path)) return [path];
  // No extension (a `main` of `lib/index`): TypeScript tries the declaration file beside it.
  return [`${path}.d.ts`, `${path}/index.d.ts`];
}

/** The JavaScript file a declaration file declares: `x.d.ts` → `x.js`, `x.d.mts` → `x.mjs`. */
function scriptOf(declaration: string): string {
  return declaration.replace(/\.d\.([cm]?)ts$|\.([cm]?)tsx?$/, (_all, declared?: string, source?: string) => `.${declared ?? source ?? ''}js`);
}

/** What `*` stands for when `pattern` (one `*`) matches `path`; undefined when it does not. */
function matchPattern(pattern: string, path: string): string | undefined {
  const star = pattern.indexOf('*');
  if (star < 0) return undefined;
  const before = pattern.slice(0, star);
  const after = pattern.slice(star + 1);
  if (path.length < before.length + after.length || !path.startsWith(before) || !path.endsWith(after)) return undefined;
  return path.slice(before.length, path.length - after.length);
}
