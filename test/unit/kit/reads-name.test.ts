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
    ['r?.int(0, 1)', 'r'],
    ['typeof depth === "number"', 'depth'],
    ['x ? depth - 1 : depth * 2', 'depth'],
    ['(a as Wide<typeof r>).b', 'r'],
    ['/a/.test(s) ? r.int(0, 1) : 0', 'r'],
    ['`a${b}` + r.int(0, 1)', 'r'],
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
    // The scanner's shortcut (a read shown by the tokens) must not take these for reads.
    ['value.r.int(0, 1)', 'r'],
    ['value?.depth + 1', 'depth'],
    ['/r.int/.test(s) && x', 'r'],
    ['a / 2 > 1 ? /depth + 1/.test(s) : 0', 'depth'],
    ['`r.int ${x} depth + 1`', 'r'],
    ['`r.int ${x} depth + 1`', 'depth'],
    ["'r.int' + \"depth === 1\"", 'r'],
    ['{ r: 1, depth: 2 } as const', 'depth'],
    ['((r: Rng) => 1)(x)', 'r'],
  ])('%s does not read %s', (code, name) => expect(readsName(code, name, 'expression')).toBe(false));

  it('reads statements: a local read, not a key or a string', () => {
    expect(readsName('if (!isFoo(entry)) return false;', 'entry')).toBe(true);
    expect(readsName('if (value.entry !== "entry") return false;', 'entry')).toBe(false);
    expect(readsName('issues.push({ entry: 1, key: "key" });', 'key')).toBe(false);
    expect(readsName('issues.push({ path: `/${key}` });', 'key')).toBe(true);
    expect(readsName('for (const key in value) issues.push(1);', 'key')).toBe(false);
    expect(readsName('for (const key in value) if (key.length > 2) return false;', 'key')).toBe(true);
    expect(readsName('// item.length\nreturn true;', 'item')).toBe(false);
    expect(readsName('const item = value[0];\nreturn true;', 'item')).toBe(false);
  });
});
