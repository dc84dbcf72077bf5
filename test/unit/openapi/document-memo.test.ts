/**
 * A watch workspace builds the OpenAPI document again with the component schemas of the last
 * build wherever what they read did not change (schema-memo.ts), and writes its JSON from each
 * schema's text (serialise.ts). Whatever came before, the document is the one a fresh build makes,
 * and its text is `JSON.stringify(document, null, 2)`.
 */
import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../../src/generators/openapi/document.js';
import { withDefaults } from '../../../src/generators/openapi/options.js';
import { serialise, serialiseJson } from '../../../src/generators/openapi/serialise.js';
import { createPlanMemo } from '../../../src/generators/kit/plan-memo.js';
import type { Model } from '../../../src/model/types.js';
import { analyzeSources, fixtureModel, fixtureNames, fixtureOptions } from './helpers.js';

const SOURCES = (alias: string, member: string, extra = '', { dog = 'dog', age = 'number' } = {}) => ({
  'shared.ts': `/** ${alias} */\nexport type Code = string;\n\nexport interface Cat {\n  kind: 'cat';\n  lives: number;\n}\n\nexport interface Dog {\n  kind: '${dog}';\n  ${member}\n}\n${extra}`,
  'owner.ts': [
    "import type { Cat, Code, Dog } from './shared.js';",
    '',
    'export interface Owner {',
    '  code: Code;',
    '  pet: Cat | Dog;',
    '  /** @minItems 1 */',
    '  codes: Code[];',
    '}',
    '',
    '/** @strict */',
    'export interface Named { name: string }',
    `export interface Aged { age: ${age} }`,
    '/** Both, merged: one object, since Named is strict. */',
    'export type Person = Named & Aged & { owner: Owner };',
    '',
    'export interface Deep { a: { b: { c: { d: { e: { f: { g: { h: { i: { j: { k: { l: { m: { n: { o: { p: { q: { r: Code } } } } } } } } } } } } } } } } } }',
    '',
  ].join('\n'),
});

function modelOf(sources: Record<string, string>): Model {
  const analysed = analyzeSources(sources);
  expect(analysed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return analysed.model;
}

/** The document built with `memo`, checked against a fresh build and against JSON.stringify. */
function expectFresh(model: Model, memo: ReturnType<typeof createPlanMemo>, options = withDefaults({})): void {
  memo.startBuild();
  const kept = buildDocument(model, options, memo);
  const fresh = buildDocument(model, options);
  expect(kept).toEqual(fresh);
  expect(serialise(kept, 'json')).toBe(`${JSON.stringify(fresh, null, 2)}\n`);
  // The pieces the formatter lays out one by one (emit/json-layout.ts printJsonPieces) join to that text.
  const pieces = serialiseJson(kept).pieces;
  if (pieces) expect(pieces.join('')).toBe(`${JSON.stringify(fresh, null, 2)}\n`);
}

describe('the OpenAPI document of a watch workspace', () => {
  it('is the fresh document after each edit: a constraint on an alias, a union member, an intersection part, a deep part', () => {
    const memo = createPlanMemo();
    const steps = [
      SOURCES('@minLength 2', 'bark: string;'),
      SOURCES('@minLength 3', 'bark: string;'),
      SOURCES('@minLength 3', 'bark: number;'),
      SOURCES('@minLength 3', 'bark: number;\n  /** @maximum 9 */\n  bite?: number;'),
      SOURCES('@pattern ^[A-Z]+$', 'bark: number;', 'export interface Extra { code: Code }\n'),
      SOURCES('@pattern ^[A-Z]+$', 'bark: number;'),
      // What other schemas read of these: the discriminant of a union member, an intersection part's properties.
      SOURCES('@pattern ^[A-Z]+$', 'bark: number;', '', { dog: 'hound' }),
      SOURCES('@pattern ^[A-Z]+$', 'bark: number;', '', { dog: 'hound', age: 'string' }),
      SOURCES('@pattern ^[A-Z]+$', 'bark: number;', '', { dog: 'hound', age: "'old' | 'young'" }),
    ];
    for (const sources of steps) expectFresh(modelOf(sources), memo);
    // The same model again takes every schema from the memo: the same objects as the last build's.
    const model = modelOf(steps.at(-1)!);
    memo.startBuild();
    const first = buildDocument(model, withDefaults({}), memo);
    memo.startBuild();
    const again = buildDocument(model, withDefaults({}), memo);
    expect(again.components!.schemas!['Owner']).toBe(first.components!.schemas!['Owner']);
    expect(again.components!.schemas!['Deep']).toBe(first.components!.schemas!['Deep']);
    expect(Object.keys(again.components!.schemas!).some((name) => name.startsWith('Deep.Nested'))).toBe(true);
  });

  it('is the fresh document for every openapi fixture, one memo going through all of them', () => {
    const memo = createPlanMemo();
    for (const name of fixtureNames()) {
      const options = withDefaults(fixtureOptions(name));
      expectFresh(fixtureModel(name), memo, options);
      expectFresh(fixtureModel(name), memo, options);
    }
  });
});
