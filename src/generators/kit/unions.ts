/** Helpers to read unions the way generators need them. */
import type { DiscriminantCase, TypeNode, UnionType } from '../../model/types.js';
import type { DeclarationIndex } from './declaration-index.js';

export interface SplitUnion {
  /** The members other than `null` and `undefined`, in source order. */
  members: TypeNode[];
  hasNull: boolean;
  hasUndefined: boolean;
}

/** Separates `null` and `undefined` from the other members of a union. */
export function splitNullish(union: UnionType): SplitUnion {
  const members = union.members.filter((member) => member.kind !== 'null' && member.kind !== 'undefined');
  return {
    members,
    hasNull: union.members.some((member) => member.kind === 'null'),
    hasUndefined: union.members.some((member) => member.kind === 'undefined'),
  };
}

/**
 * Whether `undefined` is among the values of `node` (itself, or a member of a union, nested unions
 * included). With `index`, references are followed to their declarations (up to 32 deep, so a
 * recursive alias ends); without it, a reference counts as holding no `undefined`.
 */
export function holdsUndefined(node: TypeNode, index?: DeclarationIndex, depth = 0): boolean {
  if (node.kind === 'undefined') return true;
  if (node.kind === 'union') return node.members.some((member) => holdsUndefined(member, index, depth));
  if (node.kind !== 'ref' || index === undefined || depth >= 32) return false;
  const declaration = index.find(node.id);
  return declaration !== undefined && holdsUndefined(declaration.type, index, depth + 1);
}

/** The type without its `null`/`undefined` members: the member itself when only one is left. */
export function withoutNullish(node: TypeNode): TypeNode {
  if (node.kind !== 'union') return node;
  const { members } = splitNullish(node);
  if (members.length === 1) return members[0]!;
  return { ...node, members };
}

export interface DiscriminantBranch {
  member: TypeNode;
  /** The tag values that select this member (one or more). */
  values: Array<string | number | boolean>;
}

export interface DiscriminantView {
  property: string;
  branches: DiscriminantBranch[];
}

/** The union's discriminant grouped by member, in member order; undefined for a plain union. */
export function readDiscriminant(union: UnionType): DiscriminantView | undefined {
  if (!union.discriminant) return undefined;
  const byMember = new Map<number, DiscriminantCase[]>();
  for (const entry of union.discriminant.mapping) {
    byMember.set(entry.member, [...(byMember.get(entry.member) ?? []), entry]);
  }
  const branches: DiscriminantBranch[] = [];
  union.members.forEach((member, index) => {
    const cases = byMember.get(index);
    if (cases) branches.push({ member, values: cases.map((entry) => entry.value) });
  });
  return { property: union.discriminant.property, branches };
}
