/**
 * readsName: whether generated code reads a variable, so generators declare `r`, `depth`, `entry`
 * and `key` only where they are used (noUnusedParameters / noUnusedLocals, tester s11 T7).
 */
import { describe, expect, it } from 'vitest';
import { readsName } from '../../../src/generators/kit/reads-name.js';

describe('readsName', () => {
  it.each([
    ['randomTree(r, depth + 1)', 'depth'],
    ['depth < MAX_DEPTH ? 3 : 0', 'depth'],
    ['{ depth: r.int(0, 9) }', 'r'],
    ['{ depth }', 'depth'],
    ['[depth, "x"]', 'depth'],
    ['`${depth}`', 'depth'],
    ['f(() => r.pick(A))', 'r'],
  ])('%s reads %s', (code, name) => expect(readsName(code, name, 'expression')).toBe(true));

  it.each([
    ['{ depth: 0 as const }', 'depth'],
    ['{ r: "fixed" as const }', 'r'],
    ['"depth" as const', 'depth'],
    ["oneOf(x, [() => 'r' as const])", 'r'],
    ['value.depth', 'depth'],
    ['/depth-[0-9]/u.test(s)', 'depth'],
    ['{ "depth": 1, depths: 2, $depth: 3, depth_: 4 }', 'depth'],
    ['x /* depth */ + 1', 'depth'],
  ])('%s does not read %s', (code, name) => expect(readsName(code, name, 'expression')).toBe(false));

  it('reads statements: a local read, not a key or a string', () => {
    expect(readsName('if (!isFoo(entry)) return false;', 'entry')).toBe(true);
    expect(readsName('if (value.entry !== "entry") return false;', 'entry')).toBe(false);
    expect(readsName('issues.push({ entry: 1, key: "key" });', 'key')).toBe(false);
    expect(readsName('issues.push({ path: `/${key}` });', 'key')).toBe(true);
  });
});
