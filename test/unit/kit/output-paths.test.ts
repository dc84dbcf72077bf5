import { describe, expect, it } from 'vitest';
import { importPath, importPathBetweenOutputs, locatedOutputPath, outputPathFor } from '../../../src/generators/kit/output-paths.js';

const context = { inputRoot: 'src/models', outputDir: 'src/generated', importExtension: '.js' as const };

describe('outputPathFor', () => {
  it('mirrors the source folders under the output folder by default', () => {
    expect(outputPathFor({ sourcePath: 'src/models/user.ts' }, 'validate', { split: 'file' }, context)).toBe('user.validate.ts');
    expect(outputPathFor({ sourcePath: 'src/models/shop/OrderItem.ts' }, 'mock', { split: 'file' }, context)).toBe('shop/order-item.mock.ts');
  });

  it('names files after the type with split: type', () => {
    const subject = { sourcePath: 'src/models/shop/order.ts', typeName: 'OrderItem' };
    expect(outputPathFor(subject, 'validate', { split: 'type' }, context)).toBe('shop/order-item.validate.ts');
  });

  it("keeps a type name's _ with split: type, so an instantiation and the alias naming it get two files (tester7 F11)", () => {
    // `type MutSrc = Mut<Src>`: codegen names the instantiation `Mut_Src`; both were mut-src.validate.ts (CG4011).
    const named = (typeName: string) => outputPathFor({ sourcePath: 'src/models/m.ts', typeName }, 'validate', { split: 'type' }, context);
    expect(named('Mut_Src')).toBe('mut_src.validate.ts');
    expect(named('MutSrc')).toBe('mut-src.validate.ts');
    expect(named('Page_OrderItem_string')).toBe('page_order-item_string.validate.ts');
    expect(named('_Hidden')).toBe('hidden.validate.ts');
    // Source file names are kebab-cased whole, as before.
    expect(outputPathFor({ sourcePath: 'src/models/user_profile.ts' }, 'validate', { split: 'file' }, context)).toBe('user-profile.validate.ts');
  });

  it('follows a fileName pattern and refuses one that leaves the output folder', () => {
    const subject = { sourcePath: 'src/models/shop/order.ts' };
    expect(outputPathFor(subject, 'validate', { split: 'file', fileName: 'validators/{dir}/{name}.ts' }, context)).toBe('validators/shop/order.ts');
    expect(outputPathFor(subject, 'validate', { split: 'file', fileName: '{name}.check.ts' }, context)).toBe('order.check.ts');
    expect(() => outputPathFor(subject, 'validate', { split: 'file', fileName: '../../{name}.ts' }, context)).toThrow(/outside the output folder/);
  });

  it('places a planned path under the generator folder', () => {
    expect(locatedOutputPath('user.validate.ts', { output: 'validators' })).toBe('validators/user.validate.ts');
    expect(locatedOutputPath('user.validate.ts', {})).toBe('user.validate.ts');
  });
});

describe('importPath', () => {
  it('imports a user source relatively, with the import extension', () => {
    expect(importPath('shop/order.validate.ts', 'src/models/shop/order.ts', context)).toBe('../../models/shop/order.js');
    expect(importPath('user.validate.ts', 'src/models/user.mts', context)).toBe('../models/user.mjs');
    expect(importPath('user.validate.ts', 'src/models/user.ts', { ...context, importExtension: '' })).toBe('../models/user');
  });

  it('imports another generated file relatively', () => {
    expect(importPathBetweenOutputs('shop/order.validate.ts', 'validation.ts', context)).toBe('../validation.js');
    expect(importPathBetweenOutputs('user.validate.ts', 'shop/order.validate.ts', context)).toBe('./shop/order.validate.js');
  });
});
