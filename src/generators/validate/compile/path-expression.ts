/**
 * JSON Pointer paths as code. A path is kept as parts and turned into a concatenation only
 * where an issue is reported, so valid data never builds a path string.
 */
import { pointerSegment, stringLiteral } from '../../kit/emit.js';

/** Literal text, or code (given lazily when it names a helper: importing it only if a report uses it). */
export type PathPart = { text: string } | { code: string | (() => string) };

/** A path expression: starts from the `path` parameter of a collect function. */
export type PathExpression = readonly PathPart[];

export const ROOT_PATH: PathExpression = [{ code: 'path' }];

/** The path of a named property (escaped for JSON Pointer at generation time). */
export function appendProperty(path: PathExpression, name: string): PathExpression {
  return [...path, { text: `/${pointerSegment(name)}` }];
}

/** The path of an element whose key or index is only known at run time (`code` yields it). */
export function appendDynamic(path: PathExpression, code: string | (() => string)): PathExpression {
  return [...path, { text: '/' }, { code }];
}

/** The code building the path: `path + "/items/" + i`. */
export function pathCode(path: PathExpression): string {
  const merged: PathPart[] = [];
  for (const part of path) {
    const last = merged[merged.length - 1];
    if ('text' in part && last && 'text' in last) merged[merged.length - 1] = { text: last.text + part.text };
    else merged.push(part);
  }
  return merged
    .map((part) => ('text' in part ? stringLiteral(part.text) : typeof part.code === 'string' ? part.code : part.code()))
    .join(' + ');
}
