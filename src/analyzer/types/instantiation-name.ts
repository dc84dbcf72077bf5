/**
 * Names of generic instantiations. A use site `Page<Order>` becomes the declaration
 * `Page_Order`: the generic's name, then each type argument's name, joined by `_`.
 *
 * Argument names: a reference is its declaration's name (`Order`, or `Page_Order` when nested,
 * so `Page<Page<Order>>` is `Page_Page_Order`); a primitive is its keyword (`string`,
 * `number`, `boolean`, `bigint`, `null`, `undefined`, `unknown`, `Date`); an array appends
 * `Array` (`Page<Order[]>` → `Page_OrderArray`); a literal is its value made an identifier
 * (`'draft'` → `draft`, `42` → `42`); a union joins its members with `Or`
 * (`Result<string | null, ApiError>` → `Result_stringOrnull_ApiError`); a record is
 * `RecordOf<value>`, a tuple `TupleOf<elements joined by And>`, an inline object `ObjectWith<its
 * keys joined by And>` (`Box<{ x: string }>` → `Box_ObjectWithx`; `{}` is `Object`).
 * An argument written as an inlined alias is named by it (`Box<Code>` → `Box_Code`, `Box<Code[]>`
 * → `Box_CodeArray`): its constraints differ from `Box<string>`'s, so its declaration must too.
 * Names are not unique by themselves (`Box<'a-b'>` and `Box<'ab'>`, `Box<{ x: string }>` and
 * `Box<{ x: number }>`): the declaration table numbers the later ones (`Box_ObjectWithx_2`).
 */
import type { TypeNode } from '../../model/index.js';

/** `Page_Order` for the generic `Page` used with `[ref Order]`. */
export function instantiationName(generic: string, typeArguments: readonly TypeNode[], written: readonly (string | undefined)[] = []): string {
  return [generic, ...typeArguments.map((argument, index) => written[index] ?? argumentName(argument))].join('_');
}

function argumentName(node: TypeNode): string {
  switch (node.kind) {
    case 'ref':
      return node.id;
    case 'literal':
      return identifier(String(node.value)) || 'empty';
    case 'array':
      return `${argumentName(node.items)}Array`;
    case 'tuple':
      return `TupleOf${node.elements.map((element) => argumentName(element.type)).join('And')}`;
    case 'record':
      return `RecordOf${argumentName(node.value)}`;
    case 'union':
      return node.members.map(argumentName).join('Or');
    case 'intersection':
      return node.members.map(argumentName).join('And');
    case 'date':
      return 'Date';
    case 'object':
      return node.properties.length > 0 ? `ObjectWith${node.properties.map((property) => identifier(property.name)).join('And')}` : 'Object';
    case 'enum':
      return 'Enum';
    default:
      return node.kind;
  }
}

function identifier(text: string): string {
  return text.replace(/[^A-Za-z0-9]+/g, '');
}
