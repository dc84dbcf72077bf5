/**
 * Template data whose `content` is a JSON document as `JSON.stringify(value, null, 2)` plus a line
 * break wrote it (the openapi generator's openapi.json). The pipeline tells the header this, so
 * that putting the header member first in c1000's 2 MB document splices a line into the text
 * instead of parsing and writing it all again (emit/header.ts); the header checks that the
 * rendered text is that content, so a template that makes anything else of it loses nothing.
 * The content may come with the pieces it was joined from (one per component schema): the
 * formatter then lays out each piece once and remembers it (emit/json-layout-lines.ts).
 */
const marked = new WeakMap<object, readonly string[] | undefined>();

/**
 * Marks `data`, whose `content` must be exactly `JSON.stringify(value, null, 2)` plus a line break
 * of an object value, and `pieces.join('')` when `pieces` are given.
 */
export function withStringifiedJson<T extends { content: string }>(data: T, pieces?: readonly string[]): T {
  marked.set(data, pieces);
  return data;
}

/** The `content` of data marked by `withStringifiedJson`, undefined for any other data. */
export function stringifiedJsonOf(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null || !marked.has(data)) return undefined;
  const content = (data as { content?: unknown }).content;
  return typeof content === 'string' ? content : undefined;
}

/** The pieces whose join is the `content` of data marked by `withStringifiedJson`, when it was given them. */
export function stringifiedJsonPiecesOf(data: unknown): readonly string[] | undefined {
  return typeof data === 'object' && data !== null && stringifiedJsonOf(data) !== undefined ? marked.get(data) : undefined;
}
