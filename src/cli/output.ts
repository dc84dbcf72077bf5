/**
 * The CLI's only way to the terminal: two streams and a colour decision. Tests pass their own
 * writers; nothing else in the CLI touches process.stdout/stderr.
 */
import pc from 'picocolors';
import { closedSafeWriter } from './closed-streams.js';

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

/** The real terminal; a stream whose reader has gone (`| head -2`) is written to no more (see closed-streams.ts). */
export function processOutput(preference: ColorPreference): Output {
  const stdoutTTY = Boolean(process.stdout.isTTY);
  const stderrTTY = Boolean(process.stderr.isTTY);
  const writeOut = closedSafeWriter(process.stdout);
  const writeErr = closedSafeWriter(process.stderr);
  return {
    out: (text) => writeOut(`${text}\n`),
    err: (text) => writeErr(`${text}\n`),
    errRaw: (text) => writeErr(text),
    colors: pc.createColors(wantsColor(stdoutTTY, preference)),
    errColors: pc.createColors(wantsColor(stderrTTY, preference)),
    interactive: stderrTTY,
  };
}
