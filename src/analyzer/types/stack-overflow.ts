/**
 * The last line against a reading that runs out of stack: no input may end `generate` with an
 * unlocated "Maximum call stack size exceeded" and nothing written (tester s7 T1 was one). The
 * reading of a declaration's body, and of each of its own properties, catches the overflow once
 * the stack has unwound to it, reports a located CG5003 there, and checks that part as unknown;
 * every other part and declaration is read as usual. Readings further in (a property of an
 * inline object 400 levels down) leave it to those: reported there, with the stack still nearly
 * full, the report itself could overflow, and it would point deep inside the type. Known loops
 * are stopped where they start (recursion-guard.ts); this names the place of any that is not.
 */
import type { Node } from 'ts-morph';
import type { TypeNode } from '../../model/index.js';
import type { AnalyzerContext } from '../context.js';
import type { Site } from './site.js';

/** Readings that catch: a declaration's body (or an operation's type), and its properties. */
const CATCHING_LEVELS = 2;

interface Reading {
  at: Node;
  /** How many nodes in the readings up to this one: 1 for a declaration's body. */
  level: number;
}

/** The innermost running reading, per analysis. */
const current = new WeakMap<AnalyzerContext, Reading>();

/** `read()`; when it overflows the stack and `site` is one of the outer readings, a located CG5003 and unknown. */
export function overflowLocated(site: Site, ctx: AnalyzerContext, read: () => TypeNode): TypeNode {
  const outer = current.get(ctx);
  // Nested readings at the same node (a union's members, a generic's arguments) count as one.
  if (outer?.at === site.at) return read();
  const level = (outer?.level ?? 0) + 1;
  current.set(ctx, { at: site.at, level });
  try {
    return read();
  } catch (error) {
    if (level > CATCHING_LEVELS || !isStackOverflow(error)) throw error;
    const written = site.node?.getText().replace(/\s+/g, ' ');
    const shown = written && shortened(written);
    ctx.reportOnce(
      'CG5003',
      ctx.display(site.at),
      `overflow|${site.path}`,
      `Unexpected internal error: the analyzer ran out of stack reading ${shortened(site.path)}${shown ? ` ('${shown}')` : ''}, so it is checked as unknown.`,
      'If the type is nested very deeply, name its inner parts with interfaces or aliases; otherwise this is a bug in codegen: report it with the type.',
    );
    return { kind: 'unknown', unsupported: { form: 'other', text: shown ?? site.path } };
  } finally {
    if (outer === undefined) current.delete(ctx);
    else current.set(ctx, outer);
  }
}

/** V8's RangeError for a full stack (not an invalid array length or the like). */
export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}

function shortened(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
