/**
 * Decorators read statically: arguments are turned into plain values from their syntax, never
 * evaluated, so a user's `@MinLength(limit())` cannot run code; it becomes `unsupported` instead.
 * The checker is used to follow names: a member access whose type is a single literal
 * (`Role.Member` of an enum, `Limits.name` of an `as const` object) is that literal's value, and
 * a name of a constant initialised with a literal (`@MinLength(LIMIT)`, `@Matches(SLUG)`) is
 * that literal's (constant-value.ts).
 */
import { Node, SyntaxKind, type Expression, type NumericLiteral } from 'ts-morph';
import type { SourceLocation } from '../../model/index.js';
import { positionOf } from '../location.js';
import { constantValue } from './constant-value.js';
import { enumArgument, reverseMappingOf, type ReverseMapping } from './enum-argument.js';

export type StaticValue =
  | number
  | string
  | boolean
  | null
  | StaticValue[]
  | { regex: { source: string; flags: string } }
  | { typeRef: string }
  /** `() => 'CURRENT_TIMESTAMP'`: a function returning a string (TypeORM's raw SQL default). */
  | { returns: string }
  | { object: Record<string, StaticValue> }
  | { unsupported: string };

export interface DecoratorCall {
  /** The decorator's name as written (`MinLength`, or `Min` for `@v.Min`). */
  name: string;
  arguments: StaticValue[];
  /** Where the `@` is, relative to the display root. */
  location: SourceLocation;
  /**
   * `@IsEnum(Level)` of a TypeScript enum with numeric members: the enum as written and the
   * member names its reverse mapping adds to `Object.values(Level)`, which class-validator accepts.
   */
  reverseMapping?: ReverseMapping;
}

/** The decorators on a class, property or parameter, in source order. */
export function readDecorators(node: Node, displayRoot: string): DecoratorCall[] {
  if (!Node.isDecoratable(node)) return [];
  return node.getDecorators().map((decorator) => {
    const isEnum = decorator.getName() === 'IsEnum';
    const reverseMapping = isEnum && decorator.getArguments()[0] ? reverseMappingOf(decorator.getArguments()[0] as Expression) : undefined;
    return {
      name: decorator.getName(),
      // `@IsEnum(Role)` names a value whose members the checker knows; other arguments are read from their syntax.
      arguments: decorator.getArguments().map((argument, index) => (isEnum && index === 0 ? enumArgument(argument as Expression) : staticValue(argument as Expression))),
      location: positionOf(decorator, displayRoot),
      ...(reverseMapping ? { reverseMapping } : {}),
    };
  });
}

/** The value an expression denotes, read from its syntax alone and the constants it names. */
export function staticValue(expression: Expression): StaticValue {
  return readValue(expression, true);
}

/** `names`: whether a name may be followed to a constant (not inside a constant's own initialiser). */
function readValue(expression: Expression, names: boolean): StaticValue {
  if (isWrapper(expression)) return readValue(expression.getExpression(), names);
  if (Node.isNumericLiteral(expression)) return numberOf(expression);
  // `@Max(Infinity)`, `@Min(NaN)`: numbers, if no good bounds (CG2002 says so, as for `1e400`).
  if (isNonFiniteGlobal(expression)) return Number(expression.getText());
  if (Node.isStringLiteral(expression) || Node.isNoSubstitutionTemplateLiteral(expression)) {
    return expression.getLiteralValue();
  }
  if (Node.isTrueLiteral(expression)) return true;
  if (Node.isFalseLiteral(expression)) return false;
  if (expression.getKind() === SyntaxKind.NullKeyword) return null;
  if (Node.isPrefixUnaryExpression(expression)) return signedNumber(expression);
  if (Node.isRegularExpressionLiteral(expression)) return regexValue(expression.getText());
  if (Node.isArrayLiteralExpression(expression)) return expression.getElements().map((element) => readValue(element, names));
  if (Node.isObjectLiteralExpression(expression)) return objectValue(expression, names);
  if (Node.isArrowFunction(expression)) return arrowValue(expression);
  if (names && (Node.isPropertyAccessExpression(expression) || Node.isElementAccessExpression(expression))) return memberValue(expression);
  if (names && Node.isIdentifier(expression)) return constantValue(expression, readValue) ?? { unsupported: expression.getText() };
  return { unsupported: expression.getText() };
}

/** True when a value could not be read statically. */
export function isUnsupported(value: StaticValue | undefined): value is { unsupported: string } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'unsupported' in value;
}

function signedNumber(expression: Node & { getOperatorToken(): SyntaxKind; getOperand(): Expression }): StaticValue {
  const operand = expression.getOperand();
  const operator = expression.getOperatorToken();
  if ((Node.isNumericLiteral(operand) || isNonFiniteGlobal(operand)) && (operator === SyntaxKind.MinusToken || operator === SyntaxKind.PlusToken)) {
    const value = Node.isNumericLiteral(operand) ? numberOf(operand) : Number(operand.getText());
    return operator === SyntaxKind.MinusToken ? -value : value;
  }
  return { unsupported: expression.getText() };
}

/**
 * A number literal's value from the checker's normalised text (`0x10` is `16`, `1_000` is `1000`,
 * `1e21` is `1e+21`, `1e400` is `Infinity`); ts-morph's `getLiteralValue` parses that text with
 * `parseInt` when it has no dot, which reads `1e+21` as 1 and `Infinity` as NaN.
 */
function numberOf(literal: NumericLiteral): number {
  return Number(literal.compilerNode.text);
}

/** The global `Infinity` or `NaN` (not a local of that name). */
function isNonFiniteGlobal(expression: Node): boolean {
  if (!Node.isIdentifier(expression) || !['Infinity', 'NaN'].includes(expression.getText())) return false;
  return expression.getSymbol()?.getDeclarations().every((declaration) => declaration.getSourceFile().isDeclarationFile()) ?? true;
}

/** `(x)`, `x as const`, `x satisfies T`, `x!`, `<T>x`: the value is the inner expression's. */
function isWrapper(expression: Node): expression is Node & { getExpression(): Expression } {
  return (
    Node.isParenthesizedExpression(expression) ||
    Node.isAsExpression(expression) ||
    Node.isSatisfiesExpression(expression) ||
    Node.isNonNullExpression(expression) ||
    Node.isTypeAssertion(expression)
  );
}

/**
 * `Role.Member`, `Limits['name']`: the value of the member's literal type, if it has one, else
 * of the constant it names (`PATTERNS.slug` of an `as const` object, `patterns.SLUG` of a
 * namespace import).
 */
function memberValue(expression: Expression): StaticValue {
  const type = expression.getType();
  if (type.isStringLiteral() || type.isNumberLiteral() || type.isEnumLiteral()) {
    const value = type.getLiteralValue();
    if (typeof value === 'string' || typeof value === 'number') return value;
  }
  if (type.isBooleanLiteral()) return type.getText() === 'true';
  return constantValue(expression, readValue) ?? { unsupported: expression.getText() };
}

function regexValue(text: string): StaticValue {
  const end = text.lastIndexOf('/');
  return { regex: { source: text.slice(1, end), flags: text.slice(end + 1) } };
}

function objectValue(expression: Node, names: boolean): StaticValue {
  const object: Record<string, StaticValue> = {};
  for (const property of expression.asKindOrThrow(SyntaxKind.ObjectLiteralExpression).getProperties()) {
    if (!Node.isPropertyAssignment(property)) return { unsupported: expression.getText() };
    const initializer = property.getInitializer();
    const name = property.getNameNode();
    const key = Node.isStringLiteral(name) || Node.isNumericLiteral(name) ? String(name.getLiteralValue()) : name.getText();
    object[key] = initializer ? readValue(initializer, names) : { unsupported: property.getText() };
  }
  return { object };
}

/** `() => User` names a type; `() => 'now()'` returns a string; other arrows are not static. */
function arrowValue(expression: Node): StaticValue {
  const arrow = expression.asKindOrThrow(SyntaxKind.ArrowFunction);
  let body: Node = arrow.getBody();
  while (isWrapper(body)) body = body.getExpression();
  if (arrow.getParameters().length > 0) return { unsupported: expression.getText() };
  if (Node.isIdentifier(body)) return { typeRef: body.getText() };
  if (Node.isStringLiteral(body) || Node.isNoSubstitutionTemplateLiteral(body)) return { returns: body.getLiteralValue() };
  return { unsupported: expression.getText() };
}
