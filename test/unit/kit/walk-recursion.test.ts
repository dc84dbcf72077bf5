/** The walk kit's recursion: children with their path segments, checks with paths, some/every, refs followed once. */
import { describe, expect, it } from 'vitest';
import { createDeclarationIndex } from '../../../src/generators/kit/declaration-index.js';
import { collectInType, everyType, someType, typeChildren } from '../../../src/generators/kit/walk.js';
import type { TypeNode } from '../../../src/model/types.js';
import { declaration, model, object, property, ref } from './model-builders.js';

const price: TypeNode = { kind: 'number', constraints: { multipleOf: '0.01' } };
const order = object(
  property('lines', { kind: 'array', items: object(property('price', price), property('note', { kind: 'union', members: [{ kind: 'string' }, { kind: 'null' }] })) }),
  property('at', { kind: 'tuple', elements: [{ type: { kind: 'date' }, optional: false }], rest: { kind: 'string' } }),
  property('meta', { kind: 'record', key: 'string', value: ref('Node') }),
);
/** A recursive declaration: `Node { children: Node[] }`. */
const node = declaration('Node', object(property('children', { kind: 'array', items: ref('Node') }), property('seen', { kind: 'date' })));

describe('the walk kit', () => {
  it('lists a node’s children with the segment a value path takes to them', () => {
    expect(typeChildren(order).map((child) => child.segment)).toEqual(['lines', 'at', 'meta']);
    const union = typeChildren({ kind: 'union', members: [{ kind: 'string' }, { kind: 'null' }] });
    expect(union).toEqual([{ node: { kind: 'string' } }, { node: { kind: 'null' } }]);
  });

  it('collects what a check finds with the path where it found it, depth first in source order', () => {
    const found = collectInType(order, (current, path) => (current.kind === 'number' || current.kind === 'date' || current.kind === 'null' ? [`${path.join('.')}:${current.kind}`] : []));
    expect(found).toEqual(['lines.*.price:number', 'lines.*.note:null', 'at.0:date']);
  });

  it('stops at refs, or follows each declaration once (cycles end) when given the index', () => {
    const index = createDeclarationIndex(model(node));
    const isDate = (current: TypeNode) => current.kind === 'date';
    expect(someType(ref('Node'), isDate)).toBe(false);
    expect(someType(ref('Node'), isDate, { index })).toBe(true);
    expect(collectInType(ref('Node'), (current) => (current.kind === 'ref' ? [current.id] : []), { index })).toEqual(['Node', 'Node']);
    expect(everyType(order.kind === 'object' ? order.properties[0]!.type : order, (current) => current.kind !== 'date')).toBe(true);
    expect(everyType(order, (current) => current.kind !== 'date')).toBe(false);
  });
});
