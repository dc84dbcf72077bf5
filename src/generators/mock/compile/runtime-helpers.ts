/**
 * The pieces of the emitted runtime file (`mocking.ts`) that an output may need, what each needs
 * in turn, and which of them generated files import. The runtime template holds their code;
 * this table decides which of them a project's output carries.
 */
import type { WordList } from './word-lists.js';

export const RUNTIME_HELPERS = [
  'tuple',
  'oneOf',
  'mockArray',
  'mockUniqueArray',
  'deepEqual',
  'mockRecord',
  'mockKeyed',
  'mockNumber',
  'mockBigInt',
  'mockDate',
  'fitText',
  'wideText',
  'mockPattern',
  'mockWord',
  'mockFirstName',
  'mockLastName',
  'mockFullName',
  'mockEmail',
  'mockCity',
  'mockCountry',
  'mockStreet',
  'mockPhone',
  'mockUrl',
  'mockHostname',
  'mockTitle',
  'mockSentence',
  'mockSlug',
  'mockUsername',
  'mockUuid',
  'mockDateString',
  'mockDateTimeString',
  'mockTimeString',
  'mockIpv4',
  'mockIpv6',
  'mockBase64',
  'hexDigits',
  'capitalize',
  'mockFunction',
  'mockToJson',
  'cannotMock',
  'withPrototype',
  'constructed',
] as const;

export type RuntimeHelper = (typeof RUNTIME_HELPERS)[number];

/** Helpers only other helpers call: emitted without `export`. */
export const PRIVATE_HELPERS: ReadonlySet<RuntimeHelper> = new Set(['deepEqual', 'hexDigits', 'capitalize']);

/** Helpers that call other helpers, and the word lists each one reads. */
const DEPENDENCIES: Partial<Record<RuntimeHelper, Array<RuntimeHelper | WordList>>> = {
  mockUniqueArray: ['deepEqual'],
  mockRecord: ['WORDS'],
  fitText: ['WORDS'],
  wideText: ['WORDS'],
  mockWord: ['WORDS'],
  mockFirstName: ['FIRST_NAMES'],
  mockLastName: ['LAST_NAMES'],
  mockFullName: ['FIRST_NAMES', 'LAST_NAMES'],
  mockEmail: ['FIRST_NAMES', 'LAST_NAMES', 'DOMAINS'],
  mockCity: ['CITIES'],
  mockCountry: ['COUNTRIES'],
  mockStreet: ['STREETS', 'STREET_TYPES'],
  mockUrl: ['DOMAINS', 'WORDS'],
  mockHostname: ['DOMAINS', 'WORDS'],
  mockTitle: ['WORDS', 'capitalize'],
  mockSentence: ['WORDS', 'capitalize'],
  mockSlug: ['WORDS'],
  mockUsername: ['WORDS'],
  mockUuid: ['hexDigits'],
  mockIpv6: ['hexDigits'],
  mockDateString: ['mockDate'],
  mockDateTimeString: ['mockDate'],
  mockTimeString: ['mockDate'],
};

/** The helpers and word lists used plus everything they need. */
export function withDependencies(used: Iterable<RuntimeHelper>): Set<RuntimeHelper | WordList> {
  const needed = new Set<RuntimeHelper | WordList>();
  const add = (item: RuntimeHelper | WordList): void => {
    if (needed.has(item)) return;
    needed.add(item);
    for (const dependency of DEPENDENCIES[item as RuntimeHelper] ?? []) add(dependency);
  };
  for (const helper of used) add(helper);
  return needed;
}
