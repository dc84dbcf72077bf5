/**
 * KNOWN_FAULTS: the forms the type-form property test does not hold against codegen yet, each
 * with the issue item that will fix it. A form (or fixture) that has every feature an entry
 * lists is still generated, compiled and judged, and its findings are printed, but they do not
 * fail the test. Shrink this list as fixes land: the test prints which entries were seen this
 * run, so an entry that no longer shows up is a candidate for removal (run more forms to be sure).
 *
 * Features are what forms.ts records per form (`undefined-required`, `class-method`…), or
 * `fixture:<kind>/<name>` for a fixture folder. Details and examples: /work/notes/property-findings.md.
 */
export interface KnownFault {
  /** The issue item and the form, as `B2: x: string | undefined`. */
  fault: string;
  /** A form is covered when it has all of these features. */
  features: string[];
}

export const KNOWN_FAULTS: KnownFault[] = [];

/** The entries covering a form with these features. */
export function knownFaultsOf(features: readonly string[]): KnownFault[] {
  const have = new Set(features);
  return KNOWN_FAULTS.filter((entry) => entry.features.every((feature) => have.has(feature)));
}
