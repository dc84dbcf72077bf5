/**
 * Texts known to be `JSON.stringify(value, null, 2)` plus a line break: the JSON outputs the
 * header was written into (header.ts). The formatter's JSON split need not check that such a
 * text parses and has no blank lines (JSON.stringify writes none): both read all 2 MB of c1000's
 * openapi.json on every watch build. Only the last few texts are kept (each is asked about right
 * after it is made).
 */

const KEPT = 8;
const texts: string[] = [];
const known = new Set<string>();

/** Records that `text` is `JSON.stringify(value, null, 2)` plus a line break: whoever calls this guarantees it. */
export function rememberStringifiedJson(text: string): void {
  if (known.has(text)) return;
  known.add(text);
  texts.push(text);
  if (texts.length > KEPT) known.delete(texts.shift()!);
}

/** Whether `text` was recorded by `rememberStringifiedJson`. */
export function isStringifiedJson(text: string): boolean {
  return known.has(text);
}
