/**
 * Auto-accessors (`accessor name = ''`) keep their values in private slots: `JSON.stringify` of
 * an instance leaves them out, as it does getters (tester s9 T6: the schema required `name` and
 * `count`, so every instance's JSON failed it). They are read as getters: each is a located
 * CG2026 warning, the schema leaves them out, validators still check them as members (mocks
 * set them as own data), the client reports responses and bodies holding them. Fixture
 * openapi/auto-accessors, built with validate, mock and openapi and compiled under tsc --strict.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { wireLimits } from '../../../src/generators/client/wire-limits.js';
import { createDeclarationIndex } from '../../../src/generators/kit/declaration-index.js';
import { buildCase, type BuiltCase } from '../type-forms/helpers.js';
import { Auto, type Holder } from '../../fixtures/openapi/auto-accessors/input/auto.js';

let built: BuiltCase;
let ajv: Ajv2020;

beforeAll(async () => {
  // buildCase reads analyzer fixtures; this case is the openapi fixture beside them.
  built = await buildCase('../openapi/auto-accessors');
  ajv = new Ajv2020({ strict: false });
  ajv.addSchema({ $id: 'auto-accessors', components: built.document.components });
}, 120_000);

/** Whether the document's schema of `type` accepts the JSON of `value`. */
function schemaAccepts(type: string, value: unknown): boolean {
  return ajv.getSchema(`auto-accessors#/components/schemas/${type}`)!(JSON.parse(JSON.stringify(value))) as boolean;
}

/** Mocks over 100 seeds that the validators reject, or whose JSON the schema rejects. */
function failingMocks(type: string): string[] {
  const failures: string[] = [];
  for (let seed = 0; seed < 100; seed += 1) {
    const value = built.mock(type, seed);
    if (!built.validators(type).accepts(value)) failures.push(`seed ${seed}: ${built.validators(type).issues(value).join(', ')}`);
    else if (!schemaAccepts(type, value)) failures.push(`seed ${seed}: the schema rejects ${JSON.stringify(value)}`);
  }
  return failures;
}

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
