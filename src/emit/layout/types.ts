/**
 * The type annotations codegen's validators write, as Prettier prints them: keywords, references
 * (with simple type arguments, printed flat as Prettier does), arrays, literal types, unions of
 * those on one line, and type predicates (`value is T`). Anything else is Unsupported.
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

/** Prettier's `isSimpleType`: a keyword, or a reference without type arguments. */
function isSimpleType(ctx: Context, node: Ts.TypeNode): boolean {
  const K = ctx.ts.SyntaxKind;
  if (KEYWORDS.has(K[node.kind]!) || node.kind === K.ThisType) return true;
  return node.kind === K.TypeReference && !(node as Ts.TypeReferenceNode).typeArguments;
}

/** `<A>` after a call or a reference: only one simple type (printed flat by Prettier) is supported. */
export function printTypeArguments(ctx: Context, args: Ts.NodeArray<Ts.TypeNode>, _parent: Ts.Node): Doc {
  if (args.length !== 1 || !isSimpleType(ctx, args[0]!)) throw new Unsupported('type arguments');
  return ['<', printType(ctx, args[0]!), '', '>'];
}

/** A type in an annotation. */
export function printType(ctx: Context, node: Ts.TypeNode): Doc {
  const K = ctx.ts.SyntaxKind;
  const keyword = KEYWORDS.get(K[node.kind]!);
  if (keyword !== undefined) return keyword;
  switch (node.kind) {
    case K.TypeReference: {
      const reference = node as Ts.TypeReferenceNode;
      if (reference.typeName.kind !== K.Identifier) throw new Unsupported('qualified type name');
      return [reference.typeName.text, reference.typeArguments ? printTypeArguments(ctx, reference.typeArguments, node) : ''];
    }
    case K.ArrayType: {
      const element = (node as Ts.ArrayTypeNode).elementType;
      if (!isSimpleType(ctx, element)) throw new Unsupported('array of complex type');
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
