/**
 * Emit: makes the disk match rendered files, safely. Header, Prettier with the user's config
 * and a format cache, manifest and content hashes, the plan (create, update, unchanged,
 * delete, protected, hand-edited, keep), the `check` verdict, crash-safe apply (a journal and
 * its recovery), unified diffs. Paths read back from the manifest or journal are checked first.
 * Knows nothing of the model; all I/O goes through a `FileSystem`.
 */
export { nodeFileSystem, createMemoryFileSystem, errorReason } from './file-system.js';
export type { FileSystem, FileSystemError, MemoryFileSystem } from './file-system.js';
export { addHeader, addJsonHeaderToPieces, isGeneratedHeader, headerText, JSON_HEADER_KEY } from './header.js';
export { createFormatter, normalizeText } from './formatter.js';
export type { FormatRequest, Formatter, FormatterOptions } from './formatter.js';
export type { PrettierApi } from './prettier-module.js';
export { FORMAT_CACHE_FILE } from './format-cache.js';
export { contentHash } from './hash.js';
export {
  MANIFEST_FILE,
  emptyManifest,
  parseManifest,
  readManifest,
  serializeManifest,
  writeManifest,
} from './manifest.js';
export type { Manifest, ManifestEntry, ManifestOwner, ManifestRead } from './manifest.js';
export { planEmit } from './plan.js';
export type { EmitAction, EmitConflict, EmitEntry, EmitPlan, OnHandEdit, PlanInput, PlannedFile } from './plan.js';
export { checkPlan } from './check.js';
export { applyEmit, applyEmits } from './apply.js';
export { JOURNAL_FILE } from './manifest.js';
export { interruptedRun, recoverOutput } from './journal.js';
export type { ApplyResult } from './apply.js';
export { unifiedDiff } from './diff.js';
export { displayPath } from './paths.js';
