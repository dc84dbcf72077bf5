/**
 * What `coerce` makes of strings (tester3 T-6): a text it turns into a `Date` gives a valid `Date`
 * at the very time the text names, a text it cannot turn so (a leap second, a day that does not
 * exist) fails validation, and whatever `validateT` returns passes `isT`. Thousands of texts, each
 * in every position of the `Reading` fixture (dates-coerce), judged against an oracle written
 * apart from the generated code.
 */
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importGenerated, materializeFixture, validatorsOf, type TypeValidators } from '../helpers.js';

type Result = { success: true; data: Record<string, unknown> } | { success: false; issues: Array<{ path: string; code: string }> };

let reading: TypeValidators;
let validateReading: (value: unknown) => Result;
let isReading: (value: unknown) => boolean;

beforeAll(async () => {
  // A folder of its own: behaviour-dates.test.ts materialises the same fixture in parallel.
  const folder = await materializeFixture('dates-coerce', resolve('test/.tmp/validate-text-verdicts'));
  const module = await importGenerated<Record<string, unknown>>(folder, 'readings.validate.ts');
  reading = validatorsOf(module, 'Reading');
  validateReading = module['validateReading'] as typeof validateReading;
  isReading = module['isReading'] as typeof isReading;
});

const NOON = '2024-02-29T12:00:00Z';
const valid = { at: NOON, stamps: [NOON], id: '5', ten: '10', byTime: new Map([[NOON, '1']]), either: 1, count: 1, whole: 1, on: true };

const RFC_3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/;

/**
 * The oracle: the milliseconds a date-time text names, or undefined when no `Date` can mean it.
 * V8 reads the normalised text (upper-case `T`, three fraction digits, so its ISO parser and not
 * its lenient one), and the text's fields must come back in the text's own offset: V8 makes
 * `02-30` March 1st and `24:00` the next day, which the text did not say. A leap second has no
 * `Date`.
 */
function meaning(text: string): number | undefined {
  const match = RFC_3339.exec(text);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second, fraction = '', sign, offsetHour = '00', offsetMinute = '00'] = match as unknown as string[];
  if (Number(offsetHour) > 23 || Number(offsetMinute) > 59) return undefined;
  const zone = sign === undefined ? 'Z' : `${sign}${offsetHour}:${offsetMinute}`;
  const time = new Date(`${year}-${month}-${day}T${hour}:${minute}:${second}.${fraction.slice(0, 3).padEnd(3, '0')}${zone}`).getTime();
  if (Number.isNaN(time)) return undefined;
  const offset = (sign === '-' ? -1 : 1) * (Number(offsetHour) * 60 + Number(offsetMinute)) * 60_000;
  const local = new Date(time + offset);
  const fields = [local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate(), local.getUTCHours(), local.getUTCMinutes(), local.getUTCSeconds()];
  return fields.join() === [year, month, day, hour, minute, second].map(Number).join() ? time : undefined;
}

const INTEGER_TEXT = /^(?:0|-?[1-9][0-9]*)$/;

/** A small seeded generator (mulberry32), so a failure names a text that comes back on the next run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Date-time texts near and across every edge: years 0000-0099 and 9999, days 28-32, hours 23-24,
 * seconds 59-61, odd separators, fractions and offsets. Each part is one of RFC 3339's spellings
 * nine times in ten, so about half the texts are date-times, leap seconds and missing days among them.
 */
function dateTexts(count: number): string[] {
  const next = random(20241231);
  const pick = ([good, bad]: readonly [readonly string[], readonly string[]]): string => {
    const items = next() < 0.9 ? good : bad;
    return items[Math.floor(next() * items.length)]!;
  };
  const years = [['0000', '0001', '0050', '0099', '0100', '1900', '1969', '1970', '2000', '2016', '2023', '2024', '9999'], ['99999', '+02024', '20x4', '１２34']] as const;
  const months = [['01', '02', '04', '06', '12'], ['00', '13', '1']] as const;
  const days = [['01', '28', '29', '30', '31'], ['00', '32', '1']] as const;
  const hours = [['00', '01', '12', '23'], ['24', '25']] as const;
  const minutes = [['00', '29', '30', '59'], ['60', '5']] as const;
  const seconds = [['00', '59', '60'], ['61', '5']] as const;
  const fractions = [['', '', '.5', '.123', '.123456789', '.9999'], ['.', ',5']] as const;
  const separators = [['T', 't', ' '], ['_', '']] as const;
  const zones = [['Z', 'z', '+00:00', '-00:00', '+01:30', '-23:59', '+23:59'], ['+24:00', '+01', '+0100', '', ' Z']] as const;
  const texts: string[] = [];
  for (let i = 0; i < count; i++) {
    texts.push(`${pick(years)}-${pick(months)}-${pick(days)}${pick(separators)}${pick(hours)}:${pick(minutes)}:${pick(seconds)}${pick(fractions)}${pick(zones)}`);
  }
  return texts;
}

const NAMED_TEXTS = [
  '2016-12-31T23:59:60Z',
  '2016-12-31T23:59:60.5+00:00',
  '2024-01-01T01:29:60+01:30',
  '2024-01-01T24:00:00Z',
  '2024-02-30T00:00:00Z',
  '2023-02-29T00:00:00Z',
  '2024-13-01T00:00:00Z',
  '0050-01-01 00:00:00Z',
  '0000-01-01 00:00:00+01:00',
  '2024-01-01t00:00:00.123456789z',
  '9999-12-31T23:59:59-23:59',
  '+010000-01-01T00:00:00Z',
  '１２34-01-01T00:00:00Z',
  '2024-01-01',
  'yesterday',
  '1',
  '',
  ' 12 ',
  '0x10',
  '1e400',
  '-0',
  '01',
  '+1',
  '10',
  '9007199254740993',
  '-9223372036854775809',
  '1.5',
  'NaN',
  'Infinity',
  'true',
  'false',
];

describe('coerce: what validateReading makes of a text', () => {
  it('refuses leap seconds and loosely read texts with the usual type issue', () => {
    for (const at of ['2016-12-31T23:59:60Z', '2016-12-31T23:59:60.5+00:00', '2024-01-01T01:29:60+01:30', '2024-02-30T00:00:00Z', '2024-01-01T24:00:00Z']) {
      expect(reading.issues({ ...valid, at }), at).toEqual(['/at type']);
    }
  });

  it('gives the Date each text names, whatever the year or the separator', () => {
    const at = (text: string): string => (reading.data({ ...valid, at: text }) as { at: Date }).at.toISOString();
    expect(at('0050-01-01 00:00:00Z')).toBe('0050-01-01T00:00:00.000Z');
    expect(at('0001-01-01 00:00:00Z')).toBe('0001-01-01T00:00:00.000Z');
    expect(at('0000-01-01 00:00:00+01:00')).toBe('-000001-12-31T23:00:00.000Z');
    expect(at('2024-01-01t00:00:00.123456789z')).toBe('2024-01-01T00:00:00.123Z');
    expect(at('2024-01-01T00:00:00.9999Z')).toBe('2024-01-01T00:00:00.999Z');
    expect(at('9999-12-31T23:59:59-23:59')).toBe('+010000-01-01T23:58:59.000Z');
  });

  it('turns a text into a Date exactly when a Date means it, at that time; the data always passes isReading', () => {
    const texts = [...NAMED_TEXTS, ...dateTexts(2000)];
    let accepted = 0;
    let refused = 0;
    for (const text of texts) {
      const time = meaning(text);
      const cases: Array<[string, Record<string, unknown>, (data: Record<string, unknown>) => unknown, unknown]> = [
        ['at', { at: text }, (data) => data['at'], time],
        ['stamps', { stamps: [text] }, (data) => (data['stamps'] as unknown[])[0], time],
        ['stamps twice', { stamps: [NOON, text] }, (data) => (data['stamps'] as unknown[])[1], time !== undefined && time !== Date.parse(NOON) ? time : undefined],
        ['byTime key', { byTime: new Map([[text, '1']]) }, (data) => [...(data['byTime'] as Map<unknown, unknown>).keys()][0], time],
      ];
      for (const [where, change, read, expected] of cases) {
        const result = validateReading({ ...valid, ...change });
        expect(result.success, `${where}: ${JSON.stringify(text)}`).toBe(expected !== undefined);
        if (!result.success) {
          refused++;
          continue;
        }
        accepted++;
        const date = read(result.data);
        expect(date instanceof Date && date.getTime(), `${where}: ${JSON.stringify(text)}`).toBe(expected);
        expect(isReading(result.data), `${where}: ${JSON.stringify(text)}`).toBe(true);
      }
    }
    // The corpus reaches both verdicts often (of 8,000 cases, about 1,700 are accepted).
    expect(Math.min(accepted, refused)).toBeGreaterThan(1000);
  });

  it('turns a text into a bigint exactly when it is canonical decimal text; leaves number and boolean positions to refuse strings', () => {
    for (const text of [...NAMED_TEXTS, ...dateTexts(200)]) {
      const isInteger = INTEGER_TEXT.test(text);
      const time = meaning(text);
      const id = validateReading({ ...valid, id: text });
      expect(id.success ? id.data['id'] : 'refused', `id: ${JSON.stringify(text)}`).toBe(isInteger ? BigInt(text) : 'refused');
      const ten = validateReading({ ...valid, ten: text });
      expect(ten.success ? ten.data['ten'] : 'refused', `ten: ${JSON.stringify(text)}`).toBe(text === '10' ? 10n : 'refused');
      const value = validateReading({ ...valid, byTime: new Map([[NOON, text]]) });
      expect(value.success ? [...(value.data['byTime'] as Map<unknown, unknown>).values()][0] : 'refused').toBe(isInteger ? BigInt(text) : 'refused');
      const either = validateReading({ ...valid, either: text });
      const eitherData = either.success ? either.data['either'] : 'refused';
      expect(eitherData instanceof Date ? eitherData.getTime() : eitherData, `either: ${JSON.stringify(text)}`).toBe(
        time ?? (isInteger ? BigInt(text) : 'refused'),
      );
      for (const key of ['count', 'whole', 'on']) {
        expect(validateReading({ ...valid, [key]: text }).success, `${key}: ${JSON.stringify(text)}`).toBe(false);
      }
      for (const result of [id, ten, value, either]) if (result.success) expect(isReading(result.data)).toBe(true);
    }
  });
});
