/**
 * Issue 9 A6: types declared in namespaces (nested, dotted, merged with an interface or an enum),
 * referenced as `TermStore.Term`, inside generics (`NullableOption<TermStore.Term>`,
 * `Shapes.Geometry.Page<TermStore.Label>`). They are read, named apart from top-level types of
 * the same name, and generated code imports the namespace and compiles under tsc --strict.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCase, failingMocks, type BuiltCase } from './helpers.js';

let built: BuiltCase;

beforeAll(async () => {
  built = await buildCase('namespaces', {}, { formatted: true });
}, 120_000);

const label = { name: 'a', isDefault: true };
const term = { id: 't', labels: [label], set: { id: 's', kind: 'open' } };
const store = { term, maybe: null, inner: { code: 1 }, plain: { title: 'x' }, list: [label] };
const drawing = {
  main: 'red',
  shade: { color: 'blue', depth: 2 },
  widget: { size: 1 },
  options: { wide: true, kind: 'closed' },
  at: { x: 0, y: 1 },
  pages: { items: [label] },
  points: { items: [{ x: 1, y: 2 }] },
};

describe('types declared in namespaces', () => {
  it('are read, named by their path; a type in a namespace that is not exported is CG2012', () => {
    expect(built.diagnostics.map((d) => `${d.code} ${d.file}:${d.line}:${d.column} ${d.message} ${d.hint}`)).toEqual([
      "CG2012 input/hidden.ts:3:20 Type 'Internal.Secret' is used by generated types but is not exported. Add `export` to Internal.Secret and the namespaces around it: generated code imports it.",
    ]);
    const names = Object.fromEntries(built.model.declarations.map((declaration) => [declaration.name, declaration.qualifiedName ?? null]));
    expect(names).toMatchObject({
      Term: null,
      TermStore_Term: 'TermStore.Term',
      TermStore_Inner_Term: 'TermStore.Inner.Term',
      TermStore_Kind: 'TermStore.Kind',
      Color: null,
      Color_Shade: 'Color.Shade',
      Widget_Options: 'Widget.Options',
      Shapes_Geometry_Point: 'Shapes.Geometry.Point',
      NullableOption_TermStore_Term: null,
      Shapes_Geometry_Page_TermStore_Label: null,
      Graph_Term: 'Graph.Term',
      Graph_Set: 'Graph.Set',
    });
  });

  it('give code that imports the namespace and compiles under tsc --strict', () => {
    expect(built.compileErrors).toBe('');
    const validators = readFileSync(resolve('test/.tmp/type-forms/namespaces/generated/store.validate.ts'), 'utf8');
    expect(validators).toContain('value is TermStore.Term');
    expect(validators).toContain('value is NullableOption<TermStore.Term>');
    expect(validators).toMatch(/import type \{[^}]*\bTermStore\b[^}]*\} from "\.\.\/input\/store\.js"/);
  });

  it('are checked by the validators and the OpenAPI schemas', () => {
    expect(built.validators('Store').accepts(store)).toBe(true);
    expect(built.validators('Store').issues({ ...store, term: { ...term, set: { id: 's', kind: 'ajar' } }, inner: { code: '1' } })).toEqual([
      '/term/set/kind enum',
      '/inner/code type',
    ]);
    expect(built.validators('Store').issues({ ...store, maybe: { id: 1, labels: [] } })).toEqual(['/maybe/id type']);
    expect(built.validators('Drawing').accepts(drawing)).toBe(true);
    expect(built.validators('Drawing').issues({ ...drawing, shade: { color: 'green', depth: 2 }, pages: { items: [{ name: 1, isDefault: true }] } })).toEqual([
      '/shade/color enum',
      '/pages/items/0/name type',
    ]);
    // An ambient file's namespace members are exported without `export` (a .d.ts model such as microsoft-graph-types).
    expect(built.validators('GraphSite').accepts({ term: { id: 'x', set: { name: null } } })).toBe(true);
    expect(built.validators('GraphSite').issues({ term: { id: 'x', set: { name: 1 } } })).toEqual(['/term/set/name type']);
    expect(built.validators('UsesHidden').issues({ secret: { code: 1 } })).toEqual(['/secret/code type']);
    expect(built.schemaAccepts('Store', store)).toBe(true);
    expect(built.schemaAccepts('Store', { ...store, inner: { code: '1' } })).toBe(false);
    expect(built.schemaAccepts('Drawing', drawing)).toBe(true);
    expect(built.schemaAccepts('Drawing', { ...drawing, options: { wide: true, kind: 'ajar' } })).toBe(false);
  });

  it('mock into values that pass the validators and the schemas', () => {
    expect(failingMocks(built, 'Store')).toEqual([]);
    expect(failingMocks(built, 'Drawing')).toEqual([]);
  });
});
