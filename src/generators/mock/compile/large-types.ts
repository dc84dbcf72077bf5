/**
 * Keeping mocks of extreme but legal types within what Prettier, tsc and memory handle:
 *
 * - deep nesting: past `MAX_INLINE_NESTING` levels of objects, arrays, tuples, records, unions
 *   and intersections, the rest of a value is built by a private function of its own, typed with
 *   an indexed access type (`type _DeepRootA = Deep["root"]["a"]`), so no expression nests deeper than that and
 *   tsc compares types by name instead of walking a 200-level literal;
 * - nested arrays: item counts multiply, so once the enclosing arrays and records could hold
 *   `MAX_SPREAD` values, deeper ones get their minimum number of items (a `string[][]…` 200
 *   levels deep would otherwise hold some 2.5²⁰⁰ strings);
 * - literal unions with many members: one `r.pick` from a constant instead of a `oneOf` with a
 *   thunk per member.
 */
import type { TypeNode } from '../../../model/types.js';
import { literalCode, stringLiteral } from '../../kit/emit.js';
import { holdsUndefined } from '../../kit/unions.js';
import type { MockContext } from './mock-context.js';
import { losesBrand } from './lost-brands.js';
import { readsName } from '../../kit/reads-name.js';

/** Levels of composite types an expression holds before the rest moves into a function. */
export const MAX_INLINE_NESTING = 8;
/** How many values the enclosing arrays and records may hold before deeper ones get their minimum. */
export const MAX_SPREAD = 64;
/** From this many literal members on, a union picks from one constant. */
export const LITERAL_PICK_MIN = 16;
/** Longest printed type used as a nested function's return type when no indexed access reaches it. */
const PRINTED_TYPE_MAX = 200;
/** Longest name base of a nested function before it is shortened. */
const NAME_BASE_MAX = 48;

const COMPOSITE = new Set<TypeNode['kind']>(['object', 'array', 'tuple', 'record', 'union', 'intersection']);

/** Whether `node` is built by an expression that nests others (so it counts towards the nesting limit). */
export function isComposite(node: TypeNode): boolean {
  return COMPOSITE.has(node.kind);
}

/** The TypeScript type of a property's value, given the type of the object (`T["name"]`). */
export function propertyTypePath(objectType: string | undefined, name: string, optional: boolean, type: TypeNode): string | undefined {
  if (objectType === undefined) return undefined;
  const access = `${objectType}[${stringLiteral(name)}]`;
  // An optional property's access type includes `undefined`; the mock builds the present case.
  return optional && !holdsUndefined(type) ? `Exclude<${access}, undefined>` : access;
}

/** The TypeScript type of an indexed part (`T[number]`, `T[0]`, `T[string]`). */
export function indexedTypePath(containerType: string | undefined, index: string, optional = false): string | undefined {
  if (containerType === undefined) return undefined;
  const access = `${containerType}[${index}]`;
  return optional ? `Exclude<${access}, undefined>` : access;
}

/** The one member of a nullable union (`Exclude<T, null>`), when `T` is known. */
export function withoutNullishTypePath(unionType: string | undefined, removed: readonly string[]): string | undefined {
  if (unionType === undefined || removed.length === 0) return unionType;
  return `Exclude<${unionType}, ${removed.join(' | ')}>`;
}

/**
 * The call of a private function building `node` (compiling it on first use), or undefined when
 * the node may stay inline (not deep enough) or its type cannot be written.
 */
export function nestedFunctionCall(node: TypeNode, context: MockContext, build: (context: MockContext) => string): string | undefined {
  if ((context.nesting ?? 0) < MAX_INLINE_NESTING || !isComposite(node)) return undefined;
  const { compiler } = context;
  let returnType = context.typePath;
  if (returnType === undefined) {
    // Text that drops a brand (lost-brands.ts) would type the function wrongly: the value stays inline.
    if (losesBrand(node, compiler.index)) return undefined;
    const printed = compiler.typeText(node);
    if (printed.length > PRINTED_TYPE_MAX) return undefined;
    returnType = printed;
  }
  const base = shortBase(context.base);
  return compiler.nestedFunction(node, base, (name) => {
    // A type alias per function: paths below start from it, so no type expression nests deeply either.
    const alias = compiler.allocate(`_${base}`);
    const body = build({ ...context, nesting: 0, typePath: alias });
    const parameters = [
      ...(readsName(body, 'r', 'expression') ? [`r: ${compiler.runtime('Rng')}`] : []),
      ...(readsName(body, 'depth', 'expression') ? ['depth: number'] : []),
    ];
    const code = `type ${alias} = ${returnType};\nfunction ${name}(${parameters.join(', ')}): ${alias} {\nreturn ${body};\n}`;
    const call = `${name}(${parameters.map((parameter) => parameter.split(':')[0]).join(', ')})`;
    return { code, call };
  });
}

/** `r.pick(CONSTANT)` for a union's many literal members; undefined when there are few. */
export function literalPick(members: readonly TypeNode[], context: MockContext): string | undefined {
  // Enum members are named (`Color.Red`), never picked as bare values, which their type rejects.
  const values = members.flatMap((member) => (member.kind === 'literal' && !member.enumMember ? [member.value] : []));
  if (values.length < LITERAL_PICK_MIN) return undefined;
  const name = context.compiler.constant(`[${values.map(literalCode).join(', ')}]`, `${shortBase(context.base)}Values`);
  return `r.pick(${name})`;
}

/** A name base cut to `NAME_BASE_MAX` characters: deep parts become `<prefix>Nested`, numbered by the allocator. */
function shortBase(base: string): string {
  return base.length <= NAME_BASE_MAX ? base : `${base.slice(0, NAME_BASE_MAX - 'Nested'.length)}Nested`;
}
