/**
 * Safe emission of user-controlled text into generated TypeScript: property names, strings,
 * doc comments and regular expressions always come out as correct code, never as injected code.
 */
import type { Docs, RegexSource } from '../../model/types.js';
import { patternFlags, readPattern } from '../../model/pattern.js';
import { parsesAlike } from '../../model/non-unicode-pattern.js';
import { isIdentifier, pascalCase } from '../../model/naming.js';

/** A string literal for any text (`"a \"b\""`); JSON escapes quotes, backslashes and line breaks. */
export function stringLiteral(value: string): string {
  // U+2028/2029 are legal in JSON strings and in ES2019+ strings; escape them for older tools.
  return JSON.stringify(value).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** A literal value (string, number or boolean) as code. */
export function literalCode(value: string | number | boolean): string {
  if (typeof value === 'string') return stringLiteral(value);
  if (typeof value === 'number' && Object.is(value, -0)) return '-0';
  return String(value);
}

/** `obj.name` for identifiers, `obj["content-type"]` otherwise. */
export function propertyAccess(objectExpression: string, name: string): string {
  return isIdentifier(name) ? `${objectExpression}.${name}` : `${objectExpression}[${stringLiteral(name)}]`;
}

/** A property key for object literals, `case` labels aside: `name` or `"content-type"`. */
export function propertyKey(name: string): string {
  return isIdentifier(name) ? name : stringLiteral(name);
}

/**
 * A property key for an object literal *expression*: `__proto__` is written computed
 * (`["__proto__"]`), since `{ __proto__: x }` and `{ "__proto__": x }` set the literal's prototype
 * instead of defining a property (ECMA-262, PropertyDefinitionEvaluation, "__proto__ Property Names
 * in Object Initializers"). Type literals and destructuring patterns take `propertyKey`.
 */
export function objectLiteralKey(name: string): string {
  return name === '__proto__' ? '["__proto__"]' : propertyKey(name);
}

/** Escapes one JSON Pointer segment (`~` → `~0`, `/` → `~1`), RFC 6901. */
export function pointerSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * A pattern's RegExp under the one reading (`model/pattern.ts`: `u` always, `g`/`y`/`d` dropped),
 * as a literal. The engine's own `source` escapes `/` and line breaks, so the literal always
 * parses back to the same pattern. With `v`, which TypeScript accepts in a literal only when
 * targeting ES2024, and for a pattern this Node cannot compile (a hand-built model), it is
 * `new RegExp("…", "…")`: the generated code still compiles, and fails where the user sees it.
 */
export function regexLiteral(regex: RegexSource): string {
  const flags = patternFlags(regex.flags, regex.asWritten);
  try {
    const compiled = new RegExp(regex.source, flags);
    if (!flags.includes('v') && literalSyntax(regex, flags)) return `/${compiled.source}/${compiled.flags}`;
  } catch {
    // emitted as a constructor call below
  }
  return `new RegExp(${stringLiteral(regex.source)}, ${stringLiteral(flags)})`;
}

/**
 * A regex without `u` as a literal only where its syntax reads alike in Unicode mode: TypeScript
 * refuses literals such as `/^\u{41}$/` (41 `u`s without `u`), valid JavaScript all the same.
 */
function literalSyntax(regex: RegexSource, flags: string): boolean {
  if (/[uv]/.test(flags)) return true;
  const read = readPattern(regex);
  return 'reading' in read && read.reading.ast !== undefined && parsesAlike(read.reading.ast, regex.source);
}

/** Text safe inside a block comment: `*\/` cannot close it. */
export function commentText(text: string): string {
  return text.replace(/\*\//g, '*\\/');
}

/** A JSDoc block for the docs (description, `@deprecated`), extra lines appended; empty when there is nothing to say. */
export function docComment(docs: Docs, extraLines: readonly string[] = []): string {
  const lines: string[] = [];
  if (docs.description) lines.push(...docs.description.split(/\r?\n/));
  if (docs.deprecated !== undefined) {
    lines.push(docs.deprecated === true ? '@deprecated' : `@deprecated ${docs.deprecated}`.replace(/\r?\n/g, ' '));
  }
  lines.push(...extraLines);
  if (lines.length === 0) return '';
  if (lines.length === 1) return `/** ${commentText(lines[0]!)} */`;
  return ['/**', ...lines.map((line) => (line ? ` * ${commentText(line)}` : ' *')), ' */'].join('\n');
}

/** A PascalCase identifier fragment for any text (`content-type` → `ContentType`), `fallback` when none is left. */
export function identifierPart(text: string, fallback: string): string {
  // Words keep any script's letters and digits; an identifier takes only ID_Continue ones (not `²`).
  const part = pascalCase(text).replace(/[^\p{ID_Continue}]/gu, '');
  if (part === '') return fallback;
  return /^\p{ID_Start}/u.test(part) ? part : `_${part}`;
}

/** Hands out unique identifiers within one generated file: `name`, then `name2`, `name3`… */
export class NameAllocator {
  private readonly taken = new Set<string>();

  /** Marks names as used (declarations' own public names). */
  reserve(...names: string[]): void {
    for (const name of names) this.taken.add(name);
  }

  /** A fresh identifier based on `base`. */
  allocate(base: string): string {
    let name = base;
    for (let suffix = 2; this.taken.has(name); suffix += 1) name = `${base}${suffix}`;
    this.taken.add(name);
    return name;
  }
}
