/**
 * The scans of the original text Prettier's printer makes (its `isNextLineEmpty` and `hasNewline`),
 * for text without comments in the places scanned (comments make the piece unsupported).
 */

function skip(text: string, index: number, chars: string): number {
  while (index < text.length && chars.includes(text[index]!)) index += 1;
  return index;
}

/** After `index`, past spaces and tabs, whether a line break follows. */
export function hasNewline(text: string, index: number): boolean {
  const at = skip(text, index, ' \t');
  return text[at] === '\n' || text[at] === '\r';
}

/** Whether the line after the one `index` is on is empty (Prettier's `isNextLineEmpty` after a node's end). */
export function isNextLineEmpty(text: string, index: number): boolean {
  let at = skip(text, index, ',; \t');
  if (text.startsWith('\r\n', at)) at += 2;
  else if (text[at] === '\n' || text[at] === '\r') at += 1;
  else return false;
  return hasNewline(text, at);
}
