/**
 * Formatting in worker threads (src/emit/format-pool.ts): many outputs waiting at once go to the
 * pool, and what comes back is byte for byte what the main thread's Prettier makes; a single
 * output (an edit) stays in-thread; a text Prettier rejects is reported as without the pool.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DiagnosticError } from '../../../src/diagnostics/index.js';
import { createFormatter, nodeFileSystem } from '../../../src/emit/index.js';

let project: string;
beforeEach(async () => {
  project = await mkdtemp(join(tmpdir(), 'codegen-format-pool-'));
  await writeFile(join(project, 'package.json'), '{ "name": "app", "private": true }\n');
});
afterEach(async () => {
  await rm(project, { recursive: true, force: true });
});

const formatterFor = (workers: boolean) => createFormatter({ projectRoot: project, format: 'auto', fs: nodeFileSystem, useCache: false, workers });

/** Unformatted generated-looking sources, each different. */
const sources = Array.from(
  { length: 24 },
  (_, n) => `export function isT${n}(value:unknown):value is {a:string}{return typeof value==='object'&&value!==null&&typeof (value as any).a==='string'&&${n}>=0}\nexport const names${n}=[${Array.from({ length: 30 }, (_, k) => `'name${k}'`).join(',')}]`,
);

describe('the format worker pool', () => {
  it.skipIf(availableParallelism() < 2)('formats many outputs in workers, identically to the main thread', async () => {
    const pooled = await formatterFor(true);
    const inThread = await formatterFor(false);
    const viaPool = await Promise.all(sources.map((source, n) => pooled.format(`src/generated/f${n}.ts`, source)));
    const viaMain = await Promise.all(sources.map((source, n) => inThread.format(`src/generated/f${n}.ts`, source)));
    expect(viaPool).toEqual(viaMain);
    expect(pooled.stats.inWorkers).toBeGreaterThan(0);
    expect(inThread.stats.inWorkers).toBe(0);
  });

  it('formats a single output in-thread', async () => {
    const formatter = await formatterFor(true);
    await formatter.format('src/generated/one.ts', sources[0]!);
    expect(formatter.stats).toEqual({ formatted: 1, cached: 0, inWorkers: 0 });
  });

  it.skipIf(availableParallelism() < 2)('reports a text Prettier rejects as CG3004, as the main thread does', async () => {
    const formatter = await formatterFor(true);
    const jobs = sources.map((source, n) => formatter.format(`src/generated/f${n}.ts`, n === 20 ? 'export const = ;' : source));
    const results = await Promise.allSettled(jobs);
    const failure = results[20];
    expect(failure?.status).toBe('rejected');
    const reason = (failure as PromiseRejectedResult).reason as DiagnosticError;
    expect(reason.diagnostics.map((d) => d.code)).toEqual(['CG3004']);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(23);
  });
});
