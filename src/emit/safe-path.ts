/**
 * Paths read back from codegen's own files (the manifest, the journal) are input, not truth: a
 * merge gone wrong or a hostile pull request can write anything there. Before codegen reads,
 * hashes or deletes the file such a path names, the path must be one codegen itself could have
 * written: relative POSIX, in normal form, inside the output folder, and not through a link that
 * leads out of it.
 */
import { dirname, join, posix, sep, win32 } from 'node:path';
import type { FileSystem } from './file-system.js';

/** The longest file or folder name most file systems accept (ext4, APFS, NTFS: 255 bytes or units). */
export const NAME_MAX_BYTES = 255;
/** The longest path Linux accepts in one call (PATH_MAX, terminating NUL included). */
export const PATH_MAX_BYTES = 4096;

/** Why a recorded path cannot name a file of the output folder, or undefined when it can. */
export function unsafePathReason(path: string): string | undefined {
  if (path.length === 0) return 'is empty';
  if (path.includes('\u0000')) return 'contains a NUL character';
  if (path.includes('\\')) return 'contains a backslash';
  if (posix.isAbsolute(path) || win32.isAbsolute(path) || /^[A-Za-z]:/.test(path)) return 'is absolute';
  const segments = path.split('/');
  if (segments.includes('..')) return 'climbs out with `..`';
  if (segments.some((segment) => segment === '' || segment === '.')) return 'is not in normal form';
  // Checked before anything touches the disk: such a path fails every call (ENAMETOOLONG).
  if (segments.some((segment) => Buffer.byteLength(segment) > NAME_MAX_BYTES)) return `has a name longer than the file system allows (${NAME_MAX_BYTES} bytes)`;
  if (Buffer.byteLength(path) >= PATH_MAX_BYTES) return `is longer than the file system allows (${PATH_MAX_BYTES} bytes)`;
  return undefined;
}

/**
 * Whether the part of `outputDir/path` that exists resolves outside the output folder, i.e. goes
 * through a symbolic link leading out (or cannot be resolved at all, which counts as out).
 */
export async function leavesThroughLink(fs: FileSystem, outputDir: string, path: string): Promise<boolean> {
  try {
    const root = (await fs.realPath(outputDir)) ?? outputDir;
    for (let current = join(outputDir, path); current !== outputDir; current = dirname(current)) {
      const real = await fs.realPath(current);
      if (real !== undefined) return real !== root && !real.startsWith(root.endsWith(sep) ? root : `${root}${sep}`);
      if (dirname(current) === current) return true; // walked past the root: not below outputDir
    }
    return false;
  } catch {
    return true; // ELOOP, EACCES…: what cannot be resolved is not trusted
  }
}

/**
 * Why a recorded path must be ignored (lexically, then on disk), or undefined when it is safe.
 * Codegen records only files: a path that names a folder (or a socket…) did not come from it, and
 * acting on it would fail on every run (EISDIR), so it is refused like a path leading out.
 */
export async function recordedPathProblem(fs: FileSystem, outputDir: string, path: string): Promise<string | undefined> {
  const reason = unsafePathReason(path);
  if (reason !== undefined) return reason;
  if (Buffer.byteLength(join(outputDir, path)) >= PATH_MAX_BYTES) return `is longer than the file system allows (${PATH_MAX_BYTES} bytes with the output folder)`;
  if (await leavesThroughLink(fs, outputDir, path)) return 'goes through a link that leads outside the output folder';
  const kind = await fs.kind(join(outputDir, path)).catch(() => 'other' as const);
  if (kind === 'folder') return 'names a folder, not a file';
  if (kind === 'other') return 'names something that is not a file';
  return undefined;
}
