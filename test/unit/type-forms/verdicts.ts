/**
 * Values with TypeScript's verdict on them: each becomes a line `const v: T['p'] = value;` of a
 * file compiled with the generated code, invalid ones under `// @ts-expect-error`, so the
 * expected verdicts are checked against tsc itself, not written down by hand alone.
 */

export interface Verdict {
  /** The property of the fixture's type the value is for (`type` is then the whole type). */
  property?: string;
  value: unknown;
  valid: boolean;
  /** The value as TypeScript source, where JSON cannot write it (`{ label: undefined }`). */
  text?: string;
}

export interface VerdictOptions {
  /**
   * Assign through a variable, so TypeScript judges the value's type structurally, without
   * the excess property check of a fresh object literal (as a validator sees parsed JSON).
   */
  structural?: boolean;
}

/** A module importing `type` from `source` and assigning each value to `type[property]` (or `type`). */
export function verdictFile(type: string, source: string, verdicts: readonly Verdict[], options: VerdictOptions = {}): string {
  const lines = [`import type { ${type} } from '${source}';`, ''];
  verdicts.forEach(({ property, value, valid, text: written }, i) => {
    const target = property === undefined ? type : `${type}[${JSON.stringify(property)}]`;
    const text = written ?? JSON.stringify(value);
    if (options.structural) lines.push(`const s${i} = ${text};`);
    if (!valid) lines.push('// @ts-expect-error: TypeScript rejects it');
    lines.push(`export const v${i}: ${target} = ${options.structural ? `s${i}` : text};`);
  });
  return `${lines.join('\n')}\n`;
}
