import { describe, expect, it } from 'vitest';
import { createDeclarationIndex } from '../../../src/generators/kit/declaration-index.js';
import { declaration, model, object, property, ref } from './model-builders.js';

const user = declaration('User', object(property('address', ref('Address')), property('friends', { kind: 'array', items: ref('User') })));
const address = declaration('Address', object(property('city', { kind: 'string' })), { source: { file: 'src/a.ts', line: 1, column: 1 } });
const a = declaration('A', object(property('b', ref('B'))));
const b = declaration('B', object(property('a', { kind: 'union', members: [ref('A'), { kind: 'null' }] })));
const lonely = declaration('Lonely', { kind: 'string' });
const index = createDeclarationIndex(model(user, address, a, b, lonely));

describe('createDeclarationIndex', () => {
  it('finds declarations by id and fails loudly on a broken ref', () => {
    expect(index.get('Address')).toBe(address);
    expect(index.find('Nope')).toBeUndefined();
    expect(() => index.get('Nope')).toThrow(/unknown declaration "Nope"/);
  });

  it('lists the direct refs of a declaration', () => {
    expect(index.refsOf('User')).toEqual(['Address', 'User']);
  });

  it('walks a frozen type tree once: the next build\'s index of a reused declaration takes its refs as they were', () => {
    // A watch build's model holds the declarations an edit did not reach as the same frozen type trees (read-cache.ts).
    const frozen = (value: object): object => (Object.values(value).forEach((part) => typeof part === 'object' && part !== null && frozen(part)), Object.freeze(value));
    const reused = declaration('Reused', frozen(object(property('user', ref('User')))) as ReturnType<typeof object>);
    const first = createDeclarationIndex(model(user, address, reused)).refsOf('Reused');
    const next = createDeclarationIndex(model(user, address, { ...reused })).refsOf('Reused');
    expect(next).toEqual(['User']);
    expect(next).toBe(first);
    expect(Object.isFrozen(next)).toBe(true);
    // A tree that may still change (just analysed) is walked every time.
    expect(createDeclarationIndex(model(user, address)).refsOf('User')).not.toBe(index.refsOf('User'));
  });

  it('closes over refs, in model order', () => {
    expect(index.closure(['A']).map((d) => d.id)).toEqual(['A', 'B']);
    expect(index.closure(['User']).map((d) => d.id)).toEqual(['User', 'Address']);
    expect(index.closure(['Lonely']).map((d) => d.id)).toEqual(['Lonely']);
  });

  it('detects self and mutual recursion', () => {
    expect(['User', 'Address', 'A', 'B', 'Lonely'].filter((id) => index.isRecursive(id))).toEqual(['User', 'A', 'B']);
  });

  it('groups declarations by source file, files sorted', () => {
    const groups = index.byFile(index.all);
    expect([...groups.keys()]).toEqual(['src/a.ts', 'src/models/types.ts']);
    expect(groups.get('src/models/types.ts')?.map((d) => d.id)).toEqual(['User', 'A', 'B', 'Lonely']);
  });
});
