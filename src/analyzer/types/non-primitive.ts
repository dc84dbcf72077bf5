/**
 * The types that accept every value of a kind rather than a shape: the `object` keyword (any
 * non-primitive) and `{}` / `Object` (any value but `null` and `undefined`). Written with model
 * forms every generator knows, exactly for JSON values: `object` is a plain object or an array
 * (functions are not data), `{}` adds strings, numbers and booleans.
 */
import { Node, ts, type Type } from 'ts-morph';
import type { TypeNode } from '../../model/index.js';
import { isDefaultLib } from './declarations.js';

/** `object`: any non-null object or array (JSON Schema `type: object` alone would reject arrays). */
export function nonPrimitive(): TypeNode {
  return { kind: 'union', members: [{ kind: 'object', properties: [], strict: false }, { kind: 'array', items: { kind: 'unknown' } }] };
}

/**
 * `{}` and `Object`: any JSON value but `null`, primitives included (TypeScript accepts
 * `const o: {} = 'x'`). A bigint is left out, as JSON has none: the one approximation (it rejects).
 */
export function nonNullish(): TypeNode {
  return { kind: 'union', members: [{ kind: 'string' }, { kind: 'number' }, { kind: 'boolean' }, ...(nonPrimitive() as { members: TypeNode[] }).members] };
}

/** True for the `object` keyword. */
export function isNonPrimitiveKeyword(type: Type): boolean {
  return (type.getFlags() & ts.TypeFlags.NonPrimitive) !== 0;
}

/**
 * True for `{}` written as a type literal (or left by a mapped type that kept no key) and for the
 * lib's `Object`: no members, no signatures, no index. An empty interface the user declared is a
 * shape of its own and is left to the structural reader.
 */
export function isEmptyObjectType(type: Type): boolean {
  if (!type.isObject()) return false;
  const symbol = type.getSymbol();
  const first = symbol?.getDeclarations()[0];
  if (symbol?.getName() === 'Object' && first && Node.isInterfaceDeclaration(first) && isDefaultLib(first)) return true;
  if (type.getProperties().length > 0) return false;
  if (type.getCallSignatures().length > 0 || type.getConstructSignatures().length > 0) return false;
  if (type.getStringIndexType() || type.getNumberIndexType()) return false;
  if (!first) return type.isAnonymous();
  return Node.isTypeLiteral(first) || Node.isMappedTypeNode(first);
}
