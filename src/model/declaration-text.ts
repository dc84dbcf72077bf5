/**
 * The JSON text of a model declaration, when the analyzer already wrote it: a warm analysis
 * takes most declarations from its read cache, which holds each one's text, and whoever versions
 * declarations by content (generators/kit/plan-memo.ts) would otherwise serialise all of them
 * again on every build. A text is told only for a declaration that is exactly that text (the
 * analyzer checks what may change a declaration after it was read); any other is serialised.
 * Like the rest of the model, a declaration is never changed once analysed.
 */
import type { Declaration } from './types.js';

interface KnownText {
  text: string;
  /** The `generators` the text was written with: the table may add to an entry's list after it was read. */
  generators: readonly string[];
}

const known = new WeakMap<Declaration, KnownText>();

/** Records that `declaration` serialises to `text` while its `generators` are `generators` (a copy is kept). */
export function recordDeclarationText(declaration: Declaration, text: string, generators: readonly string[] = declaration.generators): void {
  known.set(declaration, { text, generators: [...generators] });
}

/**
 * The text recorded for `from`, given to `to` (a copy of it with its own `generators` array) when
 * their generators are the same as when the text was written; true when it was.
 */
export function carryDeclarationText(from: Declaration, to: Declaration): boolean {
  const text = known.get(from);
  if (!text || !sameList(text.generators, to.generators)) return false;
  known.set(to, text);
  return true;
}

/** The text recorded for `declaration`, if any (tests compare it with `JSON.stringify`). */
export function knownDeclarationText(declaration: Declaration): string | undefined {
  return known.get(declaration)?.text;
}

/** `JSON.stringify(declaration)`, from the analyzer's record when it has one. */
export function declarationText(declaration: Declaration): string {
  return known.get(declaration)?.text ?? JSON.stringify(declaration);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index += 1) if (a[index] !== b[index]) return false;
  return true;
}
