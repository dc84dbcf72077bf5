/** Every numeric, string and array constraint and every format: the `constraints` fixture run. */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadGenerated, validatorsOf, type TypeValidators } from './helpers.js';

let numbers: TypeValidators;
let texts: TypeValidators;
let formats: TypeValidators;

beforeAll(async () => {
  const module = await loadGenerated('constraints', 'constraints.validate.ts');
  numbers = validatorsOf(module, 'Numbers');
  texts = validatorsOf(module, 'Texts');
  formats = validatorsOf(module, 'Formats');
});

const validNumbers = {
  percent: 100,
  ratio: 0.5,
  price: 19.99,
  tenth: 0.3,
  five: -15,
  integer: -3,
  int32: 2147483647,
  uint32: 4294967295,
  int64: -9007199254740991,
  uint64: 0,
  float: 1.5,
  double: 1e300,
  balance: 9007199254740993n,
};

describe('number constraints', () => {
  it('accepts values on the bounds', () => {
    expect(numbers.accepts(validNumbers)).toBe(true);
    expect(numbers.accepts({ ...validNumbers, percent: 0, balance: -100n })).toBe(true);
  });

  it('reports each bound', () => {
    expect(numbers.issues({ ...validNumbers, percent: 100.5, ratio: 1 })).toEqual(['/percent maximum', '/ratio exclusiveMaximum']);
    expect(numbers.issues({ ...validNumbers, percent: -1, ratio: 0 })).toEqual(['/percent minimum', '/ratio exclusiveMinimum']);
  });

  it('checks decimal multiples on the decimal number written, without binary rounding errors', () => {
    for (const price of [19.99, 0.07, 1234567.89, -0.01, 0]) expect(numbers.accepts({ ...validNumbers, price })).toBe(true);
    for (const tenth of [0.3, 0.7, 2.2, 3e-1]) expect(numbers.accepts({ ...validNumbers, tenth })).toBe(true);
    for (const five of [15, -5e21]) expect(numbers.accepts({ ...validNumbers, five })).toBe(true);
    expect(numbers.issues({ ...validNumbers, price: 19.999, tenth: 0.35, five: 12 })).toEqual([
      '/price multipleOf',
      '/tenth multipleOf',
      '/five multipleOf',
    ]);
    expect(numbers.issues({ ...validNumbers, price: 0.1 + 0.2 + 0.001 })).toEqual(['/price multipleOf']);
    // Exact, not within a tolerance: these are one unit in the last place off a multiple.
    expect(0.1 * 3).toBe(0.30000000000000004);
    expect(numbers.issues({ ...validNumbers, tenth: 0.1 * 3, five: 15.000000000000002, price: 19.990000000000002 })).toEqual([
      '/price multipleOf',
      '/tenth multipleOf',
      '/five multipleOf',
    ]);
  });

  it('checks @type integer formats and their ranges', () => {
    expect(
      numbers.issues({
        ...validNumbers,
        integer: 1.5,
        int32: 2147483648,
        uint32: -1,
        int64: 2 ** 63,
        uint64: -1,
        float: 1e39,
        double: Number.POSITIVE_INFINITY,
      }),
    ).toEqual(['/integer type', '/int32 type', '/uint32 type', '/int64 type', '/uint64 type', '/float type', '/double type']);
    expect(numbers.fullIssues({ ...validNumbers, int32: 0.5 })[0]?.expected).toBe('int32');
  });

  it('compares bigint bounds as bigints', () => {
    expect(numbers.issues({ ...validNumbers, balance: 9007199254740994n })).toEqual(['/balance maximum']);
    expect(numbers.issues({ ...validNumbers, balance: -101n })).toEqual(['/balance minimum']);
    expect(numbers.issues({ ...validNumbers, balance: 5 })).toEqual(['/balance type']);
  });
});

const validTexts = { short: 'ab', code: 'ABC-12', greeting: 'HeLLo', few: ['a'], unique: [{ id: 1 }, { id: 2 }] };

describe('string and array constraints', () => {
  it('accepts values within the constraints', () => {
    expect(texts.accepts(validTexts)).toBe(true);
    expect(texts.accepts({ ...validTexts, short: '🎉🎉🎉🎉🎉', few: ['a', 'b', 'c'] })).toBe(true);
  });

  it('reports lengths in code points, patterns with their flags, item counts and duplicates', () => {
    const issues = texts.issues({ short: '🎉', code: 'abc-12', greeting: 'hello!', few: [], unique: [{ id: 1 }, { id: 1 }] });
    expect(issues).toEqual(['/short minLength', '/code pattern', '/greeting pattern', '/few minItems', '/unique uniqueItems']);
    expect(texts.issues({ ...validTexts, short: 'abcdef', few: ['a', 'b', 'c', 'd'] })).toEqual(['/short maxLength', '/few maxItems']);
    expect(texts.fullIssues({ ...validTexts, code: 'x' })[0]?.expected).toBe('/^[A-Z]{3}-\\d+$/u'); // read in Unicode mode, as every pattern is
  });

  it('checks the items of an array with unique items', () => {
    expect(texts.issues({ ...validTexts, unique: [{ id: 1 }, { id: '2' }] })).toEqual(['/unique/1/id type']);
  });
});

/** Per format: values that must pass and values that must fail. */
const FORMAT_CASES: Record<string, { valid: string[]; invalid: string[] }> = {
  email: { valid: ['a@b.co', 'first.last+tag@sub.example.org'], invalid: ['a@', '@b.co', 'a b@c.de', 'a@b'] },
  uri: { valid: ['https://example.com/a?b#c', 'urn:isbn:0451450523', 'mailto:a@b.c'], invalid: ['example.com', '/relative', 'http://a b'] },
  url: { valid: ['https://example.com', 'http://localhost:8080/x?y=1', 'ftp://files.example.org/f'], invalid: ['example.com', 'mailto:a@b.c', 'https://'] },
  uuid: { valid: ['123e4567-e89b-12d3-a456-426614174000', '00000000-0000-0000-0000-000000000000'], invalid: ['123e4567e89b12d3a456426614174000', 'g23e4567-e89b-12d3-a456-426614174000'] },
  date: { valid: ['2024-02-29', '2023-12-31', '2000-02-29'], invalid: ['2023-02-29', '1900-02-29', '2024-13-01', '2024-04-31', '2024-1-01', '2024-01-01T00:00:00Z'] },
  dateTime: {
    valid: ['2024-02-29T12:30:00Z', '2024-02-29t12:30:00.123+02:00', '2016-12-31T23:59:60Z', '2024-01-01T01:29:60+01:30'],
    invalid: ['2024-02-30T12:30:00Z', '2024-02-29T24:00:00Z', '2024-02-29T12:30:00', '2024-02-29', '2024-02-29T12:30:60Z', '2024-02-29T12:30:00.Z'],
  },
  time: { valid: ['12:30:00Z', '23:59:59.999-05:00', '00:00:00+00:00'], invalid: ['12:30:00', '12:60:00Z', '25:00:00Z', '12:30Z', '12:30:00+24:00'] },
  duration: { valid: ['P1Y2M3DT4H5M6S', 'PT0.5S', 'P2W', 'P1D'], invalid: ['P', 'PT', 'P1H', '1D', 'P1W2D'] },
  ipv4: { valid: ['192.168.0.1', '0.0.0.0', '255.255.255.255'], invalid: ['256.1.1.1', '1.2.3', '01.2.3.4', '1.2.3.4.5'] },
  ipv6: {
    valid: ['::1', '::', '1::', '2001:db8::ff00:42:8329', '1:2:3:4:5:6:7:8', '::ffff:192.168.1.1', 'fe80::1:2:3:4:5:6'],
    invalid: ['1:2:3:4:5:6:7:8:9', '1::2::3', ':1', '1:', '12345::', '1:2:3:4:5:6:7', 'g::1', '::ffff:256.1.1.1'],
  },
  hostname: { valid: ['example.com', 'a-b.c1.org', 'localhost', 'example.com.'], invalid: ['-a.com', 'a_b.com', 'a..b', `${'a'.repeat(64)}.com`] },
  byte: { valid: ['', 'YQ==', 'YWI=', 'YWJj', 'aGVsbG8gd29ybGQ='], invalid: ['YQ', 'YQ=', 'a b=', '@@@@'] },
  regex: { valid: ['^a+$', '(?<year>\\d{4})', '[a-z]'], invalid: ['(', '[a-', '\\'] },
  jsonPointer: { valid: ['', '/', '/a/b', '/a~0b/c~1d'], invalid: ['a', '/a~2', '/~'] },
  password: { valid: ['', 'anything at all', '🔑'], invalid: [] },
};

describe('formats', () => {
  for (const [property, { valid, invalid }] of Object.entries(FORMAT_CASES)) {
    it(`checks ${property}`, () => {
      for (const text of valid) expect(formats.issues({ [property]: text }), text).toEqual([]);
      for (const text of invalid) expect(formats.issues({ [property]: text }), text).toEqual([`/${property} format`]);
    });
  }

  it('names the format in the issue', () => {
    expect(formats.fullIssues({ email: 'nope' })[0]).toMatchObject({ code: 'format', expected: 'email' });
  });

  it('checks the type before the format', () => {
    expect(formats.issues({ uuid: 1 })).toEqual(['/uuid type']);
  });
});
