/**
 * `DeepPartial<Email>`, `DeepReadonly<UserId>`, `Partial<Email>` with `type Email = Brand<string,
 * 'Email'>` (`string & { readonly __brand: 'Email' }`): a homomorphic mapped type over a brand.
 * TypeScript gives a mapped type over a primitive the primitive itself, but a brand is an
 * intersection with an object, which `extends object` and which it maps member by member: 50
 * properties of String's methods and `__brand`. Read that way no string passed the validator
 * and mocks built `{ length: 456, __brand: 'Email' }`, while tsc takes every `Email` (and, where
 * the mapping makes the members optional, any string) for it. A template that passes each value
 * on (`T[K]`, or a generic of `T[K]` such as `DeepPartial<T[K]>`, or a conditional between those)
 * keeps a brand's value as it is, so the type is read as the brand itself: `isEmail`, the brand's
 * own tags, its schema and its mocks. Read from the argument as written (`T[K]`, `Email`), so a
 * mapped property's own tags reach it too (keyed-values.ts).
 */
import { Node, ts, type Type, type TypeNode as SyntaxNode } from 'ts-morph';
import { withoutBrands } from './brands.js';
import { bindingsOf, type Bound, type Bindings } from './bindings.js';

interface MappedObject {
  objectFlags: ts.ObjectFlags;
  declaration?: ts.MappedTypeNode;
  modifiersType?: ts.Type;
}

const PRIMITIVE = ts.TypeFlags.String | ts.TypeFlags.Number | ts.TypeFlags.BigInt;

/**
 * The brand a homomorphic mapped type maps over when its template passes each value on, with the
 * argument written for it at `node` (under `bindings`) where there is one; else undefined.
 */
export function mappedBrand(type: Type, node: SyntaxNode | undefined, bindings: Bindings | undefined): { brand: Type; written?: Bound } | undefined {
  if (!type.isObject()) return undefined;
  const compiler = type.compilerType as unknown as MappedObject;
  const declaration = compiler.declaration;
  if (!(compiler.objectFlags & ts.ObjectFlags.Mapped) || !declaration || declaration.nameType) return undefined;
  const checker = (type as unknown as { _context: { typeChecker: { compilerObject: ts.TypeChecker } } })._context.typeChecker.compilerObject;
  const source = sourceParameter(declaration, checker);
  if (!source || !declaration.type || !passesValuesOn(declaration.type, source, declaration.typeParameter, checker)) return undefined;
  // The checker sets the modifiers type when it resolves the members.
  if (!compiler.modifiersType) type.getProperties();
  const over = compiler.modifiersType;
  if (!over || !(over.flags & ts.TypeFlags.Intersection)) return undefined;
  const brand = (type as unknown as { _context: { compilerFactory: { getType(type: ts.Type): Type } } })._context.compilerFactory.getType(over);
  const { kept, branded } = withoutBrands(brand.getIntersectionTypes());
  if (!branded || kept.length !== 1 || !(kept[0]!.getFlags() & PRIMITIVE)) return undefined;
  const written = writtenArgument(node, bindings, source);
  return { brand, ...(written ? { written } : {}) };
}

/** `T` of `[K in keyof T]`: the declaration of the type parameter the keys are read from. */
function sourceParameter(declaration: ts.MappedTypeNode, checker: ts.TypeChecker): ts.Declaration | undefined {
  const constraint = declaration.typeParameter.constraint;
  if (!constraint || !ts.isTypeOperatorNode(constraint) || constraint.operator !== ts.SyntaxKind.KeyOfKeyword) return undefined;
  return parameterOf(constraint.type, checker);
}

/**
 * Whether the template is `T[K]`, a generic given `T[K]` (`DeepPartial<T[K]>`, read as passing the
 * value on: a recursion of the same mapping), or a conditional whose two branches are such.
 */
function passesValuesOn(template: ts.TypeNode, source: ts.Declaration, key: ts.TypeParameterDeclaration, checker: ts.TypeChecker): boolean {
  if (ts.isParenthesizedTypeNode(template)) return passesValuesOn(template.type, source, key, checker);
  if (ts.isConditionalTypeNode(template)) return passesValuesOn(template.trueType, source, key, checker) && passesValuesOn(template.falseType, source, key, checker);
  if (isSourceValue(template, source, key, checker)) return true;
  return ts.isTypeReferenceNode(template) && (template.typeArguments ?? []).some((argument) => isSourceValue(argument, source, key, checker));
}

/** `T[K]`, `T` and `K` being the mapped type's source and key. */
function isSourceValue(node: ts.TypeNode, source: ts.Declaration, key: ts.TypeParameterDeclaration, checker: ts.TypeChecker): boolean {
  return ts.isIndexedAccessTypeNode(node) && parameterOf(node.objectType, checker) === source && parameterOf(node.indexType, checker) === key;
}

/** The type parameter declaration a bare reference (`T`) names. */
function parameterOf(node: ts.TypeNode, checker: ts.TypeChecker): ts.Declaration | undefined {
  if (!ts.isTypeReferenceNode(node) || node.typeArguments) return undefined;
  const declaration = checker.getSymbolAtLocation(node.typeName)?.declarations?.[0];
  return declaration && ts.isTypeParameterDeclaration(declaration) ? declaration : undefined;
}

/** The argument written for the mapped type's source parameter by the reference at `node` (`DeepPartial<T[K]>`'s `T[K]`). */
function writtenArgument(node: SyntaxNode | undefined, bindings: Bindings | undefined, source: ts.Declaration): Bound | undefined {
  if (!node || !Node.isTypeReference(node)) return undefined;
  const bound = bindingsOf(node, bindings)?.get(source);
  return bound && 'node' in bound ? bound : undefined;
}
