/**
 * Before anything is timed: every contestant must return the same rows as the raw driver for
 * each operation, or the bench would compare libraries doing different work. Rows are compared
 * as canonical JSON (keys sorted, `Date`s as ISO text); generated keys of written rows are left
 * out, since each insert draws a new one.
 */
import type { BenchEngine } from './engines.js';
import { type Operation, type RepositoryContestant } from './contestant.js';
import { BATCH, newBook, newBooks, PAGE } from './fixture.js';

/** What one contestant returned for each operation, against the raw driver. */
export interface Agreement {
  library: string;
  /** Per operation: `undefined` when it agrees (or does not take part), else what differs. */
  differences: Partial<Record<Operation, string>>;
}

/** The reads run before the writes, which are cleared before the next contestant reads. */
const READS_FIRST: readonly Operation[] = ['findById', 'findMany 50', 'findMany 50 + include', 'create', 'createMany 1000'];

/** Runs every operation once per contestant on the same input and compares with the first (raw) contestant. */
export async function checkAgreement(engine: BenchEngine): Promise<Agreement[]> {
  const [raw, ...others] = engine.contestants as [RepositoryContestant, ...RepositoryContestant[]];
  const id = engine.bookIds[17] as string;
  const oneBook = newBook(engine.authorIds);
  const manyBooks = newBooks(engine.authorIds, BATCH);
  // Each contestant writes copies with ISBNs of its own (unique), then reads them back the same way.
  const written = (contestant: RepositoryContestant): Record<Operation, () => Promise<unknown>> => ({
    findById: () => contestant.findById(id),
    'findMany 50': () => contestant.findPage(),
    create: () => contestant.create(renumbered(oneBook, contestant.library)),
    'createMany 1000': () => (contestant.createMany ?? raw.createMany ?? (async () => []))(manyBooks.map((book) => renumbered(book, contestant.library))),
    'findMany 50 + include': () => contestant.findPageWithAuthor(),
  });
  const expected: Partial<Record<Operation, string>> = {};
  for (const operation of READS_FIRST) expected[operation] = canonical(await written(raw)[operation](), operation);
  await engine.clearWritten();
  const sizes = checkSizes(expected);
  const results: Agreement[] = [{ library: raw.library, differences: sizes }];
  for (const contestant of others) {
    const differences: Partial<Record<Operation, string>> = {};
    for (const operation of READS_FIRST) {
      if (operation === 'createMany 1000' && contestant.createMany === undefined) continue;
      const got = canonical(await written(contestant)[operation](), operation);
      if (got !== expected[operation]) differences[operation] = firstDifference(expected[operation] ?? '', got);
    }
    await engine.clearWritten();
    results.push({ library: contestant.library, differences });
  }
  return results;
}

/** Whether every contestant agreed on every operation. */
export function allAgree(agreements: readonly Agreement[]): boolean {
  return agreements.every((agreement) => Object.keys(agreement.differences).length === 0);
}

/** The raw driver's answers must have the sizes the operations promise (else the fixture is wrong). */
function checkSizes(expected: Partial<Record<Operation, string>>): Partial<Record<Operation, string>> {
  const problems: Partial<Record<Operation, string>> = {};
  const length = (operation: Operation): number => (JSON.parse(expected[operation] ?? 'null') as unknown[] | null)?.length ?? -1;
  for (const [operation, size] of [['findMany 50', PAGE], ['createMany 1000', BATCH], ['findMany 50 + include', PAGE]] as const) {
    if (length(operation) !== size) problems[operation] = `the raw driver returned ${length(operation)} rows, not ${size}`;
  }
  if (expected.findById === undefined || expected.findById === 'null') problems.findById = 'the raw driver found no row';
  return problems;
}

/** The same book with an ISBN of its own per library (written rows must not collide). */
function renumbered<T extends { isbn: string }>(book: T, library: string): T {
  const offset = [...library].reduce((sum, char) => sum + char.charCodeAt(0), 0);
  return { ...book, isbn: `979${(Number(book.isbn.slice(3)) + offset * 1_000_000).toString().padStart(10, '0')}` };
}

/** JSON with sorted keys; written rows without `id` and with the ISBN's per-library part dropped. */
function canonical(value: unknown, operation: Operation): string {
  const written = operation === 'create' || operation === 'createMany 1000';
  return JSON.stringify(value ?? null, function (key, item: unknown) {
    if (written && (key === 'id' || key === 'isbn')) return undefined;
    if (item instanceof Date || typeof item !== 'object' || item === null || Array.isArray(item)) return item;
    const record = item as Record<string, unknown>;
    return Object.fromEntries(Object.keys(record).sort().map((name) => [name, record[name]]));
  });
}

function firstDifference(expected: string, got: string): string {
  let at = 0;
  while (at < expected.length && expected[at] === got[at]) at++;
  return `at ${at}: expected …${expected.slice(Math.max(0, at - 40), at + 40)}… got …${got.slice(Math.max(0, at - 40), at + 40)}…`;
}
