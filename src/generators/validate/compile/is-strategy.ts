/**
 * The `is` strategy: a boolean expression per type node, with no allocation. Nodes that need a
 * loop or a switch (objects, arrays, tuples, records, discriminated unions, strict
 * intersections) get a private function of their own, so each function stays one level deep.
 */
import type { Property, TupleType, TypeNode, UnionType } from '../../../model/types.js';
import { tupleLength } from '../../../model/tuple-length.js';
import { literalCode, stringLiteral, identifierPart } from '../../kit/emit.js';
import { propertyRead } from './property-read.js';
import { readDiscriminant, splitNullish } from '../../kit/unions.js';
import { walkType, type TypeStrategy } from '../../kit/walk.js';
import { uniqueItemsTest } from './unique-items.js';
import type { FileCompiler } from './file-compiler.js';
import { comparableRead, ownPropertyTest } from './own-property.js';
import { isNever, needsKeyTest } from './key-presence.js';
import { setterOnlyTest } from './setter-only.js';
import { destructuring, identifiersIn, propertyLocals, readsIntoLocal } from './property-locals.js';
import { needsOwnFunction, numericKeyTest, objectShape, rejectsOtherKeys, strictIntersectionShape, type ObjectShape } from './object-shape.js';
import { scalarCheck, type ScalarNode } from './scalar-checks.js';
import { negate } from './statements.js';
import { joinTests, literalSetTest, literalValues } from './large-types.js';
import { unknownCheck } from './behaviour-checks.js';
import { collectionIsBody, isCollection } from './collection-bodies.js';
import { keyConstraintChecks, patternKeyTest } from './pattern-keys.js';
import { readInto } from './loop-locals.js';
import { symbolDataTests, symbolMethodTests } from './symbol-methods.js';
import { weakMemberTests } from './weak-members.js';
import { readsName } from '../../kit/reads-name.js';

export interface IsContext {
  compiler: FileCompiler;
  /** The value expression: a parameter, a local or a property access, cheap to re-read. */
  x: string;
  /** Name base for private functions lifted out of this node. */
  base: string;
}

/** The boolean expression testing `x` against `node`. */
export function isExpression(node: TypeNode, context: IsContext): string {
  return walkType(node, IS_STRATEGY, context);
}

const scalar = (node: ScalarNode, { x, compiler }: IsContext): string => {
  const check = scalarCheck(node, x, compiler);
  return [check.test, ...check.constraints.map((constraint) => constraint.test)].join(' && ');
};

const lifted = (node: TypeNode, { compiler, x, base }: IsContext): string =>
  `${compiler.liftedFunction(node, base, 'is')}(${x})`;

const IS_STRATEGY: TypeStrategy<string, IsContext> = {
  string: scalar,
  number: scalar,
  bigint: scalar,
  boolean: scalar,
  null: scalar,
  undefined: scalar,
  literal: scalar,
  date: scalar,
  enum: scalar,
  // `never`: no value passes; a function, a platform class: see behaviour-checks.ts.
  unknown: (node, context) => (isCollection(node) ? lifted(node, context) : (unknownCheck(node, context.x)?.test ?? 'true')),
  ref: (node, { compiler, x }) => `${compiler.declarationFunction(node.id, 'is')}(${x})`,
  array: lifted,
  tuple: lifted,
  object: lifted,
  record: lifted,
  union: (node, context) => (node.discriminant ? lifted(node, context) : unionExpression(node, context)),
  intersection: (node, context) =>
    needsOwnFunction(node, context.compiler.index)
      ? lifted(node, context)
      : `(${node.members.map((member, i) => isExpression(member, { ...context, base: `${context.base}Part${i + 1}` })).join(' && ')})`,
};

/** Cost rank of checking a member: cheap `typeof`/`===` tests first, calls and loops last. */
function cost(node: TypeNode): number {
  switch (node.kind) {
    case 'null':
    case 'undefined':
    case 'literal':
    case 'boolean':
      return 0;
    case 'string':
    case 'number':
    case 'bigint':
    case 'enum':
      return 1;
    case 'date':
      return 2;
    case 'array':
    case 'tuple':
    case 'record':
      return 3;
    default:
      return 4;
  }
}

/** Members of a union, cheapest test first (stable for equal costs). */
export function membersByCost(members: readonly TypeNode[]): Array<{ member: TypeNode; position: number }> {
  return members.map((member, position) => ({ member, position })).sort((a, b) => cost(a.member) - cost(b.member) || a.position - b.position);
}

function unionExpression(node: UnionType, context: IsContext): string {
  if (node.members.some((member) => member.kind === 'unknown' && !unknownCheck(member, context.x))) return 'true';
  const tests = unionTests(node.members, context, (position) => `${context.base}Option${position + 1}`);
  return tests.length === 1 ? tests[0]! : `(${joinTests(tests, '||')})`;
}

/**
 * One test per member of a union, cheapest first; many literal members share one `Set`
 * lookup (a chain of thousands of `===` overflows Prettier's and tsc's stacks).
 */
export function unionTests(members: readonly TypeNode[], context: IsContext, memberBase: (position: number) => string): string[] {
  const setTest = literalSetTest(literalValues(members), context.x, context.compiler, context.base);
  const weak = weakMemberTests(members, context.compiler);
  const others = membersByCost(members)
    .filter(({ member }) => !(setTest && member.kind === 'literal'))
    .map(({ member, position }) => weak(member, isExpression(member, { ...context, base: memberBase(position) }), context.x));
  return setTest ? [setTest, ...others] : others;
}

/** The body of a function `(value: unknown): boolean` testing `value` against `node`. */
export function isFunctionBody(node: TypeNode, compiler: FileCompiler, base: string): string {
  const context: IsContext = { compiler, x: 'value', base };
  switch (node.kind) {
    case 'object':
      return objectBody(objectShape(node, compiler.nominalClass(node)), context);
    case 'intersection': {
      const shape = strictIntersectionShape(node, compiler.index);
      return shape ? objectBody(shape, context) : `return ${isExpression(node, context)};`;
    }
    case 'array':
      return arrayBody(node.items, node.constraints ?? {}, context);
    case 'tuple':
      return tupleBody(node, context);
    case 'record':
      return recordBody(node.key, node.value, context, compiler.nominalClass(node));
    case 'union':
      return node.discriminant ? discriminatedBody(node, context) : `return ${isExpression(node, context)};`;
    case 'unknown':
      if (isCollection(node)) return collectionIsBody(node, compiler, base);
      return `return ${isExpression(node, context)};`;
    default:
      return `return ${isExpression(node, context)};`;
  }
}

function objectBody(shape: ObjectShape, context: IsContext): string {
  const { compiler, base } = context;
  const propertyTest = (property: Property, x: string): string | undefined => {
    const test = isExpression(property.type, { compiler, x, base: base + identifierPart(property.name, 'Property') });
    // `__proto__?: string`: an inherited `Object.prototype` is a missing key, not a value to test.
    const own = ownPropertyTest('value', property.name, compiler);
    // `set label(v: string)` without a getter: an instance inherits the accessor and reads `undefined` (setter-only.ts).
    if (property.setterOnly && !property.optional) return setterOnlyTest(property.name, x, test, compiler);
    // `payload: unknown`, `label: string | undefined`: the value may be undefined, but TypeScript still requires the key.
    if (needsKeyTest(property, compiler.index)) {
      const key = own ?? `${stringLiteral(property.name)} in value`;
      if (test === 'true') return key;
      return `${key} && ${property.optional ? `(${x} === undefined || ${test})` : test}`;
    }
    if (test === 'true') return undefined;
    // `x?: string` under exactOptionalPropertyTypes: a missing key passes, a present `undefined` does not.
    if (property.exactOptional) return `(!${own ?? `(${stringLiteral(property.name)} in value)`} || ${test})`;
    if (own) return property.optional ? `(!${own} || ${x} === undefined || ${test})` : `${own} && ${test}`;
    return property.optional ? `(${x} === undefined || ${test})` : test;
  };
  const direct = (property: Property): string => propertyRead('value', property.name);
  const others = shape.others.map((other, i) => isExpression(other, { compiler, x: 'value', base: `${base}Part${i + 1}` }));
  const extraKeys = extraKeysLoop(shape, context);
  // A property its test reads more than once is read once, into a local (V8 reloads a property
  // after every call in between); a member of `Object.prototype` stays read as `value.toString`.
  const rereads = shape.properties.filter(
    (property) => readsIntoLocal(property.name) && (propertyTest(property, direct(property)) ?? '').split(direct(property)).length > 2,
  );
  const placeholderTests = shape.properties.map((property) => propertyTest(property, 'value') ?? '');
  const locals = propertyLocals(rereads.map((property) => property.name), identifiersIn([...placeholderTests, ...others, extraKeys].join('\n')));
  const tests = [
    ...shape.properties.flatMap((property) => propertyTest(property, locals.get(property.name) ?? direct(property)) ?? []),
    ...others,
    ...symbolMethodTests(shape.symbolMethods).map(({ test }) => test),
    ...symbolDataTests(shape.symbolProperties, compiler).map(({ test }) => test),
    // Last: narrowing `value` to the class would type the reads before it as the class's members.
    ...(shape.instanceOf ? [`value instanceof ${shape.instanceOf}`] : []),
  ];
  const isObject = compiler.runtime('isObject');
  // A required member no value can have (`b: Promise<string>`, CG2004) fails every value: code after
  // its `false` would be unreachable, where TypeScript no longer narrows `value` (TS18046, TS2407).
  if (tests.some(rejectsEveryValue)) return `return ${isObject}(value) && false;`;
  if (!extraKeys && locals.size === 0) return `return ${joinTests([`${isObject}(value)`, ...tests], '&&')};`;
  const lines = [`if (!${isObject}(value)) return false;`];
  if (locals.size > 0) lines.push(destructuring(locals, 'value'));
  if (!extraKeys) return [...lines, `return ${tests.length > 0 ? joinTests(tests, '&&') : 'true'};`].join('\n');
  if (tests.length > 0) lines.push(`if (${negate(joinTests(tests, '&&'))}) return false;`);
  lines.push(extraKeys, 'return true;');
  return lines.join('\n');
}

/** Whether a property's test is `false`, alone or after its key test (`"b" in value && false`). */
function rejectsEveryValue(test: string): boolean {
  return test === 'false' || test.endsWith(' && false');
}

/** The `for…in` over undeclared keys for `@strict` and index signatures; empty when none is needed. */
function extraKeysLoop(shape: ObjectShape, context: IsContext): string {
  const { compiler, base } = context;
  const entryTests = shape.additional
    .map((type) => isExpression(type, { compiler, x: 'entry', base: `${base}Extra` }))
    .filter((test) => test !== 'true');
  const numericTests = shape.numeric
    .map((type) => isExpression(type, { compiler, x: 'entry', base: `${base}Numeric` }))
    .filter((test) => test !== 'true');
  // `@strict` rejects the keys no index signature allows (`[k: string]: unknown` allows them all).
  const otherKey = rejectsOtherKeys(shape) ? 'return false;' : entryTests.length > 0 ? `{\n${readInto('entry', 'value[key]', `if (${negate(entryTests.join(' && '))}) return false;`)}\n}` : '';
  let onExtra = otherKey;
  if (shape.patterns.length > 0) onExtra = patternKeysIs(shape, entryTests, numericTests, context);
  else if (shape.numeric.length > 0) {
    // A numeric key is held to the number index (and to the string index, which it narrows).
    const tests = [...numericTests, ...entryTests];
    const numericKey = tests.length > 0 ? `{\n${readInto('entry', 'value[key]', `if (${negate(tests.join(' && '))}) return false;`)}\n}` : '';
    if (numericKey || otherKey) onExtra = `if (${numericKeyTest('key')}) {${numericKey}}${otherKey ? ` else ${otherKey.startsWith('{') ? otherKey : `{\n${otherKey}\n}`}` : ''}`;
  }
  if (!onExtra) return '';
  const declared = [...new Set(shape.properties.map((property) => property.name))];
  if (declared.length === 0) return `for (const ${onExtra.includes('key') ? 'key' : '_key'} in value) ${onExtra}`;
  const cases = declared.map((name) => `case ${stringLiteral(name)}:`).join('\n');
  return `for (const key in value) {\nswitch (key) {\n${cases}\nbreak;\ndefault:\n${onExtra}\n}\n}`;
}

/**
 * An undeclared key beside pattern indexes: each index that holds it (`isTemplate(key, …)`, a
 * mapping's test, every key for `Record<Slug, V>`) checks the key's constraints and the value; a
 * string index checks every value; `@strict` rejects a key no index holds.
 */
function patternKeysIs(shape: ObjectShape, entryTests: string[], numericTests: string[], { compiler, base }: IsContext): string {
  const held: string[] = shape.numeric.length > 0 ? [numericKeyTest('key')] : [];
  const lines: string[] = [];
  if (numericTests.length > 0) lines.push(`if (${held[0]} && ${negate(numericTests.join(' && '))}) return false;`);
  shape.patterns.forEach((index, i) => {
    const member = patternKeyTest(index, 'key', compiler);
    if (member) held.push(member);
    const valueTest = isExpression(index.value, { compiler, x: 'entry', base: `${base}Pattern${i + 1}` });
    const tests = [...keyConstraintChecks(index, 'key', compiler).map((check) => check.test), ...(valueTest === 'true' ? [] : [valueTest])];
    if (tests.length === 0) return;
    lines.push(`if (${member ? `${member} && ` : ''}${negate(tests.join(' && '))}) return false;`);
  });
  if (entryTests.length > 0) lines.push(`if (${negate(entryTests.join(' && '))}) return false;`);
  if (rejectsOtherKeys(shape)) lines.unshift(`if (${held.length === 0 ? 'true' : held.map(negate).join(' && ')}) return false;`);
  if (lines.length === 0) return '';
  const reads = readsName(lines.join('\n'), 'entry');
  return `{\n${reads ? 'const entry = value[key];\n' : ''}${lines.join('\n')}\n}`;
}

function arrayBody(items: TypeNode, constraints: { minItems?: number; maxItems?: number; uniqueItems?: boolean }, context: IsContext): string {
  const { compiler, base } = context;
  const guard = [`!${compiler.runtime('isArray')}(value)`];
  if (constraints.minItems !== undefined) guard.push(`value.length < ${constraints.minItems}`);
  if (constraints.maxItems !== undefined) guard.push(`value.length > ${constraints.maxItems}`);
  const lines = [`if (${guard.join(' || ')}) return false;`];
  const itemTest = isExpression(items, { compiler, x: 'item', base: `${base}Item` });
  if (itemTest !== 'true') {
    lines.push(`for (let i = 0; i < value.length; i++) {\n${readInto('item', 'value[i]', `if (${negate(itemTest)}) return false;`)}\n}`);
  }
  lines.push(constraints.uniqueItems ? `return ${uniqueItemsTest(items, compiler, `${base}Item`)};` : 'return true;');
  return lines.join('\n');
}

/** Where the rest elements end: before the fixed elements that follow it (`[...string[], 'ok']`). */
export function restEnd(node: TupleType): string {
  const trailing = node.trailing?.length ?? 0;
  return trailing > 0 ? `value.length - ${trailing}` : 'value.length';
}

function tupleBody(node: TupleType, context: IsContext): string {
  const { compiler, base } = context;
  const { min, max } = tupleLength(node);
  const guard = [`!${compiler.runtime('isArray')}(value)`];
  if (min === max) guard.push(`value.length !== ${min}`);
  else {
    if (min > 0) guard.push(`value.length < ${min}`);
    if (max !== undefined) guard.push(`value.length > ${max}`);
  }
  const lines = [`if (${guard.join(' || ')}) return false;`];
  node.elements.forEach((element, i) => {
    const test = isExpression(element.type, { compiler, x: `element${i}`, base: `${base}Element${i}` });
    if (test === 'true') return;
    // Under exactOptionalPropertyTypes a present optional element is checked, `undefined` too.
    const absent = element.exactOptional ? `value.length <= ${i}` : `element${i} === undefined`;
    lines.push(readInto(`element${i}`, `value[${i}]`, `if (${negate(element.optional ? `${absent} || ${test}` : test)}) return false;`));
  });
  const restTest = node.rest ? isExpression(node.rest, { compiler, x: 'item', base: `${base}Rest` }) : 'true';
  if (restTest !== 'true') {
    lines.push(`for (let i = ${node.elements.length}; i < ${restEnd(node)}; i++) {\n${readInto('item', 'value[i]', `if (${negate(restTest)}) return false;`)}\n}`);
  }
  const trailing = node.trailing ?? [];
  trailing.forEach((element, j) => {
    const test = isExpression(element.type, { compiler, x: `last${j}`, base: `${base}Last${j}` });
    if (test === 'true') return;
    lines.push(`const last${j} = value[value.length - ${trailing.length - j}];`);
    lines.push(`if (${negate(test)}) return false;`);
  });
  lines.push('return true;');
  return lines.join('\n');
}

/**
 * `Record<string, V>` holds every key to `V`; `Record<number, V>` only the numeric ones, as
 * TypeScript does (`{ a: 1 }` is a `Record<number, string>` to it, unless written as a literal).
 */
function recordBody(key: 'string' | 'number', valueType: TypeNode, context: IsContext, owner?: string): string {
  const { compiler, base } = context;
  const test = isExpression(valueType, { compiler, x: 'entry', base: `${base}Value` });
  // Only a plain object: TypeScript gives a Date, a Map or a class instance no index signature;
  // `class Dict { [k: string]: number }` has one, so its instances pass too (`isObject` types
  // them for reading by key: `Numbered`'s index takes numbers only).
  const plain = `${compiler.runtime('isPlainObject')}(value)`;
  const lines = [`if (${owner ? `!(${plain} || (value instanceof ${owner} && ${compiler.runtime('isObject')}(value)))` : `!${plain}`}) return false;`];
  if (test !== 'true') {
    const check = `{\n${readInto('entry', 'value[key]', `if (${negate(test)}) return false;`)}\n}`;
    const loop = key === 'number' ? `if (${numericKeyTest('key')}) ${check}` : check;
    // `Record<string, never>`: no key passes, and the loop never reads it (noUnusedLocals).
    lines.push(`for (const ${readsName(loop, 'key') ? 'key' : '_key'} in value) ${loop}`);
  }
  lines.push('return true;');
  return lines.join('\n');
}

function discriminatedBody(node: UnionType, context: IsContext): string {
  const { compiler, base } = context;
  const discriminant = readDiscriminant(node)!;
  const { hasNull, hasUndefined } = splitNullish(node);
  const lines: string[] = [];
  if (hasNull) lines.push('if (value === null) return true;');
  if (hasUndefined) lines.push('if (value === undefined) return true;');
  lines.push(`if (!${compiler.runtime('isObject')}(value)) return false;`);
  const cases = discriminant.branches.map(({ member, values }) => {
    const labels = values.map((value) => `case ${literalCode(value)}:`).join('\n');
    const memberBase = base + identifierPart(String(values[0]), 'Option');
    return `${labels}\nreturn ${isExpression(member, { compiler, x: 'value', base: memberBase })};`;
  });
  lines.push(`switch (${comparableRead(propertyRead('value', discriminant.property))}) {\n${cases.join('\n')}\ndefault:\nreturn false;\n}`);
  return lines.join('\n');
}
