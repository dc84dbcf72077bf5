/**
 * A watch workspace does not read again the outputs whose stat is as it recorded after the last
 * build (output-stamps.ts), yet it sees every change made to them since: a hand edit of the same
 * size is refused as one (CG4001), a file replaced by another is read again, and untouched
 * outputs are taken from the record.
 */
import { readFileSync, renameSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createOutputStamps } from '../../../src/pipeline/output-stamps.js';
import { createWorkspace } from '../../../src/pipeline/workspace.js';
import { REPO_ROOT } from '../../helpers/paths.js';
import { copyProject, removeProject, writeFile } from '../../helpers/workspace.js';
import type { EmitPlan } from '../../../src/emit/index.js';
import { contentHash } from '../../../src/emit/hash.js';

const FIXTURE = join(REPO_ROOT, 'test', 'fixtures', 'watch', 'project');
const folders: string[] = [];

/** How far the clock the stamps read (Date.now) is ahead of the real one. */
let ahead = 0;
const realNow = Date.now.bind(Date);

beforeEach(() => {
  ahead = 0;
  vi.spyOn(Date, 'now').mockImplementation(() => realNow() + ahead);
});

afterEach(() => {
  vi.restoreAllMocks();
  for (const folder of folders.splice(0)) removeProject(folder);
});

/**
 * Stamps are trusted only for files older than 2 s (a clock tick of the coarsest file systems).
 * The clock is moved on instead of waited for: every file written so far is then 2.1 s old to
 * the stamps, as after a real wait (file times stay real; only `Date.now` is ahead).
 */
const pastTheRacyWindow = () => {
  ahead += 2100;
};

function unchangedPlan(path: string, text: string): EmitPlan {
  return {
    outputDir: '',
    displayRoot: '',
    entries: [{ path: 'out.ts', absolutePath: path, action: 'unchanged', before: text, after: text }],
    manifest: { version: 1, formatter: 'none', files: {} },
    manifestText: '',
    manifestChanged: false,
    diagnostics: [],
  };
}

/** A plan that wrote `text` to `path` (or found it there), the manifest recording `hash` for it. */
function writtenPlan(path: string, text: string, hash: string, action: 'update' | 'unchanged' | 'hand-edited' = 'update'): EmitPlan {
  return {
    outputDir: '',
    displayRoot: '',
    entries: [{ path: 'out.ts', absolutePath: path, action, before: action === 'update' ? 'old' : text, after: text }],
    manifest: { version: 1, formatter: 'none', files: { 'out.ts': { hash, source: 'src/a.ts' } } },
    manifestText: '',
    manifestChanged: false,
    diagnostics: [],
  };
}

describe('output stamps', () => {
  it('vouch for a file written a moment ago by the hash of its bytes, as the manifest records it', () => {
    const root = copyProject(FIXTURE, 'stamps-digest');
    folders.push(root);
    const path = join(root, 'out.ts');
    const text = 'export const a = 1;\n';
    writeFileSync(path, text);
    const stamps = createOutputStamps();
    stamps.record(writtenPlan(path, text, contentHash(text)));
    // Within the racy window, yet its bytes are the text's: no read needed.
    expect(stamps.known(path)).toBe(text);
    stamps.record(writtenPlan(path, text, contentHash(text), 'unchanged'));
    expect(stamps.known(path)).toBe(text);

    // A hash that is not the text's (a hand-edited file is recorded with the generated text's): read.
    const fresh = (plan: EmitPlan) => {
      const other = createOutputStamps();
      other.record(plan);
      return other.known(path);
    };
    expect(fresh(writtenPlan(path, text, contentHash('export const a = 2;\n')))).toBeUndefined();
    expect(fresh(writtenPlan(path, text, contentHash(text), 'hand-edited'))).toBeUndefined();
    expect(fresh(writtenPlan(path, text, contentHash(text)))).toBe(text);
    // A text with CRs: the content hash is over LF text, not its bytes: read.
    writeFileSync(path, 'export const a = 1;\r\n');
    expect(fresh(writtenPlan(path, 'export const a = 1;\r\n', contentHash('export const a = 1;\r\n')))).toBeUndefined();

    // Same size, other bytes: refused whatever the stat says.
    writeFileSync(path, text);
    stamps.record(writtenPlan(path, text, contentHash(text)));
    expect(stamps.known(path)).toBe(text);
    writeFileSync(path, 'export const a = 3;\n');
    expect(stamps.known(path)).toBeUndefined();

    // Out of the window, a build that finds the bytes as recorded leaves the stat to vouch for them; other bytes are not stamped.
    writeFileSync(path, text);
    stamps.record(writtenPlan(path, text, contentHash(text)));
    pastTheRacyWindow();
    stamps.record(writtenPlan(path, text, contentHash(text), 'unchanged'));
    expect(stamps.known(path)).toBe(text);
  });


  it('give the recorded text while the file is as stamped, and nothing once it was edited, replaced or just written', () => {
    const root = copyProject(FIXTURE, 'stamps-unit');
    folders.push(root);
    const path = join(root, 'out.ts');
    writeFileSync(path, 'export const a = 1;\n');
    const stamps = createOutputStamps();
    stamps.record(unchangedPlan(path, 'export const a = 1;\n'));
    // Written a moment ago: an edit in the same clock tick could keep its stat, so it is read next time.
    expect(stamps.known(path)).toBeUndefined();

    pastTheRacyWindow();
    stamps.record(unchangedPlan(path, 'export const a = 1;\n'));
    expect(stamps.known(path)).toBe('export const a = 1;\n');

    writeFileSync(path, 'export const a = 2;\n'); // same size
    expect(stamps.known(path)).toBeUndefined();

    pastTheRacyWindow();
    stamps.record(unchangedPlan(path, 'export const a = 2;\n'));
    expect(stamps.known(path)).toBe('export const a = 2;\n');
    writeFileSync(join(root, 'other.ts'), 'export const a = 3;\n');
    renameSync(join(root, 'other.ts'), path);
    expect(stamps.known(path)).toBeUndefined();
  });

  it('let a workspace see a same-size hand edit of an output it did not read again', async () => {
    const root = copyProject(FIXTURE, 'stamps-workspace');
    folders.push(root);
    const workspace = createWorkspace({ cwd: root, env: {}, reuse: true });
    expect((await workspace.build()).exitCode).toBe(0);
    const output = join(root, 'src', 'generated', 'user.validate.ts');
    const model = join(root, 'src', 'models', 'tag.ts');
    pastTheRacyWindow();
    // A build with nothing changed for user.ts: its outputs, older than the window now, are stamped.
    writeFile(root, 'src/models/tag.ts', `${readFileSync(model, 'utf8')}\nexport interface Extra {\n  size: number;\n}\n`);
    const second = await workspace.build({ files: [model] });
    expect(second.exitCode).toBe(0);
    expect(second.projects[0]!.written).not.toContain('user.validate.ts');

    const text = readFileSync(output, 'utf8');
    // The same size, its modification time set back (as a tool keeping times does): the stat still differs.
    const { mtime } = statSync(output);
    writeFileSync(output, text.replace('export function', 'export FUNCTION'));
    utimesSync(output, mtime, mtime);
    expect(readFileSync(output, 'utf8')).not.toBe(text);
    expect(statSync(output).size).toBe(Buffer.byteLength(text));

    writeFile(root, 'src/models/tag.ts', `${readFileSync(model, 'utf8')}\nexport interface More {\n  size: number;\n}\n`);
    const third = await workspace.build({ files: [model] });
    expect(third.exitCode).toBe(2);
    expect(third.diagnostics.map((d) => d.code)).toContain('CG4001');
    expect(third.diagnostics.find((d) => d.code === 'CG4001')?.message).toContain('user.validate.ts');
  }, 60_000);
});
