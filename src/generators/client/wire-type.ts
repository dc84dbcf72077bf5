/**
 * The type of what a response carries. A server answers with `JSON.stringify` of the value its
 * method returns, and `JSON.stringify` writes a value with its own `toJSON()` as what that returns
 * (NestJS does so too): `getPrice(): Money`, with `toJSON(): MoneyJson`, answers a `MoneyJson`. So
 * the client types, revives and validates that answer as `MoneyJson`, as the OpenAPI document
 * describes it (the component `Money` is toJSON's schema). The analyzer accepts such a value only
 * where a result reaches it through unnamed structure (the result, arrays, tuples, unions, records,
 * object literal types, and the same inside toJSON's result; analyzer/services/serialisable.ts),
 * which are the positions this rewrites; a named type's fields keep their own types.
 */
import type { ObjectType, Property, TupleElement, TypeNode } from '../../model/types.js';
import type { DeclarationIndex } from '../kit/declaration-index.js';
import { classObject } from '../validate/compile/behaviour-checks.js';

/** `node` with each value that has its own toJSON() replaced by toJSON's result type (`node` itself when none). */
export function wireType(node: TypeNode, index: DeclarationIndex): TypeNode {
  return rewrite(node, index, false);
}

/** `result`: `node` is toJSON's result, whose own toJSON `JSON.stringify` does not call. */
function rewrite(node: TypeNode, index: DeclarationIndex, result: boolean): TypeNode {
  switch (node.kind) {
    case 'ref': {
      if (result) return node;
      const declaration = index.get(node.id);
      const object = classObject(declaration) ?? (declaration.type.kind === 'object' ? declaration.type : undefined);
      return object ? jsonOf(object, node, index) : node;
    }
    case 'object': {
      if (!result) {
        const json = jsonOf(node, node, index);
        if (json !== node) return json;
      }
      const properties = node.properties.map((property) => rewriteProperty(property, index));
      const additional = node.additionalProperties ? rewrite(node.additionalProperties, index, false) : undefined;
      const changed = properties.some((property, position) => property !== node.properties[position]) || additional !== node.additionalProperties;
      if (!changed) return node;
      const rewritten: ObjectType = { ...node, properties };
      if (additional) rewritten.additionalProperties = additional;
      return rewritten;
    }
    case 'array': {
      const items = rewrite(node.items, index, false);
      return items === node.items ? node : { ...node, items };
    }
    case 'record': {
      const value = rewrite(node.value, index, false);
      return value === node.value ? node : { ...node, value };
    }
    case 'tuple': {
      const rewriteAll = (elements: TupleElement[]): TupleElement[] =>
        elements.map((element) => {
          const type = rewrite(element.type, index, false);
          return type === element.type ? element : { ...element, type };
        });
      const elements = rewriteAll(node.elements);
      const trailing = node.trailing ? rewriteAll(node.trailing) : undefined;
      const rest = node.rest ? rewrite(node.rest, index, false) : undefined;
      const same = (now: TupleElement[] | undefined, before: TupleElement[] | undefined) => (now ?? []).every((element, position) => element === before?.[position]);
      if (same(elements, node.elements) && same(trailing, node.trailing) && rest === node.rest) return node;
      return { ...node, elements, ...(trailing ? { trailing } : {}), ...(rest ? { rest } : {}) };
    }
    case 'union': {
      const members = node.members.map((member) => rewrite(member, index, result));
      if (members.every((member, position) => member === node.members[position])) return node;
      // The tag was the members' fields': toJSON's results need not carry it.
      return { kind: 'union', members };
    }
    default:
      return node;
  }
}

function rewriteProperty(property: Property, index: DeclarationIndex): Property {
  const type = rewrite(property.type, index, false);
  return type === property.type ? property : { ...property, type };
}

/** toJSON's result for a value of `object` (written as `node`), rewritten inside; `node` when it has none or returns the value itself. */
function jsonOf(object: ObjectType, node: TypeNode, index: DeclarationIndex): TypeNode {
  const json = object.behaviour?.json;
  if (json === undefined || (json.kind === 'ref' && index.find(json.id)?.type === object)) return node;
  return rewrite(json, index, true);
}
