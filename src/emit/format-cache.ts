/**
 * The persistent format cache: Prettier's output by (Prettier version, options, unformatted
 * text), so an unchanged output skips Prettier on the next run. Loaded once and bounded: a save
 * keeps only the entries this run used, and a long-lived process (watch) that saves after each
 * build first calls `retain` with what the outputs of the last build need, so entries an edit made
 * stale leave memory and the file. It holds no paths, only texts by hash; it is written by temp and
 * rename, and a save clears temps a killed run left.
 *
 * An output formatted in pieces (chunked-format.ts) is cached as its pieces (by the key of each
 * piece's text) and a join: how the whole output is put together from them, under the whole text's key.
 */
import { createHash } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import type { FileSystem } from './file-system.js';
import { isTempName, tempPathFor } from './journal.js';

export const FORMAT_CACHE_FILE = 'format-cache.json';

/** How a whole output joins from cached pieces: literal texts, and lines `from`–`to` (end exclusive) of the piece cached under `key`. */
export type CachedJoin = (string | { key: string; from: number; to: number })[];

export interface FormatCache {
  /** Whether it held nothing when opened (no file, a damaged one, or no cache at all): every output is formatted afresh. */
  readonly startedEmpty: boolean;
  /** The formatted text for a key, marking the entry as used. */
  get(key: string): string | undefined;
  set(key: string, formatted: string): void;
  /** The join stored for a key, marking it as used (the caller then gets its pieces, marking them). */
  getJoin(key: string): CachedJoin | undefined;
  setJoin(key: string, join: CachedJoin): void;
  /**
   * Keeps only the entries and joins under `keys` (what the outputs of the last build need): the
   * others, and whatever was loaded from the file and not used, leave memory and the next save.
   */
  retain(keys: ReadonlySet<string>): void;
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
  const { stored, storedJoins } = parseCache(await fs.readFile(file).catch(() => undefined));
  const used = new Map<string, string>();
  const usedJoins = new Map<string, CachedJoin>();
  /** Whether an entry was added or dropped since the file was read or written. */
  let changed = false;
  /** Counts the changes, so that a save knows whether the cache changed while it wrote. */
  let edits = 0;
  /**
   * How many entries and joins the file holds. Unless `changed`, `used` only gained entries read
   * from the file, so equal sizes mean the file holds exactly what a save would write.
   */
  let onDisk = { entries: stored.size, joins: storedJoins.size };
  return {
    startedEmpty: stored.size === 0 && storedJoins.size === 0,
    getJoin(key) {
      const join = usedJoins.get(key) ?? storedJoins.get(key);
      if (join !== undefined) usedJoins.set(key, join);
      return join;
    },
    setJoin(key, join) {
      usedJoins.set(key, join);
      changed = true;
      edits += 1;
    },
    get(key) {
      const formatted = used.get(key) ?? stored.get(key);
      if (formatted !== undefined) used.set(key, formatted);
      return formatted;
    },
    set(key, formatted) {
      if (used.get(key) === formatted) return;
      used.set(key, formatted);
      changed = true;
      edits += 1;
    },
    retain(keys) {
      for (const key of used.keys()) if (!keys.has(key) && used.delete(key)) [changed, edits] = [true, edits + 1];
      for (const key of usedJoins.keys()) if (!keys.has(key) && usedJoins.delete(key)) [changed, edits] = [true, edits + 1];
      stored.clear();
      storedJoins.clear();
    },
    async save() {
      if (!changed && used.size === onDisk.entries && usedJoins.size === onDisk.joins) return;
      // What is saved is what the cache holds now; a build changing it while the file is written is saved next time.
      const savedEdits = edits;
      const entries = [...used].sort(([a], [b]) => (a < b ? -1 : 1));
      const joins = [...usedJoins].sort(([a], [b]) => (a < b ? -1 : 1));
      const temp = tempPathFor(file);
      try {
        await fs.makeDirectory(dirname(file));
        // Temps of a killed run would pile up in the cache folder: clear them first.
        for (const stale of (await fs.listFiles(dirname(file))).filter((path) => isTempName(basename(path)))) await fs.remove(stale);
        const text = cacheText(entries, joins);
        await (fs.writeChunks ? fs.writeChunks(temp, text) : fs.writeFile(temp, [...text].join('')));
        await fs.rename(temp, file);
        changed = edits !== savedEdits;
        onDisk = { entries: entries.length, joins: joins.length };
      } catch {
        await fs.remove(temp).catch(() => undefined);
      }
    },
  };
}

/** About how many characters the cache file is written in at a time (see `cacheText`). */
const CHUNK_CHARS = 256 * 1024;

/**
 * The cache file's text, `JSON.stringify({ version: 1, entries, joins })` and a line break (the
 * same bytes: the keys are hashes, which no object puts first as it does integers), given in
 * chunks of about CHUNK_CHARS, each serialised when it is asked for. Saved whole, c1000's 10 MB
 * cache held watch mode's event loop for 130-160 ms (stringify 70 ms, encoding the two-byte text
 * 120 ms, on a quiet machine), so a save landing then waited that long for its build.
 */
function* cacheText(entries: readonly [string, string][], joins: readonly [string, CachedJoin][]): Generator<string> {
  const chunk = { text: '{"version":1,"entries":{' };
  yield* objectMembers(entries, chunk);
  chunk.text += '}';
  if (joins.length > 0) {
    chunk.text += ',"joins":{';
    yield* objectMembers(joins, chunk);
    chunk.text += '}';
  }
  yield `${chunk.text}}\n`;
}

/** The JSON members `"key":value` of `pairs`, appended to `chunk.text`, which is yielded (and emptied) at each CHUNK_CHARS. */
function* objectMembers(pairs: readonly [string, unknown][], chunk: { text: string }): Generator<string> {
  for (const [index, [key, value]] of pairs.entries()) {
    chunk.text += `${index > 0 ? ',' : ''}${JSON.stringify(key)}:${JSON.stringify(value)}`;
    if (chunk.text.length >= CHUNK_CHARS) {
      yield chunk.text;
      chunk.text = '';
    }
  }
}

function parseCache(text: string | undefined): { stored: Map<string, string>; storedJoins: Map<string, CachedJoin> } {
  const empty = { stored: new Map<string, string>(), storedJoins: new Map<string, CachedJoin>() };
  if (text === undefined) return empty;
  try {
    const value = JSON.parse(text) as { version?: unknown; entries?: unknown; joins?: unknown };
    if (value.version !== 1 || typeof value.entries !== 'object' || value.entries === null) return empty;
    const stored = new Map(Object.entries(value.entries).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
    const joins = typeof value.joins === 'object' && value.joins !== null ? Object.entries(value.joins) : [];
    return { stored, storedJoins: new Map(joins.filter((entry): entry is [string, CachedJoin] => isJoin(entry[1]))) };
  } catch {
    return empty;
  }
}

function isJoin(value: unknown): value is CachedJoin {
  return (
    Array.isArray(value) &&
    value.every(
      (part) =>
        typeof part === 'string' ||
        (typeof part === 'object' && part !== null && typeof part.key === 'string' && Number.isInteger(part.from) && Number.isInteger(part.to)),
    )
  );
}
