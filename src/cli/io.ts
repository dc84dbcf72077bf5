/**
 * Everything the CLI takes from the process that runs it, passed in rather than read from
 * `process`: the bin passes the real ones (process-io.ts), a test passes its own folder,
 * environment and writers, so the real CLI runs in-process with nothing shared between runs.
 */

/** One output stream of the CLI. */
export interface CliStream {
  /** Writes text as is (the CLI adds its own newlines). */
  write(text: string): void;
  /** The stream is an interactive terminal: colours by default, progress lines, code frames. */
  isTTY: boolean;
  /** A terminal's width in columns (help text is wrapped to it). */
  columns?: number;
  /** A terminal that shows colours (`tty.WriteStream#hasColors()`). */
  hasColors?: boolean;
}

/** The process the CLI runs in. */
export interface CliIo {
  /** Folder the command runs in; `--cwd` is resolved against it. Absolute. */
  cwd: string;
  /** Environment variables (`NO_COLOR`, `CODEGEN_CONFIG`, `${VAR}` in the config, …). */
  env: Record<string, string | undefined>;
  stdout: CliStream;
  stderr: CliStream;
}
