/**
 * Expressions as Prettier's estree printer prints them, for the kinds codegen's validators emit:
 * identifiers, literals, unary and update expressions, member access, calls (Prettier's member
 * chain only where it prints the chain on one group: two or three groups) and binary expressions
 * (binaryish.ts). Anything else is Unsupported.
 */
import type { ts as Ts } from 'ts-morph';
import { binaryNeedsParens, isBinaryOperator, printBinaryish } from './binaryish.js';
import { estreeType, operatorOf, unwrap, type Context, type Doc } from './context.js';
import { printNumber, printRegex, printString } from './literals.js';
import { castOrConditionalNeedsParens, printArray, printArrow, printAsConst, printConditional, printObject } from './objects.js';
import { isNextLineEmpty } from './text.js';
import { printTypeArguments } from './types.js';
import { Unsupported } from './unsupported.js';

/** Callees Prettier prints specially (test calls, require/define): left to Prettier. */
const SPECIAL_CALLEES = /^(?:require|define|it|test|describe|xit|xtest|xdescribe|fit|fdescribe|ftest|beforeEach|beforeAll|afterEach|afterAll|async|inject|fakeAsync|waitForAsync|import)$/;

/** `node` (parentheses skipped) printed as the `key` child of `parent`, with the parentheses Prettier keeps. */
export function printExpression(ctx: Context, node: Ts.Node, parent: Ts.Node, key: string): Doc {
  node = unwrap(ctx, node);
  const printed = printBare(ctx, node, parent, key);
  return needsParens(ctx, node, parent, key) ? ['(', printed, ')'] : printed;
}

function needsParens(ctx: Context, node: Ts.Node, parent: Ts.Node, key: string): boolean {
  const K = ctx.ts.SyntaxKind;
  if (node.kind === K.AsExpression || node.kind === K.ConditionalExpression || node.kind === K.ArrowFunction) return castOrConditionalNeedsParens(ctx, node, parent, key);
  if (node.kind === K.ObjectLiteralExpression && (estreeType(ctx, parent) === 'ExpressionStatement' || (estreeType(ctx, parent) === 'ArrowFunctionExpression' && key === 'body'))) throw new Unsupported('object in statement position');
  const type = estreeType(ctx, node);
  const parentType = estreeType(ctx, parent);
  if (type === 'BinaryExpression' || type === 'LogicalExpression') {
    switch (parentType) {
      case 'CallExpression':
        return key === 'callee';
      case 'UnaryExpression':
      case 'UpdateExpression':
      case 'SpreadElement':
      case 'SpreadAssignment':
      case 'NonNullExpression':
        return true;
      case 'MemberExpression':
        return key === 'object';
      case 'BinaryExpression':
      case 'LogicalExpression':
        return binaryNeedsParens(type, operatorOf(ctx, node)!, parentType, operatorOf(ctx, parent)!, key);
      default:
        return false;
    }
  }
  if (type === 'UnaryExpression' || type === 'UpdateExpression') {
    if (parentType === 'MemberExpression' || (parentType === 'CallExpression' && key === 'callee')) throw new Unsupported('unary as object');
    if (parentType === 'UnaryExpression') throw new Unsupported('nested unary');
    if ((parentType === 'BinaryExpression' && operatorOf(ctx, parent) === '**' && key === 'left')) throw new Unsupported('unary base of **');
  }
  return false;
}

function printBare(ctx: Context, node: Ts.Node, parent: Ts.Node, key: string): Doc {
  const K = ctx.ts.SyntaxKind;
  switch (node.kind) {
    case K.Identifier:
      return (node as Ts.Identifier).text;
    case K.StringLiteral:
      ctx.literals.push(node.getStart(ctx.file), node.end);
      return printString(node.getText(ctx.file));
    case K.NumericLiteral:
      return printNumber(node.getText(ctx.file));
    case K.RegularExpressionLiteral:
      ctx.literals.push(node.getStart(ctx.file), node.end);
      return printRegex(node.getText(ctx.file));
    case K.TrueKeyword:
      return 'true';
    case K.FalseKeyword:
      return 'false';
    case K.NullKeyword:
      return 'null';
    case K.ThisKeyword:
      return 'this';
    case K.BinaryExpression: {
      const operator = operatorOf(ctx, node)!;
      if (!isBinaryOperator(operator)) throw new Unsupported(`operator ${operator}`);
      return printBinaryish(ctx, node as Ts.BinaryExpression, parent, key);
    }
    case K.PrefixUnaryExpression: {
      const unary = node as Ts.PrefixUnaryExpression;
      const operator = ctx.ts.tokenToString(unary.operator)!;
      if (operator === '++' || operator === '--') return [operator, printExpression(ctx, unary.operand, node, 'argument')];
      if (operator !== '!' && operator !== '-') throw new Unsupported(`unary ${operator}`);
      return [operator, printExpression(ctx, unary.operand, node, 'argument')];
    }
    case K.TypeOfExpression:
      return ['typeof', ' ', printExpression(ctx, (node as Ts.TypeOfExpression).expression, node, 'argument')];
    case K.PostfixUnaryExpression: {
      const update = node as Ts.PostfixUnaryExpression;
      return [printExpression(ctx, update.operand, node, 'argument'), ctx.ts.tokenToString(update.operator)!];
    }
    case K.PropertyAccessExpression:
    case K.ElementAccessExpression:
      return printMember(ctx, node as Ts.PropertyAccessExpression | Ts.ElementAccessExpression, parent);
    case K.CallExpression:
      return printCall(ctx, node as Ts.CallExpression, parent, key);
    case K.NewExpression: {
      const call = node as Ts.NewExpression;
      const callee = unwrap(ctx, call.expression);
      if (callee.kind !== K.Identifier || !call.arguments) throw new Unsupported('new form');
      const typeArguments = call.typeArguments ? [printTypeArguments(ctx, call.typeArguments, node), ctx.b.lineSuffixBoundary] : '';
      return [['new ', (callee as Ts.Identifier).text, ctx.b.lineSuffixBoundary], '', typeArguments, printArguments(ctx, call as unknown as Ts.CallExpression, parent, key)];
    }
    case K.ObjectLiteralExpression:
      return printObject(ctx, node as Ts.ObjectLiteralExpression);
    case K.ArrayLiteralExpression:
      return printArray(ctx, node as Ts.ArrayLiteralExpression);
    case K.ArrowFunction:
      return printArrow(ctx, node as Ts.ArrowFunction, false);
    case K.ConditionalExpression:
      return printConditional(ctx, node as Ts.ConditionalExpression, parent, key);
    case K.AsExpression:
      return printAsConst(ctx, node as Ts.AsExpression);
    default:
      throw new Unsupported(K[node.kind]!);
  }
}

/** Prettier's member lookup: `.name`, or `[key]` in a group that may break inside the brackets. */
function printLookup(ctx: Context, node: Ts.PropertyAccessExpression | Ts.ElementAccessExpression): Doc {
  const { group, indent, softline } = ctx.b;
  if (node.questionDotToken) throw new Unsupported('optional chain');
  if (node.kind === ctx.ts.SyntaxKind.PropertyAccessExpression) {
    const name = (node as Ts.PropertyAccessExpression).name;
    if (name.kind !== ctx.ts.SyntaxKind.Identifier) throw new Unsupported('private name');
    return ['.', name.text];
  }
  const argument = unwrap(ctx, (node as Ts.ElementAccessExpression).argumentExpression);
  const property = printExpression(ctx, argument, node, 'property');
  if (argument.kind === ctx.ts.SyntaxKind.NumericLiteral) return ['[', property, ']'];
  return group(['[', indent([softline, property]), softline, ']']);
}

/** Prettier's member expression outside a call chain. */
function printMember(ctx: Context, node: Ts.PropertyAccessExpression | Ts.ElementAccessExpression, parent: Ts.Node): Doc {
  const { group, indent, softline, lineSuffixBoundary } = ctx.b;
  const object = unwrap(ctx, node.expression);
  const printedObject = printExpression(ctx, object, node, 'object');
  const lookup = printLookup(ctx, node);
  const computed = node.kind === ctx.ts.SyntaxKind.ElementAccessExpression;
  const parentType = estreeType(ctx, parent);
  // Prettier's test, for the ancestors the printer supports (no assignment, `new` or non-null chain).
  const flat =
    computed ||
    (object.kind === ctx.ts.SyntaxKind.Identifier && parentType !== 'MemberExpression') ||
    (parentType === 'VariableDeclarator' && isCallWithArguments(ctx, object));
  return [printedObject, lineSuffixBoundary, flat ? lookup : group(indent([softline, lookup]))];
}

function isCallWithArguments(ctx: Context, node: Ts.Node): boolean {
  return node.kind === ctx.ts.SyntaxKind.CallExpression && (node as Ts.CallExpression).arguments.length > 0;
}

function isMemberish(ctx: Context, node: Ts.Node): boolean {
  return node.kind === ctx.ts.SyntaxKind.PropertyAccessExpression || node.kind === ctx.ts.SyntaxKind.ElementAccessExpression;
}

/** Prettier's call expression: a plain call, or a member chain that fits Prettier's one-group case. */
function printCall(ctx: Context, node: Ts.CallExpression, parent: Ts.Node, key: string): Doc {
  const { group, lineSuffixBoundary } = ctx.b;
  if (node.questionDotToken) throw new Unsupported('optional call');
  const callee = unwrap(ctx, node.expression);
  const head = calleeHead(ctx, callee);
  if (head !== undefined && SPECIAL_CALLEES.test(head)) throw new Unsupported(`call of ${head}`);
  if (node.arguments.length === 1 && node.arguments[0]!.kind === ctx.ts.SyntaxKind.NoSubstitutionTemplateLiteral) throw new Unsupported('template argument');
  if (isMemberish(ctx, callee)) return printMemberChain(ctx, node, parent, key);
  const typeArguments = node.typeArguments ? [printTypeArguments(ctx, node.typeArguments, node), lineSuffixBoundary] : '';
  const parts: Doc = [['', printExpression(ctx, callee, node, 'callee'), lineSuffixBoundary], '', typeArguments, printArguments(ctx, node, parent, key)];
  return callee.kind === ctx.ts.SyntaxKind.CallExpression ? group(parts) : parts;
}

/** The identifier a callee starts with (`a` of `a.b.c`), if any: Prettier's test-call and require checks look at it. */
function calleeHead(ctx: Context, callee: Ts.Node): string | undefined {
  let node = callee;
  while (isMemberish(ctx, node) || node.kind === ctx.ts.SyntaxKind.CallExpression) node = unwrap(ctx, (node as Ts.PropertyAccessExpression).expression);
  if (node.kind !== ctx.ts.SyntaxKind.Identifier) return undefined;
  return (node as Ts.Identifier).text;
}

interface ChainNode {
  node: Ts.Node;
  printed: Doc;
  hasTrailingEmptyLine?: boolean;
}

/** Prettier's printMemberChain, for chains it prints as one group (at most its cutoff of groups); longer chains are Unsupported. */
function printMemberChain(ctx: Context, node: Ts.CallExpression, parent: Ts.Node, key: string): Doc {
  const { group } = ctx.b;
  const K = ctx.ts.SyntaxKind;
  const isExpressionStatement = parent.kind === K.ExpressionStatement;
  const nodes: ChainNode[] = [{ node, printed: ['', callTypeArguments(ctx, node), printArguments(ctx, node, parent, key)] }];
  const trailingEmptyLine = (call: Ts.Node): boolean => {
    let at = call.end;
    while (at < ctx.text.length && /\s/.test(ctx.text[at]!)) at += 1;
    return ctx.text[at] === ')' ? isNextLineEmpty(ctx.text, at + 1) : isNextLineEmpty(ctx.text, call.end);
  };
  let current: Ts.Node = unwrap(ctx, node.expression);
  let currentParent: Ts.Node = node;
  for (;;) {
    if (current.kind === K.CallExpression && isMemberish(ctx, unwrap(ctx, (current as Ts.CallExpression).expression))) {
      const call = current as Ts.CallExpression;
      if (call.questionDotToken) throw new Unsupported('optional call');
      const empty = trailingEmptyLine(call);
      nodes.unshift({ node: call, hasTrailingEmptyLine: empty, printed: [['', callTypeArguments(ctx, call), printArguments(ctx, call, currentParent, 'callee')], empty ? ctx.b.hardline : ''] });
      currentParent = call;
      current = unwrap(ctx, call.expression);
    } else if (current.kind === K.CallExpression && unwrap(ctx, (current as Ts.CallExpression).expression).kind === K.CallExpression) {
      throw new Unsupported('curried call in chain');
    } else if (isMemberish(ctx, current)) {
      nodes.unshift({ node: current, printed: printLookup(ctx, current as Ts.PropertyAccessExpression) });
      currentParent = current;
      current = unwrap(ctx, (current as Ts.PropertyAccessExpression).expression);
    } else {
      nodes.unshift({ node: current, printed: printExpression(ctx, current, currentParent, currentParent.kind === K.CallExpression ? 'callee' : 'object') });
      break;
    }
  }
  const isCall = (entry: ChainNode | undefined) => entry !== undefined && entry.node.kind === K.CallExpression;
  const isNumericLookup = (entry: ChainNode) =>
    entry.node.kind === K.ElementAccessExpression && unwrap(ctx, (entry.node as Ts.ElementAccessExpression).argumentExpression).kind === K.NumericLiteral;
  const groups: ChainNode[][] = [];
  let currentGroup: ChainNode[] = [nodes[0]!];
  let index = 1;
  for (; index < nodes.length && (isCall(nodes[index]) || isNumericLookup(nodes[index]!)); index += 1) currentGroup.push(nodes[index]!);
  if (!isCall(nodes[0])) {
    for (; index + 1 < nodes.length && isMemberish(ctx, nodes[index]!.node) && isMemberish(ctx, nodes[index + 1]!.node); index += 1) currentGroup.push(nodes[index]!);
  }
  groups.push(currentGroup);
  currentGroup = [];
  let hasSeenCall = false;
  for (; index < nodes.length; index += 1) {
    const entry = nodes[index]!;
    if (hasSeenCall && isMemberish(ctx, entry.node)) {
      if (isNumericLookup(entry)) {
        currentGroup.push(entry);
        continue;
      }
      groups.push(currentGroup);
      currentGroup = [];
      hasSeenCall = false;
    }
    if (isCall(entry)) hasSeenCall = true;
    currentGroup.push(entry);
  }
  if (currentGroup.length > 0) groups.push(currentGroup);
  const isFactory = (name: string) => /^[A-Z]|^[$_]+$/.test(name);
  const shouldNotWrap = (): boolean => {
    const computed = groups[1]![0]?.node.kind === K.ElementAccessExpression;
    if (groups[0]!.length === 1) {
      const first = groups[0]![0]!.node;
      return first.kind === K.ThisKeyword || (first.kind === K.Identifier && (isFactory((first as Ts.Identifier).text) || (isExpressionStatement && (first as Ts.Identifier).text.length <= ctx.tabWidth) || computed));
    }
    const last = groups[0]![groups[0]!.length - 1]!.node;
    return last.kind === K.PropertyAccessExpression && (isFactory((last as Ts.PropertyAccessExpression).name.text) || computed);
  };
  const shouldMerge = groups.length >= 2 && groups[1]!.length > 0 && shouldNotWrap();
  const cutoff = shouldMerge ? 3 : 2;
  if (groups.length > cutoff || groups.some((chainGroup) => chainGroup[chainGroup.length - 1]!.hasTrailingEmptyLine)) throw new Unsupported('long member chain');
  const printed = groups.map((chainGroup) => chainGroup.map((entry) => entry.printed));
  const curried = key === 'callee' && parent.kind === K.CallExpression && (parent as Ts.CallExpression).arguments.length > 0 && node.arguments.length > (parent as Ts.CallExpression).arguments.length;
  return curried ? printed : group(printed);
}

function callTypeArguments(ctx: Context, node: Ts.CallExpression): Doc {
  return node.typeArguments ? printTypeArguments(ctx, node.typeArguments, node) : '';
}

/** Prettier's printCallArguments: arguments on one line, else one per line, or the last one hugged (an arrow, an object, an array). */
function printArguments(ctx: Context, node: Ts.CallExpression, parent: Ts.Node, key: string): Doc {
  const { group, indent, softline, line, ifBreak, conditionalGroup, breakParent } = ctx.b;
  const K = ctx.ts.SyntaxKind;
  const args = node.arguments;
  if (args.length === 0) {
    if (/\/[/*]/.test(ctx.text.slice(node.expression.end, node.end))) throw new Unsupported('comment in call');
    return group(['(', '', ')']);
  }
  const bare = args.map((arg) => unwrap(ctx, arg));
  if (bare.some((arg) => [K.FunctionExpression, K.SpreadElement, K.SatisfiesExpression, K.TypeAssertionExpression].includes(arg.kind))) throw new Unsupported('argument kind');
  if (bare.some((arg) => arg.kind === K.ArrowFunction && (arg as Ts.ArrowFunction).body.kind === K.Block)) throw new Unsupported('arrow with a block');
  const printed: Doc[] = [];
  bare.forEach((arg, index) => {
    const doc = printExpression(ctx, arg, node, 'arguments');
    if (index === args.length - 1) printed.push(doc);
    else if (isNextLineEmpty(ctx.text, args[index]!.end)) throw new Unsupported('empty line between arguments');
    else printed.push([doc, ',', line]);
  });
  const allArgsBrokenOut = () => group(['(', indent([line, ...printed]), ifBreak(','), line, ')'], { shouldBreak: true });
  // isFunctionCompositionArgs: an argument that is a call with a function argument.
  if (args.length > 1 && bare.some((arg) => arg.kind === K.CallExpression && (arg as Ts.CallExpression).arguments.some((inner) => unwrap(ctx, inner).kind === K.ArrowFunction || unwrap(ctx, inner).kind === K.FunctionExpression))) {
    return allArgsBrokenOut();
  }
  const last = bare[bare.length - 1]!;
  const penultimate = bare[bare.length - 2];
  if (
    couldExpandArg(ctx, last, false) &&
    (!penultimate || penultimate.kind !== last.kind) &&
    (args.length !== 2 || penultimate!.kind !== K.ArrowFunction || last.kind !== K.ArrayLiteralExpression)
  ) {
    const head = printed.slice(0, -1);
    if (head.some((doc) => ctx.willBreak(doc))) return allArgsBrokenOut();
    const lastDoc = last.kind === K.ArrowFunction ? printArrow(ctx, last as Ts.ArrowFunction, true) : printExpression(ctx, last, node, 'arguments');
    if (ctx.willBreak(lastDoc)) return [breakParent, conditionalGroup([['(', ...head, group(lastDoc, { shouldBreak: true }), ')'], allArgsBrokenOut()])];
    return conditionalGroup([['(', ...head, lastDoc, ')'], ['(', ...head, group(lastDoc, { shouldBreak: true }), ')'], allArgsBrokenOut()]);
  }
  const contents = ['(', indent([softline, ...printed]), ifBreak(','), softline, ')'];
  const curried = key === 'callee' && parent.kind === K.CallExpression && (parent as Ts.CallExpression).arguments.length > 0 && args.length > (parent as Ts.CallExpression).arguments.length;
  if (curried) return contents;
  return group(contents, { shouldBreak: printed.some((doc) => ctx.willBreak(doc)) });
}

/** Prettier's couldExpandArg: a last argument that may be hugged. */
function couldExpandArg(ctx: Context, arg: Ts.Node, arrowChainRecursion: boolean): boolean {
  const K = ctx.ts.SyntaxKind;
  if (arg.kind === K.ObjectLiteralExpression) return (arg as Ts.ObjectLiteralExpression).properties.length > 0;
  if (arg.kind === K.ArrayLiteralExpression) {
    const elements = (arg as Ts.ArrayLiteralExpression).elements;
    if (elements.length > 0 && elements.every((element) => unwrap(ctx, element).kind === K.NumericLiteral)) throw new Unsupported('concise array argument');
    return elements.length > 0;
  }
  if (arg.kind === K.AsExpression) return couldExpandArg(ctx, unwrap(ctx, (arg as Ts.AsExpression).expression), arrowChainRecursion);
  if (arg.kind === K.ArrowFunction) {
    const body = unwrap(ctx, (arg as Ts.ArrowFunction).body);
    if ([K.Block, K.ObjectLiteralExpression, K.ArrayLiteralExpression].includes(body.kind)) return true;
    if (body.kind === K.ArrowFunction) return couldExpandArg(ctx, body, true);
    if (!arrowChainRecursion && (body.kind === K.ConditionalExpression || body.kind === K.CallExpression)) return true;
  }
  return false;
}
