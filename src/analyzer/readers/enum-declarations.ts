/** Enums (string, numeric, `const enum`): members with their values and docs. */
import { Node, type EnumMember as EnumMemberNode } from 'ts-morph';
import type { EnumMember } from '../../model/index.js';
import { readDocs } from '../tags/docs.js';
import { enumMemberValue } from '../types/enum-value.js';
import { mergedDeclarations } from '../merged-declarations.js';
import type { DeclarationReader } from './reader.js';

export const enumDeclarations: DeclarationReader = {
  name: 'enums',
  claims: (node) => Node.isEnumDeclaration(node),
  readType(node, _entry, ctx) {
    if (!Node.isEnumDeclaration(node)) throw new Error('enums reader claimed a non-enum');
    // A member whose value cannot be known is CG2017 (an error) and left out. An enum written in
    // parts (`enum E { A = 'a' }` and `enum E { B = 'b' }`) has the members of every part.
    const written = mergedDeclarations(node).flatMap((part) => (Node.isEnumDeclaration(part) ? part.getMembers() : []));
    // An enum with no members (`enum Empty {}`) is no union of values: TypeScript takes any number
    // for it (`const e: Empty = 1.5` compiles), so it is `number`, not a list of nothing that every
    // value fails and whose schema (`enum: []`) ajv's strict mode refuses.
    if (written.length === 0) return { kind: 'enum', type: { kind: 'number' } };
    const members: EnumMember[] = written.flatMap((member) => {
      const value = enumMemberValue(member, ctx);
      return value === undefined ? [] : [{ name: memberName(member), value, docs: readDocs(member, ctx.tags(member)) }];
    });
    return { kind: 'enum', type: { kind: 'enum', members } };
  },
};

/**
 * The member's name as a property of the enum object: `by-date` for `'by-date' = '-date'` and
 * `["by-date"]`, not the quoted source text that ts-morph's `getName()` gives. Generated code
 * writes `Sort["by-date"]` from it, and OpenAPI's `x-enum-varnames` carries it.
 */
function memberName(member: EnumMemberNode): string {
  const name = member.getNameNode();
  if (Node.isStringLiteral(name) || Node.isNoSubstitutionTemplateLiteral(name)) return name.getLiteralValue();
  if (Node.isComputedPropertyName(name)) {
    const expression = name.getExpression();
    if (Node.isStringLiteral(expression) || Node.isNoSubstitutionTemplateLiteral(expression)) return expression.getLiteralValue();
  }
  return member.getSymbol()?.getName() ?? member.getName();
}
