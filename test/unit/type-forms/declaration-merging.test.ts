/**
 * Issue 9 (left item 7): declarations TypeScript merges are one type, not CG2007 duplicates. An
 * interface written twice (in one file, or added to by a `declare module` augmentation), the
 * mixin idiom (`interface Person extends Named {}` beside `class Person {}`), an enum in two
 * parts, a generic interface in two parts, and an enum, class or interface beside a namespace
 * of functions and constants. Members come from every part with their own constraints; the
 * type-level tags of the parts are read together, and CG2020 says where they disagree. The
 * verdicts are tsc's own.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCase, failingMocks, type BuiltCase } from './helpers.js';
import { verdictFile, type Verdict } from './verdicts.js';

const ACCOUNT: Verdict[] = [
  { value: { id: 'abc', balance: 0 }, valid: true },
  { value: { id: 'abc', balance: 1, nickname: 'n' }, valid: true },
  { value: { id: 'abc' }, valid: false },
  { value: { balance: 1 }, valid: false },
  // @strict (on the second part) is read for the whole type; tsc's excess property check agrees on a literal.
  { value: { id: 'abc', balance: 1, extra: 1 }, valid: false },
];

const SETTINGS: Verdict[] = [
  { value: { theme: 'dark' }, valid: true },
  { value: { theme: 'light', volume: 3 }, valid: true },
  { value: { volume: 3 }, valid: false },
  { value: { theme: 'dark', volume: 'loud' }, valid: false },
  { value: { theme: 'dark', extra: true }, valid: false },
];

const PERSON: Verdict[] = [
  { value: { age: 1, name: 'Ann' }, valid: true },
  { value: { age: 1 }, valid: false },
  { value: { name: 'Ann' }, valid: false },
];

const RANGE: Verdict[] = [
  { value: { from: 0, to: 1 }, valid: true },
  { value: { from: 0, to: 1, label: 'x' }, valid: true },
  { value: { from: 0, to: 1, label: 1 }, valid: false },
  { value: { to: 1 }, valid: false },
];

const PAGE: Verdict[] = [
  { property: 'statuses', value: { items: [], total: 0 }, valid: true },
  { property: 'statuses', value: { items: [] }, valid: false },
  { property: 'statuses', value: { total: 0 }, valid: false },
];

let built: BuiltCase;

beforeAll(async () => {
  built = await buildCase('declaration-merging', {
    'account-verdicts.ts': verdictFile('Account', './input/merging.js', ACCOUNT),
    'settings-verdicts.ts': verdictFile('Settings', './input/merging.js', SETTINGS),
    'person-verdicts.ts': verdictFile('Person', './input/merging.js', PERSON),
    'range-verdicts.ts': verdictFile('Range', './input/merging.js', RANGE),
    'page-verdicts.ts': verdictFile('Ledger', './input/merging.js', PAGE),
    // The namespaces' functions still work beside the generated code: they are values, not types.
    'namespace-values.ts': [
      "import { Color, Point, Range } from './input/merging.js';",
      "export const parsed: Color | undefined = Color.parse('red');",
      'export const origin: number = Point.distance(Point.ORIGIN, { x: 3, y: 4 });',
      'export const length: number = Range.length({ from: 1, to: 4 });',
      '',
    ].join('\n'),
  });
}, 120_000);

describe('merged declarations', () => {
  it('compile under tsc --strict, and TypeScript agrees with every verdict below', () => {
    expect(built.compileErrors).toBe('');
  });

  it('are one declaration each; only parts that disagree on a type-level tag are reported (CG2020), never CG2007', () => {
    expect(built.diagnostics.map((d) => `${d.code} ${d.file}:${d.line}:${d.column} ${d.message}`)).toEqual([
      "CG2020 input/merging.ts:2:18 The declarations of 'Account' disagree on @strict: the one at input/merging.ts:9:4 writes @strict, this one does not write it. TypeScript merges them into one type, so codegen reads the tags of all of them together.",
    ]);
    const ids = built.model.declarations.map((declaration) => `${declaration.id} ${declaration.kind}`);
    expect(ids).toEqual([
      'Account interface',
      'Settings interface',
      'Named interface',
      'Person class',
      'Status enum',
      'Level enum',
      'Color enum',
      'Point class',
      'Range interface',
      'Ledger interface',
      'Page_Status interface',
    ]);
  });

  it('have the members of every part, each with its own constraints, and the descriptions of every part', () => {
    const account = built.model.declarations.find((declaration) => declaration.id === 'Account')!;
    expect(account.docs.description).toBe(
      'A bank account, declared in two parts: one type with the members of both.\n\nIts second part asks for no other keys, which the first part does not say (CG2020).',
    );
    expect(built.validators('Account').issues({ id: 'ab', balance: -1 })).toEqual(['/id minLength', '/balance minimum']);
    expect(built.validators('Person').issues({ age: -1, name: 'ann' })).toEqual(['/age minimum', '/name pattern']);
    expect(built.validators('Range').issues({ from: -1, to: 1, label: 'x'.repeat(11) })).toEqual(['/from minimum', '/label maxLength']);
    expect(built.validators('Ledger').issues({ ...LEDGER, statuses: { items: ['gone'], total: -1 } })).toEqual([
      '/statuses/items/0 enum',
      '/statuses/total minimum',
    ]);
  });

  for (const [type, verdicts] of [['Account', ACCOUNT], ['Settings', SETTINGS], ['Person', PERSON], ['Range', RANGE]] as const) {
    for (const { value, valid } of verdicts) {
      it(`${type}: ${JSON.stringify(value)} is ${valid ? 'valid' : 'invalid'} for the validators and the schema`, () => {
        expect(built.validators(type).accepts(value)).toBe(valid);
        expect(built.schemaAccepts(type, value)).toBe(valid);
      });
    }
  }

  for (const { value, valid } of PAGE) {
    it(`Ledger.statuses (Page<Status>): ${JSON.stringify(value)} is ${valid ? 'valid' : 'invalid'}`, () => {
      expect(built.validators('Ledger').accepts({ ...LEDGER, statuses: value })).toBe(valid);
      expect(built.schemaAccepts('Ledger', { ...LEDGER, statuses: value })).toBe(valid);
    });
  }

  it('an enum in two parts has the members of both; one beside a namespace keeps its own', () => {
    for (const value of ['active', 'closed']) expect(built.validators('Status').accepts(value)).toBe(true);
    expect(built.validators('Status').accepts('other')).toBe(false);
    expect(built.schemaAccepts('Status', 'closed')).toBe(true);
    expect((built.document.components?.schemas?.['Status'] as { enum?: unknown[] }).enum).toEqual(['active', 'closed']);
    for (const value of [1, 2, 10, 11]) expect(built.validators('Level').accepts(value)).toBe(true);
    expect(built.validators('Level').accepts(3)).toBe(false);
    expect(built.schemaAccepts('Level', 11)).toBe(true);
    expect(built.validators('Color').accepts('blue')).toBe(true);
    expect(built.validators('Color').accepts('parse')).toBe(false);
  });

  it('mocks pass the validators and the schema', () => {
    for (const type of ['Account', 'Settings', 'Person', 'Status', 'Level', 'Color', 'Point', 'Range', 'Ledger']) {
      expect(failingMocks(built, type, 40)).toEqual([]);
    }
  });
});

const LEDGER = {
  account: { id: 'abc', balance: 1 },
  settings: { theme: 'dark' },
  person: { age: 3, name: 'Ann' },
  status: 'active',
  level: 11,
  color: 'red',
  at: { x: 0, y: 0 },
  range: { from: 0, to: 1 },
  statuses: { items: ['closed'], total: 1 },
};
