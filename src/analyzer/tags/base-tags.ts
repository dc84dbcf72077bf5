/**
 * The JSDoc constraint tags the ancestors of a class or interface wrote on a property it declares
 * again (`override code = 'abc'`, `declare code: string`, `code: 'ab' | 'abc'` in a
 * sub-interface). Every value of the subtype is a value of the base type (TypeScript checks the
 * redeclaration against the base's member), so the base's constraints stay in force on it, as
 * the TypeScript language service shows an overriding member the base's JSDoc: the
 * redeclaration's own tags add to them, never replace them, as a property's own tags add to its
 * alias's (constraints/inherited.ts). The access tags `@readOnly` and `@writeOnly` (and their
 * lower-case spellings) are inherited alike (tester8 F7: a server-set `id` redeclared in a
 * sub-interface, `declare`d in a subclass or taken as a parameter property became a field clients
 * may send): a redeclaration may narrow the type, not who writes the property.
 *
 * Only inheritance counts: `extends` of classes and interfaces (several levels, several bases,
 * an interface extending a class). `implements` is a check, not inheritance (TypeScript gives the
 * class none of the interface's members), so an implemented interface's tags do not apply.
 * class-validator decorators have their own rule (base-decorators.ts).
 */
import { Node, type Type } from 'ts-morph';
import { CONSTRAINT_TAGS } from '../constraints/requests.js';
import type { JsDocTag } from './jsdoc.js';

/**
 * The constraint tags (`@maxLength`, `@minimum`, `@validate`…) and access tags (`@readOnly`,
 * `@writeOnly`) on each declaration of the
 * same-named property in `node`'s ancestors, one list per declaration, farthest ancestor first
 * (so that a nearer one's tags meet the farther ones'); declarations with no such tag are left
 * out. Empty when `node` is no instance property of a class or interface, or no ancestor
 * declares its name.
 */
export function baseConstraintTags(node: Node | undefined, read: (node: Node) => JsDocTag[]): JsDocTag[][] {
  if (!node || !isRedeclarable(node)) return [];
  // A parameter property (`constructor(public override code: string)`) belongs to its constructor's class.
  const owner = Node.isParameterDeclaration(node) ? node.getParent()?.getParent() : node.getParent();
  if (!isHeir(owner)) return [];
  // The symbol's name: `'code-2': string` is written quoted, its member is named `code-2`.
  const name = node.getSymbol()?.getName() ?? node.getName();
  const found: JsDocTag[][] = [];
  const seen = new Set<Node>([node]);
  const visited = new Set<Node>([owner]);
  // Depth first, ancestors before the declarations that inherit from them.
  const visit = (heir: Node): void => {
    for (const base of baseTypesOf(heir)) {
      for (const declaration of base.getProperty(name)?.getDeclarations() ?? []) {
        if (seen.has(declaration) || !isRedeclarable(declaration)) continue;
        seen.add(declaration);
        const parent = declaration.getParent();
        if (parent && isHeir(parent) && !visited.has(parent)) {
          visited.add(parent);
          visit(parent);
        }
        const tags = read(declaration).filter(isInheritedTag);
        if (tags.length > 0) found.push(tags);
      }
    }
  };
  visit(owner);
  return found;
}

type Redeclarable = Node & { getName(): string };

/** A class field (not static), a constructor's parameter property, or an interface property signature. */
function isRedeclarable(node: Node): node is Redeclarable {
  if (Node.isPropertyDeclaration(node)) return !node.isStatic();
  if (Node.isParameterDeclaration(node)) return node.isParameterProperty();
  return Node.isPropertySignature(node);
}

function isHeir(node: Node | undefined): node is Node {
  return Node.isClassDeclaration(node) || Node.isClassExpression(node) || Node.isInterfaceDeclaration(node);
}

/** The types a class extends (not those it implements) or an interface extends; none when the checker cannot say. */
function baseTypesOf(heir: Node): Type[] {
  try {
    return heir.getType().getBaseTypes();
  } catch {
    // `extends PartialType(Dto)` and other expressions the checker gives no base type for.
    return [];
  }
}

/** The JSON Schema access tags, in both spellings codegen reads (docs.ts). */
const ACCESS_TAGS: readonly string[] = ['readOnly', 'readonly', 'writeOnly', 'writeonly'];

function isInheritedTag(tag: JsDocTag): boolean {
  return tag.name === 'validate' || (CONSTRAINT_TAGS as readonly string[]).includes(tag.name) || ACCESS_TAGS.includes(tag.name);
}
