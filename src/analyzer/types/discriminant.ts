/**
 * Discriminated unions: every member an object (or a ref to one) with a required property of
 * literal type(s), and no value shared by two members. The first such property, in the first
 * member's declaration order, is the discriminant; generated validators dispatch on it.
 */
import { ts, type Node, type Type } from 'ts-morph';
import type { Discriminant, DiscriminantCase, TypeNode } from '../../model/index.js';

type Literal = string | number | boolean;

/** The discriminant of a union's members (checker types beside model nodes), if there is one. */
export function findDiscriminant(members: { model: TypeNode; type: Type }[], at: Node): Discriminant | undefined {
  const tagged = members.filter((member) => member.model.kind !== 'null');
  if (tagged.length < 2 || !tagged.every((m) => isObjectish(m.model, m.type))) return undefined;
  for (const property of tagged[0]!.type.getProperties()) {
    const mapping = casesFor(property.getName(), tagged, at);
    if (mapping) return { property: property.getName(), mapping };
  }
  return undefined;
}

function isObjectish(model: TypeNode, type: Type): boolean {
  return (model.kind === 'object' || model.kind === 'ref') && type.isObject() && !type.isArray() && !type.isTuple();
}

function casesFor(name: string, members: { type: Type }[], at: Node): DiscriminantCase[] | undefined {
  const cases: DiscriminantCase[] = [];
  const seen = new Set<Literal>();
  for (const [index, member] of members.entries()) {
    const property = member.type.getProperty(name);
    if (!property || property.isOptional()) return undefined;
    const values = literalValues(property.getTypeAtLocation(at));
    if (!values || values.some((value) => seen.has(value))) return undefined;
    for (const value of values) {
      seen.add(value);
      cases.push({ value, member: index });
    }
  }
  return cases;
}

function literalValues(type: Type): Literal[] | undefined {
  const parts = type.isUnion() ? type.getUnionTypes() : [type];
  const values: Literal[] = [];
  for (const part of parts) {
    if (part.isBooleanLiteral()) values.push(part.getText() === 'true');
    else if (part.getFlags() & (ts.TypeFlags.StringLiteral | ts.TypeFlags.NumberLiteral)) values.push(part.getLiteralValue() as Literal);
    else return undefined;
  }
  return values;
}
