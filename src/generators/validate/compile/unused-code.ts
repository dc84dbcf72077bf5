/**
 * What a validator file holds that none of its code reads. A type with a required member no value
 * can have (`components` of openapi-typescript, whose `responses: never`) is checked as
 * `isObject(value) && false`: the helpers, constants and imports its other members' checks had
 * asked for by then are read by nothing, and an unread one fails `noUnusedLocals` (TS6133),
 * which @tsconfig/strictest sets. They are found by name in the code that stays.
 */

/** A named piece of the file: a private function, a hoisted constant, an imported name. */
export interface NamedCode {
  name: string;
  /** Its own code, which may read other pieces (empty for an import). */
  code: string;
}

/**
 * The names among `pieces` that `roots` (the code that always stays: the exported functions)
 * read, directly or through other pieces that are read. A piece reading only itself (a
 * recursive helper) is not read.
 */
export function readNames(roots: readonly string[], pieces: readonly NamedCode[]): Set<string> {
  const mentions = (text: string, name: string): boolean => new RegExp(`(?<![\\w$])${name.replace(/\$/g, '\\$')}(?![\\w$])`).test(text);
  const read = new Set<string>();
  const pending = [...roots];
  while (pending.length > 0) {
    const text = pending.pop()!;
    for (const piece of pieces) {
      if (read.has(piece.name) || !mentions(text, piece.name)) continue;
      read.add(piece.name);
      pending.push(piece.code);
    }
  }
  return read;
}
