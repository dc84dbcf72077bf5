/**
 * Constraint tags written on the members of a type that are not properties: an index signature
 * (`/** @minLength 3 *\/ [k: string]: string` constrains every value it holds) and a tuple
 * element (`[/** @minimum 0 *\/ x: number, /** @maxLength 3 *\/ y: string]` constrains that
 * element). They are read as a property's tags are: on the value's own node, CG2006 where the
 * kind does not fit, CG2009 for a misspelt tag.
 */
import { Node, ts, type Type, type TypeNode as SyntaxNode } from 'ts-morph';
import type { TypeNode } from '../../model/index.js';
import { applyPropertyConstraints } from '../constraints/apply.js';
import type { AnalyzerContext } from '../context.js';
import { readLeadingJsDocTags } from './jsdoc.js';
import { reportUnknownAnnotations } from './known-tags.js';

/**
 * The node the values of `type`'s `key` index signature are read as, from `value` (read from the
 * written syntax where there is one): the signature's tags applied, and `undefined` kept where
 * the checker's index type holds it. An optional mapped type over `string` (Prisma's
 * `{ [K in string]?: JsonValue }`) holds `V | undefined` as `Partial<Record<string, V>>` does,
 * while its written template (`JsonValue`) says `V`: read by the template alone, `{ a: undefined }`
 * was rejected where tsc accepts it.
 */
export function indexValue(type: Type, key: 'string' | 'number', value: TypeNode, path: string, anchor: Node, ctx: AnalyzerContext): TypeNode {
  return withCheckedUndefined(key === 'string' ? type.getStringIndexType() : type.getNumberIndexType(), applyIndexSignatureTags(type, key, value, path, anchor, ctx));
}

function withCheckedUndefined(checked: Type | undefined, value: TypeNode): TypeNode {
  const holdsUndefined = checked?.isUnion() && checked.getUnionTypes().some((member) => member.isUndefined());
  if (!holdsUndefined || value.kind === 'undefined' || value.kind === 'unknown') return value;
  if (value.kind === 'union') return value.members.some((member) => member.kind === 'undefined') ? value : { ...value, members: [{ kind: 'undefined' }, ...value.members] };
  return { kind: 'union', members: [{ kind: 'undefined' }, value] };
}

/**
 * Applies the tags of the index signature `type` declares for `key` keys to `value`, the node
 * its values are read as. Index signatures a mapped type makes (`Record<string, V>`) have no
 * declaration and no tags of their own.
 */
export function applyIndexSignatureTags(type: Type, key: 'string' | 'number', value: TypeNode, path: string, anchor: Node, ctx: AnalyzerContext): TypeNode {
  const declaration = indexDeclaration(type.compilerType, key, anchor);
  if (!declaration || declaration.getSourceFile().isDeclarationFile) return value;
  const node = anchor.getProject().getSourceFile(declaration.getSourceFile().fileName)?.getDescendantAtPos(declaration.getStart());
  const signature = node?.getFirstAncestorByKind(ts.SyntaxKind.IndexSignature) ?? (node && Node.isIndexSignatureDeclaration(node) ? node : undefined);
  return signature ? applyMemberTags(signature, value, path, ctx) : value;
}

/**
 * The index signature declaration behind `type`'s `key` index: its own, or for a homomorphic
 * mapped type (`Partial<Sig>`, `Readonly<Partial<Sig>>`) that of the type it maps, whose values
 * it copies (the checker's internal `modifiersType`; without it, none).
 */
function indexDeclaration(type: ts.Type, key: 'string' | 'number', anchor: Node, depth = 0): ts.IndexSignatureDeclaration | undefined {
  const checker = anchor.getProject().getTypeChecker().compilerObject;
  const flag = key === 'string' ? ts.TypeFlags.String : ts.TypeFlags.Number;
  const info = checker.getIndexInfosOfType(type).find((candidate) => (candidate.keyType.flags & flag) !== 0);
  if (info?.declaration) return info.declaration;
  const source = (type as { modifiersType?: ts.Type }).modifiersType;
  return info && source && depth < 8 ? indexDeclaration(source, key, anchor, depth + 1) : undefined;
}

/** Applies the tags written before a tuple element (`element`: the element as written, labelled or not). */
export function applyTupleElementTags(element: SyntaxNode | undefined, value: TypeNode, path: string, ctx: AnalyzerContext): TypeNode {
  return element ? applyMemberTags(element, value, path, ctx) : value;
}

/** The written elements of a tuple type node (through `readonly`), labelled members as they are. */
export function tupleElementNodes(node: SyntaxNode | undefined): SyntaxNode[] {
  if (node && Node.isTypeOperatorTypeNode(node)) return tupleElementNodes(node.getTypeNode());
  return node && Node.isTupleTypeNode(node) ? node.getElements() : [];
}

function applyMemberTags(member: Node, value: TypeNode, path: string, ctx: AnalyzerContext): TypeNode {
  const tags = readLeadingJsDocTags(member, ctx.options.displayRoot);
  if (tags.length === 0) return value;
  reportUnknownAnnotations(tags, [], path, ctx);
  applyPropertyConstraints(value, tags, [], path, ctx);
  return value;
}
