/**
 * Sources outside the input base (a monorepo sibling, a workspace package, a folder beside the
 * base) are generated under `_external/` inside the output folder, by their path from the config
 * folder without the leading `../`.
 */
import { describe, expect, it } from 'vitest';
import { OutputNames, importPath, outputPathFor } from '../../../src/generators/kit/output-paths.js';
import { DiagnosticError } from '../../../src/diagnostics/types.js';

const context = { inputRoot: 'src/models', outputDir: 'src/generated', importExtension: '.js' as const };
const byFile = { split: 'file' as const };

describe('outputPathFor a source outside the input base', () => {
  it.each([
    ['../../shared/money.ts', '_external/shared/money.validate.ts'],
    ['../money/src/price.ts', '_external/money/src/price.validate.ts'],
    ['src/shared/address.ts', '_external/src/shared/address.validate.ts'],
    ['shared.ts', '_external/shared.validate.ts'],
    ['src/models-old/user.ts', '_external/src/models-old/user.validate.ts'],
  ])('puts %j at %j', (sourcePath, expected) => {
    expect(outputPathFor({ sourcePath }, 'validate', byFile, context)).toBe(expected);
  });

  it('leaves sources inside the base where they were', () => {
    expect(outputPathFor({ sourcePath: 'src/models/shop/order.ts' }, 'validate', byFile, context)).toBe('shop/order.validate.ts');
    expect(outputPathFor({ sourcePath: 'src/models/user.ts' }, 'validate', byFile, context)).toBe('user.validate.ts');
  });

  it('follows a fileName pattern, {dir} standing for the _external folder', () => {
    const options = { split: 'file' as const, fileName: 'validators/{dir}/{name}.ts' };
    expect(outputPathFor({ sourcePath: '../../shared/money.ts' }, 'validate', options, context)).toBe('validators/_external/shared/money.ts');
  });

  it('still imports the source by its real relative path', () => {
    expect(importPath('_external/shared/money.validate.ts', '../../shared/money.ts', context)).toBe('../../../../../../shared/money.js');
  });

  it('refuses two sources that only differ in how far up they are (CG4011), rather than merging them', () => {
    const names = new OutputNames('validate', byFile, context);
    expect(names.pathFor({ sourcePath: '../shared/money.ts' })).toBe('_external/shared/money.validate.ts');
    let thrown: unknown;
    try {
      names.pathFor({ sourcePath: '../../shared/money.ts' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DiagnosticError);
    expect((thrown as DiagnosticError).diagnostics).toMatchObject([
      { code: 'CG4011', file: '../../shared/money.ts', message: 'validate: ../../shared/money.ts and ../shared/money.ts would both be written to _external/shared/money.validate.ts.' },
    ]);
  });
});
