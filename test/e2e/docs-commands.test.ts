/**
 * The walk-throughs of docs/getting-started.md and README.md run as written, so they cannot rot:
 * every command in order, in a fresh project, with the files the docs show, checking each exit
 * code (0, or what a following `$ echo $?` shows) and the output the docs show (durations aside;
 * a command shown without output is not compared). How the Markdown is read: test/helpers/doc-steps.ts.
 *
 * Without network access:
 * - `npm install --save-dev …` is not run; each package it names is linked into the project's
 *   node_modules from what this repo has installed: `../codegen` is this checkout, and
 *   `typescript` is the TypeScript npm gives a new user today (the `typescript-latest`
 *   devDependency, 7.x), not the 5.9 this repo builds with.
 * - `npx` and `npm run` are the real ones (offline): they find those links. The getting-started
 *   walk-through's first `npx codegen` runs so; its later `npx codegen …` lines, and README's
 *   (whose project links codegen the same way, so the real npx would prove nothing more), run
 *   the same built CLI in this process (test/helpers/cli.ts), stderr merged into stdout as the
 *   shell's `2>&1` does, which spares a Node start and npm's and codegen's load per line.
 *   `npm run build` still runs the bin through the `prebuild` script that `codegen init` added.
 * The project lives in the OS temp folder, not under this repo, so nothing of the repo's own
 * node_modules (its TypeScript, its @types) is visible to it, as for a new user.
 */
import { execFileSync, spawn } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { normaliseOutput, runCliInProcessMerged } from '../helpers/cli.js';
import { type DocStep, expectedExitCode, readDocSteps } from '../helpers/doc-steps.js';
import { REPO_ROOT } from '../helpers/paths.js';

/** Commands of the docs that cannot run here, each with the reason. Each must still be in the docs. */
const NOT_RUN: Record<string, string> = {
  'npm install && npx codegen generate   # builds codegen, then generates for the bundled example':
    "README's contributor set-up in this checkout: needs the network, and would rewrite the shared checkout; test/e2e/example.test.ts runs `codegen check` on the same config",
  'npm test                              # builds, then runs the test suite': 'README: the suite itself, this test included',
};

/** The packages an `npm install` line may name, and where this repo has them installed. */
const PACKAGES: Record<string, { name: string; target: string; bin: [string, string]; version: string }> = {
  '../codegen': { name: 'codegen', target: REPO_ROOT, bin: ['codegen', 'bin/codegen.js'], version: 'file:../codegen' },
  typescript: { name: 'typescript', target: join(REPO_ROOT, 'node_modules', 'typescript-latest'), bin: ['tsc', 'bin/tsc'], version: 'latest' },
};

const WALKTHROUGHS = [
  { doc: 'docs/getting-started.md', seed: undefined, realNpx: true },
  { doc: 'README.md', seed: join(REPO_ROOT, 'test', 'fixtures', 'docs-commands', 'readme'), realNpx: false },
];

const created: string[] = [];
afterAll(() => created.forEach((root) => rmSync(root, { recursive: true, force: true })));

/** Links each package of `npm install --save-dev a b` into the project and records it in package.json. */
function linkPackages(root: string, specs: string[]): void {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { devDependencies?: Record<string, string> };
  for (const spec of specs) {
    const pkg = PACKAGES[spec];
    if (!pkg) throw new Error(`no installed package for \`${spec}\`: add it to PACKAGES`);
    mkdirSync(join(root, 'node_modules', '.bin'), { recursive: true });
    symlinkSync(pkg.target, join(root, 'node_modules', pkg.name), 'dir');
    symlinkSync(join('..', pkg.name, pkg.bin[1]), join(root, 'node_modules', '.bin', pkg.bin[0]));
    manifest.devDependencies = { ...manifest.devDependencies, [pkg.name]: pkg.version };
  }
  writeFileSync(join(root, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

/** Runs one shell command in `root` with stderr merged into stdout; `$?` starts as `previous`. */
function runShell(command: string, root: string, previous: number): Promise<{ exitCode: number; output: string }> {
  // A user's shell, not this test run's: no npm_* variables of the parent `npm test`, no colour, no network.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(npm_|INIT_CWD$|FORCE_COLOR$)/i.test(key)));
  Object.assign(env, { NO_COLOR: '1', npm_config_offline: 'true', npm_config_update_notifier: 'false', npm_config_audit: 'false', npm_config_fund: 'false' });
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', `exec 2>&1\n(exit ${previous})\n${command}`], { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ exitCode: code ?? -1, output });
    });
  });
}

/** `npx codegen` with plain arguments (and maybe a `# comment`): the arguments. */
const NPX_CODEGEN = /^npx codegen((?: [\w-]+)*)\s*(?:#.*)?$/;

/** Output lines as the docs show them: durations normalised, blank lines at either end dropped. */
function shownLines(text: string): string[] {
  const lines = normaliseOutput(text).replace(/\s+$/, '').split('\n');
  while (lines[0]?.trim() === '') lines.shift();
  return lines;
}

/** What the docs promise for a command: its exit code and, when shown, its output (up to a `…`). */
function promised(steps: DocStep[], index: number, output: string | undefined) {
  const step = steps[index] as DocStep & { kind: 'command' };
  const shown = step.output && step.output.length > 0 ? shownLines(step.output.join('\n')) : undefined;
  const excerpt = shown?.at(-1) === '…' ? shown.length - 1 : undefined;
  const actual = output === undefined || shown === undefined ? undefined : shownLines(output).slice(0, excerpt);
  return { expected: { exitCode: expectedExitCode(steps, index), output: excerpt === undefined ? shown : shown!.slice(0, excerpt) }, actual };
}

/** Applies a file step (write, append, set keys) to the project. */
function applyFileStep(root: string, step: DocStep & { kind: 'file' | 'append' | 'set' }): void {
  const path = join(root, step.path);
  mkdirSync(dirname(path), { recursive: true });
  if (step.kind === 'file') writeFileSync(path, step.content);
  else if (step.kind === 'append') appendFileSync(path, `\n${step.content}`);
  else {
    let text = readFileSync(path, 'utf8');
    for (const line of step.content.trim().split('\n')) {
      const key = line.slice(0, line.indexOf(':') + 1);
      const pattern = new RegExp(`^${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.*$`, 'm');
      expect(text, `${step.path} has a \`${key}\` line to set`).toMatch(pattern);
      text = text.replace(pattern, line);
    }
    writeFileSync(path, text);
  }
}

describe('the commands of the docs run as written', { timeout: 300_000 }, () => {
  it('reads every `$ ` line of the docs as a command, and lists only commands that are there as not run', () => {
    const all = WALKTHROUGHS.flatMap(({ doc }) => {
      const markdown = readFileSync(join(REPO_ROOT, doc), 'utf8');
      const steps = readDocSteps(markdown);
      const dollarLines = markdown.split('\n').filter((line) => line.startsWith('$ ')).length;
      const dollarSteps = steps.filter((step) => step.kind === 'command' && step.output !== undefined).length;
      expect(dollarSteps, doc).toBe(dollarLines);
      return steps.flatMap((step) => (step.kind === 'command' ? [step.command] : []));
    });
    expect(all.length).toBeGreaterThan(15);
    for (const command of Object.keys(NOT_RUN)) expect(all, 'a NOT_RUN entry no longer in the docs').toContain(command);
  });

  it.concurrent.each(WALKTHROUGHS)('$doc', async ({ doc, seed, realNpx }) => {
    const root = mkdtempSync(join(tmpdir(), 'codegen-docs-'));
    created.push(root);
    if (seed) cpSync(seed, root, { recursive: true });
    const steps = readDocSteps(readFileSync(join(REPO_ROOT, doc), 'utf8'));
    let previous = 0;
    let npxRan = !realNpx;
    for (const [index, step] of steps.entries()) {
      const where = `${doc}:${step.line}`;
      if (step.kind !== 'command') {
        applyFileStep(root, step);
        continue;
      }
      if (step.command in NOT_RUN) continue;
      const install = /^npm install (?:--save-dev|-D) (.+)$/.exec(step.command);
      if (install) {
        linkPackages(root, install[1]!.split(/\s+/));
        previous = 0;
        continue;
      }
      const codegenArgs = npxRan ? NPX_CODEGEN.exec(step.command)?.[1] : undefined;
      npxRan ||= step.command.startsWith('npx codegen');
      const { exitCode, output } =
        codegenArgs === undefined ? await runShell(step.command, root, previous) : await runCliInProcessMerged(codegenArgs.split(' ').filter(Boolean), root);
      const { expected, actual } = promised(steps, index, output);
      expect({ exitCode, output: actual }, `${where} $ ${step.command}\n${output}`).toEqual(expected);
      previous = exitCode;
    }
  });
});

/** The TypeScript a walk-through compiles with is the one a new user gets, not this repo's 5.9. */
it('links TypeScript 7 or later as `typescript`', () => {
  const version = execFileSync(process.execPath, [join(PACKAGES.typescript!.target, 'bin', 'tsc'), '--version'], { encoding: 'utf8' });
  expect(Number(/Version (\d+)\./.exec(version)?.[1])).toBeGreaterThanOrEqual(7);
});
