/** What `generate`, `--dry-run` and `check` print about files, and the summary line. */
import { posix } from 'node:path';
import type { EmitEntry, EmitPlan } from '../emit/index.js';
import { unifiedDiff } from '../emit/index.js';
import { posixRelative } from '../config/paths.js';
import type { ProjectRun, RunResult } from '../pipeline/run.js';
import type { Colors } from './output.js';

export interface RunReportOptions {
  cwd: string;
  colors: Colors;
  verbose: boolean;
  quiet: boolean;
  diff: boolean;
}

const DONE_VERB: Partial<Record<EmitEntry['action'], string>> = {
  create: 'created',
  update: 'updated',
  delete: 'deleted',
  unchanged: 'unchanged',
  protected: 'protected',
  'hand-edited': 'hand-edited',
  keep: 'kept',
};

const PLAN_VERB: Partial<Record<EmitEntry['action'], string>> = {
  create: 'create',
  update: 'update',
  delete: 'delete',
  unchanged: 'unchanged',
  protected: 'protected',
  'hand-edited': 'hand-edited',
  keep: 'keep',
};

/** One line per file that changed (every file with `verbose`), and diffs for `--dry-run` (unless `--stat`). */
export function formatRun(result: RunResult, options: RunReportOptions): string[] {
  // A failed write wrote nothing, so there is nothing to list; check lists its findings as diagnostics.
  if (options.quiet || result.mode === 'check' || (result.mode === 'write' && result.exitCode !== 0)) return [];
  const lines: string[] = [];
  const verbs = result.mode === 'dry-run' ? PLAN_VERB : DONE_VERB;
  for (const { outputDir: folder, plan } of result.projects.flatMap(foldersOf)) {
    const outputDir = posixRelative(options.cwd, folder);
    for (const entry of plan.entries) {
      // Files a run leaves alone (unchanged, or outside --only/--type) are listed only with -v.
      if ((entry.action === 'unchanged' || entry.action === 'keep') && !options.verbose) continue;
      const verb = verbs[entry.action] ?? entry.action;
      lines.push(`${paint(entry.action, verb.padEnd(11), options.colors)} ${posix.join(outputDir, entry.path)}`);
      if (result.mode === 'dry-run' && options.diff && entry.action !== 'unchanged') {
        lines.push(...colorDiff(unifiedDiff(posix.join(outputDir, entry.path), entry.before, entry.after), options.colors));
      }
    }
  }
  return lines;
}

/** `✓ 3 created, 1 updated, 0 deleted, 12 unchanged in 0.84s`. */
export function formatSummary(result: RunResult, colors: Colors): string {
  const counts = { create: 0, update: 0, delete: 0, unchanged: 0 } as Record<string, number>;
  for (const { plan } of result.projects.flatMap(foldersOf)) {
    for (const entry of plan.entries) counts[entry.action] = (counts[entry.action] ?? 0) + 1;
  }
  const seconds = (result.durationMs / 1000).toFixed(2);
  if (result.mode === 'dry-run') {
    const plan = `${counts['create']} to create, ${counts['update']} to update, ${counts['delete']} to delete, ${counts['unchanged']} unchanged`;
    return `${colors.green('✓')} dry run: ${plan}; nothing written (${seconds}s)`;
  }
  const done = `${counts['create']} created, ${counts['update']} updated, ${counts['delete']} deleted, ${counts['unchanged']} unchanged`;
  return `${colors.green('✓')} ${done} in ${seconds}s`;
}

/** A project's output folder, then the folders it wrote before its `output` changed (their files deleted by the run). */
export function foldersOf(project: ProjectRun): { outputDir: string; plan: EmitPlan; written: string[]; deleted: string[] }[] {
  return [project, ...(project.previous ?? []).map((previous) => ({ ...previous, written: [] }))];
}

function paint(action: EmitEntry['action'], text: string, colors: Colors): string {
  switch (action) {
    case 'create':
      return colors.green(text);
    case 'update':
      return colors.yellow(text);
    case 'delete':
      return colors.red(text);
    case 'hand-edited':
    case 'protected':
    case 'keep':
      return colors.magenta(text);
    default:
      return colors.dim(text);
  }
}

/**
 * The closing lines of `check` when it fails: one per kind of finding, so a hand-edited file is
 * never called "out of date" (regenerating would lose the edit) and each line says how to proceed;
 * after an error (exit 2), one line saying that no verdict could be reached.
 */
export function formatCheckVerdict(result: RunResult): string[] {
  if (result.mode !== 'check') return [];
  // An error means the outputs could not all be examined: no verdict either way (never "up to date").
  if (result.exitCode === 2) return ['The generated files could not be checked: fix the errors reported above, then check again.'];
  if (result.exitCode !== 1) return [];
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  const handEdited = errors.filter((d) => d.code === 'CG4001').length;
  const interrupted = errors.some((d) => d.code === 'CG4010');
  const stale = errors.some((d) => d.code === 'CG4003' || d.code === 'CG4004' || d.code === 'CG4005');
  const lines: string[] = [];
  if (handEdited > 0) {
    const files = handEdited === 1 ? '1 generated file was' : `${handEdited} generated files were`;
    lines.push(
      `${files} edited by hand (CG4001): move the change into the source or a template and run \`codegen generate\`, or run \`codegen generate --force\` to overwrite it.`,
    );
  }
  if (interrupted) lines.push('A codegen run was interrupted (CG4010): run `codegen generate` to complete it, then check again.');
  if (stale && handEdited > 0) {
    // `generate` refuses to run over a hand edit, so that one comes first.
    lines.push(`Other generated files are out of date: once the hand edit${handEdited === 1 ? ' is' : 's are'} dealt with, run \`codegen generate\` and commit the result.`);
  } else if (stale || lines.length === 0) lines.push('Generated files are out of date: run `codegen generate` and commit the result.');
  return lines;
}

/** Colours a unified diff by line prefix. */
export function colorDiff(diff: string, colors: Colors): string[] {
  return diff
    .replace(/\n$/, '')
    .split('\n')
    .map((line) => {
      if (line.startsWith('+++') || line.startsWith('---')) return colors.bold(line);
      if (line.startsWith('+')) return colors.green(line);
      if (line.startsWith('-')) return colors.red(line);
      if (line.startsWith('@@')) return colors.cyan(line);
      return line;
    });
}
