/**
 * The import extension generated code writes comes from the tsconfig's options alone, read
 * without listing the files its `include` names (a watch build asks on every rebuild): the
 * options still come through `extends`, and a tsconfig whose `include` matches nothing is read.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importExtensionFor } from '../../../src/analyzer/import-style.js';
import { moduleResolverFor } from '../../../src/pipeline/package-specifiers.js';
import { makeProject, removeProject } from '../../helpers/workspace.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) removeProject(folder);
});

describe('importExtensionFor', () => {
  it('reads module and moduleResolution through extends, with or without files to include', () => {
    const root = makeProject('import-extension', {
      'base/node.json': JSON.stringify({ compilerOptions: { module: 'NodeNext' } }),
      'base/bundler.json': JSON.stringify({ compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler' } }),
      'node.json': JSON.stringify({ extends: './base/node.json', include: ['src'] }),
      'bundler.json': JSON.stringify({ extends: './base/bundler.json', include: ['src'] }),
      'empty.json': JSON.stringify({ extends: './base/node.json', include: ['nothing-here'] }),
      'src/a.ts': 'export const a = 1;\n',
    });
    folders.push(root);
    expect(importExtensionFor(join(root, 'node.json'))).toBe('.js');
    expect(importExtensionFor(join(root, 'bundler.json'))).toBe('');
    expect(importExtensionFor(join(root, 'empty.json'))).toBe('.js');
    expect(importExtensionFor(undefined)).toBe('');
  });

  it('resolves imports of generated files with the options an extended tsconfig sets (paths)', () => {
    const root = makeProject('import-extension-paths', {
      'base.json': JSON.stringify({ compilerOptions: { module: 'NodeNext', baseUrl: '.', paths: { '#lib/*': ['lib/*'] } } }),
      'tsconfig.json': JSON.stringify({ extends: './base.json', include: ['src'] }),
      'lib/thing.ts': 'export const thing = 1;\n',
    });
    folders.push(root);
    const resolve = moduleResolverFor(join(root, 'tsconfig.json'), join(root, 'src/generated/index.ts'));
    expect(resolve('#lib/thing.js')).toBe(join(root, 'lib/thing.ts'));
  });
});
