/**
 * Binary and logical expressions, after Prettier's language-js/print/binaryish.js: operators of
 * one precedence level flattened into one group, the chain indented after its head except where
 * the parent already indents (return, arrow body, if test), and the parentheses Prettier keeps.
 */
import type { ts as Ts } from 'ts-morph';
import { estreeType, operatorOf, unwrap, type Context, type Doc } from './context.js';

const PRECEDENCE = new Map<string, number>();
[['??'], ['||'], ['&&'], ['|'], ['^'], ['&'], ['==', '===', '!=', '!=='], ['<', '>', '<=', '>=', 'in', 'instanceof'], ['>>', '<<', '>>>'], ['+', '-'], ['*', '/', '%'], ['**']].forEach(
  (operators, level) => operators.forEach((operator) => PRECEDENCE.set(operator, level)),
);

const EQUALITY = new Set(['==', '===', '!=', '!==']);
const MULTIPLICATIVE = new Set(['*', '/', '%']);
const SHIFT = new Set(['>>', '<<', '>>>']);
const BITWISE = new Set(['|', '^', '&', '>>', '<<', '>>>']);

/** Whether `operator` is one the printer knows the precedence of. */
export function isBinaryOperator(operator: string): boolean {
  return PRECEDENCE.has(operator);
}

/** Prettier's `shouldFlatten`: `a op b op2 c` printed as one chain. */
export function shouldFlatten(parentOperator: string, operator: string | undefined): boolean {
  if (operator === undefined || PRECEDENCE.get(operator) !== PRECEDENCE.get(parentOperator)) return false;
  if (parentOperator === '**') return false;
  if (EQUALITY.has(parentOperator) && EQUALITY.has(operator)) return false;
  if ((operator === '%' && MULTIPLICATIVE.has(parentOperator)) || (parentOperator === '%' && MULTIPLICATIVE.has(operator))) return false;
  if (operator !== parentOperator && MULTIPLICATIVE.has(operator) && MULTIPLICATIVE.has(parentOperator)) return false;
  if (SHIFT.has(parentOperator) && SHIFT.has(operator)) return false;
  return true;
}

/** Whether a binary expression with `operator`, as the `key` child of a binary with `parentOperator`, needs parentheses. */
export function binaryNeedsParens(node: string, operator: string, parent: string, parentOperator: string, key: string): boolean {
  if (parent === 'LogicalExpression' && node === 'LogicalExpression') return parentOperator !== operator;
  const precedence = PRECEDENCE.get(operator)!;
  const parentPrecedence = PRECEDENCE.get(parentOperator)!;
  if (parentPrecedence > precedence) return true;
  if (key === 'right' && parentPrecedence === precedence) return true;
  if (parentPrecedence === precedence && !shouldFlatten(parentOperator, operator)) return true;
  if (parentPrecedence < precedence && operator === '%') return parentOperator === '+' || parentOperator === '-';
  return BITWISE.has(parentOperator);
}

function isBinaryish(ctx: Context, node: Ts.Node): boolean {
  const type = estreeType(ctx, node);
  return type === 'BinaryExpression' || type === 'LogicalExpression';
}

/** Prettier's `printBinaryishExpression` for `node` (a binary expression) as the `key` child of `parent`. */
export function printBinaryish(ctx: Context, original: Ts.BinaryExpression, parent: Ts.Node, key: string): Doc {
  const node = rebalance(ctx, original);
  const { group, indent, softline } = ctx.b;
  const parentType = estreeType(ctx, parent);
  const isInsideParenthesis = key !== 'body' && (parentType === 'IfStatement' || parentType === 'WhileStatement' || parentType === 'SwitchStatement' || parentType === 'DoStatement');
  const parts = printBinaryishParts(ctx, node, parent, false, isInsideParenthesis);
  if (isInsideParenthesis) return parts;
  if ((key === 'callee' && parentType === 'CallExpression') || parentType === 'UnaryExpression' || (parentType === 'MemberExpression' && parent.kind === ctx.ts.SyntaxKind.PropertyAccessExpression)) {
    return group([indent([softline, ...parts]), softline]);
  }
  // The parents whose own layout indents the expression already (those the printer supports).
  const grandparentType = parentType === 'ConditionalExpression' ? estreeType(ctx, semanticParent(ctx, parent)) : '';
  const shouldNotIndent =
    parentType === 'ReturnStatement' ||
    (key === 'body' && parentType === 'ArrowFunctionExpression') ||
    (key !== 'body' && parentType === 'ForStatement') ||
    (parentType === 'ConditionalExpression' && grandparentType !== 'ReturnStatement' && grandparentType !== 'CallExpression') ||
    (key === 'arguments' && parentType === 'CallExpression' && isBooleanCall(ctx, parent));
  const shouldIndentIfInlining = parentType === 'VariableDeclarator' || parentType === 'ObjectProperty' || parentType === 'AssignmentExpression';
  const operator = operatorOf(ctx, node)!;
  const left = unwrap(ctx, node.left);
  const samePrecedenceSubExpression = isBinaryish(ctx, left) && shouldFlatten(operator, operatorOf(ctx, left));
  const inline = shouldInlineLogical(ctx, node);
  if (shouldNotIndent || (inline && !samePrecedenceSubExpression) || (!inline && shouldIndentIfInlining)) return group(parts);
  if (parts.length === 0) return '';
  const firstGroupIndex = parts.findIndex((part) => typeof part !== 'string' && !Array.isArray(part) && part.type === 'group');
  const headParts = parts.slice(0, firstGroupIndex === -1 ? 1 : firstGroupIndex + 1);
  const rest = parts.slice(headParts.length);
  return group([...headParts, indent(rest)], { id: Symbol('logicalChain') });
}

/**
 * Prettier's parser post-processing rebalances `a || (b || c)` into `(a || b) || c` (same logical
 * operator on the right): the tree it prints. The nodes it makes are the printer's own (no position).
 */
export function rebalance(ctx: Context, node: Ts.BinaryExpression): Ts.BinaryExpression {
  if (estreeType(ctx, node) !== 'LogicalExpression') return node;
  const right = unwrap(ctx, node.right);
  if (right.kind !== ctx.ts.SyntaxKind.BinaryExpression || operatorOf(ctx, right) !== operatorOf(ctx, node)) return node;
  const inner = right as Ts.BinaryExpression;
  const left = rebalance(ctx, { kind: node.kind, left: node.left, operatorToken: node.operatorToken, right: inner.left } as unknown as Ts.BinaryExpression);
  return rebalance(ctx, { kind: node.kind, left, operatorToken: node.operatorToken, right: inner.right } as unknown as Ts.BinaryExpression);
}

/** The node `node` is a part of, parentheses skipped (the source file is parsed with parent links). */
function semanticParent(ctx: Context, node: Ts.Node): Ts.Node {
  let parent = node.parent;
  while (parent.kind === ctx.ts.SyntaxKind.ParenthesizedExpression) parent = parent.parent;
  return parent;
}

/** `Boolean(…)` with one argument: Prettier's isBooleanTypeCoercion. */
function isBooleanCall(ctx: Context, node: Ts.Node): boolean {
  const call = node as Ts.CallExpression;
  const callee = unwrap(ctx, call.expression);
  return call.arguments.length === 1 && callee.kind === ctx.ts.SyntaxKind.Identifier && (callee as Ts.Identifier).text === 'Boolean';
}

/** Prettier's `shouldInlineLogicalExpression`: a logical expression whose right side is a non-empty object or array literal. */
function shouldInlineLogical(ctx: Context, node: Ts.Node): boolean {
  if (estreeType(ctx, node) !== 'LogicalExpression') return false;
  const right = unwrap(ctx, (node as Ts.BinaryExpression).right);
  const K = ctx.ts.SyntaxKind;
  if (right.kind === K.ObjectLiteralExpression) return (right as Ts.ObjectLiteralExpression).properties.length > 0;
  if (right.kind === K.ArrayLiteralExpression) return (right as Ts.ArrayLiteralExpression).elements.length > 0;
  return false;
}

/** Prettier's `printBinaryishExpressions`: the flattened parts of one precedence level. */
function printBinaryishParts(ctx: Context, node: Ts.Node, parent: Ts.Node, isNested: boolean, isInsideParenthesis: boolean): Doc[] {
  const { group, line } = ctx.b;
  if (!isBinaryish(ctx, node)) return [group(ctx.print(node, parent, 'left'))];
  const binary = rebalance(ctx, node as Ts.BinaryExpression);
  const operator = operatorOf(ctx, binary)!;
  const left = unwrap(ctx, binary.left);
  const right = unwrap(ctx, binary.right);
  let parts: Doc[] = [];
  if (shouldFlatten(operator, operatorOf(ctx, left))) parts = printBinaryishParts(ctx, left, binary, true, isInsideParenthesis);
  else parts.push(group(ctx.print(left, binary, 'left')));
  const inline = shouldInlineLogical(ctx, binary);
  let rightDoc: Doc = inline ? [operator, ' ', ctx.print(right, binary, 'right')] : ['', operator, line, ctx.print(right, binary, 'right'), ''];
  const type = estreeType(ctx, binary);
  const shouldGroup =
    !(isInsideParenthesis && type === 'LogicalExpression') && estreeType(ctx, parent) !== type && estreeType(ctx, left) !== type && estreeType(ctx, right) !== type;
  if (shouldGroup) rightDoc = group(rightDoc, { shouldBreak: false });
  parts.push(' ', rightDoc);
  return parts;
}
