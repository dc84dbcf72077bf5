/**
 * The whole-model checks of validate and openapi keep their answer per declaration the build
 * reused (a frozen object: generators/kit/frozen-memo.ts). An edit that changes a check's answer
 * must be seen, and an edit elsewhere must keep it: each build reports what a cold run of the
 * same sources reports.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../src/diagnostics/types.js';
import { run } from '../../../src/pipeline/run.js';
import { createWorkspace } from '../../../src/pipeline/workspace.js';
import { makeProject, removeProject, writeFile } from '../../helpers/workspace.js';

const folders: string[] = [];

afterEach(() => {
  for (const folder of folders.splice(0)) removeProject(folder);
});

const FILES = {
  'package.json': '{"type":"module"}',
  'tsconfig.json': JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, skipLibCheck: true } }),
  'codegen.config.yaml': 'input: ["src/models/**/*.ts"]\noutput: src/generated\ngenerators:\n  validate: {}\n  openapi: {}\n',
};
const PRICE_FINE = 'export interface Price {\n  /** @multipleOf 0.01 */\n  amount: number;\n}\n';
// A step of 25 decimals (validate: a double cannot check it) and a required undefined (openapi: no JSON value).
const PRICE_BAD = 'export interface Price {\n  /** @multipleOf 0.0000000000000000000000001 */\n  amount: number;\n  gone: undefined;\n}\n';
const tag = (n: number) => `export interface Tag {\n  label: string;\n  n${n}?: number;\n}\n`;

/** What a build reports, in a comparable form. */
const reported = (diagnostics: Diagnostic[]) => diagnostics.map((d) => `${d.code} ${d.severity} ${d.file}:${d.line} ${d.message}`).sort();

describe('checks kept per reused declaration', () => {
  it('report what a cold run reports, after edits that change their answer and edits elsewhere', async () => {
    const root = makeProject('check-reuse', { ...FILES, 'src/models/price.ts': PRICE_FINE, 'src/models/tag.ts': tag(0) });
    folders.push(root);
    const workspace = createWorkspace({ cwd: root, reuse: true });
    const steps: [string, string, boolean][] = [
      ['src/models/price.ts', PRICE_BAD, true],
      ['src/models/tag.ts', tag(1), true], // Price reused: its answers kept
      ['src/models/tag.ts', tag(2), true],
      ['src/models/price.ts', PRICE_FINE, false], // the answer changes with the declaration
      ['src/models/tag.ts', tag(3), false],
      ['src/models/price.ts', PRICE_BAD, true],
      ['src/models/tag.ts', tag(4), true],
    ];
    try {
      // What a cold run reports for each state of Price (Tag's changes report nothing).
      const coldReport = async (price: string) => {
        const cold = makeProject('check-reuse-cold', { ...FILES, 'src/models/price.ts': price, 'src/models/tag.ts': tag(0) });
        folders.push(cold);
        return reported((await run({ cwd: cold, env: {} })).diagnostics);
      };
      const cold = { bad: await coldReport(PRICE_BAD), fine: await coldReport(PRICE_FINE) };
      expect(cold.fine).toEqual([]);
      expect(cold.bad.join('\n')).toMatch(/CG5001 error src\/models\/price.ts:1 validate cannot check Price: multipleOf "0\.0+1" has more digits/);
      expect(cold.bad.join('\n')).toMatch(/CG5001 warning src\/models\/price.ts:4 openapi: Price: gone is typed undefined/);

      expect(reported((await workspace.build()).diagnostics)).toEqual(cold.fine);
      for (const [file, text, bad] of steps) {
        writeFile(root, file, text);
        const watched = reported((await workspace.build({ files: [join(root, file)] })).diagnostics);
        expect(watched, `after writing ${file}`).toEqual(bad ? cold.bad : cold.fine);
      }
    } finally {
      await workspace.close();
    }
  }, 240_000);
});
