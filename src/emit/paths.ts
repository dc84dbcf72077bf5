import { isAbsolute, posix, relative, sep } from 'node:path';

/** A path as diagnostics show it: relative to `root`, POSIX. */
export function displayPath(root: string, path: string): string {
  return toPosix(relative(root, path)) || '.';
}

/** The path with `/` separators, whatever the platform wrote. */
export function toPosix(path: string): string {
  return path.split(sep).join('/').replaceAll('\\', '/');
}

/**
 * An output path normalised to POSIX and relative to its output folder, or undefined when it
 * would land outside the folder (absolute, or climbing out with `..`) or holds a NUL.
 */
export function normalizeOutputPath(path: string): string | undefined {
  const posixPath = toPosix(path);
  if (path.includes('\u0000')) return undefined;
  if (isAbsolute(path) || posix.isAbsolute(posixPath) || /^[A-Za-z]:/.test(posixPath)) return undefined;
  const normal = posix.normalize(posixPath);
  if (normal === '.' || normal === '..' || normal.startsWith('../')) return undefined;
  return normal;
}

/** Byte-order comparison, the same on every machine (unlike `localeCompare`). */
export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
