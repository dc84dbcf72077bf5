/**
 * Mocks of what the analyzer could not represent (`UnknownType.unsupported`, after CG2004) and of
 * the members that are not data (methods). A mock is a value TypeScript accepts, or no value:
 *
 * - `any` → `null`, `void` → `undefined`, `symbol` → `Symbol.for("codegen.mock:T.key")` (template
 *   literal types are strings: template-values.ts; a bigint literal is a `bigint`: numbers.ts);
 * - `Map<K, V>` / `Set<T>` → one of one or two mocked entries (none past the depth limit when they
 *   recurse), which validators check like any other value; `WeakMap` / `WeakSet` → an empty one;
 * - a template literal type with an intrinsic mapping as a hole (`` `x-${Lowercase<string>}` ``) →
 *   a string of it (template-values.ts), which validators, reading it as `unknown`, accept;
 * - a function type, the global `Function` and a method → `mockFunction("T.key")`, a stub that
 *   throws when called, which an override replaces (`mockT({ onClick: () => {} })`);
 * - a required `never`, and what no value can be built for from the model (`Promise<T>`, a type
 *   parameter, `unique symbol`) → `cannotMock("…")`, typed `never`, which throws when the mock is
 *   built, with a located CG5001 warning at generation.
 */
import type { TypeNode, UnknownType, UnsupportedForm } from '../../../model/types.js';
import { PLATFORM_CLASSES } from '../../../model/platform-classes.js';
import type { DeclarationIndex } from '../../kit/declaration-index.js';
import { literalCode, stringLiteral } from '../../kit/emit.js';
import { templateTypeText } from '../../kit/template-literal.js';
import { unbuildableClass } from './class-instances.js';
import { platformExpression } from './platform-values.js';
import { keptLiterals } from './constrained-literals.js';
import type { MockContext } from './mock-context.js';
import { losesBrand } from './lost-brands.js';
import { mockExpression } from './mock-strategy.js';
import { templateExpression } from './template-values.js';

/** The expression of a mock `unknown` node: `null`, or what its unsupported form takes. */
export function unknownExpression(node: UnknownType, context: MockContext): string {
  const form = node.unsupported;
  if (!form) return 'null';
  const { compiler } = context;
  switch (form.form) {
    case 'any':
      return 'null';
    case 'void':
      return 'undefined';
    case 'symbol':
      // A registered symbol: the same value for the same seed, in every copy of the module.
      return `Symbol.for(${stringLiteral(`codegen.mock:${context.label}`)})`;
    case 'map':
    case 'set':
      return collectionExpression(form, context);
    case 'function':
      return functionStub(context);
    case 'instance':
      // A platform class (`URL`, `Uint8Array`…): a fresh instance drawn from the seed, which validators test with `instanceof`.
      return platformExpression(form.global, compiler) ?? cannotMock({ form: 'other', text: form.text }, context);
    case 'other':
      // `` `x-${Lowercase<string>}` ``: a string of the template, each mapped hole a text the mapping leaves unchanged.
      if (form.template) return templateExpression({ kind: 'string', template: form.template }, context, mockExpression);
      return cannotMock(form, context);
    case 'never':
    case 'library':
      return cannotMock(form, context);
  }
}

/**
 * The type of the value a mock builds for an unsupported form, where it is not the form's own
 * type (which `printType` prints): a stub `() => never`, a platform class (`URL`), `never`.
 */
export function mockValueType(form: UnsupportedForm): string | undefined {
  switch (form.form) {
    case 'function':
      // Parenthesized: it stands in unions, arrays and optional tuple elements (`W | (() => never)`).
      return '(() => never)';
    case 'instance':
      // `oneOf<URL | Date>`: the class the mock builds (`unknown` would not be assignable to the member's type).
      return PLATFORM_CLASSES.has(form.global) ? form.global : 'never';
    case 'other':
      // The template, printed from the model (its text as written may name aliases the mock does not import).
      return form.template ? templateTypeText(form.template, holeText) : 'never';
    case 'never':
    case 'library':
      return 'never';
    default:
      return undefined;
  }
}

/** A template hole's type: a primitive, an intrinsic mapping of `string`, a literal or a union of literals. */
function holeText(node: TypeNode): string {
  if (node.kind === 'string') return node.mapping ? `${node.mapping}<string>` : 'string';
  if (node.kind === 'literal') return literalCode(node.value);
  if (node.kind === 'union') return node.members.map(holeText).join(' | ');
  return node.kind;
}

/**
 * `new Map<K, V>(…)` of mocked entries, `new Set<T>(…)` of mocked items; the thunk's return type
 * is written out, so literals and enum members keep their types. Equal keys collapse, as in any Map.
 */
function collectionExpression(form: Extract<UnsupportedForm, { form: 'map' | 'set' }>, context: MockContext): string {
  const { compiler } = context;
  const part = (node: TypeNode, suffix: string, name: string | undefined): string =>
    mockExpression(node, { ...context, name, base: `${context.base}${suffix}`, typePath: undefined, spread: (context.spread ?? 1) * 2 });
  const children = form.form === 'map' ? [form.key, form.value] : [form.items];
  const cycle = children.some((child) => compiler.reachesCycle(child));
  const most = (): string => (cycle ? `depth < ${compiler.runtime('MAX_DEPTH')} ? 2 : 0` : '2');
  const entries = (type: string, expression: string): string => `${compiler.runtime('mockArray')}(r, ${cycle ? 0 : 1}, ${most()}, (): ${type} => (${expression}))`;
  // `Set<Brand<string, 'Code'>>` of a local `Brand` is typed `Set<string>` here: cast, as its items are (lost-brands.ts).
  const typed = (collection: string): string => (children.some((child) => losesBrand(child, compiler.index)) ? `(${collection} as never)` : collection);
  // Entries no mock builds (a @pattern the sampler cannot build…): an empty collection, valid as any.
  if (form.form === 'set') {
    const type = compiler.typeText(form.items);
    const item = compiler.buildable(() => part(form.items, 'Item', context.name));
    return typed(item === undefined ? `new Set<${type}>()` : `new Set<${type}>(${entries(type, item)})`);
  }
  const key = compiler.typeText(form.key);
  const value = compiler.typeText(form.value);
  const entry = compiler.buildable(() => `[${part(form.key, 'Key', undefined)}, ${part(form.value, 'Value', context.name)}]`);
  return typed(entry === undefined ? `new Map<${key}, ${value}>()` : `new Map<${key}, ${value}>(${entries(`[${key}, ${value}]`, entry)})`);
}

/** A stub for a function-typed member, the same function for the same member. */
export function functionStub(context: MockContext): string {
  return `${context.compiler.runtime('mockFunction')}(${stringLiteral(context.label)})`;
}

/** The expression of a value no mock can build: it throws when reached; CG5001 says so at generation. */
function cannotMock(form: Extract<UnsupportedForm, { form: 'never' | 'other' | 'library' }>, context: MockContext): string {
  const why = form.form === 'never' ? `its type \`never\` has no value` : `its type \`${form.text}\` is not supported, so no value of it can be built`;
  return unbuildable(context, why, 'Give the property a supported type (docs/annotations.md), make it optional, or leave the type out of `mock` with `@codegen`.');
}

/**
 * A value no mock builds: a located CG5001 warning saying `why` (with `hint`), and the expression
 * of a mock that throws when it is reached.
 */
export function unbuildable(context: MockContext, why: string, hint: string): string {
  const { compiler } = context;
  compiler.problems.push({
    code: 'CG5001',
    severity: 'warning',
    message: `mock cannot build ${context.label}: ${why}; the mocks that hold it throw when called.`,
    hint,
    source: context.source,
  });
  return `${compiler.runtime('cannotMock')}(${stringLiteral(`${context.label}: ${why}`)})`;
}

/**
 * Whether an optional property of this type is always left out: a value without the key is
 * valid, and a mock that sometimes builds the key would throw on most seeds instead. That is
 * `x?: never`, `x?: { b: bigint } & { b: string }` (whose required `b` is `never`), with `index`
 * also `x?: Code & 'abc'` (whose literal fails `Code`'s pattern), and what no mock can build
 * (`x?: Promise<T>`, `x?: new () => T`, `x?: { p: Promise<T> }`: see `cannotBuild`).
 */
export function alwaysAbsent(node: TypeNode, index?: DeclarationIndex): boolean {
  return cannotBuild(node, index, new Set());
}

/**
 * Whether every mock of `node` throws (`cannotMock`): an unsupported form no value can be built
 * for, or a part that cannot be left out holding one (a required property, a required tuple
 * element, a non-empty array's items, every member of a union). Declarations are followed once.
 */
function cannotBuild(node: TypeNode, index: DeclarationIndex | undefined, seen: Set<string>): boolean {
  const required = (type: TypeNode): boolean => cannotBuild(type, index, seen);
  switch (node.kind) {
    case 'unknown': {
      const form = node.unsupported;
      if (!form) return false;
      if (form.form === 'instance') return !PLATFORM_CLASSES.has(form.global);
      return form.form === 'never' || (form.form === 'other' && !form.template) || form.form === 'library';
    }
    case 'intersection':
      // `b?: Code & 'abc'`: no literal meets the constraints (constrained-literals.ts).
      if (index && keptLiterals(node, index)?.length === 0) return true;
      return node.merged?.some((property) => !property.optional && required(property.type)) ?? false;
    case 'object':
      // A required symbol key (`[sym]: number`) no mock writes (mock-strategy.ts).
      if (node.behaviour?.symbolProperties?.some((property) => !property.optional && !property.type)) return true;
      return node.properties.some((property) => !property.optional && required(property.type));
    case 'tuple':
      return [...node.elements, ...(node.trailing ?? [])].some((element) => !element.optional && required(element.type));
    case 'array':
      return (node.constraints?.minItems ?? 0) > 0 && required(node.items);
    case 'union':
      return node.members.length > 0 && node.members.every(required);
    case 'ref': {
      if (!index || seen.has(node.id)) return false;
      seen.add(node.id);
      const declaration = index.find(node.id);
      // `vault?: Vault`, a class no mock can make an instance of (class-instances.ts).
      return declaration !== undefined && (unbuildableClass(declaration) !== undefined || required(declaration.type));
    }
    default:
      return false;
  }
}
