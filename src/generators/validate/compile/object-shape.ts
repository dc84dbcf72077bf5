/**
 * Object shapes: what an object check looks at (properties, extra keys, strictness). An
 * intersection with a `@strict` member is checked as one merged shape, because checking the
 * members one by one would make the strict member reject the keys the other members declare:
 * `A & B` with `A` strict accepts the keys of `A` and `B` and rejects every other key.
 */
import type { IntersectionType, ObjectType, PatternIndex, Property, RecordType, TypeNode } from '../../../model/types.js';
import type { DeclarationIndex } from '../../kit/declaration-index.js';
import { checkedProperties, nominalClassOf } from './behaviour-checks.js';
import { holdsEveryKey } from './pattern-keys.js';

export interface ObjectShape {
  properties: Property[];
  /** Types every undeclared key's value must have (one per member with an index signature). */
  additional: TypeNode[];
  /** Types every undeclared numeric key's value must have (`[i: number]: V`; see `ObjectType.numberIndex`). */
  numeric: TypeNode[];
  /** Index signatures over some of the keys (`[k: \`x-${string}\`]: V`; see `ObjectType.patternIndexes`). */
  patterns: PatternIndex[];
  /**
   * `@strict`: undeclared keys are rejected, except those an index signature allows (a string
   * index allows every key, a number index the numeric ones): TypeScript declares those too.
   */
  strict: boolean;
  /** Members of a merged intersection that are not object shapes, checked on the whole value. */
  others: TypeNode[];
  /** A class with non-public members: how the file names it, for `value instanceof Counter`. */
  instanceOf?: string;
  /** Methods keyed by a well-known symbol (`[Symbol.iterator]()`), tested as functions (symbol-methods.ts). */
  symbolMethods?: NonNullable<ObjectType['behaviour']>['symbolMethods'];
  /** Data members keyed by a well-known symbol (`[Symbol.toStringTag]: string`), tested by their type (symbol-methods.ts). */
  symbolProperties?: NonNullable<ObjectType['behaviour']>['symbolProperties'];
}

/** The shape of a plain object type; `instanceOf` names the class when only its instances are values of it. */
export function objectShape(node: ObjectType, instanceOf?: string): ObjectShape {
  return {
    ...(instanceOf ? { instanceOf } : {}),
    ...(node.behaviour?.symbolMethods ? { symbolMethods: node.behaviour.symbolMethods } : {}),
    ...(node.behaviour?.symbolProperties?.some((property) => property.type) ? { symbolProperties: node.behaviour.symbolProperties } : {}),
    properties: checkedProperties(node),
    additional: node.additionalProperties ? [node.additionalProperties] : [],
    numeric: node.numberIndex ? [node.numberIndex] : [],
    patterns: node.patternIndexes ?? [],
    strict: node.strict,
    others: [],
  };
}

/**
 * The merged shape of an intersection, when one of its object members (direct or through refs)
 * is strict; undefined when the members can simply be checked one after the other.
 */
export function strictIntersectionShape(node: IntersectionType, index: DeclarationIndex): ObjectShape | undefined {
  const objects: ObjectType[] = [];
  const records: RecordType[] = [];
  const others: TypeNode[] = [];
  flatten(node, index, { objects, records, others }, new Set());
  if (!objects.some((object) => object.strict)) return undefined;
  // `Strict & Record<string, V>`: the record's keys are declared by its index signature (each key is still checked by `others`).
  const indexed = (key: RecordType['key']) => records.filter((record) => record.key === key).map((record) => record.value);
  const symbolMethods = objects.flatMap((object) => object.behaviour?.symbolMethods ?? []);
  const symbolProperties = objects.flatMap((object) => object.behaviour?.symbolProperties?.filter((property) => property.type) ?? []);
  return {
    ...(symbolMethods.length > 0 ? { symbolMethods } : {}),
    ...(symbolProperties.length > 0 ? { symbolProperties } : {}),
    properties: objects.flatMap((object) => checkedProperties(object)),
    additional: [...objects.flatMap((object) => (object.additionalProperties ? [object.additionalProperties] : [])), ...indexed('string')],
    numeric: [...objects.flatMap((object) => (object.numberIndex ? [object.numberIndex] : [])), ...indexed('number')],
    patterns: objects.flatMap((object) => object.patternIndexes ?? []),
    strict: true,
    others,
  };
}

interface Flattened {
  objects: ObjectType[];
  /** Record members (direct or through refs), also in `others`: they check every key of the value. */
  records: RecordType[];
  others: TypeNode[];
}

function flatten(node: TypeNode, index: DeclarationIndex, into: Flattened, seen: Set<string>): void {
  if (node.kind === 'object') {
    into.objects.push(node);
  } else if (node.kind === 'intersection') {
    for (const member of node.members) flatten(member, index, into, seen);
  } else if (node.kind === 'ref' && !seen.has(node.id)) {
    const target = index.get(node.id).type;
    if (target.kind !== 'object' && target.kind !== 'intersection') {
      if (target.kind === 'record') into.records.push(target);
      into.others.push(node);
      return;
    }
    seen.add(node.id);
    // A class only its instances are values of: its own check (`instanceof`) runs on the whole value too.
    if (nominalClassOf(index.get(node.id), index)) into.others.push(node);
    flatten(target, index, into, seen);
  } else {
    if (node.kind === 'record') into.records.push(node);
    into.others.push(node);
  }
}

/** Whether undeclared keys outside any index signature are rejected: `@strict` without an index signature over every key. */
export function rejectsOtherKeys(shape: ObjectShape): boolean {
  return shape.strict && shape.additional.length === 0 && !shape.patterns.some(holdsEveryKey);
}

/** Whether a check of `node` needs statements (a loop or a switch) and so becomes its own function. */
export function needsOwnFunction(node: TypeNode, index: DeclarationIndex): boolean {
  switch (node.kind) {
    case 'object':
    case 'array':
    case 'tuple':
    case 'record':
      return true;
    case 'union':
      return node.discriminant !== undefined;
    case 'intersection':
      return strictIntersectionShape(node, index) !== undefined;
    default:
      return false;
  }
}

/**
 * The test that `key` is a numeric name as TypeScript means it (the canonical text of a number),
 * which a number index signature constrains.
 */
export function numericKeyTest(key: string): string {
  return `String(Number(${key})) === ${key}`;
}
