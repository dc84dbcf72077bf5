/**
 * The component schemas of the last document, kept between the builds of a watch workspace so
 * that an edit builds again only the schemas whose declarations (or what they read) changed.
 *
 * A schema is kept with what building it read: the versions (plan-memo.ts) of its declaration
 * and of every declaration it looked up in the index (a `$ref` names the target's name, a merged
 * intersection reads its parts' properties), and the deep parts it hoisted into components of
 * their own. It is given again while every one of those versions holds. A build that asked the
 * index something wider (every declaration, a closure, which are recursive) is not kept.
 * The store lives as long as the plan memo it hangs on: a one-shot run makes a fresh memo per
 * build, so it never reuses anything and only pays for recording.
 */
import type { SchemaObject } from 'openapi3-ts/oas31';
import type { Declaration } from '../../model/types.js';
import type { DeclarationIndex } from '../kit/declaration-index.js';
import { declarationVersion, type PlanMemo } from '../kit/plan-memo.js';
import type { SchemaContext } from './schemas/context.js';

interface KeptSchema {
  /** Each declaration read (its own first), with its version; `undefined` for an id `find` did not find. */
  reads: [string, number | undefined][];
  schema: SchemaObject;
  /** Parts hoisted while building it (nested-components.ts), in order. */
  nested: [string, SchemaObject][];
}

/** The schemas kept by each plan memo (a watch workspace's lives between builds). */
const stores = new WeakMap<PlanMemo, Map<string, KeptSchema>>();

export interface SchemaMemo {
  /** The component schema of `declaration`, built by `build` unless what it read last time holds. */
  schema(declaration: Declaration, context: SchemaContext, build: (context: SchemaContext) => SchemaObject): SchemaObject;
  /** Ends the document: forgets the schemas it did not ask for. */
  finish(): void;
}

/** The schema memo of a build; without a plan memo every schema is built afresh. */
export function schemaMemo(memo: PlanMemo | undefined): SchemaMemo {
  if (!memo) return { schema: (_declaration, context, build) => build(context), finish: () => undefined };
  let store = stores.get(memo);
  if (!store) stores.set(memo, (store = new Map()));
  const kept = store;
  const used = new Map<string, KeptSchema>();
  return {
    schema(declaration, context, build) {
      const last = kept.get(declaration.id);
      if (last && last.reads.every(([id, version]) => versionOf(context.index.find(id)) === version)) {
        for (const [name, schema] of last.nested) context.nested.set(name, schema);
        used.set(declaration.id, last);
        return last.schema;
      }
      const reads = new Map<string, number | undefined>([[declaration.id, declarationVersion(declaration)]]);
      let wide = false;
      const before = new Set(context.nested.keys());
      const tracking = trackingIndex(context.index, reads, () => (wide = true));
      const schema = withIndex(context, tracking, () => build(context));
      if (!wide) {
        const nested = [...context.nested].filter(([name]) => !before.has(name));
        used.set(declaration.id, { reads: [...reads], schema, nested });
      }
      return schema;
    },
    finish() {
      kept.clear();
      for (const [id, entry] of used) kept.set(id, entry);
    },
  };
}

function versionOf(declaration: Declaration | undefined): number | undefined {
  return declaration === undefined ? undefined : declarationVersion(declaration);
}

/**
 * Runs `run` with `context.index` swapped for `index`: the strategies read the index through the
 * context object the walk was made with, so the swap is what makes their lookups recorded.
 */
function withIndex<T>(context: SchemaContext, index: DeclarationIndex, run: () => T): T {
  const original = context.index;
  context.index = index;
  try {
    return run();
  } finally {
    context.index = original;
  }
}

/** The index, recording the declarations `get` and `find` return; any wider question calls `widen`. */
function trackingIndex(index: DeclarationIndex, reads: Map<string, number | undefined>, widen: () => void): DeclarationIndex {
  const note = (id: string, found: Declaration | undefined) => {
    if (!reads.has(id)) reads.set(id, versionOf(found));
    return found;
  };
  return {
    get all() {
      widen();
      return index.all;
    },
    find: (id) => note(id, index.find(id)),
    get: (id) => note(id, index.get(id))!,
    refsOf: (id) => {
      note(id, index.find(id));
      return index.refsOf(id);
    },
    closure: (ids) => {
      widen();
      return index.closure(ids);
    },
    isRecursive: (id) => {
      widen();
      return index.isRecursive(id);
    },
    byFile: (declarations) => index.byFile(declarations),
  };
}
