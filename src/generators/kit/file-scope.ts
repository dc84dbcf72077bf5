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
   * file so that no helper or constant ever shadows a generated function. The same for every
   * file a class of scope compiles (the names are computed once per model and class: see
   * `sharedNames`).
   */
  publicNames: (name: string) => readonly string[];
  /** More names the file declares or the generated code uses as locals. */
  reserved?: readonly string[];
}

export class FileScope<Runtime extends string, Role extends string> {
  readonly index: DeclarationIndex;
  protected readonly localIds: ReadonlySet<string>;
  protected readonly names: NameAllocator;
  private readonly runtimeAliases = new Map<Runtime, string>();
  private readonly constants = new Map<string, string>();
  private readonly external = new Map<string, Set<Role>>();
  /** Runtime aliases and constants of code taken back by `restore`: the same names if used again. */
  private readonly releasedAliases = new Map<Runtime, string>();
  private readonly releasedConstants = new Map<string, string>();

  constructor(options: FileScopeOptions) {
    this.index = options.index;
    this.localIds = options.localIds;
    this.names = new ScopeNames(sharedNames(options.index, new.target, options.publicNames));
    this.names.reserve(...(options.reserved ?? []));
  }

  /** A fresh identifier based on `base`, unique in the file. */
  allocate(base: string): string {
    return this.names.allocate(base);
  }

  /** The local name of a runtime export, recording its import (aliased if a user type took the name). */
  runtime(name: Runtime): string {
    let alias = this.runtimeAliases.get(name);
    if (!alias) {
      alias = this.releasedAliases.get(name) ?? this.names.allocate(name);
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
      name = this.releasedConstants.get(code) ?? this.names.allocate(base);
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

  /** Where the books stand (they only grow), for `restore`. */
  protected mark(): ScopeMark {
    return { runtime: this.runtimeAliases.size, constants: this.constants.size, external: this.external.size };
  }

  /**
   * Takes back the runtime uses, constants and other files' functions recorded since `mark`:
   * code compiled and then not used (a mock's optional property it leaves out) leaves no import
   * or constant, which `noUnusedLocals` would reject. The names stay theirs if used again.
   */
  protected restore(mark: ScopeMark): void {
    for (const [name, alias] of dropAfter(this.runtimeAliases, mark.runtime)) this.releasedAliases.set(name, alias);
    for (const [code, name] of dropAfter(this.constants, mark.constants)) this.releasedConstants.set(code, name);
    dropAfter(this.external, mark.external);
  }
}

/** See `FileScope.mark`. */
export interface ScopeMark {
  runtime: number;
  constants: number;
  external: number;
}

/** Removes the entries of `map` after its first `size` (in insertion order), returning them. */
export function dropAfter<K, V>(map: Map<K, V>, size: number): Array<[K, V]> {
  if (map.size <= size) return [];
  const dropped = [...map].slice(size);
  for (const [key] of dropped) map.delete(key);
  return dropped;
}

/**
 * The names every file of a plan reserves (each declaration's name, its generic's, its public
 * functions), computed once per declaration index and scope class: reserving them file by file
 * made planning grow with files × declarations.
 */
const sharedNamesCache = new WeakMap<DeclarationIndex, Map<unknown, Map<string, ReadonlySet<string>>>>();

function sharedNames(index: DeclarationIndex, scopeClass: unknown, publicNames: (name: string) => readonly string[]): ReadonlySet<string> {
  let byClass = sharedNamesCache.get(index);
  if (!byClass) sharedNamesCache.set(index, (byClass = new Map()));
  let bySource = byClass.get(scopeClass);
  if (!bySource) byClass.set(scopeClass, (bySource = new Map()));
  // Keyed by the function's text as well: a class passes the same function for every file.
  const key = publicNames.toString();
  let names = bySource.get(key);
  if (!names) {
    const taken = new Set<string>();
    for (const declaration of index.all) {
      taken.add(declaration.name);
      taken.add(declaration.instantiation?.generic ?? declaration.name);
      for (const name of publicNames(declaration.name)) taken.add(name);
    }
    bySource.set(key, (names = taken));
  }
  return names;
}

/** A NameAllocator over the plan's shared names plus the file's own: the shared set is never copied. */
class ScopeNames extends NameAllocator {
  private readonly own = new Set<string>();

  constructor(private readonly shared: ReadonlySet<string>) {
    super();
  }

  override reserve(...names: string[]): void {
    for (const name of names) this.own.add(name);
  }

  override allocate(base: string): string {
    let name = base;
    for (let suffix = 2; this.own.has(name) || this.shared.has(name); suffix += 1) name = `${base}${suffix}`;
    this.own.add(name);
    return name;
  }
}
