/**
 * Watch mode keeps each output file's plan (validate's and mock's view models) under a key
 * naming everything it was planned from: a change to a declaration that another file's plan
 * reads (a constraint on a shared alias, an enum member, a pattern) must plan that file again.
 * After each edit the outputs are byte for byte those of a cold `generate` of the same sources.
 */
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPlanMemo, isMemoized } from '../../../src/generators/kit/plan-memo.js';
import { run } from '../../../src/pipeline/run.js';
import { makeProject, readTree, writeFile } from '../../helpers/workspace.js';
import { useWatchSessions } from '../../helpers/watch-sessions.js';

const SHARED = [
  '/** @minLength 2 @pattern ^[a-z]+$ */',
  'export type Handle = string;',
  '',
  'export enum Role {',
  "  Reader = 'reader',",
  "  Writer = 'writer',",
  '}',
  '',
  'export interface Limits {',
  '  /** @minimum 1 @maximum 10 */',
  '  seats: number;',
  '}',
  '',
  'export interface Cat {',
  "  kind: 'cat';",
  '  lives: number;',
  '}',
  '',
  'export interface Dog {',
  "  kind: 'dog';",
  '  bark: string;',
  '}',
  '',
].join('\n');
const FILES = {
  'package.json': '{"name":"plan-memo","private":true,"type":"module"}',
  'tsconfig.json': JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, skipLibCheck: true, noEmit: true }, include: ['src'] }),
  'codegen.config.yaml': 'input: ["src/models/**/*.ts"]\noutput: src/generated\ntsconfig: tsconfig.json\ngenerators:\n  validate: {}\n  mock: {}\n  openapi: {}\n',
  'src/models/shared.ts': SHARED,
  'src/models/user.ts': "import type { Cat, Dog, Handle, Limits, Role } from './shared.js';\n\nexport interface User {\n  handle: Handle;\n  role: Role;\n  limits: Limits;\n}\n\nexport type Pet = Cat | Dog;\n",
  'src/models/other.ts': 'export interface Other {\n  /** @maxLength 3 */\n  note: string;\n}\n',
};

const sessions = useWatchSessions();

/** The outputs a cold `generate` writes for the sources of `root` as they are now. */
async function coldOutputs(root: string): Promise<Record<string, string>> {
  const cold = makeProject('plan-memo-cold', FILES);
  sessions.track(cold);
  rmSync(join(cold, 'src'), { recursive: true });
  cpSync(join(root, 'src'), join(cold, 'src'), { recursive: true, filter: (path) => !path.includes('generated') });
  expect((await run({ cwd: cold, env: {} })).exitCode).toBe(0);
  return readTree(join(cold, 'src/generated'));
}

describe('the plan memo', () => {
  it('gives back a value while its key holds, and forgets what a build did not ask for', () => {
    const memo = createPlanMemo();
    let computed = 0;
    const plan = (key: string) => memo.reuse(key, () => ({ key, run: ++computed }));
    const first = plan('a');
    plan('b');
    memo.startBuild();
    expect(plan('a')).toBe(first);
    expect(plan('c').run).toBe(3);
    memo.startBuild();
    // `b` was not asked for in the last build: planned again.
    expect(plan('b').run).toBe(4);
    expect(memo.stats).toEqual({ computed: 1, reused: 0 });
  });

  it("marks what it hands out (the render memo tells memoized plans by identity), unless it lives for one build only", () => {
    const watching = createPlanMemo();
    const oneShot = createPlanMemo({ markValues: false });
    const plan = { files: [{ path: 'a.ts' }] };
    expect(isMemoized(watching.reuse('a', () => plan).files[0])).toBe(true);
    const other = { files: [{ path: 'b.ts' }] };
    expect(isMemoized(oneShot.reuse('b', () => other))).toBe(false);
    expect(oneShot.reuse('b', () => ({ files: [] }))).toBe(other);
  });

  it('never serves a stale plan in watch mode: a shared constraint, an enum member, a pattern and the discriminant of a union member reach the file that uses them', async () => {
    const root = makeProject('plan-memo-watch', FILES);
    sessions.track(root);
    const watching = sessions.start({ cwd: root, env: {} });
    expect((await watching.ready).result.exitCode).toBe(0);
    const step = async (text: string) => {
      const next = watching.nextBuild();
      writeFile(root, 'src/models/shared.ts', text);
      const { result } = await next;
      expect(result.diagnostics).toEqual([]);
      expect(readTree(join(root, 'src/generated'))).toEqual(await coldOutputs(root));
      return result;
    };

    // A constraint on an alias another file's interface uses (inlined there): user.ts's outputs follow, other.ts's stay.
    let result = await step(SHARED.replace('@minLength 2', '@minLength 3'));
    expect(result.projects[0]!.written).toEqual(expect.arrayContaining(['user.validate.ts', 'user.mock.ts']));
    expect(result.projects[0]!.written).not.toContain('other.mock.ts');
    // An enum member added, a bound of an interface another file uses.
    await step(SHARED.replace('@minLength 2', '@minLength 3').replace("  Writer = 'writer',", "  Writer = 'writer',\n  Owner = 'owner',").replace('@maximum 10', '@maximum 7'));
    // A pattern changed: the mock's samples and the validator's expression.
    result = await step(SHARED.replace('@minLength 2', '@minLength 3').replace('^[a-z]+$', '^[0-9]{3}$'));
    expect(result.projects[0]!.written).toEqual(expect.arrayContaining(['user.validate.ts', 'user.mock.ts']));
    // A discriminant of a union member in another file: Pet's model (two refs) is unchanged, its validator's switch is not.
    result = await step(SHARED.replace('@minLength 2', '@minLength 3').replace('^[a-z]+$', '^[0-9]{3}$').replace("kind: 'dog'", "kind: 'hound'"));
    expect(result.projects[0]!.written).toContain('user.validate.ts');
  }, 240_000);
});
