/**
 * Decorators read statically: arguments are turned into plain values from their syntax, never
 * evaluated, so a user's `@MinLength(LIMIT)` cannot run code; it becomes `unsupported` instead.
 */
import { Node, SyntaxKind, type Expression } from 'ts-morph';
import type { SourceLocation } from '../../model/index.js';
import { positionOf } from '../location.js';

export type StaticValue =
  | number
  | string
  | boolean
  | null
  | StaticValue[]
  | { regex: { source: string; flags: string } }
  | { typeRef: string }
  | { object: Record<string, StaticValue> }
  | { unsupported: string };

export interface DecoratorCall {
  /** The decorator's name as written (`MinLength`, or `Min` for `@v.Min`). */
  name: string;
  arguments: StaticValue[];
  /** Where the `@` is, relative to the display root. */
  location: SourceLocation;
}

/** The decorators on a class, property or parameter, in source order. */
export function readDecorators(node: Node, displayRoot: string): DecoratorCall[] {
  if (!Node.isDecoratable(node)) return [];
  return node.getDecorators().map((decorator) => ({
    name: decorator.getName(),
    arguments: decorator.getArguments().map((argument) => staticValue(argument as Expression)),
    location: positionOf(decorator, displayRoot),
  }));
}

/** The value an expression denotes, read from its syntax alone. */
export function staticValue(expression: Expression): StaticValue {
  if (Node.isParenthesizedExpression(expression)) return staticValue(expression.getExpression());
  if (Node.isNumericLiteral(expression)) return expression.getLiteralValue();
  if (Node.isStringLiteral(expression) || Node.isNoSubstitutionTemplateLiteral(expression)) {
    return expression.getLiteralValue();
  }
  if (Node.isTrueLiteral(expression)) return true;
  if (Node.isFalseLiteral(expression)) return false;
  if (expression.getKind() === SyntaxKind.NullKeyword) return null;
  if (Node.isPrefixUnaryExpression(expression)) return signedNumber(expression);
  if (Node.isRegularExpressionLiteral(expression)) return regexValue(expression.getText());
  if (Node.isArrayLiteralExpression(expression)) return expression.getElements().map(staticValue);
  if (Node.isObjectLiteralExpression(expression)) return objectValue(expression);
  if (Node.isArrowFunction(expression)) return typeRefValue(expression);
  return { unsupported: expression.getText() };
}

/** True when a value could not be read statically. */
export function isUnsupported(value: StaticValue | undefined): value is { unsupported: string } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'unsupported' in value;
}

function signedNumber(expression: Node & { getOperatorToken(): SyntaxKind; getOperand(): Expression }): StaticValue {
  const operand = expression.getOperand();
  const operator = expression.getOperatorToken();
  if (Node.isNumericLiteral(operand) && (operator === SyntaxKind.MinusToken || operator === SyntaxKind.PlusToken)) {
    const value = operand.getLiteralValue();
    return operator === SyntaxKind.MinusToken ? -value : value;
  }
  return { unsupported: expression.getText() };
}

function regexValue(text: string): StaticValue {
  const end = text.lastIndexOf('/');
  return { regex: { source: text.slice(1, end), flags: text.slice(end + 1) } };
}

function objectValue(expression: Node): StaticValue {
  const object: Record<string, StaticValue> = {};
  for (const property of expression.asKindOrThrow(SyntaxKind.ObjectLiteralExpression).getProperties()) {
    if (!Node.isPropertyAssignment(property)) return { unsupported: expression.getText() };
    const initializer = property.getInitializer();
    const name = property.getNameNode();
    const key = Node.isStringLiteral(name) || Node.isNumericLiteral(name) ? String(name.getLiteralValue()) : name.getText();
    object[key] = initializer ? staticValue(initializer) : { unsupported: property.getText() };
  }
  return { object };
}

function typeRefValue(expression: Node): StaticValue {
  const body = expression.asKindOrThrow(SyntaxKind.ArrowFunction).getBody();
  if (Node.isIdentifier(body) && expression.asKindOrThrow(SyntaxKind.ArrowFunction).getParameters().length === 0) {
    return { typeRef: body.getText() };
  }
  return { unsupported: expression.getText() };
}
