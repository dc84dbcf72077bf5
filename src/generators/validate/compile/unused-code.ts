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
 *
 * Each text is cut once into its identifier-like words and the words are looked up by name, so
 * the cost grows with the length of the code, not with texts × pieces: a file of thousands of
 * declarations (Microsoft Graph's model) spent minutes in one regular expression per pair.
 */
export function readNames(roots: readonly string[], pieces: readonly NamedCode[]): Set<string> {
  const byName = new Map<string, NamedCode[]>();
  for (const piece of pieces) byName.set(piece.name, [...(byName.get(piece.name) ?? []), piece]);
  const read = new Set<string>();
  const pending = [...roots];
  while (pending.length > 0) {
    for (const word of wordsOf(pending.pop()!)) {
      const named = byName.get(word);
      if (named === undefined || read.has(word)) continue;
      read.add(word);
      for (const piece of named) pending.push(piece.code);
    }
  }
  return read;
}

/**
 * The maximal runs of identifier characters in `text` (ECMA-262 IdentifierPart: ID_Continue, `$`,
 * ZWNJ, ZWJ): a name is mentioned where it is a whole run, not part of a longer name.
 */
function wordsOf(text: string): Set<string> {
  return new Set(text.match(/[\p{ID_Continue}$\u200C\u200D]+/gu) ?? []);
}
