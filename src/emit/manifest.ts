/**
 * `.codegen-manifest.json`: what codegen wrote into an output folder, with the hash of each
 * file's bytes. Orphan removal, hand-edit detection, `clean` and `check` all read it.
 */
import { join } from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics/index.js';
import type { FileSystem } from './file-system.js';
import { displayPath } from './paths.js';
import { recordedPathProblem } from './safe-path.js';

export const MANIFEST_FILE = '.codegen-manifest.json';
/** The commit journal of an unfinished run (see apply.ts); never an output. */
export const JOURNAL_FILE = '.codegen-journal.json';

export interface ManifestEntry {
  /** `sha256-<hex>` of the file's bytes as written. */
  hash: string;
  /** The source the file was generated from (as in its header). */
  source: string;
}

export interface Manifest {
  version: 1;
  /** The formatter identity (`prettier@3.3.3+hash` or `none`). */
  formatter: string;
  /** By POSIX path relative to the output folder. */
  files: Record<string, ManifestEntry>;
}

export interface ManifestRead {
  /** The manifest, or an empty one when there is none or it is damaged. */
  manifest: Manifest;
  /** The exact text on disk, when there was a file. */
  text?: string;
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
        return [path, { hash: entry.hash, source: entry.source }];
      }),
  );
  return `${JSON.stringify({ version: 1, formatter: manifest.formatter, files }, null, 2)}\n`;
}

/** Parses manifest text; undefined when it is not a version-1 manifest. */
export function parseManifest(text: string): Manifest | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(value) || value.version !== 1 || typeof value.formatter !== 'string') return undefined;
  if (!isRecord(value.files)) return undefined;
  const files = recordTable();
  for (const [path, entry] of Object.entries(value.files)) {
    if (!isRecord(entry) || typeof entry.hash !== 'string' || typeof entry.source !== 'string') return undefined;
    files[path] = { hash: entry.hash, source: entry.source };
  }
  return { version: 1, formatter: value.formatter, files };
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
  const text = await fs.readFile(path);
  if (text === undefined) return { manifest: emptyManifest(), diagnostics: [] };
  const manifest = parseManifest(text);
  const shown = displayPath(displayRoot, path);
  if (!manifest) {
    const warning = diagnostic('CG4006', {
      message: `The manifest ${shown} is damaged; it is ignored and rebuilt by the next \`codegen generate\`, so hand edits cannot be detected this time.`,
      file: shown,
    });
    return { manifest: emptyManifest(), text, diagnostics: [warning] };
  }
  const diagnostics: Diagnostic[] = [];
  for (const entryPath of Object.keys(manifest.files)) {
    const problem = await entryProblem(fs, outputDir, entryPath);
    if (problem === undefined) continue;
    delete manifest.files[entryPath];
    diagnostics.push(unsafeEntryWarning(shown, text, entryPath, problem));
  }
  return { manifest, text, diagnostics };
}

async function entryProblem(fs: FileSystem, outputDir: string, path: string): Promise<string | undefined> {
  if (path === MANIFEST_FILE || path === JOURNAL_FILE) return "names one of codegen's own records";
  return recordedPathProblem(fs, outputDir, path);
}

/** CG4009 for a record entry that is ignored, located at the line that holds it when found. */
export function unsafeEntryWarning(shown: string, text: string, path: string, problem: string): Diagnostic {
  const quoted = JSON.stringify(path);
  const lines = text.split('\n');
  // A manifest holds the path as a key; a journal as a value.
  let index = lines.findIndex((line) => line.includes(`${quoted}:`));
  if (index < 0) index = lines.findIndex((line) => line.includes(quoted));
  const location = index < 0 ? {} : { line: index + 1, column: lines[index]!.indexOf(quoted) + 1 };
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

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
