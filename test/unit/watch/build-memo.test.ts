/**
 * The workspace's render memo: an output whose template data is what it was is not rendered
 * again; any difference JSON can see (and a key set to `undefined` against a missing key) is;
 * data JSON cannot say exactly is never reused.
 */
import { describe, expect, it } from 'vitest';
import type { PlannedFile } from '../../../src/generators/kit/contract.js';
import { createBuildMemo } from '../../../src/pipeline/workspace-memo.js';
import type { Renderer } from '../../../src/render/index.js';

/** A renderer that counts its calls and prints the data. */
function countingRenderer(): Renderer & { calls: number } {
  const renderer = {
    calls: 0,
    render(_generator: string, file: PlannedFile) {
      renderer.calls += 1;
      return `${file.path}: ${String(JSON.stringify(file.data))}`;
    },
  };
  return renderer;
}

const file = (data: Record<string, unknown>): PlannedFile => ({ path: 'user.validate.ts', template: 'file.hbs', source: 'src/user.ts', data });

/** Renders `first` then `second` through one memo; how many times the real renderer ran. */
function renders(first: Record<string, unknown>, second: Record<string, unknown>): number {
  const memo = createBuildMemo();
  const inner = countingRenderer();
  const renderer = memo.renderer(inner);
  renderer.render('validate', file(first));
  memo.startBuild();
  renderer.render('validate', file(second));
  return inner.calls;
}

describe('the render memo', () => {
  it('reuses the text of equal data, even when it is a new object', () => {
    expect(renders({ declarations: [{ id: 'User', checks: ['a', 1, true, null] }] }, { declarations: [{ id: 'User', checks: ['a', 1, true, null] }] })).toBe(1);
  });

  it('renders again when anything in the data changed', () => {
    expect(renders({ declarations: [{ id: 'User', min: 1 }] }, { declarations: [{ id: 'User', min: 2 }] })).toBe(2);
  });

  it('tells a key set to undefined from a missing key, and reuses equal data holding undefined', () => {
    expect(renders({ a: 1, b: undefined }, { a: 1 })).toBe(2);
    expect(renders({ a: 1, b: undefined }, { a: 1, b: undefined })).toBe(1);
    expect(renders({ list: [undefined] }, { list: [null] })).toBe(2);
  });

  it('never reuses data JSON cannot say exactly (a function, a Map, a class instance)', () => {
    const helper = () => 'x';
    expect(renders({ helper }, { helper })).toBe(2);
    const map = new Map([[1, 2]]);
    expect(renders({ map }, { map })).toBe(2);
    const date = new Date(0);
    expect(renders({ date }, { date })).toBe(2);
  });
});
