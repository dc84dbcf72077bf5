/**
 * One reading of a `@pattern` everywhere (issue 9, A5): Unicode mode, the `u` flag written or
 * not, as JSON Schema reads patterns. The `pattern-reading` analyzer fixture is analysed,
 * generated (validators, mocks, OpenAPI), compiled with `tsc --strict` and loaded; then the
 * validator, the OpenAPI schema under ajv and JavaScript's own `new RegExp(source, "u")` are
 * asked about the same strings, and the mocks must satisfy all three.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { RegexSource, StringType } from '../../../src/model/types.js';
import { buildCase, type BuiltCase } from '../type-forms/helpers.js';

let built: BuiltCase;

/** The patterns of a type's properties, as the analyzer read them. */
function patternsOf(type: string): Map<string, RegexSource> {
  const declaration = built.model.declarations.find((candidate) => candidate.name === type)!;
  if (declaration.type.kind !== 'object') throw new Error(`${type} is not an object`);
  return new Map(declaration.type.properties.map((property) => [property.name, (property.type as StringType).constraints!.pattern!]));
}

/** JavaScript's verdict under the documented reading: `u` added, `g`/`y` dropped (no `v` pattern here). */
function javascript(pattern: RegexSource, text: string): boolean {
  const flags = pattern.flags.replace(/[gyu]/g, '');
  return new RegExp(pattern.source, pattern.flags.includes('v') ? flags : `${flags}u`).test(text);
}

/** A value of `type` with every property at a valid mock value, `name` set to `text`. */
function withValue(type: string, name: string, text: string): Record<string, unknown> {
  return { ...(built.mock(type, 1) as Record<string, unknown>), [name]: text };
}

// Strings per property: the three readings must agree on each, whatever the verdict.
const PROBES: Record<string, string[]> = {
  letters: ['ab', 'Ωλ', 'Dürüst', 'p{L}', 'pL', 'a1', '😀😀', 'a', 'abcdefghi'],
  capitalised: ['Ab', 'Ωλ', 'ab', 'AB', 'Édith'],
  notLetters: ['123', '-!?', 'a12', '😀😀😀', '12'],
  greek: ['αβγ', 'ΩΛΔΣ', 'abc', 'αβ'],
  cyrillicAnyCase: ['жЖ', 'ЖЖЖЖ', 'ab', 'ж'],
  handle: ['a_1', 'Ωλ9', 'a-b', 'ab'],
  emoji: ['😀😁😂', '😀😁', 'u{1F600}😁😂', '\uD83D\uDE00\uD83D\uDE01\uD83D\uDE02'],
  astralClass: ['😀!', '😎😀😁!', '😏!', '!', '\uD83D!'],
  twoCodePoints: ['ab', '😀😀', 'a😀', 'abc', '😀'],
  unanchored: ['123', 'ab123cd', '12a3'],
  slashes: ['a/b/c', 'a/b\\/c', 'abc'],
  globalFlag: ['a.b', 'a+b-c', 'a b', ''],
  notKAnyCase: ['abcd', 'abKd', 'abkd', 'ab\u212Ad', 'ab\u017Fd'],
  accented: ['éa', 'ÉA', 'éA', 'eá'],
  doubled: ['ab-ab', 'ab-ac', 'a-a'],
  lookbehind: ['€12', '12', '120', 'x12'],
};

describe('one reading of a pattern', () => {
  beforeAll(async () => {
    built = await buildCase('pattern-reading');
  }, 180_000);

  it('gives generated files that pass tsc --strict, \\p{…}, \\u{…}, named groups and lookbehind included', () => {
    expect(built.compileErrors).toBe('');
  });

  it('refuses what Unicode mode refuses, each at its tag with CG2003', () => {
    const refused = built.diagnostics.filter((diagnostic) => diagnostic.code === 'CG2003').map((diagnostic) => diagnostic.message.split(':')[0]);
    expect(refused).toHaveLength(9);
    expect(built.diagnostics.filter((diagnostic) => diagnostic.severity === 'error' && diagnostic.code !== 'CG2003')).toEqual([]);
  });

  for (const type of ['Lettered', 'Guarded']) {
    it(`${type}: the validator, the OpenAPI schema (ajv) and JavaScript's u reading agree on every probe`, () => {
      for (const [name, pattern] of patternsOf(type)) {
        for (const text of PROBES[name] ?? []) {
          if (pattern.flags.includes('v')) continue; // ajv cannot read v; its OpenAPI pattern is left out (see below)
          const value = type === 'Lettered' ? withValue(type, name, text) : { doubled: 'a-a', lookbehind: '12', setDifference: 'Ω', [name]: text };
          const expected = javascript(pattern, text);
          expect(built.validators(type).accepts(value), `${name} ${JSON.stringify(text)}`).toBe(expected);
          expect(built.schemaAccepts(type, value), `ajv: ${name} ${JSON.stringify(text)}`).toBe(expected);
        }
      }
    });
  }

  it('reads \\p{L} as letters without a written u, never as the text "p{L}"', () => {
    const letters = patternsOf('Lettered').get('letters')!;
    expect(letters.flags).toBe('');
    expect(built.validators('Lettered').accepts(withValue('Lettered', 'letters', 'p{L}'))).toBe(false);
    expect(built.validators('Lettered').accepts(withValue('Lettered', 'letters', 'Ωλ'))).toBe(true);
  });

  it('drops the g flag, so the validator gives the same verdict twice on one value', () => {
    const value = withValue('Lettered', 'globalFlag', 'a.b');
    expect([built.validators('Lettered').accepts(value), built.validators('Lettered').accepts(value)]).toEqual([true, true]);
  });

  it('checks a v-flag pattern in the validator and leaves it out of the OpenAPI schema', () => {
    const guarded = { doubled: 'a-a', lookbehind: '12' };
    expect(built.validators('Guarded').accepts({ ...guarded, setDifference: 'ΩΛ' })).toBe(true);
    expect(built.validators('Guarded').accepts({ ...guarded, setDifference: 'ab' })).toBe(false);
    const schema = (built.document.components!.schemas!['Guarded'] as { properties: Record<string, { pattern?: string }> }).properties;
    expect(schema['setDifference']!.pattern).toBeUndefined();
    expect(schema['doubled']!.pattern).toBe('^(?<word>[a-z]+)-\\k<word>$');
  });

  it('gives mocks that match every pattern as JavaScript reads it, pass the validator and the OpenAPI schema', () => {
    const patterns = patternsOf('Lettered');
    let astral = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const mock = built.mock('Lettered', seed) as Record<string, string>;
      expect(built.validators('Lettered').accepts(mock), JSON.stringify(mock)).toBe(true);
      expect(built.schemaAccepts('Lettered', mock), JSON.stringify(mock)).toBe(true);
      for (const [name, pattern] of patterns) expect(javascript(pattern, mock[name]!), `${name} ${JSON.stringify(mock[name])}`).toBe(true);
      // Astral characters are whole code points: surrogate pairs, never a lone half.
      for (const text of Object.values(mock)) expect(/\p{Surrogate}/u.test(text), JSON.stringify(text)).toBe(false);
      astral += [...mock['emoji']!, ...mock['astralClass']!, ...mock['letters']!].filter((char) => char.codePointAt(0)! > 0xffff).length;
    }
    expect(astral).toBeGreaterThan(400);
  });
});
