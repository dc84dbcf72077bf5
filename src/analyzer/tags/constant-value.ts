/**
 * A decorator argument that names a constant (`@Matches(SLUG)`, `@Length(MIN, MAX)`,
 * `@IsIn(ROLES)`, `@Matches(PATTERNS.slug)`, `@Matches(patterns.SLUG)`): the value the constant
 * is initialised with, read from its declaration's syntax, never evaluated. The name is followed
 * through imports and re-exports (the checker's aliased symbol) to one of:
 *
 * - a `const` variable (or `export default`) whose initialiser is a literal: a regex, a string, a
 *   template without substitutions, a number, a boolean, `null`, or `new RegExp('…', '…')` of
 *   string literals; an array or object literal only under `as const`, which TypeScript keeps
 *   from being changed (`ROLES.push('x')` is an error), of such literals;
 * - a property of such an `as const` object (`PATTERNS.slug`).
 *
 * Only literals: an initialiser naming another constant is not followed, so what a class read
 * depends on is the statement its decorator names (incremental/dependencies.ts sees that name,
 * never a second hop). A `let`, a call, a value computed at run time stays unreadable (CG2013).
 */
import { Node, SyntaxKind, VariableDeclarationKind, type Expression, type Symbol as MorphSymbol } from 'ts-morph';
import type { StaticValue } from './decorators.js';

/** Reads an expression's value; `names` says whether a name in it may be followed (never, here). */
export type ValueReader = (expression: Expression, names: boolean) => StaticValue;

/** The value of the constant `expression` names, or undefined when it names none that is readable. */
export function constantValue(expression: Expression, read: ValueReader): StaticValue | undefined {
  const declaration = declarationOf(expression);
  if (!declaration) return undefined;
  if (Node.isVariableDeclaration(declaration)) {
    const initializer = declaration.getInitializer();
    if (declaration.getVariableStatement()?.getDeclarationKind() !== VariableDeclarationKind.Const || !initializer) return undefined;
    return literalValue(initializer, read);
  }
  if (Node.isExportAssignment(declaration) && !declaration.isExportEquals()) return literalValue(declaration.getExpression(), read);
  if (Node.isPropertyAssignment(declaration) && isInConstObject(declaration)) {
    const initializer = declaration.getInitializer();
    return initializer ? literalValue(initializer, read, true) : undefined;
  }
  return undefined;
}

/** The declaration a name resolves to, past imports and re-exports; undefined when it has not exactly one. */
function declarationOf(expression: Expression): Node | undefined {
  const name = Node.isElementAccessExpression(expression) ? expression.getArgumentExpression() : expression;
  let symbol: MorphSymbol | undefined = name?.getSymbol() ?? expression.getSymbol();
  if (symbol?.isAlias()) symbol = symbol.getAliasedSymbol();
  const declarations = symbol?.getDeclarations() ?? [];
  return declarations.length === 1 ? declarations[0] : undefined;
}

/**
 * The value of a constant's initialiser when it is a literal. Arrays and objects count only
 * under `as const` (`constant` once one is met on the way down): elsewhere their content may be
 * changed after the decorator took them.
 */
function literalValue(expression: Expression, read: ValueReader, constant = false): StaticValue | undefined {
  let inner: Node = expression;
  while (isWrapper(inner)) {
    if (Node.isAsExpression(inner) && inner.getTypeNode()?.getText() === 'const') constant = true;
    inner = inner.getExpression();
  }
  if (Node.isNewExpression(inner)) return regExpValue(inner);
  if (Node.isArrayLiteralExpression(inner) || Node.isObjectLiteralExpression(inner)) {
    if (!constant) return undefined;
    const elements = Node.isArrayLiteralExpression(inner) ? inner.getElements() : inner.getProperties().map((property) => (Node.isPropertyAssignment(property) ? property.getInitializer() : undefined));
    if (!elements.every((element) => element !== undefined && literalValue(element as Expression, read, true) !== undefined)) return undefined;
    return read(inner as Expression, false);
  }
  if (isLiteral(inner)) return read(inner as Expression, false);
  return undefined;
}

/** A literal a constant may be initialised with (read by the usual reader, which names none). */
function isLiteral(node: Node): boolean {
  return (
    Node.isRegularExpressionLiteral(node) || Node.isStringLiteral(node) || Node.isNoSubstitutionTemplateLiteral(node) ||
    Node.isNumericLiteral(node) || Node.isTrueLiteral(node) || Node.isFalseLiteral(node) || node.getKind() === SyntaxKind.NullKeyword ||
    (Node.isPrefixUnaryExpression(node) && Node.isNumericLiteral(node.getOperand()))
  );
}

/**
 * `new RegExp('source', 'flags')` of string literals, the global RegExp: one RegExp object, as a
 * regex literal is (so `y` keeps its `lastIndex` from value to value, as for `/re/y`).
 */
function regExpValue(expression: Node): StaticValue | undefined {
  if (!Node.isNewExpression(expression)) return undefined;
  const callee = expression.getExpression();
  if (!Node.isIdentifier(callee) || callee.getText() !== 'RegExp' || !isLibraryName(callee)) return undefined;
  const args = expression.getArguments();
  if (args.length < 1 || args.length > 2) return undefined;
  const texts = args.map((argument) => (Node.isStringLiteral(argument) || Node.isNoSubstitutionTemplateLiteral(argument) ? argument.getLiteralValue() : undefined));
  if (texts.some((text) => text === undefined)) return undefined;
  return { regex: { source: texts[0]!, flags: texts[1] ?? '' } };
}

/** A name declared only by TypeScript's lib files (not a local `RegExp`). */
function isLibraryName(name: Node): boolean {
  const declarations = name.getSymbol()?.getDeclarations() ?? [];
  return declarations.length > 0 && declarations.every((declaration) => declaration.getSourceFile().isDeclarationFile());
}

/** A property of an object literal that is, through `as const`, a `const` variable's value (possibly nested). */
function isInConstObject(property: Node): boolean {
  let constant = false;
  for (let at: Node | undefined = property.getParent(); at; at = at.getParent()) {
    if (Node.isAsExpression(at) && at.getTypeNode()?.getText() === 'const') constant = true;
    else if (Node.isVariableDeclaration(at)) return constant && at.getVariableStatement()?.getDeclarationKind() === VariableDeclarationKind.Const;
    else if (!(Node.isObjectLiteralExpression(at) || Node.isArrayLiteralExpression(at) || Node.isPropertyAssignment(at) || isWrapper(at))) return false;
  }
  return false;
}

/** `(x)`, `x as T`, `x satisfies T`, `x!`, `<T>x`: the value is the inner expression's. */
function isWrapper(node: Node): node is Node & { getExpression(): Expression } {
  return Node.isParenthesizedExpression(node) || Node.isAsExpression(node) || Node.isSatisfiesExpression(node) || Node.isNonNullExpression(node) || Node.isTypeAssertion(node);
}
