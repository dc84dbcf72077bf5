/**
 * class-validator's `@Matches()` runs its RegExp as written, without the `u` flag every `@pattern`
 * gets (tester T-B). Its JSON Schema pattern (read in Unicode mode by ajv) is written only where it
 * means the same there, case folded by the rules of a regex without `u`; otherwise left out with a
 * warning. A literal `/re/y` makes class-validator's verdict depend on the value checked before,
 * and is refused at the decorator.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyzer/index.js';
import { patternProblems, patternText } from '../../../src/generators/openapi/schemas/pattern.js';
import { TMP_ROOT } from '../../helpers/paths.js';

const asWritten = (source: string, flags = '') => ({ source, flags, asWritten: true as const });

describe('the JSON Schema pattern of a @Matches() regex without u', () => {
  it('folds i by the rules without u: [a-z] gains A-Z, not the Kelvin sign or the long s', () => {
    expect(patternText(asWritten('^[a-z]+$', 'i'))).toBe('^[a-zA-Z]+$');
    expect(patternText({ source: '^[a-z]+$', flags: 'i' })).toBe('^[a-zA-Z\\u{17F}\\u{212A}]+$');
  });

  it('is left out, with what it cannot say, where an atom matches half of a surrogate pair or the syntax reads otherwise', () => {
    for (const source of ['^.$', '^[^@]+$', '^\\S+$', '^\\u{41}$', '^[😀]$']) {
      expect(patternText(asWritten(source)), source).toBeUndefined();
      expect(patternProblems(asWritten(source))[0], source).toMatch(/without the u flag .* so the pattern is left out/);
    }
  });

  it('is written as it is where both readings agree, or u is written', () => {
    expect(patternText(asWritten('^[a-z0-9_-]{3,}@x\\.com$'))).toBe('^[a-z0-9_-]{3,}@x\\.com$');
    expect(patternText(asWritten('^.$', 'u'))).toBe('^.$');
    expect(patternProblems(asWritten('^\\d+$'))).toEqual([]);
  });
});

describe('@Matches() flags', () => {
  function diagnosticsOf(decorators: string) {
    const dir = mkdtempSync(join(TMP_ROOT, 'matches-flags-'));
    try {
      writeFileSync(join(dir, 'm.ts'), `import { Matches } from 'class-validator';\nexport class Dto {\n  ${decorators}\n  text!: string;\n}\n`);
      const { model, diagnostics } = analyze({ rootDir: dir, files: [join(dir, 'm.ts')], defaultGenerators: ['validate'], knownGenerators: ['validate'], displayRoot: dir });
      const declaration = model.declarations.find((d) => d.name === 'Dto')!;
      const type = declaration.type.kind === 'object' ? declaration.type.properties[0]!.type : undefined;
      return { diagnostics: diagnostics.map((d) => `${d.code} ${d.line} ${d.message}`), pattern: type?.kind === 'string' ? type.constraints?.pattern : undefined };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('refuse a literal /re/y, whose verdict depends on the value checked before (lastIndex)', () => {
    expect(diagnosticsOf('@Matches(/b/y)').diagnostics).toEqual([expect.stringMatching(/^CG2003 3 .*the flag y makes each test start where class-validator's previous one stopped/)]);
  });

  it("read a string pattern's y, and a literal's gy, as sticking to the start; g alone as nothing", () => {
    expect(diagnosticsOf("@Matches('b', 'y')").pattern).toEqual({ source: '^(?:b)', flags: '', asWritten: true });
    expect(diagnosticsOf('@Matches(/b/gmy)').pattern).toEqual({ source: '(?<![\\s\\S])(?:b)', flags: 'm', asWritten: true });
    expect(diagnosticsOf('@Matches(/b/gi)').pattern).toEqual({ source: 'b', flags: 'gi', asWritten: true });
  });
});
