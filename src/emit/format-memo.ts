/**
 * Prettier's outputs kept in memory for the life of the process, per Prettier module: a second
 * run in the same process (watch, a programmatic caller generating several projects, the e2e
 * tests' in-process CLI runs) formats each unchanged text once, even where the on-disk format
 * cache is not read (`check`, a new project, a cache folder outside the project).
 *
 * Keyed as the format cache is (format-cache.ts: Prettier version, options with the parser, text
 * hash), and held per Prettier module object, so a project's own Prettier and the bundled one
 * never share answers. Bounded by the characters it holds: past the limit the least recently
 * used entries leave, and a text larger than the whole limit is never kept.
 */

/** Characters (keys and formatted texts) one memo holds at most: about 64 MB of UTF-16. */
export const FORMAT_MEMO_LIMIT = 32 * 1024 * 1024;

export interface FormatMemo {
  /** The formatted text for a key, now the most recently used. */
  get(key: string): string | undefined;
  set(key: string, formatted: string): void;
  /** The characters held now (keys and texts), never more than the limit. */
  readonly size: number;
}

/** A memo holding at most `limit` characters of keys and formatted texts. */
export function createFormatMemo(limit = FORMAT_MEMO_LIMIT): FormatMemo {
  // A Map iterates in insertion order: re-inserting on use keeps the least recently used first.
  const entries = new Map<string, string>();
  let size = 0;
  const drop = (key: string) => {
    const formatted = entries.get(key);
    if (formatted === undefined) return;
    entries.delete(key);
    size -= key.length + formatted.length;
  };
  return {
    get(key) {
      const formatted = entries.get(key);
      if (formatted !== undefined) {
        entries.delete(key);
        entries.set(key, formatted);
      }
      return formatted;
    },
    set(key, formatted) {
      drop(key);
      const cost = key.length + formatted.length;
      if (cost > limit) return;
      for (const oldest of entries.keys()) {
        if (size + cost <= limit) break;
        drop(oldest);
      }
      entries.set(key, formatted);
      size += cost;
    },
    get size() {
      return size;
    },
  };
}

const memos = new WeakMap<object, FormatMemo>();

/** The process's memo for one Prettier module (as `loadPrettier` returns it). */
export function formatMemoFor(prettier: object): FormatMemo {
  let memo = memos.get(prettier);
  if (!memo) {
    memo = createFormatMemo();
    memos.set(prettier, memo);
  }
  return memo;
}
