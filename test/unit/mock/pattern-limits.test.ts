/**
 * A `@pattern` beyond the sampler's limits is reported where it is written (CG5001, as for
 * other patterns that cannot be sampled) instead of hanging the plan phase; a long one within
 * the limits gets its samples.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyzer/index.js';
import { mockGenerator } from '../../../src/generators/mock/index.js';
import { makeProject, removeProject } from '../../helpers/workspace.js';
import { CONTEXT } from './helpers.js';

const SOURCE = `export interface Codes {
  /** @pattern ^x{4000}$ */
  long: string;
  /** @pattern ^(?:(?:x{1000}){1000})$ */
  nested: string;
  /** @pattern ^x{10001}$ */
  overLimit: string;
}
`;

const root = makeProject('pattern-limits', { 'input/codes.ts': SOURCE });
afterAll(() => removeProject(root));

describe('mock @pattern limits', () => {
  it('reports patterns whose shortest match exceeds the limit at their line, and samples the rest', () => {
    const { model } = analyze({ rootDir: root, files: [`${root}/input/codes.ts`], defaultGenerators: ['mock'], knownGenerators: ['mock'], displayRoot: root });
    const diagnostics = mockGenerator.check!(model, { split: 'file', seed: 42, maxDepth: 3 }, CONTEXT);
    expect(diagnostics.map(({ code, severity, file, line, message }) => ({ code, severity, file, line, message }))).toEqual([
      {
        code: 'CG5001',
        severity: 'warning',
        file: 'input/codes.ts',
        line: 5,
        message:
          "mock cannot build Codes.nested: its @pattern cannot be sampled (its shortest match has 1,000,000 characters, above the sampler's limit of 10,000); the mocks that hold it throw when called.",
      },
      {
        code: 'CG5001',
        severity: 'warning',
        file: 'input/codes.ts',
        line: 7,
        message:
          "mock cannot build Codes.overLimit: its @pattern cannot be sampled (its shortest match has 10,001 characters, above the sampler's limit of 10,000); the mocks that hold it throw when called.",
      },
    ]);
  });
});
