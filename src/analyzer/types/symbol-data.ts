/**
 * A data member keyed by a well-known symbol (`[Symbol.toStringTag]: string`, `readonly
 * [Symbol.toStringTag]: 'Money'`): no JSON holds it, but any value has the global `Symbol`, so
 * generated code can read the key and check it, as TypeScript does. Read when its type is a
 * primitive, a literal or a union of them (what a `typeof` or `===` tells); anything else, and a
 * `unique symbol` key (`[tag]: string`, a const generated code does not import), stays CG2004 and
 * unchecked (symbol-keys.ts).
 */
import { Node, ts, type Symbol as TsSymbol, type Type } from 'ts-morph';
import type { TypeNode } from '../../model/index.js';
import { wellKnownSymbolOf } from '../symbol-keys.js';

/** `{ symbol, type }` for a checkable well-known-symbol data member, else undefined. */
export function symbolData(symbol: TsSymbol): { symbol: string; type: TypeNode } | undefined {
  const node = symbol.getDeclarations()[0];
  // A class's `get [Symbol.toStringTag]()` too: its instances have it on the prototype.
  if (!node || !(Node.isPropertySignature(node) || Node.isPropertyDeclaration(node) || Node.isGetAccessorDeclaration(node))) return undefined;
  const wellKnown = wellKnownSymbolOf(node);
  if (!wellKnown) return undefined;
  const type = plainType(symbol.getTypeAtLocation(node), symbol.isOptional());
  return type ? { symbol: wellKnown, type } : undefined;
}

/** The type as the model says it, when it is a primitive, a literal or a union of them (`undefined` of an optional member aside). */
function plainType(type: Type, optional: boolean): TypeNode | undefined {
  if (type.isUnion() && !type.isBoolean()) {
    const members = type.getUnionTypes().filter((member) => !(optional && member.getFlags() & ts.TypeFlags.Undefined));
    // `boolean` is `true | false` to the checker: read it whole.
    const booleans = members.filter((member) => member.isBooleanLiteral());
    const read = [...(booleans.length === 2 ? [{ kind: 'boolean' } as const] : booleans.map((member) => plainType(member, false))), ...members.filter((member) => !member.isBooleanLiteral()).map((member) => plainType(member, false))];
    if (read.some((member) => member === undefined)) return undefined;
    // `null` last, as the model's unions have it.
    const ordered = [...read.filter((member) => member?.kind !== 'null'), ...read.filter((member) => member?.kind === 'null')] as TypeNode[];
    return ordered.length === 1 ? ordered[0] : { kind: 'union', members: ordered };
  }
  const flags = type.getFlags();
  if (type.isBoolean()) return { kind: 'boolean' };
  if (flags & ts.TypeFlags.String) return { kind: 'string' };
  if (flags & ts.TypeFlags.Number) return { kind: 'number' };
  if (flags & (ts.TypeFlags.StringLiteral | ts.TypeFlags.NumberLiteral)) return { kind: 'literal', value: type.getLiteralValue() as string | number };
  if (flags & ts.TypeFlags.BooleanLiteral) return { kind: 'literal', value: type.getText() === 'true' };
  if (flags & ts.TypeFlags.Null) return { kind: 'null' };
  return undefined;
}
