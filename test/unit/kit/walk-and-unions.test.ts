import { describe, expect, it } from 'vitest';
import { readDiscriminant, splitNullish, withoutNullish } from '../../../src/generators/kit/unions.js';
import { walkType, type TypeStrategy } from '../../../src/generators/kit/walk.js';
import type { TypeNode, UnionType } from '../../../src/model/types.js';
import { object, property, ref } from './model-builders.js';

/** A strategy counting the nodes of a tree: the smallest use of the walker. */
const countNodes: TypeStrategy<number, { depth: number }> = {
  string: () => 1,
  number: () => 1,
  bigint: () => 1,
  boolean: () => 1,
  null: () => 1,
  undefined: () => 1,
  literal: () => 1,
  date: () => 1,
  unknown: () => 1,
  enum: () => 1,
  ref: () => 1,
  array: (node, context) => 1 + walkType(node.items, countNodes, { depth: context.depth + 1 }),
  tuple: (node, context) => 1 + node.elements.reduce((sum, element) => sum + walkType(element.type, countNodes, context), 0),
  object: (node, context) => 1 + node.properties.reduce((sum, p) => sum + walkType(p.type, countNodes, context), 0),
  record: (node, context) => 1 + walkType(node.value, countNodes, context),
  union: (node, context) => 1 + node.members.reduce((sum, member) => sum + walkType(member, countNodes, context), 0),
  intersection: (node, context) => 1 + node.members.reduce((sum, member) => sum + walkType(member, countNodes, context), 0),
};

describe('walkType', () => {
  it('dispatches each kind to its strategy method', () => {
    const tree: TypeNode = object(property('tags', { kind: 'array', items: { kind: 'string' } }), property('owner', ref('User')));
    expect(walkType(tree, countNodes, { depth: 0 })).toBe(4);
  });
});

const shape: UnionType = {
  kind: 'union',
  members: [ref('Circle'), ref('Square'), ref('Rect'), { kind: 'null' }],
  discriminant: {
    property: 'kind',
    mapping: [
      { value: 'circle', member: 0 },
      { value: 'square', member: 1 },
      { value: 'rect', member: 2 },
      { value: 'rectangle', member: 2 },
    ],
  },
};

describe('union helpers', () => {
  it('splits null and undefined off a union', () => {
    expect(splitNullish(shape)).toEqual({ members: [ref('Circle'), ref('Square'), ref('Rect')], hasNull: true, hasUndefined: false });
    expect(withoutNullish({ kind: 'union', members: [{ kind: 'string' }, { kind: 'null' }] })).toEqual({ kind: 'string' });
    expect(withoutNullish({ kind: 'number' })).toEqual({ kind: 'number' });
  });

  it('groups the discriminant values by member', () => {
    expect(readDiscriminant(shape)).toEqual({
      property: 'kind',
      branches: [
        { member: ref('Circle'), values: ['circle'] },
        { member: ref('Square'), values: ['square'] },
        { member: ref('Rect'), values: ['rect', 'rectangle'] },
      ],
    });
    expect(readDiscriminant({ kind: 'union', members: [] })).toBeUndefined();
  });
});
