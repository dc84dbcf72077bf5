/** Temporary project folders built from fixture folders, inside the repo's test/.tmp. */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { TMP_ROOT } from './paths.js';

/** A fresh copy of `source` (a fixture's project folder) under test/.tmp. */
export function copyProject(source: string, name: string): string {
  mkdirSync(TMP_ROOT, { recursive: true });
  const target = mkdtempSync(join(TMP_ROOT, `${name}-`));
  cpSync(source, target, { recursive: true });
  return target;
}

/** An empty project folder with the given files. */
export function makeProject(name: string, files: Record<string, string>): string {
  mkdirSync(TMP_ROOT, { recursive: true });
  const root = mkdtempSync(join(TMP_ROOT, `${name}-`));
  for (const [path, content] of Object.entries(files)) writeFile(root, path, content);
  return root;
}

export function writeFile(root: string, path: string, content: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
}

export function removeProject(root: string): void {
  rmSync(root, { recursive: true, force: true });
}

/** Every file below `root` as POSIX relative path → content, sorted. */
export function readTree(root: string): Record<string, string> {
  const tree: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir).sort()) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else tree[relative(root, path).split(sep).join('/')] = readFileSync(path, 'utf8');
    }
  };
  try {
    walk(root);
  } catch {
    return {};
  }
  return tree;
}

/** Replaces the expected tree at `target` with `tree` (for UPDATE=1). */
export function writeTree(target: string, tree: Record<string, string>): void {
  rmSync(target, { recursive: true, force: true });
  for (const [path, content] of Object.entries(tree)) writeFile(target, path, content);
}

/**
 * Narrows a copied project's tsconfig.json to lib ES2022 and no @types, for tests that spawn the
 * bin on models needing neither: each spawned analysis then skips the DOM and Node declarations
 * (about a third of a small run's CPU). Use it only where the project's libs are not what is
 * tested, and give in-process runs compared with the spawned ones the same project.
 */
export function withSmallLibs(root: string): string {
  const path = join(root, 'tsconfig.json');
  const config = JSON.parse(readFileSync(path, 'utf8')) as { compilerOptions?: Record<string, unknown> };
  config.compilerOptions = { ...config.compilerOptions, lib: ['ES2022'], types: [] };
  writeFileSync(path, `${JSON.stringify(config, null, 2)}\n`);
  return root;
}
