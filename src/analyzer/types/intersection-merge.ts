/**
 * Intersections whose members declare one property. TypeScript intersects the property's types
 * (`{ b: string } & { b: 'x' | 'y' }` has `b: 'x' | 'y'`); when they share no value the property
 * is `never` (`{ b: bigint } & { b: string }`), and literal tags that differ make the whole type
 * `never` (`{ k: 'a' } & { k: 'b' }`). The members say the same to validators and schemas (each
 * is checked); a mock builds the intersected properties as one object. A type no value can have
 * is a CG2018 warning at its use.
 */
import { ts, type Type } from 'ts-morph';
import type { Property, TypeNode, UnknownType } from '../../model/index.js';
import type { AnalyzerContext } from '../context.js';
import { readProperties } from '../properties.js';
import { withMemberConstraints } from './member-constraints.js';
import type { Site } from './site.js';

/** Every property of the intersection, typed as TypeScript intersects it; undefined when no two object members share a key. */
export function mergedProperties(type: Type, members: readonly Type[], site: Site, ctx: AnalyzerContext): Property[] | undefined {
  // `Code[] & Lit[]`: arrays share `length` and the methods of `Array`, which are no data (mocks join arrays: mock/compile/joined-arrays.ts).
  if (members.some((member) => member.isArray() || member.isTuple())) return undefined;
  const shared = sharedNames(members);
  if (shared.length === 0) return undefined;
  const before = ctx.diagnostics.length;
  const properties = readProperties(type, { path: site.path, at: site.at, ...(site.bindings ? { bindings: site.bindings } : {}) }, ctx);
  // Each property was read, and reported on, with its own member already.
  ctx.diagnostics.splice(before);
  for (const property of properties) {
    if (!shared.includes(property.name)) continue;
    const memberTypes = members.flatMap((member) => {
      const symbol = member.getProperty(property.name);
      return symbol ? [symbol.getTypeAtLocation(site.at)] : [];
    });
    // `{ id: string } & { id: Item }`: TypeScript keeps `string & Item` (a brand), but no string has `Item`'s keys at run time, so the validators (which check each member) accept no value.
    if (!isNeverNode(property.type) && primitiveMeetsObject(memberTypes)) property.type = { kind: 'unknown', unsupported: { form: 'never', text: 'never' } };
    // The property read from the intersection is written as its first member writes it; every member's constraints hold.
    else property.type = withMemberConstraints(property.type, memberNodes(members, property.name, site, ctx));
    if (property.optional || !isNeverNode(property.type)) continue;
    const types = memberTypes.map((type) => `'${type.getText(site.at)}'`);
    ctx.report(
      'CG2018',
      site.at,
      `The members of the intersection at ${site.path} give '${property.name}' the types ${types.join(' and ')}, which share no value: '${property.name}' is never, and no value has this type.`,
    );
  }
  return properties;
}

/** The type each member gives property `name`, read with that member's own syntax (its aliases and their constraints). */
function memberNodes(members: readonly Type[], name: string, site: Site, ctx: AnalyzerContext): TypeNode[] {
  const before = ctx.diagnostics.length;
  const owner = { path: site.path, at: site.at, ...(site.bindings ? { bindings: site.bindings } : {}) };
  const nodes = members.flatMap((member) => readProperties(member, owner, ctx).filter((read) => read.name === name).map((read) => read.type));
  ctx.diagnostics.splice(before);
  return nodes;
}

/**
 * `{ k: 'a' } & { k: 'b' }`: TypeScript reduces an intersection whose members' literal tags differ
 * to `never`; it then has no properties, and prints as `never`.
 */
export function reducedToNever(type: Type, site: Site, ctx: AnalyzerContext): UnknownType | undefined {
  if (type.getProperties().length > 0 || type.getText(site.at) !== 'never') return undefined;
  const text = site.node?.getText() ?? 'never';
  ctx.report('CG2018', site.at, `The intersection at ${site.path} (${text}) is never: its members give a property literal types that differ, and no value has this type.`);
  return { kind: 'unknown', unsupported: { form: 'never', text } };
}

/** Names of properties declared by two or more members, when every member is an object type. */
function sharedNames(members: readonly Type[]): string[] {
  if (!members.every((member) => member.isObject())) return [];
  const counts = new Map<string, number>();
  for (const member of members) for (const symbol of member.getProperties()) counts.set(symbol.getName(), (counts.get(symbol.getName()) ?? 0) + 1);
  return [...counts].filter(([, count]) => count > 1).map(([name]) => name);
}

/** Whether one member's type is only primitives and another's only object types (`undefined` and `null` aside). */
function primitiveMeetsObject(types: readonly Type[]): boolean {
  const parts = types.map((type) => (type.isUnion() ? type.getUnionTypes() : [type]).filter((part) => !(part.getFlags() & (ts.TypeFlags.Undefined | ts.TypeFlags.Null))));
  const primitive = (type: Type) => (type.getFlags() & (ts.TypeFlags.StringLike | ts.TypeFlags.NumberLike | ts.TypeFlags.BigIntLike | ts.TypeFlags.BooleanLike | ts.TypeFlags.EnumLike)) !== 0;
  const some = (test: (type: Type) => boolean) => parts.some((list) => list.length > 0 && list.every(test));
  return some(primitive) && some((type) => type.isObject() && !type.isArray());
}

function isNeverNode(node: Property['type']): boolean {
  return node.kind === 'unknown' && node.unsupported?.form === 'never';
}
