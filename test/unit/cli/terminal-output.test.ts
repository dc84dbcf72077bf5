import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pc from 'picocolors';
import { describe, expect, it } from 'vitest';
import { codeFrame } from '../../../src/cli/code-frame.js';
import { formatDiagnostic } from '../../../src/cli/diagnostics-report.js';
import { wantsColor } from '../../../src/cli/output.js';

const plain = pc.createColors(false);

describe('wantsColor', () => {
  it('follows the terminal unless a flag or the environment says otherwise', () => {
    expect(wantsColor(true, { env: {} })).toBe(true);
    expect(wantsColor(false, { env: {} })).toBe(false);
    expect(wantsColor(true, { env: { NO_COLOR: '1' } })).toBe(false);
    expect(wantsColor(false, { env: { FORCE_COLOR: '1' } })).toBe(true);
    expect(wantsColor(true, { env: { FORCE_COLOR: '0' } })).toBe(false);
    expect(wantsColor(false, { flag: true, env: { NO_COLOR: '1' } })).toBe(true);
    expect(wantsColor(true, { flag: false, env: { FORCE_COLOR: '1' } })).toBe(false);
  });
});

describe('diagnostics on a terminal', () => {
  const cwd = mkdtempSync(join(tmpdir(), 'codegen-frame-'));
  writeFileSync(join(cwd, 'user.ts'), 'export interface User {\n\t/** @minLength three */\n  name: string;\n}\n');

  it('show the line with a caret under the column, tabs expanded', () => {
    expect(codeFrame(cwd, 'user.ts', 2, 6, plain)).toEqual([
      '  1 | export interface User {',
      '> 2 |   /** @minLength three */',
      '    |       ^',
      '  3 |   name: string;',
      '  4 | }',
    ]);
  });

  it('print tsc-style locations, the hint, and a frame only when asked', () => {
    const diagnostic = { code: 'CG2002', severity: 'error' as const, message: 'Bad value', file: 'user.ts', line: 2, column: 6, hint: 'Use a number.' };
    expect(formatDiagnostic(diagnostic, { cwd, colors: plain, frames: false, verbose: false })).toEqual([
      'user.ts:2:6 - error CG2002: Bad value',
      '  hint: Use a number.',
    ]);
    expect(formatDiagnostic(diagnostic, { cwd, colors: plain, frames: true, verbose: false })).toContain('> 2 |   /** @minLength three */');
  });

  it('give no frame for a file that cannot be read', () => {
    expect(codeFrame(cwd, 'missing.ts', 1, 1, plain)).toEqual([]);
  });
});
