/**
 * The type annotations codegen's validators and mocks write, as Prettier prints them: keywords,
 * references (qualified names too: `CallRecords.CallType`) with their type arguments (Prettier's
 * printTypeParameters: one simple type printed flat, anything else in a group that breaks after
 * `<`), arrays, literal types, and type predicates (`value is T`). Anything else is Unsupported.
 */
import type { ts as Ts } from 'ts-morph';
import type { Context, Doc } from './context.js';
import { printNumber, printString } from './literals.js';
import { Unsupported } from './unsupported.js';

const KEYWORDS = new Map<string, string>([
  ['UnknownKeyword', 'unknown'],
  ['StringKeyword', 'string'],
  ['NumberKeyword', 'number'],
  ['BooleanKeyword', 'boolean'],
  ['VoidKeyword', 'void'],
  ['AnyKeyword', 'any'],
  ['NeverKeyword', 'never'],
  ['UndefinedKeyword', 'undefined'],
  ['ObjectKeyword', 'object'],
  ['BigIntKeyword', 'bigint'],
  ['SymbolKeyword', 'symbol'],
]);

/** Prettier's `isSimpleType`: a keyword, a literal type, or a reference without type arguments. */
function isSimpleType(ctx: Context, node: Ts.TypeNode): boolean {
  const K = ctx.ts.SyntaxKind;
  if (KEYWORDS.has(K[node.kind]!) || node.kind === K.ThisType || node.kind === K.LiteralType) return true;
  return node.kind === K.TypeReference && !(node as Ts.TypeReferenceNode).typeArguments;
}

/**
 * `<A>` after a call or a reference, as Prettier's printTypeParameters prints a
 * TSTypeParameterInstantiation: one simple type inline (`shouldHugType`; object and union types,
 * which it hugs too, are not printed here), anything else (`Page<Row[]>`, `Map<K, V>`) in a group
 * that breaks after `<`, one type a line, with no trailing comma. Its other inline cases (a test
 * call's argument, an arrow function variable's annotation) are not forms the printer accepts.
 */
export function printTypeArguments(ctx: Context, args: Ts.NodeArray<Ts.TypeNode>, _parent: Ts.Node): Doc {
  const { group, indent, softline, line, join } = ctx.b;
  if (args.length === 0) throw new Unsupported('empty type arguments');
  const printed = args.map((arg) => (arg.kind === ctx.ts.SyntaxKind.UnionType ? printUnionArgument(ctx, arg as Ts.UnionTypeNode) : printType(ctx, arg)));
  const only = args.length === 1 ? args[0]! : undefined;
  if (only && (isSimpleType(ctx, only) || (only.kind === ctx.ts.SyntaxKind.UnionType && huggedUnion(ctx, only as Ts.UnionTypeNode)))) return ['<', printed[0]!, '', '>'];
  return group(['<', indent([softline, join([',', line], printed)]), '', softline, '>']);
}

/**
 * A union as a type argument (`oneOf<"a" | "b">`), as Prettier's printUnionType prints it there:
 * not indented (its parent is the instantiation), `A | B` on one line, else one member a line,
 * each after `| `; a hugged union (one reference with null or void) always on one line.
 */
function printUnionArgument(ctx: Context, node: Ts.UnionTypeNode): Doc {
  const { group, ifBreak, join, line, align } = ctx.b;
  const members = node.types.map((member) => printType(ctx, member));
  if (huggedUnion(ctx, node)) return ['', join(' | ', members), ''];
  const parts = [ifBreak(['', '| ']), join([line, '| '], members.map((member) => align(2, member)))];
  return [group(['', group(parts)]), ''];
}

/** Prettier's shouldHugUnionType: one object-like member (a reference or an object type), the others null or void. */
function huggedUnion(ctx: Context, node: Ts.UnionTypeNode): boolean {
  const K = ctx.ts.SyntaxKind;
  const objectType = node.types.find((member) => member.kind === K.TypeReference || member.kind === K.TypeLiteral);
  if (!objectType) return false;
  const isVoid = (member: Ts.TypeNode) => member.kind === K.VoidKeyword || (member.kind === K.LiteralType && (member as Ts.LiteralTypeNode).literal.kind === K.NullKeyword);
  return node.types.every((member) => member === objectType || isVoid(member));
}

/** Whether a call's type arguments are Prettier's isCallExpressionWithComplexTypeArguments (none break here: printType has no hard line). */
export function hasComplexTypeArguments(ctx: Context, args: Ts.NodeArray<Ts.TypeNode> | undefined): boolean {
  if (!args || args.length === 0) return false;
  const K = ctx.ts.SyntaxKind;
  return args.length > 1 || [K.UnionType, K.IntersectionType, K.TypeLiteral].includes(args[0]!.kind);
}

/** `A` or `A.B.C`: Prettier's TSQualifiedName is `left.right`. */
function printTypeName(ctx: Context, name: Ts.EntityName): string {
  if (name.kind === ctx.ts.SyntaxKind.Identifier) return name.text;
  return `${printTypeName(ctx, name.left)}.${name.right.text}`;
}

/** A type in an annotation. */
export function printType(ctx: Context, node: Ts.TypeNode): Doc {
  const K = ctx.ts.SyntaxKind;
  const keyword = KEYWORDS.get(K[node.kind]!);
  if (keyword !== undefined) return keyword;
  switch (node.kind) {
    case K.TypeReference: {
      const reference = node as Ts.TypeReferenceNode;
      return [printTypeName(ctx, reference.typeName), reference.typeArguments ? printTypeArguments(ctx, reference.typeArguments, node) : ''];
    }
    case K.ArrayType: {
      // TypeScript keeps the parentheses an element needs (`(A | B)[]`) as a ParenthesizedType,
      // which is Unsupported: every element printed here needs none.
      const element = (node as Ts.ArrayTypeNode).elementType;
      return [printType(ctx, element), '[]'];
    }
    case K.LiteralType: {
      const literal = (node as Ts.LiteralTypeNode).literal;
      if (literal.kind === K.StringLiteral) {
        ctx.literals.push(literal.getStart(ctx.file), literal.end);
        return printString(literal.getText(ctx.file));
      }
      if (literal.kind === K.NumericLiteral) return printNumber(literal.getText(ctx.file));
      if (literal.kind === K.NullKeyword) return 'null';
      if (literal.kind === K.TrueKeyword) return 'true';
      if (literal.kind === K.FalseKeyword) return 'false';
      throw new Unsupported('literal type');
    }
    default:
      throw new Unsupported(K[node.kind]!);
  }
}

/** A return type: `: T`, or a type predicate `: value is T`. */
export function printReturnType(ctx: Context, node: Ts.TypeNode | undefined): Doc {
  if (!node) return '';
  const K = ctx.ts.SyntaxKind;
  if (node.kind === K.TypePredicate) {
    const predicate = node as Ts.TypePredicateNode;
    if (predicate.assertsModifier || !predicate.type || predicate.parameterName.kind !== K.Identifier) throw new Unsupported('type predicate');
    return [':', ' ', ['', predicate.parameterName.text, [' is ', printType(ctx, predicate.type)]]];
  }
  return [':', ' ', printType(ctx, node)];
}
