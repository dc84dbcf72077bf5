/**
 * What an unsupported type was (`UnknownType.unsupported`). Validators read it as `unknown`, but
 * a mock must build a value TypeScript accepts for it: `null` for `any`, a stub for a function.
 * Anything a value cannot be built for is `other`. Template literal types whose holes the model
 * can say (`` `wifi${number}` ``, `` `id-${Uppercase<string>}` ``) are supported: strings of their
 * form (`templateType`).
 */
import { ts, type Type } from 'ts-morph';
import type { StringMapping, StringType, TypeNode, UnsupportedForm } from '../../model/index.js';
import { nestedStringMappings } from './nested-mapping.js';

/** The form of an unsupported checker type, `text` being how it is written. */
export function unsupportedForm(type: Type, text: string, hintKey: string | undefined): UnsupportedForm {
  const flags = type.getFlags();
  if (hintKey === 'any' || hintKey === 'never') return { form: hintKey, text };
  if (flags & ts.TypeFlags.ESSymbol) return { form: 'symbol', text };
  if (flags & ts.TypeFlags.Void) return { form: 'void', text };
  // The global `Function` interface: its `apply`, `bind`… are every function's, so a stub is one.
  if (hintKey === 'Function') return { form: 'function', text };
  // A plain function type; a callable object with properties, or a constructor, needs more than a stub.
  if (hintKey === 'function' && type.getConstructSignatures().length === 0 && type.getProperties().length === 0) return { form: 'function', text };
  return { form: 'other', text };
}

/**
 * A template literal type as a string of its form (`` `wifi${number}` ``), or undefined when a
 * hole is a type the model cannot say (`${T}`): that one stays CG2004. A chain of mappings in a
 * hole (`` `x-${Lowercase<Uppercase<string>>}` ``) is a `string` node with `mapping` and
 * `innerMappings`, as in a property (nested-mapping.ts); its caller reports CG2025 for the schema. TypeScript distributes unions over holes (`` `a${'x' | 'y'}` `` is `"ax" | "ay"`, and
 * `${boolean}` is `"false" | "true"`) and folds a mapping of a template into its texts and holes
 * (`` Uppercase<`a${string}`> `` is `` `A${Uppercase<string>}` ``), so the holes left are `string`,
 * `number`, `bigint` and an intrinsic mapping of `string` (a `string` node with `mapping`).
 */
export function templateType(type: Type): StringType | undefined {
  const template = type.compilerType as ts.TemplateLiteralType;
  const holes: TypeNode[] = [];
  for (const hole of template.types) {
    const mapping = holeMapping(hole);
    const chain = mapping ? undefined : nestedStringMappings(hole);
    const node: TypeNode | undefined = mapping
      ? { kind: 'string', mapping }
      : chain
        ? { kind: 'string', mapping: chain[0]!, innerMappings: chain.slice(1), brand: true }
        : holeType(hole);
    if (!node) return undefined;
    holes.push(node);
  }
  return { kind: 'string', template: { texts: [...template.texts], holes } };
}

const MAPPINGS = new Set(['Uppercase', 'Lowercase', 'Capitalize', 'Uncapitalize']);

/** `Lowercase<string>` as a hole: its mapping (pattern-index.ts reads a key the same way; not imported, which would make the modules import each other). */
function holeMapping(hole: ts.Type): StringMapping | undefined {
  if (!(hole.flags & ts.TypeFlags.StringMapping)) return undefined;
  const mapping = hole.symbol?.getName();
  return mapping && MAPPINGS.has(mapping) && (hole as ts.StringMappingType).type.flags & ts.TypeFlags.String ? (mapping as StringMapping) : undefined;
}

/** A hole's type when it is a primitive or a union of literals (`${number}`, `${'a' | 'b'}`). */
function holeType(hole: ts.Type): TypeNode | undefined {
  const flags = hole.flags;
  if (flags & ts.TypeFlags.String) return { kind: 'string' };
  if (flags & ts.TypeFlags.Number) return { kind: 'number' };
  if (flags & ts.TypeFlags.BigInt) return { kind: 'bigint' };
  if (flags & ts.TypeFlags.Boolean) return { kind: 'boolean' };
  if (flags & ts.TypeFlags.StringLiteral) return { kind: 'literal', value: (hole as ts.StringLiteralType).value };
  if (flags & ts.TypeFlags.NumberLiteral) return { kind: 'literal', value: (hole as ts.NumberLiteralType).value };
  if (flags & ts.TypeFlags.BooleanLiteral) return { kind: 'literal', value: (hole as { intrinsicName?: string }).intrinsicName === 'true' };
  if (flags & ts.TypeFlags.Union) {
    const members = (hole as ts.UnionType).types.map(holeType);
    if (members.some((member) => member === undefined || member.kind !== 'literal')) return undefined;
    return { kind: 'union', members: members as TypeNode[] };
  }
  return undefined;
}
