/**
 * Which exported type names a mocked declaration whose printed text would drop a brand (a local
 * brand helper's instantiation, an unexported type holding one): the shortest indexed access from
 * an exported type, as the user would write it. What no type names alone (one of two string brands
 * in a union, a Set's items) is left out, and keeps its printed text. The project test
 * (local-brands-project.test.ts) compiles such mocks beside a usage file.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyzer/index.js';
import { createDeclarationIndex } from '../../../src/generators/kit/declaration-index.js';
import { createPlanMemo } from '../../../src/generators/kit/plan-memo.js';
import { accessText, brandAccesses } from '../../../src/generators/mock/compile/brand-access.js';
import { buildMockPlan, mockedDeclarations } from '../../../src/generators/mock/view-model.js';
import { makeProject, removeProject, writeFile } from '../../helpers/workspace.js';
import { CONTEXT } from './helpers.js';

const SOURCE = `type Brand<T, B extends string> = T & { readonly __brand: B };
type Holder = { code: Brand<string, 'InHolder'> };
export type Id = Brand<string, 'Id'>;

export interface Shelf {
  code: Brand<string, 'Code'>;
  ids: readonly Brand<string, 'Item'>[];
  byName: Record<string, Brand<number, 'Score'>>;
  maybe?: Brand<string, 'Maybe'> | null;
  holder: Holder;
  pair: [Brand<string, 'First'>, string];
  either: Brand<string, 'A'> | Brand<string, 'B'>;
  mixed: Brand<string, 'S'> | Brand<number, 'M'> | 5 | null;
  set: Set<Brand<string, 'InSet'>>;
  id: Id;
}
`;

// The shortest access to a.ts's brand runs through b.ts, whose edit must plan a.mock.ts again.
const A = `type Brand<T, B extends string> = T & { readonly __brand: B };
export interface A { deep: { x: { code: Brand<string, 'C'> } } }
`;
const B = (key: string) => `import type { A } from './a.js';
export interface B { ${key}: A['deep']['x']['code'] }
`;

const root = makeProject('mock-brand-access', { 'input/shelf.ts': SOURCE, 'input/a.ts': A, 'input/b.ts': B('c') });
afterAll(() => removeProject(root));

const analyzeFiles = (...files: string[]) =>
  analyze({ rootDir: root, files: files.map((file) => join(root, 'input', file)), defaultGenerators: ['mock'], knownGenerators: ['mock'], displayRoot: root }).model;

describe('brandAccesses', () => {
  it('names each declaration that drops a brand through the exported type reaching it', () => {
    const model = analyzeFiles('shelf.ts');
    const index = createDeclarationIndex(model);
    const accesses = brandAccesses(mockedDeclarations(model, index), index);
    const texts = Object.fromEntries([...accesses].map(([id, access]) => [id, accessText(access, index)]));
    expect(texts).toEqual({
      Brand_string_Code: 'Shelf["code"]',
      Brand_string_Item: 'Shelf["ids"][number]',
      Brand_number_Score: 'Shelf["byName"][string]',
      // Optional and nullable: one NonNullable takes both away.
      Brand_string_Maybe: 'NonNullable<Shelf["maybe"]>',
      Holder: 'Shelf["holder"]',
      Brand_string_InHolder: 'Shelf["holder"]["code"]',
      Brand_string_First: 'Shelf["pair"][0]',
      // The union's only member a string is assignable to; the number brand shares `number` with 5.
      Brand_string_S: 'Extract<Shelf["mixed"], string>',
    });
    // Mocked, but reached only as one of two union members of one primitive or as a Set's items: no access.
    for (const id of ['Brand_string_A', 'Brand_string_B', 'Brand_number_M', 'Brand_string_InSet']) expect(index.find(id), id).toBeDefined();
    // An exported alias of the helper prints by name: nothing to find for it.
    expect(accesses.has('Id')).toBe(false);
  });

  it("plans a file again in watch mode when another file's edit changes the type naming its declaration", () => {
    const options = { split: 'file' as const, seed: 1, maxDepth: 3 };
    const memo = createPlanMemo();
    const context = { ...CONTEXT, memo };
    const code = (plan: ReturnType<typeof buildMockPlan>) => plan.files.find((file) => file.path === 'a.mock.ts')!.view.declarations.find((view) => view.name === 'Brand_string_C')!.typeText;
    expect(code(buildMockPlan(analyzeFiles('a.ts', 'b.ts'), options, context))).toBe('B["c"]');
    writeFile(root, 'input/b.ts', B('renamed'));
    memo.startBuild();
    const edited = buildMockPlan(analyzeFiles('a.ts', 'b.ts'), options, context);
    expect(code(edited)).toBe('B["renamed"]');
    expect(JSON.stringify(edited)).toBe(JSON.stringify(buildMockPlan(analyzeFiles('a.ts', 'b.ts'), options, { ...CONTEXT })));
  });
});
