/**
 * class-validator decorators through redeclared properties (tester issue 9, F3): an interface that
 * declares a class's property again (`interface IB extends Base { code: string }`) kept none of the
 * class's decorators on it, though every IB is a Base, and class-validator checks a Base (and a
 * subclass declaring `code` again) with them. Each interface's validator now judges a value as
 * class-validator judges it as an instance of the classes the interface extends; the OpenAPI
 * schemas and the seeded mocks agree with the validators.
 */
import { validateSync } from 'class-validator';
import { beforeAll, describe, expect, it } from 'vitest';
import { Base, StartsA, Sub, SubOwn } from '../../fixtures/analyzer/inherited-decorators/input/dtos.js';
import { buildCase, failingMocks, judgedAlike, type BuiltCase, type JudgedCase } from '../type-forms/helpers.js';

const CASES: JudgedCase[] = [
  ['IB', { code: 'abc', qty: 1 }, true],
  ['IB', { code: 'abcd', qty: 1 }, false],
  ['IB', { code: 'ab', qty: 1 }, false],
  ['IC', { code: 'abc', qty: 99 }, true],
  ['IC', { code: 'abc', qty: 0 }, false],
  ['IC', { code: 'abcd', qty: 5 }, false],
  // SubOwn's own MaxLength(10) replaces Base's Length(3, 3), as class-validator does.
  ['ID', { code: 'abcdefghij', qty: 1 }, true],
  ['ID', { code: 'abcdefghijk', qty: 1 }, false],
  ['IE', { code: 'abc', qty: 1 }, true],
  ['IE', { code: 'bcd', qty: 1 }, false],
  ['IE', { code: 'abcd', qty: 1 }, false],
  ['IF', { code: 'abcd', qty: 1 }, false],
  ['IF', { code: 'abc', qty: 1 }, true],
  ['Sub', { code: 'abcd', qty: 1 }, false],
];

/** Each interface, and the classes whose instances it must be (class-validator's verdict on each). */
const CLASSES: Record<string, (new () => object)[]> = { IB: [Base], IC: [Base], ID: [SubOwn], IE: [Base, StartsA], Sub: [Sub] };

const VALUES = ['ab', 'abc', 'abcd', 'bcd', 'abcdefghij', 'abcdefghijk'].flatMap((code) => [0, 1, 99, 100].map((qty) => ({ code, qty })));

let built: BuiltCase;
beforeAll(async () => {
  built = await buildCase('inherited-decorators', {}, { compilerOptions: { experimentalDecorators: true } });
}, 120_000);

describe('class-validator decorators on redeclared properties', () => {
  it('compiles under tsc --strict', () => {
    expect(built.compileErrors).toBe('');
  });

  judgedAlike(CASES, () => built);

  it('judges each value as class-validator judges it on an instance of each class the type extends', () => {
    const differences: string[] = [];
    for (const [type, classes] of Object.entries(CLASSES)) {
      for (const value of VALUES) {
        const library = classes.every((target) => validateSync(Object.assign(new target(), value)).length === 0);
        if (built.validators(type).accepts(value) !== library) differences.push(`${type} ${JSON.stringify(value)}: class-validator ${library}`);
      }
    }
    expect(differences).toEqual([]);
  });

  it('mocks pass the validators and the schema', () => {
    for (const type of ['IB', 'IC', 'ID', 'IE', 'IF']) expect(failingMocks(built, type), type).toEqual([]);
  });
});
