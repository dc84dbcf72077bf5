/**
 * Entry point of the `codegen` bin: runs the program, maps usage errors to exit code 2 and
 * unexpected failures to one line (the stack only with -v). Never calls process.exit itself,
 * so pending output is flushed.
 *
 * Everything it needs from the process (working folder, environment, the two streams) comes in
 * `io`: bin/codegen.js passes the real process (`processIo()`), a test its own folder and
 * writers, so the same CLI runs in-process with nothing of one run leaking into the next.
 */
import { CommanderError } from 'commander';
import { withCrashPoints } from '../emit/crash-point.js';
import type { CliIo } from './io.js';
import { streamOutput } from './output.js';
import { createProgram } from './program.js';

export type { CliIo, CliStream } from './io.js';

/** Runs the CLI with `argv` (without node and script) on `io` and resolves to the exit code. */
export function main(argv: string[], io: CliIo): Promise<number> {
  // The test-only kill hook reads this run's environment, not the process's (crash-point.ts).
  return withCrashPoints(io.env, () => runProgram(argv, io));
}

async function runProgram(argv: string[], io: CliIo): Promise<number> {
  const { env } = io;
  let exitCode = 0;
  const verbose = argv.includes('-v') || argv.includes('--verbose');
  const colorFlag = argv.includes('--no-color') ? false : argv.includes('--color') ? true : undefined;
  const output = streamOutput(io, { flag: colorFlag, env });
  const program = createProgram({
    output: (color) => streamOutput(io, { flag: color, env }),
    commanderOutput: {
      writeOut: (text) => output.out(text.replace(/\n$/, '')),
      writeErr: (text) => output.err(text.replace(/\n$/, '')),
      outputError: (text, write) => write(text.replace(/^error: /, `${output.errColors.red('error')} CG1009: `)),
      // What commander would read from process.stdout/stderr and process.env, from `io` instead.
      // (undefined, off a terminal, is what commander's own default gives: its Help then uses 80.)
      getOutHelpWidth: () => io.stdout.columns as number,
      getErrHelpWidth: () => io.stderr.columns as number,
      getOutHasColors: () => commanderColors(env, io.stdout),
      getErrHasColors: () => commanderColors(env, io.stderr),
    },
    cwd: io.cwd,
    env,
    setExitCode: (code) => {
      exitCode = code;
    },
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 0;
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    output.err(`${output.errColors.red('error')} CG5003: Unexpected internal error: ${message}`);
    if (verbose && error instanceof Error && error.stack) output.err(error.stack);
    else output.err('  hint: run again with -v for the stack trace, and report it.');
    return 2;
  }
}

/**
 * Whether commander keeps colour codes in what it writes to `stream` (it strips them otherwise):
 * commander's own rule (its `useColor`: NO_COLOR, FORCE_COLOR, CLICOLOR_FORCE, else a terminal
 * with colours), applied to this run's environment and stream rather than the process's.
 */
function commanderColors(env: CliIo['env'], stream: CliIo['stdout']): boolean {
  if (env['NO_COLOR'] || env['FORCE_COLOR'] === '0' || env['FORCE_COLOR'] === 'false') return false;
  if (env['FORCE_COLOR'] || env['CLICOLOR_FORCE'] !== undefined) return true;
  return stream.isTTY && stream.hasColors === true;
}
