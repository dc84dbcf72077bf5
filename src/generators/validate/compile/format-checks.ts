/**
 * The generated validator's own format checks, run at generation time: the mock accepts a
 * candidate string only when the check the user's validator will run accepts it. They are not a
 * second copy: the validator's runtime partial (`templates/validate/partials/runtime-formats.hbs`)
 * is rendered with every helper, its types stripped by TypeScript's `transpileModule`, and the
 * result evaluated once per process. TypeScript is loaded only when a mock needs a check, which
 * happens for a `@format` beside a `@pattern` or a length its sampler cannot meet.
 *
 * Each format also has an envelope: a regular expression every valid value matches (the
 * validator's own expression where the check is one, a written superset where the check is code).
 * The mock's search intersects it with the pattern and the length window: an empty intersection
 * proves a contradiction, and a non-empty one proposes candidates for the real check.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import type { RegexSource, StringConstraints, StringFormat } from '../../../model/types.js';
import { builtinTemplatesDir } from '../../kit/templates-dir.js';
import { FORMAT_HELPERS, RUNTIME_HELPERS } from './runtime-helpers.js';

const HEX = '[0-9A-Fa-f]{1,4}';
const DOTTED = '\\d{1,3}(?:\\.\\d{1,3}){3}';
/** What `isWebEmailFormat` lets a local part's atom hold: not white space, quotes, dots, `@` or the other specials. */
const ATOM = '[^@.\\s"(),:;<>[\\]\\\\]+';

/** Where the envelope of a format comes from: a constant of the runtime partial, or a written superset. */
type Envelope = { constant: string } | RegexSource | undefined;

/**
 * Per format, an expression every value its check accepts matches. Supersets are written for
 * checks that are code, reading that code: digits where `digitsAt` reads them, the separators it
 * compares, the bounds it tests (a day up to 31 whatever the month). Undefined: any string.
 */
const ENVELOPES: Record<StringFormat, Envelope> = {
  email: { constant: 'EMAIL' },
  uri: { constant: 'URI' },
  url: { constant: 'URL_PATTERN' },
  uuid: { constant: 'UUID' },
  date: { source: `^${date()}$`, flags: '' },
  'date-time': { source: `^${date()}[Tt ]${time()}$`, flags: '' },
  time: { source: `^${time()}$`, flags: '' },
  duration: { constant: 'DURATION' },
  ipv4: { constant: 'IPV4' },
  // Eight groups of one to four hex digits, or six and a dotted address, or up to seven on either side of one `::`.
  ipv6: { source: `^(?:(?:${HEX}:){7}${HEX}|(?:${HEX}:){6}${DOTTED}|(?:${HEX}(?::${HEX}){0,6})?::(?:(?:${HEX}:){0,6}(?:${HEX}|${DOTTED}))?)$`, flags: '' },
  hostname: { constant: 'HOSTNAME' },
  byte: { constant: 'BASE64' },
  regex: undefined,
  'json-pointer': { constant: 'JSON_POINTER' },
  password: undefined,
  iso8601: { constant: 'ISO8601' },
  'iso8601-strict': { constant: 'ISO8601' },
  // No white space or angle brackets, at most 2,084 characters.
  'web-url': { source: '^[^\\s<>]{1,2084}$', flags: '' },
  // Dot-separated atoms or a quoted string, `@`, dot-separated labels, and a top-level domain of letters or `xn…`.
  'web-email': {
    source: `^(?:${ATOM}(?:\\.${ATOM})*|"[\\s\\S]{0,62}")@(?:[0-9A-Za-z\\u00a1-\\uffff-]+\\.)+(?:[A-Za-z\\u00a1-\\uffff]{2,}|[Xx][Nn][0-9A-Za-z-]{2,})$`,
    flags: '',
  },
  'web-uuid': { constant: 'RFC_UUID' },
  'web-ipv6': { constant: 'WEB_IPV6' },
  // Either address: the dotted quad, or hex groups, colons, dots and a zone id.
  'web-ip': { source: '^[0-9A-Za-z.:%]+$', flags: '' },
};

/** `isDateAt`: four digits, `-`, a month 01–12, `-`, a day 01–31. */
function date(): string {
  return '\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])';
}

/** `isTimeAt`: hours 00–23, minutes, seconds up to 60, an optional fraction, `Z` or an offset of up to 23:59. */
function time(): string {
  return '(?:[01]\\d|2[0-3]):[0-5]\\d:(?:[0-5]\\d|60)(?:\\.\\d+)?(?:[Zz]|[+-](?:[01]\\d|2[0-3]):[0-5]\\d)';
}

interface FormatRuntime {
  functions: Record<string, (text: string, ...options: unknown[]) => boolean>;
  constants: Map<string, RegexSource>;
}

let runtime: FormatRuntime | undefined;

/** The check the validator runs for `constraints.format` (with `web-url`'s options), or undefined when it has none. */
export function formatCheck(constraints: StringConstraints): ((text: string) => boolean) | undefined {
  const helper = constraints.format ? FORMAT_HELPERS[constraints.format] : undefined;
  if (!helper) return undefined;
  const check = formatRuntime().functions[helper];
  if (!check) throw new Error(`The validator's runtime has no ${helper}`);
  if (constraints.format !== 'web-url') return (text) => check(text);
  // The validator's own defaults (scalar-checks.ts) when no options were read.
  const url = constraints.url ?? { protocols: ['http', 'https', 'ftp'], requireProtocol: false };
  return (text) => check(text, url.protocols, url.requireProtocol);
}

/**
 * What a mock string must pass: the validator's check, and for `web-email` also `email`'s. The
 * OpenAPI document calls `web-email` `email` (scalars.ts), which schema tools read as ASCII
 * `local@domain.tld`: its mocks are addresses both readings accept (`bücher.de` is valid to one only).
 */
export function mockFormatCheck(constraints: StringConstraints): ((text: string) => boolean) | undefined {
  const check = formatCheck(constraints);
  if (!check || constraints.format !== 'web-email') return check;
  const email = formatCheck({ format: 'email' })!;
  return (text) => check(text) && email(text);
}

/** An expression every value of `format` matches (undefined: any string). */
export function formatEnvelope(format: StringFormat): RegexSource | undefined {
  const envelope = ENVELOPES[format];
  if (!envelope || !('constant' in envelope)) return envelope;
  const found = formatRuntime().constants.get(envelope.constant);
  if (!found) throw new Error(`The validator's runtime has no constant ${envelope.constant}`);
  return found;
}

function formatRuntime(): FormatRuntime {
  runtime ??= loadFormatRuntime();
  return runtime;
}

function loadFormatRuntime(): FormatRuntime {
  const partial = readFileSync(join(builtinTemplatesDir('validate'), 'partials', 'runtime-formats.hbs'), 'utf8');
  const helpers = Object.fromEntries(RUNTIME_HELPERS.map((helper) => [helper, true]));
  const source = Handlebars.create().compile(partial, { noEscape: true })({ helpers });
  // ts-morph is a dependency already (the analyzer reads sources with it); its TypeScript strips the types.
  const { ts } = createRequire(import.meta.url)('ts-morph') as typeof import('ts-morph');
  const output = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
  const functions: FormatRuntime['functions'] = {};
  new Function('exports', output)(functions);
  // Private helpers are module functions, not exports: only the exported checks are asked for.
  const constants = new Map<string, RegexSource>();
  for (const [, name, literal] of source.matchAll(/^const ([A-Z_0-9]+) = (\/.+\/[a-z]*);$/gm)) {
    const regex = new Function(`return ${literal};`)() as RegExp;
    constants.set(name!, { source: regex.source, flags: regex.flags });
  }
  return { functions, constants };
}
