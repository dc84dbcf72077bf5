/**
 * The whole-model checks of validate and openapi keep their walks per declaration the build
 * reused (a frozen object: generators/kit/frozen-memo.ts). An edit that changes a check's answer
 * must be seen, an edit elsewhere must keep it, and an edit to a type another declaration's answer
 * depends on (a default judged against a referenced type) must be seen too: each build reports
 * what a cold run of the same sources reports.
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
  // Lib ES2022 and no @types: the models need neither, and each analysis then skips the DOM and Node declarations.
  'tsconfig.json': JSON.stringify({ compilerOptions: { target: 'ES2022', lib: ['ES2022'], types: [], module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, skipLibCheck: true } }),
  'codegen.config.yaml': 'input: ["src/models/**/*.ts"]\noutput: src/generated\ngenerators:\n  validate: {}\n  openapi: {}\n',
};
// Price's default is judged through Tag's file: it fits Mail only while Mail has no format.
const PRICE_HEAD = "import type { Mail } from './tag.js';\n\nexport interface Price {\n  /** @default \"nobody\" */\n  contact: Mail;\n";
const PRICE_FINE = `${PRICE_HEAD}  /** @multipleOf 0.01 */\n  amount: number;\n}\n`;
// A step of 25 decimals (validate: a double cannot check it) and a required undefined (openapi: no JSON value).
const PRICE_BAD = `${PRICE_HEAD}  /** @multipleOf 0.0000000000000000000000001 */\n  amount: number;\n  gone: undefined;\n}\n`;
const tag = (n: number, format = false) => `${format ? '/** @format email */\n' : ''}export type Mail = string;\n\nexport interface Tag {\n  label: string;\n  n${n}?: number;\n}\n`;

/** What a build reports, in a comparable form. */
const reported = (diagnostics: Diagnostic[]) => diagnostics.map((d) => `${d.code} ${d.severity} ${d.file}:${d.line} ${d.message}`).sort();

describe('checks kept per reused declaration', () => {
  it('report what a cold run reports, after edits that change their answer and edits elsewhere', async () => {
    const root = makeProject('check-reuse', { ...FILES, 'src/models/price.ts': PRICE_FINE, 'src/models/tag.ts': tag(0) });
    folders.push(root);
    const workspace = createWorkspace({ cwd: root, reuse: true });
    const steps: [string, string][] = [
      ['src/models/price.ts', PRICE_BAD],
      ['src/models/tag.ts', tag(1)], // Price reused: its answers kept
      ['src/models/tag.ts', tag(2)],
      ['src/models/price.ts', PRICE_FINE], // the answer changes with the declaration
      ['src/models/tag.ts', tag(3)],
      ['src/models/tag.ts', tag(4, true)], // Mail gains a format: Price's default no longer fits it
      ['src/models/price.ts', PRICE_BAD],
      ['src/models/tag.ts', tag(5, true)],
      ['src/models/tag.ts', tag(6)],
    ];
    const colds = new Map<string, string[]>();
    /** What a cold run of these sources reports (Tag's own edits change nothing but Mail's format). */
    const coldReport = async (price: string, tagText: string) => {
      const key = `${price}\n${tagText.startsWith('/**')}`;
      if (!colds.has(key)) {
        const cold = makeProject('check-reuse-cold', { ...FILES, 'src/models/price.ts': price, 'src/models/tag.ts': tagText });
        folders.push(cold);
        colds.set(key, reported((await run({ cwd: cold, env: {} })).diagnostics));
      }
      return colds.get(key)!;
    };
    try {
      expect(await coldReport(PRICE_FINE, tag(0))).toEqual([]);
      const bad = (await coldReport(PRICE_BAD, tag(0))).join('\n');
      expect(bad).toMatch(/CG5001 error src\/models\/price.ts:\d+ validate cannot check Price: multipleOf "0\.0+1" has more digits/);
      expect(bad).toMatch(/CG5001 warning src\/models\/price.ts:\d+ openapi: Price: gone is typed undefined/);
      expect((await coldReport(PRICE_FINE, tag(0, true))).join('\n')).toMatch(/CG2024 .* @default "nobody" on Price.contact/);

      const current = { 'src/models/price.ts': PRICE_FINE, 'src/models/tag.ts': tag(0) };
      expect(reported((await workspace.build()).diagnostics)).toEqual([]);
      for (const [file, text] of steps) {
        writeFile(root, file, text);
        current[file as keyof typeof current] = text;
        const watched = reported((await workspace.build({ files: [join(root, file)] })).diagnostics);
        expect(watched, `after writing ${file}`).toEqual(await coldReport(current['src/models/price.ts'], current['src/models/tag.ts']));
      }
    } finally {
      await workspace.close();
    }
  }, 240_000);
});
