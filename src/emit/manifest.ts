/**
 * `.codegen-manifest.json`: what codegen wrote into an output folder, with the hash of each
 * file's bytes. Orphan removal, hand-edit detection, `clean` and `check` all read it.
 */
import { join } from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics/index.js';
import type { FileSystem } from './file-system.js';
import { displayPath } from './paths.js';

export const MANIFEST_FILE = '.codegen-manifest.json';

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
  return { version: 1, formatter, files: {} };
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
  const files: Record<string, ManifestEntry> = {};
  for (const [path, entry] of Object.entries(value.files)) {
    if (!isRecord(entry) || typeof entry.hash !== 'string' || typeof entry.source !== 'string') return undefined;
    files[path] = { hash: entry.hash, source: entry.source };
  }
  return { version: 1, formatter: value.formatter, files };
}

/**
 * Reads the manifest of an output folder. A damaged one gives warning CG4006 and counts as
 * empty; `displayRoot` makes the warning's path relative.
 */
export async function readManifest(fs: FileSystem, outputDir: string, displayRoot = outputDir): Promise<ManifestRead> {
  const path = join(outputDir, MANIFEST_FILE);
  const text = await fs.readFile(path);
  if (text === undefined) return { manifest: emptyManifest(), diagnostics: [] };
  const manifest = parseManifest(text);
  if (manifest) return { manifest, text, diagnostics: [] };
  const warning = diagnostic('CG4006', {
    message: `The manifest ${displayPath(displayRoot, path)} is damaged; it is ignored and rebuilt by the next \`codegen generate\`, so hand edits cannot be detected this time.`,
    file: displayPath(displayRoot, path),
  });
  return { manifest: emptyManifest(), text, diagnostics: [warning] };
}

/** Writes the manifest of an output folder (not atomically: `applyEmit` does that). */
export async function writeManifest(fs: FileSystem, outputDir: string, manifest: Manifest): Promise<void> {
  await fs.makeDirectory(outputDir);
  await fs.writeFile(join(outputDir, MANIFEST_FILE), serializeManifest(manifest));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
