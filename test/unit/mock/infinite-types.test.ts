/**
 * Types with no finite value are reported when the code is generated (CG5001, located at the
 * part that cannot be left out), as docs/mock.md promises for unsatisfiable mocks; recursive
 * types that can end (optional, nullable, array, union, record, optional tuple element) are not,
 * and their mocks run and pass their validators.
 */
import { join, resolve } from 'node:path';
import { globSync } from 'tinyglobby';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyzer/index.js';
import { mockGenerator } from '../../../src/generators/mock/index.js';
import { CONTEXT, loadExports, materialize, validatorsOf, type MockSource } from './helpers.js';
import { finiteDeclarations } from '../../../src/generators/mock/compile/finite-values.js';
import { createDeclarationIndex } from '../../../src/generators/kit/declaration-index.js';
import { declaration, model, object, property, ref } from '../kit/model-builders.js';

const FIXTURES = resolve('test/fixtures/mock-extreme');
const TMP = resolve('test/.tmp/mock-infinite');

function source(name: string): MockSource {
  const root = join(FIXTURES, name);
  const files = globSync('input/*.ts', { cwd: root, absolute: true });
  const { model, diagnostics } = analyze({
    rootDir: root,
    files,
    defaultGenerators: ['mock', 'validate'],
    knownGenerators: ['mock', 'validate'],
    displayRoot: root,
  });
  expect(diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
  return { name, model, copy: ['input'], root, context: CONTEXT };
}

function check(project: MockSource): string[] {
  return mockGenerator
    .check!(project.model, { split: 'file', seed: 42, maxDepth: 3 }, project.context)
    .map((diagnostic) => `${diagnostic.file}:${diagnostic.line}:${diagnostic.column} ${diagnostic.code} ${diagnostic.message}`);
}

describe('types with no finite value', () => {
  it('are reported at generate time, each at the part it cannot leave out', () => {
    expect(check(source('infinite'))).toEqual([
      'input/types.ts:4:3 CG5001 mock cannot build Loop: it has no finite value, since Loop.self[0] always holds a Loop (which holds another, without end).',
      'input/types.ts:8:3 CG5001 mock cannot build Node2: it has no finite value, since Node2.next always holds a Node2 (which holds another, without end).',
      'input/types.ts:12:3 CG5001 mock cannot build PingA: it has no finite value, since PingA.b always holds a PingB (which has none either).',
      'input/types.ts:16:3 CG5001 mock cannot build PingB: it has no finite value, since PingB.a always holds a PingA (which has none either).',
      'input/types.ts:23:29 CG5001 mock cannot build Meet: it has no finite value, since Meet.again always holds a Meet (which holds another, without end).',
      'input/types.ts:27:3 CG5001 mock cannot build Chain: it has no finite value, since Chain.links[] always holds a Chain (which holds another, without end).',
      'input/types.ts:31:3 CG5001 mock cannot build Either: it has no finite value, since Either.next always holds a Either (which holds another, without end).',
      'input/types.ts:36:3 CG5001 mock cannot build Holder: it has no finite value, since Holder.loop always holds a Loop (which has none either).',
    ]);
  });
});

describe('recursive types that can end', () => {
  let exports: Awaited<ReturnType<typeof loadExports>>;
  const project = (): MockSource => source('finite');

  beforeAll(async () => {
    exports = await loadExports(await materialize(project(), TMP, undefined, false), 1);
  }, 60_000);

  it('are not reported', () => {
    expect(check(project())).toEqual([]);
  });

  it.each(['ThroughOptional', 'ThroughNull', 'ThroughArray', 'ThroughUnion', 'ThroughOptionalElement', 'AllMembersRecurse', 'ThroughRecord', 'MutualA', 'MutualB'])(
    '%s: mocks of 200 seeds end and pass the validator',
    (type) => {
      const validators = validatorsOf(exports, type);
      const mock = exports[`mock${type}`]!;
      for (let seed = 0; seed < 200; seed++) {
        const value = mock({}, { seed });
        expect(validators.issues(value), `seed ${seed}`).toEqual([]);
      }
    },
  );
});

describe('the finite declarations of a large model', () => {
  it('are the least fixed point, in any order of declaration: a chain declared back to front, a cycle broken by an optional link', () => {
    // Chain0 requires Chain1 … requires Chain199, which holds nothing: all finite, found in one pass
    // over a list that names Chain0 first (rounds over the list would need 200 of them).
    const chain = Array.from({ length: 200 }, (_, n) =>
      declaration(`Chain${n}`, n === 199 ? object() : object(property('next', ref(`Chain${n + 1}`)))),
    );
    // Loop0 → Loop1 → Loop2 → Loop0, all required: none finite; Ring0 → Ring1 → Ring0 with one optional link: both finite.
    const loops = [0, 1, 2].map((n) => declaration(`Loop${n}`, object(property('next', ref(`Loop${(n + 1) % 3}`)))));
    const rings = [
      declaration('Ring0', object(property('next', ref('Ring1')))),
      declaration('Ring1', object(property('back', ref('Ring0'), { optional: true }))),
    ];
    // A union is finite when one member is; an intersection when every member is.
    const either = declaration('Either', { kind: 'union', members: [ref('Loop0'), ref('Chain0')] });
    const both = declaration('Both', { kind: 'intersection', members: [ref('Loop0'), ref('Chain0')] });
    const finite = finiteDeclarations(createDeclarationIndex(model(...chain, ...loops, ...rings, either, both)));
    expect(chain.every((each) => finite.has(each.id))).toBe(true);
    expect(['Ring0', 'Ring1', 'Either'].every((id) => finite.has(id))).toBe(true);
    expect(['Loop0', 'Loop1', 'Loop2', 'Both'].filter((id) => finite.has(id))).toEqual([]);
  });
});
