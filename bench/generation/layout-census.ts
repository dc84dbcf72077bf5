/**
 * How far codegen's rendered TypeScript is from Prettier's layout: the measure behind issue 12's
 * lever "skip Prettier for chunks the generators already emit in Prettier's layout". On the c1000
 * corpus rendered with `--no-format` (what the formatter is handed, header included), every piece
 * the formatter would send to Prettier, and every top-level statement, is formatted in this thread
 * (`babel-ts`, default options, as for codegen's own layout) and compared with its input; the CPU
 * spent on each is summed by output kind (validate, mock) and by what differs.
 *
 *   npm run build && tsc -p bench/tsconfig.json
 *   node bench/.out/bench/generation/layout-census.js [generated folder]
 *
 * Without a folder, c1000 is written into a temporary folder and generated there. Given a folder of
 * formatted outputs (examples/bookstore/src/generated) it finds every piece and statement exact. A report, not a
 * test: the figures move with the machine's load (CPU time moves less than wall time). About a
 * minute of CPU on c1000 (every piece and every statement goes through Prettier once).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { formatTable } from '../runtime/table.js';
import { writeSyntheticProject } from './synthetic-project.js';

// This file runs from bench/.out/bench/generation/, four folders below the repository root.
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const SPLIT_MODULE = pathToFileURL(join(ROOT, 'dist/emit/split-statements.js')).href;

/** The part of dist/emit/split-statements.js this uses (kept local: the bench never compiles src/). */
interface SplitApi {
  splitStatements(text: string, minPiece?: number, maxPiece?: number, scan?: boolean): Promise<{ text: string }[] | undefined>;
  MIN_PIECE: number;
  MAX_PIECE: number;
}

interface PrettierLike {
  format(text: string, options: Record<string, unknown>): Promise<string>;
}

/**
 * What separates a statement's rendered text from Prettier's output, from the least to the most
 * a template would have to know: nothing; leading spaces; line breaks (and the trailing commas
 * Prettier adds when it breaks a list), which depend on widths; parentheses; quotes; anything else.
 */
const CLASSES = ['exact', 'indentation only', 'line breaks', 'parentheses', 'quotes', 'other'] as const;
type Difference = (typeof CLASSES)[number];

function difference(rendered: string, printed: string): Difference {
  if (rendered === printed) return 'exact';
  const unindented = (text: string) => text.replace(/^[ \t]+/gm, '');
  const tokens = (text: string) => text.replace(/\s+/g, '').replace(/,([)\]}])/g, '$1');
  const unparenthesized = (text: string) => tokens(text).replace(/[()]/g, '');
  const unquoted = (text: string) => unparenthesized(text).replace(/\\"/g, '"').replace(/'/g, '"');
  if (unindented(rendered) === unindented(printed)) return 'indentation only';
  if (tokens(rendered) === tokens(printed)) return 'line breaks';
  if (unparenthesized(rendered) === unparenthesized(printed)) return 'parentheses';
  if (unquoted(rendered) === unquoted(printed)) return 'quotes';
  return 'other';
}

interface Tally {
  count: number;
  cpuMs: number;
}

const cpuMs = (): number => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

async function census(folder: string): Promise<void> {
  const split = (await import(SPLIT_MODULE)) as SplitApi;
  const prettierEntry = createRequire(join(ROOT, 'package.json')).resolve('prettier');
  const loaded = (await import(pathToFileURL(prettierEntry).href)) as PrettierLike & { default?: PrettierLike };
  const prettier = typeof loaded.format === 'function' ? loaded : loaded.default!;
  const options = { parser: 'babel-ts', endOfLine: 'lf' };
  const files = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((file) => /\.(validate|mock)\.ts$/.test(file)).sort();
  // Prettier's first calls pay for the JIT: untimed.
  for (const file of files.slice(0, 2)) await prettier.format(readFileSync(join(folder, file), 'utf8'), options);

  const pieces = new Map<string, { exact: Tally; differing: Tally }>();
  const statements = new Map<string, Map<Difference, Tally>>();
  const add = (tally: Tally, ms: number) => {
    tally.count += 1;
    tally.cpuMs += ms;
  };
  for (const file of files) {
    const kind = /\.(\w+)\.ts$/.exec(file)![1]!;
    const text = readFileSync(join(folder, file), 'utf8');
    const byPiece = pieces.get(kind) ?? { exact: { count: 0, cpuMs: 0 }, differing: { count: 0, cpuMs: 0 } };
    pieces.set(kind, byPiece);
    for (const piece of (await split.splitStatements(text, split.MIN_PIECE, split.MAX_PIECE, true)) ?? [{ text }]) {
      const start = cpuMs();
      const printed = await prettier.format(piece.text, options);
      add(printed === piece.text ? byPiece.exact : byPiece.differing, cpuMs() - start);
    }
    const byClass = statements.get(kind) ?? new Map(CLASSES.map((name) => [name, { count: 0, cpuMs: 0 }]));
    statements.set(kind, byClass);
    for (const statement of (await split.splitStatements(text, 1, 1, true)) ?? [{ text }]) {
      const start = cpuMs();
      const printed = await prettier.format(statement.text, options);
      add(byClass.get(difference(statement.text, printed))!, cpuMs() - start);
    }
  }

  const share = (part: number, whole: number) => `${whole === 0 ? 0 : Math.round((100 * part) / whole)}%`;
  console.log(`■ Pieces the formatter hands Prettier (${folder})`);
  const pieceRows = [...pieces].map(([kind, { exact, differing }]) => {
    const all = exact.cpuMs + differing.cpuMs;
    return [kind, `${exact.count} of ${exact.count + differing.count}`, `${Math.round(exact.cpuMs)} ms (${share(exact.cpuMs, all)})`, `${Math.round(differing.cpuMs)} ms`];
  });
  for (const line of formatTable(['output', 'pieces already in layout', 'Prettier CPU on those', 'on the others'], pieceRows, [0])) console.log(`  ${line}`);
  console.log('');
  console.log('■ Top-level statements, by what differs from Prettier (count, Prettier CPU)');
  const statementRows = [...statements].map(([kind, byClass]) => {
    const all = [...byClass.values()].reduce((sum, tally) => sum + tally.cpuMs, 0);
    return [kind, ...CLASSES.map((name) => `${byClass.get(name)!.count} · ${share(byClass.get(name)!.cpuMs, all)}`)];
  });
  for (const line of formatTable(['output', ...CLASSES], statementRows, [0])) console.log(`  ${line}`);
}

const given = process.argv[2];
if (given) await census(given);
else {
  const root = mkdtempSync(join(tmpdir(), 'codegen-census-'));
  try {
    writeSyntheticProject(root, { files: 50, generators: ['validate', 'mock', 'openapi'] });
    const run = spawnSync(process.execPath, [join(ROOT, 'bin/codegen.js'), 'generate', '--cwd', root, '--no-format', '-q'], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`codegen generate --no-format failed:\n${run.stdout}${run.stderr}`);
    await census(join(root, 'src/generated'));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
