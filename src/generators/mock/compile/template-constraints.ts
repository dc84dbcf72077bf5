/**
 * A template literal type with constraints: `{ t: `X${string}` } & { t: Code }` merged, or a
 * template written under an alias with `@pattern`. The validator checks both the template and
 * the constraints; the template's own mock (template-values.ts) knows only the first. The mock
 * picks from strings found, at generation time, in the intersection of the template's language
 * (kit/template-literal.ts), the pattern, the format's envelope and the length window, each
 * confirmed by the checks the validator runs; an empty intersection proves that no value exists
 * (CG2011). When the search cannot read them or finds no string, a CG5001 warning and a mock that
 * throws when called: the validators and the document are generated as usual.
 */
import { isLengthAsCodePoints, meetsIsLength } from '../../../model/is-length.js';
import type { StringType, TemplateLiteral } from '../../../model/types.js';
import { patternRegExp } from '../../../model/pattern.js';
import { stringLiteral } from '../../kit/emit.js';
import { SeededRandom } from '../../kit/seeded-random.js';
import { templatePattern } from '../../kit/template-literal.js';
import { formatEnvelope, mockFormatCheck } from '../../validate/compile/format-checks.js';
import type { MockContext } from './mock-context.js';
import { AutomatonLimitError, patternAutomaton, regexAutomaton, type Automaton } from './regex-automaton.js';
import { searchStrings } from './string-search.js';
import { unbuildable } from './unsupported-values.js';

/** What to do when no string is found (a CG5001 warning; the mock throws). */
const HINT = 'Pass the value in tests (`mockT({ … })`), write the pattern in a form the search reads (docs/mock.md), or leave the type out of `mock` with `@codegen`.';

/** How many strings the mock picks from, as for other constrained strings. */
const SAMPLE_COUNT = 16;

/** The mock of a template literal string that also has constraints. */
export function constrainedTemplateExpression(node: StringType & { template: TemplateLiteral }, context: MockContext): string {
  const { compiler } = context;
  // `@MaxLength(n)` (validator.js's count) read as code points: mock texts carry no variation selectors, on which the counts agree.
  const constraints = isLengthAsCodePoints(node.constraints ?? {});
  const low = constraints.minLength ?? 0;
  const high = constraints.maxLength ?? Infinity;
  const template = { source: templatePattern(node.template), flags: 'u' };
  const envelope = constraints.format ? formatEnvelope(constraints.format) : undefined;
  const fail = (why: string) => `${compiler.runtime('cannotMock')}(${stringLiteral(`${context.label}: ${why}`)})`;
  let automata: Automaton[];
  try {
    automata = [regexAutomaton(template), ...(constraints.pattern ? [patternAutomaton(constraints.pattern)] : []), ...(envelope ? [regexAutomaton(envelope)] : [])];
  } catch (error) {
    if (!(error instanceof AutomatonLimitError)) throw error;
    return unbuildable(context, `the search for strings of its template literal type and constraints cannot read them (${error.message})`, HINT);
  }
  const result = searchStrings(automata, low, high);
  const what = `the template literal type ${compiler.typeText(node)} with ${describe(node)}`;
  if (result.kind === 'empty') return compiler.contradiction(context, `no string is of ${what}`, fail('no value exists'));
  if (result.kind === 'unknown') return unbuildable(context, `no string of ${what} was found (${result.reason})`, HINT);
  const accepts = acceptor(node);
  const random = new SeededRandom(1);
  const found = new Set<string>();
  for (let attempt = 0; attempt < SAMPLE_COUNT * 40 && found.size < SAMPLE_COUNT; attempt++) {
    const text = result.draw(random);
    if (accepts(text)) found.add(text);
  }
  if (found.size === 0) return unbuildable(context, `no string of ${what} that the validator accepts was found`, HINT);
  const samples = compiler.constant(`[${[...found].sort().map(stringLiteral).join(', ')}]`, `${context.base}Samples`);
  return `(r.pick(${samples}) as ${compiler.typeText(node)})`;
}

/** What the validator checks: the template, the length in code points, the pattern and the format. */
function acceptor(node: StringType & { template: TemplateLiteral }): (text: string) => boolean {
  const { minLength = 0, maxLength = Infinity, pattern } = node.constraints ?? {};
  const template = new RegExp(templatePattern(node.template), 'u');
  const regex = pattern && patternRegExp(pattern);
  const format = node.constraints && mockFormatCheck(node.constraints);
  const isLength = node.constraints?.isLength;
  return (text) => {
    const length = [...text].length;
    return (!isLength || meetsIsLength(text, isLength)) && length >= minLength && length <= maxLength && template.test(text) && (!regex || regex.test(text)) && (!format || format(text));
  };
}

function describe(node: StringType): string {
  const { minLength, maxLength, pattern, format } = node.constraints ?? {};
  const parts = [
    pattern ? `@pattern /${pattern.source}/${pattern.flags}` : '',
    format ? `@format ${format}` : '',
    minLength !== undefined ? `@minLength ${minLength}` : '',
    maxLength !== undefined ? `@maxLength ${maxLength}` : '',
  ];
  return parts.filter(Boolean).join(' ');
}
