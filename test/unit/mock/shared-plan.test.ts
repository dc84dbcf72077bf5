/**
 * `check` and `plan` of the mock generator plan once per build: the plan `check` made is given to
 * `plan` when both are asked about the same model, with the same context and options. Anything
 * else plans afresh: these would fail if the shared plan were handed out beyond that.
 */
import { join, resolve } from 'node:path';
import { globSync } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyzer/index.js';
import type { PlanContext } from '../../../src/generators/kit/contract.js';
import { mockGenerator } from '../../../src/generators/mock/index.js';
import type { Model } from '../../../src/model/types.js';
import { CONTEXT } from './helpers.js';

const ROOT = resolve('test/fixtures/mock-extreme/finite');

function model(): Model {
  const files = globSync('input/*.ts', { cwd: ROOT, absolute: true });
  return analyze({ rootDir: ROOT, files, defaultGenerators: ['mock'], knownGenerators: ['mock'], displayRoot: ROOT }).model;
}

const options = (seed: number) => ({ split: 'file' as const, seed, maxDepth: 3 });
/** What a plan says, as text: the runtime's seed and each file's imports live in its data. */
const planText = (m: Model, seed: number, context: PlanContext) => JSON.stringify(mockGenerator.plan(m, options(seed), context));

describe('the mock plan shared by check and plan', () => {
  it('is the plan made afresh for the same model, context and options', () => {
    const shared = model();
    const context = { ...CONTEXT };
    mockGenerator.check!(shared, options(42), context);
    expect(planText(shared, 42, context)).toBe(planText(model(), 42, { ...CONTEXT }));
  });

  it('is not given for other options', () => {
    const shared = model();
    const context = { ...CONTEXT };
    mockGenerator.check!(shared, options(42), context);
    const plan = mockGenerator.plan(shared, options(7), context);
    const runtime = plan.find((file) => file.path === 'mocking.ts');
    expect((runtime?.data as { seed?: number } | undefined)?.seed).toBe(7);
  });

  it('is not given for another context', () => {
    const shared = model();
    mockGenerator.check!(shared, options(42), { ...CONTEXT });
    // Another input root: the files' paths are another folder's.
    const other = { ...CONTEXT, inputRoot: '.' };
    const text = planText(shared, 42, other);
    expect(text).toBe(planText(model(), 42, { ...other }));
    expect(text).not.toBe(planText(model(), 42, { ...CONTEXT }));
  });
});
