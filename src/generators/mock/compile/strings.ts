/**
 * Mock strings that satisfy every string constraint. In order of preference: a realistic runtime
 * generator (by format, else by property name) when all it can produce fits the length window;
 * free text fitted to the window; for a `@pattern` alone, strings drawn at run time from the
 * pattern's whole language (`pattern-program.ts`), with samples made at generation time as the
 * fallback; else those samples (from the pattern and/or the format's own expression), emitted as
 * a constant the runtime picks from.
 */
import type { StringConstraints, StringType } from '../../../model/types.js';
import { parseRegex, type RegexNode } from '../../kit/regex-parse.js';
import { sampleRegex, UnsupportedRegexError } from '../../kit/regex-sampler.js';
import { regexLiteral } from '../../kit/emit.js';
import type { MockContext } from './mock-context.js';
import { patternProgram, programCode } from './pattern-program.js';
import { FORMAT_TEXT, TEXT_GENERATORS, formatPattern, textKindForName, type TextGenerator } from './text-kinds.js';

/** How many samples a constrained string gets. */
const SAMPLE_COUNT = 16;

/** The expression of a mock string for `node`. */
export function stringExpression(node: StringType, context: MockContext): string {
  const constraints = node.constraints ?? {};
  const low = constraints.minLength ?? 0;
  const high = constraints.maxLength ?? Infinity;
  const { compiler } = context;
  if (low > high) {
    return compiler.contradiction(context, `@minLength ${low} is greater than @maxLength ${high}`, '""');
  }
  const format = constraints.format;
  const formatKind = format ? FORMAT_TEXT[format].kind : undefined;
  if (!constraints.pattern && format && formatKind && fits(TEXT_GENERATORS[formatKind], low, high)) {
    return `${compiler.runtime(TEXT_GENERATORS[formatKind].helper)}(r)`;
  }
  if (!constraints.pattern && !format) {
    const generator = TEXT_GENERATORS[textKindForName(context.name)];
    const text = `${compiler.runtime(generator.helper)}(r)`;
    if (fits(generator, low, high)) return text;
    return `${compiler.runtime('fitText')}(r, ${text}, ${low}, ${Number.isFinite(high) ? high : 'Infinity'})`;
  }
  return sampledExpression(constraints, low, high, context);
}

function fits(generator: TextGenerator, low: number, high: number): boolean {
  return generator.lengths[0] >= low && generator.lengths[1] <= high;
}

function sampledExpression(constraints: StringConstraints, low: number, high: number, context: MockContext): string {
  const { compiler } = context;
  let samples: string[];
  try {
    samples = sampleStrings(constraints, low, high);
  } catch (error) {
    if (!(error instanceof UnsupportedRegexError)) throw error;
    return compiler.unsupported(context, `its @pattern cannot be sampled (${error.message})`, '""');
  }
  if (samples.length === 0) {
    const what = [constraints.pattern ? `@pattern /${constraints.pattern.source}/` : '', constraints.format ? `@format ${constraints.format}` : '']
      .filter(Boolean)
      .join(' and ');
    const window = Number.isFinite(high) ? `${low} to ${high}` : `at least ${low}`;
    return compiler.contradiction(context, `no string matches ${what} with a length of ${window} characters`, '""');
  }
  const samplesName = compiler.constant(`[${samples.map((sample) => JSON.stringify(sample)).join(', ')}]`, `${context.base}Samples`);
  // A pattern alone is drawn from its whole language at run time; a format beside it keeps the samples,
  // which were checked against both (the format's own check is not available to the mock runtime).
  // Fewer samples than asked for means the sampler met the whole language already: nothing to add.
  const wide = samples.length >= SAMPLE_COUNT;
  const program = wide && constraints.pattern && !constraints.format ? patternProgram(constraints.pattern, low, high) : undefined;
  if (!program) return `r.pick(${samplesName})`;
  const programName = compiler.constant(programCode(program), `${context.base}Pattern`);
  const regexName = compiler.regexConstant(regexLiteral({ source: constraints.pattern!.source, flags: constraints.pattern!.flags.replace(/[gy]/g, '') }), `${context.base}Regex`);
  const max = Number.isFinite(high) ? String(high) : 'Infinity';
  return `${compiler.runtime('mockPattern')}(r, ${programName}, ${regexName}, ${low}, ${max}, ${samplesName})`;
}

/** Strings satisfying pattern, format and length at once; empty when none was found. */
export function sampleStrings(constraints: StringConstraints, low: number, high: number): string[] {
  const window = { minLength: low, maxLength: high, count: SAMPLE_COUNT };
  const formatSource = formatPattern(constraints);
  const pattern = constraints.pattern;
  if (!pattern) return sampleRegex({ source: formatSource!, ...window });
  const userRegex = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ''));
  if (!formatSource) {
    const samples = sampleRegex({ source: pattern.source, flags: pattern.flags, ...window });
    return samples.length > 0 ? samples : sampleRegex({ source: unanchored(pattern.source), flags: pattern.flags, ...window });
  }
  const formatRegex = new RegExp(`^(?:${formatSource})$`);
  // The user's RegExp backtracks: on a pattern that can take exponential time (`^([a-z]+)+$`)
  // the format's samples are not tested against it; the pattern's own samples, tested by the
  // format's (linear) expression, are.
  if (!mayBacktrackExponentially(pattern.source, pattern.flags)) {
    const fromFormat = sampleRegex({ source: formatSource, ...window, accept: (text) => userRegex.test(text) });
    if (fromFormat.length > 0) return fromFormat;
  }
  return sampleRegex({ source: pattern.source, flags: pattern.flags, ...window, accept: (text) => formatRegex.test(text) });
}

/**
 * The pattern with `.*` where it is not anchored: a pattern without `^` or `$` matches inside
 * longer strings, which is how a short pattern meets a long `@minLength`.
 */
function unanchored(source: string): string {
  const start = source.startsWith('^') ? '' : '.*';
  const end = /(^|[^\\])\$$/.test(source) ? '' : '.*';
  return `${start}(?:${source})${end}`;
}

/**
 * Whether a backtracking engine can take exponential time on `source`: a repeat that can run
 * more than once around another such repeat or an alternation (`(a+)+`, `(a|ab)*`), the shape of
 * every classic ReDoS. Unparsable patterns count as risky.
 */
export function mayBacktrackExponentially(source: string, flags = ''): boolean {
  let tree: RegexNode;
  try {
    tree = parseRegex(source, flags);
  } catch {
    return true;
  }
  const risky = (node: RegexNode, insideRepeat: boolean): boolean => {
    switch (node.kind) {
      case 'repeat': {
        const repeats = node.max > 1;
        if (repeats && insideRepeat) return true;
        return risky(node.node, insideRepeat || repeats);
      }
      case 'alternation':
        return (insideRepeat && node.options.length > 1) || node.options.some((option) => risky(option, insideRepeat));
      case 'sequence':
        return node.items.some((item) => risky(item, insideRepeat));
      default:
        return false;
    }
  };
  return risky(tree, false);
}
