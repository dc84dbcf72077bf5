/**
 * A `@Matches()` regex without `u` whose syntax Unicode mode reads otherwise, spelled again from
 * its tree as written so that both modes read it alike: what the mock's sampler (Unicode mode)
 * draws from is what class-validator runs.
 */
import { describe, expect, it } from 'vitest';
import { unicodeSpelling } from '../../../src/model/unicode-spelling.js';

const asWritten = (source: string, flags = '') => ({ source, flags, asWritten: true as const });

/** Texts of up to three pieces of the characters these patterns are about. */
const PIECES = ['', 'u', 'a', 'A', '-', '.', '_', '9', '0', '{', '}', ',', '2', '\n', 'J', 'c', '\\', 'k', '\b', 'é'];
const TEXTS = [...new Set(PIECES.flatMap((a) => PIECES.flatMap((b) => PIECES.map((c) => a + b + c))).concat(['u'.repeat(41), 'u'.repeat(40), 'a{,2}']))];

describe('unicodeSpelling', () => {
  it('spells the syntax Unicode mode reads otherwise by the tree as written', () => {
    expect(unicodeSpelling(asWritten('^\\u{41}$'))?.source).toBe('^u{41}$');
    expect(unicodeSpelling(asWritten('^[\\w-.]$'))?.source).toBe('^[\\w\\-\\.]$');
    expect(unicodeSpelling(asWritten('^a{,2}$'))?.source).toBe('^a\\{,2\\}$');
    expect(unicodeSpelling(asWritten('^\\cJ$'))?.source).toBe('^\\u000A$');
    expect(unicodeSpelling(asWritten('^\\k$'))?.source).toBe('^k$');
    // One group: `\10` is the octal escape of U+0008; a digit after a reference stays a digit.
    expect(unicodeSpelling(asWritten('(a)\\10'))?.source).toBe('(a)\\u0008');
    expect(unicodeSpelling(asWritten('^(a)\\1\\u0030x\\8$'))?.source).toBe('^(a)\\1\\u0030x8$');
    expect(unicodeSpelling(asWritten('^[a-z]{2}$', 'i'))).toEqual(asWritten('^[a-z]{2}$', 'i'));
  });

  it('matches what the regex as written matches, in both modes', () => {
    for (const [source, flags] of [['^\\u{41}$', ''], ['^[\\w-.]$', ''], ['^a{,2}$', ''], ['^\\cJ$', ''], ['^[\\w-.]+\\k?$', 'i'], ['^(a)\\1\\u0030$', '']] as const) {
      const spelled = unicodeSpelling(asWritten(source, flags))!.source;
      const written = new RegExp(source, flags);
      for (const [mode, regex] of [['as written', new RegExp(spelled, flags)], ['u', new RegExp(spelled, `${flags}u`)]] as const) {
        const differ = TEXTS.filter((text) => regex.test(text) !== written.test(text));
        expect(differ, `${source} spelled ${spelled}, ${mode}`).toEqual([]);
      }
    }
  });

  it('has no spelling where Unicode mode cannot read the tree: a quantified lookahead, a pair of surrogate escapes', () => {
    expect(unicodeSpelling(asWritten('^(?=a)*b$'))).toBeUndefined();
    expect(unicodeSpelling(asWritten('^\\uD83D\\uDE00$'))).toBeUndefined();
  });
});
