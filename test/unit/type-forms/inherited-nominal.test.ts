/**
 * An interface extending a class with non-public members (`interface HasPriv extends Priv`, at
 * any depth, or through an intersection alias) inherits them: TypeScript compares it nominally,
 * as the class, so no object literal is one (TS2741). Its validator tests `instanceof` the class
 * (plain look-alikes rejected, instances with the extra fields accepted); its mock is built on the
 * class's prototype, compiles under tsc --strict and passes the validator. A class it cannot
 * import as a value: validate refuses the interface (CG5001 error), mock warns and throws.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyzer/index.js';
import { mockGenerator } from '../../../src/generators/mock/index.js';
import { validateGenerator } from '../../../src/generators/validate/index.js';
import type { Model } from '../../../src/model/types.js';
import { typecheck } from '../../helpers/typecheck.js';
import { makeProject, removeProject } from '../../helpers/workspace.js';
import { CONTEXT, materialize, type GeneratedFunction } from '../mock/helpers.js';

const SOURCE = `export class Priv { private secret = 1; constructor(public id: string) {} }
export interface HasPriv extends Priv { extra: string }
export class Prot { protected level = 1; name = ''; }
export interface ExtProt extends Prot { extra: number }
export class Hash { #secret = 1; id = ''; peek() { return this.#secret; } }
export interface ExtHash extends Hash { extra: number }
export interface Deep extends HasPriv { more: boolean }
export interface Greets extends Hash { greet(): string }
export class Sub extends Priv { private more = 2; }
export interface ExtSub extends Sub { z: number }
export type Inter = Priv & { tag: 'x' };
export interface ViaInter extends Inter { w: number }
export interface Holder { p: HasPriv; list: ExtProt[] }
`;

const HIDDEN = `class Hidden { private key = 1; name = ''; }
export interface ExtHidden extends Hidden { extra: number }
`;

let root: string;
let model: Model;
let folder: string;
let classes: Record<string, new (...args: any[]) => object>;
let exports: Record<string, GeneratedFunction>;

describe('interfaces inheriting non-public members from a class', () => {
  beforeAll(async () => {
    root = makeProject('inherited-nominal', { 'input/types.ts': SOURCE, 'input/hidden.ts': HIDDEN });
    model = analyze({ rootDir: root, files: [join(root, 'input/types.ts')], defaultGenerators: ['mock', 'validate'], knownGenerators: ['mock', 'validate'], displayRoot: root }).model;
    folder = await materialize({ name: 'inherited-nominal', model, copy: ['input'], root, context: CONTEXT }, join(root, 'out'), undefined, false);
    const generated = (file: string) => pathToFileURL(join(folder, 'generated', file)).href;
    exports = { ...(await import(generated('types.mock.ts'))), ...(await import(generated('types.validate.ts'))) } as Record<string, GeneratedFunction>;
    classes = (await import(pathToFileURL(join(folder, 'input', 'types.ts')).href)) as typeof classes;
  }, 120_000);
  afterAll(() => removeProject(root));

  it('records the most derived class with non-public members in the model', () => {
    const instanceOf = (name: string) => {
      const type = model.declarations.find((declaration) => declaration.name === name)!.type;
      return type.kind === 'object' ? type.behaviour?.instanceOf : undefined;
    };
    expect(['HasPriv', 'ExtProt', 'ExtHash', 'Deep', 'Greets', 'ExtSub', 'ViaInter', 'Holder'].map(instanceOf)).toEqual([['Priv'], ['Prot'], ['Hash'], ['Priv'], ['Hash'], ['Sub'], ['Priv'], undefined]);
  });

  it('rejects plain look-alikes, as TypeScript does', () => {
    const { Priv, Prot, Hash } = classes as Record<string, new (...args: any[]) => object>;
    expect(exports['isHasPriv']!({ extra: 'x', id: 'y' })).toBe(false);
    expect(exports['isHasPriv']!({ extra: 'x', id: 'y', secret: 1 })).toBe(false);
    expect(exports['isExtProt']!({ extra: 1, name: 'n', level: 1 })).toBe(false);
    expect(exports['isExtHash']!({ extra: 1, id: 'i', peek: () => 1 })).toBe(false);
    expect(exports['isDeep']!({ extra: 'x', id: 'y', more: true })).toBe(false);
    expect(exports['isHolder']!({ p: { extra: 'x', id: 'y' }, list: [] })).toBe(false);
    // An instance of the base of the most derived class lacks that class's private members.
    expect(exports['isExtSub']!(Object.assign(new Priv!('y'), { z: 1 }))).toBe(false);
    // Missing the interface's own fields.
    expect(exports['isHasPriv']!(new Priv!('y'))).toBe(false);
    expect(exports['isExtProt']!(new Prot!())).toBe(false);
    expect(exports['isExtHash']!(Object.assign(new Hash!(), { extra: 'no' }))).toBe(false);
  });

  it('accepts instances (and subclasses) holding the extra fields', () => {
    const { Priv, Prot, Hash, Sub } = classes as Record<string, new (...args: any[]) => object>;
    expect(exports['isHasPriv']!(Object.assign(new Priv!('y'), { extra: 'x' }))).toBe(true);
    expect(exports['isHasPriv']!(Object.assign(new Sub!('y'), { extra: 'x' }))).toBe(true);
    expect(exports['isDeep']!(Object.assign(new Priv!('y'), { extra: 'x', more: true }))).toBe(true);
    expect(exports['isExtProt']!(Object.assign(new Prot!(), { extra: 1 }))).toBe(true);
    expect(exports['isExtHash']!(Object.assign(new Hash!(), { extra: 1 }))).toBe(true);
    expect(exports['isExtSub']!(Object.assign(new Sub!('y'), { z: 1 }))).toBe(true);
    expect(exports['isViaInter']!(Object.assign(new Priv!('y'), { tag: 'x', w: 1 }))).toBe(true);
    expect(exports['isHolder']!({ p: Object.assign(new Priv!('y'), { extra: 'x' }), list: [Object.assign(new Prot!(), { extra: 1 })] })).toBe(true);
  });

  it('mocks compile under tsc --strict', async () => {
    expect(await typecheck(folder)).toBe('');
  }, 120_000);

  it('mocks are instances of the class and pass the validators; methods are the prototype\'s, the interface\'s own are stubs', () => {
    for (const name of ['HasPriv', 'ExtProt', 'ExtHash', 'Deep', 'Greets', 'ExtSub', 'ViaInter', 'Holder']) {
      expect(exports[`is${name}`]!(exports[`mock${name}`]!()), name).toBe(true);
    }
    const hash = exports['mockExtHash']!() as { peek(): number };
    expect(hash.peek()).toBe(1);
    expect(typeof (exports['mockGreets']!() as { greet: unknown }).greet).toBe('function');
  });
});

describe('an interface inheriting from a class generated code cannot import', () => {
  it('is refused by validate and left unbuilt by mock, each with a located CG5001', () => {
    const dir = makeProject('inherited-nominal-hidden', { 'input/hidden.ts': HIDDEN });
    try {
      const hidden = analyze({ rootDir: dir, files: [join(dir, 'input/hidden.ts')], defaultGenerators: ['mock', 'validate'], knownGenerators: ['mock', 'validate'], displayRoot: dir }).model;
      const validate = validateGenerator.check!(hidden, {} as never, CONTEXT).filter((d) => d.message.includes('ExtHidden'));
      expect(validate.map(({ code, severity, line }) => ({ code, severity, line }))).toEqual([{ code: 'CG5001', severity: 'error', line: 2 }]);
      expect(validate[0]!.message).toContain('inherits non-public members from the class Hidden');
    } finally {
      removeProject(dir);
    }
  });
});
