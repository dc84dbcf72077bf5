/** Path helpers: POSIX everywhere, so messages and outputs are the same on every OS. */
import path from 'node:path';

/** The path with forward slashes. */
export function toPosix(p: string): string {
  return p.replace(/\\/g, '/');
}

/** `file` as the user would click it: relative to `cwd` when inside it, else absolute; POSIX. */
export function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  const inside = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  return toPosix(inside ? relative : file);
}

/** `target` relative to `from` for printing: `.` for the same folder, POSIX. */
export function relativeForDisplay(from: string, target: string): string {
  return toPosix(path.relative(from, target)) || '.';
}

/** POSIX form of a path relative to `from` (`.` for the same folder). */
export function posixRelative(from: string, to: string): string {
  const relative = path.relative(from, to).split(path.sep).join('/');
  return relative === '' ? '.' : relative;
}

/** True when `file` is `folder` or inside it. */
export function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
