/**
 * Makes the disk match a plan, all or nothing, even when the process is killed (`kill -9`,
 * power to the container cut) at any instant. The commit protocol, step by step (the names in
 * brackets are the test-only crash points of crash-point.ts):
 *
 *  1. Stage: write every new file, and the new manifest, to a temp beside its target
 *     (`.NAME.codegen-tmp-<12 hex>`), creating folders as needed.        [stage:<n> after temp n]
 *  2. Journal: write `.codegen-journal.json` in the output folder, atomically (temp + rename):
 *     the renames to do (the manifest last), each with the hash its target had (or `null`: none),
 *     and the orphans to delete with their hashes.
 *     Writing it is the commit point: before it the run has not happened, after it it has.  [journal]
 *  3. Rename every temp over its target, then the manifest's.      [rename:<n> after rename n; manifest]
 *  4. Delete the orphans (still as generated), and the folders they leave empty.     [delete:<n>]
 *  5. Remove the journal.                                                                [commit]
 *
 * Several output folders (a run over several `projects:`, `applyEmits`) commit together: each
 * step runs for every folder before the next step starts, and each folder gets its own journal
 * naming the same group and the group's folders; the run is committed once the LAST journal is
 * written [journal:<n> after journal n], and the journals are removed only after every folder's
 * renames and deletions. Recovery of any folder of a group rolls the whole group forward when
 * all its journals are there, and otherwise (killed before the last journal, or while removing
 * them, when everything was done) only removes the journals and temps.
 *
 * Recovery (journal.ts, run first by `generate` and `clean`): with a journal, roll it forward
 * (rename the temps still there, each a regular file, over targets still as staged; delete the
 * orphans still as generated; remove the journal). A target changed by hand since the kill is
 * kept and the temp discarded (CG4008; the next plan calls the file hand-edited, CG4001);
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
import { randomBytes } from 'node:crypto';
import { dirname, join, relative } from 'node:path';
import { diagnostic, hasErrors, type Diagnostic } from '../diagnostics/index.js';
import { crashPoint } from './crash-point.js';
import { removeEmptyParents } from './empty-folders.js';
import { errorReason, type FileSystem } from './file-system.js';
import { contentHash } from './hash.js';
import { removeJournal, tempPathFor, writeJournal, type Journal } from './journal.js';
import { JOURNAL_FILE, MANIFEST_FILE } from './manifest.js';
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
  /** `contentHash(before)` when the plan already knew it (EmitEntry.beforeHash). */
  beforeHash?: string;
}

type Failure = { failure: unknown; path: string };

/** A text to stage: its target, and what the target holds now (with its hash when known). */
interface StagedContent {
  target: string;
  content: string;
  before: string | undefined;
  beforeHash?: string;
}

/** Applies a plan; refuses without touching anything when the plan has errors. */
export async function applyEmit(plan: EmitPlan, fs: FileSystem): Promise<ApplyResult> {
  return (await applyEmits([plan], fs))[0]!;
}

/** One output folder's share of a run. */
interface FolderWork {
  plan: EmitPlan;
  contents: StagedContent[];
  toWrite: EmitEntry[];
  toDelete: EmitEntry[];
  pending: PendingWrite[];
}

/**
 * Applies the plans of one run (one per output folder) all or nothing: if any folder fails,
 * none is changed. Each step of the protocol above runs for every folder before the next step
 * starts; with several folders, each gets a journal naming the same group, and the run is
 * committed once the last journal is written (recovery rolls a group forward only when all its
 * journals are there). Refuses without touching anything when a plan has errors.
 */
export async function applyEmits(plans: readonly EmitPlan[], fs: FileSystem): Promise<ApplyResult[]> {
  const results = plans.map((): ApplyResult => ({ written: [], deleted: [], diagnostics: [] }));
  const refused = plans.findIndex((plan) => hasErrors(plan.diagnostics));
  if (refused >= 0) {
    const plan = plans[refused]!;
    results[refused]!.diagnostics.push(
      diagnostic('CG4002', {
        message: `Nothing was written to ${displayPath(plan.displayRoot, plan.outputDir)}: the plan has errors.`,
        hint: 'Fix the errors reported above, then run again.',
      }),
    );
    return results;
  }
  const works = await Promise.all(plans.map((plan) => workFor(plan, fs)));
  const active = works.filter((work) => work.contents.length > 0 || work.toDelete.length > 0);
  if (active.length === 0) return results;
  const fail = (work: FolderWork, failure: Failure) => {
    results[works.indexOf(work)] = failed(work.plan, failure.failure, failure.path);
    return results;
  };

  const created: string[] = [];
  for (const work of active) {
    const staged = await stage(fs, work.contents, created);
    if ('failure' in staged) {
      await removeTemps(fs, active.flatMap((other) => other.pending));
      await removeCreated(fs, created);
      return fail(work, staged);
    }
    work.pending = staged.pending;
  }
  const journaled = await commitJournals(fs, active, created);
  if (journaled) return fail(journaled.work, journaled);
  const swapped = await swapAll(fs, active);
  if (swapped) {
    await removeJournals(fs, active);
    await removeCreated(fs, created);
    return fail(swapped.work, swapped);
  }
  for (const work of active) {
    const { deleted, diagnostics } = await deleteOrphans(fs, work.plan, work.toDelete);
    results[works.indexOf(work)] = { written: work.toWrite.map((entry) => entry.path), deleted, diagnostics };
  }
  crashPoint('commit');
  await removeJournals(fs, active); // left behind: the next run removes them
  return results;
}

/** What a plan writes (its new files and manifest) and deletes. */
async function workFor(plan: EmitPlan, fs: FileSystem): Promise<FolderWork> {
  const toWrite = plan.entries.filter((entry) => entry.action === 'create' || entry.action === 'update');
  const toDelete = plan.entries.filter((entry) => entry.action === 'delete');
  const contents: StagedContent[] = toWrite.map((entry) => ({ target: entry.absolutePath, content: entry.after ?? '', before: entry.before, ...(entry.beforeHash ? { beforeHash: entry.beforeHash } : {}) }));
  if (plan.manifestChanged) {
    const target = join(plan.outputDir, MANIFEST_FILE);
    contents.push({ target, content: plan.manifestText, before: await fs.readFile(target).catch(() => undefined) });
  }
  return { plan, contents, toWrite, toDelete, pending: [] };
}

/** Writes every content to a temp file beside its target; on failure leaves nothing behind. */
async function stage(
  fs: FileSystem,
  contents: StagedContent[],
  created: string[],
): Promise<{ pending: PendingWrite[] } | Failure> {
  const pending: PendingWrite[] = [];
  for (const { target, content, before, beforeHash } of contents) {
    const temp = tempPathFor(target);
    try {
      const firstCreated = await fs.makeDirectory(dirname(target));
      if (firstCreated !== undefined) created.push(firstCreated);
      await fs.writeFile(temp, content);
      pending.push({ target, temp, before, ...(beforeHash ? { beforeHash } : {}) });
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

/**
 * Step 2, the commit point: the journals that let a later run finish this one, one per folder
 * (the last one written commits the run). On failure, removes the journals already written,
 * then the temps and created folders.
 */
async function commitJournals(fs: FileSystem, active: FolderWork[], created: string[]): Promise<(Failure & { work: FolderWork }) | undefined> {
  const group = active.length > 1 ? randomBytes(8).toString('hex') : undefined;
  for (const [index, work] of active.entries()) {
    const { plan, pending, toDelete } = work;
    const relativePath = (path: string) => toPosix(relative(plan.outputDir, path));
    const journal: Journal = {
      version: 1,
      renames: pending.map((write) => ({
        temp: relativePath(write.temp),
        target: relativePath(write.target),
        // The plan hashed most befores already (watch: a 2 MB openapi.json on every build).
        before: write.before === undefined ? null : (write.beforeHash ?? contentHash(write.before)),
      })),
      deletes: toDelete.map((orphan) => ({ path: orphan.path, hash: contentHash(orphan.before ?? '') })),
    };
    if (group !== undefined) journal.group = { id: group, folders: active.map((other) => relativePath(other.plan.outputDir) || '.') };
    try {
      const firstCreated = await fs.makeDirectory(plan.outputDir);
      if (firstCreated !== undefined) created.push(firstCreated);
      await writeJournal(fs, plan.outputDir, journal);
    } catch (failure) {
      await removeJournals(fs, active.slice(0, index));
      await removeTemps(fs, active.flatMap((other) => other.pending));
      await removeCreated(fs, created);
      return { failure, path: join(plan.outputDir, JOURNAL_FILE), work };
    }
    crashPoint('journal');
  }
  return undefined;
}

async function removeJournals(fs: FileSystem, works: FolderWork[]): Promise<void> {
  for (const work of works) await removeJournal(fs, work.plan.outputDir).catch(() => undefined);
}

/** Step 3 for every folder; if a rename fails, puts back every target already replaced, in every folder. */
async function swapAll(fs: FileSystem, active: FolderWork[]): Promise<(Failure & { work: FolderWork }) | undefined> {
  for (const [index, work] of active.entries()) {
    const swapped = await swapIn(fs, work.pending, join(work.plan.outputDir, MANIFEST_FILE));
    if (!swapped) continue;
    await Promise.all(active.slice(0, index).flatMap((done) => done.pending.map((write) => restore(fs, write))));
    await removeTemps(fs, active.slice(index + 1).flatMap((rest) => rest.pending));
    return { ...swapped, work };
  }
  return undefined;
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
