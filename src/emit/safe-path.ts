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

/** What codegen adds to an output's name for its temp (`.NAME.codegen-tmp-<12 hex>`, see journal.ts). */
export const TEMP_NAME_EXTRA_BYTES = '.'.length + '.codegen-tmp-'.length + 12;

/**
 * Why the file system would refuse to write a planned output (POSIX, relative to `outputDir`), or
 * undefined: a folder name over 255 bytes, a file name over 255 bytes once the temp's additions are
 * counted, or a path over 4,096 bytes. Known before anything is written, so reported while planning.
 */
export function outputPathLimit(outputDir: string, path: string): string | undefined {
  const segments = path.split('/');
  const name = segments.pop()!;
  const folder = segments.find((segment) => Buffer.byteLength(segment) > NAME_MAX_BYTES);
  if (folder !== undefined) return `its folder name ${JSON.stringify(shorten(folder))} is ${Buffer.byteLength(folder)} bytes, over the ${NAME_MAX_BYTES} bytes a file system allows per name`;
  const nameBytes = Buffer.byteLength(name);
  if (nameBytes + TEMP_NAME_EXTRA_BYTES > NAME_MAX_BYTES) {
    return `its file name is ${nameBytes} bytes; with the ${TEMP_NAME_EXTRA_BYTES} bytes of the temp file it is staged in, that is over the ${NAME_MAX_BYTES} bytes a file system allows per name (at most ${NAME_MAX_BYTES - TEMP_NAME_EXTRA_BYTES} bytes)`;
  }
  const total = Buffer.byteLength(join(outputDir, path)) + TEMP_NAME_EXTRA_BYTES;
  if (total >= PATH_MAX_BYTES) return `its full path (with the temp file's additions) is ${total} bytes, over the ${PATH_MAX_BYTES - 1} bytes a file system allows`;
  return undefined;
}

function shorten(name: string): string {
  return name.length > 40 ? `${name.slice(0, 20)}…${name.slice(-12)}` : name;
}
