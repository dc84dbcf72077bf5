/**
 * The last line against a type that contains itself where no declaration names it: a union or
 * object the checker made without an alias (a generic's result met again inside itself with no
 * written use to name it by, see anonymous-instantiation.ts). Read structurally it would be
 * expanded without end, so the second meeting is a located CG2004 and checked as unknown,
 * never a stack overflow. Named types never get here: references keep them finite.
 */
import { ts, type Type } from 'ts-morph';
import type { TypeNode } from '../../model/index.js';
import type { AnalyzerContext } from '../context.js';
import type { Site } from './site.js';

/** Checker types being read structurally, per analysis. */
const reading = new WeakMap<AnalyzerContext, Set<ts.Type>>();

/** `read()`, unless `type` is already being read further up: then CG2004 and unknown. */
export function recursionGuarded(type: Type, site: Site, ctx: AnalyzerContext, read: () => TypeNode): TypeNode {
  let open = reading.get(ctx);
  if (!open) reading.set(ctx, (open = new Set()));
  if (open.has(type.compilerType)) {
    const text = type.getText(site.at, ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseAliasDefinedOutsideCurrentScope);
    const shown = text.length > 80 ? `${text.slice(0, 77)}...` : text;
    ctx.reportOnce(
      'CG2004',
      ctx.display(site.at),
      `recursive|${site.path}`,
      `Unsupported type '${shown}' (${site.path}): it contains itself, and no declaration names it (a generic alias's result the checker no longer calls by its name), so it is checked as unknown here.`,
      'Name the recursion: write the generic where the property is (`p: DeepReadonly<Json>`), or use an interface or alias for the recursive part.',
    );
    return { kind: 'unknown', unsupported: { form: 'other', text: shown } };
  }
  open.add(type.compilerType);
  try {
    return read();
  } finally {
    open.delete(type.compilerType);
  }
}

/**
 * `read()` with no type open: for the arguments of an instantiation being named, which the
 * reference holds apart from what encloses it. `items: Item<(A | B)[]>[]` is `(A | B)[]`, and
 * `Item`'s argument is that very array: read under it, it was a CG2004 "contains itself" and a
 * declaration `Item_unknown`. The types open outside come back afterwards.
 */
export function readApart<T>(ctx: AnalyzerContext, read: () => T): T {
  const outside = reading.get(ctx);
  reading.set(ctx, new Set());
  try {
    return read();
  } finally {
    if (outside) reading.set(ctx, outside);
    else reading.delete(ctx);
  }
}

/** Checker types whose instantiation is being named (its arguments read), per analysis. */
const naming = new WeakMap<AnalyzerContext, Set<ts.Type>>();

/**
 * `name()`, unless `type` is already being named further up: then undefined, and the caller
 * reads it as it is. Naming a union by the instantiation that made it reads that instantiation's
 * arguments, and an argument may hold the very union again: `Item<(A | B)[]>` is `A | B`, and met
 * where no syntax wrote it (`Record<'k', Item<(A | B)[]>>`'s value) its argument `(A | B)[]` is
 * read without syntax too. Named again there, it read its arguments again, to a CG2004 that
 * called `(A | B)[]` recursive and a declaration `Item_Item_unknownArray`.
 */
export function namingGuarded(type: Type, ctx: AnalyzerContext, name: () => TypeNode): TypeNode | undefined {
  let open = naming.get(ctx);
  if (!open) naming.set(ctx, (open = new Set()));
  if (open.has(type.compilerType)) return undefined;
  open.add(type.compilerType);
  try {
    return name();
  } finally {
    open.delete(type.compilerType);
  }
}
