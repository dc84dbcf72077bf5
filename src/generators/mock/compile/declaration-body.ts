/** The expression a declaration's `randomT` function returns. */
import { nameable, valueImportable } from '../../kit/declaration-access.js';
import type { Declaration, ObjectType } from '../../../model/types.js';
import type { MockCompiler } from './mock-compiler.js';
import type { MockContext } from './mock-context.js';
import { enumExpression, mockExpression, needsPrototype } from './mock-strategy.js';
import { constructorSetFields, instanceHelper, unbuildableClass } from './class-instances.js';
import { unbuildable } from './unsupported-values.js';
import { collectionSubclassExpression } from './collection-subclasses.js';

/** Builds the random value of a declaration's type; problems land in the compiler. */
export function declarationExpression(declaration: Declaration, compiler: MockCompiler): string {
  const context: MockContext = {
    compiler,
    name: undefined,
    base: declaration.name,
    label: declaration.name,
    source: declaration.source,
    // Deep parts built by functions of their own are typed by indexed access from here.
    typePath: compiler.declarationText(declaration),
  };
  if (declaration.type.kind === 'enum') {
    if (valueImportable(declaration)) return enumExpression(declaration.type, declaration.id, context);
    // `export type`, `declare enum`, a global enum: its members by value, asserted to be the enum.
    return enumExpression(declaration.type, undefined, context, nameable(declaration) ? context.typePath : undefined);
  }
  const subclass = collectionSubclassExpression(declaration, context);
  if (subclass !== undefined) return subclass;
  if (declaration.kind === 'class' && declaration.type.kind === 'object' && declaration.type.behaviour) {
    const why = unbuildableClass(declaration);
    if (why) {
      // Validate refuses such a class (CG5001 error); its mock is a warning and throws, as other values no mock builds.
      return unbuildable(context, `the class is ${why}, and its mock needs it as a value (its prototype)`, 'Export the class as a value (`export class`, `export { Account }`), or leave it out of `mock` with `@codegen`.');
    }
    if (needsPrototype(declaration)) return instanceExpression(declaration, declaration.type, context);
  }
  const base = inheritedNominalClass(declaration, compiler);
  if (base && declaration.type.kind === 'object') {
    if (!valueImportable(base)) {
      return unbuildable(context, `it inherits non-public members from the class ${base.name}, so only instances of ${base.name} are values of it, and the class is ${unbuildableClass(base) ?? 'not importable as a value'}`, `Export ${base.name} as a value (\`export class ${base.name}\`), or leave ${declaration.name} out of \`mock\` with \`@codegen\`.`);
    }
    return instanceExpression(base, declaration.type, context);
  }
  return mockExpression(declaration.type, context);
}

/** The class an interface inherits non-public members from (`interface HasPriv extends Priv`), whose prototype its mock is built on. */
function inheritedNominalClass(declaration: Declaration, compiler: MockCompiler): Declaration | undefined {
  if (declaration.kind === 'class' || declaration.type.kind !== 'object') return undefined;
  const id = declaration.type.behaviour?.instanceOf?.[0];
  return id === undefined ? undefined : compiler.index.get(id);
}

/**
 * A class with methods or non-public fields, which no object literal satisfies: its data on an
 * instance of the class (the generic class's for `Slot<string>`), so its methods and accessors
 * are the real ones (an abstract method, on no prototype, is a stub). Where the class has
 * non-public fields its constructor sets (`#count`, `private balance`) and the constructor takes
 * no argument, it runs (`constructed`), so they hold what it sets; otherwise the object only gets
 * the class's prototype, and where such fields stay unset a CG5001 warning names them.
 */
function instanceExpression(declaration: Declaration, type: ObjectType, context: MockContext): string {
  const { compiler } = context;
  const { behaviour, ...data } = type;
  const helper = instanceHelper(declaration);
  // `private get p()`, `#tick()`: on the prototype, so set; only the fields the constructor sets are not.
  const unset = helper === 'withPrototype' ? constructorSetFields(declaration) : [];
  if (unset.length > 0) {
    compiler.problems.push({
      code: 'CG5001',
      severity: 'warning',
      // `Slot<string>` as written, not its model name `Slot_string`: its prototype is `Slot`'s.
      message: `mock of ${declaration.instantiation ? (context.typePath ?? declaration.name) : declaration.name} is built on its prototype without running its constructor, which requires arguments or is not public, so its non-public fields (${unset.join(', ')}) are not set.`,
      hint: 'Methods that read them see undefined (a #private field throws a TypeError): give the constructor defaults so the mock can call it, override what the test needs, build the instance with `new` in the test, or leave the type out of `mock` with `@codegen`.',
      source: declaration.source,
    });
  }
  // `abstract area(): number` is on no prototype: stubbed in the data, as an interface's methods are.
  const symbolMethods = behaviour?.symbolMethods?.filter((method) => method.abstract) ?? [];
  const stubbed: ObjectType =
    behaviour?.abstractMethods || symbolMethods.length > 0 ? { ...data, behaviour: { methods: behaviour?.abstractMethods ?? [], privateFields: [], ...(symbolMethods.length > 0 ? { symbolMethods } : {}), ...(behaviour?.json ? { json: behaviour.json } : {}) } } : data;
  return `${compiler.runtime(helper)}(${compiler.importedValue(declaration.id)}, ${mockExpression(stubbed, context)})`;
}
