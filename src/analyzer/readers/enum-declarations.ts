/** Enums (string, numeric, `const enum`): members with their values and docs. */
import { Node } from 'ts-morph';
import type { EnumMember } from '../../model/index.js';
import { readDocs } from '../tags/docs.js';
import { enumMemberValue } from '../types/enum-value.js';
import type { DeclarationReader } from './reader.js';

export const enumDeclarations: DeclarationReader = {
  name: 'enums',
  claims: (node) => Node.isEnumDeclaration(node),
  readType(node, _entry, ctx) {
    if (!Node.isEnumDeclaration(node)) throw new Error('enums reader claimed a non-enum');
    // A member whose value cannot be known is CG2017 (an error) and left out.
    const members: EnumMember[] = node.getMembers().flatMap((member) => {
      const value = enumMemberValue(member, ctx);
      return value === undefined ? [] : [{ name: member.getName(), value, docs: readDocs(member, ctx.tags(member)) }];
    });
    return { kind: 'enum', type: { kind: 'enum', members } };
  },
};
