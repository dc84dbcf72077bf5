/**
 * `@default` and `@example` values that are no value of their property's type stay out of the
 * schema (tester s6 S18). OpenAPI shows an example as a valid value, and with ajv's `useDefaults`
 * a default is filled into input that lacks the key: a default the validators reject would turn
 * valid input (`{}`) into invalid. The analyzer judges what needs no runtime helper (CG2024);
 * here, at generation time, formats are judged too, by the generated validator's own format
 * checks (the runtime partial the mock evaluates as well: one implementation), and references
 * are followed into their declarations.
 */
import { diagnostic } from '../../../diagnostics/create.js';
import type { Diagnostic } from '../../../diagnostics/types.js';
import type { Docs, Property, TypeNode } from '../../../model/types.js';
import { valueMisfit, type ValueJudge } from '../../../model/value-fits.js';
import type { DeclarationIndex } from '../../kit/declaration-index.js';
import { collectInType } from '../../kit/walk.js';
import { formatCheck } from '../../mock/compile/format-checks.js';

/** The judge of documented values: the validator's format checks, declarations through the index. */
export function documentedValueJudge(index: DeclarationIndex): ValueJudge {
  return {
    format: (constraints, text) => formatCheck(constraints)?.(text),
    resolve: (id) => index.find(id)?.type,
  };
}

/** `docs` without a default or examples the validators of `type` reject. */
export function fittingDocs(docs: Docs, type: TypeNode, judge: ValueJudge): Docs {
  if (docs.default === undefined && !docs.examples?.length) return docs;
  const fits = (value: unknown) => typeof valueMisfit(type, value, judge) !== 'string';
  const kept: Docs = { ...docs };
  if (docs.default !== undefined && !fits(docs.default)) delete kept.default;
  if (docs.examples) kept.examples = docs.examples.filter(fits);
  return kept;
}

/**
 * CG2024 for the documented values of `property` that only generation can judge (a format, a
 * referenced type's constraints): the analyzer reported the others already. `path` is
 * `User.mail`, as the analyzer writes it.
 */
export function documentedValueProblems(property: Property, path: string, judge: ValueJudge): Diagnostic[] {
  const written: Array<['default' | 'example', unknown]> = [
    ...(property.docs.default !== undefined ? [['default', property.docs.default] as ['default', unknown]] : []),
    ...(property.docs.examples ?? []).map((value): ['example', unknown] => ['example', value]),
  ];
  return written.flatMap(([tag, value]) => {
    const verdict = valueMisfit(property.type, value, judge);
    if (typeof verdict !== 'string' || typeof valueMisfit(property.type, value) === 'string') return [];
    const text = JSON.stringify(value);
    const shown = text.length > 60 ? `${text.slice(0, 57)}...` : text;
    return [
      diagnostic('CG2024', {
        message: `@${tag} ${shown} on ${path} is not a value of its type: expected ${verdict}. It is left out of the schema.`,
        file: property.source.file,
        line: property.source.line,
        column: property.source.column,
        hint: tag === 'default' ? DEFAULT_HINT : EXAMPLE_HINT,
      }),
    ];
  });
}

const DEFAULT_HINT = 'Write a default the generated validators accept, or drop it: the OpenAPI document leaves it out (ajv with `useDefaults` would fill it in, then reject it), and SQL still uses it as the column\'s DEFAULT.';
const EXAMPLE_HINT = 'Write an example the generated validators accept: the OpenAPI document leaves this one out.';

/** CG2024 for documented values of a component's properties, nested inline objects included. */
export function componentValueProblems(name: string, type: TypeNode, judge: ValueJudge): Diagnostic[] {
  return collectInType(type, (node, path) =>
    node.kind === 'object' ? node.properties.flatMap((property) => documentedValueProblems(property, [name, ...path, property.name].join('.'), judge)) : [],
  );
}
