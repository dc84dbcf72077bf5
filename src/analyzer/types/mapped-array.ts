/**
 * A user's homomorphic mapped type applied to an array: `DeepPartial<Code[]>`, with
 * `type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] }`
 * (or the spelling with the conditional outside). TypeScript maps an array element-wise: the
 * result is an array whose items are the template with `K` as `number`, and no property is left
 * to follow to the source's syntax, so `Code`'s constraints were lost (CG2021). Here the item's
 * syntax is that template, with `K` bound to the key `number` (bindings.ts), under which `T[K]`
 * is the array's written item (keyed-property.ts): `Code`.
 */
import { Node, SyntaxKind, type TypeNode as SyntaxNode } from 'ts-morph';
import { bindingsOf, boundArgument, withKey, type Bindings } from './bindings.js';
import { declarationOf, isDefaultLib } from './declarations.js';
import { arrayItemSyntax } from './keyed-property.js';
import type { Written } from './written-syntax.js';

/** User aliases followed to the mapped type they resolve to (a cycle of them is a checker error). */
const DEPTH = 16;

/**
 * The written item of the array `node` makes when it is a user's homomorphic mapped type over an
 * array (`DeepPartial<Code[]>`, `T` bound to `Code[]`): its template, `K` bound to `number`;
 * undefined for any other syntax.
 */
export function mappedArrayItem(node: SyntaxNode, bindings: Bindings | undefined): Written | undefined {
  const mapped = mappedBody(node, bindings, DEPTH);
  if (!mapped || !Node.isMappedTypeNode(mapped.node)) return undefined;
  const compiler = mapped.node.compilerNode;
  if (compiler.nameType || !mapped.node.getTypeNode()) return undefined;
  const constraint = mapped.node.getTypeParameter().getConstraint();
  if (!constraint || !Node.isTypeOperatorTypeNode(constraint) || constraint.getOperator() !== SyntaxKind.KeyOfKeyword) return undefined;
  const source = boundArgument(constraint.getTypeNode(), mapped.bindings);
  if (!source || !arrayItemSyntax(source.node)) return undefined;
  const number = node.getProject().getTypeChecker().compilerObject.getNumberType();
  return { node: mapped.node.getTypeNode()!, bindings: withKey(mapped.bindings, compiler.typeParameter, number) };
}

/**
 * The mapped type `node` resolves to: itself, the body of the user's generic alias it names, or
 * the one branch of a conditional that is one (`T extends object ? { [K in keyof T]?: … } : T`,
 * `T[K] extends object ? DeepPartial<T[K]> : T[K]`: an array is an object).
 */
function mappedBody(node: SyntaxNode, bindings: Bindings | undefined, depth: number): Written | undefined {
  while (Node.isParenthesizedTypeNode(node)) node = node.getTypeNode();
  if (Node.isMappedTypeNode(node)) return { node, bindings };
  if (depth === 0) return undefined;
  if (Node.isConditionalTypeNode(node)) {
    const found = [node.getTrueType(), node.getFalseType()].flatMap((branch) => mappedBody(branch, bindings, depth - 1) ?? []);
    return found.length === 1 ? found[0] : undefined;
  }
  if (!Node.isTypeReference(node)) return undefined;
  const declaration = declarationOf(node.getTypeName().getSymbol());
  if (!declaration || !Node.isTypeAliasDeclaration(declaration) || isDefaultLib(declaration) || declaration.getTypeParameters().length === 0) return undefined;
  const body = declaration.getTypeNode();
  return body && mappedBody(body, bindingsOf(node, bindings), depth - 1);
}
