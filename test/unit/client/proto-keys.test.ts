/**
 * Answers whose keys are named like Object.prototype's members (`__proto__`, `constructor`,
 * `toString`), over loopback HTTP (s11 h4's leftover). `JSON.parse` reads `"__proto__"` as an own
 * property, so the client must too: its revivers' tables are object literals, where a plain
 * `__proto__:` key sets the table's prototype instead of adding an entry (the Date then stayed a
 * string, and a tag `"__proto__"` found no member). The `proto-keys` client revives each such
 * property, tag and record entry, validates the result, and leaves every prototype alone.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importGenerated, materializeFixture, TMP_DIR } from './helpers.js';

type Method = () => Promise<unknown>;
type ClientClass = new (options: Record<string, unknown>) => Record<string, Method>;

const ISO = '2024-02-29T12:00:00.000Z';
const DATE = new Date(ISO);
/** The raw JSON each route answers: keys as a server writes them. */
const BODIES: Record<string, string> = {
  '/odd/one': `{"__proto__":"${ISO}","constructor":"${ISO}","toString":"9007199254740993","name":"x"}`,
  '/odd/tagged': `[{"kind":"__proto__","at":"${ISO}"},{"kind":"constructor","count":"7"},{"kind":"plain","name":"y"}]`,
  '/odd/stamps': `{"__proto__":"${ISO}","valueOf":"${ISO}"}`,
};

let server: Server;
let client: Record<string, Method>;

beforeAll(async () => {
  const folder = await materializeFixture('proto-keys', `${TMP_DIR}-proto-keys`);
  const Client = (await importGenerated<Record<string, ClientClass>>(folder, 'odd.client.ts'))['OddControllerClient']!;
  server = createServer((request, response) => {
    response.setHeader('content-type', 'application/json');
    response.setHeader('connection', 'close');
    response.end(BODIES[request.url ?? '']);
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  client = new Client({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
}, 60_000);

afterAll(() => new Promise<void>((closed) => server.close(() => closed())));

/** An own property's value (reading `value.__proto__` would give the prototype). */
function own(value: unknown, key: string): unknown {
  return Object.getOwnPropertyDescriptor(value, key)?.value;
}

describe('keys named like Object.prototype members', () => {
  it('revive as own properties, the prototype untouched', async () => {
    const odd = await client['one']!();
    expect(Object.getPrototypeOf(odd)).toBe(Object.prototype);
    expect(own(odd, '__proto__')).toEqual(DATE);
    expect(own(odd, 'constructor')).toEqual(DATE);
    expect(own(odd, 'toString')).toBe(9007199254740993n);
    expect(own(odd, 'name')).toBe('x');
  });

  it('pick the member a tag names, "__proto__" and "constructor" included', async () => {
    const tagged = (await client['tagged']!()) as unknown[];
    expect(tagged.map((item) => Object.getPrototypeOf(item))).toEqual([Object.prototype, Object.prototype, Object.prototype]);
    expect(own(tagged[0], 'at')).toEqual(DATE);
    expect(own(tagged[1], 'count')).toBe(7n);
    expect(own(tagged[2], 'name')).toBe('y');
  });

  it('revive every entry of a record, a "__proto__" key included', async () => {
    const stamps = await client['stamps']!();
    expect(Object.getPrototypeOf(stamps)).toBe(Object.prototype);
    expect(own(stamps, '__proto__')).toEqual(DATE);
    expect(own(stamps, 'valueOf')).toEqual(DATE);
  });
});
