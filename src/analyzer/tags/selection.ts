/** The selection tags: `@codegen a b` (or `a,b`), `@codegen-ignore`, `@internal`. */
import type { AnalyzerContext } from '../context.js';
import { didYouMean } from '../../config/suggest.js';
import type { JsDocTag } from './jsdoc.js';

export const SELECTION_TAGS = ['codegen', 'codegen-ignore', 'internal', 'strict'] as const;

export interface Selection {
  generators: string[];
  internal: boolean;
}

/** The generators a declaration selects; unknown generator names are CG2008. */
export function readSelection(tags: readonly JsDocTag[], typeName: string, ctx: AnalyzerContext): Selection {
  const internal = tags.some((tag) => tag.name === 'internal');
  if (tags.some((tag) => tag.name === 'codegen-ignore')) return { generators: [], internal };
  const codegen = tags.filter((tag) => tag.name === 'codegen');
  if (codegen.length === 0) return { generators: [...ctx.options.defaultGenerators], internal };
  const generators: string[] = [];
  for (const tag of codegen) {
    for (const name of tag.text.split(/[\s,]+/).filter(Boolean)) {
      if (!ctx.options.knownGenerators.includes(name)) {
        ctx.report('CG2008', tag.location, `Unknown generator '${name}' in @codegen of ${typeName}.${didYouMean(name, ctx.options.knownGenerators)}`);
      } else if (!generators.includes(name)) {
        generators.push(name);
      }
    }
  }
  return { generators, internal };
}
