/**
 * Which package holds a file through `node_modules`, where its outputs go, and the specifier
 * generated code imports it by: the one user code imports it by.
 */
import { describe, expect, it } from 'vitest';
import { exportedSubpaths, importedPackageName, packageFile, packageSpecifier, type PackageManifest } from '../../../src/generators/kit/package-specifiers.js';
import { importPath, OutputNames, outputPathFor } from '../../../src/generators/kit/output-paths.js';
import { DiagnosticError } from '../../../src/diagnostics/types.js';

/** The specifier of `path` when its package.json holds `manifest`, imports spelled with `.js`. */
function specifier(path: string, manifest: PackageManifest | undefined, extension: '.js' | '' = '.js'): string | undefined {
  return packageSpecifier(packageFile(path)!, manifest, extension);
}

describe('packageFile', () => {
  it.each([
    ['node_modules/mylib/index.d.ts', { name: 'mylib', root: 'node_modules/mylib', inner: 'index.d.ts' }],
    ['node_modules/@acme/shapes/dist/index.d.ts', { name: '@acme/shapes', root: 'node_modules/@acme/shapes', inner: 'dist/index.d.ts' }],
    ['../../node_modules/@types/geojson/index.d.ts', { name: '@types/geojson', root: '../../node_modules/@types/geojson', inner: 'index.d.ts' }],
    // pnpm's store: the package is the one below the last node_modules.
    ['node_modules/.pnpm/mylib@1.0.0/node_modules/mylib/lib/a.d.ts', { name: 'mylib', root: 'node_modules/.pnpm/mylib@1.0.0/node_modules/mylib', inner: 'lib/a.d.ts' }],
  ])('reads %j', (path, expected) => {
    expect(packageFile(path)).toEqual(expected);
  });

  it('is undefined for a path through no node_modules folder', () => {
    expect(packageFile('src/models/node-modules/x.ts')).toBeUndefined();
    expect(packageFile('../shared/money.ts')).toBeUndefined();
  });
});

describe('importedPackageName', () => {
  it('names the package a DefinitelyTyped package types', () => {
    expect(importedPackageName('@types/geojson')).toBe('geojson');
    expect(importedPackageName('@types/babel__core')).toBe('@babel/core');
    expect(importedPackageName('@acme/shapes')).toBe('@acme/shapes');
  });
});

describe('packageSpecifier', () => {
  it('is the bare name for the entry of a package without exports', () => {
    expect(specifier('node_modules/mylib/index.d.ts', { types: 'index.d.ts' })).toBe('mylib');
    expect(specifier('node_modules/mylib/index.d.ts', undefined)).toBe('mylib');
    expect(specifier('node_modules/mylib/dist/main.d.ts', { typings: './dist/main.d.ts' })).toBe('mylib');
    expect(specifier('node_modules/mylib/lib/index.d.ts', { main: 'lib/index.js' })).toBe('mylib');
    expect(specifier('node_modules/mylib/lib/index.d.ts', { main: 'lib' })).toBe('mylib');
    expect(specifier('node_modules/@types/geojson/index.d.ts', { types: 'index.d.ts' })).toBe('geojson');
  });

  it('is the name and path of another file of a package without exports, spelled as the project spells imports', () => {
    expect(specifier('node_modules/mylib/extra/deep.d.ts', { types: 'index.d.ts' })).toBe('mylib/extra/deep.js');
    expect(specifier('node_modules/mylib/extra/deep.d.ts', { types: 'index.d.ts' }, '')).toBe('mylib/extra/deep');
    expect(specifier('node_modules/mylib/extra/deep.d.mts', {})).toBe('mylib/extra/deep.mjs');
    expect(specifier('node_modules/@types/lib/extra.d.ts', { types: 'index.d.ts' })).toBe('lib/extra.js');
  });

  it('follows exports: subpaths, conditions, the JavaScript file a declaration declares, and patterns', () => {
    const exports = {
      '.': { types: './dist/index.d.ts', default: './dist/index.js' },
      './sub': { import: './dist/sub/thing.js' },
      './package.json': './package.json',
      './features/*': { types: './types/features/*.d.ts', default: './dist/features/*.js' },
      './utils/*': './dist/utils/*',
    };
    expect(specifier('node_modules/@acme/shapes/dist/index.d.ts', { exports })).toBe('@acme/shapes');
    expect(specifier('node_modules/@acme/shapes/dist/sub/thing.d.ts', { exports })).toBe('@acme/shapes/sub');
    expect(specifier('node_modules/@acme/shapes/types/features/round/a.d.ts', { exports })).toBe('@acme/shapes/features/round/a');
    expect(specifier('node_modules/@acme/shapes/dist/utils/x.d.ts', { exports })).toBe('@acme/shapes/utils/x.js');
    expect(specifier('node_modules/mylib/index.d.ts', { exports: './index.js' })).toBe('mylib');
    expect(specifier('node_modules/mylib/index.d.ts', { exports: { types: './index.d.ts', default: './index.js' } })).toBe('mylib');
  });

  it('lists the exact subpaths of exports with the declaration files they reach (the pipeline follows their export * from there)', () => {
    expect(exportedSubpaths({ '.': { types: './lib/index.d.ts', default: './lib/index.js' }, './sub': './lib/sub.mjs', './x/*': './lib/x/*.js' })).toEqual([
      { subpath: '.', files: ['lib/index.d.ts'] },
      { subpath: './sub', files: ['lib/sub.d.mts'] },
    ]);
    expect(exportedSubpaths('./index.js')).toEqual([{ subpath: '.', files: ['index.d.ts'] }]);
  });

  it('is undefined for a file the exports reach by no subpath', () => {
    expect(specifier('node_modules/@acme/shapes/dist/internal.d.ts', { exports: { '.': './dist/index.js' } })).toBeUndefined();
  });
});

describe('outputs of installed packages', () => {
  const context = { inputRoot: 'src/models', outputDir: 'src/generated', importExtension: '.js' as const };
  const byFile = { split: 'file' as const };

  it.each([
    ['node_modules/mylib/index.d.ts', '_external/packages/mylib/index.validate.ts'],
    ['node_modules/@acme/shapes/dist/sub/thing.d.ts', '_external/packages/@acme/shapes/dist/sub/thing.validate.ts'],
    ['node_modules/@types/geojson/index.d.ts', '_external/packages/@types/geojson/index.validate.ts'],
    ['../../node_modules/mylib/index.d.ts', '_external/packages/mylib/index.validate.ts'],
    ['node_modules/.pnpm/mylib@1.0.0/node_modules/mylib/index.d.ts', '_external/packages/mylib/index.validate.ts'],
  ])('put %j at %j, below no node_modules folder', (sourcePath, expected) => {
    expect(outputPathFor({ sourcePath }, 'validate', byFile, context)).toBe(expected);
  });

  it('go to _external/packages/ even when the input base holds node_modules', () => {
    expect(outputPathFor({ sourcePath: 'node_modules/mylib/index.d.ts' }, 'validate', byFile, { inputRoot: '' })).toBe('_external/packages/mylib/index.validate.ts');
  });

  it('refuse two installs of one package meeting in one output (CG4011), rather than merging them', () => {
    const names = new OutputNames('validate', byFile, context);
    names.pathFor({ sourcePath: 'node_modules/mylib/index.d.ts' });
    expect(() => names.pathFor({ sourcePath: 'node_modules/other/node_modules/mylib/index.d.ts' })).toThrow(DiagnosticError);
  });

  it('refuse a package and a folder packages/<name> outside the base meeting in one output (CG4011)', () => {
    const names = new OutputNames('validate', byFile, context);
    expect(names.pathFor({ sourcePath: 'node_modules/mylib/index.d.ts' })).toBe('_external/packages/mylib/index.validate.ts');
    expect(() => names.pathFor({ sourcePath: '../packages/mylib/index.ts' })).toThrow(DiagnosticError);
  });

  it('keep the scope readable but safe in a fileName pattern', () => {
    const options = { split: 'file' as const, fileName: 'v/{dir}/{name}.ts' };
    expect(outputPathFor({ sourcePath: 'node_modules/@my org/x y/index.d.ts' }, 'validate', options, context)).toBe('v/_external/packages/@my-org/x-y/index.ts');
  });

  it('are imported by the specifier the pipeline found, else by the relative path', () => {
    const packageSpecifiers = { 'node_modules/@types/geojson/index.d.ts': 'geojson' };
    expect(importPath('_external/packages/@types/geojson/index.validate.ts', 'node_modules/@types/geojson/index.d.ts', { ...context, packageSpecifiers }, 'value')).toBe('geojson');
    expect(importPath('_external/packages/x/hidden.validate.ts', 'node_modules/x/hidden.d.ts', { ...context, packageSpecifiers })).toBe('../../../../../node_modules/x/hidden.js');
  });
});
