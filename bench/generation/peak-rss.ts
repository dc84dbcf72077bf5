/**
 * Preloaded into a timed process (`node --import <this file>`): at exit it writes the process's
 * peak resident set size (bytes) and CPU time (seconds, user + system), worker threads included,
 * as JSON to the file `BENCH_RSS_FILE` names.
 */
import { writeFileSync } from 'node:fs';

const target = process.env.BENCH_RSS_FILE;
if (target) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    // maxRSS is in KiB, CPU times in microseconds.
    writeFileSync(target, JSON.stringify({ peakBytes: usage.maxRSS * 1024, cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6 }));
  });
}
