/**
 * Watch mode's rebuild latency: the built watch API (dist/watch) on a project written into a
 * temporary folder; after the first full build, `edits` times one model file gets a new
 * interface, and each time we measure from the write to the build being done (its outputs
 * written), the CPU time the process spent meanwhile (all threads: a shared machine moves wall
 * time far more than CPU time), and the build's own time (without the debounce). Prints the medians.
 */
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The part of dist/watch this bench uses (kept local: the bench never compiles src/). */
export interface WatchApi {
  /** The quiet period when the config sets no `debounce` (absent from builds older than its export). */
  DEFAULT_DEBOUNCE_MS?: number;
  startWatch(options: { cwd: string; env?: Record<string, string | undefined>; debounceMs?: number }): {
    ready: Promise<WatchBuild>;
    nextBuild(): Promise<WatchBuild>;
    close(): Promise<void>;
  };
}
interface WatchBuild {
  changed: string[];
  result: {
    exitCode: number;
    durationMs: number;
    projects: { written: string[] }[];
    reuse?: { rendered: number; reusedRenders: number };
    timings: Partial<Record<string, number>>;
  };
}

// This file runs from bench/.out/bench/generation/, four folders below the repository root.
const WATCH_MODULE = new URL('../../../../dist/watch/index.js', import.meta.url).href;

export interface WatchBenchProject {
  name: string;
  /** Writes the project into the empty folder `root`. */
  write: (root: string) => void;
  /** The model file the edits change, relative to the project. */
  editedFile: string;
}

export interface WatchLatency {
  /** Median ms from the write to the build done (debounce included). */
  wallMs: number;
  /** Median ms of the build itself. */
  buildMs: number;
  /** Median CPU ms (user + system, every thread of the process) from the write to the build done. */
  cpuMs: number;
  firstBuildMs: number;
  /** Median ms of each phase of the builds (analyze, plan, render, format, emit), to see where a rebuild goes. */
  phases: Record<string, number>;
  debounceMs: number;
  edits: number;
}

export interface WatchBenchOptions {
  /** Default 10. */
  edits?: number;
  /** Default: the config's `debounce` (the timed build's DEFAULT_DEBOUNCE_MS: the synthetic config sets none). */
  debounceMs?: number;
  /** Default: the built one, dist/watch. */
  api?: WatchApi;
}

/** Measures `edits` rebuilds of `project`, each an interface appended to its edited file. */
export async function measureWatch(project: WatchBenchProject, options: WatchBenchOptions = {}): Promise<WatchLatency> {
  const { edits = 10, debounceMs } = options;
  const api = options.api ?? ((await import(WATCH_MODULE)) as WatchApi);
  const { startWatch } = api;
  const root = mkdtempSync(join(tmpdir(), 'codegen-watch-bench-'));
  try {
    project.write(root);
    const watching = startWatch({ cwd: root, env: {}, ...(debounceMs === undefined ? {} : { debounceMs }) });
    const first = await watching.ready;
    if (first.result.exitCode !== 0) throw new Error(`the first build failed (exit ${first.result.exitCode})`);
    const walls: number[] = [];
    const builds: number[] = [];
    const cpus: number[] = [];
    const phases = new Map<string, number[]>();
    for (let edit = 0; edit < edits; edit++) {
      const next = watching.nextBuild();
      const start = performance.now();
      const cpuStart = process.cpuUsage();
      appendFileSync(join(root, project.editedFile), `\n/** Added by the watch bench. */\nexport interface WatchEdit${edit} {\n  /** @minLength ${edit + 1} */\n  value: string;\n}\n`);
      const build = await next;
      walls.push(performance.now() - start);
      const cpu = process.cpuUsage(cpuStart);
      cpus.push((cpu.user + cpu.system) / 1000);
      builds.push(build.result.durationMs);
      for (const [phase, ms] of Object.entries(build.result.timings)) phases.set(phase, [...(phases.get(phase) ?? []), ms ?? 0]);
      const written = build.result.projects.reduce((sum, each) => sum + each.written.length, 0);
      if (build.result.exitCode !== 0 || written === 0) throw new Error(`edit ${edit}: exit ${build.result.exitCode}, ${written} files written`);
    }
    await watching.close();
    return { wallMs: median(walls), buildMs: median(builds), cpuMs: median(cpus), firstBuildMs: first.result.durationMs, phases: Object.fromEntries([...phases].map(([phase, values]) => [phase, median(values)])), debounceMs: debounceMs ?? api.DEFAULT_DEBOUNCE_MS ?? Number.NaN, edits };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** One line for the generation table: `watch: one edited file → outputs written, median of N`. */
export async function benchWatch(print: (line: string) => void, project: WatchBenchProject): Promise<void> {
  // BENCH_WATCH_DEBOUNCE=25 measures with a configured `debounce` instead of the default (printed either way).
  const configured = process.env.BENCH_WATCH_DEBOUNCE;
  const latency = await measureWatch(project, configured ? { debounceMs: Number(configured) } : {});
  print(
    `  watch (${project.name}): one edited model file → outputs written, median of ${latency.edits}: ` +
      `${Math.round(latency.wallMs)} ms from the save (${latency.debounceMs} ms of it debounce), build ${Math.round(latency.buildMs)} ms, ` +
      `CPU ${Math.round(latency.cpuMs)} ms ` +
      `(target ≤ 200 ms); first full build ${(latency.firstBuildMs / 1000).toFixed(1)} s; ` +
      `median per phase: ${Object.entries(latency.phases).map(([phase, ms]) => `${phase} ${Math.round(ms)} ms`).join(', ')}`,
  );
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
