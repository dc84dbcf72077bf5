/**
 * Paired measurement of one function against a reference on the same samples: a sample times a
 * short burst of each, back to back, in an order that alternates every sample, and the ratio is
 * the median of the per-sample ratios (±: half their interquartile range, relative). On a shared
 * machine the load moves within fractions of a second; two functions timed side by side see the
 * same load, which separate tinybench tasks seconds apart do not.
 */
import type { Budget } from './measure.js';

/** How fast `subject` runs against `reference`: above 1, faster. */
export interface PairedRatio {
  ratio: number;
  /** Half the interquartile range of the per-sample ratios, relative to the median (%). */
  spreadPercent: number;
  samples: number;
}

// Long enough that a time slice lost to another process is a small part of a burst.
const BURST_MS = 40;
const MIN_SAMPLES = 15;

let sink = 0;

/** The ratio of `subject`'s speed to `reference`'s over a batch of `values`. */
export function pairedRatio(subject: (value: unknown) => unknown, reference: (value: unknown) => unknown, values: readonly unknown[], budget: Budget): PairedRatio {
  // Two loops written out, not one taking the function: each call site then sees one callee,
  // as a caller of either would, and V8 can inline it there.
  const subjectBatch = (times: number): number => {
    const start = performance.now();
    for (let t = 0; t < times; t++) for (let i = 0; i < values.length; i++) if (subject(values[i])) sink++;
    return performance.now() - start;
  };
  const referenceBatch = (times: number): number => {
    const start = performance.now();
    for (let t = 0; t < times; t++) for (let i = 0; i < values.length; i++) if (reference(values[i])) sink++;
    return performance.now() - start;
  };
  const warmupEnd = performance.now() + budget.warmupMs;
  while (performance.now() < warmupEnd) {
    subjectBatch(16);
    referenceBatch(16);
  }
  // A burst of about BURST_MS of the slower of the two.
  let times = 1;
  while (Math.max(subjectBatch(times), referenceBatch(times)) < BURST_MS) times *= 2;
  const ratios: number[] = [];
  const deadline = performance.now() + 3 * budget.timeMs;
  for (let sample = 0; sample < MIN_SAMPLES || performance.now() < deadline; sample++) {
    let subjectMs: number;
    let referenceMs: number;
    if (sample % 2 === 0) {
      subjectMs = subjectBatch(times);
      referenceMs = referenceBatch(times);
    } else {
      referenceMs = referenceBatch(times);
      subjectMs = subjectBatch(times);
    }
    ratios.push(referenceMs / subjectMs);
  }
  ratios.sort((a, b) => a - b);
  const at = (q: number): number => ratios[Math.min(ratios.length - 1, Math.floor(q * ratios.length))] as number;
  const median = at(0.5);
  return { ratio: median, spreadPercent: (100 * (at(0.75) - at(0.25))) / 2 / median, samples: ratios.length };
}

/** Read by the report so the sink stays live. */
export function pairedSinkValue(): number {
  return sink;
}
