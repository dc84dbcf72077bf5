/**
 * The state of compiling one output file: the runtime helpers and other files' validators it
 * uses, its hoisted constants, and the private functions lifted out of nested types. The
 * strategies (`is`, `collect`, `coerce`) do the per-kind work; this class only keeps books.
 */
import type { Declaration, TypeNode } from '../../../model/types.js';
import type { TypeReference } from '../../kit/print-type.js';
import { classObject, importableAsValue, isIndexClass, isNominalClass, nominalClassOf } from './behaviour-checks.js';
import type { DeclarationIndex } from '../../kit/declaration-index.js';
import { directRefs } from '../../kit/type-refs.js';
import { someType } from '../../kit/walk.js';
import { NameAllocator } from '../../kit/emit.js';
import { FileScope } from '../../kit/file-scope.js';
import { coerceFunctionBody } from './coerce-strategy.js';
import { collectFunctionBody } from './collect-bodies.js';
import { declarationFunctionNames, liftedFunctionNames } from './function-names.js';
import { isFunctionBody } from './is-strategy.js';
import { shortBase } from './large-types.js';
import { ShapeKeys } from './shape-keys.js';
import type { RuntimeHelper } from './runtime-helpers.js';
import type { GuardPart } from './cycle-guards.js';

export type FunctionRole = 'is' | 'collect' | 'coerce';

export interface FileCompilerOptions {
  index: DeclarationIndex;
  /** Ids of the declarations whose validators this file holds. */
  localIds: ReadonlySet<string>;
  coerce: boolean;
  /** Names the file already uses (a consumer's own declarations), kept clear of. */
  reserved?: readonly string[];
  /**
   * The name of another file's function of `role` for a declaration. Default: validate's own
   * naming (validate's files import each other). A generator building on validate passes its
   * exports lookup, and gets an error for a declaration validate did not process.
   */
  externalName?: (id: string, role: FunctionRole) => string | undefined;
}

/** Parameters and locals of generated validators, which an imported symbol const must not be named as. */
const VALIDATOR_LOCALS = new Set(['value', 'path', 'issues', 'key', 'item', 'entry', 'seen', 'result', 'input', 'options']);

/** Whether a name may be a validator's parameter or local (single letters are its loop and read locals: `i`, `k`, `e`, `v`…). */
const isValidatorLocal = (name: string): boolean => VALIDATOR_LOCALS.has(name) || /^[A-Za-z_$]$/.test(name);

export class FileCompiler extends FileScope<RuntimeHelper, FunctionRole> {
  readonly coerce: boolean;
  private readonly externalName: FileCompilerOptions['externalName'];
  private readonly liftedBases = new NameAllocator();
  private readonly lifted = new Map<TypeNode, string>();
  /** Bases of the lifted helpers by the shape they check (see liftedFunction). */
  private readonly liftedShapes = new Map<string, string>();
  /** What a lifted helper's code depends on: the type node without its properties' documentation and source locations. */
  private readonly shapeKeys = new ShapeKeys();
  private readonly liftedCode = new Map<string, string>();
  private readonly dateMemo = new Map<string, boolean>();
  /** The cycle guards' constants and private functions (cycle-guards.ts), each its own. */
  private readonly guardConstants: GuardPart[] = [];
  private readonly guardFunctions: GuardPart[] = [];

  private readonly classes = new Map<string, TypeReference>();
  private nominal: Map<TypeNode, Declaration> | undefined;

  /** Local names of the runtime's types and error class, which every file imports. */
  readonly runtimeTypes: { issue: string; result: string; error: string };

  constructor(options: FileCompilerOptions) {
    // Every declaration's names and public functions are taken first, so a runtime helper or a
    // constant never shadows a user type or a generated function.
    super({ ...options, publicNames: (name) => Object.values(declarationFunctionNames(name)) });
    this.coerce = options.coerce;
    this.externalName = options.externalName;
    this.runtimeTypes = {
      issue: this.allocate('ValidationIssue'),
      result: this.allocate('ValidationResult'),
      error: this.allocate('ValidationError'),
    };
  }

  /** The function of `role` for a declaration, recording an import when it lives in another file. */
  declarationFunction(id: string, role: FunctionRole): string {
    const declaration = this.index.get(id);
    if (!this.isLocal(id)) {
      this.useExternal(id, role);
      if (this.externalName) {
        const name = this.externalName(id, role);
        if (name === undefined) {
          throw new Error(`the validate generator exports no \`${role}\` function for ${declaration.name}: add validate to its @codegen tag or to the config's generators`);
        }
        return name;
      }
    }
    return declarationFunctionNames(declaration.name)[role];
  }

  /**
   * How the file names the class whose object type `node` is, when TypeScript compares it
   * nominally (it has non-public members), or whose record type `node` is (a class of an index
   * signature only, whose instances pass beside plain objects), recording its import as a value;
   * undefined for any other type. A nominal class that cannot be imported is refused before
   * (validate's `check`); an index class that cannot be is checked as a record (plain objects).
   */
  nominalClass(node: TypeNode): string | undefined {
    const declaration = this.nominalDeclarations().get(node);
    if (!declaration) return undefined;
    // `Slot<string>` is an instance of `Slot`: the generic class is what is imported and tested.
    const name = declaration.instantiation?.generic ?? declaration.qualifiedName ?? declaration.name;
    const imported = name.split('.')[0]!;
    this.classes.set(imported, { name: imported, file: declaration.source.file, ...(declaration.importName ? { imported: declaration.importName } : {}) });
    return name;
  }

  /**
   * How the file names an exported `unique symbol` const keying a member (`[tag]: string`),
   * recording its import as a value. Aliased (`tag as tag2`) when the name is taken in the file
   * (a user type, a generated function) or is one of the validators' own locals, which would
   * shadow it inside the function reading `value[tag]`.
   */
  symbolConstant(constant: { name: string; file: string }): string {
    for (const [local, reference] of this.classes) if (reference.file === constant.file && (reference.imported ?? reference.name) === constant.name) return local;
    const local = this.allocate(isValidatorLocal(constant.name) ? `${constant.name}Key` : constant.name);
    this.classes.set(local, { name: local, file: constant.file, ...(local === constant.name ? {} : { imported: constant.name }) });
    return local;
  }

  /** The declarations of the classes TypeScript compares nominally, by their object type. */
  private nominalDeclarations(): Map<TypeNode, Declaration> {
    this.nominal ??= new Map(
      this.index.all.filter((declaration) => (isNominalClass(declaration) || isIndexClass(declaration)) && importableAsValue(declaration)).map((declaration) => [classObject(declaration) ?? declaration.type, declaration]),
    );
    // `interface HasPriv extends Priv`: its object type is checked with `instanceof Priv`.
    for (const declaration of this.index.all) {
      const base = declaration.kind === 'class' ? undefined : nominalClassOf(declaration, this.index);
      if (base && importableAsValue(base)) this.nominal.set(declaration.type, base);
    }
    return this.nominal;
  }

  /** The user classes the file imports as values (for `instanceof`), by local name. */
  classImports(): ReadonlyMap<string, TypeReference> {
    return this.classes;
  }

  /**
   * The private function of `role` checking a nested `node`, compiled on first use. A nested type
   * of the same shape as one met before (every entity's `tags: string[]`) shares that one's
   * helpers, named after where the shape was first met: a helper's code depends on the shape
   * alone, and repeating it per property made files several times longer to read and format.
   */
  liftedFunction(node: TypeNode, base: string, role: FunctionRole): string {
    let uniqueBase = this.lifted.get(node);
    if (!uniqueBase) {
      // A class's own object type is checked with `instanceof`, a look-alike inline object is not.
      const shape = `${this.nominalDeclarations().has(node) ? 'nominal ' : ''}${this.shapeKeys.key(node)}`;
      uniqueBase = this.liftedShapes.get(shape);
      if (!uniqueBase) {
        uniqueBase = this.liftedBases.allocate(shortBase(base));
        this.liftedShapes.set(shape, uniqueBase);
      }
      this.lifted.set(node, uniqueBase);
    }
    const name = liftedFunctionNames(uniqueBase)[role];
    if (!this.liftedCode.has(name)) {
      this.liftedCode.set(name, ''); // placeholder first: a recursive nested type must not loop
      this.liftedCode.set(name, this.liftedSource(node, uniqueBase, name, role));
    }
    return name;
  }

  /** A module-level constant of a cycle guard, named after `base`: never shared (each declaration has its own). */
  guardConstant(base: string, code: string): string {
    const name = this.allocate(base);
    this.guardConstants.push({ name, code });
    return name;
  }

  /** A private function of a cycle guard, named after `base`, whose code `source` writes given the name. */
  guardFunction(base: string, source: (name: string) => string): string {
    const name = this.allocate(base);
    this.guardFunctions.push({ name, code: source(name) });
    return name;
  }

  /** The cycle guards' constants and private functions, in order of creation. */
  guardParts(): { constants: readonly GuardPart[]; functions: readonly GuardPart[] } {
    return { constants: this.guardConstants, functions: this.guardFunctions };
  }

  /** Whether coercion has anything to do for `node` (it reaches a `Date` or a `bigint`). */
  containsCoerced(node: TypeNode): boolean {
    return containsCoerced(node, this.index, this.dateMemo);
  }

  /** Runtime helpers used so far, with their local names. */
  runtimeImports(): Array<{ helper: RuntimeHelper; alias: string }> {
    return this.runtimeUses().map(({ name, alias }) => ({ helper: name, alias }));
  }

  /** The private functions, grouped by the nested type they check, in order of first use. */
  liftedFunctions(): string[] {
    return [...new Set(this.lifted.values())].flatMap((base) => {
      const names = liftedFunctionNames(base);
      return [names.is, names.collect, names.coerce].flatMap((name) => this.liftedCode.get(name) ?? []);
    });
  }

  private liftedSource(node: TypeNode, base: string, name: string, role: FunctionRole): string {
    switch (role) {
      case 'is':
        return `function ${name}(value: unknown): boolean {\n${isFunctionBody(node, this, base)}\n}`;
      case 'collect':
        return `function ${name}(value: unknown, path: string, issues: ${this.runtimeTypes.issue}[]): void {\n${collectFunctionBody(node, this, base)}\n}`;
      case 'coerce':
        return `function ${name}(value: unknown): unknown {\n${coerceFunctionBody(node, this, base)}\n}`;
    }
  }
}

/** True when `node` reaches a `Date` or `bigint`, directly or through the declarations it refers to. */
function containsCoerced(node: TypeNode, index: DeclarationIndex, memo: Map<string, boolean>): boolean {
  if (hasOwnCoerced(node)) return true;
  return directRefs(node).some((id) => {
    let known = memo.get(id);
    if (known === undefined) {
      known = index.closure([id]).some((declaration) => hasOwnCoerced(declaration.type));
      memo.set(id, known);
    }
    return known;
  });
}

/** True when `node` holds a `Date` or `bigint` (their wire forms are strings) without going through a ref. */
function hasOwnCoerced(node: TypeNode): boolean {
  return someType(node, (current) => current.kind === 'date' || current.kind === 'bigint');
}
