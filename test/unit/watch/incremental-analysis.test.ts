/**
 * The warm analyzer reuses the declarations whose sources did not change: after each edit its
 * model and diagnostics are those of a cold analysis of the same files, and it read afresh only
 * the changed declarations and those that depend on them.
 */
import { unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { analyze, createAnalyzer, type AnalyzeInput, type Analyzer } from '../../../src/analyzer/index.js';
import { makeProject, removeProject, writeFile } from '../../helpers/workspace.js';

// Lib ES2022 and no @types: the models need neither, and each analysis then skips the DOM and Node declarations.
const TSCONFIG = JSON.stringify({ compilerOptions: { target: 'ES2022', lib: ['ES2022'], types: [], module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, skipLibCheck: true, noEmit: true } });
const folders: string[] = [];

afterEach(() => {
  for (const folder of folders.splice(0)) removeProject(folder);
});

interface Setup {
  root: string;
  analyzer: Analyzer;
  input: (files: string[]) => AnalyzeInput;
}

function setup(name: string, files: Record<string, string>): Setup {
  const root = makeProject(name, { 'package.json': '{"type":"module"}', 'tsconfig.json': TSCONFIG, ...files });
  folders.push(root);
  const input = (inputFiles: string[]): AnalyzeInput => ({
    rootDir: root,
    files: inputFiles.map((file) => join(root, file)),
    tsconfig: join(root, 'tsconfig.json'),
    defaultGenerators: ['validate'],
    knownGenerators: ['validate', 'mock', 'openapi'],
    displayRoot: root,
  });
  const analyzer = createAnalyzer({ ...input(Object.keys(files)), incremental: true });
  return { root, analyzer, input };
}

/** Edits files, refreshes the warm analyzer and checks it against a cold analysis; returns the reads. */
function step(setup: Setup, inputFiles: string[], edits: Record<string, string | null>): { read: number; reused: number } {
  const changed: string[] = [];
  const removed: string[] = [];
  for (const [file, text] of Object.entries(edits)) {
    if (text === null) {
      unlinkSync(join(setup.root, file));
      removed.push(join(setup.root, file));
    } else {
      writeFile(setup.root, file, text);
      changed.push(join(setup.root, file));
    }
  }
  setup.analyzer.refresh(changed, removed);
  const warm = setup.analyzer.analyze();
  const cold = analyze(setup.input(inputFiles));
  expect(warm.model).toStrictEqual(cold.model);
  expect(warm.diagnostics).toEqual(cold.diagnostics);
  const { read, reused } = setup.analyzer.readStats ?? { read: -1, reused: -1 };
  return { read, reused };
}

const ADDRESS = 'export interface Address {\n  /** @minLength 1 */\n  street: string;\n}\n';
const USER = "import type { Address } from './address.js';\n\nexport interface User {\n  name: string;\n  home: Address;\n}\n\nexport interface Team {\n  lead: User;\n}\n";

describe('the warm analyzer', () => {
  it('reads again only the declarations of an edited file when nothing else names what changed', () => {
    const s = setup('incremental-append', { 'src/address.ts': ADDRESS, 'src/user.ts': USER });
    const files = ['src/address.ts', 'src/user.ts'];
    expect(s.analyzer.analyze().diagnostics).toEqual([]);
    const reads = step(s, files, { 'src/user.ts': `${USER}\nexport interface Extra {\n  value: number;\n}\n` });
    // Extra is new; User and Team kept their text and place.
    expect(reads).toEqual({ read: 1, reused: 3 });
  });

  it('reads again the dependents of an edited type in another file (a constraint of a type used by another file)', () => {
    const s = setup('incremental-dependents', {
      'src/code.ts': 'export type Code = string;\n',
      'src/address.ts': "import type { Code } from './code.js';\n\nexport interface Address {\n  zip: Code;\n}\n",
      'src/user.ts': USER,
    });
    const files = ['src/code.ts', 'src/address.ts', 'src/user.ts'];
    s.analyzer.analyze();
    // Code is an inlined alias: Address's model holds its constraint, though address.ts did not change.
    const reads = step(s, files, { 'src/code.ts': '/** @pattern ^[0-9]{5}$ */\nexport type Code = string;\n' });
    // Address (its model changed), then in a second pass User, which names Address (its model is unchanged: the change stops there).
    expect(reads).toEqual({ read: 2, reused: 2 });
    expect(s.analyzer.analyze().model.declarations.find((d) => d.id === 'Address')).toMatchObject({ type: { kind: 'object' } });
    expect(JSON.stringify(s.analyzer.analyze().model)).toContain('^[0-9]{5}$');
  });

  it('follows a structural use through a type that did not change (Pick of a type whose property uses an edited alias)', () => {
    const s = setup('incremental-structural', {
      'src/code.ts': 'export type Code = string;\n',
      'src/address.ts': "import type { Code } from './code.js';\n\nexport interface Address {\n  zip: Code;\n  city: string;\n}\n",
      'src/view.ts': "import type { Address } from './address.js';\n\nexport type ZipOnly = Pick<Address, 'zip'>;\n",
    });
    const files = ['src/code.ts', 'src/address.ts', 'src/view.ts'];
    s.analyzer.analyze();
    step(s, files, { 'src/code.ts': '/** @maxLength 5 */\nexport type Code = string;\n' });
    const zipOnly = s.analyzer.analyze().model.declarations.find((d) => d.id === 'ZipOnly');
    expect(JSON.stringify(zipOnly)).toContain('"maxLength":5');
  });

  it('sees a referenced type renamed, then deleted, then back: the dependent reports CG2010 and recovers', () => {
    const s = setup('incremental-rename', { 'src/address.ts': ADDRESS, 'src/user.ts': USER });
    const files = ['src/address.ts', 'src/user.ts'];
    s.analyzer.analyze();
    step(s, files, { 'src/address.ts': ADDRESS.replace('Address', 'Place') });
    expect(s.analyzer.analyze().diagnostics.map((d) => d.code)).toContain('CG2010');
    step(s, files.filter((file) => file !== 'src/address.ts'), { 'src/address.ts': null });
    expect(s.analyzer.analyze().diagnostics.map((d) => d.code)).toContain('CG2010');
    step(s, files, { 'src/address.ts': ADDRESS });
    expect(s.analyzer.analyze().diagnostics).toEqual([]);
  });

  it('sees a file that stops, then starts exporting a type another file uses (CG2012 and back)', () => {
    const s = setup('incremental-export', {
      'src/user.ts': 'interface Address {\n  street: string;\n}\n\nexport interface User {\n  home: Address;\n}\n',
    });
    const files = ['src/user.ts'];
    expect(s.analyzer.analyze().diagnostics.map((d) => d.code)).toEqual(['CG2012']);
    step(s, files, { 'src/user.ts': 'export interface Address {\n  street: string;\n}\n\nexport interface User {\n  home: Address;\n}\n' });
    expect(s.analyzer.analyze().diagnostics).toEqual([]);
    step(s, files, { 'src/user.ts': 'interface Address {\n  street: string;\n}\n\nexport interface User {\n  home: Address;\n}\n' });
    // Across files: the imported type stops being exported, the importer did not change.
    const t = setup('incremental-export-files', { 'src/address.ts': ADDRESS, 'src/user.ts': USER });
    t.analyzer.analyze();
    step(t, ['src/address.ts', 'src/user.ts'], { 'src/address.ts': ADDRESS.replace('export interface', 'interface') });
    expect(t.analyzer.analyze().diagnostics.length).toBeGreaterThan(0);
    step(t, ['src/address.ts', 'src/user.ts'], { 'src/address.ts': ADDRESS });
    expect(t.analyzer.analyze().diagnostics).toEqual([]);
  });

  it('sees a diagnostic appear and go in a dependent whose file did not change', () => {
    const s = setup('incremental-diagnostic', {
      'src/kind.ts': "export type Kind = 'a' | 'b';\n",
      'src/item.ts': "import type { Kind } from './kind.js';\n\nexport interface Item {\n  /** @minLength 2 */\n  kind: Kind;\n}\n",
    });
    const files = ['src/kind.ts', 'src/item.ts'];
    const first = s.analyzer.analyze().diagnostics.map((d) => d.code);
    // Kind becomes a plain string: @minLength now applies (or the other way round, whatever the analyzer says cold).
    step(s, files, { 'src/kind.ts': 'export type Kind = string;\n' });
    const second = s.analyzer.analyze().diagnostics.map((d) => d.code);
    expect(second).not.toEqual(first);
    step(s, files, { 'src/kind.ts': "export type Kind = 'a' | 'b';\n" });
    expect(s.analyzer.analyze().diagnostics.map((d) => d.code)).toEqual(first);
  });

  it('re-reads through a re-export whose target changes, and after a line shift above a type', () => {
    const s = setup('incremental-reexport', {
      'src/a.ts': 'export interface Thing {\n  a: string;\n}\n',
      'src/b.ts': 'export interface Thing {\n  b: number;\n}\n',
      'src/index.ts': "export type { Thing } from './a.js';\n",
      'src/user.ts': "import type { Thing } from './index.js';\n\nexport type Wrapped = Pick<Thing, keyof Thing>;\n",
    });
    const files = ['src/a.ts', 'src/b.ts', 'src/index.ts', 'src/user.ts'];
    s.analyzer.analyze();
    step(s, files, { 'src/index.ts': "export type { Thing } from './b.js';\n" });
    step(s, files, { 'src/b.ts': '// moved down\n\nexport interface Thing {\n  b: number;\n}\n' });
  });

  it('reads again a type inferred from values whenever it is met: the inference can follow calls into files it does not name', () => {
    const s = setup('incremental-inferred', {
      'src/base.ts': "export function base() {\n  return { a: 'x' };\n}\n",
      'src/make.ts': "import { base } from './base.js';\n\nexport function make() {\n  return base();\n}\n",
      'src/thing.ts': "import { make } from './make.js';\n\nexport class Thing {\n  value = make();\n}\n\nexport type Made = ReturnType<typeof make>;\n",
    });
    const files = ['src/base.ts', 'src/make.ts', 'src/thing.ts'];
    s.analyzer.analyze();
    // thing.ts names make.ts only; the change is in base.ts.
    step(s, files, { 'src/base.ts': 'export function base() {\n  return { a: 1 };\n}\n' });
  });

  it('reads everything again when a file declaring globals changes (an interface merged from another script file)', () => {
    const s = setup('incremental-global', {
      'src/globals.ts': 'interface Money {\n  cents: number;\n}\n',
      'src/extra.ts': '// globals to come\n',
      'src/order.ts': 'export interface Order {\n  total: Money;\n}\n',
    });
    const files = ['src/globals.ts', 'src/extra.ts', 'src/order.ts'];
    s.analyzer.analyze();
    // Order names Money, declared in globals.ts, which did not change: only a full read sees the merged member.
    step(s, files, { 'src/extra.ts': 'interface Money {\n  currency: string;\n}\n' });
    expect(JSON.stringify(s.analyzer.analyze().model)).toContain('currency');
  });

  it('sees a tag edited in place, with declarations before and after it in the same file left as they were', () => {
    const three = (tag: string) => `export interface First {\n  /** @minLength 1 */\n  a: string;\n}\n\n/** ${tag} */\nexport interface Middle {\n  /** ${tag} */\n  b: string;\n}\n\nexport interface Last {\n  /** @maxLength 9 */\n  c: string;\n}\n`;
    const s = setup('incremental-tag-in-place', { 'src/three.ts': three('@minLength 2'), 'src/user.ts': USER.replace("'./address.js'", "'./three.js'").replace('Address', 'First').replace('home: Address', 'home: First') });
    const files = ['src/three.ts', 'src/user.ts'];
    s.analyzer.analyze();
    // The same length, then another tag, then back: the file's other declarations keep their text and place.
    step(s, files, { 'src/three.ts': three('@minLength 3') });
    step(s, files, { 'src/three.ts': three('@maxLength 3') });
    step(s, files, { 'src/three.ts': three('@codegen-ignore') });
    step(s, files, { 'src/three.ts': three('@minLength 2') });
  });

  it('hands a reused declaration out with frozen parts, so nothing that uses a model can change the next one', () => {
    const s = setup('incremental-frozen', { 'src/address.ts': ADDRESS, 'src/user.ts': USER });
    const files = ['src/address.ts', 'src/user.ts'];
    s.analyzer.analyze();
    // Address and the rest are reused from here on: their parts are kept between analyses.
    step(s, files, { 'src/user.ts': `${USER}\nexport interface Extra {\n  value: number;\n}\n` });
    const address = s.analyzer.analyze().model.declarations.find((declaration) => declaration.id === 'Address')!;
    const street = address.type.kind === 'object' ? address.type.properties[0]! : undefined;
    expect(street?.name).toBe('street');
    // A plan that changed a property in place would change what every later build is given: it throws instead.
    expect(() => Object.assign(street!, { name: 'changed' })).toThrow(TypeError);
    expect(() => Object.assign(street!.type, { kind: 'number' })).toThrow(TypeError);
    // The top level is the model's own (its generators are this analysis's).
    address.generators.push('mock');
    const again = step(s, files, { 'src/user.ts': `${USER}\nexport interface Extra {\n  value: string;\n}\n` });
    expect(again).toEqual({ read: 1, reused: 3 });
  });
  it('collects an alias of an unchanged file again when what it names changes: inlined, then a declaration, then inlined', () => {
    const s = setup('incremental-alias-candidate', {
      'src/base.ts': 'export type Base = string;\n',
      'src/code.ts': "import type { Base } from './base.js';\n\nexport type Code = Base;\n\nexport interface Holder {\n  code: Code;\n}\n",
    });
    const files = ['src/base.ts', 'src/code.ts'];
    s.analyzer.analyze();
    // code.ts does not change: Code is a declaration of its own while Base is an object, inlined while Base is a string.
    step(s, files, { 'src/base.ts': 'export interface Base {\n  value: string;\n}\n' });
    expect(s.analyzer.analyze().model.declarations.map((declaration) => declaration.id)).toContain('Code');
    step(s, files, { 'src/base.ts': "export type Base = 'a';\n" });
    expect(s.analyzer.analyze().model.declarations.map((declaration) => declaration.id)).not.toContain('Code');
  });

  it('collects an alias of a type inferred from values again on every analysis (typeof of a constant in another file)', () => {
    const s = setup('incremental-alias-typeof', {
      'src/value.ts': "export const value = 'a';\n",
      'src/kind.ts': "import { value } from './value.js';\n\nexport type Kind = typeof value;\n\nexport interface Holder {\n  kind: Kind;\n}\n",
    });
    const files = ['src/value.ts', 'src/kind.ts'];
    s.analyzer.analyze();
    step(s, files, { 'src/value.ts': 'export const value = { a: 1 };\n' });
    expect(s.analyzer.analyze().model.declarations.map((declaration) => declaration.id)).toContain('Kind');
  });

  it('reports the unknown generator of an unchanged file again on every analysis, once per merged declaration', () => {
    const s = setup('incremental-selection-diagnostics', {
      'src/tagged.ts': '/** @codegen validate nope */\nexport interface Tagged {\n  a: string;\n}\n\n/** @codegen mokc */\nexport interface Tagged {\n  b: string;\n}\n',
      'src/other.ts': 'export interface Other {\n  c: string;\n}\n',
    });
    const files = ['src/tagged.ts', 'src/other.ts'];
    const first = s.analyzer.analyze().diagnostics.filter((d) => d.code === 'CG2008');
    expect(first.map((d) => d.message)).toEqual([expect.stringContaining("'nope'"), expect.stringContaining("'mokc'")]);
    step(s, files, { 'src/other.ts': 'export interface Other {\n  c: number;\n}\n' });
    expect(s.analyzer.analyze().diagnostics.filter((d) => d.code === 'CG2008')).toEqual(first);
  });
});
