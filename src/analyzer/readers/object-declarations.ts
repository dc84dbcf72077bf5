/** Interfaces and classes: an object type of their (instance) properties; methods and statics left out. */
import { Node, type Type } from 'ts-morph';
import type { AnalyzerContext } from '../context.js';
import type { DeclarationNode, TableEntry } from '../declaration-table.js';
import { resolveType } from '../types/resolve.js';
import type { DeclarationBody, DeclarationReader } from './reader.js';

function readObject(kind: 'interface' | 'class') {
  return (node: DeclarationNode, entry: TableEntry, ctx: AnalyzerContext): DeclarationBody => {
    const type: Type = entry.instantiation?.type ?? node.getType();
    const bindings = entry.instantiation?.bindings;
    return { kind, type: resolveType(type, { path: entry.id, at: node, self: node, ...(bindings ? { bindings } : {}) }, ctx) };
  };
}

export const interfaceDeclarations: DeclarationReader = {
  name: 'interfaces',
  claims: (node) => Node.isInterfaceDeclaration(node),
  readType: readObject('interface'),
};

export const classDeclarations: DeclarationReader = {
  name: 'classes',
  claims: (node) => Node.isClassDeclaration(node),
  readType: readObject('class'),
};
