/**
 * Declarations with no JavaScript behind them (tester s6 S10, S11): global types in an ambient
 * `globals.d.ts` (no import or export) and in `declare global {}`, enums declared in a declaration
 * file (`export declare enum`, `export declare const enum`) and with `declare` in a `.ts` file,
 * and `typeof` a `declare const` object.
 * TypeScript sees the globals through the tsconfig even when the input glob leaves them out;
 * generated code names them without an import, never imports an ambient enum as a value (its
 * module has none at run time, and `verbatimModuleSyntax` refuses a const one), and writes their
 * members by value. Fixture: test/fixtures/analyzer/ambient-globals (its tsconfig includes input/).
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyzer/index.js';
import { fixtureInput } from '../analyzer/run-fixture.js';
import { buildCase, failingMocks, type BuiltCase } from './helpers.js';

let built: BuiltCase;

beforeAll(async () => {
  built = await buildCase('ambient-globals', {}, { formatted: true });
}, 120_000);

const user = { id: 'u1', level: 2 };
const usesGlobals = { g: user, e: { code: 404 }, tone: 'hi', a: { tag: 't' }, users: [user] };

describe('global types of an ambient declaration file', () => {
  it('resolve through the tsconfig when the inputs are the models alone (no CG2010)', () => {
    const input = fixtureInput('ambient-globals');
    const { model, diagnostics } = analyze({
      ...input,
      files: [path.join(input.rootDir, 'input/model.ts')],
      tsconfig: path.join(input.rootDir, 'tsconfig.json'),
      defaultGenerators: ['validate', 'mock', 'openapi'],
    });
    expect(diagnostics).toEqual([]);
    const globals = model.declarations.filter((declaration) => declaration.global).map((declaration) => declaration.qualifiedName ?? declaration.name);
    expect(globals.sort()).toEqual(['Api.Err', 'AugmentedGlobal', 'GlobalTone', 'GlobalUser']);
    const level = model.declarations.find((declaration) => declaration.name === 'GlobalUser')!.type;
    expect(level).toMatchObject({ kind: 'object', properties: [{ name: 'id' }, { name: 'level', type: { kind: 'number', constraints: { minimum: 1 } } }] });
  });

  it('are named as the user names them, with no import and no advice to export them (no CG2012)', () => {
    expect(built.diagnostics).toEqual([]);
    const validators = readFileSync(path.resolve('test/.tmp/type-forms/ambient-globals/generated/globals.validate.ts'), 'utf8');
    expect(validators).toContain('value is GlobalUser');
    expect(validators).toContain('value is Api.Err');
    expect(validators).not.toMatch(/from "\.\.\/input\/(globals|augment)\.js"/);
  });

  it('compile under tsc --strict, and the validators, mocks and schemas agree', () => {
    expect(built.compileErrors).toBe('');
    const is = (value: unknown) => built.validators('UsesGlobals').accepts(value);
    expect(is(usesGlobals)).toBe(true);
    expect(built.schemaAccepts('UsesGlobals', usesGlobals)).toBe(true);
    for (const bad of [{ ...usesGlobals, g: { id: 'u', level: 0 } }, { ...usesGlobals, tone: 'mid' }, { ...usesGlobals, a: {} }]) {
      expect(is(bad)).toBe(false);
      expect(built.schemaAccepts('UsesGlobals', bad)).toBe(false);
    }
    expect(failingMocks(built, 'UsesGlobals', 30)).toEqual([]);
  });
});

describe('enums with no JavaScript behind them', () => {
  it('are never imported as values: generated modules import their files for types only', () => {
    const folder = path.resolve('test/.tmp/type-forms/ambient-globals/generated');
    const valueImportsOfInputs = readdirSync(folder)
      .filter((name) => name.endsWith('.ts'))
      .flatMap((name) => readFileSync(path.join(folder, name), 'utf8').match(/^import (?!type )[^;]*from "\.\.\/input\/[^"]*";/gm) ?? []);
    expect(valueImportsOfInputs).toEqual([]);
  });

  it('are mocked by their members’ values, which the validators and schemas accept', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const fromDts = built.mock('FromDts', seed) as { tone: string; mode: number; hiOnly: string; modes: number[] };
      expect(['hi', 'lo']).toContain(fromDts.tone);
      expect([1, 2]).toContain(fromDts.mode);
      expect(fromDts.hiOnly).toBe('hi');
      const declared = built.mock('UsesDeclared', seed) as { declared: string; off: string; modeB: number };
      expect(['on', 'off']).toContain(declared.declared);
      expect([declared.off, declared.modeB]).toEqual(['off', 2]);
    }
    for (const type of ['FromDts', 'UsesDeclared', 'Tone', 'Mode', 'Declared', 'UsesTypeof']) expect(failingMocks(built, type, 30)).toEqual([]);
    // `typeof` a `declare const` object, and of a declared enum: their members' values, no import.
    expect(built.mock('UsesTypeof', 1)).toMatchObject({ palette: { Red: 'red', Blue: 'blue' }, tones: { Hi: 'hi', Lo: 'lo' } });
    expect(built.validators('UsesTypeof').accepts({ color: 'red', palette: { Red: 'red', Blue: 'blue' }, tones: { Hi: 'hi', Lo: 'lo' } })).toBe(true);
    expect(built.validators('UsesTypeof').accepts({ color: 'green', palette: { Red: 'red', Blue: 'blue' }, tones: { Hi: 'hi', Lo: 'lo' } })).toBe(false);
    expect(built.validators('FromDts').accepts({ tone: 'lo', mode: 2, hiOnly: 'hi', modes: [1] })).toBe(true);
    expect(built.validators('FromDts').accepts({ tone: 'lo', mode: 3, hiOnly: 'hi', modes: [1] })).toBe(false);
    expect(built.validators('UsesDeclared').accepts({ declared: 'on', off: 'on', tone: 'hi', modeB: 2 })).toBe(false);
  });
});
