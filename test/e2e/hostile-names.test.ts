/**
 * Model files and folders named with what a file system allows but URLs, string literals and
 * comments do not (`#`, `%`, spaces, quotes, line breaks, other scripts): the real CLI generates
 * validate, mock, openapi and client output for them, tsc --strict compiles it, and Node imports
 * every compiled module, which proves each specifier loads (tsc alone accepts `./a#b.js`; Node
 * reads `#` as a URL fragment). Names git cannot always hold are created here, not committed.
 * Identifiers are hostile too: src/models/shadows.ts names types and parameters like the client
 * runtime's exports (`ClientOptions`, `ApiError`, `pathParam`, `jsonParam`, `runtime`, `init`) and
 * the file's reviver (`reviveClientOptions`), and its compiled client is called. crud-project
 * names types like what crud's and sql's files write as fixed text (`ValidationError`,
 * `Repository`, `TableMeta`, `refuse`…), and its compiled repository refuses a value on SQLite.
 */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { runCliInProcess } from '../helpers/cli.js';
import { REPO_ROOT } from '../helpers/paths.js';
import { emitProject } from '../helpers/tsc.js';
import { copyProject, readTree, removeProject, writeFile } from '../helpers/workspace.js';

const run = promisify(execFile);
const FIXTURE = join(REPO_ROOT, 'test', 'fixtures', 'hostile-names', 'project');
const CRUD_FIXTURE = join(REPO_ROOT, 'test', 'fixtures', 'hostile-names', 'crud-project');

/** Created at test time: a quote, line breaks (LF, U+2028), a backtick and `*` in a folder, a decomposed é, an emoji, `?`, a `%41` Node would decode. */
const CREATED: Record<string, string> = {
  'src/models/q"uote.ts': 'export interface Quote {\n  said: string;\n}\n',
  'src/models/new\nline.ts': 'export interface NewLine {\n  text: string;\n}\n',
  'src/models/sep\u2028arated.ts': 'export interface Separated {\n  text: string;\n}\n',
  'src/models/st*ar/tick`.ts': "import type { Quote } from '../q\"uote.js';\n\nexport interface Tick {\n  quote: Quote;\n}\n",
  'src/models/cafe\u0301.ts': 'export interface Cafe {\n  open: boolean;\n}\n',
  'src/models/🎉.ts': 'export interface Party {\n  guests: number;\n}\n',
  'src/models/what?.ts': 'export interface Question {\n  asked: boolean;\n}\n',
  'src/models/50%41.ts': 'export interface Escaped {\n  decoded: boolean;\n}\n',
};

/** Every generated module, as written: readable names, one per source, none empty or URL-special. */
const EXPECTED_MODULES = [
  '100.mock.ts', '100.validate.ts', 'a-b.mock.ts', 'a-b.validate.ts', 'ber.mock.ts', 'ber.validate.ts',
  'café.mock.ts', 'café.validate.ts', 'client-runtime.ts', 'colors.mock.ts', 'colors.validate.ts', 'index.ts',
  'mocking.ts', 'new-line.mock.ts', 'new-line.validate.ts', 'q-uote.mock.ts', 'q-uote.validate.ts',
  'sep-arated.mock.ts', 'sep-arated.validate.ts', 'st-ar/tick.mock.ts', 'st-ar/tick.validate.ts',
  'u1f389.mock.ts', 'u1f389.validate.ts', 'validation.ts', 'with-space.client.ts', 'with-space.mock.ts',
  'x-y/item.mock.ts', 'x-y/item.validate.ts', 'über.mock.ts', 'über.validate.ts', '日本.mock.ts', '日本.validate.ts',
  'what.mock.ts', 'what.validate.ts', '50-41.mock.ts', '50-41.validate.ts',
  'shadows.client.ts', 'shadows.mock.ts', 'shadows.validate.ts',
];

const created: string[] = [];
afterAll(() => created.forEach(removeProject));

/** Compiles sources and generated code to `.out` with tsc --strict; resolves to tsc's messages ('' when clean). */
async function compile(project: string): Promise<string> {
  const config = {
    compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, skipLibCheck: true, types: [], outDir: '.out', rootDir: 'src' },
    include: ['src/**/*.ts'],
  };
  writeFileSync(join(project, 'tsconfig.emit.json'), JSON.stringify(config));
  return emitProject(join(project, 'tsconfig.emit.json'), project);
}

/**
 * Imports each compiled module in a plain Node process (not through Vitest's loader, which
 * resolves specifiers its own way) and calls a mock and a validator across two hostile names.
 */
const IMPORT_ALL = `
const { pathToFileURL } = await import('node:url');
const loaded = [];
for (const file of process.argv.slice(1)) {
  const module = await import(pathToFileURL(file).href);
  loaded.push([file, Object.keys(module).length]);
}
const { mockHash } = await import(pathToFileURL('.out/generated/a-b.mock.js').href);
const { validateHash } = await import(pathToFileURL('.out/generated/a-b.validate.js').href);
const { mockPaint } = await import(pathToFileURL('.out/generated/colors.mock.js').href);
const hash = mockHash({ seed: 7 });
// A client whose parameters and types are named like its runtime's exports still sends and revives.
const { ShadowServiceClient } = await import(pathToFileURL('.out/generated/shadows.client.js').href);
const sent = [];
const fetch = async (url, init) => {
  sent.push({ url, request: init.headers['x-request'] });
  return new Response(JSON.stringify({ retries: 1, at: '2024-01-01T00:00:00.000Z' }), { headers: { 'content-type': 'application/json' } });
};
const shadows = new ShadowServiceClient({ baseUrl: 'http://localhost/api', fetch });
const answer = await shadows.get('a b', [{ retries: 2, at: new Date(0) }], 'r', 'q', 3, 'i', { headers: { 'x-extra': '1' } });
const none = await new ShadowServiceClient({ baseUrl: 'http://localhost/api', fetch: async () => new Response(null) }).put('c', { pathParam: 'p' });
const client = { sent, revived: answer.at instanceof Date, none };
process.stdout.write(JSON.stringify({ loaded, valid: validateHash(hash).success, items: hash.items.length >= 1, paint: mockPaint({ seed: 1 }).color, client }));
`;

describe('e2e hostile file names', () => {
  it('generate output with safe, unique names whose imports tsc and Node both load', async () => {
    const project = copyProject(FIXTURE, 'hostile-names');
    created.push(project);
    for (const [path, content] of Object.entries(CREATED)) writeFile(project, path, content);

    const result = await runCliInProcess(['generate'], project);
    expect({ exitCode: result.exitCode, stderr: result.stderr }).toEqual({ exitCode: 0, stderr: '' });
    const output = readTree(join(project, 'src', 'generated'));
    expect(Object.keys(output).filter((path) => path.endsWith('.ts')).sort()).toEqual([...EXPECTED_MODULES].sort());

    // The name reaches the header and the import escaped, never as a line break or a closing quote.
    expect(output['new-line.validate.ts']!.split('\n').slice(0, 2)).toEqual([
      '// Code generated by codegen from src/models/new\\nline.ts. DO NOT EDIT.',
      'import type { NewLine } from "../models/new\\nline.js";',
    ]);
    expect(output['sep-arated.mock.ts']!.split('\n')[0]).toBe('// Code generated by codegen from src/models/sep\\u2028arated.ts. DO NOT EDIT.');
    expect(output['q-uote.validate.ts']).toContain('import type { Quote } from "../models/q\\"uote.js";');

    expect(await compile(project)).toBe('');

    const modules = EXPECTED_MODULES.map((path) => join('.out', 'generated', path.replace(/\.ts$/, '.js')));
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', IMPORT_ALL, ...modules], { cwd: project });
    const report = JSON.parse(stdout) as { loaded: Array<[string, number]>; valid: boolean; items: boolean; paint: string; client: unknown };
    expect(report.loaded.map(([file]) => file)).toEqual(modules);
    expect(report.loaded.filter(([, exports]) => exports === 0)).toEqual([]);
    expect(report).toMatchObject({ valid: true, items: true });
    expect(report.client).toEqual({
      sent: [{ url: 'http://localhost/api/shadows/a%20b?jsonParam=%5B%7B%22retries%22%3A2%2C%22at%22%3A%221970-01-01T00%3A00%3A00.000Z%22%7D%5D&runtime=r&reviveClientOptions=3&init=i', request: 'q' }],
      revived: true,
      none: null,
    });
    expect(['red', 'blue']).toContain(report.paint);
  }, 30_000);

  it('crud and sql files beside types named like their runtime imports compile, and the repository refuses through the aliases', async () => {
    const project = copyProject(CRUD_FIXTURE, 'hostile-crud-names');
    created.push(project);
    const result = await runCliInProcess(['generate'], project);
    expect({ exitCode: result.exitCode, stderr: result.stderr }).toEqual({ exitCode: 0, stderr: '' });
    const output = readTree(join(project, 'src', 'generated'));
    // The user's names stay the user's: the runtime's are imported under other names.
    expect(output['ticket.crud.ts']).toContain('import { ValidationError as ValidationError2, isObject, report as report2 } from "./validation.js";');
    expect(output['ticket.sql.ts']).toContain("import { createTableSql, type Dialect as Dialect2, type TableMeta as TableMeta2, type TableSql as TableSql2 } from './sql-runtime.js';");

    expect(await compile(project)).toBe('');

    // A NUL no engine stores alike goes through the file's refuse (refuse2), which throws the runtime's ValidationError.
    const script = `
      const { default: Database } = await import('better-sqlite3');
      const { readFileSync } = await import('node:fs');
      const { sqliteDb } = await import('./.out/generated/db.js');
      const { TicketRepository } = await import('./.out/generated/ticket.crud.js');
      const { ValidationError } = await import('./.out/generated/validation.js');
      const driver = new Database(':memory:');
      driver.exec(readFileSync('src/generated/schema.sqlite.sql', 'utf8'));
      const tickets = new TicketRepository(sqliteDb(driver));
      const made = await tickets.create({ title: 'ok', error: { field: 'f', message: 'm' }, report: { lines: 2 } });
      let refused;
      try { await tickets.create({ title: 'a\\u0000b' }); } catch (error) { refused = { isValidationError: error instanceof ValidationError, issues: error.issues.map((issue) => issue.path) }; }
      process.stdout.write(JSON.stringify({ made: [made.title, made.error, made.report], refused }));
    `;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: project });
    expect(JSON.parse(stdout)).toEqual({ made: ['ok', { field: 'f', message: 'm' }, { lines: 2 }], refused: { isValidationError: true, issues: ['/title'] } });
  }, 60_000);
});
