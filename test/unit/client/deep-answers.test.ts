/**
 * Answers nested as deep as `JSON.parse` reads (tester s10: the client's revivers recursed once
 * per level, so a recursive `Tree` 10,000 deep threw the engine's RangeError from the client).
 * The `deep-answers` client, over loopback HTTP, revives each recursive shape (an object holding
 * an array of itself, arrays of arrays, a tagged union, a union without a tag, a nullable
 * property, a tuple, an intersection, a record) 1,000 and 20,000 deep: every `Date` and
 * `bigint` down to the last level, and never a RangeError; with `validateResponses` the value, or
 * past 1,000 levels a `ResponseValidationError` with the validators' one `depth` issue (docs/client.md). A union
 * without a tag whose members both revive the same property is revived in time linear in the
 * body (it was 2^depth: 40 levels took minutes).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importGenerated, materializeFixture, TMP_DIR } from './helpers.js';

type Method = (...args: unknown[]) => Promise<unknown>;
type ClientClass = new (options: Record<string, unknown>) => Record<string, Method>;
interface Runtime {
  ResponseValidationError: new (...args: never[]) => Error & { issues: Array<{ code: string; path: string }> };
  reviveArray: (value: unknown, item: (value: unknown) => unknown) => unknown;
  reviveDate: (value: unknown) => unknown;
}

const ISO = '"2024-02-29T12:00:00.000Z"';
const DATE = new Date('2024-02-29T12:00:00.000Z');

/** A body `depth` levels deep: `open` and `close` around each level, `bottom` inside the last. */
function nest(depth: number, open: (level: number) => string, bottom: string, close: string): string {
  const parts: string[] = [];
  for (let level = 0; level < depth; level++) parts.push(open(level));
  parts.push(bottom);
  parts.push(close.repeat(depth));
  return parts.join('');
}

/** What each route answers `depth` deep, and the Dates, bigints and strings the revived value holds. */
const SHAPES: Record<string, (depth: number) => { body: string; dates: number; bigints: number; strings: number }> = {
  tree: (depth) => ({ body: nest(depth, () => `{"at":${ISO},"children":[`, `{"at":${ISO},"children":[]}`, ']}'), dates: depth + 1, bigints: 0, strings: 0 }),
  nested: (depth) => ({ body: nest(depth, () => '[', ISO, ']'), dates: 1, bigints: 0, strings: 0 }),
  chain: (depth) => ({ body: nest(depth, () => `{"kind":"link","at":${ISO},"next":`, `{"kind":"end","at":${ISO}}`, '}'), dates: depth + 1, bigints: 0, strings: depth + 1 }),
  mixed: (depth) => ({
    body: nest(depth, (level) => (level % 2 === 0 ? `{"at":${ISO},"next":` : '{"count":"7","next":'), `{"at":${ISO}}`, '}'),
    dates: Math.ceil(depth / 2) + 1,
    bigints: Math.floor(depth / 2),
    strings: 0,
  }),
  list: (depth) => ({ body: nest(depth, () => `{"at":${ISO},"tail":`, 'null', '}'), dates: depth, bigints: 0, strings: 0 }),
  pair: (depth) => ({ body: nest(depth, () => `[${ISO},`, 'null', ']'), dates: depth, bigints: 0, strings: 0 }),
  joined: (depth) => ({ body: nest(depth, () => `{"at":${ISO},"big":"9007199254740993","next":`, 'null', '}'), dates: depth, bigints: depth, strings: 0 }),
  dict: (depth) => ({ body: nest(depth, () => '{"a":', ISO, '}'), dates: 1, bigints: 0, strings: 0 }),
  trees: (depth) => ({ body: `[${SHAPES['tree']!(depth).body}]`, dates: depth + 1, bigints: 0, strings: 0 }),
};

/** Counts the leaves of a value without recursing (vitest's own equality would overflow). */
function leaves(value: unknown): { dates: number; bigints: number; strings: number; wrongDates: number } {
  const counts = { dates: 0, bigints: 0, strings: 0, wrongDates: 0 };
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const current = stack.pop();
    if (current instanceof Date) {
      counts.dates++;
      if (current.getTime() !== DATE.getTime()) counts.wrongDates++;
    } else if (typeof current === 'bigint') counts.bigints++;
    else if (typeof current === 'string') counts.strings++;
    else if (Array.isArray(current)) stack.push(...current);
    else if (typeof current === 'object' && current !== null) stack.push(...Object.values(current));
  }
  return counts;
}

let body = '';
let server: Server;
let baseUrl: string;
let Client: ClientClass;
let runtime: Runtime;

beforeAll(async () => {
  const folder = await materializeFixture('deep-answers', `${TMP_DIR}-deep-answers`);
  Client = (await importGenerated<Record<string, ClientClass>>(folder, 'trees.client.ts'))['DeepControllerClient']!;
  runtime = await importGenerated<Runtime>(folder, 'client-runtime.ts');
  server = createServer((_request, response) => {
    // No connection kept for the next test: a reused one the server closes meanwhile is ECONNRESET.
    response.setHeader('connection', 'close');
    response.setHeader('content-type', 'application/json');
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 60_000);

afterAll(() => new Promise<void>((resolve) => server?.close(() => resolve())));

describe.each([1_000, 20_000])('answers %i levels deep', (depth) => {
  it.each(Object.keys(SHAPES))('%s: revived to the last level without validation', async (shape) => {
    const expected = SHAPES[shape]!(depth);
    body = expected.body;
    const value = await new Client({ baseUrl, validateResponses: false })[shape]!();
    expect(leaves(value)).toEqual({ dates: expected.dates, bigints: expected.bigints, strings: expected.strings, wrongDates: 0 });
  });

  it.each(Object.keys(SHAPES))('%s: with validation, the value or the depth issue, never a RangeError', async (shape) => {
    const expected = SHAPES[shape]!(depth);
    body = expected.body;
    const outcome = await new Client({ baseUrl })[shape]!().then(
      (value) => leaves(value),
      (error: unknown) => error,
    );
    // The validators check 1,000 levels; deeper, they may run out of stack (docs/validate.md, "Deep values").
    if (outcome instanceof Error && depth > 1_000) {
      expect(outcome).toBeInstanceOf(runtime.ResponseValidationError);
      const { issues } = outcome as Error & { issues: Array<{ code: string; path: string }> };
      expect(issues.map(({ code, path }) => ({ code, path }))).toEqual([{ code: 'depth', path: shape === 'trees' ? '/0' : '' }]);
    } else {
      expect(outcome).toEqual({ dates: expected.dates, bigints: expected.bigints, strings: expected.strings, wrongDates: 0 });
    }
  });
});

it('revives a union without a tag in time linear in the body', async () => {
  // Both members revive `next` with reviveMixed: 2^40 runs before.
  body = SHAPES['mixed']!(40).body;
  const started = process.cpuUsage();
  const value = await new Client({ baseUrl, validateResponses: false })['mixed']!();
  const used = process.cpuUsage(started);
  expect(leaves(value)).toEqual({ dates: 21, bigints: 20, strings: 0, wrongDates: 0 });
  expect((used.user + used.system) / 1000).toBeLessThan(2_000);
}, 20_000);

it('runtime combinators called on their own revive deep values too', () => {
  const text = nest(50_000, () => '[', ISO, ']');
  const reviveNested = (value: unknown): unknown => runtime.reviveArray(value, reviveNested);
  const items = runtime.reviveArray(JSON.parse(text), (item) => (Array.isArray(item) ? reviveNested(item) : runtime.reviveDate(item)));
  expect(leaves(items)).toEqual({ dates: 0, bigints: 0, strings: 1, wrongDates: 0 });
  const dated = (value: unknown): unknown => (Array.isArray(value) ? runtime.reviveArray(value, dated) : runtime.reviveDate(value));
  expect(leaves(dated(JSON.parse(text)))).toEqual({ dates: 1, bigints: 0, strings: 0, wrongDates: 0 });
});
