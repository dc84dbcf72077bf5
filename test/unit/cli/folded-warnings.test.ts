/**
 * A warning that repeats one advice over a code base is printed in full only its first times
 * (tester T8d: a NestJS project's every `@IsOptional()` on `x?: T` is a CG2016, hundreds of
 * them). `report` prints the first three CG2016s, then one line with how many more and in how
 * many files; `-v` prints each; errors and other codes are never folded; the count counts all.
 */
import pc from 'picocolors';
import { describe, expect, it } from 'vitest';
import { report } from '../../../src/cli/commands.js';
import type { GlobalOptions } from '../../../src/cli/global-options.js';
import type { Diagnostic } from '../../../src/diagnostics/types.js';

const plain = pc.createColors(false);

/** What `report` prints to stderr for `diagnostics`, with or without `-v`. */
function printed(diagnostics: Diagnostic[], verbose = false): string[] {
  const lines: string[] = [];
  const options: GlobalOptions = { cwd: '/nowhere', only: [], types: [], force: false, format: true, prune: true, verbose, quiet: false, json: false, strict: false };
  const output = { out: () => {}, err: (text: string) => lines.push(text), errRaw: () => {}, colors: plain, errColors: plain, interactive: false };
  report(diagnostics, { options, output, env: {} });
  return lines;
}

/** A CG2016 as the analyzer gives it, for `Dto.field` in `file`. */
function optionalWarning(file: string, line: number, field: string): Diagnostic {
  return {
    code: 'CG2016',
    severity: 'warning',
    message: `@IsOptional() on Dto.${field} lets class-validator accept null, which the type rejects: the generated validators follow the type.`,
    hint: `Write \`${field}?: string | null\` to accept null, or drop @IsOptional().`,
    file,
    line,
    column: 3,
  };
}

const MANY = Array.from({ length: 250 }, (_, i) => optionalWarning(`src/dto/dto${i % 40}.ts`, 10 + i, `field${i}`));
const OTHER: Diagnostic = { code: 'CG2004', severity: 'warning', message: "Unsupported type 'any' (Tag.meta).", hint: 'Use unknown or a precise type.', file: 'src/tag.ts', line: 3, column: 3 };

describe('repeated CG2016 warnings', () => {
  it('print the first three in full, then one line counting the rest and their files', () => {
    const lines = printed([...MANY, OTHER]);
    expect(lines.filter((line) => line.includes('warning CG2016'))).toEqual([
      'src/dto/dto0.ts:10:3 - warning CG2016: @IsOptional() on Dto.field0 lets class-validator accept null, which the type rejects: the generated validators follow the type.',
      'src/dto/dto1.ts:11:3 - warning CG2016: @IsOptional() on Dto.field1 lets class-validator accept null, which the type rejects: the generated validators follow the type.',
      'src/dto/dto2.ts:12:3 - warning CG2016: @IsOptional() on Dto.field2 lets class-validator accept null, which the type rejects: the generated validators follow the type.',
    ]);
    expect(lines).toContain("src/tag.ts:3:3 - warning CG2004: Unsupported type 'any' (Tag.meta).");
    expect(lines.slice(-2)).toEqual(['… and 247 more warnings CG2016 (class-validator rule looser than the type) in 40 files: -v lists each.', '251 warnings']);
    expect(lines).toHaveLength(3 * 2 + 2 + 2);
  });

  it('print each with -v', () => {
    const lines = printed([...MANY, OTHER], true);
    expect(lines.filter((line) => line.includes('warning CG2016'))).toHaveLength(250);
    expect(lines.some((line) => line.startsWith('…'))).toBe(false);
    expect(lines.at(-1)).toBe('251 warnings');
  });

  it('fold nothing up to three, and never an error', () => {
    expect(printed(MANY.slice(0, 3)).some((line) => line.startsWith('…'))).toBe(false);
    const errors = MANY.slice(0, 5).map((d) => ({ ...d, severity: 'error' as const }));
    expect(printed(errors).filter((line) => line.includes('error CG2016'))).toHaveLength(5);
    expect(printed(MANY.slice(0, 4)).at(-2)).toBe('… and 1 more warning CG2016 (class-validator rule looser than the type) in 1 file: -v lists each.');
  });
});
