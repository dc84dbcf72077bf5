import { createHash } from 'node:crypto';
import { toLf } from './line-endings.js';

/**
 * The manifest's content hash: `sha256-` and the hex digest of the UTF-8 bytes of the text with
 * its line endings normalised to LF, so that a checkout converting them (git `core.autocrlf`) is
 * not a hand edit. Manifests written before this rule hashed LF text, so they read the same.
 */
export function contentHash(content: string): string {
  return `sha256-${createHash('sha256').update(toLf(content), 'utf8').digest('hex')}`;
}

/** A short, stable hex digest of the given parts (cache keys, formatter identity). */
export function shortHash(...parts: string[]): string {
  const hash = createHash('sha256');
  // A separator that cannot occur in the parts keeps ("ab", "c") and ("a", "bc") apart.
  for (const part of parts) hash.update(part, 'utf8').update('\u0000');
  return hash.digest('hex').slice(0, 16);
}

/** JSON with object keys sorted at every depth: the same value always gives the same text. */
export function stableStringify(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)]));
}
