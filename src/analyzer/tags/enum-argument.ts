/**
 * The argument of `@IsEnum(Role)`: the values class-validator accepts, read from the checker's
 * type of the expression (an enum, or an `as const` object of literals), never evaluated.
 */
import { Node, type Expression } from 'ts-morph';
import { staticValue, type StaticValue } from './decorators.js';

/**
 * `Object.values` of the enum object as class-validator's `isEnum` takes it: each member's value,
 * and for a numeric member of a TypeScript enum also its name (the reverse mapping
 * `Role[1] === 'Admin'` is a key of the object too). An expression that is no object of
 * literals is read as any other argument.
 */
export function enumArgument(expression: Expression): StaticValue {
  const values: StaticValue[] = [];
  const enumDeclaration = expression.getType().getSymbol()?.getDeclarations().find((node) => Node.isEnumDeclaration(node));
  for (const property of expression.getType().getProperties()) {
    const type = property.getTypeAtLocation(expression);
    const value = type.isStringLiteral() || type.isNumberLiteral() || type.isEnumLiteral() ? type.getLiteralValue() : undefined;
    if (typeof value !== 'string' && typeof value !== 'number') return staticValue(expression);
    values.push(value);
    if (enumDeclaration && typeof value === 'number') values.push(property.getName());
  }
  // An array is what class-validator's isEnum reads alike (`Object.keys(array)` gives its items).
  return values.length > 0 ? values : staticValue(expression);
}

/** The member names a numeric enum's reverse mapping adds to its object (`Level[1] === 'Low'`), with the enum as written (`Level`). */
export interface ReverseMapping {
  written: string;
  /** The enum's declared name, as a reference to it is named in the model (before any namespace). */
  declared: string;
  names: string[];
}

/** The reverse mapping of the enum `expression` names, when it has numeric members; undefined for any other argument. */
export function reverseMappingOf(expression: Expression): ReverseMapping | undefined {
  const enumDeclaration = expression.getType().getSymbol()?.getDeclarations().find((node) => Node.isEnumDeclaration(node));
  if (!enumDeclaration || !Node.isEnumDeclaration(enumDeclaration)) return undefined;
  const names = expression
    .getType()
    .getProperties()
    .filter((property) => property.getTypeAtLocation(expression).getLiteralValue() !== undefined && typeof property.getTypeAtLocation(expression).getLiteralValue() === 'number')
    .map((property) => property.getName());
  return names.length > 0 ? { written: expression.getText(), declared: enumDeclaration.getName(), names } : undefined;
}
