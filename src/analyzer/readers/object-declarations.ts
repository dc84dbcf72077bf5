/** Interfaces and classes: an object type of their (instance) properties; methods and statics left out. */
import { Node, type Type } from 'ts-morph';
import { reportPartialTypeNull } from '../constraints/partial-type.js';
import type { AnalyzerContext } from '../context.js';
import type { DeclarationNode, TableEntry } from '../declaration-table.js';
import { heritageBindings } from '../types/heritage-bindings.js';
import { resolveType } from '../types/resolve.js';
import { isUnresolvedType, reportUnresolvedAt } from '../types/unresolved.js';
import type { DeclarationBody, DeclarationReader } from './reader.js';

function readObject(kind: 'interface' | 'class') {
  return (node: DeclarationNode, entry: TableEntry, ctx: AnalyzerContext): DeclarationBody => {
    const type: Type = entry.instantiation?.type ?? node.getType();
    // `interface IC extends Box<Code> {}`: the inherited `value: T` is a `Code` (heritage-bindings.ts).
    const bindings = heritageBindings(node, entry.instantiation?.bindings);
    if (!entry.instantiation) reportUnresolvedBases(node, entry.id, ctx);
    const body = resolveType(type, { path: entry.id, at: node, self: node, ...(bindings ? { bindings } : {}) }, ctx);
    // `extends PartialType(CreateDto)`: class-validator skips null where the copied type rejects it (CG2016).
    if (!entry.instantiation && Node.isClassDeclaration(node)) reportPartialTypeNull(node, body, entry.id, ctx);
    return { kind, type: body };
  };
}

/** CG2010 for an `extends` naming a type tsc cannot find: its members would be missing without a word. */
function reportUnresolvedBases(node: DeclarationNode, path: string, ctx: AnalyzerContext): void {
  if (!Node.isInterfaceDeclaration(node) && !Node.isClassDeclaration(node)) return;
  const bases = Node.isInterfaceDeclaration(node) ? node.getExtends() : [node.getExtends()].filter((base) => base !== undefined);
  for (const base of bases) {
    if (isUnresolvedType(base.getType())) reportUnresolvedAt(base, `${path} extends`, ctx);
  }
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
