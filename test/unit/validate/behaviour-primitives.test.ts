/** Primitives, literals, enums, optional and nullable properties, plain unions: the `primitives` fixture run. */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadGenerated, validatorsOf, type TypeValidators } from './helpers.js';

let primitives: TypeValidators;

beforeAll(async () => {
  const module = await loadGenerated('primitives', 'primitives.validate.ts');
  primitives = validatorsOf(module, 'Primitives');
});

const valid = {
  name: 'n',
  count: 1.5,
  active: false,
  big: 10n,
  nothing: null,
  anything: undefined,
  fixedText: 'fixed',
  fixedNumber: 42,
  fixedTrue: true,
  color: 'say "hi"',
  level: 10,
  nullable: null,
  mixed: true,
  choice: 'b',
};

describe('primitives', () => {
  it('accepts a valid value, with unknown accepting anything (undefined too), but not a missing key', () => {
    expect(primitives.accepts(valid)).toBe(true);
    expect(primitives.accepts({ ...valid, anything: { deep: [1] } })).toBe(true);
    const { anything: _omitted, ...withoutUnknown } = valid;
    expect(primitives.accepts(withoutUnknown)).toBe(false);
  });

  it('accepts optional properties missing or undefined, nullable ones null', () => {
    expect(primitives.accepts({ ...valid, maybe: 'x', optionalNullable: null, nullable: 3 })).toBe(true);
    expect(primitives.accepts({ ...valid, maybe: undefined, optionalNullable: true })).toBe(true);
  });

  it('reports the wrong type of every primitive', () => {
    const issues = primitives.issues({
      ...valid,
      name: 1,
      count: '1',
      active: 'yes',
      big: 1,
      nothing: undefined,
      maybe: null,
      nullable: undefined,
      optionalNullable: 0,
    });
    expect(issues).toEqual([
      '/name type',
      '/count type',
      '/active type',
      '/big type',
      '/nothing required',
      '/maybe type',
      '/nullable required',
      '/optionalNullable type',
    ]);
  });

  it('checks literals and enum members by value', () => {
    const issues = primitives.issues({ ...valid, fixedText: 'other', fixedNumber: 41, fixedTrue: false, color: 'Red', level: 2 });
    expect(issues).toEqual(['/fixedText enum', '/fixedNumber enum', '/fixedTrue enum', '/color enum', '/level enum']);
    expect(primitives.accepts({ ...valid, color: 'red', level: 1 })).toBe(true);
    expect(primitives.fullIssues({ ...valid, color: 'blue' })[0]?.expected).toBe('"red" | "green" | "say \\"hi\\""');
  });

  it('checks unions of primitives and of literals', () => {
    expect(primitives.accepts({ ...valid, mixed: 'text' })).toBe(true);
    expect(primitives.accepts({ ...valid, mixed: 0 })).toBe(true);
    expect(primitives.issues({ ...valid, mixed: null, choice: 'd' })).toEqual(['/mixed union', '/choice union']);
    expect(primitives.fullIssues({ ...valid, mixed: [] })[0]?.expected).toBe('string | number | boolean');
  });
});
