/**
 * Reading JSON that codegen wrote but cannot trust (the manifest, the journal): a parse that
 * answers `undefined` instead of throwing, and the object test every field check starts from.
 */

/** The parsed value, or `undefined` when `text` is not JSON. */
export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Whether `value` is a plain JSON object (not `null`, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
