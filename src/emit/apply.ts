/**
 * Makes the disk match a plan, all or nothing, even when the process is killed (`kill -9`,
 * power to the container cut) at any instant. The commit protocol, step by step (the names in
 * brackets are the test-only crash points of crash-point.ts):
 *
 *  1. Stage: write every new file, and the new manifest, to a temp beside its target
 *     (`.NAME.codegen-tmp-<12 hex>`), creating folders as needed.        [stage:<n> after temp n]
 *  2. Journal: write `.codegen-journal.json` in the output folder, atomically (temp + rename):
 *     the renames to do (the manifest last) and the orphans to delete with their hashes.
 *     Writing it is the commit point: before it the run has not happened, after it it has.  [journal]
 *  3. Rename every temp over its target, then the manifest's.      [rename:<n> after rename n; manifest]
 *  4. Delete the orphans (still as generated), and the folders they leave empty.     [delete:<n>]
 *  5. Remove the journal.                                                                [commit]
 *
 * Recovery (journal.ts, run first by `generate` and `clean`): with a journal, roll it forward
 * (rename the temps still there, delete the orphans still as generated, remove the journal);
 * then remove every `.*.codegen-tmp-*` file in the output folder. A kill before step 2 thus
 * leaves the old state plus temps; a kill after it, the new state once recovered. Recovery is
 * idempotent, so a kill during recovery is repaired the same way. `check` repairs nothing: it
 * reports a journal or temps as CG4010 ("interrupted"), never "up to date".
 *
 * An I/O error (not a kill) is rolled back in process: before the journal, temps and created
 * folders are removed; during the renames, replaced targets get their old bytes back and the
 * journal is removed. Known limit: a kill during that rollback is recovered forward from the
 * journal, which can leave a restored file the new manifest does not vouch for (then CG4001).
 * A kill between creating a folder and writing the first temp in it leaves that folder empty.
 * Durability against power loss would need fsync, which is not done; two runs writing the same
 * output folder at once are not guarded against (the second would sweep the first's temps).
 */
import { dirname, join, relative } from 'node:path';
import { diagnostic, hasErrors, type Diagnostic } from '../diagnostics/index.js';
import { crashPoint } from './crash-point.js';
import { removeEmptyParents } from './empty-folders.js';
import { errorReason, type FileSystem } from './file-system.js';
import { contentHash } from './hash.js';
import { removeJournal, tempPathFor, writeJournal, type Journal } from './journal.js';
import { JOURNAL_FILE, MANIFEST_FILE, serializeManifest } from './manifest.js';
import { displayPath, toPosix } from './paths.js';
import type { EmitEntry, EmitPlan } from './plan.js';

export interface ApplyResult {
  /** Paths relative to the output folder, created or updated. */
  written: string[];
  deleted: string[];
  diagnostics: Diagnostic[];
}

interface PendingWrite {
  target: string;
  temp: string;
  /** What to put back if a later rename fails; undefined: the target did not exist. */
  before: string | undefined;
}

type Failure = { failure: unknown; path: string };

/** Applies a plan; refuses without touching anything when the plan has errors. */
export async function applyEmit(plan: EmitPlan, fs: FileSystem): Promise<ApplyResult> {
  if (hasErrors(plan.diagnostics)) {
    const refusal = diagnostic('CG4002', {
      message: `Nothing was written to ${displayPath(plan.displayRoot, plan.outputDir)}: the plan has errors.`,
      hint: 'Fix the errors reported above, then run again.',
    });
    return { written: [], deleted: [], diagnostics: [refusal] };
  }
  const toWrite = plan.entries.filter((entry) => entry.action === 'create' || entry.action === 'update');
  const toDelete = plan.entries.filter((entry) => entry.action === 'delete');
  const contents = toWrite.map((entry) => ({ target: entry.absolutePath, content: entry.after ?? '', before: entry.before }));
  if (plan.manifestChanged) {
    const target = join(plan.outputDir, MANIFEST_FILE);
    contents.push({ target, content: serializeManifest(plan.manifest), before: await fs.readFile(target).catch(() => undefined) });
  }
  if (contents.length === 0 && toDelete.length === 0) return { written: [], deleted: [], diagnostics: [] };

  const created: string[] = [];
  const staged = await stage(fs, contents, created);
  if ('failure' in staged) return failed(plan, staged.failure, staged.path);
  const journaled = await commitJournal(fs, plan, staged.pending, toDelete, created);
  if (journaled) return failed(plan, journaled.failure, journaled.path);
  crashPoint('journal');
  const swapped = await swapIn(fs, staged.pending, join(plan.outputDir, MANIFEST_FILE));
  if (swapped) {
    await removeJournal(fs, plan.outputDir).catch(() => undefined);
    await removeCreated(fs, created);
    return failed(plan, swapped.failure, swapped.path);
  }
  const { deleted, diagnostics } = await deleteOrphans(fs, plan, toDelete);
  crashPoint('commit');
  await removeJournal(fs, plan.outputDir).catch(() => undefined); // left behind: the next run removes it
  return { written: toWrite.map((entry) => entry.path), deleted, diagnostics };
}

/** Writes every content to a temp file beside its target; on failure leaves nothing behind. */
async function stage(
  fs: FileSystem,
  contents: { target: string; content: string; before: string | undefined }[],
  created: string[],
): Promise<{ pending: PendingWrite[] } | Failure> {
  const pending: PendingWrite[] = [];
  for (const { target, content, before } of contents) {
    const temp = tempPathFor(target);
    try {
      const firstCreated = await fs.makeDirectory(dirname(target));
      if (firstCreated !== undefined) created.push(firstCreated);
      await fs.writeFile(temp, content);
      pending.push({ target, temp, before });
      crashPoint('stage');
    } catch (failure) {
      await removeTemps(fs, pending);
      await fs.remove(temp).catch(() => undefined);
      await removeCreated(fs, created);
      return { failure, path: target };
    }
  }
  return { pending };
}

/** Step 2, the commit point: the journal that lets a later run finish this one. */
async function commitJournal(
  fs: FileSystem,
  plan: EmitPlan,
  pending: PendingWrite[],
  orphans: EmitEntry[],
  created: string[],
): Promise<Failure | undefined> {
  const relativePath = (path: string) => toPosix(relative(plan.outputDir, path));
  const journal: Journal = {
    version: 1,
    renames: pending.map((write) => ({ temp: relativePath(write.temp), target: relativePath(write.target) })),
    deletes: orphans.map((orphan) => ({ path: orphan.path, hash: contentHash(orphan.before ?? '') })),
  };
  try {
    const firstCreated = await fs.makeDirectory(plan.outputDir);
    if (firstCreated !== undefined) created.push(firstCreated);
    await writeJournal(fs, plan.outputDir, journal);
    return undefined;
  } catch (failure) {
    await removeTemps(fs, pending);
    await removeCreated(fs, created);
    return { failure, path: join(plan.outputDir, JOURNAL_FILE) };
  }
}

/** Renames temps over targets (the manifest last); if one fails, puts back the targets already replaced. */
async function swapIn(fs: FileSystem, pending: PendingWrite[], manifest: string): Promise<Failure | undefined> {
  for (const [index, write] of pending.entries()) {
    if (write.target === manifest) crashPoint('manifest');
    try {
      await fs.rename(write.temp, write.target);
      crashPoint('rename');
    } catch (failure) {
      await Promise.all(pending.slice(0, index).map((done) => restore(fs, done)));
      await removeTemps(fs, pending.slice(index));
      return { failure, path: write.target };
    }
  }
  return undefined;
}

async function restore(fs: FileSystem, write: PendingWrite): Promise<void> {
  try {
    if (write.before === undefined) await fs.remove(write.target);
    else await fs.writeFile(write.target, write.before);
  } catch {
    // Best effort: the CG4002 already reported says the run failed.
  }
}

async function removeTemps(fs: FileSystem, pending: PendingWrite[]): Promise<void> {
  await Promise.all(pending.map((write) => fs.remove(write.temp).catch(() => undefined)));
}

/** Removes folders this call created, deepest first (they hold nothing else). */
async function removeCreated(fs: FileSystem, created: string[]): Promise<void> {
  for (const folder of [...created].reverse()) await fs.remove(folder).catch(() => undefined);
  created.length = 0;
}

/** Deletes orphans still as generated, then the folders they leave empty (never the output folder). */
async function deleteOrphans(
  fs: FileSystem,
  plan: EmitPlan,
  orphans: EmitEntry[],
): Promise<{ deleted: string[]; diagnostics: Diagnostic[] }> {
  const deleted: string[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const orphan of orphans) {
    try {
      await fs.remove(orphan.absolutePath);
      deleted.push(orphan.path);
      await removeEmptyParents(fs, dirname(orphan.absolutePath), plan.outputDir);
      crashPoint('delete');
    } catch (failure) {
      const file = displayPath(plan.displayRoot, orphan.absolutePath);
      diagnostics.push(diagnostic('CG4002', { message: `${file} cannot be deleted (${errorReason(failure)}).`, file }));
    }
  }
  return { deleted, diagnostics };
}

function failed(plan: EmitPlan, failure: unknown, path: string): ApplyResult {
  const file = displayPath(plan.displayRoot, path);
  const error = diagnostic('CG4002', {
    message: `${file} cannot be written (${errorReason(failure)}); nothing was written or deleted.`,
    file,
  });
  return { written: [], deleted: [], diagnostics: [error] };
}
