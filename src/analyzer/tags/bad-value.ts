/**
 * The message of a tag whose text is not a value it takes. A tag written with no text at all
 * (`@generated` alone) says it needs one, rather than quoting the empty text (`got ''`, which
 * reads like a parsing fault; tester s12 T7f).
 */

/** `a`, `a or b`, `a, b or c`. */
export function orList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

/**
 * `Bad value for @tag on path: expected …, got 'text'.`, or `@tag on path needs a value: ….`
 * when `text` is empty. `expected` is what the tag takes (`one of increment, uuid or now`,
 * `an HTTP status code`), without a final full stop.
 */
export function badTagValue(tag: string, on: string, expected: string, text: string): string {
  if (text.trim() === '') return tagNeedsValue(tag, on, expected);
  return `Bad value for @${tag} on ${on}: expected ${expected}, got '${text}'.`;
}

/** `@tag on path needs a value: ….`: the message of a tag written without the value it takes. */
export function tagNeedsValue(tag: string, on: string, expected: string): string {
  return `@${tag} on ${on} needs a value: ${expected.replace(/^one of /, '')}.`;
}
