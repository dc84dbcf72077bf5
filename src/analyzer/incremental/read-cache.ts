/**
 * The declarations a warm analyzer read last time, reused while what they were read from holds.
 *
 * Each read records its dependencies (dependencies.ts: the versions of every statement its
 * syntax names and of the files the names were resolved through), the diagnostics it reported
 * and the declarations it referred to. A later analysis meets the same table entry: when every
 * dependency holds, a copy of the recorded model declaration is taken, its diagnostics reported
 * again and its references replayed into the table (which queues the types only it reaches and
 * sees CG2012 as a fresh read would); otherwise it is read afresh.
 *
 * A declaration can also depend on another through the checker without naming it (`Pick<A>`
 * where A's property has an alias from a third file): so when a re-read declaration's model
 * came out different, every declaration that named it is read again too, in another pass
 * (`settle`), until nothing changes: a change travels to those that name it only as far
 * as the model actually changed. Generic instantiations, and declarations that instantiate one
 * (their names depend on the order of reading), are always read afresh.
 */
import type { Project } from 'ts-morph';
import type { Diagnostic } from '../../diagnostics/index.js';
import type { Declaration } from '../../model/index.js';
import { recordDeclarationText } from '../../model/declaration-text.js';
import { deepFreeze } from '../../model/deep-freeze.js';
import type { AnalyzerContext } from '../context.js';
import type { DeclarationNode, TableEntry } from '../declaration-table.js';
import { CandidateMemo } from './candidate-memo.js';
import { dependenciesHold, dependenciesOf, type Dependency } from './dependencies.js';
import { fileIndex, type FileIndex } from './file-index.js';

interface Reference {
  file: string;
  key: string;
}

interface CachedRead {
  /** False when the read could not name all it depends on: read afresh every time. */
  reusable: boolean;
  diagnostics: Diagnostic[];
  references: Reference[];
  dependencies: Dependency[];
  /**
   * The declaration as JSON (model declarations are plain JSON): what a reuse gives, and how a
   * fresh read tells whether it changed.
   */
  json: string;
  /**
   * The declaration parsed from `json` by the first reuse, deeply frozen: later reuses hand out
   * its parts again instead of parsing the text once more (c1000's 1,150 declarations on every
   * watch build). Frozen, so that nothing downstream can change what the next build is given:
   * a change throws where it is made instead of reaching the cache.
   */
  value?: Declaration | null;
}

/** How the last analysis went: declarations read afresh and taken from the cache, and passes. */
export interface ReadStats {
  /** Read afresh, over all passes. */
  read: number;
  /** Taken from the cache in the last pass. */
  reused: number;
  passes: number;
}

export class ReadCache {
  private entries = new Map<string, CachedRead>();
  /** Read afresh next pass: a declaration they name changed its model. */
  private forced = new Set<string>();
  /** Ids whose model changed in the current pass. */
  private changed = new Set<string>();
  /** Ids taken from the cache in the current pass, with what they name. */
  private reusedNow = new Map<string, Dependency[]>();
  /** Each file's index by path, for the current pass. */
  private files = new Map<string, FileIndex | undefined>();
  /** Ids met by the current analysis. */
  private met = new Set<string>();
  readonly stats: ReadStats = { read: 0, reused: 0, passes: 0 };
  /** The candidates collected from each input file, forgotten with the readings (candidate-memo.ts). */
  readonly candidates: CandidateMemo;

  constructor(private readonly project: Project) {
    this.candidates = new CandidateMemo(project);
  }

  /** Forgets everything (a change that may reach any reading: a global declaration, a tsconfig). */
  clear(): void {
    this.entries.clear();
    this.forced.clear();
    this.candidates.clear();
  }

  /** Starts an analysis pass. */
  startPass(): void {
    this.changed = new Set();
    this.reusedNow = new Map();
    this.files = new Map();
    this.stats.passes += 1;
    this.stats.reused = 0;
  }

  /** Starts an analysis (zeroes the counts). */
  startAnalysis(): void {
    this.met = new Set();
    Object.assign(this.stats, { read: 0, reused: 0, passes: 0 });
  }

  /**
   * The declaration of `entry`: the cached one while its dependencies hold, else `read()`
   * (recorded for next time).
   */
  read(entry: TableEntry, ctx: AnalyzerContext, read: () => Declaration | undefined): Declaration | undefined {
    const id = entry.instantiation ? undefined : idOf(entry.node);
    const cached = id === undefined ? undefined : this.entries.get(id);
    if (id !== undefined) this.met.add(id);
    if (id !== undefined && cached?.reusable && !this.forced.has(id) && dependenciesHold(this.project, cached.dependencies, this.files)) {
      const nodes = cached.references.map((reference) => this.nodeOf(reference));
      if (nodes.every((node) => node !== undefined)) {
        for (const node of nodes) ctx.table.reference(node!, entry);
        ctx.diagnostics.push(...cached.diagnostics);
        this.reusedNow.set(id, cached.dependencies);
        this.stats.reused += 1;
        // Its parts are frozen (see `value`); only the top level is a copy, with this table's generators.
        const declaration = cached.value === undefined ? (cached.value = deepFreeze(JSON.parse(cached.json) as Declaration | null)) : cached.value;
        if (!declaration) return undefined;
        const reused = { ...declaration, generators: entry.generators };
        // Its text is the recorded one while the generators are those it was recorded with (the analysis checks again at the end).
        recordDeclarationText(reused, cached.json, declaration.generators);
        return reused;
      }
    }
    this.stats.read += 1;
    const references: Reference[] = [];
    let cacheable = id !== undefined;
    const before = ctx.diagnostics.length;
    const stop = ctx.table.observe((node, instantiation) => {
      if (instantiation) cacheable = false;
      else {
        const reference = referenceTo(node);
        if (reference) references.push(reference);
        else cacheable = false;
      }
    });
    let declaration: Declaration | undefined;
    try {
      declaration = read();
    } finally {
      stop();
    }
    if (id === undefined) return declaration;
    this.forced.delete(id);
    const dependencies = cacheable ? dependenciesOf(this.project, entry.node.getSourceFile(), entry.node.compilerNode) : undefined;
    const json = JSON.stringify(declaration ?? null);
    if (declaration) recordDeclarationText(declaration, json);
    if (cached?.json !== json) this.changed.add(id);
    if (!dependencies) {
      // Not reusable, but remembered: its model tells the next pass whether it changed.
      this.entries.set(id, { reusable: false, diagnostics: [], references: [], dependencies: [], json });
      return declaration;
    }
    this.entries.set(id, { reusable: true, diagnostics: ctx.diagnostics.slice(before), references, dependencies, json });
    return declaration;
  }

  /**
   * Ends a pass: true when it must run again because a declaration it took from the cache
   * names one whose model this pass changed (those are then read afresh).
   */
  settle(): boolean {
    if (this.changed.size === 0) return false;
    let again = false;
    for (const [id, dependencies] of this.reusedNow) {
      if (dependencies.some((dependency) => this.changed.has(`${dependency.file}\u0000${dependency.key}`))) {
        this.forced.add(id);
        again = true;
      }
    }
    return again;
  }

  /** Ends an analysis: drops what it did not meet (a deleted declaration must not keep its model alive). */
  finishAnalysis(): void {
    for (const id of this.entries.keys()) if (!this.met.has(id)) this.entries.delete(id);
  }

  private nodeOf(reference: Reference): DeclarationNode | undefined {
    // The pass's file indexes (the dependencies just checked filled most): a lookup by path normalises the path every time.
    let index = this.files.get(reference.file);
    if (index === undefined && !this.files.has(reference.file)) {
      const file = this.project.getSourceFile(reference.file);
      index = file && fileIndex(file);
      this.files.set(reference.file, index);
    }
    return index?.nodes.get(reference.key) as DeclarationNode | undefined;
  }
}

/** The cache id of a declaration: its file and key (undefined when the file index does not name it). */
export function idOf(node: DeclarationNode): string | undefined {
  const file = node.getSourceFile();
  const key = fileIndex(file).keys.get(node.compilerNode);
  return key === undefined ? undefined : `${file.getFilePath()}\u0000${key}`;
}

function referenceTo(node: DeclarationNode): Reference | undefined {
  const file = node.getSourceFile();
  const key = fileIndex(file).keys.get(node.compilerNode);
  return key === undefined ? undefined : { file: file.getFilePath(), key };
}
