/**
 * Mocks of what is not plain data, as docs/mock.md describes them: unsupported types with a value
 * (`unsupported-types`), types no value can be built for (`unbuildable`), methods and classes
 * (`behaviour`), required keys whose value may be undefined (`required-undefined`), enum members
 * (`enum-members`) and types exported under other names (`exports`). That they compile is
 * typecheck.test.ts's; that they pass their validators, property.test.ts's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openapiGenerator } from '../../../src/generators/openapi/index.js';
import type { Model } from '../../../src/model/types.js';
import { createRenderer } from '../../../src/render/index.js';
import { CONTEXT, FIXTURES_DIR, loadExports, materialize, mockSources, type GeneratedFunction } from './helpers.js';

const ROOT = join(process.cwd(), 'test/.tmp/mock-not-plain-data');
const NAMES = ['unsupported-types', 'unbuildable', 'behaviour', 'required-undefined', 'enum-members', 'exports'];
const folders = new Map<string, string>();
const exports = new Map<string, Record<string, GeneratedFunction>>();

beforeAll(async () => {
  for (const source of mockSources().filter((entry) => NAMES.includes(entry.name.replace(/^mock-/, '')))) {
    const folder = await materialize(source, ROOT);
    folders.set(source.name.replace(/^mock-/, ''), folder);
    exports.set(source.name.replace(/^mock-/, ''), await loadExports(folder, 1));
  }
}, 120_000);

const of = (fixture: string): Record<string, GeneratedFunction> => exports.get(fixture)!;
const sourceModule = (fixture: string, file: string): Promise<Record<string, unknown>> => import(join(folders.get(fixture)!, 'input', file));

describe('unsupported types with a value', () => {
  it('builds template literals from their holes, and the other forms as docs/mock.md says', () => {
    const { mockDevice } = of('unsupported-types');
    for (let seed = 0; seed < 30; seed++) {
      const device = mockDevice!({}, { seed }) as Record<string, unknown>;
      expect(device['name']).toMatch(/^wifi\d+$/);
      expect(device['pair']).toMatch(/^[ab]-./);
      expect(['true!', 'false!']).toContain(device['flag']);
      expect(device['quoted']).toMatch(/^`\d+\$\{x\}$/);
      expect(device['big']).toBe(10n);
      expect(device['negative']).toBe(-5n);
      expect(device['key']).toBe(Symbol.for('codegen.mock:Device.key'));
      expect(device).toHaveProperty('nothing', undefined);
      expect(device['loose']).toBeNull();
      // `Map<string, number>`, `ReadonlySet<string>`: one or two mocked entries.
      const index = device['index'] as Map<unknown, unknown>;
      expect(index).toBeInstanceOf(Map);
      expect(index.size).toBeGreaterThan(0);
      for (const [key, value] of index) expect([typeof key, typeof value]).toEqual(['string', 'number']);
      const seen = device['seen'] as Set<unknown>;
      expect(seen).toBeInstanceOf(Set);
      for (const item of seen) expect(typeof item).toBe('string');
      expect(device).not.toHaveProperty('other');
      for (const id of device['list'] as string[]) expect(id).toMatch(/^id-\d+$/);
    }
  });

  it('stubs functions: the same stub for a member, throwing when called, replaced by an override', () => {
    const { mockDevice } = of('unsupported-types');
    const device = mockDevice!() as { onClick: () => void; handler: () => unknown };
    expect(device.onClick).toBe((mockDevice!({}, { seed: 9 }) as typeof device).onClick);
    expect(() => device.onClick()).toThrow("Device.onClick is a mock stub: pass an implementation in the mock's overrides.");
    const clicked: string[] = [];
    (mockDevice!({ onClick: () => clicked.push('yes') }) as typeof device).onClick();
    expect(clicked).toEqual(['yes']);
  });
});

describe('types no value can be built for', () => {
  it('warns at each property (CG5001) and throws naming it when the mock is built', () => {
    const { mockPending, mockImpossible, mockBranded, mockCallable, mockHolder } = of('unbuildable');
    expect(() => mockPending!()).toThrow('No mock can be built for Pending.later: its type `Promise<string>` is not supported');
    expect(() => mockImpossible!()).toThrow('No mock can be built for Impossible.nothing: its type `never` has no value.');
    expect(() => mockBranded!()).toThrow('Branded.tag');
    expect(() => mockCallable!()).toThrow('Callable.fn');
    expect(() => mockHolder!()).toThrow('Pending.later');
    const diagnostics = JSON.parse(readFileSync(join(FIXTURES_DIR, 'unbuildable', 'diagnostics.json'), 'utf8')) as Array<{ severity: string; line: number }>;
    expect(diagnostics.map((entry) => `${entry.severity} ${entry.line}`)).toEqual(['warning 5', 'warning 10', 'warning 17', 'warning 23', 'warning 24', 'warning 36', 'warning 37', 'warning 38', 'warning 39', 'warning 40']);
  });

  it('says why an array or a Date with named properties is not built', () => {
    const { mockArrayWithProperties } = of('unbuildable');
    expect(() => mockArrayWithProperties!()).toThrow('ArrayWithProperties.tagged: no value of A[] & { tag: "x" } can be built: an array that is also an object type with named properties has no JSON form');
    const diagnostics = JSON.parse(readFileSync(join(FIXTURES_DIR, 'unbuildable', 'diagnostics.json'), 'utf8')) as Array<{ message: string }>;
    expect(diagnostics.map((entry) => entry.message).filter((message) => message.includes('ArrayWithProperties'))).toEqual([
      expect.stringContaining('ArrayWithProperties.tagged: no value of A[] & { tag: "x" } can be built: an array that is also an object type'),
      expect.stringContaining('ArrayWithProperties.dated: no value of Date & { tag: "x" } can be built: a Date that is also an object type'),
      expect.stringContaining('ArrayWithProperties.named: no value of Tags & { extra: number } can be built: an array that is also an object type'),
      expect.stringContaining('ArrayWithProperties.record: no value of Record<string, number> & number[] can be built: an array that is also a record'),
      expect.stringContaining('ArrayWithProperties.callable: the mock builds no value of A & (() => void)'),
    ]);
  });
});

describe('methods and classes', () => {
  it('stubs the required methods of an interface, inherited ones too, and leaves optional ones out', () => {
    const { mockGreeter } = of('behaviour');
    const greeter = mockGreeter!() as Record<string, () => unknown>;
    expect(() => greeter['describe']!()).toThrow('Greeter.describe is a mock stub');
    expect(() => greeter['greet']!()).toThrow('Greeter.greet is a mock stub');
    expect(greeter).not.toHaveProperty('wave');
    expect((mockGreeter!({ greet: (other: string) => `hi ${other}` }) as { greet(other: string): string }).greet('Ada')).toBe('hi Ada');
  });

  it('builds a class with methods on its prototype, which overrides keep', async () => {
    const { Counter, Money, Special, Plain } = (await sourceModule('behaviour', 'behaviour.ts')) as Record<string, new (...args: never[]) => object>;
    const { mockCounter, mockMoney, mockSpecial, mockPlain, mockHolder } = of('behaviour');
    const counter = mockCounter!() as { label: string; increment(): number };
    expect(counter).toBeInstanceOf(Counter!);
    expect(typeof counter.label).toBe('string');
    // Its constructor requires arguments, so it did not run: `#count` is missing, as the CG5001 warning says.
    expect(() => counter.increment()).toThrow(TypeError);
    expect(mockCounter!({ label: 'x' })).toBeInstanceOf(Counter!);
    // Money's constructor takes none: it ran, so `private cents` holds 0 and `amount()` works, overrides merged.
    const money = mockMoney!({ currency: 'USD' }) as { currency: string; amount(): number };
    expect(money).toBeInstanceOf(Money!);
    expect(money.currency).toBe('USD');
    expect(money.amount()).toBe(0);
    expect(mockSpecial!()).toBeInstanceOf(Money!);
    expect(mockSpecial!()).toBeInstanceOf(Special!);
    expect(Object.getPrototypeOf(mockPlain!())).toBe(Object.prototype);
    expect((mockHolder!() as { counter: object }).counter).toBeInstanceOf(Counter!);
  });

  it('gives an interface accessor a value, and keeps a class with methods an instance inside an intersection', async () => {
    const { Money } = (await sourceModule('behaviour', 'behaviour.ts')) as Record<string, new (...args: never[]) => object>;
    const { mockSized, mockPriced, isPriced, isSized } = of('behaviour');
    expect(typeof (mockSized!() as { size: number }).size).toBe('number');
    expect(isSized!({ name: 'n' })).toBe(false);
    const priced = mockPriced!() as { label: string; amount(): number };
    expect(priced).toBeInstanceOf(Money!);
    expect(typeof priced.label).toBe('string');
    expect(isPriced!(priced)).toBe(true);
  });

  it('warns that the non-public fields of a class mock are not set where its constructor requires arguments', () => {
    const diagnostics = JSON.parse(readFileSync(join(FIXTURES_DIR, 'behaviour', 'diagnostics.json'), 'utf8')) as Array<{ message: string }>;
    expect(diagnostics.map((entry) => entry.message)).toEqual([
      'mock of Counter is built on its prototype without running its constructor, which requires arguments or is not public, so its non-public fields (#count, step, floor, start) are not set.',
    ]);
  });
});

describe('required keys whose value may be undefined', () => {
  it('are always written, and hold a value of the type where one can stand (tester s11 T6)', () => {
    const { mockForm } = of('required-undefined');
    const forms = Array.from({ length: 60 }, (_, seed) => mockForm!({}, { seed }) as Record<string, any>);
    for (const form of forms) {
      for (const key of ['label', 'count', 'nested', 'mapped']) expect(Object.keys(form)).toContain(key);
      expect(Object.keys(form['nested'])).toContain('inner');
      expect(Object.keys(form['mapped']).sort()).toEqual(['a', 'b']);
    }
    // `label: string | undefined` (no `?`): a string, never undefined, so the JSON form keeps the key.
    expect(new Set(forms.map((form) => typeof form['label']))).toEqual(new Set(['string']));
  });
});

describe('enum members', () => {
  it('are mocked by name, whatever the name, and a single-member enum as its member', async () => {
    const { Sort, Status } = (await sourceModule('enum-members', 'enums.ts')) as Record<string, Record<string, string>>;
    const { mockListing } = of('enum-members');
    const values = Array.from({ length: 80 }, (_, seed) => mockListing!({}, { seed }) as Record<string, unknown>);
    expect(new Set(values.map((value) => value['sort']))).toEqual(new Set(Object.values(Sort!)));
    expect(new Set(values.map((value) => value['color']))).toEqual(new Set(['red']));
    expect(new Set(values.map((value) => value['level']))).toEqual(new Set([1]));
    expect(new Set(values.map((value) => value['open']))).toEqual(new Set([Status!['Open']]));
    expect(new Set(values.map((value) => value['notOpen']))).toEqual(new Set(['closed', 'held']));
    expect(new Set(values.map((value) => value['byDate']))).toEqual(new Set(['asc', '-date']));
  });

  it('of an enum exported with `export type` only are its values, asserted to its type', () => {
    const { mockUsesHidden } = of('enum-members');
    const values = Array.from({ length: 40 }, (_, seed) => mockUsesHidden!({}, { seed }) as Record<string, unknown>);
    expect(new Set(values.map((value) => value['hidden']))).toEqual(new Set(['a', 'b']));
    expect(new Set(values.map((value) => value['onlyA']))).toEqual(new Set(['a']));
    const text = readFileSync(join(folders.get('enum-members')!, 'generated', 'enums.mock.ts'), 'utf8');
    expect(text).toContain('import type { Hidden } from "../input/hidden.js";');
    expect(text).not.toContain('import { Hidden }');
  });

  it('carry their names without quotes in OpenAPI `x-enum-varnames`', () => {
    const model = JSON.parse(readFileSync(join(FIXTURES_DIR, 'enum-members', 'model.json'), 'utf8')) as Model;
    const withOpenapi = { ...model, declarations: model.declarations.map((declaration) => ({ ...declaration, generators: [...declaration.generators, 'openapi'] })) };
    const renderer = createRenderer({ generators: [openapiGenerator], displayRoot: process.cwd() });
    const [planned] = openapiGenerator.plan(withOpenapi, { split: 'file' }, CONTEXT);
    const document = JSON.parse(renderer.render('openapi', planned!)) as { components: { schemas: Record<string, Record<string, unknown>> } };
    expect(document.components.schemas['Sort']!['x-enum-varnames']).toEqual(['Asc', 'by-date', 'with space', '1a', 'double', 'default', 'Ünïcode']);
  });
});

describe('types exported under other names', () => {
  it('are imported by those names, and a default-exported class with methods as a value', async () => {
    const { default: Ticket } = (await sourceModule('exports', 'ticket.ts')) as { default: new () => object };
    const { mockOrder, isOrder } = of('exports');
    const order = mockOrder!() as { ticket: { row(): string } };
    expect(isOrder!(order)).toBe(true);
    expect(order.ticket).toBeInstanceOf(Ticket);
    const generated = (file: string): string => readFileSync(join(folders.get('exports')!, 'generated', file), 'utf8');
    expect(generated('receipt.mock.ts')).toContain('import type { default as Receipt } from "../input/receipt.js";');
    expect(generated('ticket.mock.ts')).toContain('import { default as Ticket } from "../input/ticket.js";');
    expect(generated('shapes.mock.ts')).toContain('import type { Area as Space, Shown as Hidden } from "../input/shapes.js";');
    expect(generated('shapes.mock.ts')).toContain('import { Size as Kind } from "../input/shapes.js";');
  });
});
