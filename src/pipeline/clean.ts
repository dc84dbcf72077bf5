/** `codegen clean`: finishes an interrupted run, then deletes generated files that are still as generated; never a folder wipe. */
import { hasErrors, type Diagnostic } from '../diagnostics/types.js';
import { applyEmit, interruptedRun, nodeFileSystem, planEmit, recoverOutput, type EmitPlan, type FileSystem } from '../emit/index.js';
import { openSession } from './session.js';
import { Timings } from './timings.js';

export interface CleanOptions {
  cwd?: string;
  config?: string;
  projects?: string[];
  dryRun?: boolean;
  env?: Record<string, string | undefined>;
  fs?: FileSystem;
}

export interface CleanResult {
  exitCode: 0 | 2;
  /** Per project; after a real clean, a `delete` entry only for a file actually deleted. */
  plans: EmitPlan[];
  deleted: string[];
  diagnostics: Diagnostic[];
}

/** Plans every manifest entry as an orphan: emit deletes those still as generated and keeps hand edits. */
export async function clean(options: CleanOptions = {}): Promise<CleanResult> {
  const diagnostics: Diagnostic[] = [];
  const cwd = options.cwd ?? process.cwd();
  const fs = options.fs ?? nodeFileSystem;
  const session = await openSession({ cwd, config: options.config, projects: options.projects, env: options.env }, new Timings(), diagnostics);
  if (!session) return { exitCode: 2, plans: [], deleted: [], diagnostics };
  const plans: EmitPlan[] = [];
  const deleted: string[] = [];
  for (const project of session.projects) {
    if (options.dryRun) {
      const pending = await interruptedRun(fs, project.output, cwd, 'warning');
      if (pending) diagnostics.push(pending);
    } else {
      // A killed run is finished first: its journal may name files to delete or put in place.
      const recovered = await recoverOutput(fs, project.output, cwd);
      diagnostics.push(...recovered);
      if (hasErrors(recovered)) continue;
    }
    const plan = await planEmit({
      outputDir: project.output,
      files: [],
      fs,
      protect: project.protect,
      onHandEdit: 'error',
      force: false,
      prune: true,
      cleaning: true,
      displayRoot: cwd,
    });
    diagnostics.push(...plan.diagnostics);
    if (options.dryRun) {
      plans.push(plan);
      continue;
    }
    const applied = await applyEmit(plan, fs);
    diagnostics.push(...applied.diagnostics);
    deleted.push(...applied.deleted);
    // What is reported as deleted is what was: a refused or failed clean deleted nothing.
    const done = new Set(applied.deleted);
    plans.push({ ...plan, entries: plan.entries.filter((entry) => entry.action !== 'delete' || done.has(entry.path)) });
  }
  return { exitCode: hasErrors(diagnostics) ? 2 : 0, plans, deleted, diagnostics };
}
