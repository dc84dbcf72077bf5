/**
 * The members of an object type that are not data (`ObjectType.behaviour`): validators and
 * schemas leave them out, but a value TypeScript accepts still has them, so a mock must provide
 * them: a stub for each required public method, and for a class its prototype (its non-public
 * fields, which only the constructor sets, are named so the mock can say it leaves them unset).
 */
import { Node, Scope, ts, type Type } from 'ts-morph';
import type { ObjectType } from '../../model/index.js';
import { holdsUndefined } from '../properties.js';
import { isSymbolKeyed, wellKnownSymbolOf, writtenSymbolKey } from '../symbol-keys.js';
import { isDefaultLib } from './declarations.js';
import { symbolData, type SymbolConstantSource } from './symbol-data.js';

/**
 * The type's behaviour, or undefined when it has only data properties. `exactUndefined` is the
 * checker's `undefined` when the tsconfig sets exactOptionalPropertyTypes (context.ts).
 */
export function behaviourOf(type: Type, fileOf?: SymbolConstantSource, exactUndefined?: ts.Type): ObjectType['behaviour'] {
  const methods: string[] = [];
  const privateFields: string[] = [];
  const onPrototype: string[] = [];
  const optionalMethods: string[] = [];
  const symbolMethods: NonNullable<NonNullable<ObjectType['behaviour']>['symbolMethods']> = [];
  const symbolProperties: NonNullable<NonNullable<ObjectType['behaviour']>['symbolProperties']> = [];
  const unimplemented: string[] = [];
  const isClass = type.getSymbol()?.getDeclarations().some((declaration) => Node.isClassDeclaration(declaration) || Node.isClassExpression(declaration)) ?? false;
  for (const symbol of type.getProperties()) {
    const node = symbol.getDeclarations()[0];
    if (!node) continue;
    // `[Symbol.iterator]()`: checked and stubbed by its symbol; other symbol keys are left out (symbol-keys.ts).
    if (isSymbolKeyed(symbol)) {
      const wellKnown = isPublicMethod(node) ? wellKnownSymbolOf(node) : undefined;
      if (wellKnown) symbolMethods.push({ symbol: wellKnown, optional: symbol.isOptional(), ...(isClass && !prototypeHas(symbol.getDeclarations()) ? { abstract: true } : {}) });
      else if (!isDefaultLib(node)) {
        const data = symbolData(symbol, fileOf);
        // `[tag]?: string` under exactOptionalPropertyTypes: the key may be missing, its value is never `undefined`.
        const exactOptional = data !== undefined && exactUndefined !== undefined && symbol.isOptional() && !holdsUndefined(symbol.getTypeAtLocation(node), exactUndefined);
        symbolProperties.push({ key: writtenSymbolKey(node, symbol), optional: symbol.isOptional(), ...data, ...(exactOptional ? { exactOptional } : {}) });
      }
      continue;
    }
    if (isPublicMethod(node)) {
      (symbol.isOptional() ? optionalMethods : methods).push(symbol.getName());
      if (!symbol.isOptional() && !prototypeHas(symbol.getDeclarations())) unimplemented.push(symbol.getName());
    }
    else if (isHiddenField(node)) privateFields.push(symbol.getName());
    else if (isHiddenPrototypeMember(node)) {
      privateFields.push(symbol.getName());
      onPrototype.push(symbol.getName());
    }
  }
  if (methods.length === 0 && privateFields.length === 0 && optionalMethods.length === 0 && symbolMethods.length === 0 && symbolProperties.length === 0) return undefined;
  // A class's prototype lacks them; so does that of the class an interface inheriting its
  // non-public members is built on (`interface HasPriv extends Priv { greet(): string }`).
  if (!isClass && privateFields.length === 0) unimplemented.length = 0;
  return { methods, privateFields, ...(unimplemented.length > 0 ? { abstractMethods: unimplemented } : {}), ...(onPrototype.length > 0 ? { privateOnPrototype: onPrototype } : {}), ...(optionalMethods.length > 0 ? { optionalMethods } : {}), ...(symbolMethods.length > 0 ? { symbolMethods } : {}), ...(symbolProperties.length > 0 ? { symbolProperties } : {}) };
}

/**
 * Whether a class's method is on its prototype: not when every declaration is `abstract`
 * (`abstract area(): number`) or a signature of a user's interface merged with the class. A
 * signature in a declaration file (`Map`'s `get`, of `class DateMap extends Map`) describes a
 * method some JavaScript implements.
 */
function prototypeHas(declarations: readonly Node[]): boolean {
  return !declarations.every(
    (declaration) => (Node.isMethodSignature(declaration) && !declaration.getSourceFile().isDeclarationFile()) || (Node.isMethodDeclaration(declaration) && declaration.isAbstract()),
  );
}

function isPublicMethod(node: Node): boolean {
  if (Node.isMethodSignature(node)) return true;
  if (!Node.isMethodDeclaration(node)) return false;
  return node.getScope() === Scope.Public && node.getNameNode().getKind() !== ts.SyntaxKind.PrivateIdentifier;
}

/** `private secret`, `protected count`, `#count`, and `constructor(private id: string)`. */
function isHiddenField(node: Node): boolean {
  if (Node.isPropertyDeclaration(node)) return isHidden(node);
  return Node.isParameterDeclaration(node) && node.getScope() !== undefined && node.getScope() !== Scope.Public;
}

/**
 * `private get secret()`, `protected set p(v)`, `get #p()`, `private helper()`, `#tick()`: not
 * data, and on the prototype (a mock built on it has them), but TypeScript compares a class
 * holding one by declaration, as it does one with a private field: no object literal is a value of it.
 */
function isHiddenPrototypeMember(node: Node): boolean {
  if (Node.isGetAccessorDeclaration(node) || Node.isSetAccessorDeclaration(node) || Node.isMethodDeclaration(node)) return isHidden(node);
  return false;
}

function isHidden(node: Node & { getScope(): Scope; getNameNode(): Node }): boolean {
  return node.getScope() !== Scope.Public || node.getNameNode().getKind() === ts.SyntaxKind.PrivateIdentifier;
}
