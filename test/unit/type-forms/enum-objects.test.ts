/**
 * Issue 9 C6: `typeof Color` is the enum object (`{ Red: 'red', Green: 'green' }`), not one of
 * its values; a numeric enum's object maps values back to names as well. The enums themselves
 * pass their own validators; mocks name the members.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCase, failingMocks, type BuiltCase } from './helpers.js';

let built: BuiltCase;
let enums: { Color: object; Level: object };

beforeAll(async () => {
  built = await buildCase('enum-objects');
  enums = (await import('../../.tmp/type-forms/enum-objects/input/colors.js' as string)) as typeof enums;
}, 120_000);

describe('typeof an enum', () => {
  it('compiles under tsc --strict', () => {
    expect(built.compileErrors).toBe('');
  });

  it('accepts the enum objects themselves, and not their values', () => {
    const palette = built.validators('Palette');
    expect(palette.accepts({ colors: enums.Color, levels: enums.Level, color: 'red' })).toBe(true);
    expect(palette.accepts({ colors: 'red', levels: enums.Level, color: 'red' })).toBe(false);
    expect(palette.accepts({ colors: { Red: 'red', Green: 'blue' }, levels: enums.Level, color: 'red' })).toBe(false);
    expect(palette.accepts({ colors: enums.Color, levels: { Low: 0, High: 1, 0: 'Low', 1: 'High' }, color: 'red' })).toBe(true);
    expect(palette.accepts({ colors: enums.Color, levels: { Low: 0, High: 1, 0: 5 }, color: 'red' })).toBe(false);
  });

  it('agrees with the OpenAPI schema on the enum objects', () => {
    expect(built.schemaAccepts('Palette', { colors: enums.Color, levels: enums.Level, color: 'green' })).toBe(true);
    expect(built.schemaAccepts('Palette', { colors: 'red', levels: enums.Level, color: 'green' })).toBe(false);
  });

  it('mocks pass the validators and the schema', () => {
    expect(failingMocks(built, 'Palette')).toEqual([]);
  });
});
