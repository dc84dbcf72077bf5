/**
 * The layout printer as the formatter and its worker threads call it: TypeScript loaded on first
 * use, and any failure of the printer itself (a bug, not a text it does not support) read as "not
 * printed", so Prettier formats the text as it would have without the printer.
 */
import type { ts as Ts } from 'ts-morph';
import type { DocModule } from './context.js';
import { printLayout } from './index.js';
import type { LayoutOptions } from './options.js';

let typescript: Promise<typeof Ts> | undefined;

/** Starts loading TypeScript now: a worker started ahead of its texts (format-pool.ts `preload`) loads it while it waits. */
export function preload(): void {
  typescript ??= import('ts-morph').then((module) => module.ts);
}

/** Prettier's output for `text` under `options`, printed with `doc` (the Prettier's own doc module), or undefined. */
export async function printWithLayout(text: string, options: LayoutOptions, doc: DocModule): Promise<string | undefined> {
  preload();
  const ts = await typescript!;
  try {
    return printLayout(text, options, { ts, doc });
  } catch {
    return undefined;
  }
}
