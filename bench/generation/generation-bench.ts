/**
 * Generation speed: the built CLI on a copy of the bookstore example, then on the issue's corpora
 * (synthetic c1000 and c5000, and @microsoft/microsoft-graph-types), each in a temporary folder
 * (so the repository's own outputs and format cache are never touched), every run beside a bare
 * ts-morph walk of the same files timed in the same bench run, and judged against issue 12's targets.
 */
import { appendFileSync, cpSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatTable } from '../runtime/table.js';
import { ALL_GENERATORS, microsoftGraphCorpus, syntheticCorpus, type Corpus } from './corpora.js';
import { judgeGeneration, type CorpusRuns } from './targets.js';
import { timeGenerate, timeWalk, type CliRun } from './time-cli.js';
import { benchWatch } from './watch-bench.js';

// This file runs from bench/.out/bench/generation/, four folders below the repository root.
const BOOKSTORE = fileURLToPath(new URL('../../../../examples/bookstore/', import.meta.url));

/** Times the bookstore scenarios, then every corpus, and prints the tables and the verdicts. */
export async function benchGeneration(print: (line: string) => void): Promise<void> {
  inTemporaryFolder((root) => {
    copyBookstore(root);
    printRuns(print, 'Generation: bookstore example (7 model + 2 service files)', bookstoreScenarios(root));
  });
  const measured: CorpusRuns[] = [];
  const corpora: [Corpus, (root: string, corpus: Corpus) => CliRun[]][] = [
    [syntheticCorpus('c1000', 50), coldAndNoOp],
    [syntheticCorpus('c1000-all', 50, ALL_GENERATORS), coldOnly],
    [syntheticCorpus('c5000-all', 250, ALL_GENERATORS), coldOnly],
    [microsoftGraphCorpus(), coldOnly],
  ];
  // BENCH_CORPORA=c1000,ms-graph runs some of them (the whole set takes minutes on a busy machine); `watch` the watch latency alone.
  const chosen = process.env.BENCH_CORPORA?.split(',').filter(Boolean);
  for (const [corpus, scenarios] of corpora.filter(([candidate]) => !chosen || chosen.includes(candidate.name))) {
    inTemporaryFolder((root) => {
      corpus.write(root);
      const list = join(root, 'walk-inputs.txt');
      writeFileSync(list, corpus.inputs(root).map((file) => join(root, file)).join('\n'));
      const walk = timeWalk(join(root, 'tsconfig.json'), list, 'bare ts-morph walk (the 1.00×)');
      const runs = scenarios(root, corpus);
      measured.push({ corpus: corpus.name, walk, runs });
      printRuns(print, `Generation: ${corpus.name}, ${corpus.description}`, [walk, ...runs], walk);
    });
  }
  if (!chosen || chosen.includes('c1000') || chosen.includes('watch')) {
    print('');
    print('■ Watch (the built watch API in this process)');
    await benchWatch(print, { name: 'c1000', write: syntheticCorpus('c1000', 50).write, editedFile: 'src/models/module-025.ts' });
  }
  print('');
  print('■ Generation targets (issue 12), each run as a ratio to the walk of the same files in this bench run');
  for (const line of judgeGeneration(measured)) print(`  ${line}`);
}

/** Cold (no outputs, no format cache), then nothing changed twice, `touch`, one edit, `--force`. */
function coldAndNoOp(root: string, corpus: Corpus): CliRun[] {
  const runs = [timeGenerate(root, 'cold', ['-v']), timeGenerate(root, 'no-op', ['-v']), timeGenerate(root, 'no-op again', ['-v'])];
  const edited = join(root, corpus.inputs(root)[0]!);
  const now = new Date(Date.now() + 2000);
  utimesSync(edited, now, now);
  runs.push(timeGenerate(root, 'touch one input (mtime only)', ['-v']));
  appendFileSync(edited, '\n/** Added by the bench. */\nexport interface BenchEdit {\n  /** @minLength 1 */\n  value: string;\n}\n');
  runs.push(timeGenerate(root, 'edit one input (+1 interface)', ['-v']));
  runs.push(timeGenerate(root, '--force (nothing changed, cache warm)', ['-v', '--force']));
  return runs;
}

function coldOnly(root: string): CliRun[] {
  return [timeGenerate(root, 'cold', ['-v'])];
}

function bookstoreScenarios(root: string): CliRun[] {
  const edited = join(root, 'src/models/review.ts');
  const runs = [timeGenerate(root, 'cold (no output, no format cache)'), timeGenerate(root, 'warm (nothing changed)')];
  const now = new Date(Date.now() + 2000);
  utimesSync(edited, now, now);
  runs.push(timeGenerate(root, 'touch review.ts (mtime only)'));
  appendFileSync(edited, `\n/** Added by the bench. */\nexport interface BenchEdit {\n  /** @minLength 1 */\n  value: string;\n}\n`);
  runs.push(timeGenerate(root, 'edit review.ts (+1 interface)'));
  return runs;
}

function printRuns(print: (line: string) => void, title: string, runs: readonly CliRun[], walk?: CliRun): void {
  print('');
  print(`■ ${title}`);
  const rows = runs.map((run) => [
    run.label,
    `${run.seconds.toFixed(2)} s`,
    walk ? `${(run.seconds / walk.seconds).toFixed(2)}×` : '',
    `${run.cpuSeconds.toFixed(2)} s`,
    walk ? `${(run.cpuSeconds / walk.cpuSeconds).toFixed(2)}×` : '',
    `${Math.round(run.peakBytes / 2 ** 20)} MB`,
    run.phases || run.summary.replace(/^✓ /, ''),
  ]);
  const header = ['run', 'wall time', '× walk', 'CPU time', '× walk', 'peak RSS', 'phases (or summary)'];
  for (const line of formatTable(header, rows, [0, 6])) print(`  ${line}`);
}

function inTemporaryFolder(use: (root: string) => void): void {
  const root = mkdtempSync(join(tmpdir(), 'codegen-bench-'));
  try {
    use(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

function copyBookstore(root: string): void {
  for (const folder of ['models', 'services', 'lib']) {
    cpSync(join(BOOKSTORE, 'src', folder), join(root, 'src', folder), { recursive: true });
  }
  cpSync(join(BOOKSTORE, 'tsconfig.json'), join(root, 'tsconfig.json'));
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'bookstore', private: true, type: 'module' }, null, 2));
  writeFileSync(
    join(root, 'codegen.config.yaml'),
    'input:\n  - src/models/**/*.ts\n  - src/services/**/*.ts\noutput: src/generated\ngenerators:\n  validate: {}\n',
  );
}
