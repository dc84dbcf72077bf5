/**
 * Realistic strings: which runtime generator a property name or a format calls for, and the
 * exact range of lengths each generator produces (computed from the word lists), so that a
 * generator is only used where every value it can produce satisfies the length constraints.
 */
import type { StringConstraints, StringFormat } from '../../../model/types.js';
import type { RuntimeHelper } from './runtime-helpers.js';
import { listLengths } from './word-lists.js';

export interface TextGenerator {
  helper: RuntimeHelper;
  /** Fewest and most characters (code points) it produces. */
  lengths: [number, number];
}

const sum = (...ranges: Array<[number, number]>): [number, number] =>
  ranges.reduce(([a, b], [c, d]) => [a + c, b + d], [0, 0]);
const fixed = (n: number): [number, number] => [n, n];

const WORD = listLengths('WORDS');
const FIRST = listLengths('FIRST_NAMES');
const LAST = listLengths('LAST_NAMES');
const DOMAIN = listLengths('DOMAINS');

/** Runtime generators by name, with their lengths (see templates/mock/partials/runtime-text.hbs). */
export const TEXT_GENERATORS = {
  word: { helper: 'mockWord', lengths: WORD },
  firstName: { helper: 'mockFirstName', lengths: FIRST },
  lastName: { helper: 'mockLastName', lengths: LAST },
  fullName: { helper: 'mockFullName', lengths: sum(FIRST, fixed(1), LAST) },
  // first.last<1-99>@domain
  email: { helper: 'mockEmail', lengths: sum(FIRST, fixed(1), LAST, [1, 2], fixed(1), DOMAIN) },
  city: { helper: 'mockCity', lengths: listLengths('CITIES') },
  country: { helper: 'mockCountry', lengths: listLengths('COUNTRIES') },
  // <1-999> Street Type
  street: { helper: 'mockStreet', lengths: sum([1, 3], fixed(1), listLengths('STREETS'), fixed(1), listLengths('STREET_TYPES')) },
  phone: { helper: 'mockPhone', lengths: fixed(15) },
  // https://domain/word
  url: { helper: 'mockUrl', lengths: sum(fixed(8), DOMAIN, fixed(1), WORD) },
  hostname: { helper: 'mockHostname', lengths: sum(WORD, fixed(1), DOMAIN) },
  // Three words.
  title: { helper: 'mockTitle', lengths: sum(WORD, WORD, WORD, fixed(2)) },
  // Six to twelve words and a full stop.
  sentence: { helper: 'mockSentence', lengths: [6 * WORD[0] + 5 + 1, 12 * WORD[1] + 11 + 1] },
  slug: { helper: 'mockSlug', lengths: sum(WORD, fixed(1), WORD) },
  username: { helper: 'mockUsername', lengths: sum(WORD, fixed(2)) },
  uuid: { helper: 'mockUuid', lengths: fixed(36) },
  date: { helper: 'mockDateString', lengths: fixed(10) },
  dateTime: { helper: 'mockDateTimeString', lengths: fixed(20) },
  time: { helper: 'mockTimeString', lengths: fixed(9) },
  ipv4: { helper: 'mockIpv4', lengths: [7, 15] },
  ipv6: { helper: 'mockIpv6', lengths: fixed(39) },
  byte: { helper: 'mockBase64', lengths: [4, 16] },
} satisfies Record<string, TextGenerator>;

export type TextKind = keyof typeof TEXT_GENERATORS;

/**
 * Property names that call for a kind of text, first match wins (so `emailVerifiedAt` is a date
 * and `firstName` is not a plain `name`). Camel-case suffixes (`createdAt`, `bookId`) are matched
 * on the name as written, the rest on the lower-cased name without separators.
 */
const NAME_HINTS: Array<[RegExp, TextKind, 'written' | 'key']> = [
  [/[a-z0-9](At|_at)$/, 'dateTime', 'written'],
  [/^(date|datetime|timestamp)$/, 'dateTime', 'key'],
  [/email/, 'email', 'key'],
  [/^(first|given)name$/, 'firstName', 'key'],
  [/^(last|family|sur)name$/, 'lastName', 'key'],
  [/^user(name)?$|^login$|^handle$/, 'username', 'key'],
  [/host(name)?$|domain$/, 'hostname', 'key'],
  [/^(full|display)?name$|^(author|owner|customer)$/, 'fullName', 'key'],
  [/city|town/, 'city', 'key'],
  [/country/, 'country', 'key'],
  [/street|addressline|^address$/, 'street', 'key'],
  [/phone|mobile|^tel$/, 'phone', 'key'],
  [/url$|uri$|website|homepage|link$|href/, 'url', 'key'],
  [/slug/, 'slug', 'key'],
  [/title|subject|headline/, 'title', 'key'],
  [/description|^bio$|^body$|summary|comment|^note$|message|content|^text$|^about$/, 'sentence', 'key'],
  [/^(id|uuid|guid)$/, 'uuid', 'key'],
  [/[a-z0-9](Id|_id|Uuid)$/, 'uuid', 'written'],
  [/^ip$|ipaddress|ipv4/, 'ipv4', 'key'],
];

/** The kind of text a property name suggests (a word when it suggests nothing). */
export function textKindForName(name: string | undefined): TextKind {
  if (!name) return 'word';
  const key = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  return NAME_HINTS.find(([pattern, , on]) => pattern.test(on === 'key' ? key : name))?.[1] ?? 'word';
}

/**
 * Per format: the runtime generator that produces it (when there is one), and a regular
 * expression whose every match is a valid value of the format, sampled when the length
 * constraints rule the generator out or a `@pattern` must hold too.
 */
export const FORMAT_TEXT: Record<StringFormat, { kind?: TextKind; pattern: string }> = {
  email: { kind: 'email', pattern: '[a-z]{1,20}(\\.[a-z]{1,20}){0,3}@[a-z]{1,20}(\\.[a-z]{2,10}){1,2}' },
  uri: { kind: 'url', pattern: 'https://[a-z]{1,30}\\.(com|org|net)(/[a-z0-9]{1,20}){0,8}' },
  url: { kind: 'url', pattern: 'https://[a-z]{1,30}\\.(com|org|net)(/[a-z0-9]{1,20}){0,8}' },
  uuid: { kind: 'uuid', pattern: '[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}' },
  date: { kind: 'date', pattern: '20[0-3][0-9]-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])' },
  'date-time': {
    kind: 'dateTime',
    pattern: '20[0-3][0-9]-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\\.[0-9]{1,6})?(Z|[+-](0[0-9]|1[0-3]):[0-5][0-9])',
  },
  time: { kind: 'time', pattern: '([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\\.[0-9]{1,6})?(Z|[+-](0[0-9]|1[0-3]):[0-5][0-9])' },
  duration: { pattern: 'P([1-9][0-9]{0,3}Y)?([1-9][0-9]{0,2}M)?[1-9][0-9]{0,2}D(T[1-9][0-9]{0,2}H)?|P[1-9][0-9]{0,3}W' },
  ipv4: { kind: 'ipv4', pattern: '(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}' },
  ipv6: { kind: 'ipv6', pattern: '[0-9a-f]{1,4}(:[0-9a-f]{1,4}){7}' },
  hostname: { kind: 'hostname', pattern: '[a-z]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z]([a-z0-9-]{0,61}[a-z0-9])?){0,2}' },
  byte: { kind: 'byte', pattern: '([A-Za-z0-9+/]{4}){0,40}([A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?' },
  regex: { pattern: '\\^?[a-z]{1,10}(\\[0-9\\]\\{1,3\\})?\\$?' },
  'json-pointer': { pattern: '(/[a-z0-9]{1,12}){0,6}' },
  password: { pattern: '[A-Za-z0-9!#%&*+?@]{8,24}' },
  // Full RFC 3339 date-times are ISO 8601 too, with days that exist in every month.
  iso8601: { kind: 'dateTime', pattern: '20[0-3][0-9]-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])(T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]Z)?' },
  'iso8601-strict': { kind: 'dateTime', pattern: '20[0-3][0-9]-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])(T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]Z)?' },
  'web-email': { kind: 'email', pattern: '[a-z]{1,20}(\\.[a-z]{1,20}){0,3}@[a-z]{1,20}(\\.[a-z]{2,10}){1,2}' },
  'web-uuid': { kind: 'uuid', pattern: '[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}' },
  'web-ipv6': { kind: 'ipv6', pattern: '[0-9a-f]{1,4}(:[0-9a-f]{1,4}){7}' },
  'web-ip': { kind: 'ipv4', pattern: '(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}' },
  // Sampled rather than generated, so the host keeps a top-level domain validator.js accepts.
  'web-url': { pattern: 'https://[a-z]{1,30}\\.(com|org|net)(/[a-z0-9]{1,20}){0,8}' },
};

/**
 * The expression a format's mocks are sampled from: `FORMAT_TEXT`'s, except that a `web-url`
 * restricted to other protocols (`@IsUrl({ protocols: ['ftp'] })`) names one of those.
 */
export function formatPattern(constraints: StringConstraints): string | undefined {
  if (!constraints.format) return undefined;
  const protocols = constraints.format === 'web-url' ? constraints.url?.protocols : undefined;
  if (!protocols || protocols.includes('https')) return FORMAT_TEXT[constraints.format].pattern;
  const names = protocols.map((protocol) => protocol.replace(/[.+]/g, (c) => `\\${c}`)).join('|');
  return `(${names})://[a-z]{1,30}\\.(com|org|net)(/[a-z0-9]{1,20}){0,8}`;
}
