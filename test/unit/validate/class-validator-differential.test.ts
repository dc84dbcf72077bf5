/**
 * class-validator and codegen's generated validators on the same DTOs and values: the
 * decorators mean what the library means. They differ only where the property's TypeScript
 * type is stricter than the library (a generated `isT` is a type guard); each such difference is
 * listed below with the warning the analyzer gives for it.
 */
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { validateSync } from 'class-validator';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyzer/index.js';
import type { GeneratorDefinition } from '../../../src/generators/kit/contract.js';
import { mockGenerator } from '../../../src/generators/mock/index.js';
import { openapiGenerator } from '../../../src/generators/openapi/index.js';
import { validateGenerator } from '../../../src/generators/validate/index.js';
import { createRenderer } from '../../../src/render/index.js';
import * as dtos from '../../fixtures/class-validator-differential/input/dtos.js';
import { NestedName } from '../../fixtures/class-validator-differential/input/referenced.js';
import { strictCompile } from '../../helpers/strict-compile.js';
import { typecheck } from '../../helpers/typecheck.js';
import { CONTEXT, validatorsOf, type TypeValidators } from './helpers.js';

// ajv-formats is CommonJS: under NodeNext its default import is the module object.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

const ROOT = resolve('test/fixtures/class-validator-differential');
const TMP = resolve('test/.tmp/class-validator-differential');

const longHost = `https://${'a'.repeat(2080)}.com`;

/**
 * Addresses for `@IsIP()`, `@IsIP(4)` and `@IsIP(6)`: edge forms, each with zone ids and stray
 * characters around it (tester s13 T-D, T-E; 210 values through the library and the validators).
 */
const IP_VALUES = ['::1', 'fe80::1', '1:2:3:4:5:6:7:8', '::ffff:1.2.3.4', '1.2.3.4', '255.255.255.255', '2001:db8::'].flatMap((base) =>
  ['', ':', '0'].flatMap((prefix) => ['', '%eth0', '%25eth0', '%', '%a.b', '%a-b', ':', '::', '.1', '0'].map((suffix) => `${prefix}${base}${suffix}`)),
);

/** Edge values per DTO: each is a whole plain object, as a request body would be. */
const VALUES: Record<keyof typeof dtos, unknown[]> = {
  OptionalNickname: [{}, { nickname: undefined }, { nickname: null }, { nickname: 'ada' }, { nickname: '' }, { nickname: 1 }],
  OptionalNullableNickname: [{}, { nickname: null }, { nickname: 'ada' }, { nickname: 1 }],
  OptionalTitle: [{}, { title: null }, { title: 'Dune' }, { title: 2 }],
  DefinedNote: [{}, { note: undefined }, { note: null }, { note: '' }, { note: 'x' }, { note: 1 }],
  DefinedNullableNote: [{}, { note: null }, { note: 'x' }],
  DateString: [
    '2024-02-29', '2023-02-29', '2024-02-30', '2024-02-29T12:00:00', '2024-02-29T12:00', '2024-02-29T12', '2024', '2024-02',
    '20240229', '2024-W09', '2024-W09-3', '2024-060', '2024-366', '2023-366', '2024-02-29T12:00:00Z', '2024-02-29 12:00:00',
    '2024-02-29t12:00:00z', '2024-02-29T24:00:00', '2024-02-29T24:00', '2023-13-01', '2024-02-29T12:00:00.123+02:00',
    '2024-02-29T12:00:00,5Z', '2024-02-29T12:00:00+0200', '2024-02-29T12:00:00+02', '+2024-02-29', '-0001-01-01', '12024-01-01',
    '2024-02-29T12:00:60Z', 'x', '', ' 2024-02-29', 20240229,
  ].map((at) => ({ at })),
  StrictIso8601: [
    '2024-02-29', '2023-02-29', '2024-02-30', '2024-04-31', '2024-02-29T12:00:00', '2024-02-29T12:00:00Z', '2024-366', '2023-366',
    '2023-365', '2024-W53-7', '2024', '2024-02', '20230229', '2024-02-29T25:00', 'x',
  ].map((at) => ({ at })),
  AnyUrl: [
    'example.com/hook', 'http://example.com', 'https://example.com', 'ftp://example.com/x', 'localhost', 'http://localhost',
    'example', 'mailto:a@b.com', '//example.com', 'http://1.2.3.4', 'http://1.2.3.256', 'http://[::1]/x', 'http://[::1]:8080',
    'ws://example.com', 'example.com:8080/a?b#c', 'example.com:0', 'http://user:pw@example.com', 'http://:@example.com',
    'user@example.com', 'http://exa mple.com', 'HTTPS://EXAMPLE.COM', 'http://example.com:99999', 'http://ex_ample.com',
    'http://example.com.', 'a.b', 'https://xn--bcher-kva.com', 'https://bücher.de', 'https://-bad.com', 'https://example.123',
    'https://example.com/<x>', 'https://example.com?q=1#top', longHost, '', 42,
  ].map((link) => ({ link })),
  HttpsUrl: ['https://example.com', 'HTTPS://example.com', 'http://example.com', 'ftp://example.com', 'example.com', 'example.com:443'].map(
    (link) => ({ link }),
  ),
  HttpsOrBareUrl: ['https://example.com', 'http://example.com', 'example.com/hook', 'example.com:443'].map((link) => ({ link })),
  FtpUrl: ['ftp://example.com/x', 'https://example.com', 'example.com'].map((link) => ({ link })),
  EachMaxLength: [[], ['abc'], ['abcde', 'x'], ['abcdef'], ['x', 'abcdef'], ['😀😀😀😀😀'], ['😀😀😀😀😀😀'], ['❤️❤️❤️❤️❤️'], ['❤️❤️❤️❤️❤️❤️'], [1], 'abc'].map((tags) => ({ tags })),
  EachMin: [[], [0, 1], [-1], [0, -0.5], [1, 2, 3, 4]].map((scores) => ({ scores })),
  // validator.js's isLength count (tester T-A): a character and its variation selector (U+FE0E/U+FE0F) count one, a pair one, lone selectors and surrogates one each.
  Lengths: [
    'a', 'ab', 'abcd', 'abcde', '😀😀', '😀', '', '❤️', '❤️❤️', '❤️❤️❤️❤️', '❤️❤️❤️❤️❤️', '❤︎❤︎❤︎', '😀️😀️', '😀️😀️😀️😀️😀️', '\uFE0F', '\uFE0F\uFE0F',
    'a\uFE0F\uFE0F', 'a\uFE0F\uFE0F\uFE0F\uFE0F', '\uD83D', '\uD83D\uFE0F', '\uDE00\uD83D', 'ab\uFE0E', 'abc\uFE0F\uFE0F',
  ].map((name) => ({ name })),
  LengthPair: ['a', 'ab', 'abc', 'abcd', '❤️', '❤️❤️', '❤️❤️❤️', '❤️❤️❤️❤️', 'a\uFE0F\uFE0F\uFE0F'].map((code) => ({ code })),
  Bounds: [0, -0, -1, 10, 10.5, 5.5, Number.NaN, Number.POSITIVE_INFINITY, '5'].map((n) => ({ n })),
  Integer: [1, -1, 0, -0, 1.5, 1e21, Number.NaN, Number.POSITIVE_INFINITY, '1'].map((n) => ({ n })),
  Positive: [1, 0.1, 0, -0, -1, Number.POSITIVE_INFINITY].map((n) => ({ n })),
  Negative: [-1, -0.1, 0, -0, 1, Number.NEGATIVE_INFINITY].map((n) => ({ n })),
  DivisibleByThree: [0, 3, -3, 4, 4.5, 9e15].map((n) => ({ n })),
  Email: ['a@b.co', 'first.last@example.com', 'a@b', 'a b@c.com', 'a@b.c', 'a@-b.com', 'a..b@c.com', '@c.com', 'a@'].map((email) => ({ email })),
  Uuid: ['123e4567-e89b-12d3-a456-426614174000', '123E4567-E89B-12D3-A456-426614174000', '123e4567e89b12d3a456426614174000', 'urn:uuid:123e4567-e89b-12d3-a456-426614174000', 'x'].map(
    (id) => ({ id }),
  ),
  Ipv4: ['1.2.3.4', '255.255.255.255', '256.1.1.1', '01.2.3.4', '1.2.3', '::1', ...IP_VALUES].map((ip) => ({ ip })),
  Ipv6: ['::1', '::', '2001:db8::1', '1:2:3:4:5:6:7:8', '1:2:3:4:5:6:7:8:9', '::ffff:1.2.3.4', 'g::1', '1.2.3.4', 'fe80::1%eth0', ...IP_VALUES].map((ip) => ({ ip })),
  UniqueObjects: [[], [{ a: 1 }], [{ a: 1 }, { a: 2 }], [{ a: 1 }, { a: 1 }], 'x'].map((v) => ({ v })),
  IpAny: ['1.2.3.4', '::1', 'fe80::1%eth0', '256.1.1.1', 'x', '', ...IP_VALUES].map((ip) => ({ ip })),
  Lowercase: ['abc', 'ABC', '', 'a1'].map((word) => ({ word })),
  // @Matches as written, without u (tester T-B).
  SingleUnit: ['a', '😀', '\uD83D', '', 'ab', '\n', 'é'].map((ch) => ({ ch })),
  CaselessAscii: ['abc', 'ABC', 'aBc', '\u212A', 'ſ', 'K', 'a1', ''].map((word) => ({ word })),
  BracedEscape: ['A', 'u'.repeat(41), 'u', '\\u{41}'].map((text) => ({ text })),
  NotAt: ['a@b', '😀@b', 'a@😀', 'a@b@c', '@b', 'a@'].map((email) => ({ email })),
  WordDashDot: ['a', '-', '.', '_', '9', ',', 'ab', '😀'].map((ch) => ({ ch })),
  LiteralBraces: ['a{,2}', 'a', 'aa', 'a{2}', ''].map((text) => ({ text })),
  ControlJ: ['\n', 'J', '\\cJ', 'cJ', ''].map((text) => ({ text })),
  StickyString: ['b', 'bc', 'ab', ''].map((text) => ({ text })),
  GlobalFlag: ['b', 'ab', 'a'].map((text) => ({ text })),
  // Arguments naming constants: the constant's value, as if written in place.
  SlugConst: ['a-b', 'x1', 'A', '', 'a_b'].map((slug) => ({ slug })),
  SlugReexported: ['a-b', 'A'].map((slug) => ({ slug })),
  CodeConst: ['AB12', 'ab12', 'A12', 'AB123'].map((code) => ({ code })),
  HexMember: ['09af', 'AF', 'g'].map((hex) => ({ hex })),
  WordRegExp: ['a_1', 'a-1', ''].map((word) => ({ word })),
  LocalPattern: ['abc', 'aBc'].map((word) => ({ word })),
  DigitsTemplate: ['123', '12a', ''].map((digits) => ({ digits })),
  TwoDigitsRegExp: ['12', '1', '123'].map((digits) => ({ digits })),
  LengthConsts: [
    { code: 'ab', name: 'abcde' }, { code: 'abc', name: '' }, { code: 'a', name: 'x' }, { code: 'abcd', name: 'x' }, { code: 'ab', name: 'abcdef' },
  ],
  LimitBounds: [0, 1, 10, 11, 5.5].map((n) => ({ n })),
  RoleConst: ['admin', 'user', 'root', ''].map((role) => ({ role })),
  NotEmptyText: ['', ' ', 'x'].map((text) => ({ text })),
  NotEmptyNumber: [0, -0, 1].map((n) => ({ n })).concat([{}] as never[]),
  NullableBio: [{}, { bio: null }, { bio: 'abcde' }, { bio: 'abcdef' }],
  NotEmptyList: [[], [''], ['x', 'y']].map((items) => ({ items })),
  ListSizes: [[], ['a'], ['a', 'b'], ['a', 'a'], ['a', 'b', 'c']].map((items) => ({ items })),
  BaseItem: [0, 1, 99, 100, 500, 1.5].map((qty) => ({ qty })),
  RedeclaredItem: [0, 1, 99, 100, 500].map((qty) => ({ qty })),
  TightenedItem: [0, 1, 50, 51, 99, 100].map((qty) => ({ qty })),
  LoosenedItem: [0, 1, 99, 100, 500, 501].map((qty) => ({ qty })),
  GrandchildItem: [{}, { qty: null }, { qty: 1 }, { qty: 100 }, { qty: 0 }],
  NumberOfUnion: [1, 1.5, 'x', '1', null, Number.NaN].map((maybe) => ({ maybe })),
  IntOfUnion: [1, 1.5, '1', 'x'].map((n) => ({ n })),
  EnumOnString: ['admin', 'user', 'Admin', 'other', '', 1].map((role) => ({ role })),
  NumericEnumOnUnion: [1, 2, 3, 'Low', 'High', '1', 'x'].map((level) => ({ level })),
  InList: ['red', 'green', 'blue', '', null].map((color) => ({ color })),
  InListWithLength: ['a', 'bb', 'ccc', 'dd'].map((code) => ({ code })),
  ObjectNotArray: [{}, { a: 1 }, [], [1], 'x'].map((obj) => ({ obj })),
  DateOfUnion: [new Date(0), new Date(Number.NaN), '2024-01-01', 1].map((when) => ({ when })),
  EachStringOfUnion: [[], ['a'], [1], ['a', 1]].map((tags) => ({ tags })),
  StringOfUnknown: [{}, { anything: 'x' }, { anything: '' }, { anything: 1 }, { anything: null }],
  StringOnNumber: [{ age: 1 }, { age: 'x' }, { age: null }],
  BooleanOnLiterals: [{ flag: 'yes' }, { flag: true }, { flag: 1 }],
  ArrayOnString: [{ notArr: 'x' }, { notArr: ['x'] }, { notArr: 1 }],
  LiteralBounds: [-1, 0, 2, 1].map((bit) => ({ bit })),
  LiteralLengths: ['ab', 'abcdef', 'abc'].map((code) => ({ code })),
  LiteralInteger: [1, 2.5, 2].map((whole) => ({ whole })),
  EnumLength: ['s', 'xl', 'ml', 'S'].map((size) => ({ size })),
  LiteralEmail: ['a@b.co', 'nope', 'c@d.co'].map((email) => ({ email })),
  LiteralDivisible: [2, 3, 4].map((even) => ({ even })),
  NumericEnumProperty: [1, 2, 3, 'Low', 'High', '1', 'x'].map((priority) => ({ priority })),
  NestedSingle: [{ name: 'ab' }, { name: 'a' }, [{ name: 'ab' }], [], [{ name: 'a' }], 'x', null].map((child) => ({ child })),
  NestedObject: [{ name: 'ab' }, { name: 'a' }, [{ name: 'ab' }], [], 'x'].map((child) => ({ child })),
};

/**
 * Nested plain objects made instances of their classes, as class-transformer's `plainToInstance`
 * with `@Type()` makes them before class-validator runs (it validates no plain object).
 */
const AS_INSTANCES: Partial<Record<keyof typeof dtos, (value: Record<string, unknown>) => object>> = {
  NestedSingle: (value) => ({ ...value, child: named(value['child']) }),
  NestedObject: (value) => ({ ...value, child: named(value['child']) }),
};

function named(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(named);
  return typeof value === 'object' && value !== null ? Object.assign(new NestedName(), value) : value;
}

/**
 * Where a type-check decorator contradicts the type (CG2023): class-validator rejects every value
 * of the type, and the generated validators follow the type, so the two differ on every value of
 * either. Each DTO's warning says what to write.
 */
const CONTRADICTS: { dto: keyof typeof dtos; warning: string }[] = [
  { dto: 'StringOnNumber', warning: 'CG2023 Type the property as string if that is what it holds, or drop @IsString().' },
  { dto: 'BooleanOnLiterals', warning: 'CG2023 Type the property as boolean if that is what it holds, or drop @IsBoolean().' },
  { dto: 'ArrayOnString', warning: 'CG2023 Type the property as an array type (`T[]`) if that is what it holds, or drop @IsArray().' },
];

/**
 * Where the two may disagree: class-validator accepts a value the property's type rejects, so the
 * generated type guard rejects it. Each names why, and the warning that says what to write when
 * the user most likely meant the library's reading.
 */
const TYPE_IS_STRICTER: { dto: keyof typeof dtos; value: unknown; why: string; warning?: string }[] = [
  {
    dto: 'OptionalNickname',
    value: { nickname: null },
    why: '@IsOptional() skips null; `nickname?: string` has no null',
    warning: 'CG2016 Write `nickname?: string | null` to accept null, or drop @IsOptional().',
  },
  {
    dto: 'OptionalTitle',
    value: {},
    why: '@IsOptional() skips a missing key; `title!: string` requires it',
    warning: 'CG2016 Write `title?: string | null` to accept a missing key and null, or drop @IsOptional().',
  },
  {
    dto: 'OptionalTitle',
    value: { title: null },
    why: '@IsOptional() skips null; `title!: string` has no null',
    warning: 'CG2016 Write `title?: string | null` to accept a missing key and null, or drop @IsOptional().',
  },
  {
    dto: 'EachMaxLength',
    value: { tags: 'abc' },
    why: '`{ each: true }` on a value that is no array checks the value itself; `string[]` rejects a string (class-validator would need @IsArray())',
  },
  {
    dto: 'GrandchildItem',
    value: {},
    why: 'its own @IsOptional() skips a missing key; `qty: number` requires it (the grandparent\'s @Min(1) @Max(99) still apply to a value)',
    warning: 'CG2016 Write `qty?: number | null` to accept a missing key and null, or drop @IsOptional().',
  },
  { dto: 'GrandchildItem', value: { qty: null }, why: '@IsOptional() skips null; `qty: number` has no null' },
  { dto: 'Positive', value: { n: Number.POSITIVE_INFINITY }, why: 'a number is finite (docs/validate.md): JSON has no Infinity' },
  { dto: 'Negative', value: { n: Number.NEGATIVE_INFINITY }, why: 'a number is finite (docs/validate.md): JSON has no Infinity' },
  // A rule on literals leaves out those it rejects (CG2029, LEAVES_OUT below); a value the rule accepts that is no literal of the type stays out too.
  { dto: 'LiteralBounds', value: { bit: 1 }, why: '1 meets @Min(0) @Max(1), but is no literal of `-1 | 0 | 2`' },
  { dto: 'LiteralLengths', value: { code: 'abc' }, why: "'abc' meets @Length(2, 4), but is no literal of `'ab' | 'abcdef'`" },
  { dto: 'LiteralInteger', value: { whole: 2 }, why: '2 is an integer, but no literal of `1 | 2.5`' },
  { dto: 'EnumLength', value: { size: 'ml' }, why: "'ml' meets @MinLength(2), but is no member of `Size`" },
  { dto: 'LiteralEmail', value: { email: 'c@d.co' }, why: "an address, but no literal of `'a@b.co' | 'nope'`" },
  { dto: 'LiteralDivisible', value: { even: 4 }, why: '4 is even, but no literal of `2 | 3`' },
  {
    dto: 'NumericEnumProperty',
    value: { priority: 'Low' },
    why: "@IsEnum(Priority) takes Object.values(Priority), which holds the reverse mapping's names; `Priority` holds 1 and 2",
    warning: 'CG2016 Write `priority: Priority | keyof typeof Priority` to accept the names as class-validator does, or keep the type to accept the values only.',
  },
  { dto: 'NumericEnumProperty', value: { priority: 'High' }, why: 'likewise' },
  {
    dto: 'NestedSingle',
    value: { child: [{ name: 'ab' }] },
    why: '@ValidateNested() validates each item of an array; `NestedName` is one object',
    warning: 'CG2016 Add @IsObject() so that class-validator rejects arrays as the type does, or write `child: NestedName | NestedName[]` to accept them.',
  },
  { dto: 'NestedSingle', value: { child: [] }, why: 'likewise: an empty array has no item to reject' },
];

/**
 * Where a rule on a literal type leaves out literals the type allows: the library and the
 * validators both reject them, and a warning at the rule says what is left (CG2029).
 */
const LEAVES_OUT: { dto: keyof typeof dtos; warning: string }[] = [
  { dto: 'LiteralBounds', warning: 'CG2029 Write the type as `0` if that is what LiteralBounds.bit holds, or relax @Min().' },
  { dto: 'LiteralBounds', warning: 'CG2029 Write the type as `0` if that is what LiteralBounds.bit holds, or relax @Max().' },
  { dto: 'LiteralLengths', warning: "CG2029 Write the type as `'ab'` if that is what LiteralLengths.code holds, or relax @Length()." },
  { dto: 'LiteralInteger', warning: 'CG2029 Write the type as `1` if that is what LiteralInteger.whole holds, or relax @IsInt().' },
  { dto: 'EnumLength', warning: 'CG2029 Write the type as `Size.Xl` if that is what EnumLength.size holds, or relax @MinLength().' },
  // A step as a bound (tester8 F6: it left 3 out without a word).
  { dto: 'LiteralDivisible', warning: 'CG2029 Write the type as `2` if that is what LiteralDivisible.even holds, or relax @IsDivisibleBy().' },
];

/**
 * Where class-validator is stricter than the type and codegen follows the type on purpose: a
 * rule without @IsOptional() also runs on a missing key and on null, which `?` and `| null` allow.
 * codegen reads `?` and `| null` as TypeScript does (docs/annotations.md says so).
 */
const TYPE_IS_LOOSER: { dto: keyof typeof dtos; value: unknown; why: string }[] = [
  { dto: 'NullableBio', value: {}, why: '`bio?:` lets the key be missing' },
  { dto: 'NullableBio', value: { bio: null }, why: '`| null` lets the value be null' },
  { dto: 'InList', value: { color: null }, why: '`| null` lets the value be null' },
];

/**
 * Where codegen reads a decorator as JSON Schema does and says so: `@ArrayUnique()` over objects
 * compares by value (uniqueItems), the library by identity, so it accepts equal objects (CG2028).
 */
const READ_BY_VALUE: { dto: keyof typeof dtos; value: unknown; warning: string }[] = [
  { dto: 'UniqueObjects', value: { v: [{ a: 1 }, { a: 1 }] }, warning: 'CG2028 Write the JSDoc `@uniqueItems` to mean deep equality, or compare a key with a check of your own.' },
];

let validators: Record<string, TypeValidators>;
let mocks: Record<string, (overrides?: object, options?: { seed: number }) => unknown>;
let ajv: Ajv2020;
let warnings: string[];

beforeAll(async () => {
  const { model, diagnostics } = analyze({
    rootDir: ROOT,
    files: [join(ROOT, 'input/dtos.ts')],
    defaultGenerators: ['validate', 'mock', 'openapi'],
    knownGenerators: ['validate', 'mock', 'openapi'],
    displayRoot: ROOT,
  });
  expect(diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
  warnings = diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.hint ?? diagnostic.message}`);
  rmSync(TMP, { recursive: true, force: true });
  cpSync(join(ROOT, 'input'), join(TMP, 'input'), { recursive: true });
  // Each generator fills in its defaults for options it is not given (the mock's seed and depth).
  const generators: GeneratorDefinition<any>[] = [validateGenerator, mockGenerator, openapiGenerator];
  const renderer = createRenderer({ generators, displayRoot: process.cwd() });
  for (const generator of generators) {
    for (const planned of generator.plan(model, { coerce: false, split: 'file' }, CONTEXT)) {
      const path = join(TMP, CONTEXT.outputDir, planned.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, renderer.render(generator.name, planned));
    }
  }
  const generated = join(TMP, CONTEXT.outputDir);
  const validateModule = (await import(join(generated, 'dtos.validate.ts'))) as Record<string, unknown>;
  mocks = (await import(join(generated, 'dtos.mock.ts'))) as Record<string, (overrides?: object, options?: { seed: number }) => unknown>;
  validators = Object.fromEntries(Object.keys(VALUES).map((name) => [name, validatorsOf(validateModule, name)]));
  const document = JSON.parse(readFileSync(join(generated, 'openapi.json'), 'utf8')) as object;
  ajv = new Ajv2020({ strict: false, logger: false });
  addFormats(ajv);
  ajv.addSchema({ ...document, $id: 'https://codegen.test/dtos.json' });
}, 60_000);

/** class-validator's verdict on a plain object made an instance of the DTO class. */
function libraryAccepts(dto: keyof typeof dtos, value: unknown): boolean {
  const Class = dtos[dto] as new () => object;
  const instances = AS_INSTANCES[dto]?.(value as Record<string, unknown>) ?? value;
  return validateSync(Object.assign(new Class(), instances)).length === 0;
}

const contradicts = (dto: string): boolean => CONTRADICTS.some((entry) => entry.dto === dto);

function differences(): { dto: keyof typeof dtos; value: unknown; library: boolean; codegen: boolean }[] {
  return (Object.keys(VALUES) as (keyof typeof dtos)[]).filter((dto) => !contradicts(dto)).flatMap((dto) =>
    VALUES[dto].flatMap((value) => {
      const library = libraryAccepts(dto, value);
      const codegen = validators[dto]!.accepts(value);
      return library === codegen ? [] : [{ dto, value, library, codegen }];
    }),
  );
}

describe('class-validator decorators and the generated validators', () => {
  it('agree on every edge value except the listed differences of type and library', () => {
    const stricter = TYPE_IS_STRICTER.map(({ dto, value }) => ({ dto, value, library: true, codegen: false }));
    const looser = TYPE_IS_LOOSER.map(({ dto, value }) => ({ dto, value, library: false, codegen: true }));
    const order = Object.keys(VALUES);
    const byValue = READ_BY_VALUE.map(({ dto, value }) => ({ dto, value, library: true, codegen: false }));
    const expected = [...stricter, ...looser, ...byValue].sort((a, b) => order.indexOf(a.dto) - order.indexOf(b.dto));
    expect(differences()).toEqual(expected);
  });

  it('warn at each place where the type is stricter, saying what to write', () => {
    for (const { warning } of [...TYPE_IS_STRICTER, ...READ_BY_VALUE]) if (warning) expect(warnings).toContain(warning);
  });

  it('differ where a type check contradicts the type: the library rejects the type\'s value and takes the decorator\'s, the validators follow the type, and a warning says what to write', () => {
    for (const { dto, warning } of CONTRADICTS) {
      expect(warnings).toContain(warning);
      // The values are: one of the type, one of the decorator's type, one of neither.
      expect(VALUES[dto].map((value) => libraryAccepts(dto, value)), dto).toEqual([false, true, false]);
      expect(VALUES[dto].map((value) => validators[dto]!.accepts(value)), dto).toEqual([true, false, false]);
    }
  });

  it('warn where a rule on a literal type leaves out literals the type allows, saying what is left', () => {
    for (const { warning } of LEAVES_OUT) expect(warnings).toContain(warning);
  });

  it('give no other warning', () => {
    const listed = [
      ...TYPE_IS_STRICTER.map((entry) => entry.warning),
      ...CONTRADICTS.map((entry) => entry.warning),
      ...READ_BY_VALUE.map((entry) => entry.warning),
      ...LEAVES_OUT.map((entry) => entry.warning),
    ];
    expect(warnings.filter((warning) => !listed.includes(warning))).toEqual([]);
  });

  it('give validators and mocks that compile under tsc --strict with the DTOs, the runtime under the strictest settings', async () => {
    const runtime = readdirSync(join(TMP, CONTEXT.outputDir)).filter((file) => file === 'validation.ts');
    const [all, strictest] = await Promise.all([
      typecheck(TMP, ['input/*.ts', `${CONTEXT.outputDir}/*.ts`]),
      strictCompile('class-validator-runtime', runtime.map((file) => join(TMP, CONTEXT.outputDir, file))),
    ]);
    expect(all).toBe('');
    expect(strictest).toBe('');
  }, 60_000);

  it('compare real verdicts: each DTO has values both accept and values both reject', () => {
    for (const dto of (Object.keys(VALUES) as (keyof typeof dtos)[]).filter((name) => !contradicts(name))) {
      const verdicts = VALUES[dto].map((value) => validators[dto]!.accepts(value) && libraryAccepts(dto, value));
      expect(verdicts, dto).toContain(true);
      expect(verdicts, dto).toContain(false);
    }
  });

  it('give mocks that both class-validator and the generated validator accept (but for what the type allows and the library does not)', () => {
    for (const dto of Object.keys(VALUES) as (keyof typeof dtos)[]) {
      for (let seed = 0; seed < 20; seed++) {
        const value = mocks[`mock${dto}`]!({}, { seed });
        expect(validators[dto]!.accepts(value), `${dto} seed ${seed}: ${JSON.stringify(value)}`).toBe(true);
        const looser = TYPE_IS_LOOSER.some((entry) => entry.dto === dto && JSON.stringify(entry.value) === JSON.stringify(value));
        if (!looser && !contradicts(dto)) expect(libraryAccepts(dto, value), `${dto} seed ${seed}: ${JSON.stringify(value)}`).toBe(true);
      }
    }
  });

  it('give mocks of @Matches() regexes that read otherwise in Unicode mode that both class-validator and the generated validator accept, over many seeds', () => {
    for (const dto of ['SingleUnit', 'CaselessAscii', 'BracedEscape', 'NotAt', 'WordDashDot', 'LiteralBraces', 'ControlJ'] as const) {
      for (let seed = 0; seed < 300; seed++) {
        const value = mocks[`mock${dto}`]!({}, { seed });
        expect(validators[dto]!.accepts(value), `${dto} seed ${seed}: ${JSON.stringify(value)}`).toBe(true);
        expect(libraryAccepts(dto, value), `${dto} seed ${seed}: ${JSON.stringify(value)}`).toBe(true);
      }
    }
  });

  it('give an OpenAPI schema that accepts what the validator accepts, and agrees where JSON Schema can say the format', () => {
    for (const dto of Object.keys(VALUES) as (keyof typeof dtos)[]) {
      const check = ajv.getSchema(`https://codegen.test/dtos.json#/components/schemas/${dto}`)!;
      // validator.js's URL and email readings go by JSON Schema's nearest names (`iri-reference`, `email`), and the calendar check of a strict ISO date by its name alone; a UUID carries the validator's expression as its pattern.
      // A @Matches regex without u that Unicode mode reads otherwise (`.`, `[^@]`, `\u{41}`) has no schema pattern (an OpenAPI warning says so).
      const exact = !['AnyUrl', 'HttpsUrl', 'HttpsOrBareUrl', 'FtpUrl', 'Email', 'StrictIso8601', 'SingleUnit', 'BracedEscape', 'NotAt', 'WordDashDot', 'LiteralBraces'].includes(dto);
      for (const value of VALUES[dto].filter((v) => JSON.stringify(JSON.parse(JSON.stringify(v))) === JSON.stringify(v) && !Object.values(v as object).some((x) => (typeof x === 'number' && !Number.isFinite(x)) || x instanceof Date))) {
        const codegen = validators[dto]!.accepts(value);
        if (exact || codegen) expect(check(value), `${dto} ${JSON.stringify(value)}`).toBe(codegen);
      }
    }
  });

  it('give @IsUrl({ protocols, require_protocol: true }) a schema pattern for the protocol, so ajv rejects another scheme or none, in any case', () => {
    const check = ajv.getSchema('https://codegen.test/dtos.json#/components/schemas/HttpsUrl')!;
    for (const value of VALUES.HttpsUrl) {
      expect(check(value), JSON.stringify(value)).toBe(validators['HttpsUrl']!.accepts(value));
    }
    expect(VALUES.HttpsUrl.filter((value) => check(value)).map((value) => (value as { link: string }).link)).toEqual(['https://example.com', 'HTTPS://example.com']);
  });
});
