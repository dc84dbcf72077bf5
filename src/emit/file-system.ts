/**
 * The only door emit uses to the disk, so that plans, checks and most apply tests run in
 * memory. Paths are absolute; contents are UTF-8 text.
 */
import { lstat, mkdir, stat, readdir, readFile, realpath, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { join, posix } from 'node:path';

export interface FileSystem {
  /** The file's text, or undefined when it (or a folder on its way) does not exist. */
  readFile(path: string): Promise<string | undefined>;
  /** Writes a file; its folder must exist. */
  writeFile(path: string, content: string): Promise<void>;
  /**
   * Writes a file from the texts `chunks` gives, in order, taking the next one only once the one
   * before is written: a large file's text need not exist whole, nor be encoded in one step
   * (which holds the event loop: watch mode's 10 MB format cache took 120 ms). Optional: without
   * it, callers join the chunks and call `writeFile`.
   */
  writeChunks?(path: string, chunks: Iterable<string>): Promise<void>;
  /** Replaces `to` with `from` in one step. */
  rename(from: string, to: string): Promise<void>;
  /** Removes a file or a folder tree; a missing path is not an error. */
  remove(path: string): Promise<void>;
  /** Creates a folder and its parents; returns the first folder it created, if any. */
  makeDirectory(path: string): Promise<string | undefined>;
  /** Removes a folder only if it is empty; returns whether it did. */
  removeEmptyDirectory(path: string): Promise<boolean>;
  /** The path with every symbolic link resolved, or undefined when it does not exist. */
  realPath(path: string): Promise<string | undefined>;
  /** Every file below a folder, recursively, without following links into other folders; [] when missing. */
  listFiles(folder: string): Promise<string[]>;
  /** What the path itself is, links not followed (`lstat`); undefined when it does not exist. */
  kind(path: string): Promise<PathKind | undefined>;
  /** The size in bytes of the file (links followed), or undefined when it does not exist. */
  size(path: string): Promise<number | undefined>;
}

/** A regular file, a folder, a symbolic link, or anything else (a socket, a device…). */
export type PathKind = 'file' | 'folder' | 'link' | 'other';

/** An error shaped like Node's, with an errno code (`ENOTDIR`, `EACCES`…). */
export interface FileSystemError extends Error {
  code?: string;
}

/** The error code of a file-system failure (`EACCES`), or its message when it has none. */
export function errorReason(error: unknown): string {
  const code = (error as FileSystemError | undefined)?.code;
  if (typeof code === 'string') return code;
  return error instanceof Error ? error.message : String(error);
}

const MISSING = new Set(['ENOENT', 'ENOTDIR']);

/** The real disk. */
export const nodeFileSystem: FileSystem = {
  async readFile(path) {
    try {
      return await readFile(path, 'utf8');
    } catch (error) {
      if (MISSING.has(errorReason(error))) return undefined;
      throw error;
    }
  },
  writeFile: (path, content) => writeFile(path, content, 'utf8'),
  // Node writes an iterable chunk by chunk, awaiting each write before it asks for the next.
  writeChunks: (path, chunks) => writeFile(path, chunks, 'utf8'),
  rename: (from, to) => rename(from, to),
  remove: (path) => rm(path, { recursive: true, force: true }),
  makeDirectory: (path) => mkdir(path, { recursive: true }),
  async removeEmptyDirectory(path) {
    try {
      await rmdir(path);
      return true;
    } catch {
      return false;
    }
  },
  async realPath(path) {
    try {
      return await realpath(path);
    } catch (error) {
      if (MISSING.has(errorReason(error))) return undefined;
      throw error;
    }
  },
  async kind(path) {
    try {
      const stats = await lstat(path);
      return stats.isFile() ? 'file' : stats.isDirectory() ? 'folder' : stats.isSymbolicLink() ? 'link' : 'other';
    } catch (error) {
      if (MISSING.has(errorReason(error))) return undefined;
      throw error;
    }
  },
  async size(path) {
    try {
      return (await stat(path)).size;
    } catch (error) {
      if (MISSING.has(errorReason(error))) return undefined;
      throw error;
    }
  },
  async listFiles(folder) {
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      if (MISSING.has(errorReason(error))) return [];
      throw error;
    }
    const files: string[] = [];
    for (const entry of entries) {
      const path = join(folder, entry.name);
      // A link is listed as a file, never entered: what it leads to is not ours.
      if (entry.isDirectory()) files.push(...(await nodeFileSystem.listFiles(path)));
      else files.push(path);
    }
    return files;
  },
};

/** An in-memory file system that also answers what tests want to know. */
export interface MemoryFileSystem extends FileSystem {
  /** Every file, by absolute path, sorted. */
  snapshot(): Record<string, string>;
  /** Every folder, sorted. */
  directories(): string[];
  /** Mutating calls in order, e.g. `write /out/a.ts`: proves what was (not) touched. */
  readonly operations: string[];
}

/**
 * A file system in memory, seeded with files by absolute POSIX path (their folders exist).
 * It fails the way a disk does: ENOTDIR through a file, EISDIR on a folder, ENOENT without
 * a parent folder.
 */
export function createMemoryFileSystem(initial: Record<string, string> = {}): MemoryFileSystem {
  const files = new Map<string, string>();
  const folders = new Set<string>(['/']);
  const operations: string[] = [];

  const fail = (code: string, path: string): never => {
    const error: FileSystemError = new Error(`${code}: ${path}`);
    error.code = code;
    throw error;
  };
  const parentOf = (path: string) => posix.dirname(path);
  const requireFolder = (path: string) => {
    if (files.has(path)) fail('ENOTDIR', path);
    if (!folders.has(path)) fail('ENOENT', path);
  };
  const ensureFolders = (path: string): string | undefined => {
    if (folders.has(path)) return undefined;
    if (files.has(path)) fail('EEXIST', path);
    const firstAbove = ensureFolders(parentOf(path));
    folders.add(path);
    return firstAbove ?? path;
  };
  const within = (path: string, folder: string) => path.startsWith(folder === '/' ? '/' : `${folder}/`);

  for (const [path, content] of Object.entries(initial)) {
    const normal = posix.normalize(path);
    ensureFolders(parentOf(normal));
    files.set(normal, content);
  }

  return {
    operations,
    snapshot: () => Object.fromEntries([...files].sort(([a], [b]) => (a < b ? -1 : 1))),
    directories: () => [...folders].sort(),
    async readFile(path) {
      const normal = posix.normalize(path);
      if (folders.has(normal)) fail('EISDIR', normal);
      return files.get(normal);
    },
    async writeFile(path, content) {
      const normal = posix.normalize(path);
      requireFolder(parentOf(normal));
      if (folders.has(normal)) fail('EISDIR', normal);
      files.set(normal, content);
      operations.push(`write ${normal}`);
    },
    async writeChunks(path, chunks) {
      await this.writeFile(path, [...chunks].join(''));
    },
    async rename(from, to) {
      const [source, target] = [posix.normalize(from), posix.normalize(to)];
      const content = files.get(source);
      if (content === undefined) return fail('ENOENT', source);
      requireFolder(parentOf(target));
      if (folders.has(target)) fail('EISDIR', target);
      files.delete(source);
      files.set(target, content);
      operations.push(`rename ${source} ${target}`);
    },
    async remove(path) {
      const normal = posix.normalize(path);
      if (files.delete(normal)) operations.push(`remove ${normal}`);
      if (!folders.has(normal)) return;
      for (const file of [...files.keys()]) if (within(file, normal)) files.delete(file);
      for (const folder of [...folders]) if (folder === normal || within(folder, normal)) folders.delete(folder);
      operations.push(`remove ${normal}`);
    },
    async makeDirectory(path) {
      const created = ensureFolders(posix.normalize(path));
      if (created !== undefined) operations.push(`mkdir ${created}`);
      return created;
    },
    async realPath(path) {
      const normal = posix.normalize(path);
      return files.has(normal) || folders.has(normal) ? normal : undefined;
    },
    async kind(path) {
      const normal = posix.normalize(path);
      return files.has(normal) ? 'file' : folders.has(normal) ? 'folder' : undefined;
    },
    async size(path) {
      const content = files.get(posix.normalize(path));
      return content === undefined ? undefined : Buffer.byteLength(content);
    },
    async listFiles(folder) {
      const normal = posix.normalize(folder);
      return [...files.keys()].filter((file) => within(file, normal)).sort();
    },
    async removeEmptyDirectory(path) {
      const normal = posix.normalize(path);
      if (!folders.has(normal)) return false;
      const occupied = [...files.keys(), ...folders].some((p) => p !== normal && within(p, normal));
      if (occupied) return false;
      folders.delete(normal);
      operations.push(`rmdir ${normal}`);
      return true;
    },
  };
}
