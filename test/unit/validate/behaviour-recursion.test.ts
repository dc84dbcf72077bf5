/** Recursive types, mutual recursion across files and generic instantiations: the `recursion` fixture run. */
import { beforeAll, describe, expect, it } from 'vitest';
import { importGenerated, materializeFixture, validatorsOf, type TypeValidators } from './helpers.js';

let tree: TypeValidators;
let category: TypeValidators;
let catalog: TypeValidators;
let pageOfOrders: TypeValidators;
let author: TypeValidators;
let validateTreeNode: (value: unknown) => { success: boolean };

beforeAll(async () => {
  const folder = await materializeFixture('recursion');
  const treeModule = await importGenerated<Record<string, unknown>>(folder, 'tree.validate.ts');
  tree = validatorsOf(treeModule, 'TreeNode');
  validateTreeNode = treeModule.validateTreeNode as typeof validateTreeNode;
  category = validatorsOf(treeModule, 'Category');
  catalog = validatorsOf(treeModule, 'Catalog');
  pageOfOrders = validatorsOf(treeModule, 'Page_Order');
  author = validatorsOf(await importGenerated<Record<string, unknown>>(folder, 'people.validate.ts'), 'Author');
});

describe('recursion', () => {
  it('walks a tree to any depth', () => {
    const leaf = { value: 3, children: [] };
    expect(tree.accepts({ value: 1, children: [{ value: 2, children: [leaf, leaf] }] })).toBe(true);
    expect(tree.issues({ value: 1, children: [{ value: 2, children: [{ value: 'x', children: [] }, {}] }] })).toEqual([
      '/children/0/children/0/value type',
      '/children/0/children/1/value required',
      '/children/0/children/1/children required',
    ]);
  });

  it('walks an invalid tree once: a deep bad node costs what a shallow one does', () => {
    const readsOfBadLeaf = (depth: number): number => {
      let reads = 0;
      const leaf = {
        get value() {
          reads++;
          return 'not a number';
        },
        children: [],
      };
      let node: unknown = leaf;
      for (let i = 0; i < depth; i++) node = { value: i, children: [{ value: i, children: [] }, node] };
      expect(validateTreeNode(node).success).toBe(false);
      return reads;
    };
    // Were a failing child checked before being collected, every ancestor would read it again.
    expect(readsOfBadLeaf(8)).toBe(readsOfBadLeaf(1));
  });

  it('handles optional nullable self references', () => {
    expect(category.accepts({ name: 'a', parent: { name: 'b', parent: null } })).toBe(true);
    expect(category.issues({ name: 'a', parent: { name: 'b', parent: { parent: 1 } } })).toEqual([
      '/parent/parent/name required',
      '/parent/parent/parent type',
    ]);
  });

  it('follows mutual recursion across files', () => {
    const value = { name: 'Ann', books: [{ title: 'T', author: { name: 'Ann', books: [] } }] };
    expect(author.accepts(value)).toBe(true);
    expect(author.issues({ name: 'Ann', books: [{ title: 'T', author: { books: [{}] } }] })).toEqual([
      '/books/0/author/name required',
      '/books/0/author/books/0/title required',
    ]);
  });
});

describe('generic instantiations', () => {
  it('checks Page<Order> with its type argument', () => {
    expect(pageOfOrders.accepts({ items: [{ id: 'a' }], total: 1 })).toBe(true);
    expect(catalog.issues({ orders: { items: [{ id: 1 }], total: '1' } })).toEqual(['/orders/items/0/id type', '/orders/total type']);
  });
});
