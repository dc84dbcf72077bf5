/**
 * The candidates a warm analyzer collected from each input file, kept while the file is the one
 * they were collected from (the same TypeScript SourceFile object: a refresh replaces a changed
 * file's). Collecting asks every exported statement of every input for its JSDoc, its reader,
 * its merged parts and, for an alias, its checker type (a new checker on every build): c1000's
 * 1,150 statements on each watch build, while an edit changes one file.
 *
 * What a file's verdicts depend on besides its own text:
 * - an alias's type (inlined or a declaration of its own, annotations.md): the names it writes,
 *   resolved through the checker; their versions are recorded as a read's are (dependencies.ts)
 *   and the alias is examined again when one changed, or every time when they cannot all be named;
 * - the merged parts of an interface, class or enum outside its file: only an augmentation or a
 *   script declares them, which changes every reading (the owner `clear`s: analyzer refresh).
 * The rest (exported, generic, the reader that claims it, the `@codegen` tags, the analyzer's
 * options) is the file's text and the analyzer's own.
 */
import type { Project, SourceFile, ts } from 'ts-morph';
import type { Diagnostic } from '../../diagnostics/index.js';
import type { DeclarationNode } from '../declaration-table.js';
import { dependenciesHold, dependenciesOf, type Dependency } from './dependencies.js';
import { fileIndex, type FileIndex } from './file-index.js';

/** One statement's verdict: a candidate with its generators, or (for an alias the checker inlines) none. */
export interface Examined {
  node: DeclarationNode;
  /** Undefined: not a candidate. */
  generators: string[] | undefined;
  /** What choosing its generators reported (CG2008), given out where it is registered. */
  diagnostics: Diagnostic[];
  /** True when the verdict asked the checker (an alias): it holds while the names it writes do. */
  typed: boolean;
}

interface Recorded {
  /** The statement's key in its file's index (file-index.ts). */
  key: string;
  generators: string[] | undefined;
  diagnostics: Diagnostic[];
  /** Absent: the verdict is the file's text alone; 'fresh': examined again every time. */
  dependencies?: Dependency[] | 'fresh';
}

export class CandidateMemo {
  private files = new WeakMap<ts.SourceFile, Recorded[]>();

  constructor(private readonly project: Project) {}

  /** Forgets everything (a global declaration or a tsconfig changed). */
  clear(): void {
    this.files = new WeakMap();
  }

  /**
   * The verdicts of `file`'s statements, in source order: the recorded ones while they hold,
   * else `examineAll()` (recorded); a recorded alias whose names changed is `examine`d again.
   * `files` holds the file indexes of one analysis pass (dependenciesHold).
   */
  verdicts(
    file: SourceFile,
    examineAll: () => Examined[],
    examine: (node: DeclarationNode) => Examined,
    files: Map<string, FileIndex | undefined>,
  ): Examined[] {
    const recorded = this.files.get(file.compilerNode);
    const index = fileIndex(file);
    if (recorded) {
      const replayed = this.replay(recorded, index, examine, files);
      if (replayed) return replayed;
    }
    const examined = examineAll();
    const records = examined.map((each) => this.record(each, index));
    if (records.every((record) => record !== undefined)) this.files.set(file.compilerNode, records as Recorded[]);
    else this.files.delete(file.compilerNode);
    return examined;
  }

  private replay(recorded: Recorded[], index: FileIndex, examine: (node: DeclarationNode) => Examined, files: Map<string, FileIndex | undefined>): Examined[] | undefined {
    const verdicts: Examined[] = [];
    for (const [position, record] of recorded.entries()) {
      const node = index.nodes.get(record.key) as DeclarationNode | undefined;
      if (!node) return undefined;
      const holds = record.dependencies === undefined || (record.dependencies !== 'fresh' && dependenciesHold(this.project, record.dependencies, files));
      if (holds) {
        verdicts.push({ node, generators: record.generators, diagnostics: record.diagnostics, typed: record.dependencies !== undefined });
        continue;
      }
      const again = examine(node);
      const next = this.record(again, index);
      if (!next) return undefined;
      recorded[position] = next;
      verdicts.push(again);
    }
    return verdicts;
  }

  private record(examined: Examined, index: FileIndex): Recorded | undefined {
    const key = index.keys.get(examined.node.compilerNode);
    if (key === undefined) return undefined;
    const { generators, diagnostics } = examined;
    if (!examined.typed) return { key, generators, diagnostics };
    const dependencies = dependenciesOf(this.project, examined.node.getSourceFile(), examined.node.compilerNode);
    return { key, generators, diagnostics, dependencies: dependencies ?? 'fresh' };
  }
}
