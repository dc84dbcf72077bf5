/**
 * `.codegen-journal.json`: the commit record of a run that is renaming files into place (the
 * protocol is described in apply.ts). While it exists the output folder is between two states;
 * `recoverOutput` finishes the run it describes, `interruptedRun` tells `check` not to trust
 * the folder. Like the manifest it is input, not truth: every path in it is checked before use.
 *
 * A run writing several output folders (several `projects:`) writes one journal per folder, all
 * naming the same group; such a run is committed only once every journal of its group exists.
 */
import { randomBytes } from 'node:crypto';
import { basename, dirname, join, posix } from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics/index.js';
import { removeEmptyParents } from './empty-folders.js';
import { errorReason, type FileSystem } from './file-system.js';
import { contentHash } from './hash.js';
import { entryLocator, JOURNAL_FILE, MANIFEST_FILE, RECORD_MAX_BYTES, unsafeEntryWarning } from './manifest.js';
import { displayPath, toPosix } from './paths.js';
import { pathChecker, type PathChecker } from './safe-path.js';
import { isRecord, parseJsonText } from './json-input.js';

export interface Journal {
  version: 1;
  /** Staged temp → target, POSIX paths relative to the output folder, the manifest last. */
  renames: JournalRename[];
  /** Orphans to delete, with the hash they must still have to be deleted. */
  deletes: { path: string; hash: string }[];
  /** Set when the run wrote several output folders: it is committed when all their journals exist. */
  group?: JournalGroup;
}

export interface JournalRename {
  temp: string;
  target: string;
  /**
   * The hash the target had when the run staged it, `null` when there was none. Recovery renames
   * only over a target still in that state: anything else is a hand edit made after the kill, and
   * is kept. Absent in journals of earlier versions (then the rename is done as before).
   */
  before?: string | null;
}

export interface JournalGroup {
  /** Random, the same in every journal of the run. */
  id: string;
  /** Every output folder of the run, this one (`.`) included, POSIX, relative to this one. */
  folders: string[];
}

const TEMP_NAME = /^\.(.+)\.codegen-tmp-[0-9a-f]{12}$/;

/** A fresh temp name beside `target` (absolute or relative): `.NAME.codegen-tmp-<12 hex>`. */
export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.codegen-tmp-${randomBytes(6).toString('hex')}`);
}

/** Whether a file name is one of codegen's temps (of this version or an older one). */
export function isTempName(name: string): boolean {
  return TEMP_NAME.test(name);
}

/** Writes the journal atomically: a temp, then one rename. */
export async function writeJournal(fs: FileSystem, outputDir: string, journal: Journal): Promise<void> {
  const path = join(outputDir, JOURNAL_FILE);
  const temp = tempPathFor(path);
  try {
    await fs.writeFile(temp, `${JSON.stringify(journal, null, 2)}\n`);
    await fs.rename(temp, path);
  } catch (error) {
    await fs.remove(temp).catch(() => undefined);
    throw error;
  }
}

/** Removes the journal: the run it describes is complete. */
export async function removeJournal(fs: FileSystem, outputDir: string): Promise<void> {
  await fs.remove(join(outputDir, JOURNAL_FILE));
}

/**
 * CG4010 when the output folder holds an unfinished run (a journal or temps), else undefined.
 * Reads only: `check` and dry runs call it, and must not repair.
 */
export async function interruptedRun(
  fs: FileSystem,
  outputDir: string,
  displayRoot: string,
  severity: 'error' | 'warning' = 'error',
): Promise<Diagnostic | undefined> {
  const journal = join(outputDir, JOURNAL_FILE);
  const hasJournal = (await fs.readFile(journal).catch(() => '')) !== undefined;
  const temps = await strayTemps(fs, outputDir);
  if (!hasJournal && temps.length === 0) return undefined;
  const folder = displayPath(displayRoot, outputDir);
  const what = hasJournal
    ? `its journal ${JOURNAL_FILE} is still there`
    : `${temps.length} temporary file${temps.length === 1 ? ' is' : 's are'} left`;
  return diagnostic('CG4010', {
    severity,
    message: `${folder} holds a run that was interrupted (${what}), so the manifest does not vouch for its files.`,
    file: displayPath(displayRoot, hasJournal ? journal : temps[0]!),
    hint: 'Run `codegen generate` (or `codegen clean`): it completes the interrupted run before anything else.',
  });
}

/**
 * Repairs an output folder after a killed run: finishes the run its journal describes (renames
 * whose temp is still there, deletions of files still as generated), removes the journal, then
 * removes every temp left behind. Idempotent, so a kill during recovery is repaired the same way.
 * A failure leaves the journal in place and gives CG4002.
 */
export async function recoverOutput(fs: FileSystem, outputDir: string, displayRoot: string): Promise<Diagnostic[]> {
  const path = join(outputDir, JOURNAL_FILE);
  const shown = displayPath(displayRoot, path);
  const diagnostics: Diagnostic[] = [];
  try {
    // A journal beyond the cap is not read: it is damaged (codegen's are about the manifest's size).
    const tooLarge = ((await fs.size(path)) ?? 0) > RECORD_MAX_BYTES;
    const text = tooLarge ? '' : await fs.readFile(path);
    if (text !== undefined) {
      const journal = parseJournal(text);
      if (journal?.group) await settleGroup(fs, outputDir, displayRoot, journal.group, diagnostics);
      else if (journal) await rollForward(fs, outputDir, displayRoot, shown, text, journal, diagnostics);
      else diagnostics.push(diagnostic('CG4009', { message: `The journal ${shown} is damaged; it is ignored and removed.`, file: shown }));
      await removeJournal(fs, outputDir);
    }
    await removeTemps(fs, outputDir);
  } catch (error) {
    diagnostics.push(
      diagnostic('CG4002', {
        message: `The run interrupted in ${displayPath(displayRoot, outputDir)} cannot be completed (${errorReason(error)}).`,
        file: shown,
      }),
    );
  }
  return diagnostics;
}

/**
 * Settles a run that wrote several output folders. When every folder of the group still holds
 * its journal, the run was committed: every folder is rolled forward before any journal is
 * removed. When one is missing, the run either never reached its commit point (journals are
 * written before any rename) or had finished every rename and deletion (journals are removed only
 * after them): either way there is nothing to redo, so the journals and temps are just removed.
 * A folder counts only if its journal names the same group, so a forged folder list leads nowhere.
 */
async function settleGroup(
  fs: FileSystem,
  outputDir: string,
  displayRoot: string,
  group: JournalGroup,
  diagnostics: Diagnostic[],
): Promise<void> {
  const members: { dir: string; text: string; journal: Journal }[] = [];
  let committed = true;
  for (const folder of group.folders) {
    const dir = join(outputDir, folder);
    const tooLarge = ((await fs.size(join(dir, JOURNAL_FILE)).catch(() => undefined)) ?? 0) > RECORD_MAX_BYTES;
    const text = tooLarge ? undefined : await fs.readFile(join(dir, JOURNAL_FILE)).catch(() => undefined);
    const journal = text === undefined ? undefined : parseJournal(text);
    if (text === undefined || journal?.group?.id !== group.id) {
      committed = false;
      continue;
    }
    members.push({ dir, text, journal });
  }
  if (committed) {
    for (const { dir, text, journal } of members) {
      await rollForward(fs, dir, displayRoot, displayPath(displayRoot, join(dir, JOURNAL_FILE)), text, journal, diagnostics);
    }
  }
  for (const { dir } of members) {
    await removeJournal(fs, dir);
    if (dir !== outputDir) await removeTemps(fs, dir);
  }
}

async function removeTemps(fs: FileSystem, outputDir: string): Promise<void> {
  for (const temp of await strayTemps(fs, outputDir)) {
    await fs.remove(temp);
    await removeEmptyParents(fs, dirname(temp), outputDir); // a folder made only for it
  }
}

async function rollForward(
  fs: FileSystem,
  outputDir: string,
  displayRoot: string,
  shown: string,
  text: string,
  journal: Journal,
  diagnostics: Diagnostic[],
): Promise<void> {
  const locate = entryLocator(text);
  const ignore = (entry: string, problem: string) => diagnostics.push(unsafeEntryWarning(shown, text, entry, problem, locate));
  const checker = pathChecker(fs, outputDir);
  for (const { temp, target, before } of journal.renames) {
    const problem = await targetProblem(checker, target, true);
    if (problem !== undefined) {
      ignore(target, problem);
      continue;
    }
    const badTemp = tempProblem(temp, target);
    if (badTemp !== undefined) {
      ignore(temp, badTemp);
      continue;
    }
    const from = join(outputDir, temp);
    const kind = await fs.kind(from);
    if (kind === undefined) continue; // already renamed
    // Only a regular file is installed: a link there (to a file outside…) was not staged by codegen.
    if (kind !== 'file') {
      ignore(temp, 'is not a regular file codegen staged');
      continue;
    }
    const to = join(outputDir, target);
    if (target !== MANIFEST_FILE && before !== undefined && !(await stillAsStaged(fs, to, before))) {
      // Edited by hand after the kill: the edit wins, the run's version (regenerated on demand) is dropped.
      await fs.remove(from);
      diagnostics.push(editKeptWarning(displayPath(displayRoot, to)));
      continue;
    }
    await fs.rename(from, to);
  }
  for (const { path, hash } of journal.deletes) {
    const problem = await targetProblem(checker, path, false);
    if (problem !== undefined) {
      ignore(path, problem);
      continue;
    }
    const absolute = join(outputDir, path);
    const content = await fs.readFile(absolute);
    // Changed since the run planned it: then it is someone's file now.
    if (content !== undefined && contentHash(content) !== hash) continue;
    if (content !== undefined) await fs.remove(absolute);
    await removeEmptyParents(fs, dirname(absolute), outputDir); // also when killed between the two

  }
}

/** Whether the target is still as the run found it when staging (`null`: absent). */
async function stillAsStaged(fs: FileSystem, target: string, before: string | null): Promise<boolean> {
  const content = await fs.readFile(target);
  return before === null ? content === undefined : content !== undefined && contentHash(content) === before;
}

/**
 * A file edited (or created) by hand between a killed run and its recovery. The edit is kept; the
 * new manifest records the generated version, so the next plan calls the file hand-edited (CG4001)
 * and `generate --force` brings the generated version back.
 */
function editKeptWarning(file: string): Diagnostic {
  return diagnostic('CG4008', {
    message: `${file} was changed by hand after a codegen run was interrupted; completing that run kept your version and discarded the generated one.`,
    file,
    hint: 'The next `codegen generate` reports it as hand-edited (CG4001): move the change into the source or a template, or run `codegen generate --force`.',
  });
}

async function targetProblem(checker: PathChecker, path: string, mayBeManifest: boolean): Promise<string | undefined> {
  if (path === MANIFEST_FILE && mayBeManifest) return undefined;
  if (path === MANIFEST_FILE || path === JOURNAL_FILE) return "names one of codegen's own records";
  return checker.recordedPathProblem(path);
}

function tempProblem(temp: string, target: string): string | undefined {
  const name = posix.basename(temp);
  const ok = posix.dirname(temp) === posix.dirname(target) && TEMP_NAME.exec(name)?.[1] === posix.basename(target);
  return ok ? undefined : `is not a temp file codegen writes for ${JSON.stringify(target)}`;
}

/** Parses journal text; undefined when it is not a version-1 journal. */
export function parseJournal(text: string): Journal | undefined {
  const value = parseJsonText(text);
  if (!isRecord(value) || value.version !== 1 || !Array.isArray(value.renames) || !Array.isArray(value.deletes)) return undefined;
  const renames = value.renames.filter(
    (r): r is JournalRename =>
      isRecord(r) && typeof r.temp === 'string' && typeof r.target === 'string' && (r.before === undefined || r.before === null || typeof r.before === 'string'),
  );
  const deletes = value.deletes.filter((d): d is Journal['deletes'][number] => isRecord(d) && typeof d.path === 'string' && typeof d.hash === 'string');
  if (renames.length !== value.renames.length || deletes.length !== value.deletes.length) return undefined;
  if (value.group === undefined) return { version: 1, renames, deletes };
  const group = value.group;
  if (!isRecord(group) || typeof group.id !== 'string' || !/^[0-9a-f]{16}$/.test(group.id) || !Array.isArray(group.folders)) return undefined;
  const folders = group.folders.filter((folder): folder is string => typeof folder === 'string' && isRelativeFolder(folder));
  if (folders.length !== group.folders.length || !folders.includes('.')) return undefined;
  return { version: 1, renames, deletes, group: { id: group.id, folders } };
}

/** A folder path a journal may name for a member of its group: relative POSIX, nothing odd in it. */
function isRelativeFolder(path: string): boolean {
  if (path === '.') return true;
  if (path.includes('\u0000') || path.includes('\\') || posix.isAbsolute(path) || /^[A-Za-z]:/.test(path)) return false;
  return path.split('/').every((segment) => segment !== '' && segment !== '.');
}

/** Every codegen temp below the output folder (absolute paths). */
async function strayTemps(fs: FileSystem, outputDir: string): Promise<string[]> {
  const files = await fs.listFiles(outputDir).catch(() => []);
  return files.filter((file) => isTempName(posix.basename(toPosix(file))));
}
