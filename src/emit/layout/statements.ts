/**
 * Statements and declarations as Prettier's estree printer prints them (statement.js, block.js,
 * if-statement, for, for-in, switch, return, variable declarations with their assignment layout,
 * function declarations and their parameters, imports): the kinds codegen's validators emit.
 */
import type { ts as Ts } from 'ts-morph';
import { estreeType, unwrap, type Context, type Doc } from './context.js';
import { printExpression } from './expressions.js';
import { isPoorlyBreakableChain, printKeyed, printPropertyKey } from './objects.js';
import { printString } from './literals.js';
import { isNextLineEmpty } from './text.js';
import { printReturnType, printType } from './types.js';
import { Unsupported } from './unsupported.js';

/** Statements one per line, with one blank line kept where the source has one (Prettier's printStatementSequence). */
export function printSequence(ctx: Context, statements: readonly Ts.Statement[], parent: Ts.Node): Doc[] {
  const { hardline } = ctx.b;
  const parts: Doc[] = [];
  statements.forEach((statement, index) => {
    if (statement.kind === ctx.ts.SyntaxKind.EmptyStatement) throw new Unsupported('empty statement');
    parts.push(printStatement(ctx, statement, parent));
    if (index < statements.length - 1) {
      parts.push(hardline);
      if (isNextLineEmpty(ctx.text, statement.end)) parts.push(hardline);
    }
  });
  return parts;
}

/** One statement, the `key` child of `parent`. */
export function printStatement(ctx: Context, node: Ts.Statement, parent: Ts.Node): Doc {
  const K = ctx.ts.SyntaxKind;
  const { group, indent, softline, hardline, line, ifBreak } = ctx.b;
  switch (node.kind) {
    case K.ExpressionStatement: {
      const expression = unwrap(ctx, (node as Ts.ExpressionStatement).expression);
      if (expression.kind === K.BinaryExpression && (expression as Ts.BinaryExpression).operatorToken.kind === K.EqualsToken) {
        return [printAssignment(ctx, expression as Ts.BinaryExpression), ';'];
      }
      if (![K.CallExpression, K.PostfixUnaryExpression].includes(expression.kind)) throw new Unsupported('expression statement');
      return [printExpression(ctx, expression, node, 'expression'), ';'];
    }
    case K.ReturnStatement: {
      const argument = (node as Ts.ReturnStatement).expression;
      if (!argument) return ['return', '', ';'];
      const bare = unwrap(ctx, argument);
      const printed = printExpression(ctx, bare, node, 'argument');
      const type = estreeType(ctx, bare);
      if (type === 'BinaryExpression' || type === 'LogicalExpression') {
        return ['return', [' ', group([ifBreak('('), indent([softline, printed]), softline, ifBreak(')')])], ';'];
      }
      return ['return', [' ', printed], ';'];
    }
    case K.BreakStatement:
      if ((node as Ts.BreakStatement).label) throw new Unsupported('labelled break');
      return ['break', '', ';'];
    case K.Block:
      return printBlock(ctx, node as Ts.Block, parent);
    case K.IfStatement:
      return printIf(ctx, node as Ts.IfStatement);
    case K.ForStatement: {
      const loop = node as Ts.ForStatement;
      if (!loop.initializer || !loop.condition) throw new Unsupported('for without init or test');
      if (loop.initializer.kind !== K.VariableDeclarationList) throw new Unsupported('for init');
      const init = printVariables(ctx, loop.initializer as Ts.VariableDeclarationList, node, false);
      const test = printExpression(ctx, loop.condition, node, 'test');
      const update = loop.incrementor ? [line, printExpression(ctx, loop.incrementor, node, 'update')] : '';
      return ['', group(['for (', group([indent([softline, init, ';', line, test, ';', update]), softline]), ')', printClause(ctx, loop.statement, node, 'body')])];
    }
    case K.ForInStatement: {
      const loop = node as Ts.ForInStatement;
      if (loop.initializer.kind !== K.VariableDeclarationList) throw new Unsupported('for-in target');
      const left = printVariables(ctx, loop.initializer as Ts.VariableDeclarationList, node, false);
      return group(['for', '', ' (', left, ctx.b.lineSuffixBoundary, ' ', 'in', ' ', printExpression(ctx, loop.expression, node, 'right'), ')', printClause(ctx, loop.statement, node, 'body')]);
    }
    case K.SwitchStatement:
      return printSwitch(ctx, node as Ts.SwitchStatement);
    case K.VariableStatement: {
      const statement = node as Ts.VariableStatement;
      if (statement.modifiers?.length) throw new Unsupported('modifiers on variables');
      return printVariables(ctx, statement.declarationList, node, true);
    }
    case K.FunctionDeclaration:
      return printFunction(ctx, node as Ts.FunctionDeclaration);
    case K.ImportDeclaration:
      return printImport(ctx, node as Ts.ImportDeclaration);
    default:
      void hardline;
      throw new Unsupported(K[node.kind]!);
  }
}

/** Prettier's block: `{}` for an empty function or loop body, else the statements indented. */
function printBlock(ctx: Context, node: Ts.Block, parent: Ts.Node): Doc {
  const { indent, hardline } = ctx.b;
  const K = ctx.ts.SyntaxKind;
  if (node.statements.length === 0) {
    if (/\/[/*]/.test(ctx.text.slice(node.getStart(ctx.file), node.end))) throw new Unsupported('comment in empty block');
    if ([K.FunctionDeclaration, K.ArrowFunction, K.FunctionExpression, K.ForStatement, K.WhileStatement, K.DoStatement].includes(parent.kind)) return ['{', '}'];
    throw new Unsupported('empty block');
  }
  return ['{', indent([hardline, printSequence(ctx, node.statements, node)]), hardline, '}'];
}

/** Prettier's `adjustClause` for a loop or if body: a block after a space, else indented on a new line when it does not fit. */
function printClause(ctx: Context, node: Ts.Statement, parent: Ts.Node, key: string): Doc {
  const { indent, line } = ctx.b;
  const K = ctx.ts.SyntaxKind;
  if (node.kind === K.EmptyStatement) throw new Unsupported('empty clause');
  const printed = printStatement(ctx, node, parent);
  if (node.kind === K.Block || (node.kind === K.IfStatement && parent.kind === K.IfStatement && key === 'alternate')) return [' ', printed];
  return indent([line, printed]);
}

function printIf(ctx: Context, node: Ts.IfStatement): Doc {
  const { group, indent, softline, hardline } = ctx.b;
  const K = ctx.ts.SyntaxKind;
  const test = unwrap(ctx, node.expression);
  const printedTest = printExpression(ctx, test, node, 'test');
  const opening = group(['if (', isNotOfLogical(ctx, test) ? printedTest : group([indent([softline, printedTest]), softline]), ')', printClause(ctx, node.thenStatement, node, 'consequent')]);
  if (!node.elseStatement) return opening;
  const block = node.thenStatement.kind === K.Block;
  const parts: Doc[] = [opening];
  if (!block) parts.push(hardline);
  parts.push(block ? ' ' : '', 'else', group(printClause(ctx, node.elseStatement, node, 'alternate')));
  return parts;
}

/** `!x` or `!!x` of a logical expression: Prettier prints such an if test without its own group. */
function isNotOfLogical(ctx: Context, test: Ts.Node): boolean {
  const K = ctx.ts.SyntaxKind;
  const isNot = (node: Ts.Node) => node.kind === K.PrefixUnaryExpression && (node as Ts.PrefixUnaryExpression).operator === K.ExclamationToken;
  if (!isNot(test)) return false;
  let argument = unwrap(ctx, (test as Ts.PrefixUnaryExpression).operand);
  if (isNot(argument)) argument = unwrap(ctx, (argument as Ts.PrefixUnaryExpression).operand);
  return estreeType(ctx, argument) === 'LogicalExpression';
}

function printSwitch(ctx: Context, node: Ts.SwitchStatement): Doc {
  const { group, indent, softline, hardline, join } = ctx.b;
  const K = ctx.ts.SyntaxKind;
  const clauses = node.caseBlock.clauses;
  if (clauses.length === 0) throw new Unsupported('empty switch');
  const printed = clauses.map((clause, index) => {
    const parts: Doc[] = [];
    if (clause.kind === K.CaseClause) parts.push('case ', printExpression(ctx, clause.expression, clause, 'test'), ':');
    else parts.push('default:');
    const statements = clause.statements;
    if (statements.some((statement) => statement.kind === K.EmptyStatement)) throw new Unsupported('empty statement');
    if (statements.length > 0) {
      const sequence = printSequence(ctx, statements, clause);
      parts.push(statements.length === 1 && statements[0]!.kind === K.Block ? [' ', sequence] : indent([hardline, sequence]));
    }
    const last = index === clauses.length - 1;
    return [parts, !last && isNextLineEmpty(ctx.text, clause.end) ? hardline : ''];
  });
  return [group(['switch (', indent([softline, printExpression(ctx, node.expression, node, 'discriminant')]), softline, ')']), ' {', indent([hardline, join(hardline, printed)]), hardline, '}'];
}

/**
 * A `const`/`let` declaration list; `statement`: a statement of its own (with `;`), else a
 * for/for-in head.
 */
function printVariables(ctx: Context, list: Ts.VariableDeclarationList, parent: Ts.Node, statement: boolean): Doc {
  const { group, indent } = ctx.b;
  const flags = list.flags & (ctx.ts.NodeFlags.Const | ctx.ts.NodeFlags.Let);
  const kind = flags === ctx.ts.NodeFlags.Const ? 'const' : flags === ctx.ts.NodeFlags.Let ? 'let' : undefined;
  if (!kind || list.declarations.length !== 1) throw new Unsupported('declaration list');
  const declaration = list.declarations[0]!;
  const inForHead = !statement;
  if (inForHead && declaration.initializer && parent.kind !== ctx.ts.SyntaxKind.ForStatement) throw new Unsupported('for-in initializer');
  return group(['', kind, [' ', printDeclarator(ctx, declaration)], indent([]), statement ? ';' : '']);
}

/** Prettier's assignment layout for `id = init`, for the initializers the printer supports. */
function printDeclarator(ctx: Context, node: Ts.VariableDeclaration): Doc {
  const { group, indent, line, indentIfBreak, lineSuffixBoundary } = ctx.b;
  const K = ctx.ts.SyntaxKind;
  if (node.type || node.exclamationToken) throw new Unsupported('annotated variable');
  const id = printBinding(ctx, node.name, node);
  if (!node.initializer) return id;
  const init = unwrap(ctx, node.initializer);
  // Prettier's isComplexDestructuring: more than two names, one of them renamed (`key: key2`).
  if (node.name.kind === K.ObjectBindingPattern && node.name.elements.length > 2 && node.name.elements.some((element) => element.propertyName)) {
    return group([id, ' =', ' ', group(printExpression(ctx, init, node, 'init'))]);
  }
  return printAssigned(ctx, id, ' =', init, node, 'init', node.name.kind !== K.Identifier);
}

/** `name.property = value;` or `name = value;` as a statement (Prettier's AssignmentExpression). */
function printAssignment(ctx: Context, node: Ts.BinaryExpression): Doc {
  const K = ctx.ts.SyntaxKind;
  const left = unwrap(ctx, node.left);
  const simple = left.kind === K.Identifier || (left.kind === K.PropertyAccessExpression && unwrap(ctx, (left as Ts.PropertyAccessExpression).expression).kind === K.Identifier);
  if (!simple) throw new Unsupported('assignment target');
  return printAssigned(ctx, printExpression(ctx, left, node, 'left'), [' ', '='], unwrap(ctx, node.right), node, 'right', false);
}

/** Prettier's printAssignment with its chooseLayout, for the right-hand sides the printer supports. */
function printAssigned(ctx: Context, id: Doc, operator: Doc, init: Ts.Node, node: Ts.Node, key: string, idHasLine: boolean): Doc {
  const { group, indent, line, indentIfBreak, lineSuffixBoundary } = ctx.b;
  const K = ctx.ts.SyntaxKind;
  const printedInit = printExpression(ctx, init, node, key);
  const type = estreeType(ctx, init);
  let layout: 'break-after-operator' | 'never-break-after-operator' | 'fluid';
  if (type === 'BinaryExpression' || type === 'LogicalExpression') {
    if (type === 'LogicalExpression' && [K.ObjectLiteralExpression, K.ArrayLiteralExpression].includes(unwrap(ctx, (init as Ts.BinaryExpression).right).kind)) throw new Unsupported('inlined logical');
    layout = 'break-after-operator';
  } else if (init.kind === K.StringLiteral || isMemberChainOfName(ctx, init)) layout = 'break-after-operator';
  else if (init.kind === K.Identifier || init.kind === K.RegularExpressionLiteral) layout = 'fluid';
  else if (init.kind === K.NumericLiteral || init.kind === K.TrueKeyword || init.kind === K.FalseKeyword) layout = idHasLine ? 'fluid' : 'never-break-after-operator';
  else if (init.kind === K.ArrayLiteralExpression || init.kind === K.ObjectLiteralExpression || init.kind === K.AsExpression || init.kind === K.NewExpression) layout = 'fluid';
  else if (init.kind === K.CallExpression) {
    if (unwrap(ctx, (init as Ts.CallExpression).expression).getText(ctx.file) === 'require') throw new Unsupported('require');
    layout = isPoorlyBreakableChain(ctx, init, false) ? 'break-after-operator' : 'fluid';
  } else throw new Unsupported('initializer');
  if (layout === 'break-after-operator') return group([group(id), operator, group(indent([line, printedInit]))]);
  if (layout === 'never-break-after-operator') return group([group(id), operator, ' ', printedInit]);
  const groupId = Symbol('assignment');
  return group([group(id), operator, group(indent(line), { id: groupId }), lineSuffixBoundary, indentIfBreak(printedInit, { groupId })]);
}

/**
 * `a.b`, `a[i]`, `a.b[c]`: member accesses down to a name, which Prettier breaks after the `=`
 * rather than inside (its isPoorlyBreakableMemberOrCallChain; chains through calls are Unsupported).
 */
function isMemberChainOfName(ctx: Context, node: Ts.Node): boolean {
  const K = ctx.ts.SyntaxKind;
  if (node.kind !== K.PropertyAccessExpression && node.kind !== K.ElementAccessExpression) return false;
  let object = node;
  while (object.kind === K.PropertyAccessExpression || object.kind === K.ElementAccessExpression) object = unwrap(ctx, (object as Ts.PropertyAccessExpression).expression);
  if (object.kind === K.Identifier || object.kind === K.ThisKeyword) return true;
  throw new Unsupported('member chain initializer');
}

/**
 * A declared name: an identifier, or an object pattern of names, shorthand or renamed
 * (`{ a, key: key2, "default": default2 }`; a quoted key Prettier unquotes, as-needed).
 */
function printBinding(ctx: Context, name: Ts.BindingName, parent: Ts.Node): Doc {
  const { indent, line, ifBreak } = ctx.b;
  const K = ctx.ts.SyntaxKind;
  if (name.kind === K.Identifier) return name.text;
  if (name.kind !== K.ObjectBindingPattern) throw new Unsupported('array pattern');
  const elements = name.elements;
  if (elements.length === 0) throw new Unsupported('empty pattern');
  const parts: Doc[] = [];
  let separator: Doc[] = [];
  for (const element of elements) {
    if (element.initializer || element.dotDotDotToken || element.name.kind !== K.Identifier) throw new Unsupported('pattern element');
    const key = element.propertyName && printPropertyKey(ctx, element.propertyName, 'pattern key');
    parts.push([...separator, key ? printKeyed(ctx, key, element.name, element.name.text) : element.name.text]);
    separator = [',', line];
    if (isNextLineEmpty(ctx.text, element.end)) throw new Unsupported('empty line in pattern');
  }
  void parent;
  // Under a declarator the pattern is not grouped on its own: the assignment's group(id) holds it.
  return ['{', indent([line, ...parts]), ifBreak(','), line, '}', '', ''];
}

/** `export function` or `function`, with Prettier's parameter and return type layout. */
function printFunction(ctx: Context, node: Ts.FunctionDeclaration): Doc {
  const { group, indent, softline, line, ifBreak } = ctx.b;
  const K = ctx.ts.SyntaxKind;
  const modifiers = node.modifiers ?? [];
  const exported = modifiers.length === 1 && modifiers[0]!.kind === K.ExportKeyword;
  if (modifiers.length > (exported ? 1 : 0) || node.asteriskToken || !node.name || !node.body || node.typeParameters) throw new Unsupported('function form');
  const params = node.parameters;
  const printedParams: Doc[] = [];
  params.forEach((param, index) => {
    if (param.dotDotDotToken || param.initializer || param.modifiers?.length || param.name.kind !== K.Identifier || !param.type) throw new Unsupported('parameter');
    printedParams.push([param.name.text, param.questionToken ? '?' : '', '', [':', ' ', printType(ctx, param.type)]]);
    if (index < params.length - 1) {
      printedParams.push(',');
      if (isNextLineEmpty(ctx.text, param.end)) throw new Unsupported('empty line in parameters');
      printedParams.push(line);
    }
  });
  if (params.length === 1 && isObjectType(ctx, params[0]!.type!)) throw new Unsupported('hugged parameter');
  const parameters: Doc = params.length === 0 ? ['', '(', '', ')'] : ['', '(', indent([softline, ...printedParams]), ifBreak(','), softline, ')'];
  const returnType = printReturnType(ctx, node.type);
  const groupParams = params.length === 1 && ((node.type !== undefined && isObjectType(ctx, node.type)) || ctx.willBreak(returnType));
  const printed = ['', '', 'function', '', ' ', node.name.text, '', group([groupParams ? group(parameters) : parameters, returnType]), ' ', printBlock(ctx, node.body, node), ''];
  return exported ? ['', '', 'export', '', '', ' ', printed, ''] : printed;
}

function isObjectType(ctx: Context, node: Ts.TypeNode): boolean {
  return node.kind === ctx.ts.SyntaxKind.TypeLiteral || node.kind === ctx.ts.SyntaxKind.MappedType;
}

/** `import [type] { a, type B } from "x";` */
function printImport(ctx: Context, node: Ts.ImportDeclaration): Doc {
  const { group, indent, line, ifBreak, join } = ctx.b;
  const K = ctx.ts.SyntaxKind;
  const clause = node.importClause;
  if (!clause || clause.name || node.attributes || node.modifiers?.length || !clause.namedBindings || clause.namedBindings.kind !== K.NamedImports) throw new Unsupported('import form');
  const elements = clause.namedBindings.elements;
  if (elements.length === 0) throw new Unsupported('empty import');
  const specifiers = elements.map((element) => {
    if (element.propertyName && element.propertyName.kind !== K.Identifier) throw new Unsupported('string import name');
    const local = element.name.text;
    const imported = element.propertyName ? (element.propertyName as Ts.Identifier).text : local;
    return [element.isTypeOnly ? 'type ' : '', imported, imported === local ? '' : [' as ', local]];
  });
  const named =
    elements.length > 1 ? group(['{', indent([line, join([',', line], specifiers)]), ifBreak(','), line, '}']) : ['{', ' ', ...specifiers, ' ', '}'];
  const source = node.moduleSpecifier;
  ctx.literals.push(source.getStart(ctx.file), source.end);
  return ['import', '', clause.isTypeOnly ? ' type' : '', [' ', '', named], [' from', ' ', printString(source.getText(ctx.file))], '', ';'];
}
