/** Runs the built `codegen` bin as a user would, capturing its output and exit code. */
import { spawn } from 'node:child_process';
import { BIN } from './paths.js';

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/**
 * Spawns `node bin/codegen.js ...args` in `cwd`, without colours unless `env` asks for them.
 * Asynchronous, so several CLI runs can proceed at once and the test worker stays responsive.
 */
export function runCli(args: string[], cwd: string, env: Record<string, string> = {}): Promise<CliResult> {
  const { FORCE_COLOR: _force, NO_COLOR: _noColor, ...inherited } = process.env;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      env: { ...inherited, NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ exitCode: code ?? -1, stdout, stderr });
    });
  });
}

/** Replaces what changes from run to run (durations) so output can be compared as text. */
export function normaliseOutput(text: string): string {
  // Durations vary from run to run; everything else must be byte-identical.

  return text.replace(/\bin \d+\.\d+s\b/g, "in <time>").replace(/\(\d+\.\d+s\)/g, "(<time>)").replace(/\d+ms\b/g, '<ms>').replace(/"durationMs": \d+/g, '"durationMs": 0');
}
