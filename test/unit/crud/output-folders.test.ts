/**
 * crud and sql written to an `output` folder of their own, as docs/crud.md shows (tester9 F8): the
 * `*.crud.ts` files import the repository runtime and `db.ts` from that folder, whatever the
 * folder's name (`db`, once imported as `"./.js"`) and the `fileName` pattern, and the generated
 * project compiles under `tsc --strict` and loads in Node.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { typecheck } from '../../helpers/typecheck.js';
import { generateProject, PROJECT_COMPILE_TIMEOUT } from './generated-project.js';

const CASES: Array<[name: string, generators: string, crudFile: string, imports: string[]]> = [
  ['output: repos', 'crud: { output: repos }\n  sql: { output: repos }', 'repos/posts.crud.ts', ['"./db.js"', '"./repository.js"', '"./posts.sql.js"']],
  ['output: db', 'crud: { output: db }\n  sql: { output: db }', 'db/posts.crud.ts', ['"./db.js"', '"./repository.js"', '"./posts.sql.js"']],
  [
    'output: db with a fileName in a subfolder and validators elsewhere',
    'crud: { output: db, fileName: "repo/{name}.repo.ts" }\n  sql: { output: db }\n  validate: { output: v }',
    'db/repo/posts.repo.ts',
    ['"../db.js"', '"../repository.js"', '"../posts.sql.js"', '"../../v/validation.js"'],
  ],
  ['output: repos, split: type', 'crud: { output: repos, split: type }\n  sql: { output: repos }', 'repos/post.crud.ts', ['"./db.js"', '"./repository.js"']],
];

it.each(CASES)(
  'with %s the crud files import the runtime beside them and the project compiles',
  async (_name, generators, crudFile, imports) => {
    const project = await generateProject('strictest', '', (config) => config.replace(/^  validate: \{\}\n/m, '').replace('crud: {}', generators));
    const text = readFileSync(join(project.root, 'generated', crudFile), 'utf8');
    for (const specifier of imports) expect(text).toContain(` from ${specifier};`);
    expect(await typecheck(project.root, ['models/**/*.ts', 'generated/**/*.ts'])).toBe('');
    const runtime = crudFile.split('/')[0];
    const lib = await project.load<{ createRepositories(db: unknown): Record<string, unknown> }>(`${runtime}/repositories.ts`);
    expect(typeof lib.createRepositories).toBe('function');
  },
  PROJECT_COMPILE_TIMEOUT,
);
