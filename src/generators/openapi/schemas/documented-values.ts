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
import type { Declaration, Docs, Property, SourceLocation, TypeNode } from '../../../model/types.js';
import { isInstalledSource } from '../../../model/installed-source.js';
import { valueMisfit, type ValueJudge } from '../../../model/value-fits.js';
import type { DeclarationIndex } from '../../kit/declaration-index.js';
import { perFrozenPart } from '../../kit/frozen-memo.js';
import { collectInType } from '../../kit/walk.js';
import { formatCheck } from '../../validate/compile/format-checks.js';

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
  return valueProblems(property.docs, property.type, path, property.source, judge, true);
}

/**
 * CG2024 for the `@default` and `@example`s in `docs` that are no value of `type`; where the
 * analyzer judged them already (`analysed`: a property's), only those it could not judge.
 */
function valueProblems(docs: Docs, type: TypeNode, path: string, source: SourceLocation, judge: ValueJudge, analysed: boolean): Diagnostic[] {
  const written: Array<['default' | 'example', unknown]> = [
    ...(docs.default !== undefined ? [['default', docs.default] as ['default', unknown]] : []),
    ...(docs.examples ?? []).map((value): ['example', unknown] => ['example', value]),
  ];
  return written.flatMap(([tag, value]) => {
    const verdict = valueMisfit(type, value, judge);
    if (typeof verdict !== 'string' || (analysed && typeof valueMisfit(type, value) === 'string')) return [];
    // The value stays out of the schema; a package's JSDoc is not the user's to mend.
    if (isInstalledSource(source.file)) return [];
    const text = JSON.stringify(value);
    const shown = text.length > 60 ? `${text.slice(0, 57)}...` : text;
    return [
      diagnostic('CG2024', {
        message: `@${tag} ${shown} on ${path} is not a value of its type: expected ${verdict}. It is left out of the schema.`,
        file: source.file,
        line: source.line,
        column: source.column,
        hint: tag === 'default' ? DEFAULT_HINT : EXAMPLE_HINT,
      }),
    ];
  });
}

const DEFAULT_HINT = 'Write a default the generated validators accept, or drop it: the OpenAPI document leaves it out (ajv with `useDefaults` would fill it in, then reject it), and on an entity\'s column the sql generator refuses a default the column cannot hold (CG2305).';
const EXAMPLE_HINT = 'Write an example the generated validators accept: the OpenAPI document leaves this one out.';

/** CG2024 for documented values of a component (its own, which the analyzer does not judge) and of its properties, nested inline objects included. */
export function componentValueProblems(declaration: Declaration, judge: ValueJudge): Diagnostic[] {
  const own = declaration.type.kind === 'enum' ? [] : valueProblems(declaration.docs, declaration.type, declaration.name, declaration.source, judge, false);
  return [
    ...own,
    ...documentedProperties(declaration.type).flatMap(({ property, path }) => documentedValueProblems(property, [declaration.name, ...path].join('.'), judge)),
  ];
}

/**
 * The properties in `type` and below (nested inline objects included) that document a default or
 * examples, each with its path below the declaration. Kept per frozen type tree: in watch, only
 * the edited declarations are walked again (judging their values follows references, so that is
 * done in every build).
 */
const documentedProperties: (type: TypeNode) => readonly { property: Property; path: string[] }[] = perFrozenPart((type: TypeNode) =>
  collectInType(type, (node, path) =>
    node.kind === 'object'
      ? node.properties.filter((property) => property.docs.default !== undefined || property.docs.examples?.length).map((property) => ({ property, path: [...path, property.name] }))
      : [],
  ),
);
