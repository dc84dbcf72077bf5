/**
 * Runs the `codegen` CLI as a user would, capturing its output and exit code: either the built
 * bin in a child process (`runCli`), or the same built CLI in this process (`runCliInProcess`),
 * through its programmatic entry `main(argv, io)` with the test's folder, environment and writers.
 *
 * In-process is the default for e2e cases: a spawn costs a second or more of start-up
 * (TypeScript, ts-morph, Prettier), an in-process run only its own work. Tests about the process
 * itself (exit by signal, closed pipes, the bin's exit code) spawn.
 */
import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { BIN, REPO_ROOT } from './paths.js';

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** The environment of a test's CLI run: the test process's, without its colour settings, then NO_COLOR and `env`. */
function cliEnv(env: Record<string, string>): Record<string, string | undefined> {
  const { FORCE_COLOR: _force, NO_COLOR: _noColor, ...inherited } = process.env;
  return { ...inherited, NO_COLOR: '1', ...env };
}

/**
 * Spawns `node bin/codegen.js ...args` in `cwd`, without colours unless `env` asks for them.
 * Asynchronous, so several CLI runs can proceed at once and the test worker stays responsive.
 * A run killed by a signal has exit code -1.
 */
export function runCli(args: string[], cwd: string, env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: cliEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
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

type Main = (argv: string[], io: import('../../src/cli/io.js').CliIo) => Promise<number>;
let loading: Promise<Main> | undefined;

/**
 * The built CLI's `main` (dist/, as the bin runs it; vitest.config.ts leaves dist/ to Node's own
 * loader, so plugins and the project's Prettier are imported exactly as in the bin).
 */
function builtMain(): Promise<Main> {
  loading ??= import(pathToFileURL(join(REPO_ROOT, 'dist', 'cli', 'main.js')).href).then((module: { main: Main }) => module.main);
  return loading;
}

/**
 * Runs `codegen ...args` in this process, as if started in `cwd` with `env` (on top of this
 * process's environment, colours off, as `runCli`), its streams not terminals. Same result as
 * `runCli`, at a fraction of the cost. Never set CODEGEN_TEST_CRASH_AT here: it kills the process.
 */
export async function runCliInProcess(args: string[], cwd: string, env: Record<string, string> = {}): Promise<CliResult> {
  if (env['CODEGEN_TEST_CRASH_AT']) throw new Error('CODEGEN_TEST_CRASH_AT kills the process it runs in: use runCli');
  const main = await builtMain();
  let stdout = '';
  let stderr = '';
  const exitCode = await main(args, {
    cwd,
    env: cliEnv(env),
    stdout: { write: (text) => void (stdout += text), isTTY: false },
    stderr: { write: (text) => void (stderr += text), isTTY: false },
  });
  return { exitCode, stdout, stderr };
}

/**
 * As `runCliInProcess`, with stderr written into stdout as it comes, as a shell's `2>&1` does:
 * `output` holds both streams in the order the CLI wrote them.
 */
export async function runCliInProcessMerged(args: string[], cwd: string, env: Record<string, string> = {}): Promise<{ exitCode: number; output: string }> {
  const main = await builtMain();
  let output = '';
  const writer = { write: (text: string) => void (output += text), isTTY: false };
  const exitCode = await main(args, { cwd, env: cliEnv(env), stdout: writer, stderr: writer });
  return { exitCode, output };
}

/**
 * Runs `run` with Prettier's worker pool as a user gets it (on with two cores or more):
 * vitest.config.ts turns the pool off for the suite (CODEGEN_FORMAT_WORKERS=0), and the formatter
 * reads the variable from this process. Only for tests whose file runs nothing else meanwhile.
 */
export async function withFormatWorkers<T>(run: () => Promise<T>): Promise<T> {
  const saved = process.env['CODEGEN_FORMAT_WORKERS'];
  delete process.env['CODEGEN_FORMAT_WORKERS'];
  try {
    return await run();
  } finally {
    if (saved !== undefined) process.env['CODEGEN_FORMAT_WORKERS'] = saved;
  }
}

/** Replaces what changes from run to run (durations) so output can be compared as text. */
export function normaliseOutput(text: string): string {
  // Durations vary from run to run; everything else must be byte-identical.

  return text.replace(/\bin \d+\.\d+s\b/g, "in <time>").replace(/\(\d+\.\d+s\)/g, "(<time>)").replace(/\d+ms\b/g, '<ms>').replace(/"durationMs": \d+/g, '"durationMs": 0');
}
