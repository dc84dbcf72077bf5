/**
 * The content hash of every watched file, so that a save that does not change a file's bytes
 * (an editor's "save all", `touch`, a formatter that finds nothing to do) builds nothing.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';

export interface ContentHashes {
  /** Records the file as it is now, without reporting a change (the watcher's first scan). */
  seed(file: string): Promise<void>;
  /** Whether the file's bytes differ from the last ones seen (or it appeared or vanished); records them. */
  changed(file: string): Promise<boolean>;
  /** The hash of the file's bytes now (undefined: it cannot be read), without recording it. */
  current(file: string): Promise<string | undefined>;
  /** The recorded hash of each file (undefined: unknown or removed), as of now. */
  snapshot(files: readonly string[]): Map<string, string | undefined>;
  /** Forgets a removed file; whether it was known. */
  remove(file: string): boolean;
  /** The known files below a folder (a removed folder's files). */
  within(folder: string): string[];
}

/** An empty record of file hashes. */
export function createContentHashes(): ContentHashes {
  const hashes = new Map<string, string>();
  const hashOf = async (file: string): Promise<string | undefined> => {
    try {
      return createHash('sha256').update(await readFile(file)).digest('hex');
    } catch {
      return undefined; // gone again, or a folder: a change either way
    }
  };
  return {
    async seed(file) {
      const hash = await hashOf(file);
      if (hash !== undefined) hashes.set(file, hash);
    },
    async changed(file) {
      const hash = await hashOf(file);
      if (hash === undefined) return hashes.delete(file) || true;
      if (hashes.get(file) === hash) return false;
      hashes.set(file, hash);
      return true;
    },
    current: hashOf,
    snapshot: (files) => new Map(files.map((file) => [file, hashes.get(file)])),
    remove: (file) => hashes.delete(file),
    within: (folder) => [...hashes.keys()].filter((file) => file.startsWith(`${folder}/`)),
  };
}
