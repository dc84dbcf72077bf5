/**
 * The pipeline reads each installed package's package.json (and, for a file its exports do not
 * name, the entries' `export *` chains) wherever node_modules is: in the project, hoisted above
 * it, or in pnpm's store.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packageSpecifiersFor } from '../../../src/pipeline/package-specifiers.js';
import { makeProject, removeProject } from '../../helpers/workspace.js';

const created: string[] = [];
afterAll(() => created.forEach(removeProject));

describe('packageSpecifiersFor', () => {
  const root = makeProject('package-specifiers', {
    'node_modules/hoisted/package.json': JSON.stringify({ name: 'hoisted', types: './types/main.d.ts' }),
    'node_modules/hoisted/types/main.d.ts': 'export interface A { a: string }\n',
    'node_modules/.pnpm/stored@2.0.0/node_modules/stored/package.json': JSON.stringify({ name: 'stored', exports: { '.': { types: './lib/index.d.ts' } } }),
    'node_modules/.pnpm/stored@2.0.0/node_modules/stored/lib/index.d.ts': "export * from './parts/index.js';\n",
    'node_modules/.pnpm/stored@2.0.0/node_modules/stored/lib/parts/index.d.ts': "export * from './b';\nexport * as ns from './c.js';\n",
    'node_modules/.pnpm/stored@2.0.0/node_modules/stored/lib/parts/b.d.ts': 'export interface B { b: string }\n',
    'node_modules/.pnpm/stored@2.0.0/node_modules/stored/lib/parts/c.d.ts': 'export interface C { c: string }\n',
    'node_modules/nomanifest/index.d.ts': 'export interface N { n: string }\n',
    'app/codegen.config.yaml': '',
  });
  created.push(root);
  const appDir = join(root, 'app');

  it('names each package file by the specifier user code imports it by, from the config folder below', () => {
    const files = [
      'src/models/user.ts',
      '../node_modules/hoisted/types/main.d.ts',
      '../node_modules/.pnpm/stored@2.0.0/node_modules/stored/lib/parts/b.d.ts',
      '../node_modules/.pnpm/stored@2.0.0/node_modules/stored/lib/parts/c.d.ts',
      '../node_modules/nomanifest/index.d.ts',
    ];
    expect(packageSpecifiersFor(files, appDir, '.js')).toEqual({
      '../node_modules/hoisted/types/main.d.ts': 'hoisted',
      // Through `export *` twice (the second without an extension); `export * as ns` does not re-export c.d.ts's names.
      '../node_modules/.pnpm/stored@2.0.0/node_modules/stored/lib/parts/b.d.ts': 'stored',
      '../node_modules/nomanifest/index.d.ts': 'nomanifest',
    });
  });

  it('is undefined for a model without package files', () => {
    expect(packageSpecifiersFor(['src/models/user.ts'], appDir, '.js')).toBeUndefined();
  });
});
