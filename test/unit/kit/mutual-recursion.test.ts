/**
 * `freeOfMutualRecursion`: a declaration is free when nothing it reaches (itself included) lies
 * on a cycle through two or more declarations. Referring to itself is fine (a tree's children);
 * a cycle of two is not, nor is anything that reaches one; a long chain is walked without
 * overflowing the stack.
 */
import { describe, expect, it } from 'vitest';
import { createDeclarationIndex } from '../../../src/generators/kit/declaration-index.js';
import { freeOfMutualRecursion } from '../../../src/generators/kit/plan-memo.js';
import { declaration, model, object, property, ref } from './model-builders.js';

const node = (name: string, ...refs: string[]) => declaration(name, object(...refs.map((target, at) => property(`p${at}`, ref(target)))));

describe('freeOfMutualRecursion', () => {
  it('tells self-reference and chains from cycles of two or more, and from what reaches them', () => {
    // Tree -> Tree; Holder -> Tree; A <-> B; UsesA -> A; Leaf; Three -> Four -> Five -> Three.
    const free = freeOfMutualRecursion(
      createDeclarationIndex(
        model(
          node('Tree', 'Tree'),
          node('Holder', 'Tree', 'Leaf'),
          node('A', 'B'),
          node('B', 'A', 'Leaf'),
          node('UsesA', 'Leaf', 'A'),
          node('Leaf'),
          node('Three', 'Four'),
          node('Four', 'Five'),
          node('Five', 'Three'),
          node('Outer', 'Holder', 'Five'),
        ),
      ),
    );
    const verdicts = Object.fromEntries(['Tree', 'Holder', 'A', 'B', 'UsesA', 'Leaf', 'Three', 'Four', 'Five', 'Outer'].map((id) => [id, free(id)]));
    expect(verdicts).toEqual({ Tree: true, Holder: true, A: false, B: false, UsesA: false, Leaf: true, Three: false, Four: false, Five: false, Outer: false });
  });

  it('walks a chain of 20,000 declarations', () => {
    const chain = Array.from({ length: 20_000 }, (_, at) => (at === 0 ? node('T0', 'T0') : node(`T${at}`, `T${at - 1}`)));
    const free = freeOfMutualRecursion(createDeclarationIndex(model(...chain)));
    expect(free('T19999')).toBe(true);
    // One cycle of two at the far end reaches every declaration after it.
    const cyclic = freeOfMutualRecursion(createDeclarationIndex(model(node('T0', 'T1'), ...chain.slice(1))));
    expect([cyclic('T0'), cyclic('T1'), cyclic('T19999')]).toEqual([false, false, false]);
  });
});
