/**
 * An index over the model's declarations: lookup by id, what a declaration reaches through
 * refs, which declarations belong to which source file, and which take part in a cycle.
 */
import type { Declaration, Model } from '../../model/types.js';
import { directRefs } from './type-refs.js';

export interface DeclarationIndex {
  /** Every declaration, in model order. */
  readonly all: readonly Declaration[];
  /** The declaration with this id, or undefined. */
  find(id: string): Declaration | undefined;
  /** The declaration with this id; throws for an id the model does not hold (a broken model). */
  get(id: string): Declaration;
  /** Ids the declaration's type refers to directly (a frozen list: see type-refs.ts). */
  refsOf(id: string): readonly string[];
  /** The given declarations plus every declaration they reach through refs, in model order. */
  closure(ids: Iterable<string>): Declaration[];
  /** True when the declaration reaches itself through refs (a recursive type). */
  isRecursive(id: string): boolean;
  /** Groups declarations by `source.file`, files sorted, declarations in model order. */
  byFile(declarations: readonly Declaration[]): Map<string, Declaration[]>;
}

/**
 * Indexes built so far, by the declarations they index: generators ask for the index of the same
 * model once per output file (`compileValidators` for each crud file), and building it each time
 * made planning grow with files × declarations. The model is never changed once analysed.
 */
const indexes = new WeakMap<readonly Declaration[], DeclarationIndex>();

/** The index of the model's declarations, built once per model; every query after that is a lookup or a bounded walk. */
export function createDeclarationIndex(model: Pick<Model, 'declarations'>): DeclarationIndex {
  let index = indexes.get(model.declarations);
  if (!index) indexes.set(model.declarations, (index = buildIndex(model)));
  return index;
}

function buildIndex(model: Pick<Model, 'declarations'>): DeclarationIndex {
  const byId = new Map(model.declarations.map((declaration) => [declaration.id, declaration]));
  const order = new Map(model.declarations.map((declaration, position) => [declaration.id, position]));
  const refs = new Map(model.declarations.map((declaration) => [declaration.id, directRefs(declaration.type)]));
  const recursive = findRecursive(refs);

  const get = (id: string): Declaration => {
    const declaration = byId.get(id);
    if (!declaration) throw new Error(`The model refers to an unknown declaration "${id}".`);
    return declaration;
  };

  return {
    all: model.declarations,
    find: (id) => byId.get(id),
    get,
    refsOf: (id) => refs.get(id) ?? [],
    closure(ids) {
      const seen = new Set<string>();
      const pending = [...ids];
      while (pending.length > 0) {
        const id = pending.pop()!;
        if (seen.has(id)) continue;
        get(id);
        seen.add(id);
        pending.push(...(refs.get(id) ?? []));
      }
      return [...seen].sort((a, b) => order.get(a)! - order.get(b)!).map(get);
    },
    isRecursive: (id) => recursive.has(id),
    byFile(declarations) {
      const groups = new Map<string, Declaration[]>();
      for (const declaration of declarations) {
        const group = groups.get(declaration.source.file) ?? [];
        group.push(declaration);
        groups.set(declaration.source.file, group);
      }
      return new Map([...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    },
  };
}

/** Ids on a cycle of the ref graph (Tarjan's strongly connected components). */
function findRecursive(refs: Map<string, readonly string[]>): Set<string> {
  const recursive = new Set<string>();
  const indexOf = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  let counter = 0;

  const connect = (id: string): void => {
    indexOf.set(id, counter);
    lowLink.set(id, counter);
    counter += 1;
    stack.push(id);
    onStack.add(id);
    for (const next of refs.get(id) ?? []) {
      if (!refs.has(next)) continue;
      if (!indexOf.has(next)) {
        connect(next);
        lowLink.set(id, Math.min(lowLink.get(id)!, lowLink.get(next)!));
      } else if (onStack.has(next)) {
        lowLink.set(id, Math.min(lowLink.get(id)!, indexOf.get(next)!));
      }
    }
    if (lowLink.get(id) !== indexOf.get(id)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== id);
    const selfLoop = component.length === 1 && (refs.get(id) ?? []).includes(id);
    if (component.length > 1 || selfLoop) component.forEach((entry) => recursive.add(entry));
  };

  for (const id of refs.keys()) if (!indexOf.has(id)) connect(id);
  return recursive;
}
