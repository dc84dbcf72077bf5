/**
 * The proof behind scan-cuts.ts: on codegen's own outputs as rendered (before Prettier) and on
 * every TypeScript output the fixtures expect, every cut the scan proposes is one TypeScript's
 * parse finds too, after the same statement; the pieces it gives, formatted and joined, are
 * Prettier's output for the whole file. What it cannot read for sure, it leaves to the parse.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'prettier';
import { globSync } from 'tinyglobby';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFormatter, nodeFileSystem } from '../../../src/emit/index.js';
import { scanCuts } from '../../../src/emit/scan-cuts.js';
import { parsedCuts } from '../../../src/emit/split-statements.js';
import { REPO_ROOT, TMP_ROOT } from '../../helpers/paths.js';
import { renderedExample } from '../../helpers/rendered-example.js';

mkdirSync(TMP_ROOT, { recursive: true });
const project = mkdtempSync(join(TMP_ROOT, 'scan-cuts-'));
afterAll(() => rmSync(project, { recursive: true, force: true }));

/** The bundled example's outputs of every built-in generator, as rendered (`--no-format`). */
let rendered: [string, string][] = [];
beforeAll(async () => {
  // The project the formatter runs in (its .prettierrc, written below); the texts are rendered elsewhere.
  writeFileSync(join(project, 'package.json'), '{ "name": "scan", "private": true, "type": "module" }\n');
  rendered = await renderedExample();
}, 120_000);

/** The scan's cuts that the parse does not find after the same statement (none, if the scan is right). */
async function unparsedCuts(text: string): Promise<{ scanned: boolean; wrong: string[]; missed: number }> {
  const scanned = scanCuts(text);
  if (!scanned) return { scanned: false, wrong: [], missed: 0 };
  const parsed = new Map((await parsedCuts(text))!.map((candidate) => [candidate.cut, candidate]));
  const wrong = scanned
    .filter((candidate) => parsed.get(candidate.cut)?.start !== candidate.start || parsed.get(candidate.cut)?.end !== candidate.end || parsed.get(candidate.cut)?.endsImports !== candidate.endsImports)
    .map((candidate) => JSON.stringify(text.slice(Math.max(0, candidate.cut - 60), candidate.cut + 30)));
  return { scanned: true, wrong, missed: parsed.size - scanned.length };
}

describe('scanCuts', () => {
  it("finds only cuts the parse finds, on the rendered outputs of every built-in generator", async () => {
    expect(rendered.length).toBeGreaterThan(20);
    let scanned = 0;
    for (const [file, text] of rendered) {
      const result = await unparsedCuts(text);
      expect(result.wrong, file).toEqual([]);
      if (result.scanned) scanned += 1;
    }
    // Most are read by the scan (the rest are parsed).
    expect(scanned).toBeGreaterThan(rendered.length * 0.7);
    for (const kind of ['.validate.ts', '.mock.ts']) {
      const outputs = rendered.filter(([file]) => file.endsWith(kind));
      expect(outputs.length, kind).toBeGreaterThan(0);
      // Here the scan sees every cut the parse sees: the same pieces, the same cache entries.
      for (const [file, text] of outputs) expect(await unparsedCuts(text), file).toEqual({ scanned: true, wrong: [], missed: 0 });
    }
  });

  it('finds only cuts the parse finds, on every TypeScript output the fixtures expect', async () => {
    const files = globSync('test/fixtures/**/expected/**/*.ts', { cwd: REPO_ROOT }).filter((file) => !file.endsWith('.d.ts'));
    expect(files.length).toBeGreaterThan(100);
    for (const file of files) expect((await unparsedCuts(readFileSync(join(REPO_ROOT, file), 'utf8'))).wrong, file).toEqual([]);
  });

  it('gives pieces that, formatted and joined, are Prettier\'s whole output', async () => {
    writeFileSync(join(project, '.prettierrc'), '{}\n');
    const formatter = await createFormatter({ projectRoot: project, format: 'auto', fs: nodeFileSystem, useCache: false, workers: false, pieceSize: { min: 1, max: 1 } });
    const outputs = rendered.filter(([file]) => /\.(validate|mock|crud|sql|client)\.ts$/.test(file));
    for (const [file, text] of outputs) {
      const whole = await format(text, { filepath: join(project, file) });
      expect(await formatter.format(join(project, file), text, { builtInLayout: true }), file).toBe(whole);
    }
    expect(formatter.pieces.formatted).toBeGreaterThan(outputs.length * 2);
  });

  it('cuts after a statement only before a declaration at the start of a line', () => {
    const text = 'import { a } from "./a.js";\nimport type { B } from "./b.js";\n\n/** F. */\nexport function f() {\n  return 1;\n}\nconst g = () => {\n  return 2;\n}\n(g)();\nlet h = 1; // trailing\nlet i = 2;\n';
    expect(scanCuts(text)!.map((candidate) => [text.slice(0, candidate.cut).split('\n').length - 1, candidate.endsImports])).toEqual([
      [1, false],
      [2, true],
      [7, false],
      [11, false],
    ]);
    // Not after line 9 (`(g)()` may continue `}`), nor after line 11 (a comment follows the statement).
    // After an object's `};` (or a function's, the `;` an empty statement that goes with its line).
    expect(scanCuts('const a = {\n  b: 1,\n};\nexport const c = 2;\n')).toHaveLength(1);
  });

  it('reads strings, comments, templates and regular expressions as what they are', () => {
    const text = [
      'const s = "}; \\" {";',
      "const r = /['{`]/u;",
      'const t = `a ${ { b: `}` }.b } c',
      '',
      'export const inTemplate = 1;',
      '`;',
      '/* }',
      'export const inComment = 2; */',
      'export const after = 3;',
      '',
    ].join('\n');
    const cuts = scanCuts(text)!.map((candidate) => text.slice(candidate.cut).split('\n')[0]);
    expect(cuts).toEqual(['const r = /[\'{`]/u;', 'const t = `a ${ { b: `}` }.b } c', '/* }']);
  });

  it('leaves to the parse what it cannot read for sure', () => {
    expect(scanCuts('const a = "open\nexport const b = 1;\n')).toBeUndefined();
    expect(scanCuts('/* open\nexport const b = 1;\n')).toBeUndefined();
    expect(scanCuts('const a = (1;\nexport const b = 1;\n')).toBeUndefined();
    expect(scanCuts('const a = 1);\nexport const b = 1;\n')).toBeUndefined();
    expect(scanCuts('const a = `open ${1}\nexport const b = 1;\n')).toBeUndefined();
    expect(scanCuts('const r = [/unterminated\n];\n')).toBeUndefined();
    // An empty statement alone (Prettier drops it, so a piece could print as nothing): parsed.
    expect(scanCuts('function f() {}\n;\nexport const b = 1;\n')).toBeUndefined();
    expect(scanCuts('const a = 1;;\nexport const b = 1;\n')).toBeUndefined();
    expect(scanCuts(';\nexport const b = 1;\n')).toBeUndefined();
    expect(scanCuts('#!/usr/bin/env node\nexport const b = 1;\n')).toBeUndefined();
  });
});
