/**
 * Issue 9: mocks of a string with a `@format` are drawn from the seed at run time, not picked
 * from sixteen values fixed at generation time, and every one is valid for the generated
 * validator and for ajv-formats' reading of the OpenAPI document. Alone, a format uses its
 * runtime generator (`mockEmail`, `mockUuid`…) or, where it has none or a length window rules
 * it out, the format's own expression compiled into a pattern program, each draw confirmed
 * against that expression and the window (generation-time samples, checked with the
 * validator's own format check, stay as the fallback). Beside a `@pattern` a format keeps the
 * proven samples (test/unit/mock/format-pattern-verdicts.test.ts).
 */
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { sampleRegex } from '../../../src/generators/kit/regex-sampler.js';
import { formatCheck } from '../../../src/generators/validate/compile/format-checks.js';
import { DRAWN_FORMATS } from '../../../src/generators/mock/compile/strings.js';
import { formatPattern } from '../../../src/generators/mock/compile/text-kinds.js';
import type { StringFormat } from '../../../src/model/types.js';
import { buildCase, failingMocks, type BuiltCase } from './helpers.js';

/** The format name the OpenAPI document gives each format ajv-formats reads (scalars.ts); others (`iri-reference` for `web-url`) it does not check. */
const AJV_NAMES: Partial<Record<StringFormat, string>> = {
  email: 'email', uri: 'uri', url: 'uri', uuid: 'uuid', date: 'date', 'date-time': 'date-time', time: 'time', duration: 'duration',
  ipv4: 'ipv4', ipv6: 'ipv6', hostname: 'hostname', byte: 'byte', regex: 'regex', 'json-pointer': 'json-pointer', 'web-uuid': 'uuid',
};

/** ajv-formats' check of a format, as `ajv.addFormat` would run it. */
function ajvCheck(name: string): (text: string) => boolean {
  const format = (fullFormats as Record<string, unknown>)[name];
  if (format instanceof RegExp) return (text) => format.test(text);
  if (typeof format === 'function') return format as (text: string) => boolean;
  const validate = (format as { validate: RegExp | ((text: string) => boolean) }).validate;
  return validate instanceof RegExp ? (text) => validate.test(text) : validate;
}

const SEEDS = 200;

let built: BuiltCase;

beforeAll(async () => {
  built = await buildCase('format-mocks');
}, 120_000);

/** How many distinct values each property takes over `SEEDS` seeds. */
function distinctValues(type: string): Record<string, number> {
  const seen: Record<string, Set<unknown>> = {};
  for (let seed = 0; seed < SEEDS; seed++) {
    for (const [key, value] of Object.entries(built.mock(type, seed) as Record<string, unknown>)) (seen[key] ??= new Set()).add(value);
  }
  return Object.fromEntries(Object.entries(seen).map(([key, values]) => [key, values.size]));
}

describe("the expressions mocks of a format are drawn from at run time", () => {
  for (const format of DRAWN_FORMATS) {
    it(`${format}: every string drawn is valid for the validator's check and for ajv-formats`, () => {
      const source = `^(?:${formatPattern({ format })})$`;
      const strings = [1, 2, 3].flatMap((seed) => sampleRegex({ source, count: 200, seed }));
      expect(strings.length).toBeGreaterThan(50);
      const check = formatCheck({ format });
      const ajv = AJV_NAMES[format] ? ajvCheck(AJV_NAMES[format]!) : undefined;
      expect(strings.filter((text) => (check && !check(text)) || (ajv && !ajv(text)))).toEqual([]);
    });
  }
});

describe('mocks of strings with a format', () => {
  it('compile under tsc --strict', () => {
    expect(built.compileErrors).toBe('');
  });

  it('are valid for the validators and for ajv-formats, alone and in a length window', () => {
    expect(failingMocks(built, 'Formatted', SEEDS)).toEqual([]);
    expect(failingMocks(built, 'Windowed', SEEDS)).toEqual([]);
  });

  it('vary with the seed: far more than sixteen values per property', () => {
    for (const type of ['Formatted', 'Windowed']) {
      for (const [key, count] of Object.entries(distinctValues(type))) expect(count, `${type}.${key}`).toBeGreaterThan(50);
    }
  });

  it('are the same for the same seed', () => {
    expect(built.mock('Windowed', 7)).toEqual(built.mock('Windowed', 7));
    expect(built.mock('Formatted', 7)).toEqual(built.mock('Formatted', 7));
  });
});
