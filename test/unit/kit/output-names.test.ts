/**
 * Output names and import specifiers for hostile source names: what a file system allows but an
 * import cannot carry (`#`, `%`, `?`, `\`, quotes, line breaks) never reaches generated code raw.
 */
import { describe, expect, it } from 'vitest';
import { DiagnosticError, type Diagnostic } from '../../../src/diagnostics/types.js';
import { specifierText } from '../../../src/generators/kit/imports.js';
import { importPath, locatedOutputPath, OutputNames, outputPathFor, safeName } from '../../../src/generators/kit/output-paths.js';

const context = { inputRoot: 'src/models', outputDir: 'src/generated', importExtension: '.js' as const };
const byFile = { split: 'file' as const };
const validatePath = (sourcePath: string) => outputPathFor({ sourcePath }, 'validate', byFile, context);

/** The diagnostics `run` throws as a DiagnosticError (fails the test if it throws nothing or something else). */
function thrown(run: () => unknown): Diagnostic[] {
  try {
    run();
  } catch (error) {
    if (error instanceof DiagnosticError) return error.diagnostics;
    throw error;
  }
  throw new Error('expected a DiagnosticError');
}

describe('output names', () => {
  it.each([
    ['src/models/a#b.ts', 'a-b.validate.ts'],
    ['src/models/100%.ts', '100.validate.ts'],
    ['src/models/what?.ts', 'what.validate.ts'],
    ['src/models/with space.ts', 'with-space.validate.ts'],
    ['src/models/q"uote.ts', 'q-uote.validate.ts'],
    ['src/models/new\nline.ts', 'new-line.validate.ts'],
    ['src/models/über.ts', 'über.validate.ts'],
    ['src/models/ber.ts', 'ber.validate.ts'],
    ['src/models/日本.ts', '日本.validate.ts'],
    ['src/models/cafe\u0301.ts', 'café.validate.ts'],
    ['src/models/%%.ts', 'u25-u25.validate.ts'],
    ['src/models/🎉.ts', 'u1f389.validate.ts'],
    ['src/models/x#y/item.ts', 'x-y/item.validate.ts'],
    ['src/models/with space/OrderItem.ts', 'with-space/order-item.validate.ts'],
    ['src/models/My_Models/user.ts', 'My_Models/user.validate.ts'],
    ['src/models/%/user.ts', 'u25/user.validate.ts'],
  ])('%j is written to %j', (source, output) => {
    expect(validatePath(source)).toBe(output);
  });

  it('are NFC: a decomposed é and a composed one give the same name', () => {
    expect(safeName('cafe\u0301')).toBe('caf\u00e9');
    expect(validatePath('src/models/cafe\u0301.ts')).toBe(validatePath('src/models/caf\u00e9.ts'));
  });

  it('refuse a fileName pattern or an output folder an import could not carry (CG5002)', () => {
    const pattern = { split: 'file' as const, fileName: '{dir}/#{name}.ts' };
    expect(thrown(() => outputPathFor({ sourcePath: 'src/models/user.ts' }, 'validate', pattern, context))).toMatchObject([
      { code: 'CG5002', message: expect.stringContaining('"#"') },
    ]);
    expect(thrown(() => locatedOutputPath('user.validate.ts', { output: 'checks%20' }))).toMatchObject([{ code: 'CG5002' }]);
    expect(locatedOutputPath('user.validate.ts', { output: 'checks and more' })).toBe('checks and more/user.validate.ts');
  });
});

describe('OutputNames', () => {
  it('gives each source its path, several types of one file sharing it', () => {
    const names = new OutputNames('validate', byFile, context);
    expect(names.pathFor({ sourcePath: 'src/models/a#b.ts', typeName: 'A' })).toBe('a-b.validate.ts');
    expect(names.pathFor({ sourcePath: 'src/models/a#b.ts', typeName: 'B' })).toBe('a-b.validate.ts');
    expect(names.pathFor({ sourcePath: 'src/models/über.ts' })).toBe('über.validate.ts');
    expect(names.pathFor({ sourcePath: 'src/models/ber.ts' })).toBe('ber.validate.ts');
  });

  it.each([
    ['src/models/a#b.ts', 'src/models/a-b.ts', 'a-b.validate.ts'],
    ['src/models/User.ts', 'src/models/user.ts', 'user.validate.ts'],
    ['src/models/caf\u00e9.ts', 'src/models/cafe\u0301.ts', 'café.validate.ts'],
    ['src/models/x#y/item.ts', 'src/models/x y/item.ts', 'x-y/item.validate.ts'],
  ])('refuse %j and %j sharing %j, located at the second (CG4011)', (first, second, path) => {
    const names = new OutputNames('validate', byFile, context);
    names.pathFor({ sourcePath: first });
    expect(thrown(() => names.pathFor({ sourcePath: second }))).toEqual([
      expect.objectContaining({ code: 'CG4011', severity: 'error', file: second, message: `validate: ${second} and ${first} would both be written to ${path}.` }),
    ]);
  });

  it('refuse two types whose kebab-case names meet with split: type', () => {
    const names = new OutputNames('mock', { split: 'type' }, context);
    names.pathFor({ sourcePath: 'src/models/a.ts', typeName: 'UserX' });
    expect(thrown(() => names.pathFor({ sourcePath: 'src/models/b.ts', typeName: 'userX' }))).toMatchObject([
      { code: 'CG4011', file: 'src/models/b.ts', message: 'mock: userX (src/models/b.ts) and UserX (src/models/a.ts) would both be written to user-x.mock.ts.' },
    ]);
    // A type name's `_` stays (codegen joins an instantiation's parts with it): User_X is user_x.mock.ts.
    expect(names.pathFor({ sourcePath: 'src/models/b.ts', typeName: 'User_X' })).toBe('user_x.mock.ts');
  });

  it('name each type of one source file apart with split: type, and each source file once with split: file', () => {
    // Names are remembered per source file (and per type name under split: type): a file's types must not share the first one's path.
    const byType = new OutputNames('mock', { split: 'type' }, context);
    expect(byType.pathFor({ sourcePath: 'src/models/a.ts', typeName: 'User' })).toBe('user.mock.ts');
    expect(byType.pathFor({ sourcePath: 'src/models/a.ts', typeName: 'Order' })).toBe('order.mock.ts');
    expect(byType.pathFor({ sourcePath: 'src/models/a.ts' })).toBe('a.mock.ts');
    const perFile = new OutputNames('mock', byFile, context);
    expect(perFile.pathFor({ sourcePath: 'src/models/a.ts', typeName: 'User' })).toBe('a.mock.ts');
    expect(perFile.pathFor({ sourcePath: 'src/models/a.ts', typeName: 'Order' })).toBe('a.mock.ts');
    expect(perFile.pathFor({ sourcePath: 'src/models/b.ts', typeName: 'User' })).toBe('b.mock.ts');
    // A collision is still found for a source met again after its name was remembered.
    expect(thrown(() => perFile.pathFor({ sourcePath: 'src/models/A.ts' }))).toMatchObject([{ code: 'CG4011', file: 'src/models/A.ts' }]);
    expect(thrown(() => perFile.pathFor({ sourcePath: 'src/models/A.ts' }))).toMatchObject([{ code: 'CG4011', file: 'src/models/A.ts' }]);
  });

  it('let a pattern without {name} merge files on purpose', () => {
    const names = new OutputNames('validate', { split: 'file', fileName: '{dir}/all.validate.ts' }, context);
    expect(names.pathFor({ sourcePath: 'src/models/a#b.ts' })).toBe('all.validate.ts');
    expect(names.pathFor({ sourcePath: 'src/models/a-b.ts' })).toBe('all.validate.ts');
    // Different folders still must not meet: the pattern tells them apart by {dir}.
    expect(names.pathFor({ sourcePath: 'src/models/x#y/a.ts' })).toBe('x-y/all.validate.ts');
    expect(thrown(() => names.pathFor({ sourcePath: 'src/models/x y/b.ts' }))).toMatchObject([{ code: 'CG4011', file: 'src/models/x y/b.ts' }]);
  });
});

describe('importPath', () => {
  it('keeps a source name as it is for a type import, which Node never loads', () => {
    expect(importPath('a-b.validate.ts', 'src/models/a#b.ts', context)).toBe('../models/a#b.js');
    expect(importPath('new-line.validate.ts', 'src/models/new\nline.ts', context)).toBe('../models/new\nline.js');
  });

  it.each(['a#b', '100%', 'what?', 'tab\tx', 'new\nline', 'cr\rx'])('refuses a value import of %j, which Node would not load (CG2014)', (name) => {
    const source = `src/models/${name}.ts`;
    expect(thrown(() => importPath('x.mock.ts', source, context, 'value'))).toEqual([
      expect.objectContaining({ code: 'CG2014', severity: 'error', file: source }),
    ]);
  });

  it('refuses any import of a name with a backslash, which tsc reads as a folder separator (CG2014)', () => {
    expect(thrown(() => importPath('x.validate.ts', 'src/models/back\\slash.ts', context))).toMatchObject([{ code: 'CG2014' }]);
  });

  it('allows a value import of names Node loads as they are', () => {
    expect(importPath('x.mock.ts', 'src/models/with space.ts', context, 'value')).toBe('../models/with space.js');
    expect(importPath('x.mock.ts', 'src/models/über.ts', context, 'value')).toBe('../models/über.js');
  });
});

describe('specifierText', () => {
  const hostile = ['../models/q"uote.js', "../models/it's.js", '../models/new\nline.js', '../models/cr\r.js', '../models/sep\u2028x\u2029.js',
    '../models/back\\slash.js', '../models/tick`${x}.js', '../models/nel\u0085.js', '../models/nul\u0000.js'];

  it.each(hostile)('quotes %j so that the literal, double- or single-quoted, holds exactly the specifier', (specifier) => {
    const text = specifierText(specifier);
    expect(text).not.toMatch(/[\n\r\u2028\u2029]/);
    // Parsed by a real JavaScript parser: the string cannot end early or run past its line.
    expect(new Function(`return "${text}";`)()).toBe(specifier);
    expect(new Function(`return '${text}';`)()).toBe(specifier);
  });

  it('escapes invisible bidi and zero-width characters, so the code reads as it runs (Trojan Source)', () => {
    const invisible = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u{e0001}'];
    const specifier = `../models/a${invisible.join('')}b.js`;
    const text = specifierText(specifier);
    expect(text).toMatch(/^[\x20-\x7e]*$/);
    expect(text).toContain('\\u202e');
    expect(new Function(`return "${text}";`)()).toBe(specifier);
  });

  it('leaves ordinary specifiers as they are', () => {
    expect(specifierText('./x-y/item.validate.js')).toBe('./x-y/item.validate.js');
    expect(specifierText('../models/日本.js')).toBe('../models/日本.js');
  });
});
