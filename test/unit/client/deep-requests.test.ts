/**
 * Request bodies as deep as `JSON.parse` reads (L9b: the client wrote a body with `JSON.stringify`,
 * which threw the engine's RangeError after a few thousand levels, an array of arrays 3,000
 * deep already). The runtime's `wireJson` walks with a stack of its own: the `authors` client
 * sends bodies 3,000 and 100,000 levels deep (objects, arrays, Dates and bigints at every level),
 * and writes every other value exactly as `JSON.stringify` with the bigint replacer did (toJSON,
 * undefined, functions, symbols, holes, boxed primitives, a cycle's TypeError), but refuses what
 * it would have written as another value: NaN, the infinities and an invalid Date (tester s14 T-3).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { importGenerated, materializeFixture, TMP_DIR } from './helpers.js';

type Create = (body: unknown) => Promise<unknown>;

let create: Create;
/** The body text of the last request the client sent. */
let sent: string | undefined;

beforeAll(async () => {
  const folder = await materializeFixture('authors', `${TMP_DIR}-deep-requests`);
  const { AuthorsControllerClient } = await importGenerated<Record<string, new (options: object) => { create: Create }>>(folder, 'authors.client.ts');
  const client = new AuthorsControllerClient!({
    baseUrl: 'http://localhost',
    validateResponses: false,
    fetch: async (_url: string, init: RequestInit) => {
      sent = init.body as string | undefined;
      return new Response('{"id":"a","name":"b"}', { headers: { 'content-type': 'application/json' } });
    },
  });
  create = (body) => client.create(body);
}, 120_000);

/** What `JSON.stringify` wrote before, bigints as decimal strings. */
const stringified = (value: unknown) => JSON.stringify(value, (_key, entry: unknown) => (typeof entry === 'bigint' ? entry.toString() : entry));

/** `depth` levels of `wrap` around `bottom`, built without recursion. */
function nested(depth: number, wrap: (inner: unknown) => unknown, bottom: unknown): unknown {
  let value = bottom;
  for (let level = 0; level < depth; level++) value = wrap(value);
  return value;
}

const AT = new Date('2024-02-29T12:00:00.000Z');

describe('deep request bodies', () => {
  it.each([3_000, 100_000])('are sent %i levels deep, never a RangeError', async (depth) => {
    await create(nested(depth, (inner) => ({ at: AT, big: 9007199254740993n, next: inner }), null));
    expect(sent!.length).toBe(depth * '{"at":"2024-02-29T12:00:00.000Z","big":"9007199254740993","next":}'.length + 'null'.length);
    expect(sent!.startsWith('{"at":"2024-02-29T12:00:00.000Z","big":"9007199254740993","next":{"at":')).toBe(true);
    await create(nested(depth, (inner) => [inner, 1n], 'leaf'));
    // Compared as a boolean: a failing toBe would diff megabytes of text.
    expect(sent === `${'['.repeat(depth)}"leaf"${',"1"]'.repeat(depth)}`).toBe(true);
  });

  it('a body JSON.stringify could already write is written the same', async () => {
    const sparse = [1, , 3]; // eslint-disable-line no-sparse-arrays
    const withExtra = Object.assign([1, 2], { extra: true });
    const nullProto = Object.assign(Object.create(null) as object, { a: 1 });
    class Point {
      x = 1;
      #hidden = 2;
      get y(): number {
        return this.#hidden;
      }
    }
    const values: unknown[] = [
      0, -0, 1.5, 1e21, true, false, null, 'text', 'é\u2028"\\\n', '\ud800 lone', '',
      12n, -9007199254740993n,
      {}, [], [[[]]], { a: undefined, b: () => 1, c: Symbol('s'), d: 1, [Symbol('k')]: 2 },
      [undefined, () => 1, Symbol('s'), 1], sparse, withExtra, nullProto, new Point(),
      AT, { when: AT, list: [AT] },
      Object(1), Object('s'), Object(false), [Object(2)],
      { toJSON: (key: string) => `key:${key}` }, [{ toJSON: (key: string) => `key:${key}` }], { nested: { toJSON: () => undefined } },
      { big: { toJSON: () => 5n } }, new Map([[1, 2]]), new Set([1]), /re/g, new URL('https://example.com/a?b'),
      { '': 1, ' ': 2, __proto__: null, 'quote"key': 3, 2: 'two', 1: 'one' },
      { deep: [{ a: [1, { b: [undefined, null] }] }] },
    ];
    for (const value of values) {
      await create(value);
      expect(sent, String(stringified(value))).toBe(stringified(value));
    }
  });

  it('refuses what JSON.stringify refuses, with its TypeError', async () => {
    const cycle: Record<string, unknown> = { a: 1 };
    cycle['self'] = { back: cycle };
    await expect(create(cycle)).rejects.toThrow(TypeError);
    await expect(create(cycle)).rejects.toThrow(/circular structure/);
    await expect(create({ boxed: Object(1n) })).rejects.toThrow(TypeError);
    // JSON.stringify writes these as null, another value: refused, naming the place (sendable-values.test.ts).
    for (const [value, message] of [
      [NaN, 'cannot hold NaN: JSON has no such number'],
      [[1, Infinity], 'cannot hold Infinity (at /1)'],
      [{ a: { b: -Infinity } }, 'cannot hold -Infinity (at /a/b)'],
      [new Date(NaN), 'cannot hold an invalid Date'],
      [{ list: [AT, new Date(NaN)] }, 'cannot hold an invalid Date (at /list/1)'],
      [{ toJSON: () => NaN }, 'cannot hold NaN'],
    ] as const) {
      await expect(create(value)).rejects.toThrow(message);
    }
    // A value seen twice but not inside itself is no cycle.
    const shared = { n: 1 };
    await create({ a: shared, b: [shared, shared] });
    expect(sent).toBe('{"a":{"n":1},"b":[{"n":1},{"n":1}]}');
  });
});
