/**
 * `closureKeys` names a file's closure by per-component signatures: two models give equal keys
 * for the same ids exactly when `closureKey` (every declaration reached, each with its version
 * and extra) gives equal keys. Checked on random ref graphs (chains, cycles, self-references)
 * and random edits of one declaration, and on a chain of 20,000 declarations (no stack overflow).
 */
import { describe, expect, it } from 'vitest';
import { createDeclarationIndex } from '../../../src/generators/kit/declaration-index.js';
import { closureKey, closureKeys } from '../../../src/generators/kit/plan-memo.js';
import { SeededRandom } from '../../../src/generators/kit/seeded-random.js';
import type { Declaration } from '../../../src/model/types.js';
import { declaration, model, object, property, ref } from './model-builders.js';

/** A declaration whose properties refer to `refs`; `mark` changes its content (its version). */
function node(name: string, refs: readonly string[], mark = 0): Declaration {
  return declaration(name, object(...refs.map((target, at) => property(`p${at}`, ref(target))), ...(mark ? [property(`mark${mark}`, { kind: 'string' })] : [])));
}

describe('closureKeys', () => {
  it('gives equal keys exactly when closureKey does, on random graphs and edits', () => {
    const seeded = new SeededRandom(12);
    const random = () => seeded.next();
    const pick = (n: number) => Math.floor(random() * n);
    let equal = 0;
    let different = 0;
    for (let round = 0; round < 300; round += 1) {
      const size = 2 + pick(12);
      const names = Array.from({ length: size }, (_, at) => `T${at}`);
      const edges = names.map(() => Array.from({ length: pick(3) }, () => names[pick(size)]!));
      const before = model(...names.map((name, at) => node(name, edges[at]!)));
      // One edit: a declaration's content, one of its refs, or nothing; and maybe another extra for one id.
      const edited = pick(size);
      const kind = pick(3);
      const afterEdges = edges.map((refs, at) => (at === edited && kind === 1 ? [...refs, names[pick(size)]!] : refs));
      const after = model(...names.map((name, at) => node(name, afterEdges[at]!, at === edited && kind === 0 ? 1 : 0)));
      const extraChanged = random() < 0.2 ? names[pick(size)] : undefined;
      const extraBefore = (id: string) => `file-${id}`;
      const extraAfter = (id: string) => (id === extraChanged ? 'moved' : `file-${id}`);
      const keysBefore = closureKeys(createDeclarationIndex(before), extraBefore);
      const keysAfter = closureKeys(createDeclarationIndex(after), extraAfter);
      for (const name of names) {
        const ids = [name, ...(random() < 0.3 ? [names[pick(size)]!] : [])];
        const same = closureKey(createDeclarationIndex(before), ids, extraBefore) === closureKey(createDeclarationIndex(after), ids, extraAfter);
        expect(keysBefore(ids) === keysAfter(ids), `round ${round}, ${ids.join(',')}`).toBe(same);
        if (same) equal += 1;
        else different += 1;
      }
    }
    // Both outcomes are exercised.
    expect(equal).toBeGreaterThan(100);
    expect(different).toBeGreaterThan(100);
  });

  it('keys the last file of a long chain without walking it per file, and without overflowing the stack', () => {
    const names = Array.from({ length: 20_000 }, (_, at) => `C${at}`);
    const chain = model(...names.map((name, at) => node(name, at === 0 ? [] : [names[at - 1]!])));
    const edited = model(...names.map((name, at) => node(name, at === 0 ? [] : [names[at - 1]!], at === 0 ? 1 : 0)));
    const before = closureKeys(createDeclarationIndex(chain));
    const after = closureKeys(createDeclarationIndex(edited));
    expect(before(['C19999'])).not.toBe(after(['C19999']));
    expect(before(['C19999'])).toBe(closureKeys(createDeclarationIndex(model(...chain.declarations)))(['C19999']));
  });

  it('fails on an id the model does not hold, as closureKey does', () => {
    const index = createDeclarationIndex(model(node('A', ['Missing'])));
    expect(() => closureKey(index, ['A'])).toThrow(/Missing/);
    expect(() => closureKeys(index)(['A'])).toThrow(/Missing/);
  });
});
