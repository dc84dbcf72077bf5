/**
 * A one-line progress indicator on stderr for long runs (`analyzing…`, `formatting 12/40`),
 * only on an interactive terminal and never with --quiet or --json; cleared before results print.
 */
import type { Progress, ProgressListener } from '../pipeline/timings.js';

const VERBS: Record<Progress['phase'], string> = {
  config: 'loading config',
  analyze: 'analyzing sources',
  plan: 'planning',
  render: 'rendering',
  format: 'formatting',
  emit: 'writing',
};

export interface ProgressLine {
  listener: ProgressListener | undefined;
  clear(): void;
}

/** A progress line writing to `write` (raw, no newline), or a no-op when not wanted. */
export function progressLine(enabled: boolean, write: (text: string) => void): ProgressLine {
  if (!enabled) return { listener: undefined, clear: () => undefined };
  let shown = false;
  return {
    listener: (progress) => {
      const count = progress.total > 1 ? ` ${progress.done + 1}/${progress.total}` : '';
      write(`\r\x1b[2K${VERBS[progress.phase]}${count}…`);
      shown = true;
    },
    clear: () => {
      if (shown) write('\r\x1b[2K');
      shown = false;
    },
  };
}
