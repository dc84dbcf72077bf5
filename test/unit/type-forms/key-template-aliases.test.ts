/**
 * A constrained alias inside a key (fixture analyzer/key-template-aliases, tester9 F8):
 * `Record<\`x-${Slug}\`, V>` and its kin check each key by its form only, and say so with warning
 * CG2021 at the property, as `` `${Slug}-x` `` as a value does. A key remapped with `as`
 * (`[P in Slug as \`k-${P}\`]`) holds the keys of its `as` clause, not `Slug`'s: `k-abc` is a key
 * (it was rejected as no Slug); `as P` keeps Slug's. TypeScript agrees with each `tsc` case (written `as const`, so `value` keeps its literal).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCase, type BuiltCase, judgedAlike } from './helpers.js';

type Case = [type: string, value: unknown, valid: boolean, tsc?: boolean];

const TEMPLATED = {
  record: { 'x-a': 1 },
  signature: { 'x-a': 1 },
  mapped: { 'a-y': 1 },
  partial: { 'x-a': 1 },
  viaAlias: { 'x-a': 1 },
  tagged: { 'x-a': 1 },
  union: { 'x-a': 1, 'y-b': 2 },
  nested: { n: { 'x-a': 1 } },
  value: 'a-x',
};

const CASES: Case[] = [
  ['Templated', TEMPLATED, true, true],
  // Checked by the form alone (CG2021 says so): a key whose hole is no Slug passes, one of another form is not held.
  ['Templated', { ...TEMPLATED, record: { 'x-A': 1 } }, true, true],
  ['Templated', { ...TEMPLATED, record: { 'x-a': 'one' } }, false, true],
  ['Templated', { ...TEMPLATED, nested: { n: { 'x-a': 'one' } } }, false, true],
  // The key alias's own maxLength (9) still holds.
  ['Templated', { ...TEMPLATED, tagged: { 'x-abcdefgh': 1 } }, false],
  ['Remapped', { remapped: { 'k-abc': 1 }, remappedAlias: { 'k-x-ab': 1 }, identity: { ab: 1 } }, true, true],
  ['Remapped', { remapped: { 'k-abc': 'one' }, remappedAlias: {}, identity: {} }, false, true],
  ['Remapped', { remapped: {}, remappedAlias: { 'k-x-ab': 'one' }, identity: {} }, false, true],
  ['Remapped', { remapped: {}, remappedAlias: {}, identity: { Ab: 1 } }, false],
  ['Carried', { whole: { 'x-ab': 1 }, inner: { n: { ab: 1 } }, noInfer: { Ab: 1 } }, true, true],
  ['Carried', { whole: { 'x-Ab': 1 }, inner: {}, noInfer: {} }, false],
  ['Carried', { whole: {}, inner: { n: { Ab: 1 } }, noInfer: {} }, false],
];

let built: BuiltCase;

/** TypeScript's verdicts: each `tsc` case assigned, as a non-fresh value, to its type. */
function verdicts(): string {
  const lines = ["import type * as T from './input/keys.js';"];
  CASES.forEach(([type, value, valid, tsc], i) => {
    if (!tsc) return;
    lines.push(`const v${i} = ${JSON.stringify(value)} as const;`);
    if (!valid) lines.push('// @ts-expect-error');
    lines.push(`export const t${i}: T.${type} = v${i};`);
  });
  return `${lines.join('\n')}\n`;
}

beforeAll(async () => {
  built = await buildCase('key-template-aliases', { 'verdicts.ts': verdicts() });
}, 180_000);

describe('a constrained alias inside a key', () => {
  it('compiles under tsc --strict, and TypeScript agrees with each case marked tsc', () => {
    expect(built.compileErrors).toBe('');
  });

  judgedAlike(CASES, () => built);

  it('is warning CG2021 at each property whose keys lose the alias, and nowhere else', () => {
    const lines = new Map<number, string>();
    for (const declaration of built.model.declarations) {
      if (declaration.type.kind !== 'object') continue;
      for (const property of declaration.type.properties) lines.set(property.source.line, `${declaration.name}.${property.name}`);
    }
    const warned = built.diagnostics.map((d) => `${d.severity} ${d.code} ${lines.get(d.line ?? 0) ?? d.line}`);
    expect(warned).toEqual([
      'warning CG2021 Templated.record',
      'warning CG2021 Templated.signature',
      'warning CG2021 Templated.mapped',
      'warning CG2021 Templated.partial',
      'warning CG2021 Templated.viaAlias',
      'warning CG2021 Templated.tagged',
      'warning CG2021 Templated.union',
      'warning CG2021 Templated.nested',
      'warning CG2021 Templated.value',
      'warning CG2021 Remapped.remapped',
      'warning CG2021 Remapped.remappedAlias',
      'warning CG2021 Carried.noInfer',
    ]);
  });

  it('names the alias and the key in the message', () => {
    expect(built.diagnostics[0]!.message).toBe(
      'The constraints of Slug do not reach the keys of Templated.record: codegen cannot follow the alias into the key ``x-${Slug}``, so its keys are checked without them.',
    );
    expect(built.diagnostics.find((d) => d.message.includes('Remapped.remappedAlias'))!.message).toContain('The constraints of XSlug');
  });
});
