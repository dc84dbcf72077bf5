/**
 * Generators get the model frozen (pipeline/build-project.ts), in a one-shot run as in watch mode,
 * where the parts of declarations an edit did not reach are the very objects of the last build
 * (analyzer/incremental/read-cache.ts): a plugin that changes the model it is given (which `plan`
 * must not do: docs/templates-and-plugins.md) fails with CG3006 at the change, instead of feeding
 * the other generators, or the next build, a changed model (tester7 F3: the validators were
 * written for a declaration renamed by a plugin, and the user's tsc failed in them).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createWorkspace } from '../../../src/pipeline/workspace.js';
import { makeProject, removeProject, writeFile } from '../../helpers/workspace.js';

const folders: string[] = [];

afterEach(() => {
  for (const folder of folders.splice(0)) removeProject(folder);
});

const PLUGIN = `import { fileURLToPath } from 'node:url';

export default {
  name: 'renamer',
  description: 'Renames the first property of Tag in the model it is given (what a plan must not do)',
  templatesDir: fileURLToPath(new URL('./renamer-templates', import.meta.url)),
  plan(model) {
    const tag = model.declarations.find((declaration) => declaration.name === 'Tag');
    if (tag && tag.type.kind === 'object') tag.type.properties[0].name = 'renamed';
    return [{ path: 'names.txt', template: 'names.hbs', data: { names: model.declarations.map((d) => d.name) }, source: 'codegen.config.yaml' }];
  },
};
`;

describe('a watch workspace and a plugin that changes its model', () => {
  it('reports CG3006 in the first build and after an edit, and writes nothing', async () => {
    const root = makeProject('frozen-model', {
      'package.json': '{"type":"module"}',
      // Lib ES2022 and no @types: the models need neither, and each analysis then skips the DOM and Node declarations.
      'tsconfig.json': JSON.stringify({ compilerOptions: { target: 'ES2022', lib: ['ES2022'], types: [], module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, skipLibCheck: true } }),
      'codegen.config.yaml': 'input: ["src/models/**/*.ts"]\noutput: src/generated\ngenerators:\n  validate: {}\n  renamer: {}\nplugins: [codegen/renamer.js]\n',
      'codegen/renamer.js': PLUGIN,
      'codegen/renamer-templates/names.hbs': '{{#each names}}{{this}}\n{{/each}}',
      'src/models/tag.ts': 'export interface Tag {\n  label: string;\n}\n',
      'src/models/user.ts': 'export interface User {\n  name: string;\n}\n',
    });
    folders.push(root);
    const workspace = createWorkspace({ cwd: root, reuse: true });
    try {
      const first = await workspace.build();
      expect(first.exitCode).toBe(2);
      expect(first.diagnostics.map((d) => d.code)).toEqual(['CG3006']);
      expect(first.diagnostics[0]!.message).toMatch(/^Generator "renamer" failed: .*read.only/);
      expect(first.diagnostics[0]!.hint).toMatch(/must not change the model/);
      expect(existsSync(join(root, 'src/generated'))).toBe(false);
      writeFile(root, 'src/models/user.ts', 'export interface User {\n  name: string;\n  age: number;\n}\n');
      const second = await workspace.build({ files: [join(root, 'src/models/user.ts')] });
      expect(second.exitCode).toBe(2);
      expect(second.diagnostics.map((d) => d.code)).toEqual(['CG3006']);
      expect(second.diagnostics[0]!.message).toMatch(/^Generator "renamer" failed: .*read.only/);
    } finally {
      await workspace.close();
    }
  });
});
