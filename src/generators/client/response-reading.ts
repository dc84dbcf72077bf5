/**
 * How a client reads a success body that is not JSON-labelled: what its declared type allows.
 * NestJS on Express (its default platform) answers `5` and `false` as `text/html` text and `null`
 * as an empty body (tester s9 T4); read as they come, `count(): Promise<number>` resolved to the
 * string "5". So a text body of a type no JSON string belongs to is parsed as JSON, and an empty
 * body is `null` for a type with `null` but no `undefined`, and refused for a type with neither.
 * NestJS sends `''` as an empty `text/html` body, and `null` never as text (recheck s9 R2): so for a
 * type that admits every string, an empty `text/*` body is `''` and the text `null` is "null".
 */
import type { TypeNode } from '../../model/types.js';
import type { DeclarationIndex } from '../kit/declaration-index.js';
import { holdsUndefined } from '../kit/unions.js';

export interface ResponseReading {
  /**
   * The method returns `void` (or `undefined`): whatever success body comes is read and dropped,
   * the call resolves to `undefined` (a server answering 200 `{"ok":true}` does not make it an object).
   */
  discard?: true;
  /** What an empty body reads as; absent: none, an empty body is refused (`ResponseValidationError`). */
  empty?: 'undefined' | 'null';
  /**
   * A text body (not labelled JSON): `string`, it is the value (the type's values all travel as
   * JSON strings, or it is `unknown`); `any`, the JSON it parses to when that is not a string,
   * else the text (`'open' | 404`: NestJS sends both as text); absent, it must parse as JSON.
   */
  text?: 'string' | 'any';
  /**
   * The type admits every string (`string`, a branded string, `unknown`): an empty body labelled
   * `text/*` is `''`, and a text body `null` is the string "null", not `null`.
   */
  strings?: true;
}

/** The reading of a response whose declared type is `node` (`undefined`: `void`). */
export function responseReading(node: TypeNode | undefined, index: DeclarationIndex): ResponseReading {
  if (node === undefined) return { empty: 'undefined', text: 'string', discard: true };
  const reading: ResponseReading = {};
  const found = forms(node, index, 0);
  if (found.unknown || (found.string && !found.other)) reading.text = 'string';
  else if (found.string) reading.text = 'any';
  if (admitsStrings(node, index, 0)) reading.strings = true;
  if (holdsUndefined(node, index) || found.unknown) reading.empty = 'undefined';
  else if (holds(node, 'null', index, 0)) reading.empty = 'null';
  return reading;
}

/** Whether `node` or a member of it (references followed) is of `kind`. */
function holds(node: TypeNode, kind: 'null', index: DeclarationIndex, depth: number): boolean {
  if (node.kind === kind) return true;
  if (node.kind === 'union') return node.members.some((member) => holds(member, kind, index, depth));
  if (node.kind !== 'ref' || depth >= 32) return false;
  const declaration = index.find(node.id);
  return declaration !== undefined && holds(declaration.type, kind, index, depth + 1);
}

/** Whether every string is a value of `node` (references followed): `string`, `string & { brand }`, `unknown`. */
function admitsStrings(node: TypeNode, index: DeclarationIndex, depth: number): boolean {
  if (depth >= 32) return false;
  switch (node.kind) {
    case 'string':
    case 'unknown':
      return true;
    case 'union':
    case 'intersection':
      return node.members.some((member) => admitsStrings(member, index, depth + 1));
    case 'ref': {
      const declaration = index.find(node.id);
      return declaration !== undefined && admitsStrings(declaration.type, index, depth + 1);
    }
    default:
      return false;
  }
}

interface Forms {
  /** Some value travels as a JSON string: strings and their literals, `Date`s and `bigint`s (their wire forms), a string enum member, an object whose `toJSON()` returns one. */
  string: boolean;
  /** Some value travels as another JSON value. */
  other: boolean;
  /** `unknown` is among the values: anything may come. */
  unknown: boolean;
}

/** The JSON forms the values of `node` take (references followed; a deep or missing one counts as `unknown`). */
function forms(node: TypeNode, index: DeclarationIndex, depth: number): Forms {
  const only = (kind: 'string' | 'other' | 'unknown'): Forms => ({ string: kind === 'string', other: kind === 'other', unknown: kind === 'unknown' });
  if (depth >= 32) return only('unknown');
  switch (node.kind) {
    case 'string':
    case 'date':
    case 'bigint':
      return only('string');
    case 'unknown':
      return only('unknown');
    case 'literal':
      return only(typeof node.value === 'string' ? 'string' : 'other');
    case 'enum':
      return { string: node.members.some((member) => typeof member.value === 'string'), other: node.members.some((member) => typeof member.value !== 'string'), unknown: false };
    case 'union':
      return node.members.map((member) => forms(member, index, depth + 1)).reduce(
        (all, one) => ({ string: all.string || one.string, other: all.other || one.other, unknown: all.unknown || one.unknown }),
        { string: false, other: false, unknown: false },
      );
    case 'intersection':
      // `string & { brand }` is a string: the primitive member decides.
      return node.members.some((member) => forms(member, index, depth + 1).string) ? only('string') : only('other');
    case 'object':
      // `toJSON(): this` refers back to the declaration: its fields, an object.
    {
      const json = node.behaviour?.json;
      if (json === undefined || (json.kind === 'ref' && index.find(json.id)?.type === node)) return only('other');
      return forms(json, index, depth + 1);
    }
    case 'ref': {
      const declaration = index.find(node.id);
      return declaration === undefined ? only('unknown') : forms(declaration.type, index, depth + 1);
    }
    default:
      return only('other');
  }
}
