/** How values are bound and read back per codec and dialect, including what each driver returns. */
import pg from 'pg';
import { afterEach, describe, expect, test } from 'vitest';
import { datetimeTextEncoder, decimalOrderKey, decimalOrderSql, decoderFor } from '../../../templates/sql/sql-codecs.js';
import { createTableSql, decodeValue, encodeValue, formatDate, isoString, parseTimestamp, SqlBuilderError, type Codec, type Dialect } from '../../../templates/sql/sql-runtime.js';
import { books } from './tables.js';

describe('encodeValue', () => {
  const when = new Date('2024-01-02T03:04:05.678Z');
  test.each<[Codec, unknown, unknown, unknown]>([
    // codec, value, bound on PostgreSQL, bound on SQLite
    ['text', '', '', ''],
    ['boolean', true, true, 1],
    ['boolean', false, false, 0],
    ['timestamp', when, '2024-01-02T03:04:05.678Z', '2024-01-02T03:04:05.678Z'],
    ['date', '2024-01-02', '2024-01-02', '2024-01-02'],
    ['date', when, '2024-01-02', '2024-01-02'],
    ['json', { a: [1] }, '{"a":[1]}', '{"a":[1]}'],
    ['json', 'text', '"text"', '"text"'],
    ['json', [], '[]', '[]'],
    // SQLite is given the text jsonb would give back: keys by UTF-8 length, then bytewise, at every depth (T13).
    ['json', { bb: 1, a: [{ d: 1, c: 2 }], '10': 0, z: { y: 1, x: 0 } }, '{"10":0,"bb":1,"a":[{"d":1,"c":2}],"z":{"y":1,"x":0}}', '{"a":[{"c":2,"d":1}],"z":{"x":0,"y":1},"10":0,"bb":1}'],
    ['json', { toJSON: () => ({ b: 1, a: 2 }) }, '{"b":1,"a":2}', '{"a":2,"b":1}'],
    ['json', '{"b":1,"a":2}', '"{\\"b\\":1,\\"a\\":2}"', '"{\\"b\\":1,\\"a\\":2}"'],
    ['bigint', 2n ** 63n - 1n, '9223372036854775807', 2n ** 63n - 1n],
    ['bigint', -5, '-5', -5],
    // A string in an integer column: the text on PostgreSQL, the integer on SQLite (all 64 bits); a decimal's text on both.
    ['integer-text', '9223372036854775807', '9223372036854775807', 2n ** 63n - 1n],
    ['decimal-text', '-12345678901234567890.50', '-12345678901234567890.50', '-12345678901234567890.50'],
    ['decimal', 0.1, '0.1', 0.1],
    ['decimal', 1e21, '1e+21', 1e21],
    ['integer', 7, 7, 7],
    // Beyond 2^53 an integer is bound as its exact digits (tester s16 T-1: String(-(2 ** 63)) is '-9223372036854776000').
    ['integer', -(2 ** 63), '-9223372036854775808', -(2n ** 63n)],
    ['integer', 2 ** 63 - 1024, '9223372036854774784', 2n ** 63n - 1024n],
    ['integer', 2 ** 60, '1152921504606846976', 2n ** 60n],
    ['real', -0.5, -0.5, -0.5],
  ])('%s %o', (codec, value, postgres, sqlite) => {
    expect(encodeValue(codec, 'postgres', value)).toEqual(postgres);
    expect(encodeValue(codec, 'sqlite', value)).toEqual(sqlite);
  });

  test('timestamps are written exactly as toISOString() writes them, at any instant', () => {
    const instants = [0, -1, 1, 253402300799999, 253402300800000, -30610224000000, -30610224000001, -62198755200000, Date.UTC(2024, 1, 29, 23, 59, 59, 9)];
    for (let seed = 1; seed <= 2000; seed++) instants.push(Math.round(Math.sin(seed) * 8.64e15 * (seed % 2 ? 1 : 1e-3)));
    for (const instant of instants) expect(isoString(new Date(instant))).toBe(new Date(instant).toISOString());
  });

  test('an integer column refuses a fraction, NaN, ±Infinity and what int8 does not hold (2^63), naming the column', () => {
    for (const dialect of ['postgres', 'sqlite'] as const) {
      expect(() => encodeValue('integer', dialect, 1.5)).toThrow(new SqlBuilderError('integer: 1.5 is no integer, which an integer column cannot hold'));
      expect(() => encodeValue('integer', dialect, Number.NaN)).toThrow(new SqlBuilderError('integer: NaN is no integer, which an integer column cannot hold'));
      expect(() => encodeValue('integer', dialect, Number.POSITIVE_INFINITY)).toThrow(SqlBuilderError);
      expect(() => encodeValue('integer', dialect, 2 ** 63)).toThrow(new SqlBuilderError('integer: 9223372036854776000 is beyond a 64-bit integer (−2^63 to 2^63 − 1)'));
      expect(() => encodeValue('integer', dialect, -(2 ** 63) - 2048)).toThrow(SqlBuilderError);
    }
  });

  test('null binds NULL for every codec', () => {
    for (const codec of ['text', 'uuid', 'integer', 'real', 'decimal', 'bigint', 'boolean', 'timestamp', 'date', 'json'] as const) {
      for (const dialect of ['postgres', 'sqlite'] as const) expect(encodeValue(codec, dialect, null)).toBeNull();
    }
  });
});

describe("datetimeTextEncoder: TypeORM's SQLite datetime text (DateUtils.mixedDateToUtcDatetimeString)", () => {
  const encode = datetimeTextEncoder('post.at');
  test.each<[string, string]>([
    ['2024-07-07T10:00:00.000Z', '2024-07-07 10:00:00.000'],
    ['2024-01-02T03:04:05.678Z', '2024-01-02 03:04:05.678'],
    ['0999-12-31T23:59:59.007Z', '0999-12-31 23:59:59.007'],
  ])('%s is %s, which parseTimestamp reads back', (iso, text) => {
    expect(encode(new Date(iso))).toBe(text);
    expect(parseTimestamp(text).toISOString()).toBe(iso);
  });

  test('an invalid Date is a SqlBuilderError naming the column; other values pass as they are', () => {
    expect(() => encode(new Date(Number.NaN))).toThrow(/post\.at: invalid Date/);
    expect(encode('2024-07-07 10:00:00.000')).toBe('2024-07-07 10:00:00.000');
    expect(encode(null)).toBe(null);
  });
});

describe('decodeValue', () => {
  test.each<[Codec, Dialect, unknown, unknown]>([
    ['boolean', 'sqlite', 1, true],
    ['boolean', 'sqlite', 0, false],
    ['boolean', 'sqlite', 1n, true],
    ['boolean', 'sqlite', 0n, false],
    ['boolean', 'postgres', false, false],
    ['integer', 'sqlite', 42n, 42],
    ['integer', 'postgres', '42', 42],
    ['bigint', 'sqlite', 42, 42n],
    ['bigint', 'sqlite', 2n ** 63n - 1n, 2n ** 63n - 1n],
    ['bigint', 'postgres', '-9223372036854775808', -(2n ** 63n)],
    ['bigint', 'postgres', 7, 7n],
    ['decimal', 'postgres', '12345678.123456', 12345678.123456],
    ['decimal', 'sqlite', 1.25, 1.25],
    ['real', 'sqlite', 3n, 3],
    ['timestamp', 'sqlite', '2024-01-02T03:04:05.678Z', new Date('2024-01-02T03:04:05.678Z')],
    ['timestamp', 'postgres', '2024-01-02 08:34:05.678+05:30', new Date('2024-01-02T03:04:05.678Z')],
    ['date', 'postgres', '2024-01-02', '2024-01-02'],
    ['date', 'postgres', new Date(Date.UTC(2024, 0, 2)), '2024-01-02'],
    ['date', 'sqlite', '2024-01-02', '2024-01-02'],
    ['json', 'sqlite', '{"a":[1,null]}', { a: [1, null] }],
    ['json', 'sqlite', '"text"', 'text'],
    // PostgreSQL's json is selected as its text (tester5 V1): the JSON null is a value, not SQL NULL.
    ['json', 'postgres', '"text"', 'text'],
    ['json', 'postgres', 'null', null],
    ['json', 'postgres', '{"b":1,"a":[true]}', { b: 1, a: [true] }],
    ['json', 'postgres', [1, 2], [1, 2]],
    ['text', 'sqlite', '', ''],
    ['uuid', 'postgres', null, null],
  ])('%s on %s: %o', (codec, dialect, value, expected) => {
    expect(decodeValue(codec, dialect, value)).toEqual(expected);
  });

  test('stored text that is not JSON names the column', () => {
    expect(() => createTableSql(books, 'sqlite').decode({ meta: '{oops' })).toThrow('books.meta: stored value is not JSON');
  });
});

describe('decoding is total: each driver shape gives the row type, anything else a SqlBuilderError naming the column', () => {
  const DAY = 'a date (a day of the years 0001 to 9999)';
  const INSTANT = 'a timestamp (an instant of the years 0001 to 9999)';
  const ROUNDED = (as: string) => `${as} (beyond 2^53 the driver may have rounded it${as === 'text' ? '' : ': read 64-bit integers as bigints'})`;
  const when = new Date('2024-01-02T03:04:05.678Z');
  // codec, what a driver may hand over, what the row holds (for both dialects unless the codec is json)
  test.each<[Codec, unknown, unknown]>([
    // text and uuid: a number or bigint from an int8 (PGlite) or a SQLite STRICT INTEGER / REAL column
    ['text', 12, '12'],
    ['text', 9007199254740993n, '9007199254740993'],
    ['text', 1.5, '1.5'],
    ['text', true, 'true'],
    ['text', when, '2024-01-02T03:04:05.678Z'],
    ['uuid', 42, '42'],
    ['uuid', '00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000001'],
    ['date', new Date(Date.UTC(2024, 0, 2)), '2024-01-02'],
    ['integer', '-12', -12],
    ['integer', 12n, 12],
    // Beyond 2^53, an integer a double holds exactly (2^60, −2^63) reads as that number.
    ['integer', 2n ** 60n, 2 ** 60],
    ['integer', '-9223372036854775808', -(2 ** 63)],
    ['integer', 2n ** 63n - 1024n, 2 ** 63 - 1024],
    ['real', 2n ** 60n, 2 ** 60],
    ['date', '0001-01-01', '0001-01-01'],
    ['date', '2024-02-29', '2024-02-29'],
    ['timestamp', '9999-12-31 23:59:59.999+00', new Date('9999-12-31T23:59:59.999Z')],
    ['timestamp', '0001-01-01T00:00:00.000Z', new Date('0001-01-01T00:00:00.000Z')],
    ['timestamp', '2024-02-29', new Date('2024-02-29T00:00:00.000Z')],
    ['decimal', '12.50', 12.5],
    ['bigint', 12, 12n],
    ['bigint', ' -12 ', -12n],
    ['boolean', 't', true],
    ['boolean', 'f', false],
    ['boolean', 'true', true],
    ['boolean', 0, false],
    ['boolean', 1n, true],
    ['timestamp', '2024-01-02 03:04:05.678+00', when],
    ['timestamp', when, when],
  ])('%s from %o', (codec, value, expected) => {
    for (const dialect of ['postgres', 'sqlite'] as const) expect(decodeValue(codec, dialect, value)).toEqual(expected);
  });

  test.each<[Codec, unknown, string]>([
    ['decimal', '$12.50', 'cannot decode "$12.50" as a number'], // PostgreSQL money
    ['real', '', 'cannot decode "" as a number'],
    ['integer', 'twelve', 'cannot decode "twelve" as an integer'],
    ['integer', true, 'cannot decode true as an integer'],
    ['integer', 1.5, 'cannot decode 1.5 as an integer'],
    // A value the inputs refuse, or a number no double holds, is no row value either (tester s16 T-4, T-5).
    ['integer', 9007199254740992, `cannot decode 9007199254740992 as ${ROUNDED('an exact integer')}`],
    ['integer', 9007199254740993n, 'cannot decode 9007199254740993n as a number (no double holds it: the nearest is 9007199254740992)'],
    ['integer', '9007199254740993', 'cannot decode 9007199254740993n as a number (no double holds it: the nearest is 9007199254740992)'],
    ['real', 'Infinity', 'cannot decode "Infinity" as a finite number'],
    ['real', '-Infinity', 'cannot decode "-Infinity" as a finite number'],
    ['real', Number.NaN, 'cannot decode NaN as a finite number'],
    ['real', Number.NEGATIVE_INFINITY, 'cannot decode -Infinity as a finite number'],
    ['real', 2n ** 53n + 1n, 'cannot decode 9007199254740993n as a number (no double holds it: the nearest is 9007199254740992)'],
    ['decimal', 'NaN', 'cannot decode "NaN" as a finite number'],
    ['decimal', 'Infinity', 'cannot decode "Infinity" as a finite number'],
    ['bigint', 1e20, `cannot decode 100000000000000000000 as ${ROUNDED('a bigint')}`],
    ['text', 2 ** 53, `cannot decode 9007199254740992 as ${ROUNDED('text')}`],
    ['date', 20240102, `cannot decode 20240102 as ${DAY}`],
    ['date', 20240102n, `cannot decode 20240102n as ${DAY}`],
    ['date', '2024-02-30', `cannot decode "2024-02-30" as ${DAY}`],
    ['date', '2023-02-29', `cannot decode "2023-02-29" as ${DAY}`],
    ['date', '0000-01-01', `cannot decode "0000-01-01" as ${DAY}`],
    ['date', 'infinity', `cannot decode "infinity" as ${DAY}`],
    ['date', '-infinity', `cannot decode "-infinity" as ${DAY}`],
    ['date', '2024-1-5', `cannot decode "2024-1-5" as ${DAY}`],
    ['date', new Date(Date.UTC(10000, 0, 1)), `cannot decode the Date +010000-01-01T00:00:00.000Z as ${DAY}`],
    ['timestamp', 'infinity', `cannot decode "infinity" as ${INSTANT}`],
    ['timestamp', '-infinity', `cannot decode "-infinity" as ${INSTANT}`],
    ['timestamp', Number.NEGATIVE_INFINITY, `cannot decode -Infinity as ${INSTANT}`],
    ['timestamp', '0044-03-15 00:00:00+00 BC', `cannot decode "0044-03-15 00:00:00+00 BC" as ${INSTANT}`],
    ['timestamp', '2024-02-30T10:00:00.000Z', `cannot decode "2024-02-30T10:00:00.000Z" as ${INSTANT}`],
    ['timestamp', '2024-02-30 10:00:00+00', `cannot decode "2024-02-30 10:00:00+00" as ${INSTANT}`],
    ['timestamp', '2024-01-01T24:00:00.000Z', `cannot decode "2024-01-01T24:00:00.000Z" as ${INSTANT}`],
    ['timestamp', '0001-01-01 00:00:00+01', `cannot decode "0001-01-01 00:00:00+01" as ${INSTANT}`],
    ['timestamp', new Date(Date.UTC(10000, 0, 1)), `cannot decode the Date +010000-01-01T00:00:00.000Z as ${INSTANT}`],
    ['real', new Date(0), 'cannot decode the Date 1970-01-01T00:00:00.000Z as a number'],
    ['bigint', '12.5', 'cannot decode "12.5" as a bigint'],
    ['bigint', '', 'cannot decode "" as a bigint'],
    ['bigint', 1.5, 'cannot decode 1.5 as a bigint'],
    ['bigint', Number.POSITIVE_INFINITY, 'cannot decode Infinity as a bigint'],
    ['boolean', 'yes', 'cannot decode "yes" as a boolean'],
    ['boolean', Number.NaN, 'cannot decode NaN as a boolean'],
    ['timestamp', 'yesterday', `cannot decode "yesterday" as ${INSTANT}`],
    ['timestamp', Number.POSITIVE_INFINITY, `cannot decode Infinity as ${INSTANT}`], // 'infinity'::timestamptz from node-postgres and PGlite
    ['timestamp', 1704164645678, `cannot decode 1704164645678 as ${INSTANT}`],
    ['timestamp', new Date(Number.NaN), `cannot decode an invalid Date as ${INSTANT}`],
    ['text', new Uint8Array([97]), 'cannot decode a Uint8Array as text'], // bytea, BLOB
    ['text', { days: 1 }, 'cannot decode an Object as text'], // node-postgres' interval
    ['uuid', [1], 'cannot decode an Array as a uuid'],
    ['date', new Date(Number.NaN), `cannot decode an invalid Date as ${DAY}`],
    ['date', true, `cannot decode true as ${DAY}`],
  ])('%s from %o throws', (codec, value, message) => {
    for (const dialect of ['postgres', 'sqlite'] as const) {
      expect(() => decodeValue(codec, dialect, value)).toThrow(new SqlBuilderError(`${codec}: ${message}`));
    }
  });

  test('a SQLite BLOB is not JSON; a JSON number, an object decoded already and a bigint are', () => {
    expect(() => decodeValue('json', 'sqlite', new Uint8Array([1]))).toThrow('json: cannot decode a Uint8Array as JSON');
    expect([decodeValue('json', 'sqlite', 42), decodeValue('json', 'sqlite', 42n), decodeValue('json', 'sqlite', [1])]).toEqual([42, 42, [1]]);
  });

  test('a JSON number beyond a double is refused where JSON.parse would read ±Infinity (tester5 V3), on both dialects', () => {
    const huge = `1${'0'.repeat(400)}`;
    for (const dialect of ['postgres', 'sqlite'] as const) {
      expect(() => decodeValue('json', dialect, '{"a":[1,2e308]}')).toThrow("json: /a/1 is a number beyond a double's range (JSON.parse reads it as Infinity)");
      expect(() => decodeValue('json', dialect, `-${huge}`)).toThrow("json: the value is a number beyond a double's range (JSON.parse reads it as -Infinity)");
      expect(() => decodeValue('simple-json', dialect, `{"x~/":${huge}.5e-3}`)).toThrow('json: /x~0~1 is a number'.replace('json', 'simple-json'));
      // An exponent of three digits that stays in range, a long run of digits in a string, and underflow are read.
      expect(decodeValue('json', dialect, `[1e-400, 1.5e300, "${huge}", 0.${huge}]`)).toEqual([0, 1.5e300, huge, 0.1]);
    }
    expect(() => decodeValue('json', 'sqlite', Number.POSITIVE_INFINITY)).toThrow('json: cannot decode Infinity as JSON (a finite number)');
  });

  test('decode names the table and the field', () => {
    expect(() => createTableSql(books, 'postgres').decode({ id: 'x', price: '$12.50' })).toThrow(new SqlBuilderError('books.price: cannot decode "$12.50" as a number (row id x)'));
    expect(() => createTableSql(books, 'sqlite').decode({ id: 'x', 'author.id': 1, 'author.name': new Uint8Array([1]) })).toThrow(
      'authors.name: cannot decode a Uint8Array as text',
    );
  });
});

describe('tester4: what each engine gives that the inputs would refuse', () => {
  test("F6a: PostgreSQL's NaN decimal is refused without blaming SQLite's rounding; a number SQLite made still names it", () => {
    for (const dialect of ['postgres', 'sqlite'] as const) {
      const decode = decoderFor('decimal-text', dialect, 'member.price', 'text', 2)!;
      expect(() => decode('NaN'), dialect).toThrow(new SqlBuilderError('member.price: cannot decode "NaN" as a decimal'));
      expect(() => decode('Infinity'), dialect).toThrow(new SqlBuilderError('member.price: cannot decode "Infinity" as a decimal'));
    }
    expect(() => decoderFor('decimal-text', 'sqlite', 'n.a')!(1234567890.123456)).toThrow(/^n\.a: cannot decode 1234567890\.123456 as a decimal \(SQLite may have rounded/);
  });

  test('F3: numeric text reads into a number only when a double holds that decimal exactly', () => {
    const decode = decoderFor('decimal', 'postgres', 't.price')!;
    for (const [text, number] of [['12.50', 12.5], ['0.10', 0.1], ['-0.07', -0.07], ['100.00', 100], ['0.0000001', 1e-7], ['123456789012345680000', 123456789012345680000], ['0.00', 0]] as const) {
      expect(decode(text), text).toBe(number);
    }
    expect(() => decode('1234567890123456.78')).toThrow('t.price: cannot decode "1234567890123456.78" as a number (no double holds this decimal: the nearest is 1234567890123456.8)');
    expect(() => decode('9999999999999999.99')).toThrow(/the nearest is 10000000000000000\)$/);
    expect(() => decode('0.1000000000000000000001')).toThrow(/no double holds this decimal/);
    expect(() => decode('123456789012345678901')).toThrow(/the nearest is 123456789012345680000\)$/);
    // A double column's text is the server's text of a double: read as it is.
    expect(decoderFor('real', 'postgres', 't.ratio')!('0.333333333333333')).toBe(0.333333333333333);
  });

  test('F5: -0 reads as 0 from a number, numeric text or a double', () => {
    for (const codec of ['real', 'decimal'] as const) {
      const decode = decoderFor(codec, 'postgres', 't.n')!;
      for (const value of [-0, '-0', '-0.00']) expect(Object.is(decode(value), 0), `${codec} ${String(value)}`).toBe(true);
    }
  });

  test('F5a: a bigint beyond int8 is refused by the encoder naming the column, on both dialects', () => {
    for (const dialect of ['postgres', 'sqlite'] as const) {
      expect(() => encodeValue('bigint', dialect, 2n ** 64n), dialect).toThrow('bigint: 18446744073709551616n is beyond a 64-bit integer (−2^63 to 2^63 − 1)');
      expect(() => encodeValue('bigint', dialect, -(2n ** 63n) - 1n), dialect).toThrow(/beyond a 64-bit integer/);
    }
    expect([encodeValue('bigint', 'postgres', 2n ** 63n - 1n), encodeValue('bigint', 'sqlite', -(2n ** 63n))]).toEqual(['9223372036854775807', -(2n ** 63n)]);
  });
});

describe('parseTimestamp', () => {
  test.each([
    ['2024-01-02T03:04:05.678Z', '2024-01-02T03:04:05.678Z'],
    ['2024-01-02 03:04:05.678+00', '2024-01-02T03:04:05.678Z'],
    ['2024-01-02 05:04:05+02', '2024-01-02T03:04:05.000Z'],
    ['2024-01-01 23:34:05-03:30', '2024-01-02T03:04:05.000Z'],
    ['2024-01-02T08:34:05.1234+0530', '2024-01-02T03:04:05.123Z'],
    // An offset with seconds: PostgreSQL prints local mean time so, before a zone's standard time (tester s14 T-3).
    ['1849-12-31 19:03:58-04:56:02', '1850-01-01T00:00:00.000Z'],
    ['1850-01-01 05:53:28.5+05:53:28', '1850-01-01T00:00:00.500Z'],
    ['1849-12-31T19:03:58-045602', '1850-01-01T00:00:00.000Z'],
    ['0001-01-01 00:00:00+00', '0001-01-01T00:00:00.000Z'],
    // SQLite's CURRENT_TIMESTAMP form has no zone and is UTC: never read as local time.
    ['2024-01-02 03:04:05', '2024-01-02T03:04:05.000Z'],
    ['2024-01-02T03:04', '2024-01-02T03:04:00.000Z'],
  ])('%s', (text, iso) => {
    expect(parseTimestamp(text).toISOString()).toBe(iso);
  });

  test('unreadable text is an Invalid Date, not an exception', () => {
    expect(Number.isNaN(parseTimestamp('yesterday').getTime())).toBe(true);
  });
});

describe('formatDate reads a SQL date the way each driver made it, in any time zone', () => {
  const zone = process.env['TZ'];
  afterEach(() => {
    if (zone === undefined) delete process.env['TZ'];
    else process.env['TZ'] = zone;
  });
  const parseDate = pg.types.getTypeParser(pg.types.builtins.DATE) as (text: string) => Date;

  test.each(['UTC', 'America/New_York', 'Asia/Kolkata', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'America/Sao_Paulo'])('%s', (tz) => {
    process.env['TZ'] = tz;
    for (const text of ['2024-01-02', '2024-03-10', '2024-11-03', '1999-12-31', '0999-06-15']) {
      expect(formatDate(parseDate(text))).toBe(text); // node-postgres: local midnight
      expect(formatDate(new Date(`${text}T00:00:00Z`))).toBe(text); // PGlite: UTC midnight
    }
  });
});

describe('decode', () => {
  test('decodes in place and returns the same object when nothing is joined; decoding twice changes nothing', () => {
    const sql = createTableSql(books, 'sqlite');
    const raw = { id: 'x', inPrint: 1, copies: 5, publishedAt: '2024-01-02T03:04:05.678Z', meta: '[1]', authorId: 3n, releaseDate: null };
    const row = sql.decode(raw);
    expect(row).toBe(raw);
    expect(row).toEqual({ id: 'x', inPrint: true, copies: 5n, publishedAt: new Date('2024-01-02T03:04:05.678Z'), meta: [1], authorId: 3, releaseDate: null });
    expect(sql.decode({ ...row } as Record<string, unknown>)).toEqual(row);
  });

  test('a joined relation is nested, and null when its key is null', () => {
    const sql = createTableSql(books, 'postgres');
    expect(sql.decode({ id: 'x', copies: '1', 'author.id': 2, 'author.name': 'Octavia' })).toEqual({ id: 'x', copies: 1n, author: { id: 2, name: 'Octavia' } });
    expect(sql.decode({ id: 'x', 'author.id': null, 'author.name': null })).toEqual({ id: 'x', author: null });
  });

  test('decodeCount reads what each driver returns', () => {
    const sql = createTableSql(books, 'postgres');
    expect([sql.decodeCount({ count: 3 }), sql.decodeCount({ count: 3n }), sql.decodeCount({ count: '3' })]).toEqual([3, 3, 3]);
  });
});

describe('decimal text on SQLite: decimalOrderKey and its SQL sort as the numbers do', () => {
  /** Canonical decimal texts: no leading zeros, no -0, the fraction without trailing zeros. */
  function canonical(random: () => number): string {
    const whole = random() < 0.3 ? '0' : String(1 + Math.floor(random() * 10 ** Math.floor(random() * 15))) + (random() < 0.2 ? '0'.repeat(Math.floor(random() * 25)) : '');
    const fraction = random() < 0.4 ? '' : `${String(Math.floor(random() * 10 ** Math.floor(1 + random() * 12))).padStart(12, '0').replace(/0+$/, '')}`;
    const text = fraction === '' ? whole : `${whole}.${fraction}`;
    return random() < 0.5 && text !== '0' ? `-${text}` : text;
  }
  /** The number as an integer of 10^-40 units. */
  const numeric = (text: string): bigint => {
    const [whole, fraction = ''] = text.replace('-', '').split('.');
    return BigInt(`${whole}${fraction.padEnd(40, '0')}`) * (text.startsWith('-') ? -1n : 1n);
  };

  test('equal keys in JavaScript and SQLite, and both orders are the numbers\'', async () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const texts = [...new Set(['0', '-0.5', '-1', '-1.5', '-1.55', '-10', '9', '10', '0.000001', ...Array.from({ length: 400 }, () => canonical(random))])];
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (v TEXT) STRICT');
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
    for (const text of texts) insert.run(text);
    const rows = db.prepare(`SELECT v, ${decimalOrderSql('v')} AS k FROM t ORDER BY ${decimalOrderSql('v')}`).all() as { v: string; k: string }[];
    db.close();
    for (const { v, k } of rows) expect(k, v).toBe(decimalOrderKey(v));
    const byNumber = [...texts].sort((a, b) => (numeric(a) < numeric(b) ? -1 : numeric(a) > numeric(b) ? 1 : 0));
    expect(rows.map((row) => row.v)).toEqual(byNumber);
    expect([...texts].sort((a, b) => (decimalOrderKey(a) < decimalOrderKey(b) ? -1 : 1))).toEqual(byNumber);
    expect(() => decimalOrderKey('1e3')).toThrow(SqlBuilderError);
  });

  test("a NUMERIC column's INTEGER or REAL reads, compares and sorts as the text written", async () => {
    // Not codegen's STRICT TEXT: TypeORM's `numeric` and `decimal(20,4)` on SQLite, whose NUMERIC
    // affinity stores '0.10' as the REAL 0.1 and '12.0000' as the INTEGER 12.
    let seed = 11;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const significant = (text: string): number => text.replace(/[-.]/g, '').replace(/^0+/, '').replace(/0+$/, '').length;
    const texts = [
      ...new Set([
        '0', '0.1', '-0.5', '12', '1234.5', '0.00001', '0.0000001', '-0.00000015', '123456789012345', '1000000000000000', '9007199254740993', '99999999999999.9',
        ...Array.from({ length: 300 }, () => canonical(random)).filter((text) => significant(text) <= 15 && (text.split('.')[1] ?? '').length <= 4),
      ]),
    ];
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(':memory:');
    db.exec('CREATE TABLE n (v TEXT, a NUMERIC, s DECIMAL(20,4))');
    const insert = db.prepare('INSERT INTO n (v, a, s) VALUES (?, ?, ?)');
    // The column's text of 4 decimals, null for a value of more (0.00001 is in `a` only) or of
    // more than 15 digits (the text with a point becomes a double: see below).
    const scaled = (text: string): string | null =>
      (text.split('.')[1] ?? '').length > 4 || significant(text) > 15 ? null : text.includes('.') ? text.padEnd(text.indexOf('.') + 5, '0') : `${text}.0000`;
    for (const text of texts) insert.run(text, text, scaled(text));
    const select = db.prepare(`SELECT v, typeof(a) AS t, a, s, ${decimalOrderSql('a')} AS ka, ${decimalOrderSql('s', 4)} AS ks FROM n ORDER BY ${decimalOrderSql('a')}`);
    select.safeIntegers(true);
    const rows = select.all() as { v: string; t: string; a: unknown; s: unknown; ka: string; ks: string }[];
    expect(new Set(rows.map((row) => row.t))).toEqual(new Set(['integer', 'real']));
    const [plain, four] = [decoderFor('decimal-text', 'sqlite', 'n.a')!, decoderFor('decimal-text', 'sqlite', 'n.s', 'text', 4)!];
    for (const { v, a, s, ka, ks } of rows) {
      const text = scaled(v);
      expect([plain(a), s === null ? null : four(s)], v).toEqual([v, text]);
      expect([ka, ks], v).toEqual([decimalOrderKey(v), text === null ? null : decimalOrderKey(text)]);
    }
    const byNumber = [...texts].sort((x, y) => (numeric(x) < numeric(y) ? -1 : numeric(x) > numeric(y) ? 1 : 0));
    expect(rows.map((row) => row.v)).toEqual(byNumber);
    // More than 15 significant digits: SQLite keeps a REAL that may not be the text written.
    // '9007199254740993.0000' is the INTEGER 9007199254740992 (through a double); '9007199254740993' is exact.
    db.exec(`INSERT INTO n (v, a, s) VALUES ('x', '1234567890.123456', '0.12345'), ('y', '9007199254740993', '9007199254740993.0000')`);
    const read = db.prepare(`SELECT a, s FROM n WHERE v IN ('x', 'y') ORDER BY v`);
    read.safeIntegers(true);
    const [long, wide] = read.all() as { a: unknown; s: unknown }[];
    expect(() => plain(long!.a)).toThrow(/n\.a: cannot decode 1234567890\.123456 as a decimal \(SQLite may have rounded/);
    expect(() => four(long!.s)).toThrow(/n\.s: cannot decode 0\.12345 as a decimal of 4 decimals/);
    expect(plain(wide!.a)).toBe('9007199254740993');
    expect(() => four(wide!.s)).toThrow(/n\.s: cannot decode 9007199254740992n as a decimal/);
    // A bigint of 15 significant digits or fewer is the text a double came from; an integer number beyond 2^53 may be rounded by the driver.
    expect([four(-(10n ** 17n)), plain(2n ** 60n)]).toEqual(['-100000000000000000.0000', '1152921504606846976']);
    expect(() => plain(2 ** 60)).toThrow(/n\.a: cannot decode 1152921504606847000 as a decimal/);
    db.close();
  });
});
