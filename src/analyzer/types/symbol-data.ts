/**
 * A data member keyed by a well-known symbol (`[Symbol.toStringTag]: string`, `readonly
 * [Symbol.toStringTag]: 'Money'`) or by an exported `unique symbol` const (`export const tag =
 * Symbol('tag')`, then `[tag]: string`): no JSON holds it, but any value has the global `Symbol`,
 * and generated code can import the const, so it can read the key and check it, as TypeScript
 * does. Read when its type is a primitive, a literal or a union of them (what a `typeof` or `===`
 * tells); anything else, and a key with no value generated code can import (`declare const tag:
 * unique symbol`, a const not exported, one in a `.d.ts`), stays CG2004 and unchecked (symbol-keys.ts).
 * A const exported under another name (`export { tag as label }`) is imported by that name.
 */
import { Node, ts, VariableDeclarationKind, type Symbol as TsSymbol, type Type } from 'ts-morph';
import type { TypeNode } from '../../model/index.js';
import { wellKnownSymbolOf } from '../symbol-keys.js';

/** Where an importable `unique symbol` const lives, in the model's form (file relative to the root). */
export type SymbolConstantSource = (node: Node) => string;

/** `{ symbol, type }` or `{ constant, type }` for a checkable symbol-keyed data member, else undefined. */
export function symbolData(symbol: TsSymbol, fileOf?: SymbolConstantSource): { symbol: string; type: TypeNode } | { constant: { name: string; file: string }; type: TypeNode } | undefined {
  const node = symbol.getDeclarations()[0];
  // A class's `get [Symbol.toStringTag]()` too: its instances have it on the prototype.
  if (!node || !(Node.isPropertySignature(node) || Node.isPropertyDeclaration(node) || Node.isGetAccessorDeclaration(node))) return undefined;
  const wellKnown = wellKnownSymbolOf(node);
  const constant = wellKnown ? undefined : importableConstant(node);
  if (!wellKnown && !constant) return undefined;
  const type = plainType(symbol.getTypeAtLocation(node), symbol.isOptional());
  if (!type) return undefined;
  if (wellKnown) return { symbol: wellKnown, type };
  // Without a way to name its file (a caller that only asks whether the member is checked), the file is left empty.
  return { constant: { name: constant!.name, file: fileOf ? fileOf(constant!.declaration) : '' }, type };
}

/**
 * The declaration of the const a member's key names (`[tag]`), and the name its file exports it
 * under, when generated code can import its value: `const tag = Symbol('tag')` (or `: unique
 * symbol`) in a user `.ts` file, with an initializer, exported there (`export const tag`, or
 * `export { tag as label }`: then imported as `label`). The key may name it through imports and
 * re-exports under other names (`import { label as mark }`, `export { mark as badge }`) or a
 * namespace import or re-export (`[ns.label]` with `export * as ns from './a.js'`): each is an
 * alias TypeScript resolves to the one declaration, imported from its own file. A `declare
 * const`, a `.d.ts` or a package has no value at run time to import; a const its file does not
 * export (or exports only as `default`) cannot be imported by name.
 */
function importableConstant(member: Node): { declaration: Node; name: string } | undefined {
  const name = (member as Node & { getNameNode?: () => Node }).getNameNode?.();
  if (!name || !Node.isComputedPropertyName(name)) return undefined;
  const expression = name.getExpression();
  if (!Node.isIdentifier(expression) && !(Node.isPropertyAccessExpression(expression) && isNamePath(expression))) return undefined;
  let target = expression.getSymbol();
  if (target?.isAlias()) target = target.getAliasedSymbol();
  const declaration = target?.getDeclarations()[0];
  if (!declaration || !Node.isVariableDeclaration(declaration) || !declaration.hasInitializer()) return undefined;
  const statement = declaration.getVariableStatement();
  if (!statement || statement.hasDeclareKeyword()) return undefined;
  if (statement.getDeclarationKind() !== VariableDeclarationKind.Const || statement.getParent() !== declaration.getSourceFile()) return undefined;
  const file = declaration.getSourceFile();
  if (file.isDeclarationFile() || file.isInNodeModules() || !/\.(ts|tsx|mts|cts)$/.test(file.getFilePath())) return undefined;
  if (!(expression.getType().getFlags() & ts.TypeFlags.UniqueESSymbol)) return undefined;
  const exported = statement.hasExportKeyword() ? declaration.getName() : exportNameOf(declaration);
  return exported === undefined ? undefined : { declaration, name: exported };
}

/** `ns.tag`, `a.b.tag`: names only, as a key written through a namespace is. */
function isNamePath(expression: Node): boolean {
  for (let at = expression; ; at = at.getExpression()) {
    if (Node.isIdentifier(at)) return true;
    if (!Node.isPropertyAccessExpression(at)) return false;
  }
}

/** The name the declaration's own file exports it under (`export { tag as label }`), `default` aside; the first in order if several. */
function exportNameOf(declaration: Node): string | undefined {
  const names: string[] = [];
  for (const [name, declarations] of declaration.getSourceFile().getExportedDeclarations()) {
    if (name !== 'default' && declarations.some((exported) => exported === declaration)) names.push(name);
  }
  return names.sort()[0];
}

/** The type as the model says it, when it is a primitive, a literal or a union of them (`undefined` of an optional member aside). */
function plainType(type: Type, optional: boolean): TypeNode | undefined {
  if (type.isUnion() && !type.isBoolean()) {
    const members = type.getUnionTypes().filter((member) => !(optional && member.getFlags() & ts.TypeFlags.Undefined));
    // `boolean` is `true | false` to the checker: read it whole.
    const booleans = members.filter((member) => member.isBooleanLiteral());
    const read = [...(booleans.length === 2 ? [{ kind: 'boolean' } as const] : booleans.map((member) => plainType(member, false))), ...members.filter((member) => !member.isBooleanLiteral()).map((member) => plainType(member, false))];
    if (read.some((member) => member === undefined)) return undefined;
    // `null` last, as the model's unions have it.
    const ordered = [...read.filter((member) => member?.kind !== 'null'), ...read.filter((member) => member?.kind === 'null')] as TypeNode[];
    return ordered.length === 1 ? ordered[0] : { kind: 'union', members: ordered };
  }
  const flags = type.getFlags();
  if (type.isBoolean()) return { kind: 'boolean' };
  if (flags & ts.TypeFlags.String) return { kind: 'string' };
  if (flags & ts.TypeFlags.Number) return { kind: 'number' };
  if (flags & (ts.TypeFlags.StringLiteral | ts.TypeFlags.NumberLiteral)) return { kind: 'literal', value: type.getLiteralValue() as string | number };
  if (flags & ts.TypeFlags.BooleanLiteral) return { kind: 'literal', value: type.getText() === 'true' };
  if (flags & ts.TypeFlags.Null) return { kind: 'null' };
  return undefined;
}
