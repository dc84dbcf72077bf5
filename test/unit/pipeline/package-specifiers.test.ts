/**
 * The pipeline reads each installed package's package.json and its entries' re-exports wherever
 * node_modules is (in the project, hoisted above it, pnpm's store), and keeps a specifier only
 * when TypeScript resolves it, from the output folder, to the file.
 */
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { moduleResolverFor, packageSpecifiersFor } from '../../../src/pipeline/package-specifiers.js';
import { makeProject, removeProject } from '../../helpers/workspace.js';

const created: string[] = [];
afterAll(() => created.forEach(removeProject));

const STORE = 'node_modules/.pnpm/stored@2.0.0/node_modules/stored';

describe('packageSpecifiersFor', () => {
  const root = makeProject('package-specifiers', {
    'node_modules/hoisted/package.json': JSON.stringify({ name: 'hoisted', types: './types/main.d.ts' }),
    'node_modules/hoisted/types/main.d.ts': 'export interface A { a: string }\n',
    // typesVersions sends every path elsewhere: the path inside the package does not resolve, the entry's re-export does.
    'node_modules/versioned/package.json': JSON.stringify({ name: 'versioned', types: 'index.d.ts', typesVersions: { '>=4.1': { '*': ['ts41/*'] } } }),
    'node_modules/versioned/ts41/index.d.ts': "export { V } from '../source/v';\n",
    'node_modules/versioned/source/v.d.ts': 'export type V = { v: string };\n',
    [`${STORE}/package.json`]: JSON.stringify({ name: 'stored', exports: { '.': { types: './lib/index.d.ts' } } }),
    [`${STORE}/lib/index.d.ts`]: "export * from './parts/index.js';\n",
    [`${STORE}/lib/parts/index.d.ts`]: "export * from './b';\nexport * as ns from './c.js';\nexport { D } from './d.js';\nexport { E } from './e.js';\n",
    [`${STORE}/lib/parts/b.d.ts`]: 'export interface B { b: string }\n',
    [`${STORE}/lib/parts/c.d.ts`]: 'export interface C { c: string }\n',
    [`${STORE}/lib/parts/d.d.ts`]: 'export interface D { d: string }\n',
    [`${STORE}/lib/parts/e.d.ts`]: 'export interface E { e: string }\nexport interface F { f: string }\n',
    'node_modules/nomanifest/index.d.ts': 'export interface N { n: string }\n',
    'app/codegen.config.yaml': '',
    'app/tsconfig.json': JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true } }),
  });
  created.push(root);
  symlinkSync('.pnpm/stored@2.0.0/node_modules/stored', join(root, 'node_modules', 'stored'), 'dir');
  const appDir = join(root, 'app');
  const resolve = moduleResolverFor(join(appDir, 'tsconfig.json'), join(appDir, 'src', 'generated', 'index.ts'));
  const storeFile = (name: string) => `../${STORE}/lib/parts/${name}.d.ts`;

  it('names each package file by a specifier TypeScript resolves to it, from the config folder below', () => {
    const files = [
      'src/models/user.ts',
      '../node_modules/hoisted/types/main.d.ts',
      '../node_modules/versioned/source/v.d.ts',
      ...['b', 'c', 'd', 'e'].map(storeFile),
      '../node_modules/nomanifest/index.d.ts',
    ];
    expect(packageSpecifiersFor(files, appDir, '.js', resolve)).toEqual({
      '../node_modules/hoisted/types/main.d.ts': 'hoisted',
      '../node_modules/versioned/source/v.d.ts': 'versioned',
      // b through `export *` twice (the second without an extension), d by `export { D }` naming all it exports;
      // not c (`export * as ns`) nor e (F is not re-exported): they keep their relative imports.
      [storeFile('b')]: 'stored',
      [storeFile('d')]: 'stored',
      // A folder without package.json is no package to NodeNext's resolution: its file keeps its relative import.
    });
  });

  it('is undefined for a model without package files', () => {
    expect(packageSpecifiersFor(['src/models/user.ts'], appDir, '.js', resolve)).toBeUndefined();
  });
});
