/**
 * NestJS route syntax → an OpenAPI path template. NestJS 11 routes with path-to-regexp 8
 * (`*name` wildcards, `{…}` optional groups, `\\` escapes); older versions with path-to-regexp
 * 0.1–6 (`:id?` optional, `:id(\\d+)` patterns, `:path*` / `:path+` / `(.*)` / `*` wildcards).
 * Both are read, since the version is not visible from the source:
 * - `:id` → `{id}`; `:id(\\d+)` → `{id}` with the pattern kept for the parameter's schema;
 * - a wildcard (`*name`, `:name+`, `:name(.*)`) → `{name}` whose value spans segments; an
 *   unnamed one (`*`, `(.*)`) is named `path`, as NestJS 11 renames it;
 * - an optional part (`{/:id}`, `:id?`, `{*path}`, `:path*`) is written as present: OpenAPI has
 *   no optional path parameter, so the caller warns;
 * - anything else regex-like (`ab?cd`, `ab+cd`, `(\\d+)` unnamed, `[x]`) cannot be a template.
 */

export interface RouteSyntax {
  /** The template (`/files/{path}`), not yet normalised. */
  path: string;
  /** Placeholders whose value spans path segments. */
  wildcards: Wildcard[];
  /** Placeholder → the regex its value must match (`\d+`), from `:id(\\d+)`. */
  patterns: Record<string, string>;
  /** Optional parts as written (`{/:id}`, `:id?`), documented as present. */
  optional: string[];
  /** What no template can express, as written; the route is unusable when set. */
  unexpressible?: string;
}

export interface Wildcard {
  name: string;
  /** As written (`*path`, `(.*)`, `ab*cd`), for messages. */
  written: string;
  /** Written without a name (`*`, `(.*)`): named `path` here. */
  unnamed: boolean;
  /** Preceded by text in its segment (`ab*cd`): a pattern in NestJS ≤ 10, a wildcard named `cd` in 11. */
  midSegment: boolean;
}

/** The placeholder name NestJS 11 gives an unnamed wildcard. */
export const UNNAMED_WILDCARD = 'path';

const NAME = /^[A-Za-z_$][\w$]*/;
const REGEX_LIKE = new Set(['?', '+', ')', '[', ']', '!', '}']);

/** Translates a route written in NestJS syntax; a plain path passes through unchanged. */
export function translateNestRoute(written: string): RouteSyntax {
  const syntax: RouteSyntax = { path: '', wildcards: [], patterns: {}, optional: [] };
  const end = readPart(written, 0, syntax, false);
  if (end < written.length && !syntax.unexpressible) syntax.unexpressible = written.slice(end);
  return syntax;
}

/** Reads from `start` until the end (or the `}` closing a group); returns where it stopped. */
function readPart(text: string, start: number, syntax: RouteSyntax, inGroup: boolean): number {
  let i = start;
  while (i < text.length && !syntax.unexpressible) {
    const c = text[i]!;
    if (c === '}' && inGroup) return i;
    if (c === '\\') {
      syntax.path += text[i + 1] ?? '';
      i += 2;
    } else if (c === ':') i = readParameter(text, i, syntax);
    else if (c === '*') i = readStar(text, i, syntax);
    else if (c === '(') i = readUnnamedGroup(text, i, syntax);
    else if (c === '{') i = readOptionalGroup(text, i, syntax);
    else if (REGEX_LIKE.has(c)) syntax.unexpressible = partAround(text, i);
    else {
      syntax.path += c;
      i += 1;
    }
  }
  return i;
}

/** `:id`, `:id(\\d+)`, `:id?`, `:path*`, `:path+`, `:path(.*)`. */
function readParameter(text: string, at: number, syntax: RouteSyntax): number {
  const name = NAME.exec(text.slice(at + 1))?.[0];
  if (!name) {
    syntax.unexpressible = partAround(text, at);
    return at;
  }
  let i = at + 1 + name.length;
  let pattern: string | undefined;
  if (text[i] === '(') {
    const close = closingParenthesis(text, i);
    if (close < 0) {
      syntax.unexpressible = text.slice(at);
      return text.length;
    }
    pattern = text.slice(i + 1, close);
    i = close + 1;
  }
  const modifier = text[i] === '?' || text[i] === '*' || text[i] === '+' ? text[i] : undefined;
  if (modifier) i += 1;
  const written = text.slice(at, i);
  const spans = modifier === '*' || modifier === '+' || pattern === '.*';
  if (spans) syntax.wildcards.push({ name, written, unnamed: false, midSegment: false });
  else if (pattern !== undefined) syntax.patterns[name] = pattern;
  if (modifier === '?' || modifier === '*') syntax.optional.push(written);
  syntax.path += `{${name}}`;
  return i;
}

/** `*name` (path-to-regexp 8), or `*` alone (NestJS ≤ 10, Express 4): a wildcard; `ab*` is a pattern. */
function readStar(text: string, at: number, syntax: RouteSyntax): number {
  const name = NAME.exec(text.slice(at + 1))?.[0];
  const midSegment = syntax.path !== '' && !syntax.path.endsWith('/');
  if (!name && midSegment) {
    syntax.unexpressible = partAround(text, at);
    return at;
  }
  const written = midSegment ? partAround(text, at) : text.slice(at, at + 1 + (name?.length ?? 0));
  syntax.wildcards.push({ name: name ?? UNNAMED_WILDCARD, written, unnamed: !name, midSegment });
  syntax.path += `{${name ?? UNNAMED_WILDCARD}}`;
  return at + 1 + (name?.length ?? 0);
}

/** `(.*)` is an unnamed wildcard (path-to-regexp 6); any other unnamed group is a regex. */
function readUnnamedGroup(text: string, at: number, syntax: RouteSyntax): number {
  const close = closingParenthesis(text, at);
  if (close < 0 || text.slice(at + 1, close) !== '.*') {
    syntax.unexpressible = close < 0 ? text.slice(at) : text.slice(at, close + 1);
    return text.length;
  }
  syntax.wildcards.push({ name: UNNAMED_WILDCARD, written: '(.*)', unnamed: true, midSegment: false });
  syntax.path += `{${UNNAMED_WILDCARD}}`;
  return close + 1;
}

/** `{/:id}`, `{.:ext}`, `{*path}`: an optional group (path-to-regexp 8), written as present. */
function readOptionalGroup(text: string, at: number, syntax: RouteSyntax): number {
  const end = readPart(text, at + 1, syntax, true);
  if (syntax.unexpressible) return end;
  if (text[end] !== '}') {
    syntax.unexpressible = text.slice(at);
    return text.length;
  }
  syntax.optional.push(text.slice(at, end + 1));
  return end + 1;
}

/** The index of the `)` matching the `(` at `open`, or -1. */
function closingParenthesis(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i += 1) {
    if (text[i] === '\\') i += 1;
    else if (text[i] === '(') depth += 1;
    else if (text[i] === ')' && --depth === 0) return i;
  }
  return -1;
}

/** The segment holding `at`, for messages (`ab?cd`). */
function partAround(text: string, at: number): string {
  const start = text.lastIndexOf('/', at) + 1;
  const end = text.indexOf('/', at);
  return text.slice(start, end < 0 ? text.length : end);
}
