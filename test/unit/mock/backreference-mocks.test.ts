/**
 * Mock strings of patterns with backreferences (`\1`, `\k<name>`) are written as the engine reads
 * the pattern: each group's text again where a reference stands. Every value passes the pattern
 * itself and the generated validator, on the `backreferences` fixture (numbered and named groups,
 * a group inside a quantifier, one that did not participate, a forward reference, references
 * inside lookarounds, under `i`, a group in one branch, length windows). Patterns with no
 * string are located diagnostics (the `unsatisfiable` fixture's diagnostics.json).
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { patternRegExp } from '../../../src/model/pattern.js';
import type { Model, RegexSource } from '../../../src/model/types.js';
import { materialize, mockSources } from './helpers.js';

type Fn = (...args: any[]) => any;
type Repeated = Record<string, string>;
const ROOT = join(process.cwd(), 'test/.tmp/mock-backreferences');
let generated: Record<string, Fn>;
let patterns: Map<string, RegexSource>;

/** The `@pattern` of each property of `Repeated`, as the model holds it. */
function patternsOf(model: Model): Map<string, RegexSource> {
  const declaration = model.declarations.find((candidate) => candidate.name === 'Repeated')!;
  const properties = (declaration.type as { properties: Array<{ name: string; type: { constraints?: { pattern?: RegexSource } } }> }).properties;
  return new Map(properties.map((property) => [property.name, property.type.constraints!.pattern!]));
}

describe('mocks of patterns with backreferences', () => {
  beforeAll(async () => {
    const source = mockSources().find((candidate) => candidate.name === 'mock-backreferences')!;
    patterns = patternsOf(source.model);
    const folder = await materialize(source, ROOT, undefined, false);
    generated = {};
    for (const file of ['backreferences.mock.ts', 'backreferences.validate.ts']) Object.assign(generated, await import(pathToFileURL(join(folder, 'generated', file)).href));
  }, 60_000);

  it('gives values that match each pattern and pass the generated validator, the same for the same seed', () => {
    const items: Repeated[] = generated['mockRepeatedList']!(300, { seed: 5 });
    expect(patterns.size).toBe(14);
    for (const [name, pattern] of patterns) {
      const regex = patternRegExp(pattern);
      expect(items.filter((item) => !regex.test(item[name]!)).map((item) => item[name]), `${name}: /${pattern.source}/${pattern.flags}`).toEqual([]);
      // More than one value each: the samples are drawn from the language, not one fixed string.
      expect(new Set(items.map((item) => item[name])).size, name).toBeGreaterThan(1);
    }
    expect(items.filter((item) => !generated['isRepeated']!(item))).toEqual([]);
    expect(items.filter((item) => !generated['validateRepeated']!(item).success)).toEqual([]);
    expect(generated['mockRepeatedList']!(300, { seed: 5 })).toEqual(items);
  });

  it('follows the engine: last iterations, groups not taken, forward references and case', () => {
    const items: Repeated[] = generated['mockRepeatedList']!(300, { seed: 9 });
    const values = (name: string): string[] => [...new Set(items.map((item) => item[name]!))];
    // The group not taken (`b`) and a last iteration without the group both reference nothing.
    expect(values('notTaken').sort()).toEqual(['aac', 'bc']);
    expect(values('lastIteration').some((value) => value.endsWith('-'))).toBe(true);
    expect(values('lastIteration').some((value) => value.endsWith('-x'))).toBe(true);
    expect(values('forward').every((value) => /^(?:ab)+$/.test(value))).toBe(true);
    // Under `i` the reference may differ in case from its group.
    expect(values('caseless').some((value) => { const [user, domain] = value.split('@'); return domain !== `${user}.com`; })).toBe(true);
    // Both branches of the alternation: quoted (the reference writes the same quote) and bracketed.
    expect(values('quoted').some((value) => value.startsWith('<'))).toBe(true);
    expect(values('quoted').some((value) => value.startsWith('"') || value.startsWith("'"))).toBe(true);
    // Length windows the group shares with its references.
    expect(values('windowed').every((value) => value.length <= 9)).toBe(true);
    expect(values('tripled').every((value) => value.length >= 12)).toBe(true);
    expect(values('sameYear').every((value) => value.slice(0, 4) === value.slice(5))).toBe(true);
  });
});
