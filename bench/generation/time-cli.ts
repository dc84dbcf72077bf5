/** Runs the built CLI (or the walk) as a user would, and measures each run's wall time and peak memory. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// This file runs from bench/.out/bench/generation/, four folders below the repository root.
// BENCH_CODEGEN_BIN points at another build (e.g. the previous commit's) to compare.
const BIN = process.env.BENCH_CODEGEN_BIN ?? fileURLToPath(new URL('../../../../bin/codegen.js', import.meta.url));
const PEAK_RSS = new URL('./peak-rss.js', import.meta.url).href;
const WALK = fileURLToPath(new URL('./walk.js', import.meta.url));

/** One timed process: its wall time, peak RSS and the last line it printed. */
export interface CliRun {
  label: string;
  seconds: number;
  /** Peak resident set size in bytes (worker threads included). */
  peakBytes: number;
  /** CPU time (user + system, all threads): far less moved by other load on the machine than wall time. */
  cpuSeconds: number;
  summary: string;
  /** `config 40ms, analyze 900ms, …` when the CLI ran with `-v`. */
  phases: string;
}

/** `node bin/codegen.js generate --cwd <root> [args]`; throws with the CLI's output when it fails. */
export function timeGenerate(root: string, label: string, args: readonly string[] = []): CliRun {
  return timeNode([BIN, 'generate', '--cwd', root, '--no-color', ...args], label);
}

/** The bare ts-morph walk (walk.ts) over the files listed in `listFile`. */
export function timeWalk(tsconfig: string, listFile: string, label: string): CliRun {
  return timeNode([WALK, tsconfig, '--list', listFile], label);
}

function timeNode(args: readonly string[], label: string): CliRun {
  const scratch = mkdtempSync(join(tmpdir(), 'codegen-rss-'));
  const rssFile = join(scratch, 'rss');
  try {
    const start = performance.now();
    const child = spawnSync(process.execPath, ['--import', PEAK_RSS, ...args], {
      encoding: 'utf8',
      env: { ...process.env, BENCH_RSS_FILE: rssFile },
      maxBuffer: 64 * 1024 * 1024,
    });
    const seconds = (performance.now() - start) / 1000;
    if (child.status !== 0) throw new Error(`${label} failed (exit ${child.status}):\n${child.stdout.slice(-4000)}${child.stderr.slice(-4000)}`);
    const summary = child.stdout.trim().split('\n').at(-1) ?? '';
    const phases = /phases: (.*)/.exec(child.stderr)?.[1] ?? '';
    const usage = JSON.parse(readFileSync(rssFile, 'utf8')) as { peakBytes: number; cpuSeconds: number };
    return { label, seconds, ...usage, summary, phases };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
