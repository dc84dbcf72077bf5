/**
 * The analyzer's last line against a stack overflow (src/analyzer/types/stack-overflow.ts): a
 * reading that runs out of stack is a CG5003 located at the property it was reading, with a
 * hint, and the property is checked as unknown; the analysis goes on. The overflows here are
 * real (unbounded recursion), since no input known to the tests overflows any more.
 */
import { Project } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { AnalyzerContext } from '../../../src/analyzer/context.js';
import { DeclarationTable } from '../../../src/analyzer/declaration-table.js';
import { isStackOverflow, overflowLocated } from '../../../src/analyzer/types/stack-overflow.js';
import type { Site } from '../../../src/analyzer/types/site.js';
import type { TypeNode } from '../../../src/model/types.js';

function setup(): { ctx: AnalyzerContext; site: Site; other: Site } {
  const project = new Project({ useInMemoryFileSystem: true });
  const file = project.createSourceFile('/root/row.ts', 'export interface Row {\n  flag: Not<boolean>;\n  name: string;\n}\n');
  const row = file.getInterfaceOrThrow('Row');
  const flag = row.getPropertyOrThrow('flag');
  const ctx = new AnalyzerContext({ rootDir: '/root', displayRoot: '/root', defaultGenerators: ['validate'], knownGenerators: ['validate'] }, new DeclarationTable());
  return {
    ctx,
    site: { path: 'Row.flag', at: flag, node: flag.getTypeNodeOrThrow() },
    other: { path: 'Row.name', at: row.getPropertyOrThrow('name') },
  };
}

/** Calls itself until the stack is full. */
function endless(depth: number): TypeNode {
  return depth < 0 ? { kind: 'unknown' } : endless(depth + 1);
}

describe('a reading that overflows the stack', () => {
  it('is a CG5003 at the property, with a hint, and the property is unknown', () => {
    const { ctx, site } = setup();
    const type = overflowLocated(site, ctx, () => endless(0));
    expect(type).toEqual({ kind: 'unknown', unsupported: { form: 'other', text: 'Not<boolean>' } });
    expect(ctx.diagnostics).toHaveLength(1);
    const [reported] = ctx.diagnostics;
    expect(reported).toMatchObject({ code: 'CG5003', severity: 'error', file: 'row.ts', line: 2, column: 3 });
    expect(reported!.message).toContain("ran out of stack reading Row.flag ('Not<boolean>')");
    expect(reported!.hint).toMatch(/name its inner parts.*report it/);
  });

  it('is caught by the outermost reading at the property, once, when readings at it nest', () => {
    const { ctx, site } = setup();
    let calls = 0;
    const nested = (): TypeNode => {
      calls += 1;
      return overflowLocated(site, ctx, nested);
    };
    expect(overflowLocated(site, ctx, nested).kind).toBe('unknown');
    expect(calls).toBeGreaterThan(100);
    expect(ctx.diagnostics.map((d) => d.code)).toEqual(['CG5003']);
  });

  it("is left by readings further in (an inline object's properties) to the declaration's property", () => {
    const { ctx, site } = setup();
    const declaration: Site = { path: 'Row', at: site.at.getParentOrThrow() };
    const inner = site.node!;
    let depth = 0;
    // Each level reads at a node of its own, as nested inline objects' properties do.
    const deeper = (): TypeNode => {
      depth += 1;
      return overflowLocated({ path: `Row.flag${'.a'.repeat(depth)}`, at: depth % 2 ? inner : site.at }, ctx, deeper);
    };
    expect(overflowLocated(declaration, ctx, () => overflowLocated(site, ctx, deeper))).toEqual({ kind: 'unknown', unsupported: { form: 'other', text: 'Not<boolean>' } });
    expect(depth).toBeGreaterThan(100);
    expect(ctx.diagnostics).toHaveLength(1);
    expect(ctx.diagnostics[0]).toMatchObject({ code: 'CG5003', line: 2, column: 3 });
    expect(ctx.diagnostics[0]!.message).toContain('reading Row.flag (');
  });

  it('leaves the next property to be read as usual, and other errors to the caller', () => {
    const { ctx, site, other } = setup();
    overflowLocated(site, ctx, () => endless(0));
    expect(overflowLocated(other, ctx, () => ({ kind: 'string' }))).toEqual({ kind: 'string' });
    expect(() => overflowLocated(other, ctx, () => { throw new RangeError('Invalid array length'); })).toThrow('Invalid array length');
    expect(ctx.diagnostics).toHaveLength(1);
  });

  it('tells a full stack from other range errors', () => {
    let overflow: unknown;
    try {
      endless(0);
    } catch (error) {
      overflow = error;
    }
    expect(isStackOverflow(overflow)).toBe(true);
    expect(isStackOverflow(new RangeError('Invalid array length'))).toBe(false);
    expect(isStackOverflow(new Error('Maximum call stack size exceeded'))).toBe(false);
  });
});
