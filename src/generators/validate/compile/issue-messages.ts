/**
 * The messages of the issues `collect` reports. Each call site knows its issue's code and
 * `expected` text when the code is generated, so the whole message is written there as a
 * string literal: reporting an issue then costs no formatting at run time.
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
} as const;

export type IssueCode = keyof typeof ISSUE_TITLES;

/** `Invalid format: expected uuid`: the message of an issue, as the generated code spells it. */
export function issueMessage(code: IssueCode, expected: string): string {
  return `${ISSUE_TITLES[code]}: expected ${expected}`;
}
