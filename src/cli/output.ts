/**
 * The CLI's only way to the terminal: two streams and a colour decision. The streams come from
 * `CliIo` (the real ones from process-io.ts, or a test's writers); nothing in the CLI touches
 * process.stdout/stderr.
 */
import pc from 'picocolors';
import type { CliIo } from './io.js';

export type Colors = ReturnType<typeof pc.createColors>;

export interface Output {
  out(text: string): void;
  err(text: string): void;
  /** Writes to stderr as is (no newline): progress lines that rewrite themselves. */
  errRaw(text: string): void;
  /** Colours for stdout / stderr respectively (each on only when that stream wants it). */
  colors: Colors;
  errColors: Colors;
  /** stderr is an interactive terminal (code frames, progress). */
  interactive: boolean;
}

export interface ColorPreference {
  /** `--color` (true) / `--no-color` (false); undefined when not given. */
  flag?: boolean;
  env: Record<string, string | undefined>;
}

/** Colour only where the stream is a terminal, unless a flag, NO_COLOR or FORCE_COLOR says otherwise. */
export function wantsColor(isTTY: boolean, preference: ColorPreference): boolean {
  if (preference.flag !== undefined) return preference.flag;
  if (preference.env['NO_COLOR'] !== undefined && preference.env['NO_COLOR'] !== '') return false;
  const force = preference.env['FORCE_COLOR'];
  if (force !== undefined) return force !== '0' && force !== 'false';
  return isTTY;
}

/** The output of one CLI run on `io`'s streams, coloured where each stream wants it. */
export function streamOutput(io: Pick<CliIo, 'stdout' | 'stderr'>, preference: ColorPreference): Output {
  const { stdout, stderr } = io;
  return {
    out: (text) => stdout.write(`${text}\n`),
    err: (text) => stderr.write(`${text}\n`),
    errRaw: (text) => stderr.write(text),
    colors: pc.createColors(wantsColor(stdout.isTTY, preference)),
    errColors: pc.createColors(wantsColor(stderr.isTTY, preference)),
    interactive: stderr.isTTY,
  };
}
