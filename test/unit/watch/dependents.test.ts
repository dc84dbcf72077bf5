/**
 * Watch mode reuses the declarations whose sources did not change (the warm analyzer's read
 * cache): a change must still reach every output that depends on it, across files, and leave
 * the outputs a cold `generate` of the same sources writes. A real watcher on a temp project;
 * each step asks for the next build before making its change.
 */
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../../src/pipeline/run.js';
import { makeProject, readTree, writeFile } from '../../helpers/workspace.js';
import { useWatchSessions } from '../../helpers/watch-sessions.js';

// Lib ES2022 and no @types: the models need neither, and each analysis then skips the DOM and Node declarations.
const compilerOptions = { target: 'ES2022', lib: ['ES2022'], types: [], module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, skipLibCheck: true, noEmit: true };
const tsconfig = (money: string) => JSON.stringify({ compilerOptions: { ...compilerOptions, baseUrl: '.', paths: { '#money': [money] } }, include: ['src'] });
const FILES = {
  'package.json': '{"name":"dependents","private":true,"type":"module"}',
  'tsconfig.json': tsconfig('./src/lib/plain.ts'),
  'codegen.config.yaml': 'input: ["src/models/**/*.ts"]\noutput: src/generated\ntsconfig: tsconfig.json\ngenerators:\n  validate: {}\n  mock: {}\n  openapi: {}\n',
  'src/lib/plain.ts': 'export type Money = number;\n',
  'src/lib/positive.ts': '/** @minimum 0 */\nexport type Money = number;\n',
  'src/models/code.ts': 'export type Code = string;\n',
  'src/models/address.ts': "import type { Code } from './code.js';\n\nexport interface Address {\n  /** @minLength 2 */\n  zip: Code;\n}\n",
  'src/models/user.ts': "import type { Address } from './address.js';\n\nexport interface User {\n  name: string;\n  home: Address;\n}\n",
  'src/models/order.ts': "import type { Money } from '#money';\n\nexport interface Order {\n  total: Money;\n}\n",
};

const sessions = useWatchSessions();

describe('watch mode and the declarations that depend on a change', () => {
  it('updates dependents in other files, sees renames, exports, diagnostics and tsconfig paths, and ends as a cold run', async () => {
    const root = makeProject('watch-dependents', FILES);
    sessions.track(root);
    const watching = sessions.start({ cwd: root, env: {} });
    const first = await watching.ready;
    expect(first.result.diagnostics).toEqual([]);
    const generated = (path: string) => readFileSync(join(root, 'src/generated', path), 'utf8');
    const step = async (path: string, text: string) => {
      const next = watching.nextBuild();
      writeFile(root, path, text);
      return (await next).result;
    };
    const codes = (result: Awaited<ReturnType<typeof step>>) => result.diagnostics.map((d) => `${d.code} ${d.file ?? ''}`);

    // A constraint added to Code (inlined where used) changes address.ts's outputs, though address.ts did not change.
    let result = await step('src/models/code.ts', '/** @pattern ^[0-9]+$ */\nexport type Code = string;\n');
    expect(result.exitCode).toBe(0);
    expect(result.projects[0]!.written).toContain('address.validate.ts');
    expect(generated('address.validate.ts')).toContain('[0-9]+');

    // Code becomes a number: the @minLength in address.ts is now on the wrong kind of type (CG2006 there), then not.
    result = await step('src/models/code.ts', 'export type Code = number;\n');
    expect(codes(result)).toContain('CG2006 src/models/address.ts');
    result = await step('src/models/code.ts', 'export type Code = string;\n');
    expect(result.exitCode).toBe(0);
    expect(generated('address.validate.ts')).not.toContain('[0-9]+');

    // Address renamed: User (unchanged file) no longer resolves it; renamed back, it does.
    result = await step('src/models/address.ts', FILES['src/models/address.ts'].replace('Address', 'Place'));
    expect(codes(result)).toContain('CG2010 src/models/user.ts');
    result = await step('src/models/address.ts', FILES['src/models/address.ts']);
    expect(result.exitCode).toBe(0);

    // Address stops being exported (user.ts imports it: an error there), then exports again.
    result = await step('src/models/address.ts', FILES['src/models/address.ts'].replace('export interface', 'interface'));
    expect(result.exitCode).toBe(2);
    result = await step('src/models/address.ts', FILES['src/models/address.ts']);
    expect(result.exitCode).toBe(0);
    expect(result.diagnostics).toEqual([]);

    // tsconfig `paths` now map #money to a constrained alias: order.ts's outputs follow.
    expect(generated('order.validate.ts')).not.toContain('minimum');
    result = await step('tsconfig.json', tsconfig('./src/lib/positive.ts'));
    expect(result.exitCode).toBe(0);
    expect(result.projects[0]!.written).toContain('order.validate.ts');

    await watching.close();
    const cold = makeProject('watch-dependents-cold', FILES);
    sessions.track(cold);
    rmSync(join(cold, 'src'), { recursive: true });
    cpSync(join(root, 'src'), join(cold, 'src'), { recursive: true, filter: (path) => !path.includes('generated') });
    writeFile(cold, 'tsconfig.json', tsconfig('./src/lib/positive.ts'));
    expect((await run({ cwd: cold, env: {} })).exitCode).toBe(0);
    expect(readTree(join(root, 'src/generated'))).toEqual(readTree(join(cold, 'src/generated')));
  }, 240_000);
});
