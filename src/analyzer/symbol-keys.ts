/**
 * Members keyed by a symbol (`[sym]?: number` with `const sym: unique symbol`,
 * `[Symbol.iterator](): Iterator<string>`). TypeScript names them internally `__@sym@212`, the
 * number its symbol id, which moves when an unrelated file changes: such a name must never reach
 * generated code, where it was a string key (a lie: `{ [sym]: 'str' }` passed, and the output
 * went stale with nothing changed). A symbol key is no data JSON can hold, so:
 *
 * - a method keyed by a well-known symbol (`[Symbol.iterator]()`) is behaviour: validators check
 *   `typeof value[Symbol.iterator] === "function"`, mocks give it a stub (`ObjectType.behaviour.symbolMethods`);
 * - a data member keyed by a well-known symbol or an exported `unique symbol` const (`export const
 *   tag = Symbol()`, which generated code imports) whose type is a primitive, a literal or a union
 *   of them (`[Symbol.toStringTag]: string`, `[tag]: string`) is checked by validators and set by
 *   mocks (types/symbol-data.ts);
 * - any other symbol-keyed member (a `declare const` key, which has no value at run time; a const
 *   not exported or from a `.d.ts`; a symbol holding an object) is left out of validators, schemas
 *   and mocks, with a located CG2004 warning saying it is not checked.
 */
import { Node, type Symbol as TsSymbol } from 'ts-morph';
import type { AnalyzerContext } from './context.js';
import { isDefaultLib } from './types/declarations.js';
import { symbolData } from './types/symbol-data.js';

/** Whether the member's key is a symbol: TypeScript's escaped name for it is `__@name@id`. */
export function isSymbolKeyed(symbol: TsSymbol): boolean {
  return String(symbol.compilerSymbol.escapedName).startsWith('__@');
}

/** `iterator` for a member written `[Symbol.iterator]` (the global `Symbol`), else undefined. */
export function wellKnownSymbolOf(node: Node | undefined): string | undefined {
  const name = node && (Node.isMethodSignature(node) || Node.isMethodDeclaration(node) || Node.isPropertySignature(node) || Node.isPropertyDeclaration(node) || Node.isGetAccessorDeclaration(node)) ? node.getNameNode() : undefined;
  if (!name || !Node.isComputedPropertyName(name)) return undefined;
  const expression = name.getExpression();
  if (!Node.isPropertyAccessExpression(expression)) return undefined;
  const object = expression.getExpression();
  if (!Node.isIdentifier(object) || object.getText() !== 'Symbol') return undefined;
  const declarations = object.getSymbol()?.getDeclarations() ?? [];
  return declarations.length > 0 && declarations.every(isDefaultLib) ? expression.getName() : undefined;
}

/** The key as written (`[sym]`, `[Symbol.toStringTag]`), for messages. */
export function writtenSymbolKey(node: Node | undefined, symbol: TsSymbol): string {
  const nameNode = node && (Node.isMethodSignature(node) || Node.isMethodDeclaration(node) || Node.isPropertySignature(node) || Node.isPropertyDeclaration(node) || Node.isGetAccessorDeclaration(node)) ? node.getNameNode() : undefined;
  return nameNode ? nameNode.getText() : `[${symbol.getName().replace(/^__@|@\d+$/g, '')}]`;
}

/**
 * Reports a symbol-keyed member generated code leaves out (CG2004, at the member); a method keyed
 * by a well-known symbol is checked (behaviour.ts) and needs no word. Members declared in
 * TypeScript's lib (a library class read member by member) are left out silently: the user wrote none.
 */
export function reportSymbolKeyed(symbol: TsSymbol, path: string, ctx: AnalyzerContext): void {
  const node = symbol.getDeclarations()[0];
  if (!node || isDefaultLib(node) || node.getSourceFile().isInNodeModules()) return;
  const method = Node.isMethodSignature(node) || Node.isMethodDeclaration(node);
  if (method && wellKnownSymbolOf(node)) return;
  // `[Symbol.toStringTag]: string`, `[tag]: string`: checked by its symbol (types/symbol-data.ts).
  if (symbolData(symbol)) return;
  const key = writtenSymbolKey(node, symbol);
  ctx.reportOnce(
    'CG2004',
    ctx.display(node),
    `symbol|${path}|${key}`,
    `Symbol-keyed ${method ? 'method' : 'property'} ${key} (${path}${key}) is not checked: a symbol key is no data JSON can hold, so validators, the schema and mocks leave it out.`,
    'Key it by a string if it is data; a method keyed by a well-known symbol (`[Symbol.iterator]()`) is checked as a function.',
  );
}
