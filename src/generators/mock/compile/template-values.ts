/**
 * Mocks of template literal types (`` `wifi${number}` `` → `` `wifi${r.int(0, 1000)}` as const ``).
 * TypeScript ends each hole but the last at the first occurrence of the text after it (see
 * kit/template-literal.ts), so a hole's value must not hold that text's first character (`.`
 * in `` `v${number}.${number}` `` rules out `1.5` in the first hole): each hole is drawn from
 * values that end where TypeScript ends them, and the mock passes the validator's `isTemplate`.
 */
import type { StringMapping, StringType, TemplateLiteral, TypeNode } from '../../../model/types.js';
import { unchangedBy } from './mapped-strings.js';
import { stringLiteral } from '../../kit/emit.js';
import { safeHoles, templateText, type SafeHole } from '../../kit/template-literal.js';
import type { MockContext } from './mock-context.js';
import { unbuildable } from './unsupported-values.js';

/** Texts for a `string` hole before another text (the last one is mocked as any string); the empty text always passes. */
const WORDS = ['', 'alpha', 'kettle', 'zephyr', 'Q7'];
const LETTERS = ['a', 'k', 'Z'];
const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** What each mapping does to a text, as TypeScript's `applyStringMapping` does it. */
const MAPPED: Record<StringMapping, (text: string) => string> = {
  Uppercase: (text) => text.toUpperCase(),
  Lowercase: (text) => text.toLowerCase(),
  Capitalize: (text) => text.charAt(0).toUpperCase() + text.slice(1),
  Uncapitalize: (text) => text.charAt(0).toLowerCase() + text.slice(1),
};

/** The mock expression of a template literal string; `build` mocks a hole's own type (the last hole). */
export function templateExpression(node: StringType & { template: TemplateLiteral }, context: MockContext, build: (node: TypeNode, context: MockContext) => string): string {
  const { template } = node;
  const safe = safeHoles(template);
  const holes: string[] = [];
  for (const [i, hole] of template.holes.entries()) {
    const value = holeExpression(hole, safe[i]!, i === template.holes.length - 1, { ...context, name: undefined, base: `${context.base}Hole${i}`, typePath: undefined }, build);
    if (value === undefined) return unbuildable(context, `no text of hole ${i + 1} of \`${templateSource(template)}\` can pass`, 'Pass the value in tests (`mockT({ … })`), or leave the type out of `mock` with `@codegen`.');
    holes.push(value);
  }
  const parts = template.texts.map((text, i) => templateText(text) + (i < holes.length ? `\${${holes[i]}}` : ''));
  return `\`${parts.join('')}\` as const`;
}

function holeExpression(hole: TypeNode, safe: SafeHole, last: boolean, context: MockContext, build: (node: TypeNode, context: MockContext) => string): string | undefined {
  if (safe.literals) return safe.literals.length === 0 ? undefined : `r.pick([${safe.literals.map(stringLiteral).join(', ')}] as const)`;
  const allowed = (texts: readonly string[]) => texts.filter((text) => safe.avoid === undefined || !text.includes(safe.avoid));
  switch (hole.kind) {
    case 'string': {
      if (last) return build(hole, context);
      if (!hole.mapping) return `r.pick([${(safe.single ? LETTERS : allowed(WORDS)).map(stringLiteral).join(', ')}])`;
      // `${Lowercase<string>}` before a text: the texts mapped, kept where the mapping leaves them and they still end the hole.
      // A chain (`${Lowercase<Uppercase<string>>}`) maps them through every mapping, innermost first, and keeps what it gives back.
      const chain = [hole.mapping, ...(hole.innerMappings ?? [])];
      const through = (text: string) => chain.reduceRight((mapped, mapping) => MAPPED[mapping](mapped), text);
      const mapped = (safe.single ? LETTERS : WORDS).map(through).filter((text) => unchangedBy(hole.mapping!)(text) && through(text) === text);
      const texts = [...new Set(safe.single ? mapped : allowed(mapped))];
      const typed = chain.reduceRight((inner, mapping) => `${mapping}<${inner}>`, 'string');
      return texts.length === 0 ? undefined : `(r.pick([${texts.map(stringLiteral).join(', ')}]) as ${typed})`;
    }
    case 'number':
    case 'bigint': {
      const suffix = hole.kind === 'bigint' ? 'n' : '';
      if (last) return build(hole, context);
      // One digit, or any digits but the one that starts the text after the hole; `0`–`1000` when no digit can start it.
      const digits = safe.single ? DIGITS : allowed(DIGITS);
      if (!safe.single && digits.length === DIGITS.length) return hole.kind === 'number' ? 'r.int(0, 1000)' : build(hole, context);
      return `r.pick([${digits.map((digit) => digit + suffix).join(', ')}])`;
    }
    default:
      return build(hole, context);
  }
}

function templateSource(template: TemplateLiteral): string {
  return template.texts.map((text, i) => text + (i < template.holes.length ? '${…}' : '')).join('');
}
