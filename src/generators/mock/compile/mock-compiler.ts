/**
 * The state of compiling one mock output file: the runtime helpers it uses (aliased where a
 * user type took the name), its hoisted sample constants, the other files' `randomT` functions
 * and the enums it imports as values, the user types it names, and the problems found (which
 * `check` reports as diagnostics). The strategy does the per-kind work; this class keeps books.
 */
import type { Declaration, SourceLocation, TypeNode, UnsupportedForm } from '../../../model/types.js';
import { snakeCase } from '../../../model/naming.js';
import type { DeclarationIndex } from '../../kit/declaration-index.js';
import { literalCode, propertyAccess } from '../../kit/emit.js';
import { dropAfter, FileScope, type ScopeMark } from '../../kit/file-scope.js';
import { printDeclarationType, printType, type TypeReference } from '../../kit/print-type.js';
import { directRefs } from '../../kit/type-refs.js';
import { accessText, type TypeAccess } from './brand-access.js';
import { declarationFunctionNames } from './function-names.js';
import type { MockContext } from './mock-context.js';
import type { RuntimeHelper } from './runtime-helpers.js';
import { mockValueType } from './unsupported-values.js';
import { declarationThrows } from './throwing-declarations.js';

/** Runtime names every mock file may import besides the helpers. */
export const CORE_NAMES = ['Rng', 'DeepPartial', 'MockOptions', 'mockOne', 'mockList', 'seededRng', 'MAX_DEPTH'] as const;
export type CoreName = (typeof CORE_NAMES)[number];

export interface MockProblem {
  code: 'CG2011' | 'CG2018' | 'CG5001';
  /** The catalogue's severity when absent. */
  severity?: 'warning';
  message: string;
  hint: string;
  source: SourceLocation;
}

export interface MockCompilerOptions {
  index: DeclarationIndex;
  /** Ids of the declarations whose mocks this file holds. */
  localIds: ReadonlySet<string>;
  /** Names of services whose mocks this file holds. */
  serviceNames?: readonly string[];
  /** How declarations whose printed text drops a brand are named instead (brand-access.ts). */
  accesses?: ReadonlyMap<string, TypeAccess>;
  /** The list builders not named `mock${T}List` (function-names.ts `mockNaming`), reserved as the other public names are. */
  renamedLists?: readonly string[];
}

export class MockCompiler extends FileScope<RuntimeHelper | CoreName, 'random'> {
  readonly problems: MockProblem[] = [];
  readonly references = new Map<string, TypeReference>();
  private readonly enums = new Map<string, TypeReference>();
  private readonly nested = new Map<TypeNode, NestedFunction>();
  /** How many values no mock builds (`cannotMock`, which throws) the code compiled so far holds: see `buildable`. */
  private throwing = 0;
  /** How many `buildable` calls are running. */
  private attempts = 0;

  private readonly accesses: ReadonlyMap<string, TypeAccess>;

  constructor(options: MockCompilerOptions) {
    // Users' names and the public functions are taken first, so no helper or constant shadows them.
    const services = (options.serviceNames ?? []).flatMap((service) => [service, `create${service}Mock`, `${service}Mock`]);
    super({
      ...options,
      publicNames: (name) => Object.values(declarationFunctionNames(name)),
      reserved: [...services, ...(options.renamedLists ?? []), 'r', 'depth', 'overrides', 'options', 'count', 'calls', 'args', 'partialImpl'],
    });
    this.accesses = options.accesses ?? new Map();
  }

  /** The local name of a runtime export, recording its use; `cannotMock` is code that throws when reached (see `buildable`). */
  override runtime(name: RuntimeHelper | CoreName): string {
    if (name === 'cannotMock') this.throwing += 1;
    return super.runtime(name);
  }

  /**
   * The code `build` compiles, or undefined when it holds a value no mock builds (`cannotMock`,
   * directly, in a nested function or in a declaration it calls): code that throws when reached.
   * Where a value may be left out (an optional property, a union member another member can stand
   * for, the items of an array that may be empty) the caller leaves it out instead, so the mock
   * works on every seed; the books go back to where they were, so no import, constant, nested
   * function or warning of the code left out remains (an error, CG2011, stays).
   */
  buildable(build: () => string): string | undefined {
    const mark = this.checkpoint();
    this.attempts += 1;
    let code: string;
    try {
      code = build();
    } finally {
      this.attempts -= 1;
    }
    if (this.throwing === mark.throwing) return code;
    this.takeBack(mark);
    return undefined;
  }

  /**
   * The code `build` compiles, and whether it holds a value no mock builds, calls of declarations
   * that throw included (as inside `buildable`); nothing is taken back.
   */
  counted(build: () => string): { code: string; throws: boolean } {
    const throwing = this.throwing;
    this.attempts += 1;
    try {
      const code = build();
      return { code, throws: this.throwing > throwing };
    } finally {
      this.attempts -= 1;
    }
  }

  /** Where the books stand, for `takeBack`. */
  checkpoint(): CompilerMark {
    return { scope: this.mark(), throwing: this.throwing, problems: this.problems.length, references: this.references.size, enums: this.enums.size, nested: this.nested.size };
  }

  /** Takes back what the code compiled since `mark` recorded (see `buildable`); errors (CG2011) stay. */
  takeBack(mark: CompilerMark): void {
    this.restore(mark.scope);
    this.throwing = mark.throwing;
    const kept = this.problems.splice(mark.problems).filter((problem) => problem.code === 'CG2011');
    this.problems.push(...kept);
    dropAfter(this.references, mark.references);
    dropAfter(this.enums, mark.enums);
    // A nested function taken back is compiled again where used again: its imports and constants went too.
    dropAfter(this.nested, mark.nested);
  }

  /** A module-level constant holding `code` (sample strings), typed `as const`, shared by equal code; named in CONSTANT_CASE. */
  override constant(code: string, base: string): string {
    return super.constant(`${code} as const`, constantName(base));
  }

  /** A module-level constant holding a regular expression literal (which `as const` cannot follow). */
  regexConstant(literal: string, base: string): string {
    return super.constant(literal, constantName(base));
  }

  /** The `randomT` function of a declaration, recording an import when it lives in another file. */
  randomFunction(id: string): string {
    // `owner?: Account` where every mock of Account throws: a call of it throws too (see `buildable`).
    // Asked only where a caller may leave the value out (inside `buildable`): elsewhere it changes nothing.
    if (this.attempts > 0 && declarationThrows(id, this.index)) this.throwing += 1;
    this.useExternal(id, 'random');
    return declarationFunctionNames(this.index.get(id).name).random;
  }

  /** Records that an exported enum is imported as a value; returns its name. */
  enumValue(id: string): string {
    return this.importedValue(id);
  }

  /** Records that an exported declaration (an enum, a class) is imported as a value; returns how code names it. */
  importedValue(id: string): string {
    const declaration = this.index.get(id);
    // An enum in a namespace is reached through it (`TermStore.Kind`): the namespace is the import.
    // `Slot<string>` (declaration `Slot_string`) is built on the generic class's prototype: `Slot` is the import.
    const name = declaration.instantiation?.generic ?? declaration.qualifiedName ?? declaration.name;
    const imported = name.split('.')[0]!;
    this.enums.set(imported, { name: imported, file: declaration.source.file, ...(declaration.importName ? { imported: declaration.importName } : {}) });
    return name;
  }

  /**
   * How the file names an exported `unique symbol` const keying a member (`[tag]: string`),
   * recording its import as a value; aliased (`tag as tag2`) when the name is taken in the file
   * (a user type, a generated function, the mock functions' locals, reserved in the constructor).
   */
  symbolConstant(constant: { name: string; file: string }): string {
    for (const [local, reference] of this.enums) if (reference.file === constant.file && (reference.imported ?? reference.name) === constant.name) return local;
    // Not `value` (what collection-subclasses.ts builds) nor a single letter (`r`, a mock's locals).
    const local = this.allocate(constant.name === 'value' || /^[A-Za-z_$]$/.test(constant.name) ? `${constant.name}Key` : constant.name);
    this.enums.set(local, { name: local, file: constant.file, ...(local === constant.name ? {} : { imported: constant.name }) });
    return local;
  }

  /** A member of an exported enum as a value (`Color.Red`, `Sort["by-date"]`), recording the enum's import. */
  enumMember(id: string, member: string): string {
    const name = this.enumValue(id);
    if (member !== '__proto__') return propertyAccess(name, member);
    // `enum E { __proto__ = 'p' }` runs `E["__proto__"] = "p"`, which sets no property (a prototype must be an object):
    // `E.__proto__` is `Object.prototype` at run time, so the member is written as its value, typed as the member.
    const value = this.index.get(id).type;
    const found = value.kind === 'enum' ? value.members.find((candidate) => candidate.name === member) : undefined;
    return found ? `(${literalCode(found.value)} as unknown as ${name}.__proto__)` : propertyAccess(name, member);
  }

  /** `enumMember` where a literal's type must stay the member's (`Dir.Down as const`). */
  enumMemberConst(id: string, member: string): string {
    const text = this.enumMember(id, member);
    return text.startsWith('(') ? text : `${text} as const`;
  }

  /**
   * The type text of a declaration's functions and of the parts typed from it, recording the user
   * types it names: the user's type reached through an exported one where the declaration's own
   * text would drop a brand (brand-access.ts), else that text (`unsupported` as `printType`'s).
   */
  declarationText(declaration: Declaration, unsupported?: (form: UnsupportedForm) => string | undefined): string {
    const access = this.accesses.get(declaration.id);
    return access ? accessText(access, this.index, this.references) : printDeclarationType(declaration, this.index, this.references, unsupported);
  }

  /** TypeScript text of `node`, recording the user types it names. */
  typeText(node: TypeNode): string {
    return printType(node, this.index, this.references, mockValueType);
  }

  /** Whether `node` refers directly to a declaration on a cycle (so depth must bound it). */
  reachesCycle(node: TypeNode): boolean {
    return directRefs(node).some((id) => this.index.isRecursive(id));
  }

  /** Records contradictory constraints (CG2011); returns `fallback` so compilation goes on. */
  contradiction(context: MockContext, detail: string, fallback: string): string {
    this.problems.push({
      code: 'CG2011',
      message: `Contradictory constraints on ${context.label}: ${detail}, so no mock can satisfy them.`,
      hint: 'Relax one of the constraints; a mock must pass the generated validator.',
      source: context.source,
    });
    return fallback;
  }

  /**
   * The call of the private function building a deeply nested `node`, compiled by `compile`
   * (given the function's name) on first use.
   */
  nestedFunction(node: TypeNode, base: string, compile: (name: string) => { code: string; call: string }): string {
    let compiled = this.nested.get(node);
    if (!compiled) {
      const throwing = this.throwing;
      const built = compile(this.allocate(`_random${base}`));
      compiled = { ...built, throws: this.throwing > throwing };
      this.nested.set(node, compiled);
    }
    // Its body was compiled once: a call of a function that throws holds a `cannotMock` too.
    if (compiled.throws) this.throwing += 1;
    return compiled.call;
  }

  /** The private functions building deeply nested parts, in order of first use. */
  nestedFunctions(): string[] {
    return [...this.nested.values()].map(({ code }) => code);
  }

  /** Runtime names used so far, with their local names. */
  runtimeImports(): Array<{ name: RuntimeHelper | CoreName; alias: string }> {
    return this.runtimeUses();
  }

  /** Enums (and classes) imported as values, by local name. */
  enumImports(): ReadonlyMap<string, TypeReference> {
    return this.enums;
  }
}

/** See `MockCompiler.checkpoint`. */
export interface CompilerMark {
  scope: ScopeMark;
  throwing: number;
  problems: number;
  references: number;
  enums: number;
  nested: number;
}

interface NestedFunction {
  code: string;
  call: string;
  /** Whether its body holds a value no mock builds. */
  throws: boolean;
}

function constantName(base: string): string {
  return snakeCase(base).toUpperCase() || 'SAMPLES';
}
