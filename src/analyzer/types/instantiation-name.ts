/**
 * Names of generic instantiations. A use site `Page<Order>` becomes the declaration
 * `Page_Order`: the generic's name, then each type argument's name, joined by `_`.
 *
 * Argument names: a reference is its declaration's name (`Order`, or `Page_Order` when nested,
 * so `Page<Page<Order>>` is `Page_Page_Order`); a primitive is its keyword (`string`,
 * `number`, `boolean`, `bigint`, `null`, `undefined`, `unknown`, `Date`); an array appends
 * `Array` (`Page<Order[]>` → `Page_OrderArray`); a literal is its value made an identifier
 * (`'draft'` → `draft`, `42` → `42`); a union joins its members with `Or`
 * (`Result<string | null, ApiError>` → `Result_stringOrNull_ApiError`); a record is
 * `RecordOf<value>`, a tuple `TupleOf<elements joined by And>`, an inline object `ObjectWith<its
 * keys joined by And>` (`Box<{ x: string }>` → `Box_ObjectWithX`; `{}` is `Object`). Each name
 * after `Or`, `And`, `Of` or `With` starts with a capital (`TupleOfStringAndNumber`). What the
 * model cannot represent is named by what it is: `Function`, `Constructor`, `MapOf…`, `SetOf…`,
 * a platform class's name (`URL`), else `unknown`.
 * An argument written as an inlined alias is named by it (`Box<Code>` → `Box_Code`, `Box<Code[]>`
 * → `Box_CodeArray`): its constraints differ from `Box<string>`'s, so its declaration must too.
 * Names are not unique by themselves (`Box<'a-b'>` and `Box<'ab'>`, `Box<{ x: string }>` and
 * `Box<{ x: number }>`): the declaration table numbers the later ones (`Box_ObjectWithX_2`).
 */
import type { TypeNode, UnsupportedForm } from '../../model/index.js';

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
      return `TupleOf${capitalized(joinNames(node.elements.map((element) => argumentName(element.type)), 'And'))}`;
    case 'record':
      return `RecordOf${capitalized(argumentName(node.value))}`;
    case 'union':
      return joinNames(node.members.map(argumentName), 'Or');
    case 'intersection':
      return joinNames(node.members.map(argumentName), 'And');
    case 'date':
      return 'Date';
    case 'object':
      return node.properties.length > 0 ? `ObjectWith${capitalized(joinNames(node.properties.map((property) => identifier(property.name)), 'And'))}` : 'Object';
    case 'enum':
      return 'Enum';
    case 'unknown':
      return node.unsupported ? unsupportedName(node.unsupported) : 'unknown';
    default:
      return node.kind;
  }
}

/**
 * What an argument the model cannot represent is (`Fn<(a: string) => number>` → `Fn_Function`,
 * `Box<Map<string, Order>>` → `Box_MapOfStringAndOrder`): every such argument was `unknown`, which
 * named `Fn<(() => A) | (() => B)>` `Fn_unknownOrunknown`.
 */
function unsupportedName(form: UnsupportedForm): string {
  switch (form.form) {
    case 'function':
      return 'Function';
    case 'map':
      return `MapOf${capitalized(joinNames([argumentName(form.key), argumentName(form.value)], 'And'))}`;
    case 'set':
      return `SetOf${capitalized(argumentName(form.items))}`;
    case 'instance':
      return identifier(form.global) || 'unknown';
    case 'other':
      return /^(abstract\s+)?new\b/.test(form.text.trim()) ? 'Constructor' : 'unknown';
    case 'any':
    case 'void':
    case 'symbol':
    case 'never':
      return form.form;
    default:
      return 'unknown';
  }
}

/**
 * Names joined into one (`stringOrNull`, `Min3AndStartsA`): each after the first starts with a
 * capital, so the joiner and the names stay apart to the eye (`stringOrnull` read as one word).
 */
export function joinNames(names: readonly string[], joiner: 'Or' | 'And'): string {
  return names.map((name, index) => (index === 0 ? name : capitalized(name))).join(joiner);
}

function capitalized(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function identifier(text: string): string {
  return text.replace(/[^A-Za-z0-9]+/g, '');
}
