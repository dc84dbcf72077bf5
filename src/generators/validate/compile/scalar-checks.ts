/**
 * Checks of scalar types (string, number, bigint, boolean, literal, enum, date, null,
 * undefined), shared by the `is` and `collect` strategies: a type test plus one test per
 * constraint, each with the issue code and `expected` text `collect` reports.
 */
import type {
  BigIntType,
  IsLengthBounds,
  EnumType,
  NumberConstraints,
  NumberType,
  NumericType,
  StringType,
} from '../../../model/types.js';
import { literalCode, regexLiteral } from '../../kit/emit.js';
import { printType } from '../../kit/print-type.js';
import { templateHoles } from '../../kit/template-literal.js';
import { mappingTest, mappingText } from './pattern-keys.js';
import type { FileCompiler } from './file-compiler.js';
import { FORMAT_HELPERS } from './runtime-helpers.js';
import { decimalFraction } from '../../../model/decimal-fraction.js';
import type { IssueCode } from './issue-messages.js';
import { EXPECTED_MAX, joinTests, literalSetTest } from './large-types.js';
import { comparableRead } from './own-property.js';

export interface ConstraintCheck {
  /** A boolean expression, true when the constraint holds (the value already has the right type). */
  test: string;
  code: IssueCode;
  expected: string;
}

export interface ScalarCheck {
  /** A boolean expression, true when the value has the type. */
  test: string;
  /** Issue code when the type test fails: `type`, or `enum` for literal and enum values. */
  code: 'type' | 'enum';
  expected: string;
  constraints: ConstraintCheck[];
}

export type ScalarNode =
  | StringType
  | NumberType
  | BigIntType
  | EnumType
  | { kind: 'boolean' }
  | { kind: 'null' }
  | { kind: 'undefined' }
  | { kind: 'date' }
  | { kind: 'literal'; value: string | number | boolean };

/** The checks of a scalar node against the value expression `x` (re-read freely: it is a variable or property access). */
export function scalarCheck(node: ScalarNode, x: string, compiler: FileCompiler): ScalarCheck {
  switch (node.kind) {
    case 'string':
      return { test: `typeof ${x} === "string"`, code: 'type', expected: 'string', constraints: stringConstraints(node, x, compiler) };
    case 'number':
      return numberCheck(node, x, compiler);
    case 'bigint':
      return bigintCheck(node, x, compiler);
    case 'boolean':
      return { test: `typeof ${x} === "boolean"`, code: 'type', expected: 'boolean', constraints: [] };
    case 'null':
      return { test: `${x} === null`, code: 'type', expected: 'null', constraints: [] };
    case 'undefined':
      return { test: `${x} === undefined`, code: 'type', expected: 'undefined', constraints: [] };
    case 'literal':
      return { test: `${comparableRead(x)} === ${literalCode(node.value)}`, code: 'enum', expected: literalCode(node.value), constraints: [] };
    case 'enum': {
      const values = node.members.map((member) => literalCode(member.value));
      const setTest = literalSetTest(node.members.map((member) => member.value), x, compiler, 'enum');
      const test = setTest ?? (values.length === 0 ? 'false' : joinTests(values.map((value) => `${comparableRead(x)} === ${value}`), '||'));
      const expected = values.join(' | ');
      return {
        test: values.length > 1 && !setTest ? `(${test})` : test,
        code: 'enum',
        expected: expected.length <= EXPECTED_MAX ? expected : `${values.slice(0, 8).join(' | ')} | … (${values.length} members)`,
        constraints: [],
      };
    }
    case 'date':
      return dateCheck(x, compiler);
  }
}

function dateCheck(x: string, compiler: FileCompiler): ScalarCheck {
  const isDate = `${compiler.runtime('isValidDate')}(${x})`;
  if (!compiler.coerce) return { test: isDate, code: 'type', expected: 'Date', constraints: [] };
  // isDateTimeText, not isDateTimeFormat: a leap second is a date-time no Date can hold (tester3 T-6).
  const isIsoString = `(typeof ${x} === "string" && ${compiler.runtime('isDateTimeText')}(${x}))`;
  return { test: `(${isDate} || ${isIsoString})`, code: 'type', expected: 'Date or date-time string', constraints: [] };
}

function stringConstraints(node: StringType, x: string, compiler: FileCompiler): ConstraintCheck[] {
  const constraints = node.constraints ?? {};
  const checks: ConstraintCheck[] = [];
  if (node.template) {
    // `` `wifi${number}` ``: matched as TypeScript matches it (kit/template-literal.ts).
    // A chain of mappings in a hole (`${Lowercase<Uppercase<string>>}`) goes to the runtime whole, outermost first: "Lowercase,Uppercase".
    const holes = templateHoles(node.template).map((hole, i) => {
      const written = node.template!.holes[i]!;
      return written.kind === 'string' && written.mapping && written.innerMappings ? [written.mapping, ...written.innerMappings].join(',') : hole;
    });
    const spec = compiler.constant(JSON.stringify({ texts: node.template.texts, holes }), 'TEMPLATE');
    checks.push({ test: `${compiler.runtime('isTemplate')}(${x}, ${spec})`, code: 'pattern', expected: printType(node, compiler.index) });
  }
  if (node.mapping) {
    // `Uppercase<string>`: the strings the mapping leaves unchanged, as for a key (pattern-keys.ts).
    checks.push({ test: mappingTest(node.mapping, x, node.innerMappings), code: 'pattern', expected: mappingText(node.mapping, node.innerMappings) });
  }
  if (constraints.minLength !== undefined && constraints.minLength > 0) {
    const n = constraints.minLength;
    checks.push({ test: minLengthTest(x, n, compiler), code: 'minLength', expected: `minLength ${n}` });
  }
  if (constraints.maxLength !== undefined) {
    const n = constraints.maxLength;
    checks.push({ test: maxLengthTest(x, n, compiler), code: 'maxLength', expected: `maxLength ${n}` });
  }
  if (constraints.isLength) checks.push(...isLengthChecks(constraints.isLength, x, compiler));
  if (constraints.pattern) {
    const literal = regexLiteral(constraints.pattern);
    const name = compiler.constant(literal, 'PATTERN');
    checks.push({ test: `${name}.test(${x})`, code: 'pattern', expected: literal });
  }
  const formatHelper = constraints.format ? FORMAT_HELPERS[constraints.format] : undefined;
  if (constraints.format && formatHelper) {
    // `web-url` takes its options (`@IsUrl({ protocols, require_protocol })`), validator.js's defaults when none were read.
    const url = constraints.url ?? { protocols: ['http', 'https', 'ftp'], requireProtocol: false };
    const options = constraints.format === 'web-url' ? `, ${JSON.stringify(url.protocols)}, ${url.requireProtocol}` : '';
    checks.push({ test: `${compiler.runtime(formatHelper)}(${x}${options})`, code: 'format', expected: constraints.format });
  }
  return checks;
}

/**
 * At least `n` code points (JSON Schema counts code points, a surrogate pair is one). The UTF-16
 * length decides alone when it is at least `2n` (no code point takes more than two units) or
 * when `n` is 0 or 1 (a non-empty string holds a code point); only then is a string counted.
 */
function minLengthTest(x: string, n: number, compiler: FileCompiler): string {
  if (n <= 1) return `${x}.length >= ${n}`;
  return `(${x}.length >= ${2 * n} || ${compiler.runtime('codePointLength')}(${x}) >= ${n})`;
}

/** At most `n` code points: counted only when the UTF-16 length is over `n` (then it may hold pairs). */
function maxLengthTest(x: string, n: number, compiler: FileCompiler): string {
  return `(${x}.length <= ${n} || ${compiler.runtime('codePointLength')}(${x}) <= ${n})`;
}

/**
 * class-validator's `@MinLength`/`@MaxLength`/`@Length`, counted as validator.js's `isLength`
 * counts (model/is-length.ts). That count is at most the UTF-16 length and at least a third of
 * it (a pair and a variation selector count one), so the length decides alone where it can;
 * a minimum of 0 or 1 is the UTF-16 length's (a text counts at least 1 when it is not empty).
 */
function isLengthChecks(bounds: IsLengthBounds, x: string, compiler: FileCompiler): ConstraintCheck[] {
  const checks: ConstraintCheck[] = [];
  const count = () => `${compiler.runtime('isLengthCount')}(${x})`;
  const { min, max } = bounds;
  if (min !== undefined && min > 0) {
    const test = min <= 1 ? `${x}.length >= ${min}` : `(${x}.length >= ${min} && (${x}.length >= ${3 * min} || ${count()} >= ${min}))`;
    checks.push({ test, code: 'minLength', expected: `MinLength(${min})` });
  }
  if (max !== undefined) checks.push({ test: `(${x}.length <= ${max} || ${count()} <= ${max})`, code: 'maxLength', expected: `MaxLength(${max})` });
  return checks;
}

/**
 * Range of each `@type` as bound tests on `x`. The 64-bit bounds are exclusive powers of two,
 * which doubles hold exactly (2^63 − 1 does not); `float` is bounded by float32's largest value.
 */
const NUMERIC_RANGES: Record<NumericType, { integer: boolean; bounds: string[] }> = {
  integer: { integer: true, bounds: [] },
  int32: { integer: true, bounds: ['>= -2147483648', '<= 2147483647'] },
  uint32: { integer: true, bounds: ['>= 0', '<= 4294967295'] },
  int64: { integer: true, bounds: ['>= -9223372036854775808', '< 9223372036854775808'] },
  uint64: { integer: true, bounds: ['>= 0', '< 18446744073709551616'] },
  float: { integer: false, bounds: ['>= -3.4028234663852886e38', '<= 3.4028234663852886e38'] },
  double: { integer: false, bounds: [] },
};

function numberCheck(node: NumberType, x: string, compiler: FileCompiler): ScalarCheck {
  const constraints: NumberConstraints = node.constraints ?? {};
  const numericType = constraints.numericType;
  const range = NUMERIC_RANGES[numericType ?? 'double'];
  const parts = [`typeof ${x} === "number"`, range.integer ? `Number.isInteger(${x})` : `Number.isFinite(${x})`];
  parts.push(...range.bounds.map((bound) => `${x} ${bound}`));
  return {
    test: parts.join(' && '),
    code: 'type',
    expected: numericType ?? 'number',
    constraints: numberConstraints(constraints, x, compiler),
  };
}

function numberConstraints(constraints: NumberConstraints, x: string, compiler: FileCompiler): ConstraintCheck[] {
  const checks: ConstraintCheck[] = [];
  const bound = (value: number | undefined, operator: string, code: IssueCode): void => {
    if (value === undefined) return;
    checks.push({ test: `${x} ${operator} ${numberCode(value)}`, code, expected: `${code} ${value}` });
  };
  bound(constraints.minimum, '>=', 'minimum');
  bound(constraints.maximum, '<=', 'maximum');
  bound(constraints.exclusiveMinimum, '>', 'exclusiveMinimum');
  bound(constraints.exclusiveMaximum, '<', 'exclusiveMaximum');
  if (constraints.multipleOf !== undefined) {
    const { numerator, denominator } = decimalFraction(constraints.multipleOf);
    checks.push({
      test: `${compiler.runtime('isMultipleOf')}(${x}, ${numerator}, ${denominator})`,
      code: 'multipleOf',
      expected: `multipleOf ${constraints.multipleOf}`,
    });
  }
  return checks;
}

/**
 * A `bigint`; with `coerce`, also its wire form, a string of decimal digits (docs/openapi.md),
 * whose bounds are compared as the bigint it holds.
 */
function bigintCheck(node: BigIntType, x: string, compiler: FileCompiler): ScalarCheck {
  if (node.literal !== undefined) return bigintLiteralCheck(node, node.literal, x, compiler);
  if (!compiler.coerce) return { test: `typeof ${x} === "bigint"`, code: 'type', expected: 'bigint', constraints: bigintConstraints(node, x) };
  const isText = `(typeof ${x} === "string" && ${compiler.runtime('isIntegerText')}(${x}))`;
  return { test: `(typeof ${x} === "bigint" || ${isText})`, code: 'type', expected: 'bigint or integer string', constraints: bigintConstraints(node, `BigInt(${x} as bigint | string)`) };
}

/** `10n`: that bigint, and with `coerce` also its wire form, the string `"10"` (which coerceT turns into `10n`). */
function bigintLiteralCheck(node: BigIntType, literal: string, x: string, compiler: FileCompiler): ScalarCheck {
  const code = bigintCode(literal);
  if (!compiler.coerce) return { test: `${x} === ${code}`, code: 'enum', expected: code, constraints: bigintConstraints(node, x) };
  const text = JSON.stringify(literal);
  return { test: `(${x} === ${code} || ${x} === ${text})`, code: 'enum', expected: `${code} or ${text}`, constraints: bigintConstraints(node, `BigInt(${x} as bigint | string)`) };
}

function bigintConstraints(node: BigIntType, x: string): ConstraintCheck[] {
  const checks: ConstraintCheck[] = [];
  const { minimum, maximum } = node.constraints ?? {};
  if (minimum !== undefined) checks.push({ test: `${x} >= ${bigintCode(minimum)}`, code: 'minimum', expected: `minimum ${minimum}` });
  if (maximum !== undefined) checks.push({ test: `${x} <= ${bigintCode(maximum)}`, code: 'maximum', expected: `maximum ${maximum}` });
  return checks;
}

/** A number as code; a negative one in parentheses is not needed after comparison operators. */
function numberCode(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`A numeric bound must be finite, got ${value}.`);
  return String(value);
}

/** A bigint literal from a decimal string; anything else is a broken model. */
function bigintCode(value: string): string {
  if (!/^-?\d+$/.test(value)) throw new Error(`A bigint bound must be an integer, got "${value}".`);
  return `${BigInt(value)}n`;
}
