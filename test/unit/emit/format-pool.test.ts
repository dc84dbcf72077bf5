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
import { createFormatPool } from '../../../src/emit/format-pool.js';
import { prettierModuleUrl } from '../../../src/emit/prettier-module.js';

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

  it('sends a worker several jobs ahead, so it goes on while the main thread is busy, each job with its own answer', async () => {
    const pool = createFormatPool(prettierModuleUrl(project)!, 1);
    try {
      const worker = pool.workers[0]!;
      let posted = 0;
      const post = worker.postMessage.bind(worker);
      worker.postMessage = (message: unknown) => {
        posted += 1;
        post(message);
      };
      const jobs = sources.slice(0, 5).map((source) => pool.format(source, { parser: 'typescript' }));
      // All five are with the worker before the main thread next waits (one at a time, it had one).
      expect(posted).toBe(5);
      const inThread = await formatterFor(false);
      const expected = await Promise.all(sources.slice(0, 5).map((source, n) => inThread.format(`src/generated/f${n}.ts`, source)));
      expect(await Promise.all(jobs)).toEqual(expected);
    } finally {
      await pool.close();
    }
  });

  it.skipIf(availableParallelism() < 2)('says when every output asked for is with Prettier, long before they are formatted', async () => {
    const formatter = await formatterFor(true);
    let done = false;
    const all = Promise.all(sources.map((source, n) => formatter.format(`src/generated/f${n}.ts`, source))).then(() => (done = true));
    await formatter.queued();
    expect(done).toBe(false);
    expect(formatter.stats.formatted).toBe(0);
    await all;
    await formatter.queued();
    await formatter.close();
  });

  it('formats a single output in-thread', async () => {
    const formatter = await formatterFor(true);
    await formatter.format('src/generated/one.ts', sources[0]!);
    expect(formatter.stats).toEqual({ formatted: 1, cached: 0, inWorkers: 0 });
  });

  it.skipIf(availableParallelism() < 2)('starts the pool ahead of the outputs when the run formats everything afresh (a cold run: no format cache)', async () => {
    const cold = await createFormatter({ projectRoot: project, format: 'auto', fs: nodeFileSystem, workers: true });
    await cold.warmUp();
    await cold.format('src/generated/one.ts', sources[0]!);
    expect(cold.stats).toEqual({ formatted: 1, cached: 0, inWorkers: 1 });
    await cold.saveCache();
    await cold.close();

    // With a format cache, a run re-formats what changed: one output stays in-thread, as without warmUp.
    const warm = await createFormatter({ projectRoot: project, format: 'auto', fs: nodeFileSystem, workers: true });
    await warm.warmUp();
    await warm.format('src/generated/two.ts', sources[1]!);
    expect(warm.stats).toEqual({ formatted: 1, cached: 0, inWorkers: 0 });
    await warm.close();
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
