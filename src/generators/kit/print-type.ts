/**
 * Prints a type tree as TypeScript type text (`Page<Order>`, `string | null`), naming
 * declarations as the user's code does, so generated signatures read like hand-written ones.
 */
import type { Declaration, ObjectType, TypeNode } from '../../model/types.js';
import type { DeclarationIndex } from './declaration-index.js';
import { literalCode, propertyKey } from './emit.js';

/** A user type the printed text names, and the source file to import it from. */
export interface TypeReference {
  name: string;
  file: string;
}

/**
 * The TypeScript text for `node`. Exported declarations print by name (generic instantiations
 * as `Generic<Args>`); unexported ones, which generated code cannot import, print structurally.
 * Names used are added to `references` when given, for the caller's imports.
 */
export function printType(node: TypeNode, index: DeclarationIndex, references?: Map<string, TypeReference>): string {
  return print(node, { index, references, expanding: new Set() });
}

/** The type text of a declaration itself (what `value is …` names). */
export function printDeclarationType(
  declaration: Declaration,
  index: DeclarationIndex,
  references?: Map<string, TypeReference>,
): string {
  return printType({ kind: 'ref', id: declaration.id }, index, references);
}

interface PrintState {
  index: DeclarationIndex;
  references: Map<string, TypeReference> | undefined;
  /** Unexported declarations being printed inline, to stop on a cycle. */
  expanding: Set<string>;
}

function print(node: TypeNode, state: PrintState): string {
  switch (node.kind) {
    case 'string':
    case 'number':
    case 'bigint':
    case 'boolean':
    case 'null':
    case 'undefined':
    case 'unknown':
      return node.kind;
    case 'date':
      return 'Date';
    case 'literal':
      return literalCode(node.value);
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
  if (!declaration.exported) {
    if (state.expanding.has(id)) return 'unknown';
    state.expanding.add(id);
    const text = print(declaration.type, state);
    state.expanding.delete(id);
    return declaration.type.kind === 'union' || declaration.type.kind === 'intersection' ? `(${text})` : text;
  }
  const instantiation = declaration.instantiation;
  // `TermStore.Term`: a type in a namespace is reached through the namespace, which is what is imported.
  const name = instantiation ? instantiation.generic : (declaration.qualifiedName ?? declaration.name);
  const imported = name.split('.')[0]!;
  state.references?.set(imported, { name: imported, file: declaration.source.file });
  if (!instantiation) return name;
  return `${name}<${instantiation.typeArguments.map((argument) => print(argument, state)).join(', ')}>`;
}

function printObject(node: ObjectType, state: PrintState): string {
  const members = node.properties.map((property) => {
    const key = `${property.readonly ? 'readonly ' : ''}${propertyKey(property.name)}${property.optional ? '?' : ''}`;
    return `${key}: ${print(property.type, state)}`;
  });
  if (node.additionalProperties) members.push(`[key: string]: ${print(node.additionalProperties, state)}`);
  if (node.numberIndex) members.push(`[key: number]: ${print(node.numberIndex, state)}`);
  return members.length === 0 ? '{}' : `{ ${members.join('; ')} }`;
}

/** Parenthesises union, intersection and function-like texts where a postfix or `&` follows. */
function wrap(node: TypeNode, text: string): string {
  const needsParens = node.kind === 'union' || node.kind === 'intersection' || (node.kind === 'enum' && node.members.length > 1);
  return needsParens ? `(${text})` : text;
}
