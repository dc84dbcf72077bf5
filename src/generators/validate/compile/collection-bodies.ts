/**
 * `Map<K, V>` and `Set<T>` (issue 9): the value is an instance (`instanceof Map`), and every entry
 * is checked, as TypeScript's type says: a `Map<string, number>` holding a string is no
 * `Map<string, number>`. Issues address an entry by its position in iteration order, as in the
 * array `[...value]`: `/2/0` is the key of a map's third entry, `/2/1` its value, `/2` a set's
 * third item (docs/validate.md).
 */
import type { UnknownType } from '../../../model/types.js';
import { unknownCheck } from './behaviour-checks.js';
import { collectStatements, reportCall, type CollectContext } from './collect-strategy.js';
import type { FileCompiler } from './file-compiler.js';
import { isExpression } from './is-strategy.js';
import { appendDynamic } from './path-expression.js';
import { code, negate, printStatements, type Statement } from './statements.js';

/** A `Map` or `Set` node: checked by functions of its own (`Map<string, unknown>` too: one instanceof). */
export type CollectionNode = UnknownType & { unsupported: { form: 'map' | 'set' } };

/** Whether `node` is a `Map` or a `Set` (its entries are checked by a function of its own). */
export function isCollection(node: UnknownType): node is CollectionNode {
  return node.unsupported?.form === 'map' || node.unsupported?.form === 'set';
}

/** The tests of a map's key and value, or a set's item; `true` where anything passes. */
function entryTests(node: CollectionNode, compiler: FileCompiler, base: string): { key: string; value: string } {
  const form = node.unsupported;
  if (form.form === 'set') return { key: 'true', value: isExpression(form.items, { compiler, x: 'item', base: `${base}Item` }) };
  if (form.form !== 'map') return { key: 'true', value: 'true' };
  return {
    key: isExpression(form.key, { compiler, x: 'key', base: `${base}Key` }),
    value: isExpression(form.value, { compiler, x: 'entry', base: `${base}Value` }),
  };
}

/** The loop variable(s) of `for (… of value)`, naming only what the loop reads (no unused locals). */
function binding(node: CollectionNode, readsKey: boolean, readsValue: boolean): string {
  if (node.unsupported.form === 'set') return 'item';
  return readsKey ? (readsValue ? '[key, entry]' : '[key]') : '[, entry]';
}

/**
 * The test that `value` is a working instance (`isMapInstance`, `isSetInstance`): `instanceof`
 * alone also takes a `Proxy` of a Map or `Object.create(Map.prototype)`, on which iterating throws,
 * and a validator answers, never throws (tester7 F10).
 */
function instanceTest(node: CollectionNode, compiler: FileCompiler): string {
  return `${compiler.runtime(node.unsupported.form === 'set' ? 'isSetInstance' : 'isMapInstance')}(value)`;
}

/** The body of `(value: unknown): boolean`: an instance, and every entry. */
export function collectionIsBody(node: CollectionNode, compiler: FileCompiler, base: string): string {
  const head = { test: instanceTest(node, compiler) };
  const { key, value } = entryTests(node, compiler, base);
  const test = [key, value].filter((part) => part !== 'true').join(' && ');
  if (!test) return `return ${head.test};`;
  return [
    `if (${negate(head.test)}) return false;`,
    `for (const ${binding(node, key !== 'true', value !== 'true')} of value) {\nif (${negate(test)}) return false;\n}`,
    'return true;',
  ].join('\n');
}

/** The statements of `(value, path, issues): void`: an instance, then every entry's issues. */
export function collectionCollectBody(node: CollectionNode, context: CollectContext): Statement[] {
  const { compiler, base } = context;
  const head = { test: instanceTest(node, compiler), expected: unknownCheck(node, 'value')!.expected };
  const form = node.unsupported;
  const at = appendDynamic(context.path, 'i');
  const keyStatements = form.form === 'map' ? collectStatements(form.key, { compiler, x: 'key', path: [...at, { text: '/0' }], base: `${base}Key` }) : [];
  const valueStatements =
    form.form === 'map'
      ? collectStatements(form.value, { compiler, x: 'entry', path: [...at, { text: '/1' }], base: `${base}Value` })
      : form.form === 'set'
        ? collectStatements(form.items, { compiler, x: 'item', path: at, base: `${base}Item` })
        : [];
  const inner = [...keyStatements, ...valueStatements];
  const statements: Statement[] = [{ kind: 'if', test: negate(head.test), then: [code(`return ${reportCall(context, 'type', head.expected)};`)], otherwise: [] }];
  if (inner.length === 0) return statements;
  const body = printStatements(inner);
  // The position counts entries in iteration order, the order `[...value]` lists them in.
  const variables = binding(node, keyStatements.length > 0, valueStatements.length > 0);
  statements.push(code(`let i = 0;\nfor (const ${variables} of value) {\n${body}\ni++;\n}`));
  return statements;
}
