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
 * Checks paths below one output folder against the disk, remembering what it learnt about each
 * folder on the way (its real path is resolved once), so checking every entry of a large manifest
 * costs about one system call per entry rather than one per folder level.
 */
export interface PathChecker {
  /**
   * Whether the part of `outputDir/path` that exists resolves outside the output folder, i.e. goes
   * through a symbolic link leading out (or cannot be resolved at all, which counts as out).
   */
  leavesThroughLink(path: string): Promise<boolean>;
  /** Why a recorded path must be ignored (lexically, then on disk), or undefined when it is safe. */
  recordedPathProblem(path: string): Promise<string | undefined>;
  /** The safe paths `recordedPathProblem` found missing from the disk (nothing to read for them). */
  readonly missing: Set<string>;
}

type Place = 'inside' | 'outside' | 'missing';

/** A checker for the paths below `outputDir`; its memory lasts as long as the checker. */
export function pathChecker(fs: FileSystem, outputDir: string): PathChecker {
  let root: Promise<string> | undefined;
  const folders = new Map<string, Promise<Place>>();

  /** Where an existing path resolves, or `missing`; a failure to resolve counts as outside. */
  const place = async (absolute: string): Promise<Place> => {
    try {
      const real = await fs.realPath(absolute);
      if (real === undefined) return 'missing';
      root ??= fs.realPath(outputDir).then((found) => found ?? outputDir);
      const base = await root;
      return real === base || real.startsWith(base.endsWith(sep) ? base : `${base}${sep}`) ? 'inside' : 'outside';
    } catch {
      return 'outside'; // ELOOP, EACCES…: what cannot be resolved is not trusted
    }
  };
  /** The verdict for a path from its nearest existing ancestor (itself included), below the output folder. */
  const verdict = async (absolute: string, remember: boolean): Promise<Place> => {
    if (absolute === outputDir) return 'inside';
    const parent = dirname(absolute);
    if (parent === absolute) return 'outside'; // walked past the root: not below outputDir
    let known = folders.get(absolute);
    if (known === undefined) {
      known = (async () => {
        const above = await verdict(parent, true);
        // Below a missing folder nothing exists; below a folder leading out, everything is out.
        if (above !== 'inside') return above;
        return place(absolute);
      })();
      if (remember) folders.set(absolute, known);
    }
    return known;
  };

  const leavesThroughLink = async (path: string) => (await verdict(join(outputDir, path), false)) === 'outside';
  const missing = new Set<string>();
  return {
    leavesThroughLink,
    missing,
    async recordedPathProblem(path) {
      const reason = unsafePathReason(path);
      if (reason !== undefined) return reason;
      const absolute = join(outputDir, path);
      if (Buffer.byteLength(absolute) >= PATH_MAX_BYTES) return `is longer than the file system allows (${PATH_MAX_BYTES} bytes with the output folder)`;
      // A file that is no link, in a folder known to resolve inside, is inside: one lstat instead of
      // a realpath and an lstat (a watch build checks every output of c1000 this way: ~200 calls).
      if ((await verdict(dirname(absolute), true)) === 'inside') {
        const kind = await fs.kind(absolute).catch(() => 'failed' as const);
        if (kind === 'file') return undefined;
        if (kind === undefined) {
          missing.add(path);
          return undefined;
        }
        if (kind === 'folder') return 'names a folder, not a file';
        if (kind === 'other') return 'names something that is not a file';
        // A link (or a failed lstat): where it resolves decides, as below.
      }
      const where = await verdict(absolute, false);
      if (where === 'outside') return 'goes through a link that leads outside the output folder';
      if (where === 'missing') {
        missing.add(path);
        return undefined;
      }
      // Codegen records only files: a folder (or a socket…) there did not come from it, and acting
      // on it would fail on every run (EISDIR), so it is refused like a path leading out.
      const kind = await fs.kind(absolute).catch(() => 'other' as const);
      if (kind === 'folder') return 'names a folder, not a file';
      if (kind === 'other') return 'names something that is not a file';
      return undefined;
    },
  };
}

/** `pathChecker(fs, outputDir).leavesThroughLink(path)`, for a single path. */
export function leavesThroughLink(fs: FileSystem, outputDir: string, path: string): Promise<boolean> {
  return pathChecker(fs, outputDir).leavesThroughLink(path);
}

/** `pathChecker(fs, outputDir).recordedPathProblem(path)`, for a single path. */
export function recordedPathProblem(fs: FileSystem, outputDir: string, path: string): Promise<string | undefined> {
  return pathChecker(fs, outputDir).recordedPathProblem(path);
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
