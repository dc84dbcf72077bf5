/** Import lists of generated files: one statement per module, in an order that never depends on discovery order. */

/** One import statement as templates print it: `import { names } from "from";`. */
export interface ImportView {
  /** The import list as written between the braces: `isUser, collectUserIssues`. */
  names: string;
  /** The module specifier escaped for between quotes, single or double (see `specifierText`). */
  from: string;
}

/**
 * Imports grouped by module, modules and names sorted, so output does not depend on discovery
 * order. `from` is given as the specifier itself and comes back escaped with `specifierText`.
 */
export function groupImports(entries: Iterable<{ name: string; from: string }>): ImportView[] {
  const byModule = new Map<string, Set<string>>();
  for (const { name, from } of entries) byModule.set(from, (byModule.get(from) ?? new Set()).add(name));
  return [...byModule.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([from, names]) => ({ from: specifierText(from), names: [...names].sort().join(', ') }));
}

/**
 * How an import list names a user's type: `Receipt`, or `default as Receipt` when its module
 * exports it under another name (`export default interface Receipt`, `export { X as Y }`), so
 * generated code keeps calling it by its own name.
 */
export function importedName(reference: { name: string; imported?: string }): string {
  return reference.imported === undefined || reference.imported === reference.name ? reference.name : `${reference.imported} as ${reference.name}`;
}

const ESCAPES: Record<string, string> = { '\\': '\\\\', '"': '\\"', "'": "\\'", '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * A module specifier as the text between the quotes of a string literal, for templates that write
 * `from "{{from}}"` or `from '{{from}}'`: backslashes, both quotes, line breaks (U+2028/2029
 * included) and other control characters are escaped, so a source named `q"x.ts` or with a
 * newline in its name can never end the string early. Invisible format characters (bidi
 * overrides U+202A–202E and U+2066–2069, zero-width U+200B–200F…, Unicode's `Cf`) are escaped too,
 * so a name cannot make the code read differently from what it does ("Trojan Source"). The
 * literal's value is the specifier.
 */
export function specifierText(specifier: string): string {
  return specifier.replace(/[\\"'\p{Cc}\p{Cf}\u2028\u2029]/gu, (char) => ESCAPES[char] ?? unicodeEscape(char));
}

/** `\u202e`, or `\u{e0001}` beyond the 16-bit range: valid in a JavaScript string literal. */
function unicodeEscape(char: string): string {
  const code = char.codePointAt(0)!;
  return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, '0')}`;
}
