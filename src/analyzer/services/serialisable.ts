/**
 * Whether a checker type can travel as JSON: operation parameters and results must. Read on
 * the checker's type (not the model's), because the model leaves methods out of objects and
 * would hide a class instance with behaviour. Dates are fine: they travel as ISO strings.
 *
 * A result (`asResult`) may be a value with its own `toJSON()` (a class `Money` with methods):
 * `JSON.stringify` sends what toJSON returns, which must be data, and the client types, revives
 * and validates the answer as that (generators/client/wire-type.ts; the OpenAPI component of such
 * a type is toJSON's schema already). Only where the result reaches it through unnamed structure
 * (the result itself, arrays, tuples, unions written in place, `Record`, object literal types,
 * and so on inside toJSON's result): the client can type those positions by toJSON's result,
 * while inside a named type's fields (`Order { total: Money }`) its own name would say `Money`.
 * JSON.stringify calls toJSON once: the result's own toJSON is not honoured (its fields count).
 */
import { Node, ts, type Type } from 'ts-morph';
import { isDefaultLib } from '../types/declarations.js';

/** Lib types that do not survive `JSON.stringify`. */
const NOT_DATA = new Set(['Map', 'ReadonlyMap', 'Set', 'ReadonlySet', 'WeakMap', 'WeakSet', 'Promise', 'RegExp', 'Function', 'Error']);

/** What makes a type unserialisable (`a function at onDone`), or undefined when it is data. */
export function unserialisablePart(type: Type, at: Node, asResult = false): string | undefined {
  return walk(type, at, '', { direct: new Set(), result: new Set(), no: new Set() }, asResult ? 'direct' : 'no');
}

/**
 * Whether a position may hold a value with its own `toJSON()`: `direct`, reached from a result
 * through unnamed structure; `result`, toJSON's result itself (direct below, its own toJSON not
 * called); `no`, elsewhere.
 */
type JsonPosition = 'direct' | 'result' | 'no';

/** The types walked, by position: one seen as toJSON's result is looked at again where its own toJSON counts. */
type Seen = Record<JsonPosition, Set<ts.Type>>;

function walk(type: Type, at: Node, trail: string, seen: Seen, json: JsonPosition): string | undefined {
  if (seen[json].has(type.compilerType)) return undefined;
  seen[json].add(type.compilerType);
  const where = trail ? ` at ${trail}` : '';
  const named = type.getAliasSymbol() !== undefined && !isLibAlias(type);
  const inside: JsonPosition = json === 'no' || named ? 'no' : 'direct';
  if (type.getFlags() & (ts.TypeFlags.ESSymbol | ts.TypeFlags.UniqueESSymbol)) return `a symbol${where}`;
  // A union toJSON returns is its result too: whichever member it is, its own toJSON is not called.
  if (type.isUnion()) return first(type.getUnionTypes(), (member) => walk(member, at, trail, seen, json === 'result' && !named ? 'result' : inside));
  // An intersection's toJSON serialises the whole value, which its members' types do not say.
  if (type.isIntersection()) return first(type.getIntersectionTypes(), (member) => walk(member, at, trail, seen, 'no'));
  if (type.isArray() || type.isReadonlyArray()) {
    const items = type.getArrayElementType() ?? type.getTypeArguments()[0];
    return items ? walk(items, at, `${trail}[]`, seen, inside) : undefined;
  }
  if (type.isTuple()) return first(type.getTupleElements(), (element) => walk(element, at, `${trail}[]`, seen, inside));
  if (!type.isObject() || isLibDate(type)) return undefined;
  if (json === 'direct' && !named) {
    const result = ownJsonResult(type, at);
    if (result) return walk(result, at, join(trail, 'toJSON()'), seen, 'result');
  }
  const fields: JsonPosition = json !== 'no' && (isLibAlias(type) || (!named && isObjectLiteralType(type))) ? 'direct' : 'no';
  return (
    objectProblem(type, where) ??
    first(type.getProperties(), (property) => walk(property.getTypeAtLocation(at), at, join(trail, property.getName()), seen, fields)) ??
    indexProblem(type, at, trail, seen, fields)
  );
}

/**
 * What the type's own `toJSON()` returns (a method, not a lib type's, whose result is not the
 * value itself: `toJSON(): this` writes the fields), or undefined. The model reads the same
 * method (analyzer/types/json-form.ts).
 */
function ownJsonResult(type: Type, at: Node): Type | undefined {
  const member = type.getProperty('toJSON');
  const declaration = member?.getDeclarations()[0];
  if (!member || !declaration || isDefaultLib(declaration)) return undefined;
  if (!Node.isMethodDeclaration(declaration) && !Node.isMethodSignature(declaration)) return undefined;
  const result = member.getTypeAtLocation(at).getCallSignatures()[0]?.getReturnType();
  if (!result || result.compilerType === type.compilerType || result.isTypeParameter()) return undefined;
  return result;
}

/** An object type written in place (`{ total: Money }`), not an interface's or a class's. */
function isObjectLiteralType(type: Type): boolean {
  const declaration = type.getSymbol()?.getDeclarations()[0];
  return declaration !== undefined && Node.isTypeLiteral(declaration);
}

/** `Record<string, Money>`: a lib alias is structure, not a name of the user's. */
function isLibAlias(type: Type): boolean {
  const declaration = type.getAliasSymbol()?.getDeclarations()[0];
  return declaration !== undefined && isDefaultLib(declaration) && type.getAliasSymbol()?.getName() === 'Record';
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

function indexProblem(type: Type, at: Node, trail: string, seen: Seen, json: JsonPosition): string | undefined {
  const index = type.getStringIndexType() ?? type.getNumberIndexType();
  return index ? walk(index, at, `${trail}[key]`, seen, json) : undefined;
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
