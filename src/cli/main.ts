/**
 * Entry point of the `codegen` bin: runs the program, maps usage errors to exit code 2 and
 * unexpected failures to one line (the stack only with -v). Never calls process.exit itself,
 * so pending output is flushed.
 */
import { CommanderError } from 'commander';
import { createProgram } from './program.js';
import { processOutput } from './output.js';

/** Runs the CLI with `argv` (without node and script) and resolves to the exit code. */
export async function main(argv: string[], env: Record<string, string | undefined> = process.env): Promise<number> {
  let exitCode = 0;
  const verbose = argv.includes('-v') || argv.includes('--verbose');
  const colorFlag = argv.includes('--no-color') ? false : argv.includes('--color') ? true : undefined;
  const output = processOutput({ flag: colorFlag, env });
  const program = createProgram({
    output: (color) => processOutput({ flag: color, env }),
    commanderOutput: {
      writeOut: (text) => output.out(text.replace(/\n$/, '')),
      writeErr: (text) => output.err(text.replace(/\n$/, '')),
      outputError: (text, write) => write(text.replace(/^error: /, `${output.errColors.red('error')} CG1009: `)),
    },
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
