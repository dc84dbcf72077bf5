/**
 * The messages of the issues `collect` reports: `<title>: expected <expected>`. The titles are
 * written once into the runtime file's table (`report` joins them to `expected`), so a report
 * site names only its code and expected text.
 */

/** The issue codes of the runtime's `ValidationIssueCode`, each with the title its messages start with. */
const ISSUE_TITLES = {
  type: 'Wrong type',
  required: 'Missing required property',
  enum: 'Not an allowed value',
  union: 'Matches no member of the union',
  additionalProperties: 'Property not allowed',
  propertyNames: 'Key not allowed',
  minLength: 'Too short',
  maxLength: 'Too long',
  pattern: 'Does not match the pattern',
  format: 'Invalid format',
  minimum: 'Too small',
  maximum: 'Too large',
  exclusiveMinimum: 'Too small',
  exclusiveMaximum: 'Too large',
  multipleOf: 'Not a multiple of the step',
  minItems: 'Too few items',
  maxItems: 'Too many items',
  uniqueItems: 'Duplicate items',
  depth: 'Nested too deeply to check',
} as const;

export type IssueCode = keyof typeof ISSUE_TITLES;

/** The titles as the runtime template prints them, in the order of `ValidationIssueCode`. */
export function issueTitleRows(): Array<{ code: IssueCode; title: string }> {
  return (Object.keys(ISSUE_TITLES) as IssueCode[]).map((code) => ({ code, title: ISSUE_TITLES[code] }));
}

/** `Invalid format: expected uuid`: the message of an issue, as the runtime's `report` builds it. */
export function issueMessage(code: IssueCode, expected: string): string {
  return `${ISSUE_TITLES[code]}: expected ${expected}`;
}
