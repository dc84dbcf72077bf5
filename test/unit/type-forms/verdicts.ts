/**
 * Values with TypeScript's verdict on them: each becomes a line `const v: T['p'] = value;` of a
 * file compiled with the generated code, invalid ones under `// @ts-expect-error`, so the
 * expected verdicts are checked against tsc itself, not written down by hand alone.
 */

export interface Verdict {
  /** The property of the fixture's type the value is for. */
  property: string;
  value: unknown;
  valid: boolean;
}

/** A module importing `type` from `source` and assigning each value to `type[property]`. */
export function verdictFile(type: string, source: string, verdicts: readonly Verdict[]): string {
  const lines = [`import type { ${type} } from '${source}';`, ''];
  verdicts.forEach(({ property, value, valid }, i) => {
    if (!valid) lines.push('// @ts-expect-error: TypeScript rejects it');
    lines.push(`export const v${i}: ${type}[${JSON.stringify(property)}] = ${JSON.stringify(value)};`);
  });
  return `${lines.join('\n')}\n`;
}
