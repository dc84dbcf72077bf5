/**
 * What a watch workspace knows its output files hold, so that planning a rebuild need not read
 * every output again (a project's outputs are megabytes; an edit changes a few of them).
 *
 * After each build, every output's text is recorded with the file's stat (size, mtime, ctime,
 * inode). The next plan takes the recorded text for a file whose stat is the same, and reads any
 * other. Like git's index, a stat vouches for a file only when its times are older than the
 * recording by more than the coarsest clock tick of a file system (2 s): an edit within the same
 * tick can keep size and times. A file written that recently (in a watch session, the outputs the
 * last build wrote) is stamped with the content hash of its text as well, which the manifest
 * holds already, and its bytes are hashed on each use instead of read into a new string: with the
 * same hash they are the recorded text's bytes. (Reading c1000's 2 MB openapi.json into a string
 * cost each rebuild about 20 ms of CPU on a loaded machine, most of it the fresh memory.) A hand
 * edit, a rename over the file or a `touch` changes the stat or the bytes, and the plan reads it.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import type { EmitPlan } from '../emit/index.js';

/** File-system timestamps are this coarse on some systems (FAT, some network shares): 2 s. */
const RACY_MS = 2000;

interface Stamp {
  text: string;
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
  /**
   * For a file written within the racy window: `contentHash` (emit/hash.ts) of `text`, which has
   * no CR, so it is the hash of the bytes written. Its stat cannot vouch for it: each use hashes
   * the file's bytes, until a build finds it older than the window and its bytes as recorded.
   */
  digest?: string;
}

export interface OutputStamps {
  /** The text of the output at `absolutePath` when its stamp holds; undefined: read it. */
  known(absolutePath: string): string | undefined;
  /** Records the outputs a plan left on disk (after it was applied without errors). */
  record(plan: EmitPlan): void;
  /** Forgets everything (a commit that failed: the disk may hold anything). */
  clear(): void;
}

/** An empty record: the first plan reads every output. */
export function createOutputStamps(): OutputStamps {
  const stamps = new Map<string, Stamp>();
  return {
    known(absolutePath) {
      const stamp = stamps.get(absolutePath);
      if (!stamp) return undefined;
      const stat = statOf(absolutePath);
      if (stat === undefined || !sameStat(stat, stamp)) return undefined;
      return stamp.digest === undefined || bytesDigest(absolutePath, stat.size) === stamp.digest ? stamp.text : undefined;
    },
    record(plan) {
      const trustedBefore = Date.now() - RACY_MS;
      for (const entry of plan.entries) {
        const last = stamps.get(entry.absolutePath);
        stamps.delete(entry.absolutePath);
        const text = entry.action === 'create' || entry.action === 'update' ? entry.after : entry.action === 'delete' ? undefined : entry.before;
        if (text === undefined) continue;
        const stat = statOf(entry.absolutePath);
        if (!stat) continue;
        const racy = stat.mtimeMs >= trustedBefore || stat.ctimeMs >= trustedBefore;
        // The text the plan took from this very stamp, and the file still as stamped: nothing to measure again,
        // but a racy stamp is vouched for by its stat from the build that finds it out of the window with its bytes as recorded.
        if (last && last.text === text && sameStat(stat, last)) {
          if (last.digest === undefined || racy) stamps.set(entry.absolutePath, last);
          else if (bytesDigest(entry.absolutePath, stat.size) === last.digest) stamps.set(entry.absolutePath, { ...last, digest: undefined });
          continue;
        }
        if (stat.size !== Buffer.byteLength(text, 'utf8')) continue;
        const stamp: Stamp = { text, size: stat.size, mtimeMs: stat.mtimeMs, ctimeMs: stat.ctimeMs, ino: stat.ino };
        if (racy) {
          // Written (or changed by someone) too recently to tell a later edit by the times: its bytes are checked on use.
          const digest = textDigest(plan, entry);
          if (digest === undefined) continue;
          stamp.digest = digest;
        }
        stamps.set(entry.absolutePath, stamp);
      }
    },
    clear() {
      stamps.clear();
    },
  };
}

function sameStat(stat: Stats, stamp: Stamp): boolean {
  return stat.size === stamp.size && stat.mtimeMs === stamp.mtimeMs && stat.ctimeMs === stamp.ctimeMs && stat.ino === stamp.ino;
}

function statOf(path: string): Stats | undefined {
  try {
    const stat = statSync(path);
    return stat.isFile() ? stat : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The manifest's content hash of the text a plan entry leaves on disk, where it is that text's:
 * an output written or left as generated (a hand-edited or protected file is recorded with the
 * hash of what was generated, not of what it holds). Undefined for a text with a CR, whose
 * content hash (over LF text) is not the hash of its bytes.
 */
function textDigest(plan: EmitPlan, entry: EmitPlan['entries'][number]): string | undefined {
  if (entry.action !== 'create' && entry.action !== 'update' && entry.action !== 'unchanged') return undefined;
  const text = entry.action === 'unchanged' ? entry.before : entry.after;
  if (text === undefined || text.includes('\r')) return undefined;
  return plan.manifest.files[entry.path]?.hash;
}

/** Files up to this size are hashed in a buffer kept for the next one; larger ones are read as before. */
const MAX_HASHED_BYTES = 64 * 1024 * 1024;
let scratch = Buffer.alloc(0);

/**
 * `sha256-` and the hex digest of the file's bytes (the form of emit/hash.ts `contentHash`), read
 * into a buffer reused from call to call (a new 2 MB string or buffer per build is what reading
 * costs); undefined when it cannot be read, holds other than `size` bytes, or is larger than
 * `MAX_HASHED_BYTES`.
 */
function bytesDigest(path: string, size: number): string | undefined {
  if (size > MAX_HASHED_BYTES) return undefined;
  if (scratch.length < size + 1) scratch = Buffer.allocUnsafe(Math.max(size + 1, scratch.length * 2));
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    let read = 0;
    // One byte more than the size: a file grown since its stat is not the one stamped.
    for (let got = -1; got !== 0 && read <= size; read += got) got = readSync(fd, scratch, read, size + 1 - read, read);
    if (read !== size) return undefined;
    return `sha256-${createHash('sha256').update(scratch.subarray(0, size)).digest('hex')}`;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
