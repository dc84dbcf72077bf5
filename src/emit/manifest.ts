/**
 * `.codegen-manifest.json`: what codegen wrote into an output folder, with the hash of each
 * file's bytes. Orphan removal, hand-edit detection, `clean` and `check` all read it.
 */
import { join } from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics/index.js';
import type { FileSystem } from './file-system.js';
import { displayPath } from './paths.js';
import { pathChecker, type PathChecker } from './safe-path.js';
import { isRecord, parseJsonText } from './json-input.js';

export const MANIFEST_FILE = '.codegen-manifest.json';
/** The commit journal of an unfinished run (see apply.ts); never an output. */
export const JOURNAL_FILE = '.codegen-journal.json';
/**
 * The largest manifest (or journal) codegen reads: 32 MiB. A manifest entry takes about 130 bytes,
 * so this is some 250,000 generated files, twenty times a very large project; checking each entry
 * costs about one system call, so even a manifest at the cap is read in seconds, with bounded memory.
 */
export const RECORD_MAX_BYTES = 32 * 1024 * 1024;

/** `32 MiB`, `5.5 MiB`, `812 KiB`. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / 1024 / 1024).toFixed(1))} MiB`;
  return `${Math.ceil(bytes / 1024)} KiB`;
}

export interface ManifestEntry {
  /** `sha256-<hex>` of the file's bytes as written. */
  hash: string;
  /** The source the file was generated from (as in its header). */
  source: string;
  /**
   * The file was edited by hand and kept (an orphan `generate` kept, a file `clean` kept): it is
   * the user's now. `hash` stays the generated text's, so a later run that would write the path
   * again sees the edit and refuses (CG4001) instead of taking the file back silently.
   */
  kept?: true;
}

/**
 * Which config's project wrote an output folder: what lets a later run whose project writes
 * elsewhere (its `output` changed) find this folder and delete what it generated here.
 */
export interface ManifestOwner {
  /** The config file, POSIX, relative to the output folder (`../../codegen.config.yaml`). */
  config: string;
  /** The project's name (`default` for a config without `projects:`). */
  project: string;
}

export interface Manifest {
  version: 1;
  /** The formatter identity (`prettier@3.3.3+hash` or `none`). */
  formatter: string;
  /** Absent in manifests of earlier versions and in what `clean` leaves. */
  owner?: ManifestOwner;
  /** By POSIX path relative to the output folder. */
  files: Record<string, ManifestEntry>;
}

export interface ManifestRead {
  /** The manifest, or an empty one when there is none or it is damaged. */
  manifest: Manifest;
  /** The exact text on disk, when there was a file. */
  text?: string;
  /** Entries whose file was found missing while checking them (so no one needs to read them). */
  missing?: ReadonlySet<string>;
  diagnostics: Diagnostic[];
}

/** A manifest that records nothing. */
export function emptyManifest(formatter = 'none'): Manifest {
  return { version: 1, formatter, files: recordTable() };
}

/** The manifest's bytes: keys sorted, two-space JSON, final newline; byte-identical across runs. */
export function serializeManifest(manifest: Manifest): string {
  const files = Object.fromEntries(
    Object.keys(manifest.files)
      .sort()
      .map((path) => {
        const entry = manifest.files[path]!;
        return [path, entry.kept ? { hash: entry.hash, source: entry.source, kept: true } : { hash: entry.hash, source: entry.source }];
      }),
  );
  const owner = manifest.owner ? { owner: { config: manifest.owner.config, project: manifest.owner.project } } : {};
  return `${JSON.stringify({ version: 1, formatter: manifest.formatter, ...owner, files }, null, 2)}\n`;
}

/** Parses manifest text; undefined when it is not a version-1 manifest. */
export function parseManifest(text: string): Manifest | undefined {
  const value = parseJsonText(text);
  if (!isRecord(value) || value.version !== 1 || typeof value.formatter !== 'string') return undefined;
  if (!isRecord(value.files)) return undefined;
  const owner = value.owner;
  if (owner !== undefined && (!isRecord(owner) || typeof owner.config !== 'string' || typeof owner.project !== 'string')) return undefined;
  const files = recordTable();
  for (const [path, entry] of Object.entries(value.files)) {
    if (!isRecord(entry) || typeof entry.hash !== 'string' || typeof entry.source !== 'string') return undefined;
    if (entry.kept !== undefined && entry.kept !== true) return undefined;
    files[path] = entry.kept ? { hash: entry.hash, source: entry.source, kept: true } : { hash: entry.hash, source: entry.source };
  }
  return { version: 1, formatter: value.formatter, ...(owner ? { owner: { config: owner.config as string, project: owner.project as string } } : {}), files };
}

/**
 * Reads the manifest of an output folder. A damaged one gives warning CG4006 and counts as
 * empty. The manifest is input, not truth: an entry whose path codegen could not have written
 * (outside the folder, through a link leading out, codegen's own files) gives warning CG4009
 * and is dropped, so no file it names is hashed, deleted or vouched for. `displayRoot` makes
 * the warnings' paths relative.
 */
export async function readManifest(fs: FileSystem, outputDir: string, displayRoot = outputDir): Promise<ManifestRead> {
  const path = join(outputDir, MANIFEST_FILE);
  const shown = displayPath(displayRoot, path);
  const size = await fs.size(path).catch(() => undefined);
  if (size !== undefined && size > RECORD_MAX_BYTES) {
    const warning = diagnostic('CG4006', {
      message: `The manifest ${shown} is ${formatBytes(size)}, over the ${formatBytes(RECORD_MAX_BYTES)} codegen reads; it is ignored (not read) and rebuilt by the next \`codegen generate\`, so hand edits cannot be detected this time.`,
      file: shown,
      hint: `A manifest records one line or so per generated file: ${formatBytes(RECORD_MAX_BYTES)} is hundreds of thousands of files. Check how it grew (a merge, a hand edit), or delete it.`,
    });
    return { manifest: emptyManifest(), diagnostics: [warning] };
  }
  const text = await fs.readFile(path);
  if (text === undefined) return { manifest: emptyManifest(), diagnostics: [] };
  const manifest = parseManifest(text);
  if (!manifest) {
    const warning = diagnostic('CG4006', {
      message: `The manifest ${shown} is damaged; it is ignored and rebuilt by the next \`codegen generate\`, so hand edits cannot be detected this time.`,
      file: shown,
    });
    return { manifest: emptyManifest(), text, diagnostics: [warning] };
  }
  const diagnostics: Diagnostic[] = [];
  const checker = pathChecker(fs, outputDir);
  const locate = entryLocator(text);
  for (const entryPath of Object.keys(manifest.files)) {
    const problem = await entryProblem(checker, entryPath);
    if (problem === undefined) continue;
    delete manifest.files[entryPath];
    diagnostics.push(unsafeEntryWarning(shown, text, entryPath, problem, locate));
  }
  return { manifest, text, missing: checker.missing, diagnostics };
}

async function entryProblem(checker: PathChecker, path: string): Promise<string | undefined> {
  if (path === MANIFEST_FILE || path === JOURNAL_FILE) return "names one of codegen's own records";
  return checker.recordedPathProblem(path);
}

/** Where a path is written in a record's text: its line and column, or undefined. */
export type EntryLocator = (path: string) => { line: number; column: number } | undefined;

const QUOTED = /"(?:[^"\\\n]|\\.)*"/g;

/**
 * Finds paths in a record's text, indexing every string on first use (one pass, so locating every
 * entry of a large manifest stays linear). A manifest holds a path as a key, a journal as a value:
 * a key (a string followed by `:`) wins over a value on another line.
 */
export function entryLocator(text: string): EntryLocator {
  let index: Map<string, { line: number; column: number; key: boolean }> | undefined;
  const build = () => {
    const found = new Map<string, { line: number; column: number; key: boolean }>();
    text.split('\n').forEach((line, lineIndex) => {
      for (const match of line.matchAll(QUOTED)) {
        let value: unknown;
        try {
          value = JSON.parse(match[0]);
        } catch {
          continue;
        }
        if (typeof value !== 'string') continue;
        const key = /^\s*:/.test(line.slice(match.index! + match[0].length));
        const known = found.get(value);
        if (known === undefined || (key && !known.key)) found.set(value, { line: lineIndex + 1, column: match.index! + 1, key });
      }
    });
    return found;
  };
  return (path) => {
    index ??= build();
    const at = index.get(path);
    return at && { line: at.line, column: at.column };
  };
}

/** CG4009 for a record entry that is ignored, located at the line that holds it when found. */
export function unsafeEntryWarning(shown: string, text: string, path: string, problem: string, locate: EntryLocator = entryLocator(text)): Diagnostic {
  const quoted = JSON.stringify(path);
  const location = locate(path) ?? {};
  return diagnostic('CG4009', {
    message: `${shown} lists ${quoted}, which ${problem}; the entry is ignored and no file is touched for it.`,
    file: shown,
    ...location,
    hint: 'codegen writes only inside the output folder, so this entry did not come from codegen (a merge or a hand edit?). The next `codegen generate` drops it.',
  });
}

/** Writes the manifest of an output folder (not atomically: `applyEmit` does that). */
export async function writeManifest(fs: FileSystem, outputDir: string, manifest: Manifest): Promise<void> {
  await fs.makeDirectory(outputDir);
  await fs.writeFile(join(outputDir, MANIFEST_FILE), serializeManifest(manifest));
}

/**
 * A table keyed by file path with no prototype: a path such as `__proto__` or `constructor` is
 * an entry like any other, never a property inherited from Object.
 */
export function recordTable(): Record<string, ManifestEntry> {
  return Object.create(null) as Record<string, ManifestEntry>;
}
