/**
 * `npm run bench`: codegen's generated validators beside typia, ajv and zod, its generated
 * repositories beside the raw drivers, Kysely and Drizzle, in one Node process, then the CLI's
 * generation speed. It reports; it never fails on a slow result (exit code 0), but prints a
 * missed target loudly.
 *
 * Environment: BENCH_TIME_MS / BENCH_WARMUP_MS (per task, default 500 / 200),
 * BENCH_ONLY=validators|repositories|generation to run one part.
 */
import { benchGeneration } from './generation/generation-bench.js';
import { benchRepositories, repositorySinkValue } from './repositories/repository-bench.js';
import { formatRepositoryVerdicts } from './repositories/verdicts.js';
import { describeMachine } from './runtime/environment.js';
import { sinkValue } from './runtime/measure.js';
import { pairedSinkValue } from './runtime/paired.js';
import { benchValidators } from './runtime/validator-bench.js';
import { formatVerdicts, judgeTargets } from './runtime/verdicts.js';

const print = (line: string): void => console.log(line);
const only = process.env.BENCH_ONLY;
const runs = (part: 'validators' | 'repositories' | 'generation'): boolean => only === undefined || only === '' || only === part;
const budget = { timeMs: Number(process.env.BENCH_TIME_MS ?? 500), warmupMs: Number(process.env.BENCH_WARMUP_MS ?? 200) };

print(describeMachine());
print(`tinybench: ${budget.timeMs} ms per task after ${budget.warmupMs} ms of warmup; ops/s = single validations (or repository calls) per second`);

const validators = runs('validators') ? await benchValidators(budget, print) : [];
const repositories = runs('repositories') ? await benchRepositories(budget, print) : [];
if (runs('generation')) await benchGeneration(print);

if (validators.length > 0 || repositories.length > 0) {
  print('');
  print('■ Targets');
  if (validators.length > 0) {
    print('  validators (codegen against the rival; ✓ when at least as fast, or at least 0.8× the hand-written floor)');
    for (const line of formatVerdicts(judgeTargets(validators))) print(`    ${line}`);
  }
  if (repositories.length > 0) {
    print('  repositories (≥ 0.9× the raw driver, ahead of Kysely and Drizzle, createMany(1000) ≥ 10× 1,000 creates)');
    for (const line of formatRepositoryVerdicts(repositories)) print(`    ${line}`);
  }
  print(`  (${describeMachine()}; sink ${sinkValue() + pairedSinkValue() + repositorySinkValue()})`);
}
