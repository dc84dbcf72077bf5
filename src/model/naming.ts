/** Naming helpers shared by the analyzer, generators and templates. Pure string functions. */

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

const IRREGULAR_PLURALS: Record<string, string> = {
  person: 'people',
  child: 'children',
  man: 'men',
  woman: 'women',
  mouse: 'mice',
  goose: 'geese',
  tooth: 'teeth',
  foot: 'feet',
};

const UNCOUNTABLE = new Set(['data', 'information', 'equipment', 'news', 'series', 'species', 'metadata']);

/** English plural of the last word: `category` → `categories`, `address` → `addresses`. */
export function plural(word: string): string {
  const lower = word.toLowerCase();
  if (UNCOUNTABLE.has(lower)) return word;
  const irregular = IRREGULAR_PLURALS[lower];
  if (irregular) return matchCase(irregular, word);
  if (/[^aeiou]y$/i.test(word)) return word.slice(0, -1) + 'ies';
  if (/(s|x|z|ch|sh)$/i.test(word)) return word + 'es';
  return word + 's';
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
