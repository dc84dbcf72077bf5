/**
 * An enum member's value. The checker knows constant members (`A = 'a'`, `B = 1 << 2`, `C = A`,
 * a `const` of a literal); where it gives up, the initialiser is read the way it runs: through
 * casts (`'legacy' as any`, `<string>'x'`, `satisfies`, parentheses), references to members of
 * this or another enum and to `const` literals, the constants of `Number`, and numeric `-`/`+`. Anything else (a call, a
 * property of a string) is CG2017 at the member, never the member's name in its place. A member
 * whose value is `NaN` or ±`Infinity` is CG2022 and left out: JSON cannot carry it.
 */
import { Node, ts, type EnumMember, type Expression } from 'ts-morph';
import type { AnalyzerContext } from '../context.js';
import { isDefaultLib } from './declarations.js';

/** The member's value, or undefined after reporting CG2017 or CG2022. */
export function enumMemberValue(member: EnumMember, ctx: AnalyzerContext): string | number | undefined {
  const initializer = member.getInitializer();
  const value = member.getValue() ?? (initializer ? evaluate(initializer, new Set([member])) : undefined);
  const enumName = member.getParent().getName();
  if (typeof value === 'number' && !Number.isFinite(value)) {
    // JSON has no NaN or Infinity (both stringify to `null`) and `NaN === NaN` is false: no output can hold the member.
    ctx.report(
      'CG2022',
      member,
      `Enum member ${enumName}.${member.getName()} is ${value} (\`${initializer?.getText() ?? ''}\`), which JSON cannot carry: it is left out of the validators, mocks and schemas, which reject it.`,
      'Give the member a finite number or a string.',
    );
    return undefined;
  }
  // `-0` is `0` in JSON (and `=== 0`): the model, plain JSON, keeps `0`.
  if (value !== undefined) return value === 0 ? 0 : value;
  ctx.report(
    'CG2017',
    member,
    `The value of enum member ${enumName}.${member.getName()} is computed at run time (\`${initializer?.getText() ?? ''}\`): codegen cannot know it.`,
    'Initialise the member with a string or number literal (or another member, or a const of one).',
  );
  return undefined;
}

function evaluate(expression: Expression, seen: Set<Node>): string | number | undefined {
  if (Node.isStringLiteral(expression) || Node.isNoSubstitutionTemplateLiteral(expression)) return expression.getLiteralValue();
  if (Node.isNumericLiteral(expression)) return expression.getLiteralValue();
  if (Node.isAsExpression(expression) || Node.isTypeAssertion(expression) || Node.isSatisfiesExpression(expression) || Node.isParenthesizedExpression(expression) || Node.isNonNullExpression(expression)) {
    return evaluate(expression.getExpression(), seen);
  }
  if (Node.isPrefixUnaryExpression(expression)) {
    const operand = evaluate(expression.getOperand(), seen);
    if (typeof operand !== 'number') return undefined;
    const operator = expression.getOperatorToken();
    if (operator === ts.SyntaxKind.MinusToken) return -operand;
    if (operator === ts.SyntaxKind.PlusToken) return operand;
    return undefined;
  }
  const constant = numberConstant(expression);
  if (constant !== undefined) return constant;
  if (Node.isIdentifier(expression) || Node.isPropertyAccessExpression(expression) || Node.isElementAccessExpression(expression)) {
    return referenced(expression, seen);
  }
  return undefined;
}

/** The read-only constants of the global `Number` (`Number.NaN`, `Number.MAX_SAFE_INTEGER`). */
const NUMBER_CONSTANTS: Readonly<Record<string, number>> = {
  NaN: Number.NaN,
  POSITIVE_INFINITY: Number.POSITIVE_INFINITY,
  NEGATIVE_INFINITY: Number.NEGATIVE_INFINITY,
  MAX_SAFE_INTEGER: Number.MAX_SAFE_INTEGER,
  MIN_SAFE_INTEGER: Number.MIN_SAFE_INTEGER,
  MAX_VALUE: Number.MAX_VALUE,
  MIN_VALUE: Number.MIN_VALUE,
  EPSILON: Number.EPSILON,
};

/** `Number.NaN` and the like, when `Number` is the global one (its declaration in TypeScript's lib). */
function numberConstant(expression: Expression): number | undefined {
  if (!Node.isPropertyAccessExpression(expression) || expression.getExpression().getText() !== 'Number') return undefined;
  const name = expression.getName();
  if (!Object.hasOwn(NUMBER_CONSTANTS, name)) return undefined;
  const declaration = expression.getSymbol()?.getDeclarations()[0];
  return declaration && isDefaultLib(declaration) ? NUMBER_CONSTANTS[name] : undefined;
}

/** The value of the enum member or `const` a name refers to. */
function referenced(expression: Expression, seen: Set<Node>): string | number | undefined {
  const symbol = expression.getSymbol();
  const resolved = symbol?.isAlias() ? symbol.getAliasedSymbol() : symbol;
  const declaration = resolved?.getDeclarations()[0];
  if (!declaration || seen.has(declaration)) return undefined;
  seen.add(declaration);
  if (Node.isEnumMember(declaration)) {
    const known = declaration.getValue();
    if (known !== undefined) return known;
    const initializer = declaration.getInitializer();
    return initializer ? evaluate(initializer, seen) : undefined;
  }
  if (Node.isVariableDeclaration(declaration) && declaration.getVariableStatement()?.getDeclarationKind() === 'const') {
    const initializer = declaration.getInitializer();
    return initializer ? evaluate(initializer, seen) : undefined;
  }
  return undefined;
}
