/** Enums (string, numeric, `const enum`): members with their values and docs. */
import { Node } from 'ts-morph';
import type { EnumMember } from '../../model/index.js';
import { readDocs } from '../tags/docs.js';
import type { DeclarationReader } from './reader.js';

export const enumDeclarations: DeclarationReader = {
  name: 'enums',
  claims: (node) => Node.isEnumDeclaration(node),
  readType(node, _entry, ctx) {
    if (!Node.isEnumDeclaration(node)) throw new Error('enums reader claimed a non-enum');
    const members: EnumMember[] = node.getMembers().map((member) => ({
      name: member.getName(),
      value: member.getValue() ?? member.getName(),
      docs: readDocs(member, ctx.tags(member)),
    }));
    return { kind: 'enum', type: { kind: 'enum', members } };
  },
};
