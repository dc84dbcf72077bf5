/**
 * The constructs of codegen's mocks, as Prettier prints them: object literals (identifier keys
 * and quoted ones Prettier unquotes, spreads; kept broken when the source breaks after `{`, Prettier's objectWrap "preserve") with
 * Prettier's assignment layout for each property, array literals (not of numbers only: those are
 * filled), arrow functions with an expression body (also as a hugged last argument), conditional
 * expressions (not nested), and `as const`. Anything else is Unsupported.
 */
import type { ts as Ts } from 'ts-morph';
import { estreeType, operatorOf, unwrap, type Context, type Doc } from './context.js';
import { printString } from './literals.js';
import { isNextLineEmpty } from './text.js';
import { hasComplexTypeArguments } from './types.js';
import { Unsupported } from './unsupported.js';

/** Prettier's `printObject` for an object literal. */
export function printObject(ctx: Context, node: Ts.ObjectLiteralExpression): Doc {
  const { group, indent, line, ifBreak } = ctx.b;
  const K = ctx.ts.SyntaxKind;
  const properties = node.properties;
  if (properties.length === 0) return group(['{', '', '}']);
  // objectWrap "preserve": a line break between `{` and the first property keeps the object broken.
  const shouldBreak = ctx.text.slice(node.getStart(ctx.file), properties[0]!.getStart(ctx.file)).includes('\n');
  const parts: Doc[] = [];
  let separator: Doc[] = [];
  for (const property of properties) {
    let printed: Doc;
    if (property.kind === K.PropertyAssignment) printed = printProperty(ctx, property as Ts.PropertyAssignment);
    else if (property.kind === K.SpreadAssignment) printed = ['...', ctx.print((property as Ts.SpreadAssignment).expression, property, 'argument')];
    else throw new Unsupported(K[property.kind]!);
    parts.push([...separator, printed]);
    separator = [',', line];
    if (isNextLineEmpty(ctx.text, property.end)) throw new Unsupported('empty line in object');
  }
  return group(['{', indent([line, ...parts]), ifBreak(','), line, '}', '', ''], { shouldBreak });
}

/** `key: value` with Prettier's assignment layout (chooseLayout) for an object property. */
function printProperty(ctx: Context, node: Ts.PropertyAssignment): Doc {
  const K = ctx.ts.SyntaxKind;
  const value = unwrap(ctx, node.initializer);
  return printKeyed(ctx, printPropertyKey(ctx, node.name, 'property key'), value, ctx.print(value, node, 'value'));
}

/**
 * A property key (an object literal's, or a renamed pattern element's) as Prettier prints it
 * under quoteProps "as-needed": a name, or a quoted one it unquotes (an ES5 identifier name
 * written without escapes: `{ "name": x }` prints `{ name: x }`). Any other key (computed, a
 * number, a string Prettier keeps quoted) is Unsupported, reported as `what`.
 */
export function printPropertyKey(ctx: Context, name: Ts.PropertyName, what: string): string {
  const K = ctx.ts.SyntaxKind;
  if (name.kind === K.Identifier) return name.text;
  if (name.kind !== K.StringLiteral) throw new Unsupported(what);
  const raw = name.getText(ctx.file);
  const value = (name as Ts.StringLiteral).text;
  // ASCII only: the printer does not carry Prettier's Unicode tables for identifier names.
  if (!/^[$A-Z_a-z][$0-9A-Z_a-z]*$/.test(value) || raw.slice(1, -1) !== value) throw new Unsupported(`quoted ${what}`);
  ctx.literals.push(name.getStart(ctx.file), name.end);
  return value;
}

/**
 * `key: value` as Prettier's printProperty prints an object property (a literal's, or a
 * destructuring pattern's `key: name`): printAssignment with its chooseLayout. `key` is the key as
 * printed, a name (a quoted key Prettier keeps quoted is not supported).
 */
export function printKeyed(ctx: Context, key: string, value: Ts.Node, printedValue: Doc): Doc {
  const { group, indent, line, indentIfBreak, lineSuffixBoundary } = ctx.b;
  const K = ctx.ts.SyntaxKind;
  const type = estreeType(ctx, value);
  const binaryish = type === 'BinaryExpression' || type === 'LogicalExpression';
  let layout: 'break-after-operator' | 'never-break-after-operator' | 'fluid';
  if (binaryish && !isInlineLogical(ctx, value)) layout = 'break-after-operator';
  else if (value.kind === K.CallExpression && unwrap(ctx, (value as Ts.CallExpression).expression).getText(ctx.file) === 'require') throw new Unsupported('require');
  else {
    const shortKey = key.length < ctx.tabWidth + 3;
    if (breaksAfterOperator(ctx, value, shortKey)) layout = 'break-after-operator';
    else if (shortKey || value.kind === K.NumericLiteral || value.kind === K.TrueKeyword || value.kind === K.FalseKeyword || value.kind === K.TemplateExpression || value.kind === K.NoSubstitutionTemplateLiteral) {
      layout = 'never-break-after-operator';
    } else layout = 'fluid';
  }
  if (layout === 'break-after-operator') return group([group(key), ':', group(indent([line, printedValue]))]);
  if (layout === 'never-break-after-operator') return group([group(key), ':', ' ', printedValue]);
  const groupId = Symbol('assignment');
  return group([group(key), ':', group(indent(line), { id: groupId }), lineSuffixBoundary, indentIfBreak(printedValue, { groupId })]);
}

function isInlineLogical(ctx: Context, node: Ts.Node): boolean {
  if (estreeType(ctx, node) !== 'LogicalExpression') return false;
  const right = unwrap(ctx, (node as Ts.BinaryExpression).right);
  const K = ctx.ts.SyntaxKind;
  return (
    (right.kind === K.ObjectLiteralExpression && (right as Ts.ObjectLiteralExpression).properties.length > 0) ||
    (right.kind === K.ArrayLiteralExpression && (right as Ts.ArrayLiteralExpression).elements.length > 0)
  );
}

/** Prettier's `shouldBreakAfterOperator` for a property value (binary values handled by the caller). */
function breaksAfterOperator(ctx: Context, value: Ts.Node, shortKey: boolean): boolean {
  const K = ctx.ts.SyntaxKind;
  if (value.kind === K.ConditionalExpression) {
    const test = unwrap(ctx, (value as Ts.ConditionalExpression).condition);
    const type = estreeType(ctx, test);
    return (type === 'BinaryExpression' || type === 'LogicalExpression') && !isInlineLogical(ctx, test);
  }
  if (shortKey) return false;
  let node = value;
  while (node.kind === K.PrefixUnaryExpression || node.kind === K.TypeOfExpression || node.kind === K.NonNullExpression) {
    if (node.kind === K.PrefixUnaryExpression && [K.PlusPlusToken, K.MinusMinusToken].includes((node as Ts.PrefixUnaryExpression).operator)) break;
    node = unwrap(ctx, (node as Ts.PrefixUnaryExpression).operand ?? (node as Ts.TypeOfExpression).expression);
  }
  if (node.kind === K.StringLiteral) return true;
  return isPoorlyBreakableChain(ctx, node, false);
}

/** Prettier's isPoorlyBreakableMemberOrCallChain (calls of at most one short argument, down to a name). */
export function isPoorlyBreakableChain(ctx: Context, node: Ts.Node, deep: boolean): boolean {
  const K = ctx.ts.SyntaxKind;
  if (node.kind === K.CallExpression) {
    const call = node as Ts.CallExpression;
    const args = call.arguments;
    if (!(args.length === 0 || (args.length === 1 && isLoneShortArgument(ctx, unwrap(ctx, args[0]!))))) return false;
    if (hasComplexTypeArguments(ctx, call.typeArguments)) return false;
    return isPoorlyBreakableChain(ctx, unwrap(ctx, call.expression), true);
  }
  if (node.kind === K.PropertyAccessExpression || node.kind === K.ElementAccessExpression) return isPoorlyBreakableChain(ctx, unwrap(ctx, (node as Ts.PropertyAccessExpression).expression), true);
  return deep && (node.kind === K.Identifier || node.kind === K.ThisKeyword);
}

/** Prettier's isLoneShortArgument, for the kinds the printer supports. */
function isLoneShortArgument(ctx: Context, node: Ts.Node): boolean {
  const K = ctx.ts.SyntaxKind;
  const limit = 80 * 0.25;
  switch (node.kind) {
    case K.ThisKeyword:
      return true;
    case K.Identifier:
      return (node as Ts.Identifier).text.length <= limit;
    case K.StringLiteral:
      return printString(node.getText(ctx.file)).length <= limit;
    case K.RegularExpressionLiteral:
      return node.getText(ctx.file).lastIndexOf('/') - 1 <= limit;
    case K.PrefixUnaryExpression: {
      const operand = unwrap(ctx, (node as Ts.PrefixUnaryExpression).operand);
      return isLoneShortArgument(ctx, operand);
    }
    case K.CallExpression: {
      const call = node as Ts.CallExpression;
      const callee = unwrap(ctx, call.expression);
      return call.arguments.length === 0 && callee.kind === K.Identifier && (callee as Ts.Identifier).text.length <= limit - 2;
    }
    case K.NumericLiteral:
    case K.TrueKeyword:
    case K.FalseKeyword:
    case K.NullKeyword:
      return true;
    default:
      return false;
  }
}

/** Prettier's array literal: items in groups, broken one per line when the line does not fit. */
export function printArray(ctx: Context, node: Ts.ArrayLiteralExpression): Doc {
  const { group, indent, softline, line, ifBreak } = ctx.b;
  const K = ctx.ts.SyntaxKind;
  const elements = node.elements;
  if (elements.length === 0) return [group(['[', '', ']']), '', ''];
  if (elements.some((element) => element.kind === K.SpreadElement || element.kind === K.OmittedExpression)) throw new Unsupported('array element');
  const bare = elements.map((element) => unwrap(ctx, element));
  if (isConciselyPrintedArray(ctx, node)) return printConciseArray(ctx, node);
  const shouldBreak =
    elements.length > 1 &&
    bare.every((element, index) => {
      const isArray = element.kind === K.ArrayLiteralExpression;
      if (!isArray && element.kind !== K.ObjectLiteralExpression) return false;
      const next = bare[index + 1];
      if (next && next.kind !== element.kind) return false;
      return (isArray ? (element as Ts.ArrayLiteralExpression).elements.length : (element as Ts.ObjectLiteralExpression).properties.length) > 1;
    });
  const items: Doc[] = [];
  bare.forEach((element, index) => {
    items.push(group(ctx.print(element, node, 'elements')));
    if (index < bare.length - 1) {
      if (isNextLineEmpty(ctx.text, elements[index]!.end)) throw new Unsupported('empty line in array');
      items.push([',', line, '']);
    }
  });
  const id = Symbol('array');
  return [group(['[', indent([softline, [items, ifBreak(',')], '']), softline, ']'], { shouldBreak, id }), '', ''];
}

/**
 * Prettier's isConciselyPrintedArray: two or more elements, each a number or a signed number
 * (`[65, 90]`, `[-1, 0.5]`), which Prettier fills rather than breaking one a line.
 */
export function isConciselyPrintedArray(ctx: Context, node: Ts.ArrayLiteralExpression): boolean {
  const K = ctx.ts.SyntaxKind;
  const isNumber = (element: Ts.Node): boolean => {
    if (element.kind === K.NumericLiteral) return true;
    if (element.kind !== K.PrefixUnaryExpression) return false;
    const unary = element as Ts.PrefixUnaryExpression;
    return (unary.operator === K.MinusToken || unary.operator === K.PlusToken) && unary.operand.kind === K.NumericLiteral;
  };
  // Parenthesized numbers are not Prettier's numeric literals (its parse drops the parentheses, but
  // they are rare enough to leave to Prettier rather than prove).
  return node.elements.length > 1 && node.elements.every(isNumber);
}

/**
 * An array of numbers as Prettier's printArrayItemsConcisely prints it: the numbers filled, as many
 * a line as fit, with the trailing comma of the array's group when it breaks.
 */
function printConciseArray(ctx: Context, node: Ts.ArrayLiteralExpression): Doc {
  const { group, indent, softline, line, ifBreak, fill } = ctx.b;
  const elements = node.elements;
  const id = Symbol('array');
  const trailingComma = ifBreak(',', '', { groupId: id });
  const parts: Doc[] = [];
  elements.forEach((element, index) => {
    const last = index === elements.length - 1;
    parts.push([ctx.print(element, node, 'elements'), last ? trailingComma : ',']);
    if (!last) {
      if (isNextLineEmpty(ctx.text, element.end)) throw new Unsupported('empty line in array');
      parts.push(line);
    }
  });
  return [group(['[', indent([softline, fill(parts), '']), softline, ']'], { shouldBreak: false, id }), '', ''];
}

/** `expression as const` (the only cast the printer supports). */
export function printAsConst(ctx: Context, node: Ts.AsExpression): Doc {
  const type = node.type;
  if (type.kind !== ctx.ts.SyntaxKind.TypeReference || (type as Ts.TypeReferenceNode).typeName.getText(ctx.file) !== 'const') throw new Unsupported('cast');
  return [ctx.print(node.expression, node, 'expression'), ' as ', 'const'];
}

/** Prettier's (non-experimental) ternary, for a conditional that neither holds nor is held by another. */
export function printConditional(ctx: Context, node: Ts.ConditionalExpression, parent: Ts.Node, key: string): Doc {
  const { group, indent, line, align } = ctx.b;
  const K = ctx.ts.SyntaxKind;
  const consequent = unwrap(ctx, node.whenTrue);
  const alternate = unwrap(ctx, node.whenFalse);
  const test = unwrap(ctx, node.condition);
  if ([consequent, alternate, test].some((part) => part.kind === K.ConditionalExpression) || parent.kind === K.ConditionalExpression) throw new Unsupported('nested conditional');
  const parentType = estreeType(ctx, parent);
  if (parentType === 'MemberExpression' || (parentType === 'CallExpression' && key === 'callee') || parentType === 'NonNullExpression') throw new Unsupported('conditional in a chain');
  const parts = [line, '? ', '', align(2, ctx.print(consequent, node, 'consequent')), '', line, ': ', align(2, ctx.print(alternate, node, 'alternate'))];
  return group([ctx.print(test, node, 'test'), indent(parts), '']);
}

/**
 * An arrow function with an expression body and plain parameters (`(r) => f(r)`); `expandLastArg`:
 * printed as the hugged last argument of a call (Prettier's printArrowFunction with that flag).
 */
export function printArrow(ctx: Context, node: Ts.ArrowFunction, expandLastArg: boolean): Doc {
  const { group, indent, softline, line, ifBreak } = ctx.b;
  const K = ctx.ts.SyntaxKind;
  if (node.modifiers?.length || node.typeParameters || node.type || node.body.kind === K.Block) throw new Unsupported('arrow form');
  const params = node.parameters;
  const names = params.map((param) => {
    if (param.dotDotDotToken || param.initializer || param.type || param.questionToken || param.name.kind !== K.Identifier) throw new Unsupported('arrow parameter');
    return param.name.text;
  });
  let parameters: Doc;
  if (names.length === 0) parameters = ['', '(', '', ')'];
  else {
    const printed: Doc[] = [];
    names.forEach((name, index) => {
      printed.push(name);
      if (index < names.length - 1) printed.push(',', line);
    });
    // Hugged, the parameters are printed without their line breaks (removeLines).
    parameters = expandLastArg ? group(['', '(', printed.map((part) => (part === line ? ' ' : part)), ')']) : ['', '(', indent([softline, ...printed]), ifBreak(','), softline, ')'];
  }
  const signature = ['', group([parameters, expandLastArg ? group('') : ''])];
  const body = unwrap(ctx, node.body);
  if (body.kind === K.ConditionalExpression || body.kind === K.ObjectLiteralExpression || body.kind === K.ArrayLiteralExpression || body.kind === K.ArrowFunction) {
    throw new Unsupported('arrow body');
  }
  const printedBody = ctx.print(body, node, 'body');
  const trailing = expandLastArg ? ifBreak(',') : '';
  const after = expandLastArg ? softline : '';
  return group([group(signature, { id: Symbol('arrow-chain') }), ' =>', group([indent([line, printedBody, '']), trailing, after]), '']);
}

/** Whether a conditional, a cast or an arrow needs parentheses as the `key` child of `parent`. */
export function castOrConditionalNeedsParens(ctx: Context, node: Ts.Node, parent: Ts.Node, key: string): boolean {
  const K = ctx.ts.SyntaxKind;
  const parentType = estreeType(ctx, parent);
  if (node.kind === K.AsExpression) {
    return (
      ['ConditionalExpression', 'UnaryExpression', 'SpreadAssignment', 'SpreadElement', 'NonNullExpression', 'UpdateExpression', 'BinaryExpression', 'LogicalExpression', 'AsExpression'].includes(parentType) ||
      (parentType === 'CallExpression' && key === 'callee') ||
      (parentType === 'MemberExpression' && key === 'object')
    );
  }
  if (node.kind === K.ConditionalExpression) {
    return (
      ['UnaryExpression', 'SpreadAssignment', 'SpreadElement', 'NonNullExpression', 'BinaryExpression', 'LogicalExpression', 'AsExpression'].includes(parentType) ||
      (parentType === 'CallExpression' && key === 'callee') ||
      (parentType === 'MemberExpression' && key === 'object') ||
      (parentType === 'ConditionalExpression' && key === 'test')
    );
  }
  if (node.kind === K.ArrowFunction) {
    if (parentType === 'ArrayLiteralExpression' || parentType === 'ObjectProperty' || (parentType === 'CallExpression' && key === 'arguments')) return false;
    throw new Unsupported('arrow here');
  }
  void operatorOf;
  return false;
}
