/**
 * Issue 9 (LIEs): a constrained alias passed as a heritage type argument (`interface Sub extends
 * Base<Code>`, `class CreateDto extends BaseDto<Code>`) kept its constraints where the inheriting
 * type was used directly, but lost them, with no diagnostic, in every mapped or utility form over
 * it: `Partial<Sub>`, `Pick`, `Omit`, `Readonly`, `Required<Partial<Sub>>`, nested ones,
 * `Sub['code']`, `T[K]` with `K` bound by the use, NestJS's `PartialType(CreateDto)`, `PickType`,
 * `OmitType`, `IntersectionType`, mixins over such a class and generic mixins called with the alias
 * (`extends WithValue<Code>()`): `isPartialSub({ code: 'ab' })` was true. Fixture
 * analyzer/heritage-mapped-forms: for each form, the validators and the OpenAPI schema (ajv) reject
 * 'ab' and 'abcd' where the alias stands, accept 'abc', and the mocks pass both; tsc checks that
 * each valid sample is of its type. A template codegen cannot follow (`T[K] extends infer U`) is
 * CG2021, not silence.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCase, failingMocks, type BuiltCase } from './helpers.js';

/** [type, module, a valid value, the paths (`list.0`) holding a `Code`]. */
type Form = readonly [type: string, module: string, valid: object, codes: readonly string[]];

const FORMS: readonly Form[] = [
  ['PartialSub', 'interfaces', { code: 'abc' }, ['code']],
  ['PickSub', 'interfaces', { code: 'abc' }, ['code']],
  ['OmitSub', 'interfaces', { code: 'abc' }, ['code']],
  ['ReadonlySub', 'interfaces', { code: 'abc', name: 'n' }, ['code']],
  ['RequiredPartialSub', 'interfaces', { code: 'abc', label: 'l', name: 'n' }, ['code']],
  ['PartialPickSub', 'interfaces', { code: 'abc' }, ['code']],
  ['DeepNested', 'interfaces', { code: 'abc' }, ['code']],
  ['GetCode', 'interfaces', { v: 'abc' }, ['v']],
  ['GetBoth', 'interfaces', { v: 'abc' }, ['v']],
  ['Indexed', 'interfaces', { v: 'abc', both: 'abc' }, ['v', 'both']],
  ['ExtendsPartial', 'interfaces', { code: 'abc' }, ['code']],
  ['ExtendsPick', 'interfaces', { code: 'abc', extra: 'e' }, ['code']],
  ['PartialAlias', 'interfaces', { code: 'abc' }, ['code']],
  ['PartialJoined', 'interfaces', { code: 'abc', x: 1 }, ['code']],
  ['PartialLeaf', 'interfaces', { code: 'abc', list: ['abc'], spare: 'abc' }, ['code', 'list.0', 'spare']],
  ['RequiredLeaf', 'interfaces', { code: 'abc', label: 'l', list: ['abc'], spare: 'abc' }, ['code', 'list.0', 'spare']],
  ['PartialSub2', 'interfaces', { code: 'abc' }, ['code']],
  ['PartialMerged', 'interfaces', { code: 'abc', m: 'm' }, ['code']],
  ['MappedSub', 'interfaces', { code: 'abc' }, ['code']],
  ['NullableSub', 'interfaces', { code: 'abc', name: null }, ['code']],
  ['Holder', 'interfaces', { partial: { code: 'abc' }, picked: { code: 'abc' }, list: [{ code: 'abc' }], nested: { code: 'abc' } }, ['partial.code', 'picked.code', 'list.0.code', 'nested.code']],
  ['PartialCreate', 'classes', { code: 'abc' }, ['code']],
  ['PickCreate', 'classes', { code: 'abc' }, ['code']],
  ['OmitLeaf', 'classes', { code: 'abc', spare: 'abc' }, ['code', 'spare']],
  ['ReadonlyLeaf', 'classes', { code: 'abc', spare: 'abc' }, ['code', 'spare']],
  ['RequiredPartialLeaf', 'classes', { code: 'abc', note: 'n', spare: 'abc' }, ['code', 'spare']],
  ['ExtendsPartialCreate', 'classes', { code: 'abc' }, ['code']],
  ['UpdateDto', 'nest', { code: 'abc' }, ['code']],
  ['CodeOnlyDto', 'nest', { code: 'abc' }, ['code']],
  ['NamelessDto', 'nest', { code: 'abc' }, ['code']],
  ['TaggedDto', 'nest', { code: 'abc', name: 'n', tag: 't' }, ['code']],
  ['UpdateLeafDto', 'nest', { code: 'abc', spare: 'abc' }, ['code', 'spare']],
  ['PatchLeafDto', 'nest', { code: 'abc', spare: 'abc' }, ['code', 'spare']],
  ['TaggedPatchDto', 'nest', { code: 'abc', tag: 't' }, ['code']],
  ['PartialCodeOnly', 'nest', { code: 'abc' }, ['code']],
  ['TaggedCreate', 'mixins', { code: 'abc', name: 'n', tag: 't' }, ['code']],
  ['PartialTaggedCreate', 'mixins', { code: 'abc' }, ['code']],
  ['NullableTaggedCreate', 'mixins', { code: 'abc', name: 'n', tag: null }, ['code']],
  ['GetTaggedCode', 'mixins', { v: 'abc' }, ['v']],
  ['IndexedTagged', 'mixins', { v: 'abc' }, ['v']],
  ['Valued', 'mixins', { value: 'abc' }, ['value']],
  ['PartialValued', 'mixins', { value: 'abc' }, ['value']],
  ['ExtendingCode', 'mixins', { code: 'abc' }, ['code']],
  ['PickExtending', 'mixins', { code: 'abc' }, ['code']],
  ['HoldingCode', 'mixins', { held: ['abc'] }, ['held.0']],
  ['Arrowed', 'mixins', { value: 'abc' }, ['value']],
  ['Defaulted', 'mixins', { value: 'abc' }, ['value']],
];

/** Paths whose value is a union (`Code | Score` of two keys): the validator names the union, not the member's rule. */
const UNIONS = new Set(['GetBoth.v', 'Indexed.both']);

/** [type, value, the validator's issue]: a `Score` (`@minimum 0 @maximum 10`) the other key of a union of two reaches. */
const SCORES: Array<[string, object, string]> = [
  ['GetBoth', { v: 11 }, '/v union'],
  ['Indexed', { v: 'abc', both: -1 }, '/both union'],
];

/** `value` with the property at `path` (`a.b.0`) set to `to`. */
function changed(value: object, path: string, to: unknown): object {
  const copy = structuredClone(value) as Record<string, unknown>;
  const keys = path.split('.');
  let at: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) at = at[key] as Record<string, unknown>;
  at[keys.at(-1)!] = to;
  return copy;
}

/** Each valid sample assigned to its type through a variable (structurally, as a validator sees JSON): tsc's verdict. */
function verdicts(): string {
  const modules = [...new Set(FORMS.map(([, module]) => module))];
  const lines = modules.map((module) => `import type * as ${module} from './input/${module}.js';`);
  FORMS.forEach(([type, module, valid], i) => {
    lines.push(`const s${i} = ${JSON.stringify(valid)};`, `export const v${i}: ${module}.${type} = s${i};`);
  });
  return `${lines.join('\n')}\n`;
}

let built: BuiltCase;

beforeAll(async () => {
  built = await buildCase(
    'heritage-mapped-forms',
    { 'verdicts.ts': verdicts() },
    // The NestJS helpers' declarations are the fixture's (its tsconfig maps the package there too).
    { compilerOptions: { paths: { '@nestjs/mapped-types': ['./input/nest/mapped-types.d.ts'] } } },
  );
}, 240_000);

describe('a constrained alias as a heritage type argument, through mapped and utility forms', () => {
  it('generates code that compiles under tsc --strict, and every valid sample is of its type', () => {
    expect(built.compileErrors).toBe('');
  });

  it('reports only the form it cannot follow (T[K] extends infer U): CG2021, not silence', () => {
    expect(built.diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.message}`)).toEqual([
      'CG2021 The constraints of Code do not reach Inferred_Sub.code: codegen cannot follow the alias through `T[K] extends infer U ? U | null : never`, so Inferred_Sub.code is checked without them.',
    ]);
  });

  for (const [type, , valid, codes] of FORMS) {
    it(`${type}: ${JSON.stringify(valid)} passes is${type}, validate${type} and the schema`, () => {
      expect(built.validators(type).issues(valid)).toEqual([]);
      expect(built.schemaAccepts(type, valid)).toBe(true);
    });

    for (const path of codes) {
      for (const [value, rule] of [['ab', 'minLength'], ['abcd', 'maxLength']] as const) {
        it(`${type}.${path} = '${value}' is rejected by is${type}, validate${type} and the schema (${rule})`, () => {
          const broken = changed(valid, path, value);
          expect(built.validators(type).accepts(broken)).toBe(false);
          expect(built.validators(type).issues(broken)).toContain(`/${path.replaceAll('.', '/')} ${UNIONS.has(`${type}.${path}`) ? 'union' : rule}`);
          expect(built.schemaAccepts(type, broken)).toBe(false);
        });
      }
    }

    it(`mocks of ${type} over 100 seeds pass its validators and the schema`, () => {
      expect(failingMocks(built, type)).toEqual([]);
    });
  }

  for (const [type, value, issue] of SCORES) {
    it(`${type}: ${JSON.stringify(value)} is rejected (${issue}), 5 accepted`, () => {
      expect(built.validators(type).accepts(changed(value, Object.keys(value).at(-1)!, 5))).toBe(true);
      expect(built.validators(type).issues(value)).toContain(issue);
      expect(built.schemaAccepts(type, value)).toBe(false);
    });
  }

  it('writes the constraints into the OpenAPI schemas of the NestJS and mixin classes', () => {
    const schemas = built.document.components!.schemas as Record<string, { properties: Record<string, unknown> }>;
    const code = { type: 'string', minLength: 3, maxLength: 3 };
    for (const type of ['UpdateDto', 'CodeOnlyDto', 'NamelessDto', 'TaggedDto', 'TaggedCreate', 'PartialSub', 'PartialCreate']) {
      expect(schemas[type]!.properties.code, type).toEqual(code);
    }
    expect(schemas.Valued!.properties.value).toEqual(code);
  });

  it("reads an instantiation only the checker writes (Sub2<string>) as a string, not as Sub2's unbound X", () => {
    expect(built.validators('Returned').issues({ made: { code: 'abc' } })).toEqual([]);
    expect(built.validators('Returned').issues({ made: { code: 5 } })).toEqual(['/made/code type']);
    expect(built.schemaAccepts('Returned', { made: { code: 5 } })).toBe(false);
    expect(failingMocks(built, 'Returned')).toEqual([]);
  });

  it("keeps the tester's example out: isPartialSub({ code: 'ab' }) is false", () => {
    expect(built.validators('PartialSub').issues({ code: 'ab' })).toEqual(['/code minLength']);
    expect(built.validators('UpdateDto').issues({ code: 'ab' })).toEqual(['/code minLength']);
  });
});
