/**
 * `codegen generate --watch` (alias `codegen watch`): prints each build of the watch API, and
 * stops on SIGINT (exit 130) or SIGTERM (exit 143) once the build in progress has finished its
 * commit or given up before writing, so no output is left half-written.
 */
import type { RunResult } from '../pipeline/run.js';
import { posixRelative } from '../config/paths.js';
import { startWatch, type WatchBuild } from '../watch/index.js';
import { report, type CommandContext } from './commands.js';
import { foldersOf, formatRun, formatSummary } from './run-report.js';

export type StopSignal = 'SIGINT' | 'SIGTERM';

/** Exit codes by signal: 128 + the signal's number, as shells report a process the signal ended. */
const EXIT_CODES: Record<StopSignal, number> = { SIGINT: 130, SIGTERM: 143 };

/** Resolves with the first SIGINT or SIGTERM; a second one gets Node's default (ends at once). */
function processStop(): Promise<StopSignal> {
  return new Promise((resolve) => {
    const stop = (signal: StopSignal) => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      resolve(signal);
    };
    const onInt = () => stop('SIGINT');
    const onTerm = () => stop('SIGTERM');
    process.once('SIGINT', onInt);
    process.once('SIGTERM', onTerm);
  });
}

/** Watches until stopped; resolves to the exit code. `stopped` is for tests: the process's signals by default. */
export async function watchCommand(
  projects: string[],
  poll: boolean,
  context: CommandContext,
  stopped: Promise<StopSignal> = processStop(),
): Promise<number> {
  const { options, output } = context;
  const handle = startWatch({
    cwd: options.cwd,
    config: options.config,
    only: options.only,
    types: options.types,
    projects,
    force: options.force,
    format: options.format,
    prune: options.prune,
    strict: options.strict,
    env: context.env,
    poll,
    onBuild: (build) => printBuild(build, context),
    onError: (error) => output.err(`${output.errColors.yellow('warning')} watching: ${error.message}`),
  });
  // Watching that could not start (no file watches left…) ends the command instead of waiting for a signal forever.
  const failed = handle.ready.then(
    () => new Promise<never>(() => undefined),
    (error: unknown) => error,
  );
  const stop = await Promise.race([stopped.then((signal) => ({ signal })), failed.then((error) => ({ error }))]);
  if ('error' in stop) {
    const message = stop.error instanceof Error ? stop.error.message : String(stop.error);
    output.err(`${output.errColors.red('error')} CG5003: watch mode could not start: ${message}`);
    await handle.close();
    return 2;
  }
  if (!options.json && !options.quiet) output.err(output.errColors.dim('stopping: the build in progress finishes or writes nothing…'));
  await handle.close();
  return EXIT_CODES[stop.signal];
}

function printBuild(build: WatchBuild, context: CommandContext): void {
  const { options, output } = context;
  const { result } = build;
  if (options.json) {
    output.out(JSON.stringify(buildLine(build, options.cwd)));
    return;
  }
  if (build.number > 1 && !options.quiet) output.out(output.colors.dim(`changed: ${build.changed.join(', ')}`));
  for (const line of formatRun(result, { cwd: options.cwd, colors: output.colors, verbose: options.verbose, quiet: options.quiet, diff: false })) output.out(line);
  report(result.diagnostics, context);
  if (!options.quiet) {
    const summary = result.exitCode === 0 ? formatSummary(result, output.colors) : `${output.colors.red('✗')} build failed; the last good output is kept`;
    output.out(`${summary}${build.number === 1 ? '' : ` (rebuild ${build.number - 1})`}; watching for changes (Ctrl-C to stop)`);
  }
}

/** One NDJSON line per build: the fields docs/cli.md lists under Watch. */
export function buildLine(build: WatchBuild, cwd: string): Record<string, unknown> {
  const { result } = build;
  // What was done, not what was planned: a failed build writes nothing.
  const done = (action: 'create' | 'update' | 'delete') =>
    result.projects.flatMap(foldersOf).flatMap((folder) => {
      const touched = new Set([...folder.written, ...folder.deleted]);
      return folder.plan.entries.filter((entry) => entry.action === action && touched.has(entry.path)).map((entry) => posixRelative(cwd, entry.absolutePath));
    });
  const unchanged = result.projects.reduce((sum, project) => sum + project.plan.entries.filter((entry) => entry.action === 'unchanged').length, 0);
  return {
    type: 'build',
    build: build.number,
    changed: build.changed,
    exitCode: result.exitCode,
    durationMs: Math.round(result.durationMs),
    created: done('create'),
    updated: done('update'),
    deleted: done('delete'),
    unchanged,
    ...(result.reuse ? { rendered: result.reuse.rendered, reused: result.reuse.reusedRenders } : {}),
    errors: countOf(result, 'error'),
    warnings: countOf(result, 'warning'),
    diagnostics: result.diagnostics,
  };
}

function countOf(result: RunResult, severity: 'error' | 'warning'): number {
  return result.diagnostics.filter((d) => d.severity === severity).length;
}
