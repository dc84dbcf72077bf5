/**
 * Whether every mock of a declaration throws (then `owner?: Target` is left out of the mocks that
 * hold it) is kept between the builds of a watch, under a key naming the declaration and all it
 * reaches (mock/compile/throwing-declarations.ts). An edit two references away that makes
 * Target's mocks throw, or build again, must reach the file holding `owner?: Target` when that
 * file is planned again, while edits of that file alone take the kept verdict: each build writes
 * what a cold run of the same sources writes.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { run } from '../../../src/pipeline/run.js';
import { createWorkspace } from '../../../src/pipeline/workspace.js';
import { makeProject, readTree, removeProject, writeFile } from '../../helpers/workspace.js';

const folders: string[] = [];

afterEach(() => {
  for (const folder of folders.splice(0)) removeProject(folder);
});

// Files are planned in path order: a cold run compiles a-deep and b-target in their own files
// before c-holder asks about Target, so it never takes a verdict the watched builds kept.
const FILES = {
  'package.json': '{"type":"module"}',
  // Lib ES2022 and no @types: the models need neither, and each analysis then skips the DOM and Node declarations.
  'tsconfig.json': JSON.stringify({ compilerOptions: { target: 'ES2022', lib: ['ES2022'], types: [], module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, skipLibCheck: true } }),
  'codegen.config.yaml': 'input: ["src/models/**/*.ts"]\noutput: src/generated\ngenerators:\n  validate: {}\n  mock: {}\n',
  'src/models/b-target.ts': "import type { Deep } from './a-deep.js';\n\nexport interface Target {\n  inner: Deep;\n  label: string;\n}\n",
};
/** Deep, buildable or not: no mock samples a pattern of 10,001 letters (a CG5001 warning), so a required one throws. */
const deep = (throws: boolean) =>
  throws
    ? '/** @pattern ^[A-Z]{10001}$ */\nexport type LongKey = Uppercase<string>;\n\nexport interface Deep {\n  key: LongKey;\n}\n'
    : 'export interface Deep {\n  key: string;\n}\n';
/** Holder, its own edits numbered so that each plans its file again. */
const holder = (n: number) => `import type { Target } from './b-target.js';\n\nexport interface Holder {\n  owner?: Target;\n  n${n}: number;\n}\n`;

describe('mock verdicts kept between builds', () => {
  it('follow an edit two references away, and are taken back for edits elsewhere', async () => {
    const root = makeProject('mock-verdicts', { ...FILES, 'src/models/a-deep.ts': deep(false), 'src/models/c-holder.ts': holder(0) });
    folders.push(root);
    const workspace = createWorkspace({ cwd: root, env: {}, reuse: true });
    /** What a cold run writes for these sources. */
    const cold = async (deepThrows: boolean, n: number) => {
      const fresh = makeProject('mock-verdicts-cold', { ...FILES, 'src/models/a-deep.ts': deep(deepThrows), 'src/models/c-holder.ts': holder(n) });
      folders.push(fresh);
      expect((await run({ cwd: fresh, env: {} })).exitCode).toBe(0);
      return readTree(join(fresh, 'src/generated'));
    };
    // [Deep throws, Holder's number]: Holder alone (the verdict kept), Deep (Target's closure changed), and back.
    const steps: [boolean, number][] = [
      [false, 1],
      [false, 2],
      [true, 3],
      [true, 4],
      [true, 5],
      [false, 6],
      [false, 7],
    ];
    try {
      expect((await workspace.build()).exitCode).toBe(0);
      let deepThrows = false;
      for (const [throws, n] of steps) {
        const changed = [join(root, 'src/models/c-holder.ts')];
        writeFile(root, 'src/models/c-holder.ts', holder(n));
        if (throws !== deepThrows) {
          writeFile(root, 'src/models/a-deep.ts', deep(throws));
          changed.push(join(root, 'src/models/a-deep.ts'));
          deepThrows = throws;
        }
        expect((await workspace.build({ files: changed })).exitCode).toBe(0);
        const watched = readTree(join(root, 'src/generated'));
        // The answer itself: Holder's mocks set owner exactly while Target's mocks build.
        expect(watched['c-holder.mock.ts'], `step ${n}`).toContain(`n${n}:`);
        if (throws) expect(watched['c-holder.mock.ts'], `step ${n}`).not.toContain('owner:');
        else expect(watched['c-holder.mock.ts'], `step ${n}`).toContain('owner:');
        expect(watched, `step ${n}`).toEqual(await cold(throws, n));
      }
    } finally {
      await workspace.close();
    }
  }, 240_000);
});
