/**
 * The last line against a reading that runs out of stack: no input may end `generate` with an
 * unlocated "Maximum call stack size exceeded" and nothing written (tester s7 T1 was one). The
 * outermost reading of each site (a property, a declaration's body, a parameter) catches the
 * overflow once the stack has unwound to it, reports a located CG5003 there, and checks the
 * site as unknown; every other declaration is read as usual. Known loops are stopped where they
 * start (recursion-guard.ts); this names the place of any that is not.
 */
import type { Node } from 'ts-morph';
import type { TypeNode } from '../../model/index.js';
import type { AnalyzerContext } from '../context.js';
import type { Site } from './site.js';

/** The node the innermost running reading points at, per analysis. */
const current = new WeakMap<AnalyzerContext, Node>();

/** `read()`; when it overflows the stack and `site` is the outermost reading at its node, a located CG5003 and unknown. */
export function overflowLocated(site: Site, ctx: AnalyzerContext, read: () => TypeNode): TypeNode {
  const outer = current.get(ctx);
  // Nested readings at the same node (a union's members, a generic's arguments) leave the catch to the outermost.
  if (outer === site.at) return read();
  current.set(ctx, site.at);
  try {
    return read();
  } catch (error) {
    if (!isStackOverflow(error)) throw error;
    const written = site.node?.getText().replace(/\s+/g, ' ');
    const shown = written && (written.length > 80 ? `${written.slice(0, 77)}...` : written);
    ctx.reportOnce(
      'CG5003',
      ctx.display(site.at),
      `overflow|${site.path}`,
      `Unexpected internal error: the analyzer ran out of stack reading ${site.path}${shown ? ` ('${shown}')` : ''}, so it is checked as unknown.`,
      'A bug in codegen: report it with this type. Until it is fixed, name the parts of the type with interfaces or aliases, or leave the declaration out of the generators (`@codegen`).',
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
