/**
 * Cyclic values of recursive types (tester s7 R4), a failing validation that must leave the
 * caller's instances untouched (R3), and unions where a member needing no conversion takes the
 * value as it is (R7), on the `coerce-cycles` fixture built with `coerce: true`. TypeScript takes
 * a cyclic value of a recursive type (`a.kids = [a]` is a `Nom`): isT, validateT and assertT
 * answer, coercion terminates and keeps the cycles.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { validatorsOf, type TypeValidators } from '../helpers.js';
import { buildCoerceCase, type CoerceCase } from './build.js';

const ISO = '2024-01-01T00:00:00Z';
const SAME_INSTANT = '2024-01-01T00:00:00.000Z';
const DAY = new Date(ISO);

let built: CoerceCase;
let nomH: TypeValidators;
let folder: TypeValidators;
let person: TypeValidators;
let graph: TypeValidators;
let u: TypeValidators;
let mix: TypeValidators;
let forest: TypeValidators;
let doc: TypeValidators;

beforeAll(async () => {
  built = await buildCoerceCase('coerce-cycles', 'cycles');
  expect(built.compileErrors).toBe('');
  [nomH, folder, person, graph, u, mix, forest, doc] = ['NomH', 'Folder', 'Person', 'Graph', 'U', 'Mix', 'Forest', 'Doc'].map((name) =>
    validatorsOf(built.exports, name),
  ) as [TypeValidators, TypeValidators, TypeValidators, TypeValidators, TypeValidators, TypeValidators, TypeValidators, TypeValidators];
}, 240_000);

/** `isT` of the fixture's type `name`. */
const isT = (name: string) => built.exports[`is${name}`] as (value: unknown) => boolean;

interface NomLike {
  when: unknown;
  kids: NomLike[];
}

/** A `Nom` (the fixture's class with a private member) with `when` and, by default, itself as its only kid. */
function nom(when: unknown, kids?: (self: NomLike) => NomLike[]): NomLike {
  const Nom = built.exports['Nom'] as new () => NomLike;
  const made = new Nom();
  made.when = when;
  made.kids = kids ? kids(made) : [made];
  return made;
}

/** A folder `{ name, created, children }` whose only child points back to it as its parent. */
function folderPair(created: unknown = ISO) {
  const root: Record<string, unknown> & { children: unknown[] } = { name: 'root', created, children: [] };
  const kid = { name: 'kid', created, parent: root, children: [] };
  root.children.push(kid);
  return { root, kid };
}

describe('R4: cyclic graphs of class instances', () => {
  it("answers for the tester's Nom whose kids hold itself, and converts it in place", () => {
    expect(nomH.accepts({ n: nom(DAY) })).toBe(true);
    const cyclic = nom(ISO);
    const data = nomH.data({ n: cyclic }) as { n: NomLike };
    expect(data.n).toBe(cyclic);
    expect(cyclic.when).toEqual(DAY);
    expect(cyclic.kids[0]).toBe(cyclic);
  });

  it('still rejects a cyclic graph with a wrong member, at its first path', () => {
    expect(nomH.issues({ n: nom(5) })).toEqual(['/n/when type']);
    const inner = nom(DAY, () => []);
    inner.kids = [inner, nom('yesterday', () => [inner])];
    expect(nomH.issues({ n: inner })).toEqual(['/n/kids/1/when type']);
  });

  it('answers for a node holding itself many times (an ORM back-reference in every row)', () => {
    const manyTimes = nom(ISO, (self) => Array.from({ length: 12 }, () => self));
    expect(nomH.accepts({ n: manyTimes })).toBe(true);
    expect(nomH.issues({ n: nom(5, (self) => Array.from({ length: 12 }, () => self)) })).toEqual(['/n/when type']);
  });
});

describe('R4: cyclic plain objects, Maps and records', () => {
  it('checks a folder whose child points back to it, and copies it with the cycle kept', () => {
    const { root, kid } = folderPair();
    const data = folder.data(root) as { created: unknown; children: Array<{ parent: unknown; created: unknown }> };
    expect(data).not.toBe(root);
    expect(data.created).toEqual(DAY);
    expect(data.children[0]!.created).toEqual(DAY);
    expect(data.children[0]!.parent).toBe(data);
    expect(isT('Folder')(data)).toBe(true);
    // The caller's objects are not touched.
    expect(root.created).toBe(ISO);
    expect(kid.parent).toBe(root);
  });

  it('keeps a self-loop a self-loop; a cyclic plain graph comes back as a copy even with nothing to convert', () => {
    const self: Record<string, unknown> & { children: unknown[] } = { name: 's', created: ISO, children: [] };
    self.children.push(self);
    self['parent'] = self;
    const data = folder.data(self) as Record<string, unknown> & { children: unknown[] };
    expect(data.children[0]).toBe(data);
    expect(data['parent']).toBe(data);
    // Its copy is handed out when the cycle closes, before the rest is known (docs/validate.md, "Cyclic values").
    const { root } = folderPair(DAY);
    const copy = folder.data(root) as { children: Array<{ parent: unknown }> };
    expect(copy).not.toBe(root);
    expect(copy).toEqual(root);
    expect(copy.children[0]!.parent).toBe(copy);
    // An acyclic one with nothing to convert is returned as it is.
    const plain = { name: 'p', created: DAY, children: [{ name: 'k', created: DAY, children: [] }] };
    expect(folder.data(plain)).toBe(plain);
  });

  it('reports a wrong member of a cyclic graph once', () => {
    const { root } = folderPair();
    root.children.push({ name: 1, created: ISO, children: [root] });
    expect(folder.issues(root)).toEqual(['/children/1/name type']);
  });

  it('follows a cycle through two declarations, each way round', () => {
    const owner: Record<string, unknown> = { name: 'p', born: ISO };
    const pet = { name: 'x', owner };
    owner['pet'] = pet;
    const data = person.data(owner) as { born: unknown; pet: { owner: unknown } };
    expect(data.pet.owner).toBe(data);
    expect(data.born).toEqual(DAY);
    const petData = validatorsOf(built.exports, 'Pet').data(pet) as { owner: { pet: unknown; born: unknown } };
    expect(petData.owner.pet).toBe(petData);
    expect(petData.owner.born).toEqual(DAY);
    expect(person.issues({ name: 'p', born: ISO, pet: { name: 2, owner } })).toEqual(['/pet/name type']);
  });

  it('keeps cycles through a Map and a record', () => {
    const node: Record<string, unknown> = { id: 'g', at: ISO, edges: new Map(), byName: {} };
    (node['edges'] as Map<string, unknown>).set('self', node);
    (node['byName'] as Record<string, unknown>)['me'] = node;
    const data = graph.data(node) as { at: unknown; edges: Map<string, unknown>; byName: Record<string, unknown> };
    expect(data.at).toEqual(DAY);
    expect(data.edges.get('self')).toBe(data);
    expect(data.byName['me']).toBe(data);
    expect(isT('Graph')(data)).toBe(true);
    expect(node['at']).toBe(ISO);
  });

  it('takes a cyclic array or object of a recursive union (Json), and rejects one holding a function', () => {
    const list: unknown[] = ['a', 1];
    list.push(list);
    const object: Record<string, unknown> = { n: null };
    object['self'] = object;
    object['list'] = list;
    expect(doc.accepts({ body: list })).toBe(true);
    expect(doc.accepts({ body: object })).toBe(true);
    object['bad'] = () => 1;
    expect(doc.accepts({ body: object })).toBe(false);
  });

  it('checks a deep acyclic value as before, reporting a bad leaf once', () => {
    let chain: Record<string, unknown> = { name: 'leaf', created: 'never', children: [] };
    for (let i = 0; i < 400; i++) chain = { name: `n${i}`, created: ISO, children: [chain] };
    const issues = folder.issues(chain);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(/^(\/children\/0){400}\/created type$/);
  });

  it('converts a deep acyclic value (past the depth where paths start being recorded) as before', () => {
    let chain: Record<string, unknown> = { name: 'leaf', created: ISO, children: [] };
    const input = chain;
    for (let i = 0; i < 300; i++) chain = { name: `n${i}`, created: ISO, children: [chain] };
    let node = folder.data(chain) as { created: unknown; children: unknown[] };
    for (let i = 0; i < 300; i++) {
      expect(node.created).toEqual(DAY);
      node = node.children[0] as typeof node;
    }
    expect(node.created).toEqual(DAY);
    expect(input['created']).toBe(ISO);
  });

  it('recovers after a getter threw in the middle of a check', () => {
    const { root } = folderPair();
    const trap = Object.defineProperty({ name: 't', children: [] }, 'created', {
      enumerable: true,
      get() {
        throw new Error('trap');
      },
    });
    root.children.push(trap);
    expect(() => isT('Folder')(root)).toThrow('trap');
    expect(folder.accepts(folderPair().root)).toBe(true);
    expect(folder.issues({ name: 1, created: ISO, children: [] })).toEqual(['/name type']);
  });

  it('judges @uniqueItems on cyclic items by the trees they unfold to', () => {
    const a = folderPair(DAY).root;
    const b = folderPair(DAY).root;
    const other = folderPair(new Date('2025-01-01T00:00:00Z')).root;
    expect(forest.issues({ trees: [a, b] })).toEqual(['/trees uniqueItems']);
    expect(forest.accepts({ trees: [a, other] })).toBe(true);
  });
});

describe('R4 variants: a recursive generic, instances with #private fields pointing at each other', () => {
  it('keeps the cycle of Link<Date> and converts it', () => {
    const link: Record<string, unknown> = { value: ISO };
    link['next'] = link;
    const data = validatorsOf(built.exports, 'Chain').data({ dates: link }) as { dates: { value: unknown; next: unknown } };
    expect(data.dates.next).toBe(data.dates);
    expect(data.dates.value).toEqual(DAY);
    expect(link['value']).toBe(ISO);
  });

  it('converts two Secrets that are each other’s peer in place, only once the value is valid', () => {
    const Secret = built.exports['Secret'] as new () => { at: unknown; peer?: unknown; reveal(): number };
    const secrets = validatorsOf(built.exports, 'Secrets');
    const make = (at: string) => Object.assign(new Secret(), { at });
    const [a, b] = [make(ISO), make('2024-02-01T00:00:00Z')];
    a.peer = b;
    b.peer = a;
    expect(secrets.issues({ all: [a, b], n: 'x' })).toEqual(['/n type']);
    expect([a.at, b.at]).toEqual([ISO, '2024-02-01T00:00:00Z']);
    const data = secrets.data({ all: [a, b], n: 1 }) as { all: unknown[] };
    expect(data.all[0]).toBe(a);
    expect(a.at).toEqual(DAY);
    expect(b.at).toEqual(new Date('2024-02-01T00:00:00Z'));
    expect([a.peer, b.peer, a.reveal()]).toEqual([b, a, 1]);
    // Two such pairs at one instant unfold to the same tree: duplicates.
    const [c, d] = [make(ISO), make(SAME_INSTANT)];
    c.peer = d;
    d.peer = c;
    expect(secrets.issues({ all: [c, d], n: 1 })).toEqual(['/all uniqueItems']);
  });
});

describe('R3: a failing validation leaves the caller’s instances untouched', () => {
  /** A `Stamp` (the fixture's class) holding `at`. */
  const stamp = (at: unknown) => Object.assign(new (built.exports['Stamp'] as new () => object)(), { at }) as { at: unknown };

  it('does not convert an instance when a later property fails', () => {
    const s = stamp(ISO);
    expect(u.issues({ stamps: [s], n: 'x' })).toEqual(['/n type']);
    expect(s.at).toBe(ISO);
  });

  it('does not convert duplicates it rejects, judged after conversion', () => {
    const first = stamp(ISO);
    const second = stamp(SAME_INSTANT);
    expect(u.issues({ stamps: [first, second], n: 1 })).toEqual(['/stamps uniqueItems']);
    expect(first.at).toBe(ISO);
    expect(second.at).toBe(SAME_INSTANT);
  });

  it('isT converts nothing; a valid value has its instances converted in place', () => {
    const s = stamp(ISO);
    expect(isT('U')({ stamps: [s], n: 1 })).toBe(true);
    expect(s.at).toBe(ISO);
    const data = u.data({ stamps: [s, stamp('2024-02-01T00:00:00Z')], n: 1 }) as { stamps: Array<{ at: unknown }> };
    expect(data.stamps[0]).toBe(s);
    expect(s.at).toEqual(DAY);
  });
});

describe('R7: a member needing no conversion takes the value as it is', () => {
  it('keeps date-time texts in (Date | string)[] as strings: two texts of one instant are two strings', () => {
    expect(mix.accepts({ mix: [ISO, SAME_INSTANT] })).toBe(true);
    const data = mix.data({ mix: [ISO, '2024-02-01T00:00:00Z'], one: ISO }) as { mix: unknown[]; one: unknown };
    expect(data.mix).toEqual([ISO, '2024-02-01T00:00:00Z']);
    expect(data.one).toBe(ISO);
    // A Date stays a Date, and an equal Date twice is still a duplicate.
    expect(mix.issues({ mix: [DAY, new Date(ISO)] })).toEqual(['/mix uniqueItems']);
    expect(mix.accepts({ mix: [DAY, ISO] })).toBe(true);
  });

  it('keeps decimal texts in bigint | string as strings', () => {
    const data = mix.data({ big: '5', bigs: ['5', 5n] }) as { big: unknown; bigs: unknown[] };
    expect(data.big).toBe('5');
    expect(data.bigs).toEqual(['5', 5n]);
    expect(mix.issues({ bigs: [5n, 5n] })).toEqual(['/bigs uniqueItems']);
  });
});
