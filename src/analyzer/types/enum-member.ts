/**
 * Enum member types (`Color.Red`, and `Color` itself when the enum has one member, which
 * TypeScript types as that member). Their values are literals, but TypeScript accepts only the
 * member where the type is written (`"red"` is not a `Color`), so the model keeps which member
 * it is and generated code names it.
 */
import { Node, ts, type Type } from 'ts-morph';
import type { TypeNode } from '../../model/index.js';
import type { AnalyzerContext } from '../context.js';
import { mergedDeclarations } from '../merged-declarations.js';

/** The model type of an enum literal type: a ref to a one-member enum, else the member's literal; undefined for other types. */
export function resolveEnumMember(type: Type, ctx: AnalyzerContext): TypeNode | undefined {
  if (!(type.getFlags() & ts.TypeFlags.EnumLiteral) || !(type.getFlags() & (ts.TypeFlags.StringLiteral | ts.TypeFlags.NumberLiteral))) return undefined;
  const member = type.getSymbol()?.getDeclarations().find(Node.isEnumMember);
  const declaration = member?.getParent();
  if (!member || !declaration || !Node.isEnumDeclaration(declaration)) return undefined;
  const id = ctx.table.reference(declaration, ctx.owner);
  // An enum written in parts (`enum E { A = 'a' }` and `enum E { B = 'b' }`) has the members of every part.
  const members = mergedDeclarations(declaration).flatMap((part) => (Node.isEnumDeclaration(part) ? part.getMembers() : []));
  if (members.length === 1) return { kind: 'ref', id };
  const value = type.getLiteralValue() as string | number;
  return { kind: 'literal', value, enumMember: { enum: id, member: member.getSymbol()?.getName() ?? member.getName() } };
}
