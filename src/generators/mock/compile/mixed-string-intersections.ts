/**
 * Mock strings for an intersection of strings of which some member is a template literal type or
 * an intrinsic string mapping: `` `a${string}` & StartsA & EndsZ `` (a template beside two
 * patterns, which one string type cannot hold), `` `a${string}` & `${string}z` ``,
 * `` Uppercase<string> & `A${string}` ``. The validator checks each member; the mock finds strings
 * every member accepts as for `StartsA & EndsZ` (string-intersections.ts): a template is one more
 * pattern (`templatePattern`, the reading the OpenAPI document uses), a mapping the language it
 * leaves unchanged (mapped-strings.ts), and every string kept is confirmed by the validator's own
 * tests (a template matched as TypeScript matches it, the mapping's test), so the pattern's
 * approximations never reach a mock. An empty intersection proves that no value exists (CG2011);
 * a member the search cannot read is a CG5001 warning and a mock that throws.
 */
import { isLengthAsCodePoints } from '../../../model/is-length.js';
import type { IntersectionType, StringConstraints, StringType, TemplateLiteral, TypeNode } from '../../../model/types.js';
import { stringLiteral } from '../../kit/emit.js';
import type { DeclarationIndex } from '../../kit/declaration-index.js';
import { UnsupportedRegexError } from '../../kit/regex-sampler.js';
import { templateHoles, templatePattern, type TemplateHole } from '../../kit/template-literal.js';
import { mappingLanguage, unchangedBy } from './mapped-strings.js';
import type { MockContext } from './mock-context.js';
import { findStringsOfAll } from './string-intersections.js';
import { cannotSample, notFound } from './strings.js';

/** The members' string types when every member is a string (through references too) and one is a template or a mapping; else undefined. */
export function mixedStringMembers(members: readonly TypeNode[], index: DeclarationIndex): StringType[] | undefined {
  const strings: StringType[] = [];
  for (const member of members) {
    const target = member.kind === 'ref' ? index.get(member.id).type : member;
    if (target.kind !== 'string') return undefined;
    strings.push(target);
  }
  return strings.some((member) => member.template || member.mapping) ? strings : undefined;
}

/** The expression of a mock string every member accepts, typed as the intersection. */
export function mixedStringExpression(node: IntersectionType, members: readonly StringType[], context: MockContext): string {
  const { compiler } = context;
  // `@MaxLength(n)` (validator.js's count) read as code points: mock texts carry no variation selectors, on which the counts agree.
  const constraints = members.map((member) => isLengthAsCodePoints(member.constraints ?? {}));
  const low = Math.max(0, ...constraints.map((part) => part.minLength ?? 0));
  const high = Math.min(Infinity, ...constraints.map((part) => part.maxLength ?? Infinity));
  const fail = (why: string): string => `${compiler.runtime('cannotMock')}(${stringLiteral(`${context.label}: ${why}`)})`;
  if (low > high) return compiler.contradiction(context, `the members' lengths leave no window (at least ${low}, at most ${high} characters)`, fail('no value exists'));
  // Each member's pattern or format, its template and its mapping: the parts searched together.
  const parts: StringConstraints[] = [];
  const checks: Array<(text: string) => boolean> = [];
  for (const [i, member] of members.entries()) {
    const { pattern, format } = constraints[i]!;
    if (pattern || format) parts.push({ ...(pattern ? { pattern } : {}), ...(format ? { format } : {}) });
    if (member.template) {
      parts.push({ pattern: { source: templatePattern(member.template), flags: 'u' } });
      checks.push(templateTest(member.template));
    }
    if (member.mapping) {
      parts.push(mappingLanguage(member.mapping));
      checks.push(unchangedBy(member.mapping));
    }
  }
  const what = describe(members, context, low, high);
  let search;
  try {
    search = findStringsOfAll(parts, low, high);
  } catch (error) {
    if (!(error instanceof UnsupportedRegexError)) throw error;
    return cannotSample(context, error.message);
  }
  if (search.verdict === 'contradiction') return compiler.contradiction(context, `no string is ${what}`, fail('no value exists'));
  // A member neither the sampler nor the search can read: a warning and a mock that throws, as for that pattern alone.
  if (search.verdict === 'unknown' && search.unreadable) return cannotSample(context, search.reason);
  const typeText = members.some((member) => member.brand) ? 'never' : compiler.typeText(node);
  const samples = search.samples.filter((text) => checks.every((check) => check(text)));
  if (samples.length === 0) {
    const reason = search.verdict === 'unknown' ? search.reason : 'the strings found all failed a template or mapping';
    return `(${notFound(context, what, reason)} as unknown as ${typeText})`;
  }
  const constant = compiler.constant(`[${samples.map(stringLiteral).join(', ')}]`, `${context.base}Samples`);
  return `(r.pick(${constant}) as ${typeText})`;
}

/**
 * Whether `text` is of the template, matched as TypeScript matches it (the validator runtime's
 * `isTemplate`): each hole but the last ends where the text after it first occurs (one code unit
 * when a hole follows), the last takes the rest; a `number` hole holds text `+text` reads as a
 * finite number, a `bigint` hole an integer literal, a list one of its texts.
 */
export function templateTest(template: TemplateLiteral): (text: string) => boolean {
  const holes = templateHoles(template);
  const { texts } = template;
  return (text) => {
    const start = texts[0]!;
    const end = texts[texts.length - 1]!;
    if (text.length < start.length + end.length || !text.startsWith(start) || !text.endsWith(end)) return false;
    const body = text.slice(0, text.length - end.length);
    let from = start.length;
    for (let i = 0; i < holes.length; i++) {
      const next = i === holes.length - 1 ? undefined : texts[i + 1]!;
      const to = next === undefined ? body.length : next !== '' ? body.indexOf(next, from) : from < body.length ? from + 1 : -1;
      if (to < 0 || !holeHolds(holes[i]!, body.slice(from, to))) return false;
      from = to + (next?.length ?? 0);
    }
    return true;
  };
}

function holeHolds(hole: TemplateHole, part: string): boolean {
  if (typeof hole !== 'string') return hole.includes(part);
  if (hole === 'number') return part !== '' && Number.isFinite(+part);
  if (hole === 'bigint') return /^-?(?:0|[1-9][0-9]*|0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO][0-7]+)$/.test(part);
  return true;
}

/** `` `a${string}` and @pattern /z$/ with a length of 3 to 6 characters ``. */
function describe(members: readonly StringType[], context: MockContext, low: number, high: number): string {
  const each = members.flatMap((member) => {
    const { pattern, format } = member.constraints ?? {};
    return [
      member.template || member.mapping ? context.compiler.typeText({ kind: 'string', ...(member.template ? { template: member.template } : {}), ...(member.mapping ? { mapping: member.mapping } : {}) }) : '',
      pattern ? `@pattern /${pattern.source}/` : '',
      format ? `@format ${format}` : '',
    ].filter(Boolean);
  });
  const window = Number.isFinite(high) ? ` with a length of ${low} to ${high} characters` : low > 0 ? ` with a length of at least ${low} characters` : '';
  return `${each.join(' and ')}${window}`;
}
