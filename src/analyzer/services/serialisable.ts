/**
 * Whether a checker type can travel as JSON: operation parameters and results must. Read on
 * the checker's type (not the model's), because the model leaves methods out of objects and
 * would hide a class instance with behaviour. Dates are fine: they travel as ISO strings.
 */
import { Node, ts, type Type } from 'ts-morph';
import { isDefaultLib } from '../types/declarations.js';

/** Lib types that do not survive `JSON.stringify`. */
const NOT_DATA = new Set(['Map', 'ReadonlyMap', 'Set', 'ReadonlySet', 'WeakMap', 'WeakSet', 'Promise', 'RegExp', 'Function', 'Error']);

/** What makes a type unserialisable (`a function at onDone`), or undefined when it is data. */
export function unserialisablePart(type: Type, at: Node): string | undefined {
  return walk(type, at, '', new Set());
}

function walk(type: Type, at: Node, trail: string, seen: Set<ts.Type>): string | undefined {
  if (seen.has(type.compilerType)) return undefined;
  seen.add(type.compilerType);
  const where = trail ? ` at ${trail}` : '';
  if (type.getFlags() & (ts.TypeFlags.ESSymbol | ts.TypeFlags.UniqueESSymbol)) return `a symbol${where}`;
  if (type.isUnion()) return first(type.getUnionTypes(), (member) => walk(member, at, trail, seen));
  if (type.isIntersection()) return first(type.getIntersectionTypes(), (member) => walk(member, at, trail, seen));
  if (type.isArray() || type.isReadonlyArray()) {
    const items = type.getArrayElementType() ?? type.getTypeArguments()[0];
    return items ? walk(items, at, `${trail}[]`, seen) : undefined;
  }
  if (type.isTuple()) return first(type.getTupleElements(), (element) => walk(element, at, `${trail}[]`, seen));
  if (!type.isObject() || isLibDate(type)) return undefined;
  return objectProblem(type, where) ?? first(type.getProperties(), (property) => walk(property.getTypeAtLocation(at), at, join(trail, property.getName()), seen)) ?? indexProblem(type, at, trail, seen);
}

/** A problem with the object itself, before its properties are looked at. */
function objectProblem(type: Type, where: string): string | undefined {
  if (type.getCallSignatures().length > 0 || type.getConstructSignatures().length > 0) return `a function${where}`;
  const symbol = type.getSymbol();
  const declaration = symbol?.getDeclarations()[0];
  if (symbol && declaration && isDefaultLib(declaration) && NOT_DATA.has(symbol.getName())) return `${symbol.getName()}${where}`;
  if (declaration && Node.isClassDeclaration(declaration) && declaration.getMethods().some((method) => !method.isStatic())) {
    return `an instance of class ${declaration.getName() ?? 'Default'}, which has methods${where}`;
  }
  return undefined;
}

function isLibDate(type: Type): boolean {
  const declaration = type.getSymbol()?.getDeclarations()[0];
  return type.getSymbol()?.getName() === 'Date' && declaration !== undefined && isDefaultLib(declaration);
}

function indexProblem(type: Type, at: Node, trail: string, seen: Set<ts.Type>): string | undefined {
  const index = type.getStringIndexType() ?? type.getNumberIndexType();
  return index ? walk(index, at, `${trail}[key]`, seen) : undefined;
}

function first<T>(items: readonly T[], check: (item: T) => string | undefined): string | undefined {
  for (const item of items) {
    const problem = check(item);
    if (problem) return problem;
  }
  return undefined;
}

function join(trail: string, name: string): string {
  return trail ? `${trail}.${name}` : name;
}
