/**
 * `npm run bench`: codegen's generated validators beside typia, ajv and zod in one Node
 * process, then the CLI's generation speed. It reports; it never fails on a slow result
 * (exit code 0), but prints a missed target loudly.
 *
 * Environment: BENCH_TIME_MS / BENCH_WARMUP_MS (per task, default 500 / 200),
 * BENCH_ONLY=validators|generation to run one half.
 */
import { benchGeneration } from './generation/generation-bench.js';
import { describeMachine } from './runtime/environment.js';
import { sinkValue } from './runtime/measure.js';
import { benchValidators } from './runtime/validator-bench.js';
import { formatVerdicts, judgeTargets } from './runtime/verdicts.js';

const print = (line: string): void => console.log(line);
const only = process.env.BENCH_ONLY;
const budget = { timeMs: Number(process.env.BENCH_TIME_MS ?? 500), warmupMs: Number(process.env.BENCH_WARMUP_MS ?? 200) };

print(describeMachine());
print(`tinybench: ${budget.timeMs} ms per task after ${budget.warmupMs} ms of warmup; ops/s = single validations per second`);

const results = only === 'generation' ? [] : await benchValidators(budget, print);
if (only !== 'validators') await benchGeneration(print);

if (results.length > 0) {
  print('');
  print('■ Targets (codegen against the rival; ✓ when at least as fast)');
  for (const line of formatVerdicts(judgeTargets(results))) print(`  ${line}`);
  print(`  (${describeMachine()}; sink ${sinkValue()})`);
}
