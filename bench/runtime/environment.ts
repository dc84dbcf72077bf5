/** The machine a result was measured on: the numbers mean nothing without it. */
import { cpus, loadavg, totalmem } from 'node:os';

/** One line naming Node, the CPU, its core count, memory and the load when the bench started. */
export function describeMachine(): string {
  const cores = cpus();
  const model = cores[0]?.model.trim() ?? 'unknown CPU';
  const load = loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
  const memory = Math.round(totalmem() / 2 ** 30);
  return `Node ${process.version} on ${process.platform}/${process.arch}, ${model} × ${cores.length} cores, ${memory} GiB, load ${load}`;
}
