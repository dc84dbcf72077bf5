/**
 * The decorators a class's ancestors wrote on a property the class declares again
 * (`declare qty: number`, `override qty!: number`, a constructor's `public override qty:
 * number`). class-validator keeps its metadata per class
 * and checks an instance against that of its class and of every ancestor, so a parent's
 * `@Min(1) @Max(99)` still applies to the child's redeclared `qty`: codegen reads them too.
 * But, as class-validator's MetadataStorage does, an ancestor's metadata of one validation type
 * is dropped when the class itself has metadata of that type on the property: one own rule
 * (`@Max(50)`, a "custom validation" like nearly every decorator) replaces all the ancestors'
 * rules of that kind, while an ancestor's `@IsOptional()` (a "conditional validation") stays.
 */
import { Node, type ClassDeclaration, type Type } from 'ts-morph';
import { DECORATOR_RULES, NO_OP_DECORATORS } from '../constraints/requests.js';
import { UNCHECKED_DECORATORS } from '../constraints/unchecked-decorators.js';
import type { DecoratorCall } from './decorators.js';

/** class-validator's `ValidationTypes` of the decorators codegen knows; other decorators (class-transformer's `@Type()`, ORM columns) register none. */
const VALIDATION_TYPES: Readonly<Record<string, string>> = {
  IsOptional: 'conditionalValidation',
  ValidateIf: 'conditionalValidation',
  IsDefined: 'isDefined',
  ValidateNested: 'nestedValidation',
  ValidatePromise: 'promiseValidation',
  Allow: 'whitelistValidation',
};

function validationType(name: string): string | undefined {
  if (Object.hasOwn(VALIDATION_TYPES, name)) return VALIDATION_TYPES[name];
  if (name === 'Type') return undefined;
  const known = Object.hasOwn(DECORATOR_RULES, name) || NO_OP_DECORATORS.includes(name) || Object.hasOwn(UNCHECKED_DECORATORS, name);
  return known ? 'customValidation' : undefined;
}

/** Whether class-validator registers metadata for a decorator of this name (one codegen knows). */
export function isValidationDecorator(name: string): boolean {
  return validationType(name) !== undefined;
}

/** The ancestors' decorators class-validator keeps beside `own`: those of a validation type `own` has none of. */
export function keptBaseDecorators(own: readonly DecoratorCall[], base: readonly DecoratorCall[]): DecoratorCall[] {
  const ownTypes = new Set(own.map((decorator) => validationType(decorator.name)));
  return base.filter((decorator) => {
    const type = validationType(decorator.name);
    return type !== undefined && !ownTypes.has(type);
  });
}

/**
 * The decorators on the same-named instance property of each base class of `node`'s class,
 * nearest ancestor last (the order class-validator's metadata would be declared in); empty when
 * `node` is no class property or no ancestor declares the name. For a property an interface
 * declares again (`interface IB extends Base { code: string }`), the rules class-validator
 * applies to the property of the nearest class each base path reaches (interfaceBaseDecorators).
 */
export function baseClassDecorators(node: Node | undefined, read: (node: Node) => DecoratorCall[]): DecoratorCall[] {
  if (node && Node.isPropertySignature(node) && Node.isInterfaceDeclaration(node.getParent())) return interfaceBaseDecorators(node, read);
  if (!node || !isInstanceProperty(node)) return [];
  // A parameter property (`constructor(public override code: string)`) belongs to its constructor's class.
  const owner = Node.isParameterDeclaration(node) ? node.getParent()?.getParent() : node.getParent();
  if (!Node.isClassDeclaration(owner)) return [];
  const name = node.getName();
  const found: DecoratorCall[][] = [];
  const seen = new Set<ClassDeclaration>([owner]);
  for (let base = baseOf(owner); base && !seen.has(base); base = baseOf(base)) {
    seen.add(base);
    const declared = base.getInstanceProperty(name);
    if (declared && Node.isPropertyDeclaration(declared)) found.unshift(read(declared));
  }
  return found.flat();
}

/**
 * The validation decorators an interface's redeclared property keeps from the classes it extends
 * (tester issue 9, F3: `interface IB extends Base { code: string }` dropped Base's `@Length(3, 3)`,
 * though every `IB` is a `Base`, whose validator checks it, and an undeclared `IB.qty` kept Base's
 * `@Min(1)`). An interface writes no decorator, so along each base path the property is what
 * class-validator checks on an instance of the nearest class declaring it: that class's own rules
 * and those its ancestors' keep beside them (keptBaseDecorators), as for `class Sub extends Base
 * { code!: string }`. An interface on the way that declares the property again is passed through.
 */
function interfaceBaseDecorators(node: Node, read: (node: Node) => DecoratorCall[]): DecoratorCall[] {
  const name = node.getSymbol()?.getName();
  const owner = node.getParent();
  if (!name || !owner) return [];
  const found: DecoratorCall[] = [];
  const seen = new Set<Node>([node]);
  const visit = (heir: Node): void => {
    for (const base of baseTypesOf(heir)) {
      for (const declaration of base.getProperty(name)?.getDeclarations() ?? []) {
        if (seen.has(declaration)) continue;
        seen.add(declaration);
        if (isInstanceProperty(declaration)) {
          const own = read(declaration);
          found.push(...keptBaseDecorators(own, baseClassDecorators(declaration, read)), ...own);
        } else if (Node.isPropertySignature(declaration) && Node.isInterfaceDeclaration(declaration.getParent())) visit(declaration.getParent()!);
      }
    }
  };
  visit(owner);
  return found;
}

/** The types an interface extends (classes among them); none when the checker cannot say. */
function baseTypesOf(heir: Node): Type[] {
  try {
    return heir.getType().getBaseTypes();
  } catch {
    return [];
  }
}

/** A class field (not static) or a constructor's parameter property: what a subclass may declare again. */
function isInstanceProperty(node: Node): node is Node & { getName(): string } {
  if (Node.isParameterDeclaration(node)) return node.isParameterProperty();
  return Node.isPropertyDeclaration(node) && !node.isStatic();
}

function baseOf(declaration: ClassDeclaration): ClassDeclaration | undefined {
  try {
    return declaration.getBaseClass();
  } catch {
    // `extends PartialType(Dto)` and other expressions ts-morph cannot follow to a declaration.
    return undefined;
  }
}
