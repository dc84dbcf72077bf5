/** When watch mode builds, with a hand-driven timer: batching, no overlap, one queued re-run. */
import { describe, expect, it } from 'vitest';
import { createRebuildQueue, type Timer } from '../../../src/watch/rebuild-queue.js';

/** A timer whose callbacks run when the test says so. */
function manualTimer(): Timer & { fire(): void; pending(): number } {
  const due = new Map<number, () => void>();
  let next = 0;
  return {
    set(run) {
      due.set(++next, run);
      return next;
    },
    clear: (handle) => void due.delete(handle as number),
    fire() {
      const runs = [...due.values()];
      due.clear();
      for (const run of runs) run();
    },
    pending: () => due.size,
  };
}

/** A build that records its files and finishes when told to. */
function controlledBuilds() {
  const calls: string[][] = [];
  const finishers: (() => void)[] = [];
  const build = (files: string[]) => {
    calls.push(files);
    return new Promise<void>((resolve) => finishers.push(resolve));
  };
  const finish = async () => {
    finishers.shift()!();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { calls, build, finish };
}

describe('rebuild queue', () => {
  it('waits for the changes to settle, then builds once with all of them, sorted and each once', () => {
    const timer = manualTimer();
    const { calls, build } = controlledBuilds();
    const queue = createRebuildQueue(build, () => 150, timer);
    queue.add('/p/b.ts');
    queue.add('/p/a.ts');
    queue.add('/p/b.ts');
    expect(calls).toEqual([]);
    expect(timer.pending()).toBe(1); // each change restarted the one quiet period
    timer.fire();
    expect(calls).toEqual([['/p/a.ts', '/p/b.ts']]);
  });

  it('queues changes made during a build into exactly one more build after it', async () => {
    const timer = manualTimer();
    const { calls, build, finish } = controlledBuilds();
    const queue = createRebuildQueue(build, () => 150, timer);
    queue.add('/p/a.ts');
    timer.fire();
    queue.add('/p/b.ts');
    queue.add('/p/c.ts');
    expect(timer.pending()).toBe(0); // no build starts while one runs
    await finish();
    expect(timer.pending()).toBe(1);
    timer.fire();
    expect(calls).toEqual([['/p/a.ts'], ['/p/b.ts', '/p/c.ts']]);
    await finish();
    expect(timer.pending()).toBe(0);
  });

  it('holds changes seen during the first build (run through exclusive) for one build after it, and hands back its value', async () => {
    const timer = manualTimer();
    const { calls, build } = controlledBuilds();
    const queue = createRebuildQueue(build, () => 150, timer);
    let finishFirst!: () => void;
    const first = queue.exclusive(() => new Promise<string>((resolve) => (finishFirst = () => resolve('first'))));
    queue.add('/p/a.ts');
    expect(timer.pending()).toBe(0); // nothing is due while the first build runs
    expect(calls).toEqual([]);
    finishFirst();
    expect(await first).toBe('first');
    await new Promise((resolve) => setImmediate(resolve));
    expect(timer.pending()).toBe(1);
    timer.fire();
    expect(calls).toEqual([['/p/a.ts']]);
  });

  it('keeps building after a build fails', async () => {
    const timer = manualTimer();
    const calls: string[][] = [];
    const queue = createRebuildQueue(async (files) => {
      calls.push(files);
      throw new Error('boom');
    }, () => 0, timer);
    queue.add('/p/a.ts');
    timer.fire();
    await new Promise((resolve) => setImmediate(resolve));
    queue.add('/p/b.ts');
    timer.fire();
    expect(calls).toEqual([['/p/a.ts'], ['/p/b.ts']]);
  });

  it('stops: waits for the running build, drops what was queued and builds nothing more', async () => {
    const timer = manualTimer();
    const { calls, build, finish } = controlledBuilds();
    const queue = createRebuildQueue(build, () => 150, timer);
    queue.add('/p/a.ts');
    timer.fire();
    queue.add('/p/b.ts');
    let stopped = false;
    const stopping = queue.stop().then(() => (stopped = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(stopped).toBe(false);
    await finish();
    await stopping;
    queue.add('/p/c.ts');
    expect(timer.pending()).toBe(0);
    expect(calls).toEqual([['/p/a.ts']]);
  });
});
