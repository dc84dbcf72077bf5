/**
 * Keeps generic instantiation finite. Each instantiation is a declaration of its own
 * (`Box_string`), read after the declaration that used it; a generic that uses itself with a
 * growing argument (`interface Nest<T> { deeper?: Nest<T[]> }`) would so ask for `Nest_string`,
 * `Nest_stringArray`, `Nest_stringArrayArray`… without end, where TypeScript, which instantiates
 * lazily, checks it at once. As TypeScript's `isDeeplyNestedType` does, an instantiation is
 * refused when the chain of instantiations that led to it already holds two of the same generic,
 * each argument grown from the one before (`string` → `string[]` → `string[][]`); a use that
 * merely repeats its arguments (`Tree<T>` inside `Tree<T>`) is the same declaration and never
 * gets here. Any other chain is cut at `MAX_INSTANTIATION_DEPTH`, as tsc cuts its own at 100.
 * Either way the reference is CG2004 and checked as unknown.
 */
import type { Node } from 'ts-morph';
import type { TypeNode, UnknownType } from '../../model/index.js';
import type { AnalyzerContext } from '../context.js';
import type { DeclarationNode, DeclarationTable } from '../declaration-table.js';
import { primaryDeclaration } from '../merged-declarations.js';

/** Instantiations in one chain (each made while reading the one before) beyond which none is made. */
export const MAX_INSTANTIATION_DEPTH = 50;

/** One instantiation of a chain: its generic and its arguments, as text with instantiations spelt out. */
interface Link {
  generic: DeclarationNode;
  id: string;
  shapes: string[];
}

/** Per table: an instantiation's id → the chain that led to it, itself last. */
const chains = new WeakMap<DeclarationTable, Map<string, Link[]>>();

function chainsOf(table: DeclarationTable): Map<string, Link[]> {
  let map = chains.get(table);
  if (!map) chains.set(table, (map = new Map()));
  return map;
}

/**
 * Undefined when `generic` may be instantiated with `typeArguments` while reading `ctx.owner`;
 * else the unknown type to use instead, CG2004 reported at `at` (once per place).
 * `written` is the reference as written (`Nest<T[]>`), `path` the property's path.
 */
export function refusedInstantiation(
  generic: DeclarationNode,
  typeArguments: readonly TypeNode[],
  written: string,
  path: string,
  at: Node,
  ctx: AnalyzerContext,
): UnknownType | undefined {
  const chain = ctx.owner ? (chainsOf(ctx.table).get(ctx.owner.id) ?? []) : [];
  const node = primaryDeclaration(generic);
  const shapes = typeArguments.map((argument) => shapeOf(argument, ctx.table));
  const same = chain.filter((link) => link.generic === node);
  const expanding = same.length >= 2 && grows(same[same.length - 2]!.shapes, same[same.length - 1]!.shapes) && grows(same[same.length - 1]!.shapes, shapes);
  if (!expanding && chain.length < MAX_INSTANTIATION_DEPTH) return undefined;
  const name = node.getName() ?? 'the generic';
  const owner = ctx.owner?.id ?? name;
  const message = expanding
    ? `Expanding recursive generic (${path}): ${written} makes ${name} again with an argument grown at each level (${same.map((link) => link.id).join(', ')}, …); codegen writes each instantiation as a declaration of its own and would never finish, so ${owner} checks this one as unknown.`
    : `Generic instantiations nested more than ${MAX_INSTANTIATION_DEPTH} deep (${path}): ${written} in ${owner} is checked as unknown.`;
  const location = ctx.display(at);
  ctx.reportOnce('CG2004', location, `${expanding ? 'expanding' : 'depth'}|${written}`, message, 'Give the recursion a fixed argument (`deeper?: Nest<T>`), or type the property unknown to leave it unchecked.');
  return { kind: 'unknown', unsupported: { form: 'other', text: written } };
}

/** Records the chain that led to the instantiation `id` (the first time it is made). */
export function recordInstantiation(id: string, generic: DeclarationNode, typeArguments: readonly TypeNode[], ctx: AnalyzerContext): void {
  const map = chainsOf(ctx.table);
  if (map.has(id)) return;
  const chain = ctx.owner ? (map.get(ctx.owner.id) ?? []) : [];
  map.set(id, [...chain, { generic: primaryDeclaration(generic), id, shapes: typeArguments.map((argument) => shapeOf(argument, ctx.table)) }]);
}

/** True when some argument holds its earlier self strictly inside it (`string` in `string[]`). */
function grows(before: readonly string[], after: readonly string[]): boolean {
  return after.some((shape, index) => before[index] !== undefined && shape !== before[index] && shape.includes(before[index]));
}

/**
 * An argument as text, without where it was written, and a reference to an instantiation spelt
 * out as its generic and arguments (`Nest<Box<T>>` grows as `Box_string`, `Box_Box_string`).
 */
function shapeOf(node: TypeNode, table: DeclarationTable): string {
  const map = chainsOf(table);
  return JSON.stringify(node, (key, value: unknown) => {
    if (key === 'source' || key === 'docs') return undefined;
    // A recorded chain's shapes are spelt out already: one level of lookup is the whole argument.
    if (isRef(value)) {
      const link = map.get(value.id)?.at(-1);
      if (link) return { generic: link.generic.getName(), arguments: link.shapes.map((shape) => JSON.parse(shape) as unknown) };
    }
    return value;
  });
}

function isRef(value: unknown): value is { kind: 'ref'; id: string } {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'ref' && typeof (value as { id?: unknown }).id === 'string';
}
