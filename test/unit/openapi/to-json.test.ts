/**
 * A class (or object type) with its own `toJSON()` is described in the document by what toJSON
 * returns, since that is its JSON (recheck s8 R15: `class Money { toJSON() { return this.cents } }`
 * was described by its fields, and mocks' JSON failed ajv on 71 of 100 seeds). Validators and
 * mocks keep reading the fields. Fixture openapi/to-json, built with validate, mock and openapi,
 * compiled under tsc --strict; values go through the validators as they are and through ajv as
 * their JSON (`JSON.stringify`, which calls toJSON).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { BuiltCase } from '../type-forms/helpers.js';
import { buildJsonFixture, type JsonFixture } from './json-fixture.js';
import { Decimal, Money, Plainly, Version, type Ledger, type Stamped } from '../../fixtures/openapi/to-json/input/money.js';

let built: BuiltCase;
let schemaAccepts: JsonFixture['schemaAccepts'];
let failingMocks: JsonFixture['failingMocks'];

beforeAll(async () => {
  ({ built, schemaAccepts, failingMocks } = await buildJsonFixture('to-json'));
}, 120_000);

/** A ledger of real instances, as a program holds one. */
function ledger(): Ledger {
  return {
    total: new Money(285),
    owed: null,
    rates: [new Decimal(1250, 2), new Decimal(5, 0)],
    version: new Version('2.7'),
    plainly: new Plainly(),
  };
}

const stamped = (): Stamped => ({ stamp: { at: 3, toJSON: () => '3s' } });

describe('toJSON: the schema describes the JSON (R15)', () => {
  it('generates without diagnostics and compiles under tsc --strict', () => {
    expect(built.diagnostics).toEqual([]);
    expect(built.compileErrors).toBe('');
  });

  it('describes each class by its toJSON result: inferred, declared, another type, its own fields for `this`', () => {
    const schemas = built.document.components!.schemas!;
    expect(schemas['Money']).toMatchObject({ type: 'number' });
    expect(schemas['Decimal']).toMatchObject({ type: 'string' });
    expect(schemas['Version']).toEqual({ $ref: '#/components/schemas/VersionJson' });
    expect(schemas['Plainly']).toMatchObject({ type: 'object', properties: { label: { type: 'string' } } });
    expect((schemas['Stamped'] as { properties: Record<string, unknown> }).properties['stamp']).toEqual({ type: 'string' });
  });

  it.each([
    ['Money', () => new Money(285), true],
    ['Decimal', () => new Decimal(1250, 2), true],
    ['Version', () => new Version('2.7'), true],
    ['Plainly', () => new Plainly(), true],
    ['Ledger', ledger, true],
    ['Stamped', stamped, true],
  ] as const)('%s: an instance is valid for the validators, and its JSON for the schema', (type, make, valid) => {
    expect(built.validators(type).accepts(make())).toBe(valid);
    expect(schemaAccepts(type, make())).toBe(valid);
  });

  it('the schema refuses JSON shaped like the fields where toJSON writes something else', () => {
    expect(schemaAccepts('Money', { cents: 285 })).toBe(false);
    expect(schemaAccepts('Ledger', { ...JSON.parse(JSON.stringify(ledger())), total: { cents: 1 } })).toBe(false);
    expect(schemaAccepts('Version', { text: '2.7' })).toBe(false);
  });

  // Stamped is left out: a mock's method stub (its toJSON) throws when called, and JSON.stringify calls it.
  it.each(['Money', 'Decimal', 'Version', 'Plainly', 'Ledger'])('%s: 100 mocks pass the validators, and their JSON the schema', (type) => {
    expect(failingMocks(type)).toEqual([]);
  });
});
