/** Schemas of the scalar kinds, with every constraint of the model as a JSON Schema keyword. */
import type { SchemaObject } from 'openapi3-ts/oas31';
import type { BigIntType, LiteralType, NumberType, NumericType, StringConstraints, StringType } from '../../../model/types.js';
import { codePointBounds, isLengthPattern } from '../../../model/is-length.js';
import { compact } from './context.js';
import { integerTextPattern } from './integer-pattern.js';
import { patternText } from './pattern.js';
import { templatePattern } from '../../kit/template-literal.js';
import { MAPPING_PATTERNS } from './pattern-keys.js';

/** `string` with length, pattern and format. */
export function stringSchema(node: StringType): SchemaObject {
  const constraints = node.constraints ?? {};
  // `` `wifi${number}` ``: the template's form as a pattern (kit/template-literal.ts says where it approximates).
  const templatePatternText = node.template ? templatePattern(node.template) : undefined;
  const formatPattern = constraints.format === 'web-url' ? webUrlPattern(constraints.url) : constraints.format ? FORMAT_PATTERNS[constraints.format] : undefined;
  // `Uppercase<string>`: the strings the mapping leaves unchanged, as for keys (pattern-keys.ts).
  const mappingPattern = node.mapping ? MAPPING_PATTERNS[node.mapping] : undefined;
  // `@MaxLength(n)` counts as validator.js does: exactly as a pattern, soundly as code points (model/is-length.ts).
  const isLength = constraints.isLength ? isLengthPattern(constraints.isLength) : undefined;
  const patterns = [constraints.pattern ? patternText(constraints.pattern) : formatPattern, templatePatternText, mappingPattern, isLength].filter((pattern) => pattern !== undefined);
  // A format's pattern beside the user's: both must match, as in the validator.
  if (constraints.pattern && formatPattern) patterns.push(formatPattern);
  const { minLength, maxLength } = codePointBounds(constraints);
  return compact({
    type: 'string',
    format: constraints.format ? (FORMAT_NAMES[constraints.format] ?? constraints.format) : undefined,
    minLength,
    maxLength,
    pattern: patterns[0],
    allOf: patterns.length > 1 ? patterns.slice(1).map((pattern) => ({ pattern })) : undefined,
  });
}

/** validator.js's `isISO8601` expression, written for the `u` flag JSON Schema patterns are read with. */
const ISO8601 =
  '^([+-]?\\d{4}(?!\\d{2}\\b))((-?)((0[1-9]|1[0-2])(\\3([12]\\d|0[1-9]|3[01]))?|W([0-4]\\d|5[0-3])(-?[1-7])?|(00[1-9]|0[1-9]\\d|[12]\\d{2}|3([0-5]\\d|6[1-6])))([T\\s]((([01]\\d|2[0-3])((:?)[0-5]\\d)?|24:?00)([.,]\\d+(?!:))?)?(\\17[0-5]\\d([.,]\\d+)?)?([zZ]|([+-])([01]\\d|2[0-3]):?([0-5]\\d)?)?)?)?$';

/**
 * `url`: an absolute `http`, `https` or `ftp` URI with a host, as the validator's `URL_PATTERN`
 * (templates/validate/partials/runtime-formats.hbs) reads it, character for character. Every value
 * it matches is a JSON Schema `uri` (RFC 3986) too, so `format: uri` beside it says no more.
 */
export const URL_PATTERN = String.raw`^(?:[Hh][Tt][Tt][Pp][Ss]?|[Ff][Tt][Pp]):\/\/(?:(?:[\w.~!$&'()*+,;=:-]|%[\dA-Fa-f]{2})*@)?(?:[\w.~!$&'()*+,;=-]|%[\dA-Fa-f]{2})+(?::\d*)?(?:\/(?:[\w.~!$&'()*+,;=:@-]|%[\dA-Fa-f]{2})*)*(?:\?(?:[\w.~!$&'()*+,;=:@\/?-]|%[\dA-Fa-f]{2})*)?(?:#(?:[\w.~!$&'()*+,;=:@\/?-]|%[\dA-Fa-f]{2})*)?$`;

/**
 * `@IsUrl({ protocols, require_protocol: true })`: the value starts with one of the protocols and
 * a colon, in any case, as the validator reads it (`HTTPS://a.com` passes, `http://a.com` does
 * not when only https is named); `iri-reference` alone would take any scheme. Without
 * `require_protocol` a bare `example.com:443` is a host and port, not a scheme, which no cheap
 * pattern tells apart, so the format name stays alone there.
 */
function webUrlPattern(url: StringConstraints['url']): string | undefined {
  if (!url?.requireProtocol) return undefined;
  const anyCase = (protocol: string) => [...protocol].map((c) => (/[a-z]/i.test(c) ? `[${c.toUpperCase()}${c.toLowerCase()}]` : /[.+]/.test(c) ? `\\${c}` : c)).join('');
  return `^(?:${url.protocols.map(anyCase).join('|')}):`;
}

/**
 * `uuid` and `web-uuid` as the validators' expressions: ajv-formats' `uuid` also takes the URN
 * form (`urn:uuid:…`), which RFC 4122's string representation is not, so the pattern beside
 * `format: uuid` makes a schema validator read it as the validator does.
 */
const UUID_PATTERN = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';
/** validator.js's `isIP(text, 6)` expression (a zone id allowed), and `isIP(text)`: IPv4 or that. */
const WEB_IPV6_PATTERN = String.raw`^((?:(?:[0-9a-fA-F]{1,4}):){7}(?:(?:[0-9a-fA-F]{1,4})|:)|(?:(?:[0-9a-fA-F]{1,4}):){6}(?:((?:[0-9]|[1-9][0-9]|1[0-9][0-9]|2[0-4][0-9]|25[0-5])[.]){3}(?:[0-9]|[1-9][0-9]|1[0-9][0-9]|2[0-4][0-9]|25[0-5])|:(?:[0-9a-fA-F]{1,4})|:)|(?:(?:[0-9a-fA-F]{1,4}):){5}(?::((?:[0-9]|[1-9][0-9]|1[0-9][0-9]|2[0-4][0-9]|25[0-5])[.]){3}(?:[0-9]|[1-9][0-9]|1[0-9][0-9]|2[0-4][0-9]|25[0-5])|(:(?:[0-9a-fA-F]{1,4})){1,2}|:)|(?:(?:[0-9a-fA-F]{1,4}):){4}(?:(:(?:[0-9a-fA-F]{1,4})){0,1}:((?:[0-9]|[1-9][0-9]|1[0-9][0-9]|2[0-4][0-9]|25[0-5])[.]){3}(?:[0-9]|[1-9][0-9]|1[0-9][0-9]|2[0-4][0-9]|25[0-5])|(:(?:[0-9a-fA-F]{1,4})){1,3}|:)|(?:(?:[0-9a-fA-F]{1,4}):){3}(?:(:(?:[0-9a-fA-F]{1,4})){0,2}:((?:[0-9]|[1-9][0-9]|1[0-9][0-9]|2[0-4][0-9]|25[0-5])[.]){3}(?:[0-9]|[1-9][0-9]|1[0-9][0-9]|2[0-4][0-9]|25[0-5])|(:(?:[0-9a-fA-F]{1,4})){1,4}|:)|(?:(?:[0-9a-fA-F]{1,4}):){2}(?:(:(?:[0-9a-fA-F]{1,4})){0,3}:((?:[0-9]|[1-9][0-9]|1[0-9][0-9]|2[0-4][0-9]|25[0-5])[.]){3}(?:[0-9]|[1-9][0-9]|1[0-9][0-9]|2[0-4][0-9]|25[0-5])|(:(?:[0-9a-fA-F]{1,4})){1,5}|:)|(?:(?:[0-9a-fA-F]{1,4}):){1}(?:(:(?:[0-9a-fA-F]{1,4})){0,4}:((?:[0-9]|[1-9][0-9]|1[0-9][0-9]|2[0-4][0-9]|25[0-5])[.]){3}(?:[0-9]|[1-9][0-9]|1[0-9][0-9]|2[0-4][0-9]|25[0-5])|(:(?:[0-9a-fA-F]{1,4})){1,6}|:)|(?::((?::(?:[0-9a-fA-F]{1,4})){0,5}:((?:[0-9]|[1-9][0-9]|1[0-9][0-9]|2[0-4][0-9]|25[0-5])[.]){3}(?:[0-9]|[1-9][0-9]|1[0-9][0-9]|2[0-4][0-9]|25[0-5])|(?::(?:[0-9a-fA-F]{1,4})){1,7}|:)))(%[0-9a-zA-Z.]{1,})?$`;
const WEB_IP_PATTERN = String.raw`^(?:((?:[0-9]|[1-9][0-9]|1[0-9][0-9]|2[0-4][0-9]|25[0-5])[.]){3}(?:[0-9]|[1-9][0-9]|1[0-9][0-9]|2[0-4][0-9]|25[0-5])|((?:(?:[0-9a-fA-F]{1,4}):){7}(?:(?:[0-9a-fA-F]{1,4})|:)|(?:(?:[0-9a-fA-F]{1,4}):){6}(?:((?:[0-9]|[1-9][0-9]|1[0-9][0-9]|2[0-4][0-9]|25[0-5])[.]){3}(?:[0-9]|[1-9][0-9]|1[0-9][0-9]|2[0-4][0-9]|25[0-5])|:(?:[0-9a-fA-F]{1,4})|:)|(?:(?:[0-9a-fA-F]{1,4}):){5}(?::((?:[0-9]|[1-9][0-9]|1[0-9][0-9]|2[0-4][0-9]|25[0-5])[.]){3}(?:[0-9]|[1-9][0-9]|1[0-9][0-9]|2[0-4][0-9]|25[0-5])|(:(?:[0-9a-fA-F]{1,4})){1,2}|:)|(?:(?:[0-9a-fA-F]{1,4}):){4}(?:(:(?:[0-9a-fA-F]{1,4})){0,1}:((?:[0-9]|[1-9][0-9]|1[0-9][0-9]|2[0-4][0-9]|25[0-5])[.]){3}(?:[0-9]|[1-9][0-9]|1[0-9][0-9]|2[0-4][0-9]|25[0-5])|(:(?:[0-9a-fA-F]{1,4})){1,3}|:)|(?:(?:[0-9a-fA-F]{1,4}):){3}(?:(:(?:[0-9a-fA-F]{1,4})){0,2}:((?:[0-9]|[1-9][0-9]|1[0-9][0-9]|2[0-4][0-9]|25[0-5])[.]){3}(?:[0-9]|[1-9][0-9]|1[0-9][0-9]|2[0-4][0-9]|25[0-5])|(:(?:[0-9a-fA-F]{1,4})){1,4}|:)|(?:(?:[0-9a-fA-F]{1,4}):){2}(?:(:(?:[0-9a-fA-F]{1,4})){0,3}:((?:[0-9]|[1-9][0-9]|1[0-9][0-9]|2[0-4][0-9]|25[0-5])[.]){3}(?:[0-9]|[1-9][0-9]|1[0-9][0-9]|2[0-4][0-9]|25[0-5])|(:(?:[0-9a-fA-F]{1,4})){1,5}|:)|(?:(?:[0-9a-fA-F]{1,4}):){1}(?:(:(?:[0-9a-fA-F]{1,4})){0,4}:((?:[0-9]|[1-9][0-9]|1[0-9][0-9]|2[0-4][0-9]|25[0-5])[.]){3}(?:[0-9]|[1-9][0-9]|1[0-9][0-9]|2[0-4][0-9]|25[0-5])|(:(?:[0-9a-fA-F]{1,4})){1,6}|:)|(?::((?::(?:[0-9a-fA-F]{1,4})){0,5}:((?:[0-9]|[1-9][0-9]|1[0-9][0-9]|2[0-4][0-9]|25[0-5])[.]){3}(?:[0-9]|[1-9][0-9]|1[0-9][0-9]|2[0-4][0-9]|25[0-5])|(?::(?:[0-9a-fA-F]{1,4})){1,7}|:)))(%[0-9a-zA-Z.]{1,})?)$`;
const WEB_UUID_PATTERN =
  '^(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|[fF]{8}-[fF]{4}-[fF]{4}-[fF]{4}-[fF]{12})$';

/**
 * Formats no JSON Schema tool knows, or knows more loosely (`uuid`), said as the pattern they
 * are, so a schema validator checks what the generated validator checks; the calendar check of
 * `iso8601-strict` stays with the format name. A `@pattern` of the user's comes first and the
 * format's pattern beside it.
 */
const FORMAT_PATTERNS: Partial<Record<string, string>> = { iso8601: ISO8601, 'iso8601-strict': ISO8601, url: URL_PATTERN, uuid: UUID_PATTERN, 'web-uuid': WEB_UUID_PATTERN, 'web-ipv6': WEB_IPV6_PATTERN, 'web-ip': WEB_IP_PATTERN };

/**
 * validator.js's readings of formats JSON Schema names too, under the name schema tools know:
 * their checks are close (a tool's `email` may refuse a quoted local part validator.js accepts).
 * `@IsUrl()` may leave the protocol out (`example.com/hook`, a relative reference) and name an
 * internationalised host (`bücher.de`): an `iri-reference`.
 */
const FORMAT_NAMES: Partial<Record<string, string>> = { 'web-email': 'email', 'web-uuid': 'uuid', 'web-url': 'iri-reference', url: 'uri' };

interface NumericShape {
  type: 'integer' | 'number';
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMaximum?: number;
}

/**
 * `@type` as type, format (the OpenAPI format registry's names) and the range a validator must
 * enforce. Formats are annotations in JSON Schema 2020-12, so the range is written out too:
 * a validator that ignores formats still rejects 2^31 for an `int32`. The 64-bit upper bounds
 * are exclusive powers of two, which doubles hold exactly.
 */
const NUMERIC_SHAPES: Record<NumericType, NumericShape> = {
  integer: { type: 'integer' },
  int32: { type: 'integer', format: 'int32', minimum: -2147483648, maximum: 2147483647 },
  uint32: { type: 'integer', format: 'uint32', minimum: 0, maximum: 4294967295 },
  int64: { type: 'integer', format: 'int64', minimum: -9223372036854775808, exclusiveMaximum: 9223372036854775808 },
  uint64: { type: 'integer', format: 'uint64', minimum: 0, exclusiveMaximum: 18446744073709551616 },
  float: { type: 'number', format: 'float', minimum: -3.4028234663852886e38, maximum: 3.4028234663852886e38 },
  double: { type: 'number', format: 'double' },
};

const tighter = (pick: (a: number, b: number) => number) => (a?: number, b?: number): number | undefined =>
  a === undefined ? b : b === undefined ? a : pick(a, b);

/** `number` (or `integer` with a format) with bounds and `multipleOf` as a number. */
export function numberSchema(node: NumberType): SchemaObject {
  const constraints = node.constraints ?? {};
  const shape: NumericShape = constraints.numericType ? NUMERIC_SHAPES[constraints.numericType] : { type: 'number' };
  return compact({
    type: shape.type,
    format: shape.format,
    minimum: tighter(Math.max)(constraints.minimum, shape.minimum),
    exclusiveMinimum: constraints.exclusiveMinimum,
    maximum: tighter(Math.min)(constraints.maximum, shape.maximum),
    exclusiveMaximum: tighter(Math.min)(constraints.exclusiveMaximum, shape.exclusiveMaximum),
    multipleOf: constraints.multipleOf !== undefined ? Number(constraints.multipleOf) : undefined,
  });
}

/**
 * A `bigint` travels as a JSON string of decimal digits (`"9007199254740993"`), as in
 * protobuf's JSON mapping: a JSON number above 2^53 loses digits in `JSON.parse`, in browsers
 * and most JSON libraries, before any code can look at it. `format: int64` names its usual
 * meaning (a database `bigint`); its bounds are in the `pattern`, exactly, since `minimum` and
 * `maximum` apply only to JSON numbers.
 */
export function bigintSchema(node: BigIntType): SchemaObject {
  // `10n`: its decimal text, the one string of its type.
  if (node.literal !== undefined) return { type: 'string', format: 'int64', const: node.literal };
  const constraints = node.constraints ?? {};
  const bound = (value: string | undefined) => (value === undefined ? undefined : BigInt(value));
  return { type: 'string', format: 'int64', pattern: integerTextPattern(bound(constraints.minimum), bound(constraints.maximum)) };
}

/** The JSON type of a literal value. */
export function literalType(value: LiteralType['value']): 'string' | 'number' | 'boolean' {
  return typeof value === 'string' ? 'string' : typeof value === 'number' ? 'number' : 'boolean';
}

/** `{ type, const }` for one literal. */
export function literalSchema(node: LiteralType): SchemaObject {
  return { type: literalType(node.value), const: node.value };
}
