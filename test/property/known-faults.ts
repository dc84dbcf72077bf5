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

export const KNOWN_FAULTS: KnownFault[] = [
  { fault: 'B1: a template literal type (`id-${number}`) is unsupported, mocked as null and accepted as anything', features: ['template-literal'] },
  {
    fault: 'B2: a required key typed `x: T | undefined` is left out of the mock, and isT accepts it missing (TypeScript requires the key)',
    features: ['undefined-required'],
  },
  {
    fault: "B2: the same through an indexed access that includes undefined (`x: Point['label']`, label optional)",
    features: ['indexed-optional'],
  },
  { fault: 'B2 (N4): required keys typed `| undefined` accepted missing (fixture mock/required-undefined)', features: ['fixture:mock/required-undefined'] },
  { fault: 'B3: a class with a method: its mock misses the method (TS2741) and isT accepts a plain object', features: ['class-method'] },
  {
    fault: 'B3: classes with methods, accessors or private members (fixture mock/behaviour): isT accepts plain objects that lack them',
    features: ['fixture:mock/behaviour'],
  },
  { fault: "B4: an enum with a quoted member name ('by-date')", features: ['enum-quoted'] },
  { fault: 'B6: a single-member string enum is mocked as a string literal (TS2322)', features: ['enum-single'] },
  { fault: 'C1: the open literal union `"sm" | "lg" | (string & {})`', features: ['open-literal'] },
  { fault: 'C2: two instantiations of a generic with different inline object arguments share a name', features: ['generic-inline-arg'] },
  { fault: 'C3: a property typed `undefined`', features: ['undefined-type'] },
  { fault: 'C4: the `object` keyword is unsupported and accepts anything', features: ['object-keyword'] },
  {
    fault: 'new (property test): `Required<{ p?: T | undefined }>` keeps p optional: isT accepts it missing, the mock leaves it out (TS2322)',
    features: ['utility-Required', 'optional-undefined'],
  },
  {
    fault: 'new (property test): an enum member type (`E.A`) in a readonly tuple or a rest element is mocked as the whole enum (TS2322)',
    features: ['enum-member', 'tuple-any'],
  },
  {
    fault: 'new (property test): an intersection whose members give one property different types (`{ b: bigint } & { b: string }`): isT checks one, the mock builds the other',
    features: ['intersection-conflict'],
  },
  {
    fault: 'D (to check, fixture in progress): format `url` read differently by isT and ajv-formats (isT accepts `ftp://7#z0`, `FTp://u/C`)',
    features: ['fixture:mock/format-pattern'],
  },
  {
    fault: 'new (property test): under @strict, an inline object with a string index signature rejects the keys its index allows (the JSON Schema accepts them)',
    features: ['strict', 'index-string'],
  },
];

/** The entries covering a form with these features. */
export function knownFaultsOf(features: readonly string[]): KnownFault[] {
  const have = new Set(features);
  return KNOWN_FAULTS.filter((entry) => entry.features.every((feature) => have.has(feature)));
}
