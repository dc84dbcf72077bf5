/**
 * Whether files are as they were, cheaply: a file's (size, mtime) is recorded with the hash of
 * its bytes; later, an equal (size, mtime) is trusted, anything else is settled by hashing the
 * bytes again (so a `touch`, a checkout or a copy that keeps the content is not a change). Like
 * git's index, a file whose mtime was too close to the moment it was recorded is "racy": an edit
 * in the same clock tick could keep size and mtime, so it is always hashed.
 *
 * The same rule spares a process hashing a file twice: a stamp taken when the file was not racy
 * is reused while (size, mtime) hold (see `stampFile`).
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';

/** What was recorded of one file; `null` when it did not exist (its appearing is a change). */
export type FileStamp = { size: number; mtimeMs: number; hash: string } | null;

/** File-system timestamps are this coarse on some systems (FAT, some network shares): 2 s. */
const RACY_MS = 2000;

/** sha256 of bytes, hex. */
export function bytesHash(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Stamps `path` as it is now. `read`, when given, is the text the run actually used: if the file
 * no longer holds it (edited while the run was going), the stamp records what was used, so the
 * next run sees the difference.
 */
export function stampFile(path: string, read?: string): FileStamp {
  const stat = statOf(path);
  if (!stat) return null;
  const known = read === undefined ? stampsTaken.get(path) : undefined;
  if (known && known.size === stat.size && known.mtimeMs === stat.mtimeMs) return { ...known };
  const bytes = readBytes(path);
  if (!bytes) return null;
  const hash = bytesHash(bytes);
  if (read !== undefined && !sameText(bytes, read)) return { size: -1, mtimeMs: -1, hash: bytesHash(read) };
  const stamp = { size: stat.size, mtimeMs: stat.mtimeMs, hash };
  if (stat.mtimeMs < Date.now() - RACY_MS) stampsTaken.set(path, stamp);
  else stampsTaken.delete(path);
  return { ...stamp };
}

/**
 * Stamps this process took of files that were not racy then, by path. Every run records
 * codegen's own code and templates (build-inputs.ts: over a thousand files of dist/), and watch
 * mode or a program calling `generate` again records them on every build: while a file keeps
 * its (size, mtime), its content is trusted to be the one hashed, as `isUnchanged` trusts it
 * between runs. Sources stamped with the text the run read are always compared with that text.
 */
const stampsTaken = new Map<string, { size: number; mtimeMs: number; hash: string }>();

/** Whether `path` is as stamped; `recordedAt` is when the stamps were taken (for racy files). */
export function isUnchanged(path: string, stamp: FileStamp, recordedAt: number): boolean {
  const stat = statOf(path);
  if (stamp === null || stat === undefined) return stamp === null && stat === undefined;
  const racy = stamp.mtimeMs >= recordedAt - RACY_MS;
  if (!racy && stat.size === stamp.size && stat.mtimeMs === stamp.mtimeMs) return true;
  const bytes = readBytes(path);
  return bytes !== undefined && bytesHash(bytes) === stamp.hash;
}

function statOf(path: string): { size: number; mtimeMs: number } | undefined {
  try {
    const stat = statSync(path);
    return stat.isFile() ? { size: stat.size, mtimeMs: stat.mtimeMs } : undefined;
  } catch {
    return undefined;
  }
}

function readBytes(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/** Whether the bytes decode to `text` (TypeScript drops a UTF-8 byte order mark). */
function sameText(bytes: Buffer, text: string): boolean {
  const decoded = bytes.toString('utf8');
  return decoded === text || (decoded.charCodeAt(0) === 0xfeff && decoded.slice(1) === text);
}
