/**
 * The `coerce` strategy (option `coerce`): turns ISO strings in `Date` positions of a value
 * that passed the check into `Date`s, and decimal strings in `bigint` positions (their wire
 * form) into `bigint`s, in every place they can sit: properties, items, elements, index
 * signatures, union members, `Map` keys and values and `Set` items (coerce-collections.ts).
 * Only the plain objects, arrays, maps and sets that change are copied; a class instance is
 * converted in place (`copyUnlessInstance`), keeping its prototype, private fields and identity.
 * Parts that cannot hold either are left alone, so most types need no coercion code at all.
 */
import { weakMemberTests } from './weak-members.js';
import type { ObjectType, TupleType, TypeNode, UnionType } from '../../../model/types.js';
import { camelCase } from '../../../model/naming.js';
import { identifierPart, literalCode, NameAllocator, stringLiteral } from '../../kit/emit.js';
import { propertyRead } from './property-read.js';
import { readDiscriminant, splitNullish } from '../../kit/unions.js';
import type { FileCompiler } from './file-compiler.js';
import { isExpression } from './is-strategy.js';
import { numericKeyTest } from './object-shape.js';
import { patternKeyTest } from './pattern-keys.js';
import { comparableRead } from './own-property.js';
import { isCollection } from './collection-bodies.js';
import { collectionCoerceBody } from './coerce-collections.js';

/** The expression coercing `x` against `node`, or undefined when `node` holds no `Date` nor `bigint`. */
export function coerceExpression(node: TypeNode, compiler: FileCompiler, x: string, base: string): string | undefined {
  if (!compiler.containsCoerced(node)) return undefined;
  switch (node.kind) {
    // A `Map` or `Set` holding a Date or bigint gets a function of its own; other unknowns hold none.
    case 'unknown':
      return isCollection(node) ? `${compiler.liftedFunction(node, base, 'coerce')}(${x})` : undefined;
    case 'date':
      return `${compiler.runtime('coerceDate')}(${x})`;
    case 'bigint':
      return `${compiler.runtime('coerceBigInt')}(${x})`;
    case 'ref':
      return `${compiler.declarationFunction(node.id, 'coerce')}(${x})`;
    case 'union': {
      const { members } = splitNullish(node);
      // Coercion passes null and undefined through, so `Date | null` coerces like `Date`.
      if (members.length === 1 && !node.discriminant) return coerceExpression(members[0]!, compiler, x, base);
      return `${compiler.liftedFunction(node, base, 'coerce')}(${x})`;
    }
    default:
      return `${compiler.liftedFunction(node, base, 'coerce')}(${x})`;
  }
}

/** The body of `(value: unknown): unknown` coercing `value` against `node`. */
export function coerceFunctionBody(node: TypeNode, compiler: FileCompiler, base: string): string {
  switch (node.kind) {
    case 'object':
      return objectBody(node, compiler, base);
    case 'array':
      return sequenceBody([], node.items, compiler, base);
    case 'tuple':
      return tupleBody(node, compiler, base);
    case 'record':
      return recordBody(node.key, node.value, compiler, base);
    case 'intersection':
      return intersectionBody(node.members, compiler, base);
    case 'union':
      return node.discriminant ? discriminatedBody(node, compiler, base) : unionBody(node, compiler, base);
    case 'unknown':
      return isCollection(node) ? collectionCoerceBody(node, compiler, base) : 'return value;';
    default:
      return `return ${coerceExpression(node, compiler, 'value', base) ?? 'value'};`;
  }
}

function objectBody(node: ObjectType, compiler: FileCompiler, base: string): string {
  const locals = new NameAllocator();
  locals.reserve('value', 'copy', 'key', 'entry', 'next');
  const copy = compiler.runtime('copyUnlessInstance');
  const lines = [`if (!${compiler.runtime('isObject')}(value)) return value;`, 'let copy: Record<string, unknown> | undefined;'];
  for (const property of node.properties) {
    const access = propertyRead('value', property.name);
    const coerced = coerceExpression(property.type, compiler, access, base + identifierPart(property.name, 'Property'));
    if (!coerced) continue;
    const local = locals.allocate(camelCase(property.name) || 'property');
    lines.push(`const ${local} = ${coerced};`);
    lines.push(`if (${local} !== ${access}) {\ncopy ??= ${copy}(value);\n${propertyRead('copy', property.name)} = ${local};\n}`);
  }
  const other = node.additionalProperties ? coerceExpression(node.additionalProperties, compiler, 'entry', `${base}Extra`) : undefined;
  const numeric = node.numberIndex ? coerceExpression(node.numberIndex, compiler, 'entry', `${base}Numeric`) : undefined;
  // Numeric keys coerce by the number index (`[i: number]: Date`), the others by the string index.
  // A key a pattern index holds (`[k: \`d-${string}\`]: Date`) coerces by its value type, the first index that holds it winning.
  const patterns = (node.patternIndexes ?? []).flatMap((index, i) => {
    const coerced = coerceExpression(index.value, compiler, 'entry', `${base}Pattern${i + 1}`);
    return coerced ? [{ test: patternKeyTest(index, 'key', compiler) ?? 'true', coerced }] : [];
  });
  const rest = patterns.reduceRight<string | undefined>((otherwise, { test, coerced }) => `${test} ? ${coerced} : ${otherwise ?? 'entry'}`, other);
  const extra = numeric ? `${numericKeyTest('key')} ? ${numeric} : ${rest ?? 'entry'}` : rest;
  if (extra) {
    const cases = node.properties.map((property) => `case ${stringLiteral(property.name)}:`).join('\n');
    const onExtra = `{\nconst entry = value[key];\nconst next = ${extra};\nif (next !== entry) {\ncopy ??= ${copy}(value);\ncopy[key] = next;\n}\n}`;
    lines.push(cases ? `for (const key in value) {\nswitch (key) {\n${cases}\nbreak;\ndefault:\n${onExtra}\n}\n}` : `for (const key in value) ${onExtra}`);
  }
  lines.push('return copy ?? value;');
  return lines.join('\n');
}

/** Arrays, and tuples with `elements` before the rest and `trailing` after it: copy on the first element that changes. */
function sequenceBody(elements: TypeNode[], rest: TypeNode | undefined, compiler: FileCompiler, base: string, trailing: TypeNode[] = []): string {
  const lines = [`if (!${compiler.runtime('isArray')}(value)) return value;`, 'let copy: unknown[] | undefined;'];
  const change = (index: string, coerced: string, original: string): string =>
    `{\nconst next = ${coerced};\nif (next !== ${original}) {\ncopy ??= value.slice();\ncopy[${index}] = next;\n}\n}`;
  elements.forEach((element, i) => {
    const coerced = coerceExpression(element, compiler, `value[${i}]`, `${base}Element${i}`);
    if (coerced) lines.push(change(String(i), coerced, `value[${i}]`));
  });
  const restCoerced = rest ? coerceExpression(rest, compiler, 'value[i]', elements.length ? `${base}Rest` : `${base}Item`) : undefined;
  const restEnd = trailing.length > 0 ? `value.length - ${trailing.length}` : 'value.length';
  if (restCoerced) lines.push(`for (let i = ${elements.length}; i < ${restEnd}; i++) ${change('i', restCoerced, 'value[i]')}`);
  trailing.forEach((element, j) => {
    // Counted from the end; a value too short for them is left for the check to reject.
    const at = `value.length - ${trailing.length - j}`;
    const coerced = coerceExpression(element, compiler, `value[${at}]`, `${base}Last${j}`);
    if (coerced) lines.push(`if (${at} >= ${elements.length}) ${change(at, coerced, `value[${at}]`)}`);
  });
  lines.push('return copy ?? value;');
  return lines.join('\n');
}

function tupleBody(node: TupleType, compiler: FileCompiler, base: string): string {
  return sequenceBody(
    node.elements.map((element) => element.type),
    node.rest,
    compiler,
    base,
    (node.trailing ?? []).map((element) => element.type),
  );
}

function recordBody(key: 'string' | 'number', valueType: TypeNode, compiler: FileCompiler, base: string): string {
  const coerced = coerceExpression(valueType, compiler, 'entry', `${base}Value`)!;
  const copy = compiler.runtime('copyUnlessInstance');
  // `Record<number, V>` types only the numeric keys: the others are left as they are.
  const onKey = `{\nconst entry = value[key];\nconst next = ${coerced};\nif (next !== entry) {\ncopy ??= ${copy}(value);\ncopy[key] = next;\n}\n}`;
  return [
    `if (!${compiler.runtime('isObject')}(value)) return value;`,
    'let copy: Record<string, unknown> | undefined;',
    `for (const key in value) ${key === 'number' ? `if (${numericKeyTest('key')}) ${onKey}` : onKey}`,
    'return copy ?? value;',
  ].join('\n');
}

function intersectionBody(members: TypeNode[], compiler: FileCompiler, base: string): string {
  let expression = 'value';
  members.forEach((member, i) => {
    expression = coerceExpression(member, compiler, expression, `${base}Part${i + 1}`) ?? expression;
  });
  return `return ${expression};`;
}

function discriminatedBody(node: UnionType, compiler: FileCompiler, base: string): string {
  const discriminant = readDiscriminant(node)!;
  const cases = discriminant.branches.flatMap(({ member, values }) => {
    const coerced = coerceExpression(member, compiler, 'value', base + identifierPart(String(values[0]), 'Option'));
    if (!coerced) return [];
    return [`${values.map((value) => `case ${literalCode(value)}:`).join('\n')}\nreturn ${coerced};`];
  });
  return [
    `if (!${compiler.runtime('isObject')}(value)) return value;`,
    `switch (${comparableRead(propertyRead('value', discriminant.property))}) {\n${cases.join('\n')}\ndefault:\nreturn value;\n}`,
  ].join('\n');
}

/**
 * A plain union. A member holding no `Date` nor `bigint` that accepts the value keeps it as it is
 * (tester s7 R7: in `Date | string` a date-time text is a valid `string`, and TypeScript took it as
 * one; converting it made two texts of one instant duplicates under `@uniqueItems`). Otherwise
 * the first member (in source order) that accepts the value decides.
 */
function unionBody(node: UnionType, compiler: FileCompiler, base: string): string {
  const weak = weakMemberTests(node.members, compiler);
  const test = (member: TypeNode, i: number): string => weak(member, isExpression(member, { compiler, x: 'value', base: `${base}Option${i + 1}` }), 'value');
  const members = node.members.map((member, i) => ({ member, i, coerced: compiler.containsCoerced(member) }));
  const raw = members.filter((entry) => !entry.coerced).map((entry) => test(entry.member, entry.i));
  if (raw.includes('true')) return 'return value;';
  const anyRaw = raw.length === 1 ? raw[0]! : raw.map((part) => `(${part})`).join(' || ');
  const lines = raw.length > 0 ? [`if (${anyRaw}) return value;`] : [];
  for (const { member, i } of members.filter((entry) => entry.coerced)) {
    const coerced = coerceExpression(member, compiler, 'value', `${base}Option${i + 1}`) ?? 'value';
    const memberTest = test(member, i);
    if (memberTest === 'true') return [...lines, `return ${coerced};`].join('\n');
    lines.push(`if (${memberTest}) return ${coerced};`);
  }
  lines.push('return value;');
  return lines.join('\n');
}
