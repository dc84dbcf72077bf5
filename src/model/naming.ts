/** Naming helpers shared by the analyzer, generators and templates. Pure string functions. */
import pluralize from 'pluralize';

/**
 * Splits `OrderItem`, `order_item`, `orderItem`, `order-item`, `HTTPServer2`, `ÜberName` into
 * lower-case words. Letters and digits are Unicode's (`\p{L}`, `\p{N}`, with combining marks
 * `\p{M}` kept in their word), and case boundaries are `\p{Ll}`/`\p{Lu}`, so `ünïcödé` stays one
 * word and names in any script keep their letters (ASCII names split exactly as before).
 */
export function words(name: string): string[] {
  return name
    .replace(/([\p{Ll}\p{N}][\p{M}]*)(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu}[\p{M}]*)(?=\p{Lu}[\p{M}]*\p{Ll})/gu, '$1 ')
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .map((word) => word.toLowerCase());
}

/** `OrderItem` → `order-item`. */
export function kebabCase(name: string): string {
  return words(name).join('-');
}

/** `OrderItem` → `order_item`. */
export function snakeCase(name: string): string {
  return words(name).join('_');
}

/** `order_item` → `OrderItem`. */
export function pascalCase(name: string): string {
  return words(name)
    .map((word) => capitalize(word))
    .join('');
}

/** `order_item` → `orderItem`. */
export function camelCase(name: string): string {
  const pascal = pascalCase(name);
  const first = [...pascal][0] ?? '';
  return first.toLowerCase() + pascal.slice(first.length);
}

/** The first character (a whole code point) upper-cased. */
function capitalize(word: string): string {
  const first = [...word][0] ?? '';
  return first.toUpperCase() + word.slice(first.length);
}

/**
 * Where pluralize's rules give a plural English does not use (its Latin `-us` → `-i` rule, a
 * `-s` word it takes as uncountable); checked first, by the lower-cased word.
 */
const PLURAL_CORRECTIONS: Readonly<Record<string, string>> = {
  virus: 'viruses',
  canvas: 'canvases',
  lens: 'lenses',
  bias: 'biases',
};

/**
 * English plural of a word, by the `pluralize` package's rules (irregulars, uncountables, `-f`/
 * `-fe` → `-ves`, `-o` → `-oes`, Latin and Greek endings): `category` → `categories`, `shelf` →
 * `shelves`, `person` → `people`, `analysis` → `analyses`, `sheep` → `sheep`. A word already
 * plural stays as it is (`users`). The case of the word's first letter is kept.
 */
export function plural(word: string): string {
  const corrected = PLURAL_CORRECTIONS[word.toLowerCase()];
  if (corrected !== undefined) return matchCase(corrected, word);
  // pluralize keeps any word ending in a non-ASCII letter as it is (for scripts without plurals):
  // an accented Latin ending takes English's `s` (`café` → `cafés`).
  if (/[^\u0000-\u007F]$/u.test(word) && /\p{Script=Latin}$/u.test(word)) return `${word}s`;
  return pluralize.plural(word);
}

function matchCase(target: string, model: string): string {
  return model.charAt(0) === model.charAt(0).toUpperCase() ? target.charAt(0).toUpperCase() + target.slice(1) : target;
}

/** Table name for a type: snake_case plural (`OrderItem` → `order_items`). */
export function tableName(typeName: string): string {
  const parts = words(typeName);
  const last = parts.pop();
  if (last === undefined) return '';
  return [...parts, plural(last)].join('_');
}

const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for ' +
    'function if import in instanceof new null return super switch this throw true try typeof var void while with ' +
    'yield let static implements interface package private protected public await'
  ).split(' '),
);

/** Whether `name` can be written as a bare property name or identifier in generated code. */
export function isIdentifier(name: string): boolean {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) && !RESERVED.has(name);
}
