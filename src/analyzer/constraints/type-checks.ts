/**
 * class-validator's type-check decorators (`@IsString()`, `@IsNumber()`, `@IsInt()`,
 * `@IsBoolean()`, `@IsDate()`, `@IsArray()`, `@IsObject()`, `@IsEnum()`, `@IsIn()`) read against
 * the property's TypeScript type. Where the type agrees they add nothing. Where the decorator
 * narrows within the type (`@IsNumber() x: number | string`, `@IsEnum(ROLES) role: string`) the
 * narrowed type is checked, as the library checks it. Where it contradicts the type (`@IsString()
 * age: number`: the library rejects every value) the type wins and CG2023 says what to write.
 * `null` and `undefined` members stay: without `@IsOptional()` class-validator rejects them too,
 * but codegen reads `?` and `| null` as TypeScript does (docs/annotations.md).
 */
import { meetsIsLength, type TypeNode } from '../../model/index.js';
import type { AnalyzerContext } from '../context.js';
import { isUnsupported, type DecoratorCall, type StaticValue } from '../tags/decorators.js';
import { literalTypeText } from './literal-targets.js';
import { optionsOf } from './requests.js';

/** Whether a decorator's check passes values of a node: always, never, or it cannot tell (a reference). */
type Verdict = 'all' | 'none' | 'unknown';

interface TypeCheck {
  /** The decorator's verdict on a node other than `null`/`undefined`. */
  accepts(node: TypeNode): Verdict;
  /** What `unknown` becomes under the check, if the check names one type. */
  narrowsUnknown?: TypeNode;
  /** The TypeScript type the check means, for the hint. */
  means: string;
}

const byKind = (kinds: readonly TypeNode['kind'][], literal?: (value: string | number | boolean) => boolean) => (node: TypeNode): Verdict => {
  if (node.kind === 'ref' || node.kind === 'intersection' || node.kind === 'enum' || (node.kind === 'unknown' && node.unsupported)) return 'unknown';
  if (node.kind === 'literal') return literal?.(node.value) ? 'all' : 'none';
  return kinds.includes(node.kind) ? 'all' : 'none';
};

const CHECKS: Readonly<Record<string, TypeCheck>> = {
  IsString: { accepts: byKind(['string'], (v) => typeof v === 'string'), narrowsUnknown: { kind: 'string' }, means: 'string' },
  IsNumber: { accepts: byKind(['number'], (v) => typeof v === 'number'), narrowsUnknown: { kind: 'number' }, means: 'number' },
  // Any number literal: its integer rule (`@type integer`) then leaves out `2.5` of `1 | 2.5`, and says so (literal-targets.ts).
  IsInt: { accepts: byKind(['number'], (v) => typeof v === 'number'), narrowsUnknown: { kind: 'number' }, means: 'number' },
  IsBoolean: { accepts: byKind(['boolean'], (v) => typeof v === 'boolean'), narrowsUnknown: { kind: 'boolean' }, means: 'boolean' },
  IsDate: { accepts: byKind(['date']), narrowsUnknown: { kind: 'date' }, means: 'Date' },
  IsArray: { accepts: byKind(['array', 'tuple']), narrowsUnknown: { kind: 'array', items: { kind: 'unknown' } }, means: 'an array type (`T[]`)' },
  // validator.js's isObject: not null, an object or a function, not an array.
  IsObject: { accepts: byKind(['object', 'record', 'date']), means: 'an object type' },
};

/**
 * The property's type narrowed by the type-check decorators written on it (or on the same
 * property of a base class); reports CG2023 where a check rejects every value of the type.
 * Kind checks run before the constraint rules (`@IsInt()` on `number | string` narrows to the
 * number its integer rule applies to); literal sets after them (`@IsIn(['a', 'bb']) @MinLength(2)`
 * keeps the literals the constrained string admits).
 */
export function narrowByTypeChecks(type: TypeNode, decorators: readonly DecoratorCall[], phase: 'kinds' | 'literals', path: string, ctx: AnalyzerContext): TypeNode {
  let narrowed = type;
  for (const decorator of decorators) {
    const check = checkOf(decorator, narrowed, path, ctx);
    if (!check || ('literals' in check) !== (phase === 'literals')) continue;
    const each = decorator.arguments.some((argument) => optionsOf(argument)?.['each'] === true);
    if (each) {
      const list = definedMember(narrowed);
      if (list?.kind !== 'array') continue; // `{ each: true }` off an array is CG2006 (apply.ts)
      const items = narrowNode(list.items, check, decorator, `${path}[]`, ctx);
      narrowed = replaceDefined(narrowed, { ...list, items });
    } else narrowed = narrowNode(narrowed, check, decorator, path, ctx);
  }
  return narrowed;
}

function narrowNode(type: TypeNode, check: TypeCheck, decorator: DecoratorCall, path: string, ctx: AnalyzerContext): TypeNode {
  const members = type.kind === 'union' ? type.members : [type];
  const data = members.filter((member) => member.kind !== 'null' && member.kind !== 'undefined');
  if (data.length === 0) return type;
  const kept = data.flatMap((member) => narrowMember(member, check));
  if (kept.length === 0) {
    // `@IsInt()` off a number is CG2006 (its integer rule applies to numbers only): said once.
    if (decorator.name !== 'IsInt') {
      const message = `@${decorator.name}() on ${path}: class-validator would reject every value of the property's type; the generated validators follow the type.`;
      ctx.reportOnce('CG2023', decorator.location, `typecheck/${decorator.name}`, message, `Type the property as ${check.means} if that is what it holds, or drop @${decorator.name}().`);
    }
    return type;
  }
  if (kept.length === data.length && kept.every((member, index) => member === data[index])) return type;
  reportLeftOutLiterals(type, data, kept, decorator, path, ctx);
  const rest = members.filter((member) => member.kind === 'null' || member.kind === 'undefined');
  const all = [...kept, ...rest];
  return all.length === 1 ? all[0]! : { kind: 'union', members: all };
}

/**
 * CG2029 for the literals of the type a check leaves out while keeping others (`@IsIn(['a']) x:
 * 'a' | 'b'`, `@IsNumber() x: number | 'auto'`), as for a constraint (literal-targets.ts).
 * Narrowing `number | string` to `number` leaves out no literal, and says nothing.
 */
function reportLeftOutLiterals(type: TypeNode, data: readonly TypeNode[], kept: readonly TypeNode[], decorator: DecoratorCall, path: string, ctx: AnalyzerContext): void {
  const leaves = (node: TypeNode): TypeNode[] => (node.kind === 'union' ? node.members.flatMap(leaves) : [node]);
  const left = data.flatMap(leaves).filter((member) => member.kind === 'literal' && !kept.includes(member));
  if (left.length === 0) return;
  const them = left.length > 1 ? 'them' : 'it';
  const empty = type.kind === 'union' ? type.members.filter((member) => member.kind === 'null' || member.kind === 'undefined') : [];
  const rest = [...kept, ...empty].map(literalTypeText).join(' | ');
  const message = `@${decorator.name}() on ${path} leaves out ${left.map(literalTypeText).join(', ')} of its type \`${literalTypeText(type)}\`: class-validator rejects ${them}, and so do the generated validators; the mocks and the OpenAPI schema keep to ${rest}.`;
  ctx.reportOnce('CG2029', decorator.location, `literals/typecheck/${decorator.name}`, message, `Write the type as \`${rest}\` if that is what ${path} holds, or ${decorator.name === 'IsIn' || decorator.name === 'IsEnum' ? `add ${them} to the values of @${decorator.name}()` : `drop @${decorator.name}()`}.`);
}

/** What remains of one member under the check: itself, nothing, or (for `unknown`, `string` under a literal set) a narrower type. */
function narrowMember(member: TypeNode, check: TypeCheck): TypeNode[] {
  if (member.kind === 'unknown' && !member.unsupported) return [check.narrowsUnknown ?? member];
  if (member.kind === 'union') return member.members.flatMap((inner) => narrowMember(inner, check));
  const verdict = check.accepts(member);
  if (verdict === 'none') return [];
  if (verdict === 'all' && 'literals' in check) return (check as LiteralCheck).narrow(member);
  return [member];
}

interface LiteralCheck extends TypeCheck {
  literals: readonly (string | number)[];
  narrow(member: TypeNode): TypeNode[];
}

/** `@IsEnum(Role)`, `@IsIn(['a', 'b'])`: the values the library compares with `===` (a `string` becomes their string literals). */
function literalCheck(values: readonly (string | number)[], written: string): LiteralCheck {
  const literals = [...new Set(values)];
  const of = (kind: 'string' | 'number') => literals.filter((value) => typeof value === kind).map((value): TypeNode => ({ kind: 'literal', value }));
  return {
    literals,
    means: written,
    accepts(node) {
      if (node.kind === 'ref' || node.kind === 'intersection' || node.kind === 'enum' || node.kind === 'unknown') return 'unknown';
      if (node.kind === 'literal') return literals.includes(node.value as string | number) ? 'all' : 'none';
      if (node.kind === 'string' || node.kind === 'number') return of(node.kind).length > 0 ? 'all' : 'none';
      return 'none';
    },
    narrow(member) {
      // A constrained string or number keeps its constraints only through the literal filter: a literal is checked by value alone.
      if (member.kind === 'string' || member.kind === 'number') return of(member.kind).filter((literal) => fits(literal, member));
      return [member];
    },
    narrowsUnknown: literals.length === 1 ? { kind: 'literal', value: literals[0]! } : { kind: 'union', members: [...of('string'), ...of('number')] },
  };
}

/** A literal against the plain bounds of the string or number it narrows (patterns and formats stay with the library's own check: the literal is listed as written). */
function fits(literal: TypeNode, member: TypeNode): boolean {
  if (literal.kind !== 'literal') return true;
  if (member.kind === 'string' && typeof literal.value === 'string') {
    const length = [...literal.value].length;
    const c = member.constraints;
    return (c?.minLength ?? 0) <= length && length <= (c?.maxLength ?? Infinity) && (!c?.isLength || meetsIsLength(literal.value, c.isLength));
  }
  if (member.kind === 'number' && typeof literal.value === 'number') {
    const c = member.constraints;
    const v = literal.value;
    const integer = c?.numericType === undefined || c.numericType === 'double' || c.numericType === 'float' || Number.isInteger(v);
    return (c?.minimum ?? -Infinity) <= v && v <= (c?.maximum ?? Infinity) && v > (c?.exclusiveMinimum ?? -Infinity) && v < (c?.exclusiveMaximum ?? Infinity) && integer;
  }
  return true;
}

function matches(value: string, pattern: { source: string; flags: string } | undefined): boolean {
  if (!pattern) return true;
  try {
    return new RegExp(pattern.source, pattern.flags).test(value);
  } catch {
    return true; // a pattern JavaScript cannot compile is CG2002 where it was written
  }
}

function checkOf(decorator: DecoratorCall, type: TypeNode, path: string, ctx: AnalyzerContext): TypeCheck | undefined {
  if (decorator.name === 'IsEnum' || decorator.name === 'IsIn') {
    const values = literalValues(decorator.arguments[0]);
    // Unread values matter where they would narrow the type: on `Role` itself (a reference) they add nothing.
    if (!values && wouldNarrow(type)) {
      const text = isUnsupported(decorator.arguments[0]) ? decorator.arguments[0].unsupported : JSON.stringify(decorator.arguments[0]);
      const hint = decorator.name === 'IsIn' ? 'Write the values as an array of string or number literals (`@IsIn([\'a\', \'b\'])`), or say them in the type.' : 'Pass an enum or an `as const` object of string and number literals, or say the values in the type.';
      ctx.reportOnce('CG2013', decorator.location, decorator.name, `@${decorator.name}() on ${path}: argument '${text}' cannot be read statically, so the values are not checked.`, hint);
    }
    return values ? literalCheck(values, `a union of the literals ${values.map((v) => JSON.stringify(v)).join(' | ')}`) : undefined;
  }
  return Object.hasOwn(CHECKS, decorator.name) ? CHECKS[decorator.name] : undefined;
}

/** Whether a literal set could narrow the type: it holds a plain string, number or unknown (through `| null` and unions). */
function wouldNarrow(type: TypeNode): boolean {
  if (type.kind === 'union') return type.members.some(wouldNarrow);
  if (type.kind === 'array') return wouldNarrow(type.items);
  return type.kind === 'string' || type.kind === 'number' || (type.kind === 'unknown' && !type.unsupported);
}

function literalValues(value: StaticValue | undefined): (string | number)[] | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  return value.every((item) => typeof item === 'string' || typeof item === 'number') ? (value as (string | number)[]) : undefined;
}

function definedMember(type: TypeNode): TypeNode | undefined {
  if (type.kind !== 'union') return type;
  const defined = type.members.filter((member) => member.kind !== 'null' && member.kind !== 'undefined');
  return defined.length === 1 ? defined[0] : undefined;
}

function replaceDefined(type: TypeNode, member: TypeNode): TypeNode {
  if (type.kind !== 'union') return member;
  return { ...type, members: type.members.map((inner) => (inner.kind === 'null' || inner.kind === 'undefined' ? inner : member)) };
}
