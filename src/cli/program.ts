/**
 * The commander program: commands and flags as cli.md lists them. Each action reads the
 * options, calls one command function and records its exit code; nothing here prints.
 */
import { Command, Option, type OutputConfiguration } from 'commander';
import type { CommandContext } from './commands.js';
import { listValue, readGlobalOptions } from './global-options.js';
import type { Output } from './output.js';
import { PACKAGE_VERSION } from './package-info.js';
import { diagnostic } from '../diagnostics/create.js';

export interface ProgramHooks {
  /** Builds the output once the colour flags are known. */
  output: (color: boolean | undefined) => Output;
  /** Where commander writes help and usage errors; set before subcommands so they inherit it. */
  commanderOutput: OutputConfiguration;
  /** The folder the CLI was started in (`--cwd` is resolved against it). */
  cwd: string;
  env: Record<string, string | undefined>;
  setExitCode: (code: number) => void;
}

/**
 * The commands, loaded when one runs: they bring the pipeline (TypeScript, ts-morph, Prettier,
 * Handlebars, the generators), which `--version`, `--help` and usage errors do without.
 */
const commands = () => import('./commands.js');

/** Creates the `codegen` program. */
export function createProgram(hooks: ProgramHooks): Command {
  const program = new Command('codegen')
    .description('Generate validators, mocks, SQL, repositories, API clients and OpenAPI from annotated TypeScript types.')
    .version(PACKAGE_VERSION, '-V, --version')
    .option('-c, --config <path>', 'config file (default: codegen.config.yaml found from --cwd upwards; or CODEGEN_CONFIG)')
    .option('--cwd <dir>', 'run as if started in <dir>')
    .option('--only <generators>', 'run only these generators (comma-separated)', listValue)
    .option('--type <names>', 'generate only for these types (comma-separated)', listValue)
    .option('--force', 'overwrite hand-edited outputs')
    .option('--no-format', 'do not run Prettier on the output')
    .option('--no-prune', 'keep outputs that are no longer generated')
    .option('-v, --verbose', 'every file, phase timings, stack traces')
    .option('-q, --quiet', 'only warnings and errors')
    .option('--json', 'one machine-readable report on stdout')
    .option('--color', 'force colours')
    .option('--no-color', 'no colours (also NO_COLOR)')
    .option('--strict', 'warnings fail the run')
    .configureOutput(hooks.commanderOutput)
    .showHelpAfterError('(run codegen --help for usage)')
    .exitOverride();

  const context = (command: Command): CommandContext => {
    const options = readGlobalOptions(command.optsWithGlobals(), hooks.env, hooks.cwd);
    return { options, output: hooks.output(options.color), env: hooks.env };
  };
  const act = (handler: (...args: any[]) => number | Promise<number>) => async (...args: any[]) => hooks.setExitCode(await handler(...args));

  program
    .command('generate')
    .alias('gen')
    .description('analyze, render, format and write what changed')
    .argument('[projects...]', 'projects to run (all by default)')
    .option('--dry-run', 'write nothing; print the plan and a unified diff per file')
    .option('--stat', 'with --dry-run: print the plan alone, without the diffs')
    // The diff used to need `--diff`; it is the default now, and the flag stays accepted.
    .addOption(new Option('--diff').hideHelp())
    .option('--check', 'same as `codegen check`')
    .option('-w, --watch', 'then re-run on every change of an input, template, plugin or the config')
    .option('--poll', 'watch by polling (Docker, WSL, network drives); implies --watch')
    .action(
      act(async (projects: string[], flags: Record<string, boolean>, command: Command) => {
        if (flags['watch'] || flags['poll']) return watch(projects, flags, context(command));
        const mode = flags['check'] ? 'check' : flags['dryRun'] ? 'dry-run' : 'write';
        return (await commands()).generateCommand(mode, projects, flags['stat'] !== true, context(command));
      }),
    );

  program
    .command('watch')
    .description('generate, then re-run on every change (= generate --watch)')
    .argument('[projects...]', 'projects to watch (all by default)')
    .option('--poll', 'watch by polling (Docker, WSL, network drives)')
    .action(act((projects: string[], flags: Record<string, boolean>, command: Command) => watch(projects, flags, context(command))));

  program
    .command('check')
    .description('exit 1 when generated files are missing, stale, orphaned or hand-edited')
    .argument('[projects...]', 'projects to check (all by default)')
    .action(act(async (projects: string[], _flags: unknown, command: Command) => (await commands()).generateCommand('check', projects, false, context(command))));

  program
    .command('init')
    .description('write a commented codegen.config.yaml and a prebuild script')
    .action(act(async (_flags: unknown, command: Command) => (await commands()).initCommand(context(command))));

  program
    .command('inspect')
    .description('print the intermediate model as JSON (what templates see)')
    .argument('[projects...]', 'projects to inspect (all by default)')
    .action(act(async (projects: string[], _flags: unknown, command: Command) => (await commands()).inspectCommand(projects, context(command))));

  program
    .command('list')
    .description('generators, resolved inputs and output files')
    .argument('[projects...]', 'projects to list (all by default)')
    .action(act(async (projects: string[], _flags: unknown, command: Command) => (await commands()).listCommand(projects, context(command))));

  const templates = program.command('templates').description('work with templates');
  templates
    .command('eject')
    .description("copy a built-in generator's templates into the templates folder")
    .argument('<generator>', 'built-in generator name')
    .option('--to <dir>', 'templates folder (default: the config\'s `templates`, else codegen/templates)')
    .action(act(async (generator: string, flags: { to?: string }, command: Command) => (await commands()).ejectCommand(generator, flags.to, context(command))));

  program
    .command('clean')
    .description('delete generated files that are still as generated')
    .argument('[projects...]', 'projects to clean (all by default)')
    .option('--dry-run', 'list what would be deleted')
    .action(act(async (projects: string[], flags: { dryRun?: boolean }, command: Command) => (await commands()).cleanCommand(projects, flags.dryRun === true, context(command))));

  program
    .command('config')
    .description('print or validate the resolved config')
    .addOption(new Option('--print', 'print the resolved config (defaults applied)').conflicts('validate'))
    .addOption(new Option('--validate', 'only validate'))
    .action(act(async (flags: { print?: boolean }, command: Command) => (await commands()).configCommand(flags.print === true, context(command))));

  return program;
}

/** `generate --watch` and `watch`: loaded when used, like the other commands. */
async function watch(projects: string[], flags: Record<string, boolean>, context: CommandContext): Promise<number> {
  if (flags['check'] || flags['dryRun']) {
    const problem = diagnostic('CG1009', { message: '--watch writes on every change: it cannot be combined with --check or --dry-run.' });
    context.output.err(`${context.output.errColors.red('error')} ${problem.code}: ${problem.message}`);
    return 2;
  }
  const { watchCommand } = await import('./watch-command.js');
  return watchCommand(projects, flags['poll'] === true, context);
}
