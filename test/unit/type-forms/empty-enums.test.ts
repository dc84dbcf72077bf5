/**
 * An enum with no members (`enum Empty {}`, issue 9, left after s7): TypeScript takes any number
 * for it (`const e: Empty = 1.5` compiles, `'x'` and `null` do not), so codegen reads it as
 * `number`. It was a list of no values: isEmpty rejected everything, and the schema `enum: []`
 * was one ajv's strict mode refuses. Verdicts below are tsc's own (verdicts.ts is compiled).
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCase, failingMocks, freshLiteralVerdicts, judgedAlike, type BuiltCase, type JudgedCase } from './helpers.js';

const OK = { e: 0, c: 7, list: [1, 2.5], byName: { a: -1 } };
const CASES: JudgedCase[] = [
  ['Empty', 0, true, true],
  ['Empty', 1, true, true],
  ['Empty', 1.5, true, true],
  ['Empty', -40, true, true],
  ['Empty', 'x', false, true],
  ['Empty', null, false, true],
  ['ConstEmpty', 3, true, true],
  ['ConstEmpty', '3', false, true],
  ['Parts', 2, true, true],
  ['Parts', true, false, true],
  // Not tsc's verdict (it takes NaN, which JSON cannot carry): the member is left out (CG2022).
  ['OnlyNaN', 0, false],
  ['OnlyNaN', 'A', false],
  ['UsesEmpty', OK, true, true],
  ['UsesEmpty', { ...OK, maybe: 'x' }, true, true],
  ['UsesEmpty', { ...OK, maybe: 4 }, true, true],
  ['UsesEmpty', { ...OK, e: 'x' }, false, true],
  ['UsesEmpty', { ...OK, list: [1, null] }, false, true],
  ['UsesEmpty', { ...OK, byName: { a: 'b' } }, false, true],
];

// A number variable is an Empty too, not only literals.
const VARIABLE = `import type { Empty } from './input/empty.js';\ndeclare const n: number;\nexport const fromVariable: Empty = n;\n`;

let built: BuiltCase;
beforeAll(async () => {
  built = await buildCase('empty-enums', { 'verdicts.ts': freshLiteralVerdicts(CASES, './input/empty.js'), 'variable.ts': VARIABLE });
}, 120_000);

describe('an enum with no members is any number', () => {
  it('compiles under tsc --strict, with tsc agreeing with every verdict marked as its own', () => {
    expect(built.compileErrors).toBe('');
  });

  it('is read as number, with no diagnostic (only OnlyNaN\'s member, which JSON cannot carry, is CG2022)', () => {
    expect(built.model.declarations.find((d) => d.name === 'Empty')?.type).toEqual({ kind: 'number' });
    expect(built.diagnostics.map((d) => `${d.code} ${d.line}`)).toEqual(['CG2022 20']);
  });

  it('has the schema type: number, which ajv strict mode compiles', () => {
    const schemas = built.document.components!.schemas! as Record<string, Record<string, unknown>>;
    expect(schemas['Empty']).toMatchObject({ type: 'number' });
    expect(schemas['Empty']).not.toHaveProperty('enum');
    expect(() => new Ajv2020({ strict: true }).compile(schemas['Empty']!)).not.toThrow();
  });

  it('gives an enum whose every member is left out the schema not: {} (no value), which ajv strict mode compiles', () => {
    const schemas = built.document.components!.schemas! as Record<string, Record<string, unknown>>;
    expect(schemas['OnlyNaN']).toMatchObject({ not: {} });
    expect(schemas['OnlyNaN']).not.toHaveProperty('enum');
    expect(() => new Ajv2020({ strict: true }).compile(schemas['OnlyNaN']!)).not.toThrow();
  });

  judgedAlike(CASES, () => built);

  it('mocks numbers that pass the validators and the schema', () => {
    for (const type of ['Empty', 'ConstEmpty', 'Parts', 'UsesEmpty']) expect(failingMocks(built, type), type).toEqual([]);
    expect(typeof built.mock('Empty', 1)).toBe('number');
  });
});
