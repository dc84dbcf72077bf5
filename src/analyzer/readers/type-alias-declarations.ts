/** Type aliases of object, union, intersection and mapped types (aliases of primitives are inlined instead). */
import { Node } from 'ts-morph';
import type { DeclarationReader } from './reader.js';
import { resolveType } from '../types/resolve.js';

export const typeAliasDeclarations: DeclarationReader = {
  name: 'type-aliases',
  claims: (node) => Node.isTypeAliasDeclaration(node),
  readType(node, entry, ctx) {
    const alias = node;
    if (!Node.isTypeAliasDeclaration(alias)) throw new Error('type-aliases reader claimed a non-alias');
    // An instantiation's checker type no longer matches the generic's syntax: it keeps it only with
    // the arguments written at its use bound to the parameters (types/bindings.ts).
    const bindings = entry.instantiation?.bindings;
    const syntax = entry.instantiation && !bindings ? undefined : alias.getTypeNode();
    const type = entry.instantiation?.type ?? alias.getType();
    return { kind: 'type', type: resolveType(type, { node: syntax, path: entry.id, at: alias, self: alias, ...(bindings ? { bindings } : {}) }, ctx) };
  },
};
