/**
 * Auto-accessors (`accessor name = ''`) keep their values in private slots: `JSON.stringify` of
 * an instance leaves them out, as it does getters (tester s9 T6: the schema required `name` and
 * `count`, so every instance's JSON failed it). They are read as getters: each is a located
 * CG2026 warning, the schema leaves them out, validators still check them as members (mocks
 * set them as own data), the client reports responses and bodies holding them. Fixture
 * openapi/auto-accessors, built with validate, mock and openapi and compiled under tsc --strict.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { wireLimits } from '../../../src/generators/client/wire-limits.js';
import { createDeclarationIndex } from '../../../src/generators/kit/declaration-index.js';
import type { BuiltCase } from '../type-forms/helpers.js';
import { buildJsonFixture, type JsonFixture } from './json-fixture.js';
import { Auto, type Holder } from '../../fixtures/openapi/auto-accessors/input/auto.js';

let built: BuiltCase;
let schemaAccepts: JsonFixture['schemaAccepts'];
let failingMocks: JsonFixture['failingMocks'];

beforeAll(async () => {
  ({ built, schemaAccepts, failingMocks } = await buildJsonFixture('auto-accessors'));
}, 120_000);

function auto(name: string, count: number): Auto {
  const value = new Auto();
  value.name = name;
  value.count = count;
  return value;
}

describe('auto-accessors are read as getters (T6)', () => {
  it('warns CG2026 at each accessor, once, and compiles under tsc --strict', () => {
    expect(built.diagnostics.map(({ code, line, column }) => ({ code, line, column }))).toEqual([
      { code: 'CG2026', line: 3, column: 12 },
      { code: 'CG2026', line: 5, column: 12 },
    ]);
    expect(built.compileErrors).toBe('');
  });

  it('the model keeps them among the properties (members of the type), marked autoAccessor', () => {
    const type = built.model.declarations.find((declaration) => declaration.name === 'Auto')!.type;
    expect(type.kind === 'object' && type.properties.map(({ name, autoAccessor }) => [name, autoAccessor === true])).toEqual([
      ['name', true],
      ['count', true],
      ['plain', false],
    ]);
  });

  it("an instance's JSON (its plain fields only) passes the schema; the validators judge the instance", () => {
    const holder: Holder = { auto: auto('a', 2), autos: [auto('b', 0), new Auto()] };
    expect(JSON.stringify(auto('a', 2))).toBe('{"plain":"p"}');
    expect(schemaAccepts('Auto', auto('a', 2))).toBe(true);
    expect(schemaAccepts('Holder', holder)).toBe(true);
    expect(built.validators('Auto').accepts(auto('a', 2))).toBe(true);
    expect(built.validators('Holder').accepts(holder)).toBe(true);
    // @minimum 0 on the accessor is still checked: it is a member of the type.
    expect(built.validators('Auto').accepts(auto('a', -1))).toBe(false);
  });

  it('mocks pass the validators and their JSON the schema', () => {
    expect(failingMocks('Auto')).toEqual([]);
    expect(failingMocks('Holder')).toEqual([]);
  });

  it("the client reports (CG5001) a response or body reaching them, as it does a getter's", () => {
    const service = built.model.services.find((candidate) => candidate.name === 'AutoService')!;
    const found = wireLimits(service, createDeclarationIndex(built.model));
    expect(found.map(({ code, severity }) => ({ code, severity }))).toEqual([
      { code: 'CG5001', severity: 'warning' },
      { code: 'CG5001', severity: 'warning' },
    ]);
    expect(found[0]!.message).toContain('reaches auto-accessor Auto.name, auto-accessor Auto.count');
    expect(found[1]!.message).toContain('the parameter holder of AutoService.save reaches auto-accessor Auto.name, auto-accessor Auto.count');
  });
});
