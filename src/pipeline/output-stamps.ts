/**
 * What a watch workspace knows its output files hold, so that planning a rebuild need not read
 * every output again (a project's outputs are megabytes; an edit changes a few of them).
 *
 * After each build, every output's text is recorded with the file's stat (size, mtime, ctime,
 * inode). The next plan takes the recorded text for a file whose stat is the same, and reads any
 * other. Like git's index, a stamp is trusted only when the file's times are older than the
 * recording by more than the coarsest clock tick of a file system (2 s): an edit within the same
 * tick can keep size and times, so a file written or changed that recently is always read. A
 * hand edit, a rename over the file or a `touch` changes the stat, and the plan reads it.
 */
import { statSync, type Stats } from 'node:fs';
import type { EmitPlan } from '../emit/index.js';

/** File-system timestamps are this coarse on some systems (FAT, some network shares): 2 s. */
const RACY_MS = 2000;

interface Stamp {
  text: string;
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
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
      return stat !== undefined && sameStat(stat, stamp) ? stamp.text : undefined;
    },
    record(plan) {
      const trustedBefore = Date.now() - RACY_MS;
      for (const entry of plan.entries) {
        const last = stamps.get(entry.absolutePath);
        stamps.delete(entry.absolutePath);
        const text = entry.action === 'create' || entry.action === 'update' ? entry.after : entry.action === 'delete' ? undefined : entry.before;
        if (text === undefined) continue;
        const stat = statOf(entry.absolutePath);
        // The text the plan took from this very stamp, and the file still as stamped: nothing to measure again.
        if (last && last.text === text && stat && sameStat(stat, last)) {
          stamps.set(entry.absolutePath, last);
          continue;
        }
        // Written (or changed by someone) too recently to tell a later edit by the times: read next time.
        if (!stat || stat.mtimeMs >= trustedBefore || stat.ctimeMs >= trustedBefore) continue;
        if (stat.size !== Buffer.byteLength(text, 'utf8')) continue;
        stamps.set(entry.absolutePath, { text, size: stat.size, mtimeMs: stat.mtimeMs, ctimeMs: stat.ctimeMs, ino: stat.ino });
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
