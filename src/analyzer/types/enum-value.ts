/**
 * An enum member's value. The checker knows constant members (`A = 'a'`, `B = 1 << 2`, `C = A`,
 * a `const` of a literal); where it gives up, the initialiser is read the way it runs: through
 * casts (`'legacy' as any`, `<string>'x'`, `satisfies`, parentheses), references to members of
 * this or another enum and to `const` literals, and numeric `-`/`+`. Anything else (a call, a
 * property of a string) is CG2017 at the member, never the member's name in its place.
 */
import { Node, ts, type EnumMember, type Expression } from 'ts-morph';
import type { AnalyzerContext } from '../context.js';

/** The member's value, or undefined after reporting CG2017. */
export function enumMemberValue(member: EnumMember, ctx: AnalyzerContext): string | number | undefined {
  const known = member.getValue();
  if (known !== undefined) return known;
  const initializer = member.getInitializer();
  const value = initializer ? evaluate(initializer, new Set([member])) : undefined;
  if (value !== undefined) return value;
  const enumName = member.getParent().getName();
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
  if (Node.isIdentifier(expression) || Node.isPropertyAccessExpression(expression) || Node.isElementAccessExpression(expression)) {
    return referenced(expression, seen);
  }
  return undefined;
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
