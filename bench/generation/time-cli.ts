/** Runs the built CLI as a user would, and measures the wall time of each run. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// This file runs from bench/.out/bench/generation/, four folders below the repository root.
const BIN = fileURLToPath(new URL('../../../../bin/codegen.js', import.meta.url));

/** One CLI run: its wall time and the summary line it printed. */
export interface CliRun {
  label: string;
  seconds: number;
  summary: string;
}

/** `node bin/codegen.js generate --cwd <root>`; throws with the CLI's output when it fails. */
export function timeGenerate(root: string, label: string): CliRun {
  const start = performance.now();
  const child = spawnSync(process.execPath, [BIN, 'generate', '--cwd', root, '--no-color'], { encoding: 'utf8' });
  const seconds = (performance.now() - start) / 1000;
  if (child.status !== 0) {
    throw new Error(`codegen generate failed in ${root} (exit ${child.status}):\n${child.stdout}${child.stderr}`);
  }
  const summary = child.stdout.trim().split('\n').at(-1) ?? '';
  return { label, seconds, summary };
}
