/**
 * A Map or Set with properties of its own: `interface Reg extends Map<string, number> { label:
 * string }` (an interface extending a collection with members) and `Map<string, Entry> & { tag:
 * string }`. Their mocks were a CG5001 warning and threw on every seed; they are now real Maps
 * (Sets) of mocked entries with the members' mocked properties assigned, which TypeScript takes
 * for the type (the mock file compiles under tsc --strict) and the validators accept. A member
 * named as a Map member (`size`) would break the collection: that one stays a located warning.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyzer/index.js';
import { mockGenerator } from '../../../src/generators/mock/index.js';
import type { Model } from '../../../src/model/types.js';
import { typecheck } from '../../helpers/typecheck.js';
import { makeProject, removeProject } from '../../helpers/workspace.js';
import { CONTEXT, materialize, type GeneratedFunction } from './helpers.js';

const SOURCE = `export interface Entry {
  id: string;
  at: Date;
}

export interface Reg extends Map<string, number> {
  label: string;
}

export interface Tags extends Set<'a' | 'b'> {
  owner: string;
  note?: string;
}

export interface Described extends Map<string, Date> {
  label: string;
  describe(): string;
}

/** A Map method redeclared: the Map's own, which works on the mock (a stub would throw). */
export interface Getter extends Map<string, number> {
  get(key: string): number | undefined;
  label: string;
}

export interface Tree extends Map<string, Tree> {
  label: string;
}

export type Tagged = Map<string, Entry> & { tag: string };
export type Both = { at: Date } & Set<bigint> & { n: number };

export interface Holder {
  reg: Reg;
  tags: Tags;
  described: Described;
  list: Tagged[];
  both: Both;
  getter: Getter;
  tree: Tree;
  maybe?: Reg;
}

export interface Sized extends Map<string, number> {
  /** A Map's own accessor, redeclared: assigning it would throw. */
  size: number;
  label: string;
}
`;

let root: string;
let model: Model;
let folder: string;
let exports: Record<string, GeneratedFunction>;

describe('mocks of a Map or Set with properties of its own', () => {
  beforeAll(async () => {
    root = makeProject('mock-tagged-collections', { 'input/types.ts': SOURCE });
    model = analyze({ rootDir: root, files: [join(root, 'input/types.ts')], defaultGenerators: ['mock', 'validate'], knownGenerators: ['mock', 'validate'], displayRoot: root }).model;
    folder = await materialize({ name: 'tagged-collections', model, copy: ['input'], root, context: CONTEXT }, join(root, 'out'), undefined, false);
    const generated = (file: string) => pathToFileURL(join(folder, 'generated', file)).href;
    exports = { ...(await import(generated('types.mock.ts'))), ...(await import(generated('types.validate.ts'))) } as Record<string, GeneratedFunction>;
  }, 120_000);
  afterAll(() => removeProject(root));

  it('warns only where a member would shadow a Map member', () => {
    const diagnostics = mockGenerator.check!(model, { split: 'file', seed: 42, maxDepth: 3 }, CONTEXT);
    expect(diagnostics.map(({ code, severity, message }) => ({ code, severity, subject: /cannot build (\S+):/.exec(message)?.[1] }))).toEqual([
      { code: 'CG5001', severity: 'warning', subject: 'Sized' },
    ]);
  });

  it('compiles under tsc --strict', async () => {
    expect(await typecheck(folder)).toBe('');
  }, 120_000);

  it('gives Maps and Sets with entries and their own properties that pass isT, on 100 seeds', () => {
    let entries = 0;
    for (let seed = 0; seed < 100; seed++) {
      const value = exports['mockHolder']!({}, { seed }) as Record<string, Map<unknown, unknown> & Set<unknown> & Record<string, unknown>>;
      expect(exports['validateHolder']!(value), `seed ${seed}`).toMatchObject({ success: true });
      const { reg, tags, described, both } = value;
      expect(reg).toBeInstanceOf(Map);
      expect(typeof reg!['label']).toBe('string');
      expect(tags).toBeInstanceOf(Set);
      expect(typeof tags!['owner']).toBe('string');
      expect(described).toBeInstanceOf(Map);
      expect(() => (described!['describe'] as () => string)()).toThrow(/Described\.describe/);
      expect(both).toBeInstanceOf(Set);
      expect(both!['at']).toBeInstanceOf(Date);
      for (const tagged of value['list'] as unknown as Array<Map<string, unknown> & { tag: unknown }>) {
        expect(tagged).toBeInstanceOf(Map);
        expect(typeof tagged.tag).toBe('string');
      }
      entries += reg!.size + tags!.size + both!.size;
    }
    expect(entries).toBeGreaterThan(300);
  });

  it("keeps a redeclared Map method the Map's own, and recursive ones end", () => {
    for (let seed = 0; seed < 20; seed++) {
      const { getter, tree } = exports['mockHolder']!({}, { seed }) as { getter: Map<string, number>; tree: Map<string, unknown> & { label: string } };
      const [key, entry] = [...getter][0]!;
      expect(getter.get(key)).toBe(entry);
      expect(tree).toBeInstanceOf(Map);
      expect(typeof tree.label).toBe('string');
    }
  });

  it('merges overrides into the collection, which keeps its entries', () => {
    const plain = exports['mockHolder']!({}, { seed: 2 }) as { reg: Map<string, number> };
    const value = exports['mockHolder']!({ reg: { label: 'given' }, tags: { owner: 'me' } }, { seed: 2 }) as { reg: Map<string, number> & { label: string }; tags: Set<string> & { owner: string } };
    expect(value.reg).toBeInstanceOf(Map);
    expect(value.reg.label).toBe('given');
    expect([...value.reg]).toEqual([...plain.reg]);
    expect(value.tags).toBeInstanceOf(Set);
    expect(value.tags.owner).toBe('me');
    expect(exports['isHolder']!(value)).toBe(true);
  });

  it('is checked by the validators: a Reg without its label, or with an entry of the wrong type, is rejected', () => {
    const holder = exports['mockHolder']!({}, { seed: 1 }) as Record<string, unknown>;
    expect(exports['isHolder']!({ ...holder, reg: new Map([['a', 1]]) })).toBe(false);
    expect(exports['isHolder']!({ ...holder, reg: Object.assign(new Map([['a', 'x']]), { label: 'l' }) })).toBe(false);
    expect(exports['isHolder']!({ ...holder, reg: Object.assign(new Map([['a', 1]]), { label: 'l' }) })).toBe(true);
  });

  it('throws for Sized, naming it', () => {
    expect(() => exports['mockSized']!()).toThrow(/No mock can be built for Sized/);
  });
});
