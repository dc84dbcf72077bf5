/**
 * The manifest is input, not truth: a merge gone wrong or a hostile pull request can put any
 * path in `.codegen-manifest.json`, with the real hash of the file it names. `generate`,
 * `check` and `clean` must ignore such entries with a located warning (CG4009) and never
 * delete, hash or vouch for the files they name.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeFileSystem, planEmit } from '../../../src/emit/index.js';
import { clean } from '../../../src/pipeline/clean.js';
import { run } from '../../../src/pipeline/run.js';
import { makeProject, readTree, removeProject } from '../../helpers/workspace.js';

const MODEL = '/** A user. */\nexport interface User {\n  /** @minLength 1 */\n  name: string;\n}\n';
const sha = (text: string) => `sha256-${createHash('sha256').update(text, 'utf8').digest('hex')}`;

let root: string;
/** Files outside the output folder that hostile entries point at, with their contents. */
let outside: Record<string, string>;

beforeAll(async () => {
  root = makeProject('untrusted-manifest', {
    'codegen.config.yaml': 'input: ["src/models/**/*.ts"]\noutput: src/generated\nformat: false\ngenerators:\n  validate: {}\n',
    'package.json': '{ "name": "victim", "private": true }\n',
    'src/models/user.ts': MODEL,
    'secret/inner.ts': 'export const secret = 1;\n',
    'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true } }),
  });
  const first = await run({ cwd: root });
  expect(first.exitCode).toBe(0);
  // A folder inside the output folder that is a link to a folder outside it.
  symlinkSync(join(root, 'secret'), join(root, 'src', 'generated', 'linked'), 'dir');
  // And a file inside it that is a link to a file outside.
  symlinkSync(join(root, 'package.json'), join(root, 'src', 'generated', 'package-link.json'));
  outside = readOutside();
}, 60_000);

afterAll(() => removeProject(root));

function readOutside(): Record<string, string> {
  return {
    'package.json': readFileSync(join(root, 'package.json'), 'utf8'),
    'src/models/user.ts': readFileSync(join(root, 'src/models/user.ts'), 'utf8'),
    'secret/inner.ts': readFileSync(join(root, 'secret/inner.ts'), 'utf8'),
  };
}

const HOSTILE = [
  '../../package.json',
  '../models/user.ts',
  'a/../../../package.json',
  '..\\..\\package.json',
  'a\\..\\..\\..\\package.json',
  'linked/inner.ts',
  'package-link.json',
];

/** The manifest as generated, plus hostile entries carrying the real hashes of their targets. */
function poisonManifest(): void {
  const path = join(root, 'src', 'generated', '.codegen-manifest.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as { files: Record<string, { hash: string; source: string }> };
  const entry = (text: string) => ({ hash: sha(text), source: 'src/models/user.ts' });
  for (const path of HOSTILE) {
    const target = path.includes('package') ? outside['package.json']! : path.startsWith('linked') ? outside['secret/inner.ts']! : outside['src/models/user.ts']!;
    manifest.files[path] = entry(target);
  }
  manifest.files[join(root, 'package.json')] = entry(outside['package.json']!);
  manifest.files['C:\\victim\\package.json'] = entry(outside['package.json']!);
  manifest.files['nul\u0000.ts'] = entry('x');
  writeFileSync(path, JSON.stringify(manifest, null, 2));
}

const hostileWarnings = (diagnostics: { code: string; file?: string }[]) =>
  diagnostics.filter((d) => d.code === 'CG4009').map((d) => d.file);

describe('hostile manifest entries', () => {
  it('check reports them, names nothing outside as orphaned and touches nothing', async () => {
    poisonManifest();
    const result = await run({ cwd: root, mode: 'check' });
    expect(hostileWarnings(result.diagnostics)).toHaveLength(HOSTILE.length + 3);
    expect(hostileWarnings(result.diagnostics).every((file) => file === 'src/generated/.codegen-manifest.json')).toBe(true);
    expect(result.diagnostics.filter((d) => d.code === 'CG4005')).toEqual([]);
    expect(readOutside()).toEqual(outside);
  });

  it('generate ignores them, deletes nothing outside and drops them from the manifest', async () => {
    poisonManifest();
    const result = await run({ cwd: root });
    expect(result.exitCode).toBe(0);
    expect(result.projects[0]!.deleted).toEqual([]);
    expect(hostileWarnings(result.diagnostics)).toHaveLength(HOSTILE.length + 3);
    expect(readOutside()).toEqual(outside);
    const manifest = readFileSync(join(root, 'src', 'generated', '.codegen-manifest.json'), 'utf8');
    expect(Object.keys((JSON.parse(manifest) as { files: object }).files)).toEqual(['index.ts', 'user.validate.ts', 'validation.ts']);
  });

  it('clean deletes only the generated files, never what hostile entries name', async () => {
    poisonManifest();
    const result = await clean({ cwd: root });
    expect(result.exitCode).toBe(0);
    expect(result.deleted.sort()).toEqual(['index.ts', 'user.validate.ts', 'validation.ts']);
    expect(hostileWarnings(result.diagnostics)).toHaveLength(HOSTILE.length + 3);
    expect(readOutside()).toEqual(outside);
    expect(Object.keys(readTree(join(root, 'src', 'generated')))).toEqual(['.codegen-manifest.json', 'linked/inner.ts', 'package-link.json']);
  });
});

describe('a symlinked folder inside the output folder', () => {
  it('is not written through by a planned output', async () => {
    mkdirSync(join(root, 'src', 'generated'), { recursive: true });
    // `linked` leads to `secret/`; a generator that would write `linked/inner.ts` must be refused.
    const plan = await planEmit({
      outputDir: join(root, 'src', 'generated'),
      fs: nodeFileSystem,
      files: [{ path: 'linked/inner.ts', content: 'overwritten\n', source: 'x' }],
      displayRoot: root,
      prune: false,
    });
    expect(plan.entries.filter((entry) => entry.path.startsWith('linked'))).toEqual([]);
    expect(plan.diagnostics).toMatchObject([{ code: 'CG4002', message: expect.stringMatching(/linked\/inner\.ts .*link/) }]);
    expect(readOutside()).toEqual(outside);
  });
});
