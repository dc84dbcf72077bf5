/**
 * Makes every path lookup of one Handlebars environment strict. Handlebars compiles a template
 * in two steps, and the second (the JavaScriptCompiler) emits the code for each path segment in
 * `resolvePath`; this subclass emits a call to `strictLookup` per segment instead, handing it the
 * path's site (recorded by `outlineTemplate` under the path's `loc`, which is the compiler's
 * current location while it resolves that path).
 */
import type Handlebars from 'handlebars';
import { STRICT_LOOKUP_HELPER, type LookupSite } from './strict-lookup.js';
import type { PathSite } from './template-outline.js';

/** The compiler's view of itself that `resolvePath` needs (Handlebars does not type it). */
interface CompilerInternals {
  source: { currentLocation?: hbs.AST.SourceLocation };
  popStack(): unknown;
  push(expression: unknown): void;
  nameLookup(parent: string, name: string, type: string): unknown;
  quotedString(text: string): string;
}

type CompilerClass = new () => object;

/** Replaces `env`'s JavaScriptCompiler with one whose path lookups go through `strictLookup`. */
export function useStrictLookups(env: typeof Handlebars, sites: WeakMap<object, PathSite>): void {
  const Base = (env as unknown as { JavaScriptCompiler: CompilerClass }).JavaScriptCompiler;
  class StrictCompiler extends Base {
    resolvePath(this: CompilerInternals, _type: string, parts: string[], start: number): void {
      const loc = this.source.currentLocation;
      const site = (loc && sites.get(loc)) ?? { original: parts.join('.'), head: '', optional: false };
      let expression = this.popStack();
      for (let index = start; index < parts.length; index++) {
        const lookup: LookupSite = {
          path: site.original,
          upTo: site.head + parts.slice(0, index + 1).join('.'),
          parent: index === 0 ? '' : site.head + parts.slice(0, index).join('.'),
          optional: site.optional && index === parts.length - 1,
        };
        if (loc) lookup.loc = { start: loc.start };
        const helper = this.nameLookup('helpers', STRICT_LOOKUP_HELPER, 'helper');
        expression = [helper, '(', expression, ', ', this.quotedString(parts[index] ?? ''), ', ', JSON.stringify(lookup), ')'];
      }
      this.push(expression);
    }
  }
  // Child programs (block bodies) are compiled by `new this.compiler()`: they must be strict too.
  (StrictCompiler.prototype as unknown as { compiler: CompilerClass }).compiler = StrictCompiler;
  (env as unknown as { JavaScriptCompiler: CompilerClass }).JavaScriptCompiler = StrictCompiler;
}
