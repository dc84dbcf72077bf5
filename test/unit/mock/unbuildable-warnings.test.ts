/**
 * What the mock cannot build, for a type the analyzer accepts, never stops the run: a pattern
 * past the search's limits beside a mapping (`Uppercase<string>`), a template literal type or
 * another constrained alias, a `@multipleOf` no exact decimal writes,
 * and number aliases whose steps have a common multiple past 2^53. Each is a located CG5001
 * **warning** (docs/mock.md, "Constraints no mock can satisfy"), its mock throws when called,
 * naming the member, and `codegen generate` exits 0, writing validators and mocks that compile
 * under `tsc --strict`, the other mocks of the same file passing their validators.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyzer/index.js';
import { main } from '../../../src/cli/main.js';
import { mockGenerator } from '../../../src/generators/mock/index.js';
import { typecheck } from '../../helpers/typecheck.js';
import { makeProject, removeProject } from '../../helpers/workspace.js';
import { CONTEXT, type GeneratedFunction } from './helpers.js';

const SOURCE = `/** @pattern ^[A-Z]{10001}$ */
export type LongKey = Uppercase<string>;
/** @pattern ^(?:(?:X{1000}){1000})$ */
export type Huge = string;
/** @pattern ^A */
export type StartsA = string;
/** @pattern ^A[A-Z]{10001}$ */
export type LongCode = \`A\${string}\`;
export type Mixed = \`A\${string}\` & StartsA & Huge;
export enum Empty {}
/** @multipleOf 1000000000000 */
export type Trillion = number;
/** @multipleOf 999999999999 */
export type Odd12 = number;
/** Validate refuses this step (a double cannot check it exactly): mocked only. @multipleOf 1e-30 @codegen mock */
export type Tiny = number;

export interface Fine {
  name: string;
  /** @minimum 1 */
  count: number;
  code: StartsA;
}

export interface Holder {
  longKey: LongKey;
  longCode: LongCode;
  mixed: Mixed;
  empty: Empty;
  steps: Trillion & Odd12;
}

/** @codegen mock */
export interface MockOnly {
  tiny: Tiny;
}
`;

/** The line of SOURCE that starts with `text`. */
const lineOf = (text: string): number => SOURCE.split('\n').findIndex((line) => line.startsWith(text)) + 1;

/** Each unbuildable part: its line in SOURCE and what the warning says of it. */
const EXPECTED: Array<{ line: number; label: string; why: string }> = [
  { line: lineOf('  longKey:'), label: 'Holder.longKey', why: 'its @pattern cannot be sampled' },
  { line: lineOf('  longCode:'), label: 'Holder.longCode', why: 'the search for strings of its template literal type and constraints cannot read them' },
  { line: lineOf('  mixed:'), label: 'Holder.mixed', why: 'its @pattern cannot be sampled' },
  { line: lineOf('  steps:'), label: 'Holder.steps', why: 'have no common multiple it can write' },
  { line: lineOf('  tiny:'), label: 'MockOnly.tiny', why: '@multipleOf 1e-30 is not an exact decimal step' },
];

const CONFIG = `input: ["input/**/*.ts"]
output: generated
generators:
  validate: {}
  mock: {}
`;

let root: string;

describe('what no mock can build is a warning, and the run goes on', () => {
  beforeAll(() => {
    root = makeProject('mock-unbuildable-warnings', { 'input/types.ts': SOURCE, 'codegen.config.yaml': CONFIG });
  });
  afterAll(() => removeProject(root));

  it('check reports one located CG5001 warning per unbuildable part, and no error', () => {
    const { model, diagnostics } = analyze({ rootDir: root, files: [join(root, 'input/types.ts')], defaultGenerators: ['mock'], knownGenerators: ['mock'], displayRoot: root });
    expect(diagnostics.filter((entry) => entry.severity === 'error')).toEqual([]);
    const found = mockGenerator.check!(model, { split: 'file', seed: 42, maxDepth: 3 }, CONTEXT);
    expect(found.map(({ code, severity, file, line }) => ({ code, severity, file, line }))).toEqual(
      EXPECTED.map(({ line }) => ({ code: 'CG5001', severity: 'warning', file: 'input/types.ts', line })),
    );
    EXPECTED.forEach(({ label, why }, i) => {
      expect(found[i]!.message).toContain(`mock cannot build ${label}: `);
      expect(found[i]!.message).toContain(why);
      expect(found[i]!.message).toContain('the mocks that hold it throw when called');
    });
  });

  it('generate exits 0 with the warnings, and what it writes compiles under tsc --strict', async () => {
    let output = '';
    const writer = { write: (text: string) => void (output += text), isTTY: false };
    const exitCode = await main(['generate'], { cwd: root, env: { ...process.env, NO_COLOR: '1' }, stdout: writer, stderr: writer });
    expect(output).not.toMatch(/error CG/);
    expect(exitCode, output).toBe(0);
    for (const { line } of EXPECTED) expect(output).toContain(`input/types.ts:${line}:`);
    expect(output.match(/warning CG5001/g)?.length).toBe(EXPECTED.length);
    expect(existsSync(join(root, 'generated/types.mock.ts'))).toBe(true);
    expect(await typecheck(root)).toBe('');
  }, 120_000);

  it('the other mocks pass their validators; the unbuildable ones throw, naming the member', async () => {
    const url = (file: string) => pathToFileURL(join(root, 'generated', file)).href;
    const exports = { ...(await import(url('types.validate.ts'))), ...(await import(url('types.mock.ts'))) } as Record<string, GeneratedFunction>;
    for (let seed = 0; seed < 50; seed++) expect(exports['isFine']!(exports['mockFine']!({}, { seed })), `seed ${seed}`).toBe(true);
    // An enum with no members is any number to TypeScript (analyzer 0ccace5): its mock is one, which isEmpty accepts.
    for (let seed = 0; seed < 20; seed++) {
      const empty = exports['mockEmpty']!({}, { seed });
      expect(typeof empty).toBe('number');
      expect(exports['isEmpty']!(empty)).toBe(true);
    }
    // The first property built throws; each member's thrower is in the file, naming it.
    expect(() => exports['mockHolder']!()).toThrow(/^No mock can be built for Holder\.longKey: its @pattern cannot be sampled/);
    const text = readFileSync(join(root, 'generated/types.mock.ts'), 'utf8');
    for (const { label } of EXPECTED) expect(text, label).toMatch(new RegExp(`cannotMock\\(\\s*"${label.replace('.', '\\.')}: `));
  }, 60_000);
});
