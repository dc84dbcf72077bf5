/** `Date` positions, without and with the `coerce` option: the `dates` and `dates-coerce` fixtures run. */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadGenerated, validatorsOf, type TypeValidators } from './helpers.js';

let event: TypeValidators;
let coercedEvent: TypeValidators;
let schedule: TypeValidators;
let diary: TypeValidators;

beforeAll(async () => {
  event = validatorsOf(await loadGenerated('dates', 'events.validate.ts'), 'Event');
  const coerced = await loadGenerated('dates-coerce', 'events.validate.ts');
  coercedEvent = validatorsOf(coerced, 'Event');
  schedule = validatorsOf(coerced, 'Schedule');
  diary = validatorsOf(coerced, 'Diary');
});

const at = new Date('2024-02-29T12:00:00Z');
const validEvent = { at, history: [at], byDay: { monday: at }, span: [at, at], label: 'x' };
const isoEvent = {
  at: '2024-02-29T12:00:00Z',
  until: '2024-03-01T00:00:00+01:00',
  history: [at, '2024-01-01T00:00:00Z'],
  byDay: { monday: '2024-01-01T00:00:00Z', tuesday: at },
  span: ['2024-01-01T00:00:00Z', at],
  label: '2024-01-01T00:00:00Z',
};

describe('Date without coerce', () => {
  it('accepts valid Date instances only', () => {
    expect(event.accepts(validEvent)).toBe(true);
    expect(event.accepts({ ...validEvent, until: null })).toBe(true);
    expect(event.issues({ ...validEvent, at: new Date('nope'), until: '2024-01-01T00:00:00Z', history: [Date.now()] })).toEqual([
      '/at type',
      '/until type',
      '/history/0 type',
    ]);
  });

  it('answers false, never throws, for an object that passes instanceof Date but holds no time (tester7 F10)', () => {
    // getTime() on either threw "this is not a Date object".
    for (const fake of [new Proxy(new Date(), {}), Object.create(Date.prototype) as unknown]) {
      expect(event.accepts({ ...validEvent, at: fake })).toBe(false);
      expect(event.issues({ ...validEvent, at: fake })).toEqual(['/at type']);
      expect(coercedEvent.issues({ ...validEvent, at: fake })).toEqual(['/at type']);
    }
    class Stamp extends Date {}
    expect(event.accepts({ ...validEvent, at: new Stamp(0) })).toBe(true);
  });

  it('rejects ISO strings in every Date position', () => {
    expect(event.issues(isoEvent)).toEqual(['/at type', '/until type', '/history/1 type', '/byDay/monday type', '/span/0 type']);
  });
});

describe('Date with coerce', () => {
  it('accepts ISO date-time strings and returns Dates in their place', () => {
    const data = coercedEvent.data(isoEvent) as typeof isoEvent & Record<string, unknown>;
    expect(data.at).toEqual(new Date('2024-02-29T12:00:00Z'));
    expect(data.until).toEqual(new Date('2024-02-29T23:00:00Z'));
    expect(data.history).toEqual([at, new Date('2024-01-01T00:00:00Z')]);
    expect(data.byDay).toEqual({ monday: new Date('2024-01-01T00:00:00Z'), tuesday: at });
    expect(data.span).toEqual([new Date('2024-01-01T00:00:00Z'), at]);
    expect(data.label).toBe('2024-01-01T00:00:00Z');
  });

  it('copies only what changes and never mutates the input', () => {
    const input = { ...validEvent, history: [at, '2024-01-01T00:00:00Z'] };
    const data = coercedEvent.data(input) as typeof input;
    expect(input.history[1]).toBe('2024-01-01T00:00:00Z');
    expect(data).not.toBe(input);
    expect(data.byDay).toBe(input.byDay);
    expect(data.span).toBe(input.span);
    expect(coercedEvent.data(validEvent)).toBe(validEvent);
  });

  it('still rejects strings that are not date-times', () => {
    expect(coercedEvent.issues({ ...validEvent, at: '2024-02-30T00:00:00Z', history: ['yesterday'] })).toEqual(['/at type', '/history/0 type']);
    expect(coercedEvent.fullIssues({ ...validEvent, at: 1 })[0]?.expected).toBe('Date or date-time string');
  });

  it('coerces through refs, arrays, discriminated unions and plain unions', () => {
    const iso = '2024-01-01T00:00:00Z';
    const data = schedule.data({ first: isoEvent, events: [validEvent, isoEvent], moment: iso, tagged: { kind: 'at', at: iso } }) as Record<
      string,
      Record<string, unknown> & Array<Record<string, unknown>>
    >;
    expect(data['first']?.['at']).toBeInstanceOf(Date);
    expect(data['events']?.[0]).toBe(validEvent);
    expect(data['events']?.[1]?.['at']).toBeInstanceOf(Date);
    // `Date | string`: a text the `string` member accepts as it is stays a string (tester s7 R7), as TypeScript took it.
    expect(data['moment']).toBe(iso);
    expect(data['tagged']?.['at']).toEqual(new Date(iso));
    expect(schedule.data({ first: validEvent, events: [], moment: 'soon', tagged: { kind: 'none' } })).toMatchObject({ moment: 'soon' });
  });
});

describe('Record<number, Date> with coerce', () => {
  const iso = '2024-01-01T00:00:00Z';

  it('turns ISO strings into Dates under numeric keys only, and leaves the other keys as they are', () => {
    // TypeScript types the numeric names (`String(Number(key)) === key`) only: `01`, `note` and `1e3` are other keys.
    const input = { byIndex: { 0: iso, 1: at, '1.5': iso, '-2': iso, '01': iso, note: iso, '1e3': iso } };
    const data = diary.data(input) as { byIndex: Record<string, unknown> };
    expect(data.byIndex).toEqual({ 0: new Date(iso), 1: at, '1.5': new Date(iso), '-2': new Date(iso), '01': iso, note: iso, '1e3': iso });
    expect(data.byIndex['1']).toBe(at);
    expect(input.byIndex[0]).toBe(iso);
  });

  it('copies nothing when no numeric key holds a string, and still checks the numeric keys', () => {
    const input = { byIndex: { 0: at, note: iso, '01': 'not a date' } };
    expect(diary.data(input)).toBe(input);
    expect(diary.issues({ byIndex: { 2: 'yesterday', note: 'yesterday' } })).toEqual(['/byIndex/2 type']);
  });
});
