/**
 * Auto-accessors (`accessor name = ''`, TypeScript 4.9+) read as data properties by TypeScript's
 * type, but an instance keeps each value in a private slot behind a get/set pair on the class's
 * prototype: `JSON.stringify(new Auto())` is `{}` (tester s9 T6). They stay properties (members
 * of the type, which validators check and mocks set as own data) marked `autoAccessor`, which
 * schemas leave out and the client's wire checks report, as they do getters; a warning at each
 * says so.
 */
import { Node, ts, type Type } from 'ts-morph';
import type { Property } from '../../model/index.js';
import type { AnalyzerContext } from '../context.js';

/** `properties` with each auto-accessor of the class `type` marked `autoAccessor`, and reported. */
export function markAutoAccessors(type: Type, properties: Property[], ctx: AnalyzerContext, path: string): Property[] {
  return properties.map((property) => {
    const declaration = type.getProperty(property.name)?.getDeclarations().find(isAutoAccessor);
    if (!declaration) return property;
    reportOnce(declaration, `${path}.${property.name}`, ctx);
    return { ...property, autoAccessor: true };
  });
}

function isAutoAccessor(node: Node): boolean {
  return Node.isPropertyDeclaration(node) && node.getModifiers().some((modifier) => modifier.getKind() === ts.SyntaxKind.AccessorKeyword);
}

function reportOnce(declaration: Node, path: string, ctx: AnalyzerContext): void {
  // A class is read again wherever it is used: one warning per accessor.
  ctx.reportOnce(
    'CG2026',
    ctx.source(declaration),
    `auto-accessor/${path}`,
    `${path} is an auto-accessor: its value lives in a private slot, so JSON.stringify and Object.keys leave it out of an instance, as they do a getter's`,
    "Schemas leave it out, and JSON columns and client bodies holding the class are reported. Declare it as a plain property (`name = ''`) if it is data that travels as JSON.",
  );
}
