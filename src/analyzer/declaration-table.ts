/**
 * Every declaration the model will hold, keyed by its source node (and type arguments for a
 * generic instantiation), with a queue of those still to read. References go through here,
 * which is what keeps recursive types finite: a type is queued once, then referred to by id.
 */
import type { ClassDeclaration, EnumDeclaration, InterfaceDeclaration, ts, Type, TypeAliasDeclaration } from 'ts-morph';
import type { TypeNode } from '../model/index.js';
import { writtenParameterCount, type Bindings } from './types/bindings.js';
import type { CarriedSources } from './types/keyed-values.js';
import { primaryDeclaration } from './merged-declarations.js';
import { isGlobalDeclaration } from './global-scope.js';
import { isInAmbientModule } from './ambient-module.js';
import { exportedFromNamespace, modelName, namespacesExported, qualifiedName } from './types/namespaces.js';

export type DeclarationNode = InterfaceDeclaration | ClassDeclaration | TypeAliasDeclaration | EnumDeclaration;

export interface TableEntry {
  id: string;
  node: DeclarationNode;
  generators: string[];
  /** True for the exported declarations of input files (the candidates of annotations.md). */
  candidate: boolean;
  /**
   * `bindings`: the type arguments as written (at the queued use that writes most of them: `preferWritten`), for the aliases in them (types/bindings.ts);
   * `carried`: the syntax in them that stood for a mapped type's `T[K]`, with the source property whose constraints its values take (types/keyed-values.ts).
   */
  instantiation?: { generic: string; type: Type; typeArguments: TypeNode[]; bindings?: Bindings | undefined; carried?: CarriedSources | undefined };
  /** Set once a processed declaration referenced a non-exported one (CG2012 is due). */
  referencedWhileHidden: boolean;
}

export class DeclarationTable {
  private readonly entries = new Map<string, TableEntry>();
  /**
   * The first entry given each id. Constraint readers look a `ref` up here for every constrained
   * property typed by one (a named brand, an enum's members): a scan of every entry made that
   * quadratic in the model's size. Two declarations of one name share an id (CG2007): the first keeps it.
   */
  private readonly entriesById = new Map<string, TableEntry>();
  private readonly queue: TableEntry[] = [];
  /** Every id given so far, lower-cased: an instantiation's must differ from each (see `unusedId`). */
  private readonly takenIds = new Set<string>();
  private observer: ((node: DeclarationNode, instantiation: boolean) => void) | undefined;

  /** Calls `listener` on every reference and instantiation until the returned function is called (incremental/read-cache.ts). */
  observe(listener: (node: DeclarationNode, instantiation: boolean) => void): () => void {
    this.observer = listener;
    return () => {
      this.observer = undefined;
    };
  }

  /** The entry a model id names (`{ kind: 'ref', id }`), if it has one (an enum's members, a named brand's type). */
  byId(id: string): TableEntry | undefined {
    return this.entriesById.get(id);
  }

  /** True once the declaration (or a part merged with it) has an entry. */
  has(node: DeclarationNode): boolean {
    return this.entries.has(keyOf(primaryDeclaration(node)));
  }

  /**
   * Registers an exported declaration of an input file with its selected generators. The parts
   * of a merged declaration (`interface A` twice, a class and an interface) are one entry.
   */
  addCandidate(written: DeclarationNode, generators: string[]): void {
    const node = primaryDeclaration(written);
    if (this.entries.has(keyOf(node))) return;
    this.enqueue(keyOf(node), { id: nameOf(node), node, generators, candidate: true, referencedWhileHidden: false });
  }

  /** The id of a non-generic declaration, queued for reading when first seen. */
  reference(written: DeclarationNode, from: TableEntry | undefined): string {
    const node = primaryDeclaration(written);
    this.observer?.(node, false);
    const entry =
      this.entries.get(keyOf(node)) ??
      this.enqueue(keyOf(node), { id: nameOf(node), node, generators: [], candidate: false, referencedWhileHidden: false });
    // A global type (`globals.d.ts`, `declare global`) is named without an import: nothing to export;
    // nor is there for a `declare module 'x'` member (ambient-module.ts), and an installed package's
    // file is not the user's to edit: generated code spells such a type out instead of importing it.
    if (from && from.generators.length > 0 && !isExported(node) && !isGlobalDeclaration(node) && !isInAmbientModule(node) && !node.getSourceFile().isInNodeModules()) {
      entry.referencedWhileHidden = true;
    }
    return entry.id;
  }

  /** The id of a generic instantiation (`Page_Order`); it inherits the generators of its users. */
  instantiate(
    written: DeclarationNode,
    id: string,
    type: Type,
    typeArguments: TypeNode[],
    from: TableEntry | undefined,
    bindings?: Bindings,
    carried?: CarriedSources,
  ): string {
    const node = primaryDeclaration(written);
    this.observer?.(node, true);
    // Keyed by the arguments themselves: two instantiations named alike are two declarations.
    const key = `${keyOf(node)}<${id}|${canonical(typeArguments)}>`;
    const known = this.entries.get(key);
    if (known) this.preferWritten(known, written, bindings, carried);
    const entry =
      known ??
      this.enqueue(key, {
        id: this.unusedId(id),
        node,
        generators: [],
        candidate: false,
        instantiation: { generic: qualifiedName(node), type, typeArguments, bindings, ...(carried && carried.size > 0 ? { carried } : {}) },
        referencedWhileHidden: false,
      });
    for (const generator of from?.generators ?? []) {
      if (!entry.generators.includes(generator)) entry.generators.push(generator);
    }
    return entry.id;
  }

  /**
   * Gives a queued instantiation the bindings of a later use when they write more of its
   * arguments. Both uses name the same checker type, so the model is one declaration; but one
   * reached through no written argument (`Picks<T>` in a base class made by a call) cannot see
   * `Other`'s `code: Code` through `T['code']`, and would serve every use of `Picks_Other`
   * weakened (tester8 F8). Once read, an entry keeps its reading.
   */
  private preferWritten(entry: TableEntry, generic: DeclarationNode, bindings: Bindings | undefined, carried: CarriedSources | undefined): void {
    const instantiation = entry.instantiation;
    if (!instantiation || !bindings || !this.queue.includes(entry)) return;
    if (writtenParameterCount(generic, bindings) <= writtenParameterCount(generic, instantiation.bindings)) return;
    // The syntax the arguments carried is that of the bindings read.
    instantiation.bindings = bindings;
    if (carried && carried.size > 0) instantiation.carried = carried;
    else delete instantiation.carried;
  }

  /**
   * `id`, or `id_2`, `id_3`… when a name already given takes it, ignoring case: another
   * instantiation's (`Box<'a-b'>` and `Box<'ab'>` are both `Box_ab`; `Box<string | number>` is
   * `Box_stringOrNumber` and `Box<StringOrNumber>` `Box_StringOrNumber`, which name one file on a
   * file system that ignores case, under `split: type`) or a user declaration's (`interface
   * Box_string` beside `Box<Box<string>>`). Every candidate is registered before anything is read,
   * so an instantiation yields to any exported type of the inputs; a type only referenced (not
   * exported, or outside the inputs) and first met after an instantiation took its name is still
   * CG2007.
   */
  private unusedId(id: string): string {
    let candidate = id;
    for (let n = 2; this.takenIds.has(candidate.toLowerCase()); n += 1) candidate = `${id}_${n}`;
    return candidate;
  }

  /** The next declaration to read, in the order they were queued. */
  next(): TableEntry | undefined {
    return this.queue.shift();
  }

  private enqueue(key: string, entry: TableEntry): TableEntry {
    this.takenIds.add(entry.id.toLowerCase());
    this.entries.set(key, entry);
    if (!this.entriesById.has(entry.id)) this.entriesById.set(entry.id, entry);
    this.queue.push(entry);
    return entry;
  }
}

/**
 * What `isExported` and `keyOf` found for each syntax node: both ask ts-morph, which wraps
 * nodes and modifiers on every call, and a watch build asks them for every reference it replays
 * (read-cache.ts). A node's answer never changes: it is its file's text (a changed file is parsed
 * into new nodes).
 */
const exportedMemo = new WeakMap<ts.Node, boolean>();
const keyMemo = new WeakMap<ts.Node, string>();

/** True when the declaration carries `export` (directly or as `export default`), and so do its namespaces. */
export function isExported(node: DeclarationNode): boolean {
  let exported = exportedMemo.get(node.compilerNode);
  if (exported === undefined) {
    exported = (node.isExported() || exportedFromNamespace(node)) && namespacesExported(node);
    exportedMemo.set(node.compilerNode, exported);
  }
  return exported;
}

function nameOf(node: DeclarationNode): string {
  return modelName(node);
}

function keyOf(node: DeclarationNode): string {
  let key = keyMemo.get(node.compilerNode);
  if (key === undefined) {
    key = `${node.getSourceFile().getFilePath()}#${node.getStart()}`;
    keyMemo.set(node.compilerNode, key);
  }
  return key;
}

/** The arguments' model as text, without where they were written (equal shapes written twice are one instantiation). */
function canonical(typeArguments: readonly TypeNode[]): string {
  return JSON.stringify(typeArguments, (key, value: unknown) => (key === 'source' || key === 'docs' ? undefined : value));
}
