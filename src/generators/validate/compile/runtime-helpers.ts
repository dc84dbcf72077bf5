/**
 * The helpers of the emitted runtime file (`validation.ts`): their names, what each needs, and
 * which format each string format maps to. The runtime template holds their code; this table
 * decides which of them a project's output needs.
 */
import type { StringFormat } from '../../../model/types.js';

export const RUNTIME_HELPERS = [
  'validateWith',
  'assertValid',
  'report',
  'escapePointer',
  'isObject',
  'isPlainObject',
  'hasOwn',
  'isArray',
  'isValidDate',
  'isMapInstance',
  'isSetInstance',
  'isDateTimeText',
  'coerceDate',
  'isIntegerText',
  'coerceBigInt',
  'copyingInstances',
  'coercedCopies',
  'copyUnlessInstance',
  'refillMap',
  'refillSet',
  'cycleWalk',
  'checkOnce',
  'collectOnce',
  'coerceOnce',
  'hasMinLength',
  'hasMaxLength',
  'isTemplate',
  'codePointLength',
  'isLengthCount',
  'isMultipleOf',
  'hasUniqueItems',
  'deepEqual',
  'digitsAt',
  'isDateAt',
  'isTimeAt',
  'isEmailFormat',
  'isUriFormat',
  'isUrlFormat',
  'isUuidFormat',
  'isDateFormat',
  'isDateTimeFormat',
  'isTimeFormat',
  'isDurationFormat',
  'isIpv4Format',
  'isIpv6Format',
  'isHostnameFormat',
  'isByteFormat',
  'isRegexFormat',
  'isJsonPointerFormat',
  'isIso8601Format',
  'isIso8601StrictFormat',
  'isDomainName',
  'isWebUrlFormat',
  'isWebEmailFormat',
  'isWebUuidFormat',
  'isWebIpv6Format',
  'isWebIpFormat',
] as const;

export type RuntimeHelper = (typeof RUNTIME_HELPERS)[number];

/** Helpers only other helpers call: emitted without `export`. */
export const PRIVATE_HELPERS: ReadonlySet<RuntimeHelper> = new Set(['digitsAt', 'isDateAt', 'isTimeAt', 'isDomainName', 'copyingInstances']);

/** Helpers that call other helpers inside the runtime file. */
const DEPENDENCIES: Partial<Record<RuntimeHelper, RuntimeHelper[]>> = {
  report: [],
  validateWith: ['report'],
  isPlainObject: ['isObject'],
  hasMinLength: ['codePointLength'],
  hasMaxLength: ['codePointLength'],
  hasUniqueItems: ['deepEqual'],
  isDateTimeText: ['isDateTimeFormat', 'digitsAt'],
  coerceDate: ['isDateTimeText', 'digitsAt'],
  coerceBigInt: ['isIntegerText'],
  copyUnlessInstance: ['isPlainObject', 'copyingInstances'],
  coercedCopies: ['copyingInstances'],
  refillMap: ['copyingInstances'],
  refillSet: ['copyingInstances'],
  coerceOnce: ['copyUnlessInstance', 'copyingInstances', 'cycleWalk', 'validateWith'],
  checkOnce: ['cycleWalk'],
  collectOnce: ['cycleWalk'],
  isDateAt: ['digitsAt'],
  isTimeAt: ['digitsAt'],
  isDateFormat: ['isDateAt'],
  isTimeFormat: ['isTimeAt'],
  isDateTimeFormat: ['isDateAt', 'isTimeAt'],
  isIpv6Format: ['isIpv4Format'],
  isWebIpFormat: ['isIpv4Format', 'isWebIpv6Format'],
  isIso8601StrictFormat: ['isIso8601Format'],
  isWebUrlFormat: ['isIpv4Format', 'isIpv6Format', 'isDomainName'],
  isWebEmailFormat: ['isDomainName'],
};

/** The helper checking a string format; `password` is documentation only and has none. */
export const FORMAT_HELPERS: Record<StringFormat, RuntimeHelper | undefined> = {
  email: 'isEmailFormat',
  uri: 'isUriFormat',
  url: 'isUrlFormat',
  uuid: 'isUuidFormat',
  date: 'isDateFormat',
  'date-time': 'isDateTimeFormat',
  time: 'isTimeFormat',
  duration: 'isDurationFormat',
  ipv4: 'isIpv4Format',
  ipv6: 'isIpv6Format',
  hostname: 'isHostnameFormat',
  byte: 'isByteFormat',
  regex: 'isRegexFormat',
  'json-pointer': 'isJsonPointerFormat',
  password: undefined,
  iso8601: 'isIso8601Format',
  'iso8601-strict': 'isIso8601StrictFormat',
  'web-url': 'isWebUrlFormat',
  'web-email': 'isWebEmailFormat',
  'web-uuid': 'isWebUuidFormat',
  'web-ipv6': 'isWebIpv6Format',
  'web-ip': 'isWebIpFormat',
};

/** The helpers used plus everything they need, in table order (so the runtime file is stable). */
export function withDependencies(used: Iterable<RuntimeHelper>): RuntimeHelper[] {
  const needed = new Set<RuntimeHelper>();
  const add = (helper: RuntimeHelper): void => {
    if (needed.has(helper)) return;
    needed.add(helper);
    for (const dependency of DEPENDENCIES[helper] ?? []) add(dependency);
  };
  for (const helper of used) add(helper);
  return RUNTIME_HELPERS.filter((helper) => needed.has(helper));
}
