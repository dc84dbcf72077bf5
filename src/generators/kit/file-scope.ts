/**
 * The books a generator keeps while compiling one output file: the identifiers the file
 * declares (users' names reserved first), the runtime exports it imports (aliased where a user
 * type took the name), hoisted constants shared by equal code, and the other files' functions
 * it calls. validate's and mock's compilers are this scope plus their own strategies.
 */
import type { DeclarationIndex } from './declaration-index.js';
import { NameAllocator } from './emit.js';

export interface FileScopeOptions {
  index: DeclarationIndex;
  /** Ids of the declarations whose functions this file holds; the others' are imported. */
  localIds: ReadonlySet<string>;
  /**
   * The public function names of a declaration (`isBook`, `validateBook`…), reserved in every
   * file so that no helper or constant ever shadows a generated function.
   */
  publicNames: (name: string) => readonly string[];
  /** More names the file declares or the generated code uses as locals. */
  reserved?: readonly string[];
}

export class FileScope<Runtime extends string, Role extends string> {
  readonly index: DeclarationIndex;
  protected readonly localIds: ReadonlySet<string>;
  protected readonly names = new NameAllocator();
  private readonly runtimeAliases = new Map<Runtime, string>();
  private readonly constants = new Map<string, string>();
  private readonly external = new Map<string, Set<Role>>();

  constructor(options: FileScopeOptions) {
    this.index = options.index;
    this.localIds = options.localIds;
    this.names.reserve(...(options.reserved ?? []));
    for (const declaration of options.index.all) {
      this.names.reserve(declaration.name, declaration.instantiation?.generic ?? declaration.name);
      this.names.reserve(...options.publicNames(declaration.name));
    }
  }

  /** A fresh identifier based on `base`, unique in the file. */
  allocate(base: string): string {
    return this.names.allocate(base);
  }

  /** The local name of a runtime export, recording its import (aliased if a user type took the name). */
  runtime(name: Runtime): string {
    let alias = this.runtimeAliases.get(name);
    if (!alias) {
      alias = this.names.allocate(name);
      this.runtimeAliases.set(name, alias);
    }
    return alias;
  }

  /** The local name of a runtime export already used (its own name otherwise), without recording a use. */
  localName(name: Runtime): string {
    return this.runtimeAliases.get(name) ?? name;
  }

  /** Runtime exports used so far, with their local names, in order of first use. */
  runtimeUses(): Array<{ name: Runtime; alias: string }> {
    return [...this.runtimeAliases].map(([name, alias]) => ({ name, alias }));
  }

  /** A module-level constant for `code`, shared by equal code; `base` names it. */
  constant(code: string, base: string): string {
    let name = this.constants.get(code);
    if (!name) {
      name = this.names.allocate(base);
      this.constants.set(code, name);
    }
    return name;
  }

  /** The hoisted constants, in order of first use. */
  constantDeclarations(): Array<{ name: string; code: string }> {
    return [...this.constants].map(([code, name]) => ({ name, code }));
  }

  /** Whether a declaration's functions live in this file. */
  isLocal(id: string): boolean {
    return this.localIds.has(id);
  }

  /** Records a call of another file's function of `role` for a declaration (nothing for a local one). */
  useExternal(id: string, role: Role): void {
    if (this.localIds.has(id)) return;
    const roles = this.external.get(id) ?? new Set<Role>();
    roles.add(role);
    this.external.set(id, roles);
  }

  /** Declarations of other files whose functions were used, by id, with the roles used. */
  externalFunctions(): ReadonlyMap<string, ReadonlySet<Role>> {
    return this.external;
  }
}
