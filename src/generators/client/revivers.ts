/**
 * Reviver code: the `Date` and `bigint` positions of a response type, known from the model,
 * turned back from their wire forms (ISO strings, decimal strings) after `JSON.parse`. Built with the kit walker; the expressions
 * call the small combinators of the client runtime (`reviveObject`, `reviveArray`…).
 */
import type { TypeNode } from '../../model/types.js';
import type { DeclarationIndex } from '../kit/declaration-index.js';
import { literalCode, objectLiteralKey } from '../kit/emit.js';
import { someType, walkType, type TypeStrategy } from '../kit/walk.js';

/** What a reviver expression is built from, and what it uses along the way. */
export interface ReviverContext {
  index: DeclarationIndex;
  /** The expression holding the value to revive. */
  value: string;
  /** Nesting depth, for fresh parameter names of nested arrows. */
  depth: number;
  /** Ids of declarations whose `reviveX` function the code calls. */
  used: Set<string>;
  /** The name the client runtime is imported under (`runtime`): its combinators are `runtime.reviveDate`. */
  runtime: string;
}

/** The name of the reviver function emitted for a declaration. */
export function reviverName(declarationName: string): string {
  return `revive${declarationName}`;
}

/** Whether a `Date` or a `bigint` is reachable in `node` (through refs, cycles included). */
export function containsRevived(node: TypeNode, index: DeclarationIndex): boolean {
  return someType(node, (current) => current.kind === 'date' || current.kind === 'bigint', { index });
}

/** An expression reviving `context.value`, or undefined when the type holds no `Date` nor `bigint`. */
export function reviverExpression(node: TypeNode, context: ReviverContext): string | undefined {
  if (!containsRevived(node, context.index)) return undefined;
  return walkType(node, strategy, context);
}

/** `reviveBook` for `reviveBook(value)` (`runtime.reviveDate` for `runtime.reviveDate(value)`), an arrow otherwise: the reviver as a function value. */
export function asFunction(expression: string, parameter: string): string {
  const call = /^([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)?)\((.*)\)$/.exec(expression);
  // Typed, not left to context: a table entry keyed `["__proto__"]` gets no contextual type (TS7006).
  return call && call[2] === parameter ? call[1]! : `(${parameter}: unknown) => ${expression}`;
}

/** The reviver of a nested position, as a function value. */
function nestedReviver(node: TypeNode, context: ReviverContext, base: string): string | undefined {
  const parameter = context.depth === 0 ? base : `${base}${context.depth + 1}`;
  const expression = reviverExpression(node, { ...context, value: parameter, depth: context.depth + 1 });
  return expression === undefined ? undefined : asFunction(expression, parameter);
}

const none = (): undefined => undefined;

const strategy: TypeStrategy<string | undefined, ReviverContext> = {
  string: none,
  number: none,
  bigint: (_node, context) => `${context.runtime}.reviveBigInt(${context.value})`,
  boolean: none,
  null: none,
  undefined: none,
  literal: none,
  unknown: none,
  enum: none,
  date: (_node, context) => `${context.runtime}.reviveDate(${context.value})`,
  array: (node, context) => `${context.runtime}.reviveArray(${context.value}, ${nestedReviver(node.items, context, 'item')})`,
  record: (node, context) => `${context.runtime}.reviveRecord(${context.value}, ${nestedReviver(node.value, context, 'entry')})`,
  tuple(node, context) {
    const elements = node.elements.map((element) => nestedReviver(element.type, context, 'element') ?? 'undefined');
    const rest = node.rest ? nestedReviver(node.rest, context, 'element') : undefined;
    return `${context.runtime}.reviveTuple(${context.value}, [${elements.join(', ')}]${rest ? `, ${rest}` : ''})`;
  },
  object(node, context) {
    const properties = node.properties.flatMap((property) => {
      const reviver = nestedReviver(property.type, context, 'property');
      return reviver ? [`${objectLiteralKey(property.name)}: ${reviver}`] : [];
    });
    const additional = node.additionalProperties ? nestedReviver(node.additionalProperties, context, 'entry') : undefined;
    // An index signature's type covers the named properties too (TypeScript insists), so reviving every entry is sound.
    const value = additional ? `${context.runtime}.reviveRecord(${context.value}, ${additional})` : context.value;
    return properties.length === 0 ? value : `${context.runtime}.reviveObject(${value}, { ${properties.join(', ')} })`;
  },
  union(node, context) {
    const reviving = node.members.filter((member) => containsRevived(member, context.index));
    if (reviving.length === 1) return walkType(reviving[0]!, strategy, context);
    if (node.discriminant) {
      const cases = node.discriminant.mapping.flatMap(({ value, member }) => {
        const reviver = nestedReviver(node.members[member]!, context, 'member');
        return reviver ? [`${objectLiteralKey(String(value))}: ${reviver}`] : [];
      });
      return `${context.runtime}.reviveTagged(${context.value}, ${literalCode(node.discriminant.property)}, { ${cases.join(', ')} })`;
    }
    // Without a tag the member is unknown: each reviver only touches strings where its member has a Date or bigint.
    return `${context.runtime}.reviveAll(${context.value}, [${reviving.map((member) => nestedReviver(member, context, 'member')).join(', ')}])`;
  },
  intersection(node, context) {
    const reviving = node.members.filter((member) => containsRevived(member, context.index));
    if (reviving.length === 1) return walkType(reviving[0]!, strategy, context);
    return `${context.runtime}.reviveAll(${context.value}, [${reviving.map((member) => nestedReviver(member, context, 'member')).join(', ')}])`;
  },
  ref(node, context) {
    const declaration = context.index.get(node.id);
    context.used.add(declaration.id);
    return `${reviverName(declaration.name)}(${context.value})`;
  },
};

/** Revivers of the declarations `roots` use, transitively: `[id, function code]` in a stable order. */
export function declarationRevivers(roots: Iterable<string>, index: DeclarationIndex, runtime: string): Array<{ id: string; code: string }> {
  const emitted = new Map<string, string>();
  const pending = [...roots];
  while (pending.length > 0) {
    const id = pending.shift()!;
    if (emitted.has(id)) continue;
    const declaration = index.get(id);
    const used = new Set<string>();
    const body = reviverExpression(declaration.type, { index, value: 'value', depth: 0, used, runtime }) ?? 'value';
    emitted.set(id, `function ${reviverName(declaration.name)}(value: unknown): unknown {\n  return ${body};\n}`);
    pending.push(...used);
  }
  return [...emitted.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, code]) => ({ id, code }));
}
