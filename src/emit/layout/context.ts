/**
 * What every part of the layout printer shares: TypeScript (for its syntax kinds), the text being
 * printed, Prettier's doc builders, and the names Prettier's estree printer gives the node kinds
 * the printer supports (its decisions depend on a node's and its parent's estree type).
 */
import type { ts as Ts } from 'ts-morph';
import type { builders as Builders, printer as Printer, utils as Utils } from 'prettier/doc';

export type Doc = Builders.Doc;

/** Prettier's `doc` module (`prettier.doc`), as much of it as the printer uses. */
export interface DocModule {
  builders: typeof Builders;
  printer: typeof Printer;
  utils: typeof Utils;
}
import { Unsupported } from './unsupported.js';



export interface Context {
  ts: typeof Ts;
  text: string;
  file: Ts.SourceFile;
  b: typeof Builders;
  willBreak: (typeof Utils)['willBreak'];
  tabWidth: number;
  /** Start and end of every literal (strings, regular expressions): where `//` and `/*` are not comments. */
  literals: number[];
  /** Where a node printed as a recognized comment starts and ends. */
  comments: number[];
  print: (node: Ts.Node, parent: Ts.Node, key: string) => Doc;
}

const LOGICAL = new Set(['&&', '||', '??']);

/** The estree type Prettier's printer would see for `node` (parentheses already skipped). */
export function estreeType(ctx: Context, node: Ts.Node): string {
  const K = ctx.ts.SyntaxKind;
  switch (node.kind) {
    case K.BinaryExpression: {
      const operator = ctx.ts.tokenToString((node as Ts.BinaryExpression).operatorToken.kind)!;
      if (operator === '=') return 'AssignmentExpression';
      return LOGICAL.has(operator) ? 'LogicalExpression' : 'BinaryExpression';
    }
    case K.PrefixUnaryExpression: {
      const operator = (node as Ts.PrefixUnaryExpression).operator;
      return operator === K.PlusPlusToken || operator === K.MinusMinusToken ? 'UpdateExpression' : 'UnaryExpression';
    }
    case K.TypeOfExpression:
      return 'UnaryExpression';
    case K.PostfixUnaryExpression:
      return 'UpdateExpression';
    case K.PropertyAccessExpression:
    case K.ElementAccessExpression:
      return 'MemberExpression';
    case K.CallExpression:
      return 'CallExpression';
    case K.Identifier:
      return 'Identifier';
    case K.StringLiteral:
      return 'StringLiteral';
    case K.NumericLiteral:
      return 'NumericLiteral';
    case K.Block:
      return 'BlockStatement';
    case K.VariableDeclaration:
      return 'VariableDeclarator';
    case K.VariableDeclarationList:
    case K.VariableStatement:
      return 'VariableDeclaration';
    case K.ArrowFunction:
      return 'ArrowFunctionExpression';
    case K.PropertyAssignment:
    case K.ShorthandPropertyAssignment:
      return 'ObjectProperty';
    default:
      return K[node.kind]!;
  }
}

/** `node` without the parentheses around it (estree has no node for them: Prettier puts back the ones needed). */
export function unwrap(ctx: Context, node: Ts.Node): Ts.Node {
  while (node.kind === ctx.ts.SyntaxKind.ParenthesizedExpression) node = (node as Ts.ParenthesizedExpression).expression;
  return node;
}

/** The operator of a binary expression, as text. */
export function operatorOf(ctx: Context, node: Ts.Node): string | undefined {
  if (node.kind !== ctx.ts.SyntaxKind.BinaryExpression) return undefined;
  const operator = ctx.ts.tokenToString((node as Ts.BinaryExpression).operatorToken.kind);
  if (operator === undefined) throw new Unsupported('operator');
  return operator;
}

/** Where `node` starts in the text, its leading trivia skipped. */
export function start(ctx: Context, node: Ts.Node): number {
  return node.getStart(ctx.file);
}
