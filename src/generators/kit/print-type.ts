/**
 * Prints a type tree as TypeScript type text (`Page<Order>`, `string | null`), naming
 * declarations as the user's code does, so generated signatures read like hand-written ones.
 */
import { nameable } from './declaration-access.js';
import type { Declaration, ObjectType, TypeNode, UnsupportedForm } from '../../model/types.js';
import type { DeclarationIndex } from './declaration-index.js';
import { isIdentifier } from '../../model/naming.js';
import { literalCode, propertyKey } from './emit.js';
import { templateTypeText } from './template-literal.js';
import { someType } from './walk.js';

/** A user type the printed text names, and the source file to import it from. */
export interface TypeReference {
  name: string;
  file: string;
  /** The name the file exports it under, when not `name` (`default`); see `Declaration.importName`. */
  imported?: string;
}

/**
 * The TypeScript text for `node`. Exported declarations print by name (generic instantiations
 * as `Generic<Args>`); unexported ones, which generated code cannot import, print structurally.
 * Names used are added to `references` when given, for the caller's imports.
 */
export function printType(
  node: TypeNode,
  index: DeclarationIndex,
  references?: Map<string, TypeReference>,
  unsupported?: (form: UnsupportedForm) => string | undefined,
): string {
  return print(node, { index, references, expanding: new Set(), ...(unsupported ? { unsupported } : {}) });
}

/**
 * The type text of a declaration itself (what `value is …` names). `unsupported` as for
 * `printType`: where the declaration is printed as its type (`Hold<() => void>` resolved to
 * `{ held: (() => never) }` for a mock's stub), its unsupported parts are printed so.
 */
export function printDeclarationType(
  declaration: Declaration,
  index: DeclarationIndex,
  references?: Map<string, TypeReference>,
  unsupported?: (form: UnsupportedForm) => string | undefined,
): string {
  return printType({ kind: 'ref', id: declaration.id }, index, references, unsupported);
}

interface PrintState {
  index: DeclarationIndex;
  references: Map<string, TypeReference> | undefined;
  /** Unexported declarations being printed inline, to stop on a cycle. */
  expanding: Set<string>;
  /** The text of an unsupported type a caller knows better than `unknown` (a mock's stub types). */
  unsupported?: (form: UnsupportedForm) => string | undefined;
}

function print(node: TypeNode, state: PrintState): string {
  switch (node.kind) {
    case 'string':
      if (node.mapping) return [node.mapping, ...(node.innerMappings ?? [])].reduceRight((text, each) => `${each}<${text}>`, 'string');
      return node.template ? templateTypeText(node.template, (hole) => print(hole, state)) : node.kind;
    case 'bigint':
      return node.literal !== undefined ? `${node.literal}n` : node.kind;
    case 'number':
    case 'boolean':
    case 'null':
    case 'undefined':
      return node.kind;
    case 'unknown':
      return node.unsupported ? printUnsupported(node.unsupported, state) : 'unknown';
    case 'date':
      return 'Date';
    case 'literal':
      return node.enumMember ? printEnumMember(node.enumMember, state) : literalCode(node.value);
    case 'array': {
      const items = wrap(node.items, print(node.items, state));
      return node.readonly ? `readonly ${items}[]` : `${items}[]`;
    }
    case 'tuple': {
      const elements = node.elements.map((element) => {
        const text = print(element.type, state);
        return element.optional ? `${wrap(element.type, text)}?` : text;
      });
      if (node.rest) elements.push(`...${wrap(node.rest, print(node.rest, state))}[]`);
      for (const element of node.trailing ?? []) elements.push(print(element.type, state));
      return `${node.readonly ? 'readonly ' : ''}[${elements.join(', ')}]`;
    }
    case 'object':
      return printObject(node, state);
    case 'record':
      return `Record<${node.key}, ${print(node.value, state)}>`;
    case 'union':
      return node.members.map((member) => print(member, state)).join(' | ');
    case 'intersection':
      return node.members.map((member) => wrap(member, print(member, state))).join(' & ');
    case 'enum':
      return node.members.map((member) => literalCode(member.value)).join(' | ') || 'never';
    case 'ref':
      return printRef(node.id, state);
  }
}

function printRef(id: string, state: PrintState): string {
  const declaration = state.index.get(id);
  // `Fn<unknown | unknown>` for `Fn<((a: string) => number) | …>` is another type (`never`, to a
  // conditional over function types: tester s7 R8): such an instantiation is printed as what it resolves to.
  if (!nameable(declaration) || declaration.instantiation?.typeArguments.some(printsLossily)) {
    if (state.expanding.has(id)) return 'unknown';
    state.expanding.add(id);
    const text = print(declaration.type, state);
    state.expanding.delete(id);
    const several = declaration.type.kind === 'union' || declaration.type.kind === 'intersection' || (declaration.type.kind === 'enum' && declaration.type.members.length > 1);
    return several ? `(${text})` : text;
  }
  const instantiation = declaration.instantiation;
  // `TermStore.Term`: a type in a namespace is reached through the namespace, which is what is imported.
  const name = instantiation ? instantiation.generic : (declaration.qualifiedName ?? declaration.name);
  const imported = name.split('.')[0]!;
  // A global type (`globals.d.ts`, `declare global`) is named as is: every file sees it.
  if (!declaration.global) state.references?.set(imported, { name: imported, file: declaration.source.file, ...(declaration.importName ? { imported: declaration.importName } : {}) });
  if (!instantiation) return name;
  return `${name}<${instantiation.typeArguments.map((argument) => print(argument, state)).join(', ')}>`;
}

/**
 * Whether an instantiation's argument prints as less than was written: an unsupported type
 * (an inline function or constructor type, a class the model does not read) printed `unknown`,
 * or as a caller's stub, anywhere inside it. Refs print by their own rule.
 */
export function printsLossily(argument: TypeNode): boolean {
  return someType(argument, (node) => node.kind === 'unknown' && node.unsupported !== undefined && !EXACT_FORMS.has(node.unsupported.form));
}

/** Unsupported forms printed as TypeScript had them (`Map<K, V>`'s key and value are walked on). */
const EXACT_FORMS: ReadonlySet<UnsupportedForm['form']> = new Set(['any', 'void', 'symbol', 'never', 'map', 'set']);

/**
 * What TypeScript's type was, where the model knows it exactly (`symbol`, `Map<K, V>`); `unknown`
 * otherwise, unless the caller prints it its own way.
 */
function printUnsupported(form: UnsupportedForm, state: PrintState): string {
  const own = state.unsupported?.(form);
  if (own !== undefined) return own;
  switch (form.form) {
    case 'any':
    case 'void':
    case 'symbol':
    // `x?: never`, `never[]`: TypeScript's own text (`unknown` there would let a mock's spread claim a value).
    case 'never':
      return form.form;
    // `ReadonlyMap<K, V>` too: a `Map` is one.
    case 'map':
      return `Map<${print(form.key, state)}, ${print(form.value, state)}>`;
    case 'set':
      return `Set<${print(form.items, state)}>`;
    default:
      return 'unknown';
  }
}


/** `Color.Red`; `(typeof Sort)["by-date"]` for a name that is not an identifier (no qualified name can spell it). */
function printEnumMember({ enum: id, member }: { enum: string; member: string }, state: PrintState): string {
  const declaration = state.index.get(id);
  const value = declaration.type.kind === 'enum' ? declaration.type.members.find((entry) => entry.name === member)?.value : undefined;
  if (!nameable(declaration)) return value === undefined ? 'never' : literalCode(value);
  const name = printRef(id, state);
  return isIdentifier(member) ? `${name}.${member}` : `(typeof ${name})[${literalCode(member)}]`;
}

function printObject(node: ObjectType, state: PrintState): string {
  // A class's accessors reached through a mapped copy (`Pick<Circle, 'd' | 'r'>` as a generic
  // argument) are members to TypeScript (`readonly d: number`), and data of a mock's value: the text
  // must hold them, or the instantiation printed with it is another type (recheck s9 R7).
  const taken = new Set(node.properties.map((property) => property.name));
  const accessors = (node.behaviour?.accessors ?? []).filter((accessor) => !taken.has(accessor.name));
  const members = [...node.properties, ...accessors].map((property) => {
    const key = `${property.readonly ? 'readonly ' : ''}${propertyKey(property.name)}${property.optional && !property.requiredKey ? '?' : ''}`;
    // `label: string | undefined` keeps its key required: TypeScript tells it from `label?: string`.
    return `${key}: ${print(property.type, state)}${property.requiredKey ? ' | undefined' : ''}`;
  });
  // A type with methods printed inline (a declaration that is not exported): each method, typed loosely, so the printed type is one a value of it is assignable to.
  const { methods = [], optionalMethods = [], symbolMethods = [] } = node.behaviour ?? {};
  for (const name of methods) members.push(`${propertyKey(name)}(...args: any[]): any`);
  for (const name of optionalMethods) members.push(`${propertyKey(name)}?(...args: any[]): any`);
  for (const method of symbolMethods) members.push(`[Symbol.${method.symbol}]${method.optional ? '?' : ''}(...args: any[]): any`);
  if (node.additionalProperties) members.push(`[key: string]: ${print(node.additionalProperties, state)}`);
  if (node.numberIndex) members.push(`[key: number]: ${print(node.numberIndex, state)}`);
  // A key alias's constraints are no part of the type: `Record<Slug, V>` is `{ [key: string]: V }`.
  for (const index of node.patternIndexes ?? []) {
    const key = index.mapping ? [index.mapping, ...(index.innerMappings ?? [])].reduceRight((text, each) => `${each}<${text}>`, 'string') : index.key.template ? print({ kind: 'string', template: index.key.template }, state) : 'string';
    members.push(`[key: ${key}]: ${print(index.value, state)}`);
  }
  return members.length === 0 ? '{}' : `{ ${members.join('; ')} }`;
}

/**
 * Parenthesises union, intersection and function-like texts where a postfix or `&` follows, and
 * `readonly` ones: `readonly string[][]` is a readonly array of arrays, and `readonly [A, B]?` no syntax.
 */
function wrap(node: TypeNode, text: string): string {
  const needsParens = node.kind === 'union' || node.kind === 'intersection' || (node.kind === 'enum' && node.members.length > 1) || text.startsWith('readonly ');
  return needsParens ? `(${text})` : text;
}
