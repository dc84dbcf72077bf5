/**
 * Bodies of the collect functions: objects (with `@strict` and index signatures), arrays,
 * tuples, records and discriminated unions, each reporting every issue under `path`.
 */
import type { Property, TupleType, TypeNode, UnionType } from '../../../model/types.js';
import { identifierPart, literalCode, stringLiteral } from '../../kit/emit.js';
import { propertyRead } from './property-read.js';
import { expectedText } from './large-types.js';
import { readDiscriminant, splitNullish } from '../../kit/unions.js';
import { collectStatements, report, reportCall, type CollectContext } from './collect-strategy.js';
import { collectionCollectBody, isCollection } from './collection-bodies.js';
import type { FileCompiler } from './file-compiler.js';
import { restEnd } from './is-strategy.js';
import { tupleLength, tupleShapeLength } from '../../../model/tuple-length.js';
import { numericKeyTest, objectShape, rejectsOtherKeys, strictIntersectionShape, type ObjectShape } from './object-shape.js';
import { comparableRead, ownPropertyTest } from './own-property.js';
import { needsKeyTest } from './key-presence.js';
import { inheritsKey } from './setter-only.js';
import { appendDynamic, appendProperty, ROOT_PATH } from './path-expression.js';
import { code, negate, printStatements, when, type Statement } from './statements.js';
import { keyConstraintChecks, patternKeyTest } from './pattern-keys.js';
import { readInto } from './loop-locals.js';
import { symbolDataTests, symbolMethodTests } from './symbol-methods.js';
import { uniqueItemsTest } from './unique-items.js';
import { readsName } from '../../kit/reads-name.js';

/** The body of `(value: unknown, path: string, issues: ValidationIssue[]): void` for `node`. */
export function collectFunctionBody(node: TypeNode, compiler: FileCompiler, base: string): string {
  const context: CollectContext = { compiler, x: 'value', path: ROOT_PATH, base };
  return printStatements(functionStatements(node, context));
}

function functionStatements(node: TypeNode, context: CollectContext): Statement[] {
  switch (node.kind) {
    case 'object':
      return objectBody(objectShape(node, context.compiler.nominalClass(node)), context);
    case 'intersection': {
      const shape = strictIntersectionShape(node, context.compiler.index);
      return shape ? objectBody(shape, context) : collectStatements(node, context);
    }
    case 'array':
      return arrayBody(node.items, node.constraints ?? {}, context);
    case 'tuple':
      return tupleBody(node, context);
    case 'record':
      return recordBody(node.key, node.value, context, context.compiler.nominalClass(node));
    case 'union':
      return node.discriminant ? discriminatedBody(node, context) : collectStatements(node, context);
    case 'unknown':
      return isCollection(node) ? collectionCollectBody(node, context) : collectStatements(node, context);
    default:
      return collectStatements(node, context);
  }
}

/** `if (!guard) return report(…type…);`: the rest of the body may then read the value's parts. */
function requireKind(guard: string, expected: string, context: CollectContext): Statement {
  return { kind: 'if', test: negate(guard), then: [code(`return ${reportCall(context, 'type', expected)};`)], otherwise: [] };
}

function objectBody(shape: ObjectShape, context: CollectContext): Statement[] {
  const { compiler, base } = context;
  return [
    requireKind(`${compiler.runtime('isObject')}(value)`, 'object', context),
    ...(shape.instanceOf ? when(`!(value instanceof ${shape.instanceOf})`, [report(context, 'type', `an instance of ${shape.instanceOf}`)]) : []),
    ...shape.properties.flatMap((property) => propertyStatements(property, context)),
    ...shape.others.flatMap((other, i) => collectStatements(other, { ...context, base: `${base}Part${i + 1}` })),
    ...symbolMethodTests(shape.symbolMethods).flatMap(({ test, expected }) => when(negate(test), [report(context, 'type', expected)])),
    ...symbolDataTests(shape.symbolProperties, compiler).flatMap(({ test, expected }) => when(negate(test), [report(context, 'type', expected)])),
    ...extraKeysLoop(shape, context),
  ];
}

function propertyStatements(property: Property, context: CollectContext): Statement[] {
  const x = propertyRead('value', property.name);
  const path = appendProperty(context.path, property.name);
  const statements = collectStatements(property.type, { ...context, x, path, base: context.base + identifierPart(property.name, 'Property') });
  // `__proto__?: string`: an inherited `Object.prototype` is a missing key, not a value to check.
  const own = ownPropertyTest('value', property.name, context.compiler);
  const expected = expectedText(property.type, context.compiler);
  // `set label(v: string)` without a getter: an instance inherits the accessor and reads `undefined` (setter-only.ts).
  if (property.setterOnly && !property.optional) {
    return when(`${x} === undefined`, when(`!(${inheritsKey(property.name, context.compiler)})`, [report(context, 'required', expected, path)]), statements);
  }
  // `payload: unknown`, `label: string | undefined`: the value may be undefined, but the key must be there (as `isT` asks).
  if (needsKeyTest(property, context.compiler.index)) {
    const checks = property.optional && statements.length > 0 ? when(`${x} !== undefined`, statements) : statements;
    return when(own ? `!${own}` : `!(${stringLiteral(property.name)} in value)`, [report(context, 'required', expected, path)], checks);
  }
  if (statements.length === 0 && property.optional) return [];
  // `x?: string` under exactOptionalPropertyTypes: a present key is checked, `undefined` too.
  if (property.exactOptional) return when(own ?? `${stringLiteral(property.name)} in value`, statements);
  if (property.optional) return when(own ? `${own} && ${x} !== undefined` : `${x} !== undefined`, statements);
  const missing = own ? `!${own} || ${x} === undefined` : `${x} === undefined`;
  return when(missing, [report(context, 'required', expected, path)], statements);
}

function extraKeysLoop(shape: ObjectShape, context: CollectContext): Statement[] {
  const { compiler, base } = context;
  const path = appendDynamic(context.path, () => `${compiler.runtime('escapePointer')}(key)`);
  const entryStatements = shape.additional.flatMap((type) => collectStatements(type, { compiler, x: 'entry', path, base: `${base}Extra` }));
  // `@strict` rejects the keys no index signature allows (`[k: string]: unknown` allows them all).
  const otherKey = rejectsOtherKeys(shape) ? printStatements([report(context, 'additionalProperties', 'no other property', path)]) : entryStatements.length > 0 ? `{\n${readInto('entry', 'value[key]', printStatements(entryStatements))}\n}` : '';
  let body = otherKey;
  if (shape.patterns.length > 0) body = patternKeysCollect(shape, entryStatements, { ...context, path });
  else if (shape.numeric.length > 0) {
    // A numeric key is held to the number index (and to the string index, which it narrows).
    const numericStatements = [
      ...shape.numeric.flatMap((type) => collectStatements(type, { compiler, x: 'entry', path, base: `${base}Numeric` })),
      ...entryStatements,
    ];
    const numericKey = numericStatements.length > 0 ? `{\n${readInto('entry', 'value[key]', printStatements(numericStatements))}\n}` : '';
    if (numericKey || otherKey) body = `if (${numericKeyTest('key')}) {${numericKey}}${otherKey ? ` else {\n${otherKey}\n}` : ''}`;
  }
  if (!body) return [];
  const declared = [...new Set(shape.properties.map((property) => property.name))];
  if (declared.length === 0) return [code(`for (const key in value) ${body}`)];
  const cases = declared.map((name) => `case ${stringLiteral(name)}:`).join('\n');
  return [code(`for (const key in value) {\nswitch (key) {\n${cases}\nbreak;\ndefault:\n${body}\n}\n}`)];
}

/**
 * An undeclared key beside pattern indexes (as `isT` checks it, see is-strategy.ts): each index
 * that holds it reports the key's unmet constraints (`propertyNames`) and the value's issues; a
 * string index checks every value; `@strict` reports a key no index holds.
 */
function patternKeysCollect(shape: ObjectShape, entryStatements: Statement[], context: CollectContext): string {
  const { compiler, base, path } = context;
  const held: string[] = shape.numeric.length > 0 ? [numericKeyTest('key')] : [];
  const statements: Statement[] = [];
  const numericStatements = shape.numeric.flatMap((type) => collectStatements(type, { compiler, x: 'entry', path, base: `${base}Numeric` }));
  if (numericStatements.length > 0) statements.push(...when(held[0]!, numericStatements));
  shape.patterns.forEach((index, i) => {
    const member = patternKeyTest(index, 'key', compiler);
    if (member) held.push(member);
    const checks = [
      ...keyConstraintChecks(index, 'key', compiler).flatMap((check) => when(negate(check.test), [report(context, check.code, check.expected, path)])),
      ...collectStatements(index.value, { compiler, x: 'entry', path, base: `${base}Pattern${i + 1}` }),
    ];
    if (checks.length > 0) statements.push(...(member ? when(member, checks) : checks));
  });
  statements.push(...entryStatements);
  if (rejectsOtherKeys(shape)) statements.unshift(...when(held.map(negate).join(' && ') || 'true', [report(context, 'additionalProperties', 'no other property', path)]));
  if (statements.length === 0) return '';
  const printed = printStatements(statements);
  return `{\n${readsName(printed, 'entry') ? 'const entry = value[key];\n' : ''}${printed}\n}`;
}

function arrayBody(
  items: TypeNode,
  constraints: { minItems?: number; maxItems?: number; uniqueItems?: boolean },
  context: CollectContext,
): Statement[] {
  const { compiler, base } = context;
  const statements = [requireKind(`${compiler.runtime('isArray')}(value)`, 'array', context)];
  if (constraints.minItems !== undefined) {
    statements.push(...when(`value.length < ${constraints.minItems}`, [report(context, 'minItems', `minItems ${constraints.minItems}`)]));
  }
  if (constraints.maxItems !== undefined) {
    statements.push(...when(`value.length > ${constraints.maxItems}`, [report(context, 'maxItems', `maxItems ${constraints.maxItems}`)]));
  }
  const itemStatements = collectStatements(items, { compiler, x: 'item', path: appendDynamic(context.path, 'i'), base: `${base}Item` });
  if (itemStatements.length > 0) {
    statements.push(code(`for (let i = 0; i < value.length; i++) {\n${readInto('item', 'value[i]', printStatements(itemStatements))}\n}`));
  }
  if (constraints.uniqueItems) {
    statements.push(...when(`!${uniqueItemsTest(items, compiler, `${base}Item`)}`, [report(context, 'uniqueItems', 'uniqueItems')]));
  }
  return statements;
}

function tupleBody(node: TupleType, context: CollectContext): Statement[] {
  const { compiler, base } = context;
  const { min, max } = tupleLength(node);
  const statements = [requireKind(`${compiler.runtime('isArray')}(value)`, expectedText(node, compiler), context)];
  if (min > 0) statements.push(...when(`value.length < ${min}`, [report(context, 'minItems', `minItems ${min}`)]));
  if (max !== undefined) statements.push(...when(`value.length > ${max}`, [report(context, 'maxItems', `maxItems ${max}`)]));
  node.elements.forEach((element, i) => {
    const x = `element${i}`;
    const elementStatements = collectStatements(element.type, { compiler, x, path: [...context.path, { text: `/${i}` }], base: `${base}Element${i}` });
    if (elementStatements.length === 0) return;
    // `[string, never?]`: the check of a present element is an issue alone, which reads no local (noUnusedLocals).
    const present = element.optional && !element.exactOptional ? `${x} !== undefined` : `value.length > ${i}`;
    if (new RegExp(`\\b${x}\\b`).test(`${present}\n${printStatements(elementStatements)}`)) statements.push(code(`const ${x} = value[${i}];`));
    statements.push(...when(present, elementStatements));
  });
  if (node.rest) {
    const restStatements = collectStatements(node.rest, { compiler, x: 'item', path: appendDynamic(context.path, 'i'), base: `${base}Rest` });
    if (restStatements.length > 0) {
      const loop = `for (let i = ${node.elements.length}; i < ${restEnd(node)}; i++) {\n${readInto('item', 'value[i]', printStatements(restStatements))}\n}`;
      statements.push(code(loop));
    }
  }
  // The fixed elements after a rest, counted from the end; checked once the length allows them.
  const trailing = node.trailing ?? [];
  trailing.forEach((element, j) => {
    const x = `last${j}`;
    const at = `value.length - ${trailing.length - j}`;
    const elementStatements = collectStatements(element.type, { compiler, x, path: appendDynamic(context.path, `String(${at})`), base: `${base}Last${j}` });
    if (elementStatements.length === 0) return;
    statements.push(code(`const ${x} = value[${at}];`));
    statements.push(...when(`value.length >= ${tupleShapeLength(node).min}`, elementStatements));
  });
  return statements;
}

function recordBody(key: 'string' | 'number', valueType: TypeNode, context: CollectContext, owner?: string): Statement[] {
  const { compiler, base } = context;
  const path = appendDynamic(context.path, () => `${compiler.runtime('escapePointer')}(key)`);
  const entryStatements = collectStatements(valueType, { compiler, x: 'entry', path, base: `${base}Value` });
  // `Record<number, V>` holds only the numeric keys to `V`, as TypeScript does.
  const read = readsName(printStatements(entryStatements), 'entry') ? [code('const entry = value[key];')] : [];
  const body = entryStatements.length === 0 ? [] : key === 'number' ? when(numericKeyTest('key'), [...read, ...entryStatements]) : [...read, ...entryStatements];
  // Only a plain object: TypeScript gives a Date, a Map or a class instance no index signature.
  // `class Dict { [k: string]: number }`: its instances too (is-strategy.ts).
  const plain = `${compiler.runtime('isPlainObject')}(value)`;
  const statements = [requireKind(owner ? `(${plain} || (value instanceof ${owner} && ${compiler.runtime('isObject')}(value)))` : plain, 'object', context)];
  if (body.length > 0) statements.push(code(`for (const key in value) {\n${printStatements(body)}\n}`));
  return statements;
}

function discriminatedBody(node: UnionType, context: CollectContext): Statement[] {
  const { compiler, base } = context;
  const discriminant = readDiscriminant(node)!;
  const { hasNull, hasUndefined } = splitNullish(node);
  const statements: Statement[] = [];
  if (hasNull) statements.push(code('if (value === null) return;'));
  if (hasUndefined) statements.push(code('if (value === undefined) return;'));
  statements.push(requireKind(`${compiler.runtime('isObject')}(value)`, 'object', context));
  const tag = propertyRead('value', discriminant.property);
  const tagPath = appendProperty(context.path, discriminant.property);
  const cases = discriminant.branches.map(({ member, values }) => {
    const labels = values.map((value) => `case ${literalCode(value)}:`).join('\n');
    const memberContext = { ...context, base: base + identifierPart(String(values[0]), 'Option') };
    return `${labels}\n${printStatements(collectStatements(member, memberContext))}\nbreak;`;
  });
  const allowed = discriminant.branches.flatMap(({ values }) => values.map(literalCode)).join(' | ');
  const badTag = when(`${tag} === undefined`, [report(context, 'required', allowed, tagPath)], [report(context, 'enum', allowed, tagPath)]);
  statements.push(code(`switch (${comparableRead(tag)}) {\n${cases.join('\n')}\ndefault:\n${printStatements(badTag)}\n}`));
  return statements;
}

