/**
 * `Readonly<Date>`, `Partial<Map<K, V>>`, a hand-written `DeepReadonly<T>` reaching a `Date`: a
 * homomorphic mapped type (`[K in keyof T]`) over a platform or library class. TypeScript gives it
 * the class's members, so an instance of the class is a value of it (tsc accepts `new Date()` for
 * `Readonly<Date>`), and its members are behaviour, not data: read member by member they were 45
 * method stubs, a `[Symbol.toPrimitive]` key, and diagnostics inside lib.*.d.ts. It is read as
 * the class itself: validators check the instance as for the class, mocks build one, the schema
 * says what it says for the class.
 */
import { Node, ts, type Type } from 'ts-morph';
import { isDefaultLib } from './declarations.js';
import { isPlatformClass } from './library-classes.js';

interface MappedObject {
  objectFlags: ts.ObjectFlags;
  declaration?: ts.MappedTypeNode;
  modifiersType?: ts.Type;
}

/** The class a homomorphic mapped type maps over, when it is a platform or library class; else undefined. */
export function mappedLibraryClass(type: Type): Type | undefined {
  if (!type.isObject()) return undefined;
  const compiler = type.compilerType as unknown as MappedObject;
  if (!(compiler.objectFlags & ts.ObjectFlags.Mapped) || !isHomomorphic(compiler.declaration)) return undefined;
  // The checker sets the modifiers type when it resolves the members.
  if (!compiler.modifiersType) type.getProperties();
  const over = compiler.modifiersType;
  if (!over || !(over.flags & ts.TypeFlags.Object)) return undefined;
  const wrapped = (type as unknown as { _context: { compilerFactory: { getType(type: ts.Type): Type } } })._context.compilerFactory.getType(over);
  if (wrapped.isArray() || wrapped.isReadonlyArray() || wrapped.isTuple()) return undefined;
  const declaration = wrapped.getSymbol()?.getDeclarations()[0];
  if (!declaration) return undefined;
  const named = Node.isInterfaceDeclaration(declaration) || Node.isClassDeclaration(declaration);
  const library = isDefaultLib(declaration) || (Node.isClassDeclaration(declaration) && declaration.getSourceFile().isInNodeModules());
  return isPlatformClass(wrapped) || (named && library) ? wrapped : undefined;
}

/** `{ [K in keyof T]: … }`: the keys are those of the type mapped over. */
function isHomomorphic(declaration: ts.MappedTypeNode | undefined): boolean {
  const constraint = declaration?.typeParameter.constraint;
  return constraint !== undefined && ts.isTypeOperatorNode(constraint) && constraint.operator === ts.SyntaxKind.KeyOfKeyword;
}
