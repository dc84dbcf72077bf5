/**
 * Keys of pattern index signatures (`PatternIndex`): which undeclared keys an index holds, and the
 * constraints a held key must meet. A template literal key is matched as the template literal
 * type is everywhere (the runtime's `isTemplate`); an intrinsic string mapping holds the keys it
 * leaves unchanged, exactly as TypeScript's checker decides (`Uppercase<'ß'>` is `'SS'`, so `ß`
 * is no key of `Uppercase<string>`); a key alias's constraints are those of a string (`@pattern`…).
 */
import type { PatternIndex, StringMapping } from '../../../model/types.js';
import type { FileCompiler } from './file-compiler.js';
import { scalarCheck, type ConstraintCheck } from './scalar-checks.js';

/** What a mapping does to a key, as TypeScript's `applyStringMapping` does it. */
const MAPPED: Record<StringMapping, (key: string) => string> = {
  Uppercase: (key) => `${key}.toUpperCase()`,
  Lowercase: (key) => `${key}.toLowerCase()`,
  Capitalize: (key) => `${key}.charAt(0).toUpperCase()`,
  Uncapitalize: (key) => `${key}.charAt(0).toLowerCase()`,
};

/** The whole string through a mapping (TypeScript's `applyStringMapping`), for a chain of them. */
const APPLIED: Record<StringMapping, (text: string) => string> = {
  Uppercase: (text) => `${text}.toUpperCase()`,
  Lowercase: (text) => `${text}.toLowerCase()`,
  Capitalize: (text) => `((t) => t.charAt(0).toUpperCase() + t.slice(1))(${text})`,
  Uncapitalize: (text) => `((t) => t.charAt(0).toLowerCase() + t.slice(1))(${text})`,
};

/**
 * The test that `mapping` leaves the string `x` unchanged: a key of `Uppercase<string>`, or a value
 * of it. With `inner` (`Lowercase<Uppercase<string>>`: `inner` ['Uppercase'], outermost first), that
 * the chain, applied innermost first as tsc applies it, gives `x` back: `'a'`, not `'A'` or `'ß'`.
 */
export function mappingTest(mapping: StringMapping, x: string, inner: readonly StringMapping[] = []): string {
  if (inner.length > 0) return `${[...inner].reverse().concat(mapping).reduce((text, each) => APPLIED[each](text), x)} === ${x}`;
  const mapped = MAPPED[mapping](x);
  return mapping === 'Uppercase' || mapping === 'Lowercase' ? `${mapped} === ${x}` : `${mapped} === ${x}.charAt(0)`;
}

/** `Lowercase<Uppercase<string>>`: the type a mapping and the mappings under it write. */
export function mappingText(mapping: StringMapping, inner: readonly StringMapping[] = []): string {
  return [mapping, ...inner].reduceRight((text, each) => `${each}<${text}>`, 'string');
}

/** The test that the index holds `key`; undefined when it holds every key (`Record<Slug, V>`). */
export function patternKeyTest(index: PatternIndex, key: string, compiler: FileCompiler): string | undefined {
  if (index.mapping) return mappingTest(index.mapping, key, index.innerMappings);
  if (!index.key.template) return undefined;
  return scalarCheck({ kind: 'string', template: index.key.template }, key, compiler).constraints[0]!.test;
}

/** The constraints a key the index holds must meet (its alias's `@pattern`, `@maxLength`…), as `propertyNames` issues. */
export function keyConstraintChecks(index: PatternIndex, key: string, compiler: FileCompiler): ConstraintCheck[] {
  if (!index.key.constraints) return [];
  return scalarCheck({ kind: 'string', constraints: index.key.constraints }, key, compiler).constraints.map((check) => ({
    ...check,
    code: 'propertyNames',
    expected: `a key of ${check.expected}`,
  }));
}

/** Whether an index holds every key, so that no key is left for `@strict` to reject. */
export function holdsEveryKey(index: PatternIndex): boolean {
  return !index.mapping && !index.key.template;
}
