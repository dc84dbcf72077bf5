/**
 * Makes the disk match a plan, all or nothing: every new file (and the manifest) is first
 * written beside its target, and only when all of them are written are they renamed into
 * place. A failure removes what this call wrote and the folders it created.
 */
import { randomBytes } from 'node:crypto';
import { basename, dirname, join, sep } from 'node:path';
import { diagnostic, hasErrors, type Diagnostic } from '../diagnostics/index.js';
import { errorReason, type FileSystem } from './file-system.js';
import { MANIFEST_FILE, serializeManifest } from './manifest.js';
import { displayPath } from './paths.js';
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
  const created: string[] = [];
  const staged = await stage(fs, contents, created);
  if ('failure' in staged) return failed(plan, staged.failure, staged.path);
  const swapped = await swapIn(fs, staged.pending);
  if (swapped) {
    await removeCreated(fs, created);
    return failed(plan, swapped.failure, swapped.path);
  }
  const { deleted, diagnostics } = await deleteOrphans(fs, plan, toDelete);
  return { written: toWrite.map((entry) => entry.path), deleted, diagnostics };
}

type Failure = { failure: unknown; path: string };

/** Writes every content to a temp file beside its target; on failure leaves nothing behind. */
async function stage(
  fs: FileSystem,
  contents: { target: string; content: string; before: string | undefined }[],
  created: string[],
): Promise<{ pending: PendingWrite[] } | Failure> {
  const pending: PendingWrite[] = [];
  for (const { target, content, before } of contents) {
    const temp = join(dirname(target), `.${basename(target)}.codegen-tmp-${randomBytes(6).toString('hex')}`);
    try {
      const firstCreated = await fs.makeDirectory(dirname(target));
      if (firstCreated !== undefined) created.push(firstCreated);
      await fs.writeFile(temp, content);
      pending.push({ target, temp, before });
    } catch (failure) {
      await Promise.all(pending.map((write) => fs.remove(write.temp).catch(() => undefined)));
      await fs.remove(temp).catch(() => undefined);
      await removeCreated(fs, created);
      return { failure, path: target };
    }
  }
  return { pending };
}

/** Renames temps over targets; if one fails, puts back the targets already replaced. */
async function swapIn(fs: FileSystem, pending: PendingWrite[]): Promise<Failure | undefined> {
  for (const [index, write] of pending.entries()) {
    try {
      await fs.rename(write.temp, write.target);
    } catch (failure) {
      await Promise.all(pending.slice(0, index).map((done) => restore(fs, done)));
      await Promise.all(pending.slice(index).map((rest) => fs.remove(rest.temp).catch(() => undefined)));
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
    } catch (failure) {
      const file = displayPath(plan.displayRoot, orphan.absolutePath);
      diagnostics.push(diagnostic('CG4002', { message: `${file} cannot be deleted (${errorReason(failure)}).`, file }));
    }
  }
  return { deleted, diagnostics };
}

async function removeEmptyParents(fs: FileSystem, folder: string, outputDir: string): Promise<void> {
  let current = folder;
  while (current.startsWith(`${outputDir}${sep}`)) {
    if (!(await fs.removeEmptyDirectory(current))) return;
    current = dirname(current);
  }
}

function failed(plan: EmitPlan, failure: unknown, path: string): ApplyResult {
  const file = displayPath(plan.displayRoot, path);
  const error = diagnostic('CG4002', {
    message: `${file} cannot be written (${errorReason(failure)}); nothing was written or deleted.`,
    file,
  });
  return { written: [], deleted: [], diagnostics: [error] };
}
