/**
 * Compares the rendered files with the disk and the manifest, and decides what happens to
 * each path. Reads only: the same plan serves the real run, `--dry-run`, `check` and watch.
 */
import { join } from 'node:path';
import picomatch from 'picomatch';
import { diagnostic, type Diagnostic } from '../diagnostics/index.js';
import { errorReason, type FileSystem } from './file-system.js';
import { contentHash } from './hash.js';
import type { FormatRequest } from './formatter.js';
import { isGeneratedHeader } from './header.js';
import { JOURNAL_FILE, MANIFEST_FILE, readManifest, recordTable, serializeManifest, type Manifest, type ManifestEntry, type ManifestOwner } from './manifest.js';
import { comparePaths, displayPath, normalizeOutputPath } from './paths.js';
import { sameButLineEndings } from './line-endings.js';
import { outputPathLimit, pathChecker } from './safe-path.js';

export type EmitAction = 'create' | 'update' | 'unchanged' | 'delete' | 'protected' | 'hand-edited' | 'keep';

/** Why a file on disk was not ours to replace: edited since generated, or never generated. */
export type EmitConflict = 'hand-edited' | 'not-generated';

export type OnHandEdit = 'error' | 'warn' | 'overwrite';

export interface EmitEntry {
  /** POSIX, relative to the output folder. */
  path: string;
  absolutePath: string;
  action: EmitAction;
  /** The bytes on disk, when there is a file. */
  before?: string;
  /** The new bytes, when the file is still generated. */
  after?: string;
  /** `contentHash(before)`, when planning computed it (the journal records it: apply.ts). */
  beforeHash?: string;
  /** Set when the file on disk conflicts with codegen's record, whatever was decided. */
  conflict?: EmitConflict;
}

export interface EmitPlan {
  outputDir: string;
  /** Paths in diagnostics are relative to it. */
  displayRoot: string;
  /** Sorted by path. */
  entries: EmitEntry[];
  /** The manifest to write after applying the plan. */
  manifest: Manifest;
  /** Its bytes, formatted like the outputs (so the project's `prettier --check` passes it too). */
  manifestText: string;
  /** False when the manifest on disk already says this, line endings aside (or none is needed). */
  manifestChanged: boolean;
  diagnostics: Diagnostic[];
}

export interface PlannedFile {
  /** Relative to the output folder. */
  path: string;
  /** Formatted, header included: the exact bytes to write. */
  content: string;
  source: string;
  /** The generator that planned it, named in a clash (CG4007); absent: unnamed. */
  generator?: string;
}

export interface PlanInput {
  /** Absolute. */
  outputDir: string;
  files: readonly PlannedFile[];
  fs: FileSystem;
  /** picomatch globs relative to the output folder: never written or deleted. */
  protect?: readonly string[];
  onHandEdit?: OnHandEdit;
  force?: boolean;
  /** Delete orphans (files in the old manifest no longer generated); default true. */
  prune?: boolean;
  /**
   * The plan is `codegen clean`'s (no files, every entry planned away): an edited file is kept
   * because clean does not delete hand edits, not because it is no longer generated; default false.
   */
  cleaning?: boolean;
  /** Paths in diagnostics are relative to it; default the output folder. */
  displayRoot?: string;
  /** The formatter identity to record; default `none`. */
  formatter?: string;
  /** Who writes the folder, to record (see ManifestOwner); default: nobody (`clean`). */
  owner?: ManifestOwner;
  /** Formats the manifest's text (absolute path, text), as outputs are; default: left as serialized. */
  format?: (path: string, content: string, request?: FormatRequest) => Promise<string>;
  /**
   * The content hashes of a long-lived caller (watch), by output path: the hash of a text that
   * is the one hashed last time is taken from here (comparing the texts costs far less than
   * hashing them again). Entries are replaced as the files change.
   */
  hashes?: Map<string, { content: string; hash: string }>;
  /**
   * The text a long-lived caller (watch) knows the output at an absolute path holds, without
   * reading it (its stat is as recorded: see src/pipeline/output-stamps.ts); undefined: read it.
   */
  known?: (absolutePath: string) => string | undefined;
}

type Settings = Required<Omit<PlanInput, 'files' | 'format' | 'hashes' | 'known' | 'owner'>> & {
  hashes: Map<string, { content: string; hash: string }> | undefined;
  known: PlanInput['known'];
  /** The formatter that wrote the files on disk, as the old manifest records it. */
  previousFormatter: string | undefined;
};

interface Decision {
  path: string;
  entry?: EmitEntry;
  /** What the new manifest records for the path, if anything. */
  record?: ManifestEntry;
  diagnostics: Diagnostic[];
}

/** Plans one output folder: what to create, update, delete, keep or refuse, and why. */
export async function planEmit(input: PlanInput): Promise<EmitPlan> {
  const settings: Settings = {
    outputDir: input.outputDir,
    fs: input.fs,
    protect: input.protect ?? [],
    onHandEdit: input.onHandEdit ?? 'error',
    force: input.force ?? false,
    prune: input.prune ?? true,
    cleaning: input.cleaning ?? false,
    displayRoot: input.displayRoot ?? input.outputDir,
    formatter: input.formatter ?? 'none',
    previousFormatter: undefined,
    hashes: input.hashes,
    known: input.known,
  };
  const previous = await readManifest(settings.fs, settings.outputDir, settings.displayRoot);
  if (previous.text !== undefined) settings.previousFormatter = previous.manifest.formatter;
  const diagnostics = [...previous.diagnostics];
  const files = await insideFiles(uniqueFiles(input.files, settings, diagnostics), settings, diagnostics);
  const isProtected = settings.protect.length > 0 ? picomatch([...settings.protect], { dot: true }) : () => false;
  const recorded = previous.manifest.files;

  const generated = files.map((file) => decideGenerated(file, recorded[file.path], isProtected(file.path), settings));
  const planned = new Set(files.map((file) => file.path));
  const orphans = Object.keys(recorded)
    .filter((path) => !planned.has(path))
    // Already found missing while checking the manifest: gone, so forgotten without another read.
    .filter((path) => !previous.missing?.has(path))
    .map((path) => decideOrphan(path, recorded[path]!, isProtected(path), settings));
  const decisions = (await Promise.all([...generated, ...orphans])).sort((x, y) => comparePaths(x.path, y.path));

  const manifest: Manifest = { version: 1, formatter: settings.formatter, ...(input.owner ? { owner: input.owner } : {}), files: recordTable() };
  const entries: EmitEntry[] = [];
  for (const decision of decisions) {
    if (decision.entry) entries.push(decision.entry);
    if (decision.record) manifest.files[decision.path] = decision.record;
    diagnostics.push(...decision.diagnostics);
  }
  const manifestPath = join(settings.outputDir, MANIFEST_FILE);
  const manifestText = input.format ? await input.format(manifestPath, serializeManifest(manifest), { identity: false }) : serializeManifest(manifest);
  const manifestChanged =
    previous.text === undefined ? Object.keys(manifest.files).length > 0 : !sameButLineEndings(previous.text, manifestText);
  return { outputDir: settings.outputDir, displayRoot: settings.displayRoot, entries, manifest, manifestText, manifestChanged, diagnostics };
}

/** Normalises paths and drops duplicates, paths outside the folder and paths too long to write, reporting each. */
function uniqueFiles(files: readonly PlannedFile[], settings: Settings, diagnostics: Diagnostic[]): PlannedFile[] {
  const byPath = new Map<string, PlannedFile>();
  for (const file of files) {
    const path = normalizeOutputPath(file.path);
    const shown = displayPath(settings.displayRoot, join(settings.outputDir, file.path));
    if (path === undefined) {
      const folder = displayPath(settings.displayRoot, settings.outputDir);
      diagnostics.push(
        diagnostic('CG4002', {
          message: `${file.path} (from ${file.source}) is outside the output folder ${folder}.`,
          hint: 'Generators name files relative to the output folder.',
        }),
      );
      continue;
    }
    const tooLong = outputPathLimit(settings.outputDir, path);
    if (tooLong !== undefined) {
      diagnostics.push(
        diagnostic('CG4002', {
          message: `${shown} (from ${file.source}) cannot be written: ${tooLong}.`,
          file: shown,
          hint: 'Shorten the source file name (or its folders), the output folder path, or the generator\'s `fileName` pattern.',
        }),
      );
      continue;
    }
    const first = byPath.get(path);
    if (path === MANIFEST_FILE || path === JOURNAL_FILE || first) {
      const other = first ? `${origin(first)} and ${origin(file)}` : `${origin(file)}, and codegen's ${path === MANIFEST_FILE ? 'manifest' : 'run journal'}`;
      diagnostics.push(diagnostic('CG4007', { message: `Two outputs would be written to ${shown}: ${other}.`, file: shown }));
      continue;
    }
    byPath.set(path, { ...file, path });
  }
  return [...byPath.values()];
}

/** Who plans a file, for CG4007: `validate's output for src/models/a.ts`, `mock's output for codegen.config.yaml`. */
function origin(file: PlannedFile): string {
  if (file.generator === 'index') return 'the index file codegen writes';
  return file.generator === undefined ? `the output for ${file.source}` : `${file.generator}'s output for ${file.source}`;
}

/** Drops outputs whose folder is a link leading out of the output folder: writing there would write outside. */
async function insideFiles(files: PlannedFile[], settings: Settings, diagnostics: Diagnostic[]): Promise<PlannedFile[]> {
  const inside: PlannedFile[] = [];
  const checker = pathChecker(settings.fs, settings.outputDir);
  for (const file of files) {
    if (!(await checker.leavesThroughLink(file.path))) {
      inside.push(file);
      continue;
    }
    const shown = displayPath(settings.displayRoot, join(settings.outputDir, file.path));
    diagnostics.push(
      diagnostic('CG4002', {
        message: `${file.path} (from ${file.source}) goes through a link that leads outside the output folder; it is not written.`,
        file: shown,
        hint: 'Replace the link in the output folder by a real folder, or move the output folder.',
      }),
    );
  }
  return inside;
}

async function decideGenerated(
  file: PlannedFile,
  recorded: ManifestEntry | undefined,
  isProtected: boolean,
  settings: Settings,
): Promise<Decision> {
  const absolutePath = join(settings.outputDir, file.path);
  const base = { path: file.path, absolutePath, after: file.content };
  const known = settings.known?.(absolutePath);
  const disk = known !== undefined ? { content: known } : await readDisk(settings, absolutePath);
  if ('error' in disk) return { path: file.path, record: recorded, diagnostics: [disk.error] };
  const before = disk.content;
  const withBefore = before === undefined ? base : { ...base, before };
  if (isProtected) return { path: file.path, entry: { ...withBefore, action: 'protected' }, record: recorded, diagnostics: [] };
  // The text this path was planned with last time, and its hash, before this plan's text takes its place.
  const last = settings.hashes?.get(file.path);
  const record = { hash: hashOf(file, settings.hashes), source: file.source };
  if (before === undefined) return { path: file.path, entry: { ...base, action: 'create' }, record, diagnostics: [] };
  if (before === file.content || lineEndingsAreTheCheckouts(before, file.content, settings)) {
    return { path: file.path, entry: { ...withBefore, action: 'unchanged' }, record, diagnostics: [] };
  }
  // The hash of what is on disk (a watch build's is most often the text the last build wrote), which the journal records too.
  const beforeHash = recorded ? (last !== undefined && last.content === before ? last.hash : contentHash(before)) : undefined;
  const conflict = findConflict(before, recorded, beforeHash);
  if (!conflict) return { path: file.path, entry: { ...withBefore, action: 'update', ...(beforeHash ? { beforeHash } : {}) }, record, diagnostics: [] };
  const shown = displayPath(settings.displayRoot, absolutePath);
  if (settings.force || settings.onHandEdit === 'overwrite') {
    return { path: file.path, entry: { ...withBefore, action: 'update', conflict }, record, diagnostics: [] };
  }
  if (settings.onHandEdit === 'warn') {
    const message = `${describeConflict(shown, conflict)}; it was overwritten (onHandEdit: warn).`;
    const warning = diagnostic('CG4008', { message, file: shown });
    return { path: file.path, entry: { ...withBefore, action: 'update', conflict }, record, diagnostics: [warning] };
  }
  const error = diagnostic('CG4001', { message: `${describeConflict(shown, conflict)}; it was not overwritten.`, file: shown, hint: refusalHint(conflict) });
  return { path: file.path, entry: { ...withBefore, action: 'hand-edited', conflict }, record: recorded, diagnostics: [error] };
}

/** The content hash of an output, from the caller's memo when it holds the same text. */
function hashOf(file: PlannedFile, hashes: Settings['hashes']): string {
  const known = hashes?.get(file.path);
  if (known && known.content === file.content) return known.hash;
  const hash = contentHash(file.content);
  hashes?.set(file.path, { content: file.content, hash });
  return hash;
}

async function decideOrphan(
  path: string,
  recorded: ManifestEntry,
  isProtected: boolean,
  settings: Settings,
): Promise<Decision> {
  const absolutePath = join(settings.outputDir, path);
  const disk = await readDisk(settings, absolutePath);
  if ('error' in disk) return { path: path, record: recorded, diagnostics: [disk.error] };
  const before = disk.content;
  if (before === undefined) return { path: path, diagnostics: [] }; // already gone: forget it
  const base = { path, absolutePath, before };
  if (isProtected) return { path: path, entry: { ...base, action: 'protected' }, record: recorded, diagnostics: [] };
  if (!settings.prune) return { path: path, entry: { ...base, action: 'keep' }, record: recorded, diagnostics: [] };
  if (contentHash(before) === recorded.hash) return { path: path, entry: { ...base, action: 'delete' }, diagnostics: [] };
  // Kept before, and warned about then: the user's file, left alone and still recorded.
  if (recorded.kept) return { path: path, entry: { ...base, action: 'keep' }, record: recorded, diagnostics: [] };
  // An edited orphan becomes the user's file: kept, warned about once, and recorded as kept, so
  // that a run generating the path again refuses to overwrite the edit (CG4001) rather than take
  // back a file whose header still says it is generated.
  const shown = displayPath(settings.displayRoot, absolutePath);
  const warning = diagnostic('CG4008', settings.cleaning
    ? {
        message: `${shown} was edited by hand since it was generated, so clean kept it.`,
        file: shown,
        hint: 'The next `codegen generate` refuses to overwrite it (CG4001): move the change into the source or a template, delete the file, or run `codegen generate --force` to replace it.',
      }
    : {
        message: `${shown} is no longer generated but was edited by hand, so it was kept.`,
        file: shown,
        hint: 'It is your file now: delete it when you no longer need it. Should codegen generate it again, it refuses to overwrite it (CG4001) unless you run `codegen generate --force`.',
      });
  return { path: path, entry: { ...base, action: 'keep', conflict: 'hand-edited' }, record: { ...recorded, kept: true }, diagnostics: [warning] };
}

/**
 * A file that differs from the output only in line endings is left alone when it was written with
 * the same formatter settings: then its line endings came from the checkout (git `core.autocrlf`,
 * `.gitattributes`), and rewriting them would fight git. When the settings changed (say Prettier's
 * `endOfLine`), the file is rewritten with the line ending now asked for. Never a hand edit.
 */
function lineEndingsAreTheCheckouts(disk: string, content: string, settings: Settings): boolean {
  return settings.previousFormatter === settings.formatter && sameButLineEndings(disk, content);
}

/** `diskHash`: the content hash of `disk`, computed when the manifest records the path. */
function findConflict(disk: string, recorded: ManifestEntry | undefined, diskHash: string | undefined): EmitConflict | undefined {
  if (recorded) return diskHash === recorded.hash ? undefined : 'hand-edited';
  // Not recorded (manifest lost or damaged): codegen's header marks the file as ours.
  return isGeneratedHeader(disk) ? undefined : 'not-generated';
}

function describeConflict(shown: string, conflict: EmitConflict): string {
  return conflict === 'hand-edited'
    ? `${shown} was edited by hand since it was generated`
    : `${shown} exists but was not generated by codegen`;
}

function refusalHint(conflict: EmitConflict): string {
  return conflict === 'hand-edited'
    ? 'Move the change into a template or the source, then run again; or run with --force (or set `onHandEdit`) to overwrite it.'
    : 'Move the file out of the output folder, list it under `protect`, or run with --force to overwrite it.';
}

async function readDisk(settings: Settings, absolutePath: string): Promise<{ content: string | undefined } | { error: Diagnostic }> {
  try {
    return { content: await settings.fs.readFile(absolutePath) };
  } catch (error) {
    const shown = displayPath(settings.displayRoot, absolutePath);
    return { error: diagnostic('CG4002', { message: `${shown} cannot be read (${errorReason(error)}).`, file: shown }) };
  }
}
