/** Reads the package.json of each installed package the model reads types from, for the specifiers generated code imports them by. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageFile, packageSpecifier, type PackageManifest } from '../generators/kit/package-specifiers.js';

/**
 * The specifier of every file among `files` (POSIX, relative to `rootDir`, the config folder)
 * that lies in an installed package, by its path; undefined when none does. A package whose
 * package.json cannot be read counts as one without fields (its `index.d.ts` is its entry); a
 * file its `exports` do not reach is left out (imported by its relative path).
 */
export function packageSpecifiersFor(files: readonly string[], rootDir: string, importExtension: '.js' | ''): Record<string, string> | undefined {
  const manifests = new Map<string, PackageManifest | undefined>();
  const specifiers: Record<string, string> = {};
  let found = false;
  for (const path of files) {
    const file = packageFile(path);
    if (!file) continue;
    if (!manifests.has(file.root)) manifests.set(file.root, readManifest(join(rootDir, file.root, 'package.json')));
    const specifier = packageSpecifier(file, manifests.get(file.root), importExtension);
    if (specifier === undefined) continue;
    specifiers[path] = specifier;
    found = true;
  }
  return found ? specifiers : undefined;
}

function readManifest(path: string): PackageManifest | undefined {
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as PackageManifest) : undefined;
  } catch {
    return undefined;
  }
}
