/**
 * Names for the user's types the mock cannot print. A declaration whose printed text drops a brand
 * (lost-brands.ts: an instantiation of a brand helper that is not exported, `Brand<string, 'Code'>`,
 * or a type that is not exported holding one) would type its public `mockT`/`randomT` as the bare
 * structure (`string`), which the user's code cannot assign where the branded type is expected.
 * Such a declaration is named instead through an exported type that reaches it, as the user would
 * write it: `Plain["code"]`, `Plain["ids"][number]`, `NonNullable<Plain["holder"]>["code"]`.
 * A union's member is named when it is the union's only member other than `null`/`undefined`
 * (`NonNullable<…>`), or its only member of a primitive, branded (`Extract<Plain["either"], string>`).
 * Other union members (`Brand<string, 'A'> | Brand<string, 'B'>`), rest elements, Map/Set entries
 * and template-keyed records are not followed (no type names one of them alone): a declaration
 * reached only so keeps its printed text.
 */
import { nameable } from '../../kit/declaration-access.js';
import type { DeclarationIndex } from '../../kit/declaration-index.js';
import { printsLossily, printType, type TypeReference } from '../../kit/print-type.js';
import { splitNullish } from '../../kit/unions.js';
import type { Declaration, TypeNode } from '../../../model/types.js';
import { losesBrand } from './lost-brands.js';

/** One step from a type to a part of it: a property, an array's or record's item, a tuple position, or `NonNullable`. */
export type AccessStep =
  | { kind: 'key'; key: string }
  | { kind: 'position'; position: number }
  | { kind: 'item'; key: 'string' | 'number' }
  | { kind: 'defined' }
  /** `Extract<U, string>`: the one member of a union that is a branded `string` (number, bigint). */
  | { kind: 'extract'; primitive: Primitive };

type Primitive = 'string' | 'number' | 'bigint';

/** How an exported declaration (`root`) reaches another one. */
export interface TypeAccess {
  root: string;
  steps: AccessStep[];
}

/**
 * For each of `declarations` whose printed text drops a brand, the shortest access from an
 * exported declaration that prints by name without losing one (the first such in model order on
 * a tie); those no access reaches are left out.
 */
export function brandAccesses(declarations: readonly Declaration[], index: DeclarationIndex): Map<string, TypeAccess> {
  const targets = new Set(declarations.filter((declaration) => mayLoseBrand(declaration) && losesBrand(ref(declaration.id), index)).map((declaration) => declaration.id));
  const found = new Map<string, TypeAccess>();
  if (targets.size === 0) return found;
  const isRoot = (declaration: Declaration): boolean => !mayLoseBrand(declaration) || (nameable(declaration) && !declaration.instantiation!.typeArguments.some(printsLossily) && !losesBrand(ref(declaration.id), index));
  // Breadth first over (node, access) pairs: each declaration that is no root is expanded once, from its shortest access.
  let queue: Array<{ node: TypeNode; access: TypeAccess }> = index.all.filter(isRoot).map((root) => ({ node: root.type, access: { root: root.id, steps: [] } }));
  const expanded = new Set<string>();
  while (queue.length > 0 && found.size < targets.size) {
    const next: typeof queue = [];
    for (const { node, access } of queue) {
      if (node.kind !== 'ref') {
        for (const [child, steps] of parts(node, index)) next.push({ node: child, access: { root: access.root, steps: extended(access.steps, steps) } });
        continue;
      }
      const declaration = index.get(node.id);
      if (isRoot(declaration)) continue;
      const last = access.steps.at(-1);
      // `NonNullable<…>` is the declaration only where it holds no null or undefined itself.
      if (targets.has(node.id) && !found.has(node.id) && (last?.kind !== 'defined' || !holdsNullish(declaration.type, index))) found.set(node.id, access);
      if (expanded.has(node.id)) continue;
      expanded.add(node.id);
      next.push({ node: declaration.type, access });
    }
    queue = next;
  }
  return found;
}

/** The type text of `access`: the root by name (added to `references`), then each step. */
export function accessText(access: TypeAccess, index: DeclarationIndex, references?: Map<string, TypeReference>): string {
  return access.steps.reduce((text, step) => {
    switch (step.kind) {
      case 'key':
        return `${text}[${JSON.stringify(step.key)}]`;
      case 'position':
        return `${text}[${step.position}]`;
      case 'item':
        return `${text}[${step.key}]`;
      case 'defined':
        return `NonNullable<${text}>`;
      case 'extract':
        return `Extract<${text}, ${step.primitive}>`;
    }
  }, printType(ref(access.root), index, references));
}

/**
 * What a plan memo must know of `access` (see view-model.ts `fileKey`): the steps, and how the
 * root is named and imported, which another file's edit may change.
 */
export function accessKey(access: TypeAccess, index: DeclarationIndex): string {
  const root = index.get(access.root);
  return JSON.stringify([root.id, root.name, root.qualifiedName, root.importName, root.source.file, root.instantiation, access.steps]);
}

/** `steps` then `more`, with no `NonNullable<NonNullable<…>>` (`x?: T | null`). */
function extended(steps: readonly AccessStep[], more: readonly AccessStep[]): AccessStep[] {
  const twice = steps.at(-1)?.kind === 'defined' && more[0]?.kind === 'defined';
  return [...steps, ...(twice ? more.slice(1) : more)];
}

/** Only a declaration that prints as its structure, or an instantiation, can print a brand away. */
function mayLoseBrand(declaration: Declaration): boolean {
  return !nameable(declaration) || declaration.instantiation !== undefined;
}

/** The parts of `node` an indexed access (or `NonNullable`, `Extract`) names alone, each with the steps to it. */
function parts(node: TypeNode, index: DeclarationIndex): Array<[TypeNode, AccessStep[]]> {
  const defined: AccessStep = { kind: 'defined' };
  switch (node.kind) {
    case 'object':
      return [
        // `x?: T` and `x: T | undefined`: `O["x"]` adds `undefined`.
        ...node.properties.map((property): [TypeNode, AccessStep[]] => [property.type, property.optional ? [{ kind: 'key', key: property.name }, defined] : [{ kind: 'key', key: property.name }]]),
        ...(node.additionalProperties ? [[node.additionalProperties, [{ kind: 'item', key: 'string' }]] as [TypeNode, AccessStep[]]] : []),
        ...(node.numberIndex ? [[node.numberIndex, [{ kind: 'item', key: 'number' }]] as [TypeNode, AccessStep[]]] : []),
      ];
    case 'array':
      return [[node.items, [{ kind: 'item', key: 'number' }]]];
    case 'record':
      return [[node.value, [{ kind: 'item', key: node.key }]]];
    case 'tuple':
      return node.elements.map((element, position): [TypeNode, AccessStep[]] => [element.type, element.optional ? [{ kind: 'position', position }, defined] : [{ kind: 'position', position }]]);
    case 'union': {
      const { members } = splitNullish(node);
      if (members.length === 1) return [[members[0]!, [defined]]];
      return members.flatMap((member): Array<[TypeNode, AccessStep[]]> => {
        const primitive = brandedPrimitive(member, index);
        if (primitive === undefined) return [];
        // `Extract<U, string>` keeps every member a string is assignable to: only this one may be.
        const others = members.filter((other) => other !== member).map((other) => possibleKinds(other, index));
        return others.every((kinds) => kinds !== undefined && !kinds.has(primitive)) ? [[member, [{ kind: 'extract', primitive }]]] : [];
      });
    }
    default:
      return [];
  }
}

/** The primitive of a reference to a branded primitive (`Brand<string, 'Code'>`), else undefined. */
function brandedPrimitive(node: TypeNode, index: DeclarationIndex): Primitive | undefined {
  if (node.kind !== 'ref') return undefined;
  const type = index.get(node.id).type;
  return (type.kind === 'string' || type.kind === 'number' || type.kind === 'bigint') && type.brand ? type.kind : undefined;
}

/**
 * The `typeof` answers the values of `node` may give (`object` for every object type), or
 * undefined where that is not known for sure (an intersection, an unsupported type, deep references).
 */
function possibleKinds(node: TypeNode, index: DeclarationIndex, depth = 0): Set<string> | undefined {
  switch (node.kind) {
    case 'string':
    case 'number':
    case 'bigint':
    case 'boolean':
      return new Set([node.kind]);
    case 'null':
    case 'undefined':
      return new Set();
    case 'literal':
      return new Set([typeof node.value]);
    case 'enum':
      return new Set(node.members.map((member) => typeof member.value));
    case 'object':
    case 'array':
    case 'tuple':
    case 'record':
    case 'date':
      return new Set(['object']);
    case 'union': {
      const kinds = node.members.map((member) => possibleKinds(member, index, depth));
      return kinds.every((each) => each !== undefined) ? new Set(kinds.flatMap((each) => [...each!])) : undefined;
    }
    case 'ref': {
      const declaration = index.find(node.id);
      return declaration && depth < 32 ? possibleKinds(declaration.type, index, depth + 1) : undefined;
    }
    default:
      return undefined;
  }
}

/** Whether `null` or `undefined` is among the values of `node` (references followed, 32 deep at most). */
function holdsNullish(node: TypeNode, index: DeclarationIndex, depth = 0): boolean {
  if (node.kind === 'null' || node.kind === 'undefined') return true;
  if (node.kind === 'union') return node.members.some((member) => holdsNullish(member, index, depth));
  if (node.kind !== 'ref' || depth >= 32) return false;
  const declaration = index.find(node.id);
  return declaration !== undefined && holdsNullish(declaration.type, index, depth + 1);
}

function ref(id: string): TypeNode {
  return { kind: 'ref', id };
}
