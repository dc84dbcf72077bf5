/**
 * Issue 9, tester6 F1 (a LIE): a constrained alias (`/** @minLength 2 *\/ type Code = string`)
 * reached through a mapped type whose template holds `T[K]` inside something else
 * (`{ [K in keyof T]: T[K] | null }`, a conditional, `T[K][]`, `[T[K], …]`, `NonNullable<T[K]>`,
 * a key remapping, `DeepPartial` in both common spellings, over nested objects and arrays) lost its constraints, with no
 * diagnostic: `isNullable_Src({ code: 'a', score: 99, list: [''] })` was true and the schema was
 * `{"type":["string","null"]}`. The analyzer now binds the mapped key, so `T[K]` is the
 * property as `T`'s argument wrote it (analyzer/types/keyed-property.ts). Fixture
 * analyzer/mapped-alias-templates; the validators, the OpenAPI schema (ajv) and the mocks all
 * keep the tags, tsc checks that each valid sample is of its type, and what is still not
 * followed is CG2021 at the property rather than checked with less in silence.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCase, failingMocks, type BuiltCase } from './helpers.js';
import { verdictFile } from './verdicts.js';

const mappedAliases = {
  nullable: { code: 'ab', score: 5, list: ['ab'], again: 'ab', colour: 'red' },
  optionalish: { code: 'ab' },
  cond: { code: 'ab', score: 1, list: ['ab'], again: 'ab', colour: 'blue' },
  listed: { code: ['ab'], score: [1] },
  arrayed: { code: ['ab'], score: [1] },
  readonlyListed: { code: ['ab'], score: [0] },
  paired: { code: ['ab', null], score: [1, 2] },
  defined: { code: 'ab', score: 1 },
  excluded: { code: 'ab', score: 10 },
  prefixed: { xCode: 'ab', xScore: null },
  twice: { code: null, score: 3 },
  readonlyNullable: { code: 'ab', score: null },
  inline: { code: 'ab', score: 1, list: null, again: 'ab', colour: 'blue' },
  inlineOptional: {},
  literalKeys: { code: 'ab' },
  readonlyInline: { code: null, score: 10 },
  deepA: { inner: { code: 'ab' }, top: 'ab' },
  deepB: { inner: {}, top: 'ab' },
};

const moreMapped = {
  patch: { set: { code: 'ab', score: null } },
  deepA: { level1: { level2: { code: 'ab' } }, again: 'ab' },
  deepB: { level1: { level2: { code: 'ab', scores: [1] } } },
  nullableDeep: { level2: null },
  nullableRecord: { a: 'ab', b: null },
  mappedOfMapped: { code: null },
  filtered: { code: 'ab', again: null, colour: 'red' },
  required: { code: null, score: null, list: null, again: null, colour: null },
};

const classMapped = { nullable: { name: 'abc', count: 5, code: 'ab' }, partial: {} };

const unfollowed = { strings: { code: 'ab' }, mixed: { value: 'a' }, either: { other: 'ab', plain: 'ab' } };

const VALID: Record<string, object> = { MappedAliases: mappedAliases, MoreMapped: moreMapped, ClassMapped: classMapped, Unfollowed: unfollowed };

/** A sample as TypeScript source: an enum member is no string to tsc. */
function source(value: object): string {
  return JSON.stringify(value).replace(/"colour":"(red|blue)"/g, (_, colour: string) => `"colour":Colour.${colour === 'red' ? 'Red' : 'Blue'}`);
}

/** `value` with the property at `path` (`a.b.0`) set to `to`. */
function changed(value: object, path: string, to: unknown): object {
  const copy = structuredClone(value) as Record<string, unknown>;
  const keys = path.split('.');
  let at: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) at = (at[key] ??= {}) as Record<string, unknown>;
  at[keys.at(-1)!] = to;
  return copy;
}

/** [type, path, value, the validator's issue]: each a value TypeScript takes that the alias's tags reject. */
const BROKEN: Array<[string, string, unknown, string]> = [
  ['MappedAliases', 'nullable.code', 'a', '/nullable/code minLength'],
  ['MappedAliases', 'nullable.score', 99, '/nullable/score maximum'],
  ['MappedAliases', 'nullable.list', [''], '/nullable/list/0 minLength'],
  ['MappedAliases', 'nullable.again', 'a', '/nullable/again minLength'],
  ['MappedAliases', 'optionalish.code', 'a', '/optionalish/code minLength'],
  ['MappedAliases', 'cond.code', 'a', '/cond/code minLength'],
  ['MappedAliases', 'cond.score', -1, '/cond/score minimum'],
  ['MappedAliases', 'listed.code', ['a'], '/listed/code/0 minLength'],
  ['MappedAliases', 'arrayed.score', [11], '/arrayed/score/0 maximum'],
  ['MappedAliases', 'readonlyListed.code', ['ab', 'x'], '/readonlyListed/code/1 minLength'],
  ['MappedAliases', 'paired.code', ['ab', 'a'], '/paired/code/1 minLength'],
  ['MappedAliases', 'paired.code', ['a', null], '/paired/code/0 minLength'],
  ['MappedAliases', 'defined.code', 'a', '/defined/code minLength'],
  ['MappedAliases', 'excluded.score', 11, '/excluded/score maximum'],
  ['MappedAliases', 'prefixed.xCode', 'a', '/prefixed/xCode minLength'],
  ['MappedAliases', 'twice.code', 'a', '/twice/code minLength'],
  ['MappedAliases', 'readonlyNullable.code', 'a', '/readonlyNullable/code minLength'],
  ['MappedAliases', 'inline.code', 'a', '/inline/code minLength'],
  ['MappedAliases', 'inlineOptional.score', 11, '/inlineOptional/score maximum'],
  ['MappedAliases', 'literalKeys.code', 'a', '/literalKeys/code minLength'],
  ['MappedAliases', 'readonlyInline.score', -1, '/readonlyInline/score minimum'],
  ['MappedAliases', 'deepA.top', 'a', '/deepA/top minLength'],
  ['MappedAliases', 'deepA.inner.code', 'a', '/deepA/inner/code minLength'],
  ['MappedAliases', 'deepB.top', 'a', '/deepB/top minLength'],
  ['MappedAliases', 'deepB.inner.code', 'a', '/deepB/inner/code minLength'],
  ['MoreMapped', 'patch.set.code', 'a', '/patch/set/code minLength'],
  ['MoreMapped', 'patch.unset.score', 11, '/patch/unset/score maximum'],
  ['MoreMapped', 'deepA.level1.level2.code', 'a', '/deepA/level1/level2/code minLength'],
  ['MoreMapped', 'deepB.again', 'a', '/deepB/again minLength'],
  // `DeepPartial<Code[]>` maps the array element-wise: its items are `Code`s still (mapped-array.ts).
  ['MoreMapped', 'deepA.list', ['ab', 'a'], '/deepA/list/1 minLength'],
  ['MoreMapped', 'deepB.list', ['a'], '/deepB/list/0 minLength'],
  ['MoreMapped', 'deepA.level1.level2.scores', [11], '/deepA/level1/level2/scores/0 maximum'],
  ['MoreMapped', 'deepB.level1.level2.scores', [1, -1], '/deepB/level1/level2/scores/1 minimum'],
  ['MoreMapped', 'nullableDeep.level2', { code: 'a', scores: [] }, '/nullableDeep/level2/code minLength'],
  ['MoreMapped', 'nullableDeep.level2', { code: 'ab', scores: [11] }, '/nullableDeep/level2/scores/0 maximum'],
  ['MoreMapped', 'nullableRecord.a', 'a', '/nullableRecord/a minLength'],
  ['MoreMapped', 'mappedOfMapped.code', 'a', '/mappedOfMapped/code minLength'],
  ['MoreMapped', 'filtered.again', 'a', '/filtered/again minLength'],
  ['MoreMapped', 'required.list', ['a'], '/required/list/0 minLength'],
  // class-validator decorators on the class's properties reach `Nullable<Dto>`, as they reach `Partial<Dto>`.
  ['ClassMapped', 'nullable.name', 'ab', '/nullable/name minLength'],
  ['ClassMapped', 'nullable.count', 6, '/nullable/count maximum'],
  ['ClassMapped', 'nullable.code', 'a', '/nullable/code minLength'],
  ['ClassMapped', 'partial.name', 'ab', '/partial/name minLength'],
  ['Unfollowed', 'strings.code', 'a', '/strings/code minLength'],
  // `T[K] extends string ? Code : T[K]` takes `Code` for both: the test is asked of the written types.
  ['Unfollowed', 'either.other', 'a', '/either/other minLength'],
  ['Unfollowed', 'either.plain', 'a', '/either/plain minLength'],
];

let built: BuiltCase;

beforeAll(async () => {
  const verdicts = (type: string, file: string) => `import { Colour } from './input/aliases.js';\n${verdictFile(type, file, [{ value: null, text: source(VALID[type]!), valid: true }])}`;
  built = await buildCase('mapped-alias-templates', {
    'mapped-verdicts.ts': verdicts('MappedAliases', './input/mapped.js'),
    'more-verdicts.ts': verdicts('MoreMapped', './input/more.js'),
    'class-verdicts.ts': verdicts('ClassMapped', './input/classes.js'),
    'unfollowed-verdicts.ts': verdicts('Unfollowed', './input/unfollowed.js'),
  }, { compilerOptions: { experimentalDecorators: true } });
}, 180_000);

describe('constrained aliases through mapped-type templates holding T[K]', () => {
  it('generate code that compiles under tsc --strict, and the valid samples are of their types', () => {
    expect(built.compileErrors).toBe('');
  });

  it('report CG2021 where the alias is not followed, and only there', () => {
    expect(built.diagnostics.map((d) => `${d.code} ${d.message.split(':')[0]}`)).toEqual([
      // `OnlyStrings<Code | number>` distributes over the union: which member made `string` is not read.
      'CG2021 The constraints of Code do not reach Strings_ObjectWithValue.value',
    ]);
  });

  it.each(Object.keys(VALID))('%s: the valid sample passes isT, validateT and the schema', (type) => {
    expect(built.validators(type).issues(VALID[type])).toEqual([]);
    expect(built.schemaAccepts(type, VALID[type])).toBe(true);
  });

  for (const [type, path, value, issue] of BROKEN) {
    it(`${type}.${path} = ${JSON.stringify(value)} is rejected by isT, validateT and the schema`, () => {
      const broken = changed(VALID[type]!, path, value);
      expect(built.validators(type).accepts(broken)).toBe(false);
      expect(built.validators(type).issues(broken)).toContain(issue);
      expect(built.schemaAccepts(type, broken)).toBe(false);
    });
  }

  it("keeps the tester's example out: isNullable_Src({ code: 'a', score: 99, list: [''] })", () => {
    const value = { code: 'a', score: 99, list: [''], again: 'ab', colour: 'red' };
    expect(built.validators('Nullable_Src').issues(value)).toEqual(['/code minLength', '/score maximum', '/list/0 minLength']);
    expect(built.schemaAccepts('Nullable_Src', value)).toBe(false);
  });

  it('writes the constraints into the OpenAPI schemas', () => {
    const schemas = built.document.components!.schemas as Record<string, { properties: Record<string, unknown> }>;
    expect(schemas.Nullable_Src!.properties.code).toEqual({ type: ['string', 'null'], minLength: 2 });
    expect(schemas.Nullable_Src!.properties.score).toEqual({ type: ['number', 'null'], minimum: 0, maximum: 10 });
    expect(schemas.DeepPartialB_ObjectWithCode!.properties.code).toEqual({ type: 'string', minLength: 2 });
  });

  it.each(Object.keys(VALID))('%s: mocks of 100 seeds pass isT and the schema', (type) => {
    expect(failingMocks(built, type)).toEqual([]);
  });
});
