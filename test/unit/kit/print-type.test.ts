import { describe, expect, it } from 'vitest';
import { createDeclarationIndex } from '../../../src/generators/kit/declaration-index.js';
import { printType, type TypeReference } from '../../../src/generators/kit/print-type.js';
import type { TypeNode } from '../../../src/model/types.js';
import { declaration, model, object, property, ref } from './model-builders.js';

const index = createDeclarationIndex(
  model(
    declaration('Order', object(property('id', { kind: 'string' })), { source: { file: 'src/order.ts', line: 1, column: 1 } }),
    declaration('Page_Order', object(property('items', { kind: 'array', items: ref('Order') })), {
      instantiation: { generic: 'Page', typeArguments: [ref('Order')] },
      source: { file: 'src/page.ts', line: 1, column: 1 },
    }),
    declaration('Hidden', object(property('secret', ref('Hidden'), { optional: true })), { exported: false }),
  ),
);

const print = (node: TypeNode): string => printType(node, index);

describe('printType', () => {
  it('prints primitives, literals and dates', () => {
    expect(print({ kind: 'string' })).toBe('string');
    expect(print({ kind: 'literal', value: 'a "b"' })).toBe('"a \\"b\\""');
    expect(print({ kind: 'literal', value: 3 })).toBe('3');
    expect(print({ kind: 'date' })).toBe('Date');
  });

  it('parenthesises unions inside arrays and intersections', () => {
    const union: TypeNode = { kind: 'union', members: [{ kind: 'string' }, { kind: 'null' }] };
    expect(print({ kind: 'array', items: union })).toBe('(string | null)[]');
    expect(print({ kind: 'array', items: { kind: 'number' }, readonly: true })).toBe('readonly number[]');
    expect(print({ kind: 'intersection', members: [union, ref('Order')] })).toBe('(string | null) & Order');
  });

  it('prints tuples with optional and rest elements', () => {
    const tuple: TypeNode = {
      kind: 'tuple',
      elements: [
        { type: { kind: 'string' }, optional: false },
        { type: { kind: 'number' }, optional: true },
      ],
      rest: { kind: 'boolean' },
    };
    expect(print(tuple)).toBe('[string, number?, ...boolean[]]');
  });

  it('prints object literals with awkward keys and index signatures', () => {
    const node: TypeNode = {
      kind: 'object',
      properties: [property('content-type', { kind: 'string' }, { optional: true, readonly: true }), property('id', { kind: 'number' })],
      additionalProperties: { kind: 'unknown' },
      strict: false,
    };
    expect(print(node)).toBe('{ readonly "content-type"?: string; id: number; [key: string]: unknown }');
    expect(print({ kind: 'record', key: 'number', value: { kind: 'string' } })).toBe('Record<number, string>');
  });

  it('names generic instantiations as written and collects what to import', () => {
    const references = new Map<string, TypeReference>();
    expect(printType(ref('Page_Order'), index, references)).toBe('Page<Order>');
    expect([...references.values()]).toEqual([
      { name: 'Page', file: 'src/page.ts' },
      { name: 'Order', file: 'src/order.ts' },
    ]);
  });

  it('prints unexported declarations structurally, stopping at a cycle', () => {
    expect(print(ref('Hidden'))).toBe('{ secret?: unknown }');
  });
});
