/**
 * Shape keys group nested types whose lifted helpers are the same code: two nodes share a key
 * exactly when their JSON without `docs` and location `source`s is the same.
 */
import { describe, expect, it } from 'vitest';
import { ShapeKeys } from '../../../src/generators/validate/compile/shape-keys.js';

/** The JSON the keys stand for. */
const plainJson = (node: object): string =>
  JSON.stringify(node, (key, value: unknown) => (key === 'docs' || (key === 'source' && typeof value === 'object') ? undefined : value));

const location = (line: number) => ({ file: 'a.ts', line, column: 1 });
const prop = (name: string, type: object, extra: object = {}) => ({ name, type, optional: false, ...extra });

const NODES: object[] = [
  { kind: 'string' },
  { kind: 'string', format: 'email' },
  { kind: 'string', pattern: { source: '^a$', flags: '' } },
  { kind: 'string', pattern: { source: '^b$', flags: '' } },
  { kind: 'object', properties: [prop('a', { kind: 'string' })] },
  { kind: 'object', properties: [prop('a', { kind: 'string' }, { docs: 'the a', source: location(3) })] },
  { kind: 'object', properties: [prop('a', { kind: 'string' }, { docs: 'other', source: location(9) })] },
  { kind: 'object', properties: [prop('a', { kind: 'string' }, { source: null })] },
  { kind: 'object', properties: [prop('a', { kind: 'string' }, { deprecated: undefined })] },
  { kind: 'object', properties: [prop('b', { kind: 'string' })] },
  { kind: 'object', properties: [prop('a', { kind: 'number' })] },
  { kind: 'object', properties: [prop('a', { kind: 'string' }), prop('b', { kind: 'number' })] },
  { kind: 'object', properties: [prop('b', { kind: 'number' }), prop('a', { kind: 'string' })] },
  { kind: 'array', items: { kind: 'string' } },
  { kind: 'array', items: { kind: 'array', items: { kind: 'string' } } },
  { kind: 'tuple', elements: [{ kind: 'string' }, undefined] },
  { kind: 'tuple', elements: [{ kind: 'string' }, null] },
  { kind: 'tuple', elements: [{ kind: 'string' }] },
  { kind: 'literal', value: 1 },
  { kind: 'literal', value: '1' },
  { kind: 'literal', value: Number.NaN },
  { kind: 'literal', value: null },
  { kind: 'literal', value: 'a"b\\' },
  { kind: 'literal', value: '#0' },
];

describe('shape keys', () => {
  it('are equal exactly when the JSON without docs and locations is', () => {
    const keys = new ShapeKeys();
    // Keyed twice, in two orders, and alongside copies: keys do not depend on what was keyed before.
    const copies = NODES.map((node) => structuredClone(node));
    const all = [...NODES, ...copies.reverse()];
    for (const a of all) {
      for (const b of all) {
        expect(keys.key(a) === keys.key(b), `${plainJson(a)} vs ${plainJson(b)}`).toBe(plainJson(a) === plainJson(b));
      }
    }
  });

  it('tell apart every level of a deep type and find a copy of it the same', () => {
    const deep = (): object => Array.from({ length: 300 }).reduce<object>((inner, _, n) => ({ kind: 'object', properties: [prop('a', inner, { docs: `level ${n}` })] }), { kind: 'string' });
    const keys = new ShapeKeys();
    const levels: object[] = [];
    for (let node: any = deep(); node.kind === 'object'; node = node.properties[0].type) levels.push(node);
    expect(new Set(levels.map((level) => keys.key(level))).size).toBe(300);
    expect(keys.key(deep())).toBe(keys.key(levels[0]!));
  });
});
