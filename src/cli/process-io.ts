/**
 * The real process as the CLI's I/O: the only place in the CLI that reads `process.cwd()`,
 * `process.env` and the standard streams. bin/codegen.js passes this to `main`.
 */
import { closedSafeWriter } from './closed-streams.js';
import type { CliIo, CliStream } from './io.js';

/** This process's folder, environment and standard streams (writes to a closed pipe are dropped). */
export function processIo(): CliIo {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: terminalStream(process.stdout),
    stderr: terminalStream(process.stderr),
  };
}

function terminalStream(stream: NodeJS.WriteStream): CliStream {
  const isTTY = Boolean(stream.isTTY);
  return { write: closedSafeWriter(stream), isTTY, columns: isTTY ? stream.columns : undefined, hasColors: isTTY && stream.hasColors?.() === true };
}
