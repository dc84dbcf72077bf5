/** One function per command: call the programmatic API, print its result, return the exit code. */
import { resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/types.js';
import { clean, eject, init, inspect, list, run, type RunMode } from '../pipeline/index.js';
import { printConfig, loadConfig } from '../config/index.js';
import { openSession } from '../pipeline/session.js';
import { Timings } from '../pipeline/timings.js';
import { countSummary, foldDiagnostics, formatDiagnostics, formatFolded } from './diagnostics-report.js';
import type { GlobalOptions } from './global-options.js';
import type { Output } from './output.js';
import { PACKAGE_NAME } from './package-info.js';
import { formatCheckVerdict, formatRun, formatSummary } from './run-report.js';
import { progressLine } from './progress.js';
import { posixRelative } from '../config/paths.js';

export interface CommandContext {
  options: GlobalOptions;
  output: Output;
  env: Record<string, string | undefined>;
}

/**
 * Prints diagnostics to stderr: `--quiet` hides the file list and summary, never a warning or an
 * error. A warning that repeats one advice (`FOLDED_CODES`, CG2016) is printed in full only its
 * first few times, then counted on one line; `-v` prints each. The count counts them all.
 */
export function report(diagnostics: readonly Diagnostic[], context: CommandContext): void {
  const { options, output } = context;
  const { shown, folded } = foldDiagnostics(diagnostics, options.verbose);
  const lines = formatDiagnostics(shown, { cwd: options.cwd, colors: output.errColors, frames: output.interactive, verbose: options.verbose });
  for (const line of lines) output.err(line);
  for (const fold of folded) output.err(formatFolded(fold, output.errColors));
  const summary = countSummary(diagnostics);
  if (summary && diagnostics.length > 1) output.err(summary);
}

function printJson(value: unknown, context: CommandContext): void {
  context.output.out(JSON.stringify(value, null, 2));
}

/** `generate`, `generate --dry-run`, `check`. */
export async function generateCommand(mode: RunMode, projects: string[], diff: boolean, context: CommandContext): Promise<number> {
  const { options, output } = context;
  const progress = progressLine(output.interactive && !options.quiet && !options.json, output.errRaw);
  const result = await run({
    onProgress: progress.listener,
    cwd: options.cwd,
    config: options.config,
    mode,
    only: options.only,
    types: options.types,
    projects,
    force: options.force,
    format: options.format,
    prune: options.prune,
    strict: options.strict,
    env: context.env,
  });
  progress.clear();
  if (options.json) {
    printJson(
      {
        mode: result.mode,
        exitCode: result.exitCode,
        durationMs: Math.round(result.durationMs),
        projects: result.projects.map((project) => ({
          name: project.name,
          output: posixRelative(options.cwd, project.outputDir),
          files: project.plan.entries.map((entry) => ({ path: entry.path, action: entry.action })),
          ...(project.previous
            ? { previous: project.previous.map((folder) => ({ output: posixRelative(options.cwd, folder.outputDir), files: folder.plan.entries.map((entry) => ({ path: entry.path, action: entry.action })) })) }
            : {}),
        })),
        diagnostics: result.diagnostics,
      },
      context,
    );
    return result.exitCode;
  }
  for (const line of formatRun(result, { cwd: options.cwd, colors: output.colors, verbose: options.verbose, quiet: options.quiet, diff })) {
    output.out(line);
  }
  report(result.diagnostics, context);
  if (options.verbose) {
    const phases = Object.entries(result.timings).map(([phase, ms]) => `${phase} ${Math.round(ms)}ms`);
    output.err(output.errColors.dim(`phases: ${phases.join(', ')}`));
  }
  if (mode === 'check') {
    if (result.exitCode === 0 && !options.quiet) output.out(`${output.colors.green('✓')} generated files are up to date`);
    for (const line of formatCheckVerdict(result)) output.err(line);
  } else if (result.exitCode === 0 && !options.quiet) {
    output.out(formatSummary(result, output.colors));
  }
  return result.exitCode;
}

/** `inspect [--type Name]`: the model as JSON on stdout. */
export async function inspectCommand(projects: string[], context: CommandContext): Promise<number> {
  const { options } = context;
  const result = await inspect({ cwd: options.cwd, config: options.config, projects, types: options.types, env: context.env });
  report(result.diagnostics, context);
  if (result.models.length > 0) printJson(result.models.length === 1 ? result.models[0]!.model : result.models, context);
  return result.exitCode;
}

/** `list [--json]`. */
export async function listCommand(projects: string[], context: CommandContext): Promise<number> {
  const { options, output } = context;
  const result = await list({ cwd: options.cwd, config: options.config, projects, only: options.only, types: options.types, env: context.env });
  report(result.diagnostics, context);
  if (options.json) {
    printJson({ generators: result.generators, projects: result.projects }, context);
    return result.exitCode;
  }
  output.out(output.colors.bold('Generators'));
  const width = Math.max(...result.generators.map((generator) => generator.name.length)) + 2;
  for (const generator of result.generators) {
    output.out(`  ${generator.name.padEnd(width)} ${output.colors.dim(generator.builtin ? 'built-in' : 'plugin  ')} ${generator.description}`);
  }
  for (const project of result.projects) {
    output.out(output.colors.bold(`Project ${project.name}`));
    const runs = project.generators.map((generator) => (generator.enabledBy ? `${generator.name} (used by ${generator.enabledBy.join(', ')})` : generator.name));
    output.out(`  runs    ${runs.join(', ')}`);
    output.out(`  input   ${project.input.join(', ')} (${project.inputFiles.length} file${project.inputFiles.length === 1 ? '' : 's'})`);
    output.out(`  output  ${project.output}`);
    for (const file of project.outputFiles) output.out(`    ${file}`);
  }
  return result.exitCode;
}

/** `clean [--dry-run]`. */
export async function cleanCommand(projects: string[], dryRun: boolean, context: CommandContext): Promise<number> {
  const { options, output } = context;
  const result = await clean({ cwd: options.cwd, config: options.config, projects, dryRun, env: context.env });
  for (const plan of result.plans) {
    for (const entry of plan.entries) {
      if (entry.action !== 'delete') continue;
      output.out(`${output.colors.red(dryRun ? 'delete' : 'deleted')} ${posixRelative(options.cwd, entry.absolutePath)}`);
    }
  }
  report(result.diagnostics, context);
  return result.exitCode;
}

/** `init [--force]`. */
export function initCommand(context: CommandContext): number {
  const { options, output } = context;
  const result = init({ cwd: options.cwd, force: options.force, packageName: PACKAGE_NAME });
  report(result.diagnostics, context);
  for (const file of result.written) output.out(`${output.colors.green('wrote')} ${file}`);
  for (const note of result.notes) output.out(`${output.colors.dim('note:')} ${note}`);
  if (result.exitCode === 0) output.out('Next: edit codegen.config.yaml, then run `npx codegen generate`.');
  return result.exitCode;
}

/** `templates eject <generator> [--to dir]`. */
export async function ejectCommand(generator: string, to: string | undefined, context: CommandContext): Promise<number> {
  const { options, output } = context;
  let target = to ? resolve(options.cwd, to) : undefined;
  if (!target) {
    const loaded = await loadConfig({ cwd: options.cwd, configFile: options.config, env: context.env });
    target = loaded.config?.projects[0]?.templates ?? resolve(options.cwd, 'codegen/templates');
  }
  const result = eject({ generator, to: target, force: options.force, cwd: options.cwd });
  report(result.diagnostics, context);
  for (const file of result.written) output.out(`${output.colors.green('wrote')} ${file}`);
  if (result.exitCode === 0 && !to) output.out(`Point \`templates:\` in your config at ${posixRelative(options.cwd, target)} if it is not already.`);
  return result.exitCode;
}

/** `config --print` / `config --validate`: the config as loaded, plugins and generator options included. */
export async function configCommand(print: boolean, context: CommandContext): Promise<number> {
  const { options, output } = context;
  const diagnostics: Diagnostic[] = [];
  const session = await openSession({ cwd: options.cwd, config: options.config, env: context.env }, new Timings(), diagnostics);
  report(diagnostics, context);
  if (!session || diagnostics.some((d) => d.severity === 'error')) return 2;
  if (print) output.out(printConfig(session.config, options.cwd));
  else if (!options.quiet) output.out(`${output.colors.green('✓')} ${posixRelative(options.cwd, session.config.configFile)} is valid`);
  return 0;
}
