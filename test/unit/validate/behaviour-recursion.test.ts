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

describe('cyclic values (tester s7 R4): valid on the path that comes back, as TypeScript takes them', () => {
  it('accepts a tree holding itself and a category that is its own parent, and still finds what is wrong', () => {
    const node: { value: unknown; children: unknown[] } = { value: 1, children: [] };
    node.children.push(node, { value: 2, children: [node] });
    expect(tree.accepts(node)).toBe(true);
    node.value = 'x';
    expect(tree.issues(node)).toEqual(['/value type']);
    const looped: Record<string, unknown> = { name: 'a' };
    looped['parent'] = looped;
    expect(category.accepts(looped)).toBe(true);
    expect(category.issues({ name: 'b', parent: { parent: looped } })).toEqual(['/parent/name required']);
  });

  it('follows a cycle through declarations of two files', () => {
    const ann: Record<string, unknown> = { name: 'Ann' };
    ann['books'] = [{ title: 'T', author: ann }, { title: 'U', author: ann }];
    expect(author.accepts(ann)).toBe(true);
    ann['books'] = [{ title: 'T', author: ann }, { title: 7, author: ann }];
    expect(author.issues(ann)).toEqual(['/books/1/title type']);
  });
});

describe('generic instantiations', () => {
  it('checks Page<Order> with its type argument', () => {
    expect(pageOfOrders.accepts({ items: [{ id: 'a' }], total: 1 })).toBe(true);
    expect(catalog.issues({ orders: { items: [{ id: 1 }], total: '1' } })).toEqual(['/orders/items/0/id type', '/orders/total type']);
  });
});
