/**
 * The persistent format cache: Prettier's output by (Prettier version, options, unformatted
 * text), so an unchanged output skips Prettier on the next run. Loaded once, saved once,
 * and bounded: a save keeps only the entries this run used. It holds no paths, only texts by
 * hash; it is written by temp and rename, and a save clears temps a killed run left.
 */
import { createHash } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import type { FileSystem } from './file-system.js';
import { isTempName, tempPathFor } from './journal.js';

export const FORMAT_CACHE_FILE = 'format-cache.json';

export interface FormatCache {
  /** The formatted text for a key, marking the entry as used. */
  get(key: string): string | undefined;
  set(key: string, formatted: string): void;
  /** Writes the used entries back, if anything changed; a failure is ignored (it is a cache). */
  save(): Promise<void>;
}

/** The cache key of one formatting job. */
export function formatCacheKey(prettierVersion: string, optionsJson: string, text: string): string {
  const hash = createHash('sha256');
  for (const part of [prettierVersion, optionsJson, text]) hash.update(part, 'utf8').update('\u0000');
  return hash.digest('hex');
}

/** Loads the cache file in `cacheDir`; a missing or damaged file gives an empty cache. */
export async function loadFormatCache(fs: FileSystem, cacheDir: string): Promise<FormatCache> {
  const file = join(cacheDir, FORMAT_CACHE_FILE);
  const stored = parseCache(await fs.readFile(file).catch(() => undefined));
  const used = new Map<string, string>();
  let added = false;
  return {
    get(key) {
      const formatted = used.get(key) ?? stored.get(key);
      if (formatted !== undefined) used.set(key, formatted);
      return formatted;
    },
    set(key, formatted) {
      if (used.get(key) === formatted) return;
      used.set(key, formatted);
      added = true;
    },
    async save() {
      if (!added && used.size === stored.size) return;
      const entries = Object.fromEntries([...used].sort(([a], [b]) => (a < b ? -1 : 1)));
      const temp = tempPathFor(file);
      try {
        await fs.makeDirectory(dirname(file));
        // Temps of a killed run would pile up in the cache folder: clear them first.
        for (const stale of (await fs.listFiles(dirname(file))).filter((path) => isTempName(basename(path)))) await fs.remove(stale);
        await fs.writeFile(temp, `${JSON.stringify({ version: 1, entries })}\n`);
        await fs.rename(temp, file);
      } catch {
        await fs.remove(temp).catch(() => undefined);
      }
    },
  };
}

function parseCache(text: string | undefined): Map<string, string> {
  if (text === undefined) return new Map();
  try {
    const value = JSON.parse(text) as { version?: unknown; entries?: unknown };
    if (value.version !== 1 || typeof value.entries !== 'object' || value.entries === null) return new Map();
    return new Map(Object.entries(value.entries).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  } catch {
    return new Map();
  }
}
