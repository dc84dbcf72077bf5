/**
 * The shape of a JSON column's property type for the reads (`ColumnMeta.shape` of
 * templates/sql/sql-types.ts): what the runtime checks a value another program stored against,
 * so that a `string[]` column holding `"hello"` or `[null]` is a `SqlBuilderError`, never a row of
 * another type (tester4 F1, F2). It is lenient wherever it cannot say exactly (an intersection, a
 * recursive reference, a template literal's form, constraints): `'any'`, so the check never refuses
 * a value TypeScript's type accepts.
 */
import type { TypeNode } from '../../model/types.js';
import type { DeclarationIndex } from '../kit/declaration-index.js';

/** The runtime's `JsonShape`, as plain data (emitted with `JSON.stringify`). */
export type JsonShape =
  | 'any'
  | 'string'
  | 'number'
  | 'boolean'
  | 'null'
  | { literal: Array<string | number | boolean> }
  | { list: JsonShape }
  | { tuple: JsonShape[]; required: number; rest?: JsonShape }
  | { object: Record<string, JsonShape>; optional?: string[] }
  | { record: JsonShape }
  | { anyOf: JsonShape[] };

/** The shape of `type` (a property's full type, `null` included when nullable), resolving references through `declarations`. */
export function jsonShape(type: TypeNode, declarations: DeclarationIndex, seen: ReadonlySet<string> = new Set()): JsonShape {
  const inner = (node: TypeNode): JsonShape => jsonShape(node, declarations, seen);
  switch (type.kind) {
    case 'string':
      return 'string';
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
    case 'literal':
      return { literal: [type.value] };
    case 'enum':
      return { literal: type.members.map((member) => member.value) };
    case 'array':
      return { list: inner(type.items) };
    case 'tuple': {
      // A fixed tail after a rest (`[...A[], B]`) is not told apart: any item past the head passes.
      if (type.trailing !== undefined && type.trailing.length > 0) return { list: 'any' };
      const required = type.elements.filter((element) => !element.optional).length;
      const shape: JsonShape = { tuple: type.elements.map((element) => inner(element.type)), required };
      return type.rest === undefined ? shape : { ...shape, rest: inner(type.rest) };
    }
    case 'record':
      return { record: inner(type.value) };
    case 'object': {
      const object: Record<string, JsonShape> = {};
      const optional: string[] = [];
      for (const property of type.properties) {
        object[property.name] = inner(property.type);
        if (property.optional) optional.push(property.name);
      }
      return optional.length > 0 ? { object, optional } : { object };
    }
    case 'union': {
      const members = type.members.map(inner);
      if (members.includes('any')) return 'any';
      const literals = members.filter((member): member is { literal: Array<string | number | boolean> } => typeof member === 'object' && 'literal' in member);
      const others = members.filter((member) => !(typeof member === 'object' && 'literal' in member));
      const merged: JsonShape[] = literals.length > 0 ? [{ literal: literals.flatMap((member) => member.literal) }, ...others] : others;
      return merged.length === 1 ? merged[0]! : { anyOf: merged };
    }
    case 'ref': {
      if (seen.has(type.id)) return 'any'; // recursive: checked down to where it recurs
      const declaration = declarations.find(type.id);
      return declaration === undefined ? 'any' : jsonShape(declaration.type, declarations, new Set([...seen, type.id]));
    }
    default:
      // intersection, unknown, date, bigint, undefined: JSON holds no Date or bigint (the inputs refuse them), the rest is not judged.
      return 'any';
  }
}
