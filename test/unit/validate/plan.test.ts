/** The validate generator as data: what `plan` decides (files, imports, runtime helpers) and what `check` reports. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PlanContext } from '../../../src/generators/kit/contract.js';
import { createPlanContext } from '../../../src/generators/kit/plan-outputs.js';
import { validateGenerator } from '../../../src/generators/validate/index.js';
import type { RuntimeFileView, ValidateFileView } from '../../../src/generators/validate/view-model.js';
import { declaration, model, object, property, ref } from '../kit/model-builders.js';

const context: PlanContext = createPlanContext({
  inputRoot: 'src/models',
  outputDir: 'src/generated',
  outputToRoot: '../..',
  importExtension: '.js',
  configSource: 'codegen.config.yaml',
});
const inFile = (file: string) => ({ source: { file, line: 1, column: 1 } });

const address = declaration('Address', object(property('city', { kind: 'string', constraints: { format: 'email' } })), inFile('src/models/shared/address.ts'));
const user = declaration('User', object(property('home', ref('Address')), property('name', { kind: 'string' })), {
  ...inFile('src/models/user.ts'),
  generators: ['validate'],
});
const note = declaration('Note', object(property('text', { kind: 'string' })), { ...inFile('src/models/user.ts'), generators: ['mock'] });
const project = model(address, user, note);

const plan = (options: Partial<{ coerce: boolean; split: 'file' | 'type'; output: string }> = {}) =>
  validateGenerator.plan(project, { coerce: false, split: 'file', ...options }, context);

describe('validateGenerator.plan', () => {
  it('plans one file per source file holding processed and reached types, and the runtime once', () => {
    const files = plan();
    expect(files.map((file) => [file.path, file.template, file.source])).toEqual([
      ['shared/address.validate.ts', 'file.hbs', 'src/models/shared/address.ts'],
      ['user.validate.ts', 'file.hbs', 'src/models/user.ts'],
      ['validation.ts', 'runtime.hbs', 'codegen.config.yaml'],
    ]);
    const userFile = files[1]!.data as unknown as ValidateFileView;
    expect(userFile.declarations.map((d) => d.name)).toEqual(['User']);
  });

  it('imports user types, other files’ validators and the runtime relatively', () => {
    const userFile = plan()[1]!.data as unknown as ValidateFileView;
    expect(userFile.typeImports).toEqual([{ names: 'User', from: '../models/user.js' }]);
    expect(userFile.validatorImports).toEqual([{ names: 'collectAddressIssues, isAddress', from: './shared/address.validate.js' }]);
    expect(userFile.runtimeImport.from).toBe('./validation.js');
    const addressFile = plan()[0]!.data as unknown as ValidateFileView;
    expect(addressFile.runtimeImport.from).toBe('../validation.js');
  });

  it('accounts for the generator’s own output folder in imports of user sources', () => {
    const userFile = plan({ output: 'validators' })[1]!.data as unknown as ValidateFileView;
    expect(userFile.typeImports).toEqual([{ names: 'User', from: '../../models/user.js' }]);
  });

  it('plans one file per type with split: type', () => {
    expect(plan({ split: 'type' }).map((file) => file.path)).toEqual(['shared/address.validate.ts', 'user.validate.ts', 'validation.ts']);
    const twoTypes = model(address, { ...note, generators: ['validate'] }, user);
    const paths = validateGenerator.plan(twoTypes, { coerce: false, split: 'type' }, context).map((file) => file.path);
    expect(paths).toEqual(['note.validate.ts', 'shared/address.validate.ts', 'user.validate.ts', 'validation.ts']);
  });

  it('asks the runtime for the helpers the files use, and only those', () => {
    const runtime = plan().at(-1)!.data as unknown as RuntimeFileView;
    const used = Object.entries(runtime.helpers).filter(([, used]) => used).map(([name]) => name);
    expect(used).toEqual(['validateWith', 'assertValid', 'report', 'isObject', 'isEmailFormat']);
  });

  it('plans nothing when no type is processed', () => {
    expect(validateGenerator.plan(model(address), { coerce: false, split: 'file' }, context)).toEqual([]);
  });

  it('prints an unexported type structurally, since it cannot be imported', () => {
    const hidden = declaration('Hidden', object(property('id', { kind: 'string' })), { exported: false, generators: ['validate'] });
    const [file] = validateGenerator.plan(model(hidden), { coerce: false, split: 'file' }, context);
    const view = file!.data as unknown as ValidateFileView;
    expect(view.declarations[0]?.typeText).toBe('{ id: string }');
    expect(view.typeImports).toEqual([]);
  });
});

describe('validateGenerator definition', () => {
  it('documents its options and ships its templates', () => {
    expect(validateGenerator.options.map((option) => [option.name, option.default])).toEqual([['coerce', false]]);
    expect(existsSync(join(validateGenerator.templatesDir, 'file.hbs'))).toBe(true);
    expect(existsSync(join(validateGenerator.templatesDir, 'runtime.hbs'))).toBe(true);
    expect(Object.keys(validateGenerator.helpers ?? {})).toEqual(['isBody', 'collectBody', 'coerceBody']);
  });

  it('reports a multipleOf a double cannot check, and nothing for what it can', () => {
    const price = (multipleOf: string) =>
      model(declaration('Price', object(property('amount', { kind: 'number', constraints: { multipleOf } })), { generators: ['validate'] }));
    expect(validateGenerator.check?.(price('0.01'), { coerce: false, split: 'file' }, context)).toEqual([]);
    const diagnostics = validateGenerator.check?.(price('1e-30'), { coerce: false, split: 'file' }, context) ?? [];
    expect(diagnostics.map((d) => [d.code, d.file])).toEqual([['CG5001', 'src/models/types.ts']]);
    const unknownOnly = model(declaration('Bag', object(property('x', { kind: 'unknown' })), { generators: ['validate'] }));
    expect(validateGenerator.check?.(unknownOnly, { coerce: false, split: 'file' }, context)).toEqual([]);
  });
});
