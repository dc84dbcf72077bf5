/**
 * Sample values per type of the validate fixtures (`test/fixtures/validate/<fixture>`), taken
 * from the validate behaviour tests: values each type must accept and values it must reject.
 * Shared by tests that compare another implementation of the same types with the generated
 * validators (the OpenAPI document's schemas under ajv, mocks…).
 *
 * `memoryOnly` lists values that are invalid in memory but whose JSON form is a valid value
 * (a number where a `bigint` is expected, an ISO string where a `Date` is expected without
 * `coerce`): a JSON Schema only ever sees the JSON form, so they cannot be compared.
 */

export interface TypeSamples {
  valid: unknown[];
  invalid: unknown[];
  memoryOnly?: unknown[];
}

export type FixtureSamples = Record<string, TypeSamples>;

const primitives = {
  name: 'n',
  count: 1.5,
  active: false,
  big: 10n,
  nothing: null,
  // Present (the key is required, whatever its type), with a value JSON keeps: `undefined` would leave the key out on the wire.
  anything: null,
  fixedText: 'fixed',
  fixedNumber: 42,
  fixedTrue: true,
  color: 'say "hi"',
  level: 10,
  nullable: null,
  mixed: true,
  choice: 'b',
};

const circle = { kind: 'circle', center: { x: 0, y: 1 }, radius: 2 };
const drawing = { title: 'Sketch', shapes: [circle, { kind: 'empty' }], tags: ['a'], origin: null };

const collections = {
  matrix: [[1, 2], [], [3]],
  readonlyNames: ['a'],
  pair: ['a', 1],
  optionalPair: ['a'],
  headAndRest: ['a', 1, 2, 3],
  scores: { alice: 1, bob: 2.5 },
  labels: { 1: 'one', '-2.5': 'minus' },
  flags: {},
  extras: { id: 'x', size: 3, color: 'red' },
  address: { street: 'Main', city: { name: 'Springfield' } },
};

const mixed = { pointOrLabel: 'here', pointOrPoints: [{ x: 1, y: 2 }], numbersOrNames: ['a'] };

const awkward = {
  'content-type': 'json',
  'say "hi"': 1,
  'back\\slash': true,
  'a/b~c': 'x',
  class: 'c',
  $dollar: 'd',
  '123start': 's',
  slashy: 'a/b"c\'7',
  quote: 'it\'s "quoted"',
  '*/': '${notTemplate}',
};

const numbers = {
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

const texts = { short: 'ab', code: 'ABC-12', greeting: 'HeLLo', few: ['a'], unique: [{ id: 1 }, { id: 2 }] };

/** Per format property of `Formats`: strings that must pass and strings that must fail. */
export const FORMAT_SAMPLES: Record<string, { valid: string[]; invalid: string[] }> = {
  email: { valid: ['a@b.co', 'first.last+tag@sub.example.org'], invalid: ['a@', '@b.co', 'a b@c.de', 'a@b'] },
  uri: { valid: ['https://example.com/a?b#c', 'urn:isbn:0451450523', 'mailto:a@b.c'], invalid: ['example.com', '/relative', 'http://a b'] },
  url: { valid: ['https://example.com', 'http://localhost:8080/x?y=1', 'ftp://files.example.org/f', 'FTp://u/C', 'ftp://7#z0'], invalid: ['example.com', 'mailto:a@b.c', 'https://', 'http://a/<b>', 'ftp://h#a#b'] },
  uuid: { valid: ['123e4567-e89b-12d3-a456-426614174000', '00000000-0000-0000-0000-000000000000'], invalid: ['123e4567e89b12d3a456426614174000', 'g23e4567-e89b-12d3-a456-426614174000', 'urn:uuid:123e4567-e89b-12d3-a456-426614174000'] },
  date: { valid: ['2024-02-29', '2023-12-31', '2000-02-29'], invalid: ['2023-02-29', '1900-02-29', '2024-13-01', '2024-04-31', '2024-1-01', '2024-01-01T00:00:00Z'] },
  dateTime: {
    valid: ['2024-02-29T12:30:00Z', '2024-02-29t12:30:00.123+02:00', '2016-12-31T23:59:60Z', '2024-01-01T01:29:60+01:30'],
    invalid: ['2024-02-30T12:30:00Z', '2024-02-29T24:00:00Z', '2024-02-29T12:30:00', '2024-02-29', '2024-02-29T12:30:60Z', '2024-02-29T12:30:00.Z', '2024-02-29T12:30:00+0100', '2024-02-29T12:30:00+01', '2024-02-29T12:30:00-0000'],
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

const at = new Date('2024-02-29T12:00:00Z');
const event = { at, history: [at], byDay: { monday: at }, span: [at, at], label: 'x' };
const isoEvent = {
  at: '2024-02-29T12:00:00Z',
  until: '2024-03-01T00:00:00+01:00',
  history: [at, '2024-01-01T00:00:00Z'],
  byDay: { monday: '2024-01-01T00:00:00Z', tuesday: at },
  span: ['2024-01-01T00:00:00Z', at],
  label: '2024-01-01T00:00:00Z',
};
// The `Reading` of dates-coerce: every position coerce converts, in its wire form (a Map's entries stay in memory: JSON gives `{}`).
const readingWire = {
  at: '2024-02-29T12:00:00Z',
  stamps: ['2024-01-01T00:00:00Z', at],
  id: '5',
  ten: '10',
  byTime: new Map<unknown, unknown>([['2024-01-01T00:00:00Z', '1'], [at, 2n]]),
  either: '7',
  count: 1.5,
  whole: 2,
  on: true,
};

const leaf = { value: 3, children: [] };

/** A value of `prototype-members`' `Optional`: the keys named like `Object` members are there (TypeScript reads the inherited ones otherwise). */
const prototypeFull = { constructor: 1, toString: 'a', valueOf: 'b', hasOwnProperty: true };

/** A value of `template-literals`' `Network`; each sample changes one key. */
const network = { ssid: 'wifi5', version: 'v1.2.3', size: '10px', id: '42', route: '/users/ann/posts/7', pair: '12', escaped: 'a.b*(1.5)[x]$', mixed: 'ax1', side: 'left-7' };

/** Samples by fixture, then by type name. */
export const VALIDATE_SAMPLES: Record<string, FixtureSamples> = {
  // Verdicts checked against tsc by test/unit/validate/prototype-members.test.ts. `__proto__` keys come from JSON.parse, which makes them own data properties.
  'prototype-members': {
    Optional: {
      valid: [prototypeFull, JSON.parse('{"constructor":1,"toString":"a","valueOf":"b","hasOwnProperty":true,"__proto__":"x","name":"n"}')],
      invalid: [{}, { toString: 'a', valueOf: 'b', hasOwnProperty: true }, { ...prototypeFull, constructor: 'x' }, { ...prototypeFull, valueOf: null }, JSON.parse('{"constructor":1,"toString":"a","valueOf":"b","hasOwnProperty":true,"__proto__":5}')],
    },
    Fitting: {
      valid: [{ valueOf: {} }, { valueOf: [], toString: 1, isPrototypeOf: null }],
      invalid: [{ valueOf: 'x' }, { valueOf: null, toString: 'a' }],
    },
    Required: {
      valid: [JSON.parse('{"toString":"a","isPrototypeOf":0,"toLocaleString":null,"__proto__":1}'), JSON.parse('{"toString":"a","toLocaleString":"b","__proto__":1}')],
      invalid: [{}, JSON.parse('{"toString":"a","isPrototypeOf":0,"toLocaleString":null}'), JSON.parse('{"toString":"a","isPrototypeOf":0,"__proto__":1}'), JSON.parse('{"toString":1,"isPrototypeOf":0,"toLocaleString":null,"__proto__":1}')],
    },
    Nested: {
      valid: [{ inner: prototypeFull, list: [{ valueOf: 2 }] }, { inner: prototypeFull, list: [] }],
      invalid: [{ inner: prototypeFull, list: [{}] }, { inner: {}, list: [] }, { inner: prototypeFull, list: [{ valueOf: 'x' }] }],
    },
    Tagged: {
      valid: [{ valueOf: 1, kind: { constructor: 'a', n: 1 } }, { valueOf: 2, kind: { constructor: 'b', s: 'x' } }],
      invalid: [{ valueOf: 3, kind: { constructor: 'a', n: 1 } }, { valueOf: 1, kind: { constructor: 'b', n: 1 } }, { valueOf: 1, kind: { n: 1 } }, { kind: { constructor: 'a', n: 1 } }],
    },
  },
  // Verdicts checked against tsc by test/unit/validate/template-literals.test.ts.
  'template-literals': {
    Network: {
      valid: [
        network,
        ...[' 1', '0x1F', '.5', '1e3', '-2', '5.'].map((n) => ({ ...network, ssid: `wifi${n}` })),
        { ...network, version: 'v1.5.2.3' },
        ...['auto', '50%', ' 1px'].map((size) => ({ ...network, size })),
        ...['-0x1F', '0', '0b101', '-0'].map((id) => ({ ...network, id })),
        { ...network, route: '/users//posts/1' },
        ...['1 ', '11e3', '0 '].map((pair) => ({ ...network, pair })),
        { ...network, tag: '#' },
        { ...network, tag: '#x#y' },
        { ...network, escaped: 'a.b*( 2)[]$' },
        ...['x1', 'ab x 1'].map((mixed) => ({ ...network, mixed })),
        { ...network, side: 'right-0' },
        { ...network, list: ['id-1', 'id-2.5'] },
        ...['auto', '5px'].map((width) => ({ ...network, width })),
        ...['latest', null, 'v1'].map((release) => ({ ...network, release })),
        ...['a', 'b', 'bxyz'].map((code) => ({ ...network, code })),
      ],
      invalid: [
        ...['wifi', 'wifi1e400', 'wifiInfinity', 'Wifi1', 'wifi1 x', 'wifi-0x1'].map((ssid) => ({ ...network, ssid })),
        { ...network, ssid: 5 },
        ...['v1.2', 'v1..2.3', 'v1.2.3.x'].map((version) => ({ ...network, version })),
        ...['10', 'px', '10pxx', '%'].map((size) => ({ ...network, size })),
        ...['01', ' 1', '1.5', '1_0', '1n', '-'].map((id) => ({ ...network, id })),
        { ...network, route: '/users/a/posts/b/posts/1' },
        ...['1e5', '1', '', '0x'].map((pair) => ({ ...network, pair })),
        ...['axb*(1)[x]$', 'a.b*(1)[x]'].map((escaped) => ({ ...network, escaped })),
        ...['axbx1', 'a1'].map((mixed) => ({ ...network, mixed })),
        ...['up-1', 'left-1.5'].map((side) => ({ ...network, side })),
        { ...network, tag: 'x' },
        { ...network, list: ['id-x'] },
        ...['autox', 'px', 5].map((width) => ({ ...network, width })),
        ...['v', 'latest1', 1].map((release) => ({ ...network, release })),
        ...['c', 'ab', ''].map((code) => ({ ...network, code })),
      ],
    },
  },
  primitives: {
    Primitives: {
      valid: [
        primitives,
        { ...primitives, anything: { deep: [1] } },
        { ...primitives, anything: 'x' },
        { ...primitives, maybe: 'x', optionalNullable: null, nullable: 3 },
        { ...primitives, maybe: undefined, optionalNullable: true },
        { ...primitives, color: 'red', level: 1 },
        { ...primitives, mixed: 'text' },
        { ...primitives, mixed: 0 },
      ],
      invalid: [
        { ...primitives, name: 1 },
        { ...primitives, count: '1' },
        { ...primitives, active: 'yes' },
        { ...primitives, nothing: undefined },
        { ...primitives, maybe: null },
        { ...primitives, nullable: undefined },
        { ...primitives, optionalNullable: 0 },
        { ...primitives, fixedText: 'other' },
        { ...primitives, fixedNumber: 41 },
        { ...primitives, fixedTrue: false },
        { ...primitives, color: 'Red' },
        { ...primitives, color: 'blue' },
        { ...primitives, level: 2 },
        { ...primitives, mixed: null },
        { ...primitives, mixed: [] },
        { ...primitives, choice: 'd' },
        { ...primitives, count: Number.NaN },
        null,
        [],
        'text',
      ],
      memoryOnly: [{ ...primitives, big: 1 }],
    },
  },
  shapes: {
    Shape: {
      valid: [circle, { kind: 'square', corner: { x: 1, y: 1 }, side: 0 }, { kind: 'empty' }],
      invalid: [{ kind: 'circle', center: { x: 'a' }, radius: 0 }, { kind: 'triangle' }, {}, 'circle', { kind: 'square', corner: { x: 1, y: 1 }, side: -1 }],
    },
    Drawing: {
      valid: [
        drawing,
        { ...drawing, background: null },
        { ...drawing, background: 'white', origin: { x: 1, y: 2 } },
        { ...drawing, background: undefined },
        { ...drawing, title: '😀'.repeat(40) },
      ],
      invalid: [
        { title: '', shapes: [circle, { kind: 'square' }, 3], background: 4, tags: 'a' },
        { ...drawing, title: 7 },
        { ...drawing, title: '😀'.repeat(41) },
        { ...drawing, origin: { x: Number.NaN, y: Number.POSITIVE_INFINITY } },
        null,
        [],
      ],
    },
  },
  collections: {
    Collections: {
      valid: [
        collections,
        { ...collections, optionalPair: ['a', 2], headAndRest: ['a'] },
        // `Record<number, string>` types the numeric keys only: TypeScript allows others in a value typed elsewhere.
        { ...collections, labels: { one: 'one', '01': 1 } },
      ],
      invalid: [
        { ...collections, matrix: [[1], [2, 'x'], 3] },
        { ...collections, pair: ['a'] },
        { ...collections, pair: ['a', 1, 2] },
        { ...collections, pair: [1, 'a'] },
        { ...collections, optionalPair: ['a', 'b'] },
        { ...collections, headAndRest: ['a', 1, 'x', 3, null] },
        { ...collections, headAndRest: [] },
        { ...collections, pair: { 0: 'a', 1: 1 } },
        { ...collections, scores: { alice: '1', 'a/b': Number.NaN } },
        { ...collections, labels: { one: 'one', 2: 2 } },
        { ...collections, labels: { 1.5: 1 } },
        { ...collections, flags: { on: 'yes' } },
        { ...collections, flags: [] },
        { ...collections, extras: { id: 'x', size: true } },
        { ...collections, extras: { id: 1 } },
        { ...collections, address: { street: 1, city: { zip: 12345 } } },
      ],
    },
  },
  composition: {
    Person: { valid: [{ name: 'Ann', age: 3, extra: true }], invalid: [{ name: 1, age: -1 }, { name: 'Ann' }, { name: 'Ann', age: -1 }] },
    ClosedPerson: { valid: [{ id: 'a', name: 'Ann' }], invalid: [{ id: 'a', name: 'Ann', age: 3 }, { name: 'Ann' }] },
    Mixed: {
      valid: [mixed, { pointOrLabel: { x: 0, y: 0 }, pointOrPoints: { x: 1, y: 1 }, numbersOrNames: [1, 2] }],
      invalid: [
        { ...mixed, pointOrLabel: { x: 1 } },
        { ...mixed, pointOrPoints: [{ x: 1, y: 'a' }] },
        { ...mixed, pointOrLabel: 3, numbersOrNames: [1, 'a'] },
        { ...mixed, numbersOrNames: [1, 'a'] },
      ],
    },
  },
  strict: {
    Account: {
      valid: [{ id: 'a', settings: { theme: 'dark' } }, { id: 'a', nickname: 'n', settings: { theme: 'dark' } }],
      invalid: [{ id: 'a', settings: { theme: 'dark', font: 1 }, 'x/y': 1 }, { id: 'a', settings: { theme: 'dark', font: 1 } }, { id: 'a', settings: { theme: 'dark' }, other: 1 }],
    },
    Empty: { valid: [{}], invalid: [{ a: 1 }, null] },
    Loose: { valid: [{ id: 'a', other: 1 }, { id: 'a' }], invalid: [{ other: 1 }, { id: 2 }] },
  },
  awkward: {
    Awkward: {
      valid: [awkward, { ...awkward, '*/': 'end */ of comment' }],
      invalid: [
        Object.fromEntries(Object.keys(awkward).map((key) => [key, []])),
        { ...awkward, slashy: 'a/b"c\'x' },
        { ...awkward, quote: "it's quoted" },
        { ...awkward, '*/': '${other}' },
      ],
    },
    EmailFormat: { valid: [{ address: 'a@b.co' }], invalid: [{ address: 'nope' }] },
    ValidationIssue: { valid: [{ message: 'm' }], invalid: [{ message: 1 }] },
  },
  constraints: {
    Numbers: {
      valid: [
        numbers,
        { ...numbers, percent: 0, balance: -100n },
        ...[19.99, 0.07, 1234567.89, -0.01, 0].map((price) => ({ ...numbers, price })),
        ...[0.3, 0.7, 2.2].map((tenth) => ({ ...numbers, tenth })),
      ],
      invalid: [
        { ...numbers, percent: 100.5 },
        { ...numbers, ratio: 1 },
        { ...numbers, percent: -1 },
        { ...numbers, ratio: 0 },
        { ...numbers, price: 19.999 },
        { ...numbers, tenth: 0.35 },
        // 1e-1 * 3 is 0.30000000000000004, not a multiple of the 0.1 written (the check is exact).
        { ...numbers, tenth: 1e-1 * 3 },
        { ...numbers, five: 12 },
        { ...numbers, price: 0.1 + 0.2 + 0.001 },
        { ...numbers, integer: 1.5 },
        { ...numbers, int32: 2147483648 },
        { ...numbers, int32: 0.5 },
        { ...numbers, uint32: -1 },
        { ...numbers, int64: 2 ** 63 },
        { ...numbers, uint64: -1 },
        { ...numbers, float: 1e39 },
        { ...numbers, double: Number.POSITIVE_INFINITY },
        { ...numbers, balance: 9007199254740995n },
        { ...numbers, balance: -101n },
      ],
      memoryOnly: [{ ...numbers, balance: 5 }],
    },
    Texts: {
      valid: [texts, { ...texts, short: '🎉🎉🎉🎉🎉', few: ['a', 'b', 'c'] }],
      invalid: [
        { short: '🎉', code: 'abc-12', greeting: 'hello!', few: [], unique: [{ id: 1 }, { id: 1 }] },
        { ...texts, short: '🎉' },
        { ...texts, code: 'abc-12' },
        { ...texts, greeting: 'hello!' },
        { ...texts, few: [] },
        { ...texts, unique: [{ id: 1 }, { id: 1 }] },
        { ...texts, short: 'abcdef' },
        { ...texts, few: ['a', 'b', 'c', 'd'] },
        { ...texts, unique: [{ id: 1 }, { id: '2' }] },
      ],
    },
    Formats: {
      valid: Object.entries(FORMAT_SAMPLES).flatMap(([property, { valid }]) => valid.map((text) => ({ [property]: text }))),
      invalid: [
        ...Object.entries(FORMAT_SAMPLES).flatMap(([property, { invalid }]) => invalid.map((text) => ({ [property]: text }))),
        { uuid: 1 },
      ],
    },
  },
  dates: {
    Event: {
      valid: [event, { ...event, until: null }],
      invalid: [{ ...event, at: new Date('nope') }, { ...event, history: [Date.now()] }, { ...event, label: 1 }],
      memoryOnly: [isoEvent, { ...event, until: '2024-01-01T00:00:00Z' }],
    },
  },
  'dates-coerce': {
    Event: {
      valid: [event, { ...event, until: null }, isoEvent],
      invalid: [{ ...event, at: '2024-02-30T00:00:00Z', history: ['yesterday'] }, { ...event, at: 1 }, { ...event, history: ['yesterday'] }],
    },
    Schedule: {
      valid: [
        { first: isoEvent, events: [event, isoEvent], moment: '2024-01-01T00:00:00Z', tagged: { kind: 'at', at: '2024-01-01T00:00:00Z' } },
        { first: event, events: [], moment: 'soon', tagged: { kind: 'none' } },
      ],
      invalid: [
        { first: event, events: [], moment: 1, tagged: { kind: 'none' } },
        { first: event, events: [], moment: 'soon', tagged: { kind: 'at', at: 'soon' } },
        { first: event, events: [], moment: 'soon', tagged: { kind: 'other' } },
      ],
    },
    // A leap second is a date-time no Date can hold (tester3 T-6): ajv's format accepts it (openapi agreement's FORMAT_DIFFERENCES).
    Reading: {
      valid: [readingWire, { ...readingWire, at, id: 5n, ten: 10n, either: at }, { ...readingWire, at: '0050-01-01 00:00:00.123456Z', either: 7 }],
      invalid: [
        { ...readingWire, at: '2016-12-31T23:59:60Z' },
        { ...readingWire, at: '2024-02-30T00:00:00Z' },
        { ...readingWire, stamps: ['2024-01-01T24:00:00Z'] },
        { ...readingWire, id: '05' },
        { ...readingWire, ten: '010' },
        { ...readingWire, either: '1e3' },
        { ...readingWire, count: '1' },
        { ...readingWire, whole: 1.5 },
        { ...readingWire, on: 'true' },
      ],
    },
    // `Record<number, Date>`: numeric keys only hold Dates (or, coerced, date-time strings); other keys are free.
    Diary: {
      valid: [{ byIndex: {} }, { byIndex: { 0: '2024-01-01T00:00:00Z', 1.5: new Date('2024-02-29T12:00:00Z'), '01': 'x', note: 1 } }],
      invalid: [{ byIndex: { 2: 'yesterday' } }, { byIndex: { '-1': 3 } }, { byIndex: 1 }, {}],
    },
  },
  'shared-shapes': {
    Article: {
      valid: [{ tags: ['a', 'b'], author: { name: 'Ada', email: 'a@b.c' }, meta: { x: 'y' } }],
      invalid: [{ tags: ['a', 'a'], author: { name: 'Ada' }, meta: {} }, { tags: [], author: {}, meta: { x: 2 } }],
    },
    Comment: {
      valid: [{ tags: [], author: { name: 'Ada', draft: 'no' }, meta: {} }],
      invalid: [{ tags: ['a', 'b', 'c', 'd'], author: { name: 'Ada' }, meta: {} }, { tags: [], author: { email: 1 }, meta: {} }],
    },
    Draft: {
      valid: [{ tags: ['a', 'b', 'c', 'd'], author: { name: 'Ada', draft: true }, title: 'T' }],
      invalid: [{ tags: ['a', 'b', 'c', 'd', 'e'], author: { name: 'Ada', draft: true }, title: 'T' }, { tags: [], author: { name: 'Ada' }, title: '' }],
    },
  },
  recursion: {
    TreeNode: {
      valid: [{ value: 1, children: [{ value: 2, children: [leaf, leaf] }] }, leaf],
      invalid: [{ value: 1, children: [{ value: 2, children: [{ value: 'x', children: [] }, {}] }] }],
    },
    Category: {
      valid: [{ name: 'a', parent: { name: 'b', parent: null } }, { name: 'a' }],
      invalid: [{ name: 'a', parent: { name: 'b', parent: { parent: 1 } } }],
    },
    Author: {
      valid: [{ name: 'Ann', books: [{ title: 'T', author: { name: 'Ann', books: [] } }] }],
      invalid: [{ name: 'Ann', books: [{ title: 'T', author: { books: [{}] } }] }],
    },
    Page_Order: { valid: [{ items: [{ id: 'a' }], total: 1 }], invalid: [{ items: [{ id: 1 }], total: 1 }, { items: [], total: '1' }] },
    Catalog: {
      valid: [{ orders: { items: [{ id: 'a' }], total: 1 } }],
      invalid: [{ orders: { items: [{ id: 1 }], total: '1' } }],
    },
  },
};
