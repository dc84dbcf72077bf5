/**
 * Before anything is timed: every contestant must accept every valid sample and reject every
 * invalid one, or the bench would compare validators that check different things.
 */
import type { Samples } from '../validators/samples.js';
import type { Contestant } from '../validators/contestants.js';

/** What one contestant said about the samples of one type. */
export interface Verdicts {
  library: string;
  /** Shown for comparison only; its disagreement does not stop the bench. */
  informational: boolean;
  /** Valid samples it rejected (indexes), with the issue count it gave. */
  rejectedValid: number[];
  /** Invalid samples it accepted (indexes). */
  acceptedInvalid: number[];
  /** Issues reported on each invalid sample. */
  issueCounts: number[];
}

/** Runs each contestant over the samples, through the same calls the bench times. */
export function checkAgreement(contestants: readonly Contestant[], samples: Samples): Verdicts[] {
  return contestants.map((contestant) => {
    const valid = samples.valid.map((value) => contestant.countIssues(value) === 0 && isAccepted(contestant, value));
    const issueCounts = samples.invalid.map((value) => (isAccepted(contestant, value) ? 0 : contestant.countIssues(value)));
    return {
      library: contestant.library,
      informational: contestant.informational === true,
      rejectedValid: indexesWhere(valid, (ok) => !ok),
      acceptedInvalid: indexesWhere(issueCounts, (count) => count === 0),
      issueCounts,
    };
  });
}

/** Whether every contestant (informational ones aside) agreed with the samples' labels. */
export function allAgree(verdicts: readonly Verdicts[]): boolean {
  return verdicts.every((v) => v.informational || (v.rejectedValid.length === 0 && v.acceptedInvalid.length === 0));
}

function isAccepted(contestant: Contestant, value: unknown): boolean {
  return contestant.is === undefined || contestant.is(value) === true;
}

function indexesWhere<T>(items: readonly T[], test: (item: T) => boolean): number[] {
  return items.flatMap((item, index) => (test(item) ? [index] : []));
}
