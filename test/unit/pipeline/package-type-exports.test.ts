/**
 * Types of installed packages are imported by name only from a specifier that exports that name
 * (tester s12 T1). A declaration file's helpers are exports of their own file to TypeScript, and
 * a file reached through its package's entry for one name said nothing of the others: `Inner`,
 * the unexported helper beside the `Wrap` an entry re-exports, was imported from `fakepkg`
 * (TS2305), as type-fest's `PartialObjectDeep` and `ReadonlyObjectDeep` were from `type-fest`
 * (TS2305, TS2724). Each case generates, compiles under tsc --strict, and its validators accept
 * and refuse values as TypeScript does.
 */
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../../src/pipeline/run.js';
import { REPO_ROOT } from '../../helpers/paths.js';
import { emitProject } from '../../helpers/tsc.js';
import { makeProject, readTree, removeProject } from '../../helpers/workspace.js';

const created: string[] = [];
afterAll(() => created.forEach(removeProject));

const COMMON = {
  'package.json': JSON.stringify({ name: 'app', type: 'module' }),
  'tsconfig.json': JSON.stringify({
    compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, skipLibCheck: true, types: [], rootDir: 'src', outDir: 'dist' },
    include: ['src'],
  }),
  'codegen.config.yaml': 'input: [src/models/**/*.ts]\noutput: src/generated\ngenerators:\n  validate: {}\n  mock: {}\n',
};

const WITH_EXPORTS = JSON.stringify({ name: 'fakepkg', version: '1.0.0', types: 'index.d.ts', exports: { '.': { types: './index.d.ts', default: './index.js' } } });
const WITHOUT_EXPORTS = JSON.stringify({ name: 'fakepkg', version: '1.0.0', types: 'index.d.ts', main: 'index.js' });

/** `A` holds a `Box` of the package as `box`; `good` and `bad` are values TypeScript accepts and refuses for it. */
interface Case {
  name: string;
  files: Record<string, string>;
  /** The import lines of package specifiers in generated files (sorted, unique). */
  imports: string[];
  good: unknown[];
  bad: unknown[];
}

const valid = [{ box: { value: { n: 1 }, at: 'x' } }];
const invalid = [{ box: { value: { n: '1' }, at: 'x' } }, { box: { value: { n: 1 } } }, { box: { plain: 1 } }];

const CASES: Case[] = [
  {
    name: 'a helper declared without export in a sub-file (exports)',
    files: {
      'node_modules/fakepkg/package.json': WITH_EXPORTS,
      'node_modules/fakepkg/index.d.ts': "export { Wrap } from './inner.js';\n",
      'node_modules/fakepkg/inner.d.ts': 'type Inner<T> = { value: T; at: string };\nexport type Wrap<T> = T extends object ? Inner<T> : { plain: T };\n',
      'src/models/a.ts': "import type { Wrap } from 'fakepkg';\nexport interface A { box: Wrap<{ n: number }> }\n",
    },
    imports: [],
    good: valid,
    bad: invalid,
  },
  {
    name: 'an exported helper the entry does not re-export (exports)',
    files: {
      'node_modules/fakepkg/package.json': WITH_EXPORTS,
      'node_modules/fakepkg/index.d.ts': "export { Wrap } from './inner.js';\n",
      'node_modules/fakepkg/inner.d.ts': 'export interface Inner<T> { value: T; at: string }\nexport type Wrap<T> = T extends object ? Inner<T> : { plain: T };\n',
      'src/models/a.ts': "import type { Wrap } from 'fakepkg';\nexport interface A { box: Wrap<{ n: number }> }\n",
    },
    imports: [],
    good: valid,
    bad: invalid,
  },
  {
    // Without `exports` the file's own path is a specifier, which exports its helpers (declared with or without `export`).
    name: 'a helper declared without export in a sub-file (no exports)',
    files: {
      'node_modules/fakepkg/package.json': WITHOUT_EXPORTS,
      'node_modules/fakepkg/index.d.ts': "export { Wrap } from './inner.js';\n",
      'node_modules/fakepkg/inner.d.ts': 'type Inner<T> = { value: T; at: string };\nexport type Wrap<T> = T extends object ? Inner<T> : { plain: T };\n',
      'src/models/a.ts': "import type { Wrap } from 'fakepkg';\nexport interface A { box: Wrap<{ n: number }> }\n",
    },
    imports: ['import type { Inner } from "fakepkg/inner.js";'],
    good: valid,
    bad: invalid,
  },
  {
    name: 'an exported helper the entry re-exports with export *',
    files: {
      'node_modules/fakepkg/package.json': WITH_EXPORTS,
      'node_modules/fakepkg/index.d.ts': "export * from './inner.js';\n",
      'node_modules/fakepkg/inner.d.ts': 'export interface Inner<T> { value: T; at: string }\nexport type Wrap<T> = T extends object ? Inner<T> : { plain: T };\n',
      'src/models/a.ts': "import type { Wrap } from 'fakepkg';\nexport interface A { box: Wrap<{ n: number }> }\n",
    },
    imports: ['import type { Inner } from "fakepkg";'],
    good: valid,
    bad: invalid,
  },
  {
    // `ns.Inner` is what code writes; the entry exports `ns`, never `Inner`.
    name: 'a namespace re-export (export * as ns)',
    files: {
      'node_modules/fakepkg/package.json': WITH_EXPORTS,
      'node_modules/fakepkg/index.d.ts': "export * as ns from './inner.js';\n",
      'node_modules/fakepkg/inner.d.ts': 'export interface Inner<T> { value: T; at: string }\n',
      'src/models/a.ts': "import type { ns } from 'fakepkg';\nexport interface A { box: ns.Inner<{ n: number }> }\n",
    },
    imports: [],
    good: valid,
    bad: invalid.slice(0, 2),
  },
];

async function generateAndLoad(name: string, files: Record<string, string>): Promise<{ root: string; output: Record<string, string>; generated: Record<string, unknown> }> {
  const root = makeProject(name, { ...COMMON, ...files });
  created.push(root);
  return finish(root);
}

async function finish(root: string): Promise<{ root: string; output: Record<string, string>; generated: Record<string, unknown> }> {
  const result = await run({ cwd: root });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(result.exitCode).toBe(0);
  // tsc -p's messages (the check's, then emit's) are '' and the JavaScript is written: one program, not a check and then an emit.
  expect(await emitProject(join(root, 'tsconfig.json'), root)).toBe('');
  const generated = (await import(pathToFileURL(join(root, 'dist', 'generated', 'index.js')).href)) as Record<string, unknown>;
  return { root, output: readTree(join(root, 'src', 'generated')), generated };
}

function packageImports(output: Record<string, string>): string[] {
  const lines = Object.values(output).flatMap((text) => text.split('\n').filter((line) => /^import .* from "(?!\.)/.test(line)));
  return [...new Set(lines)].sort();
}

describe('types of installed packages are imported only from specifiers that export them', () => {
  for (const each of CASES) {
    it(each.name, async () => {
      const { output, generated } = await generateAndLoad('package-type-exports', each.files);
      expect(packageImports(output)).toEqual(each.imports);
      // Never a relative path into node_modules either.
      expect(Object.values(output).some((text) => /from "\.[^"]*node_modules\//.test(text))).toBe(false);
      const isA = generated['isA'] as (value: unknown) => boolean;
      for (const value of each.good) expect(isA(value), JSON.stringify(value)).toBe(true);
      for (const value of each.bad) expect(isA(value), JSON.stringify(value)).toBe(false);
      const mockA = generated['mockA'] as () => unknown;
      expect(isA(mockA())).toBe(true);
    }, 120_000);
  }

  it("type-fest's PartialDeep and ReadonlyDeep (their helpers PartialObjectDeep, ReadonlyObjectDeep are no export of type-fest)", async () => {
    const root = makeProject('package-type-exports-type-fest', {
      ...COMMON,
      'src/models/deep.ts': [
        "import type { PartialDeep, ReadonlyDeep } from 'type-fest';",
        'export interface Base { id: string; nested: { a: number; b: string[] } }',
        'export interface Holder { partial: PartialDeep<Base>; frozen: ReadonlyDeep<Base> }',
        '',
      ].join('\n'),
    });
    created.push(root);
    cpSync(join(REPO_ROOT, 'node_modules', 'type-fest'), join(root, 'node_modules', 'type-fest'), { recursive: true });
    const { output, generated } = await finish(root);
    for (const line of packageImports(output)) expect(line).not.toMatch(/ObjectDeep/);
    const isHolder = generated['isHolder'] as (value: unknown) => boolean;
    const frozen = { id: 'a', nested: { a: 1, b: ['x'] } };
    expect(isHolder({ partial: {}, frozen })).toBe(true);
    expect(isHolder({ partial: { nested: { b: ['y'] } }, frozen })).toBe(true);
    expect(isHolder({ partial: { nested: { a: 'one' } }, frozen })).toBe(false);
    expect(isHolder({ partial: {}, frozen: { id: 'a', nested: { a: 1 } } })).toBe(false);
    expect(isHolder((generated['mockHolder'] as () => unknown)())).toBe(true);
  }, 120_000);
});
