/**
 * The generated client of the `nest-pipes` fixture over loopback HTTP (tester s20 LIE): a NestJS
 * `@Query('filter') filter: FilterDto` is `req.query.filter`, so the client must send the object
 * under its key (`filter[done]=true`, deepObject, which Nest's extended query parser reads as
 * `{ done: 'true' }`), where it sent `done=true&since=…` and the handler saw `filter = {}`. A bare
 * `@Query(pipe)` still spreads; `@Param(pipe) params: Dto` fills the path from its properties; a
 * `DefaultValuePipe` query parameter may be left out.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importGenerated, materializeFixture, TMP_DIR } from './helpers.js';

type Method = (...args: unknown[]) => Promise<unknown>;
type ClientClass = new (options: Record<string, unknown>) => Record<string, Method>;

let server: Server;
let client: Record<string, Method>;
/** The request targets the server saw, in order. */
const seen: string[] = [];

beforeAll(async () => {
  const folder = await materializeFixture('nest-pipes', `${TMP_DIR}-nest-pipes`);
  const ItemsControllerClient = (await importGenerated<Record<string, ClientClass>>(folder, 'items.client.ts'))['ItemsControllerClient']!;
  server = createServer((request, response) => {
    seen.push(request.url ?? '');
    const [, , id = '', slug = ''] = new URL(request.url ?? '/', 'http://x').pathname.split('/');
    response.setHeader('content-type', 'application/json');
    response.end(request.url?.includes('/items/a/') ? JSON.stringify({ id, name: slug }) : '[]');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  client = new ItemsControllerClient({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` });
}, 60_000);

afterAll(() => new Promise<void>((resolve) => server?.close(() => resolve())));

async function target(call: () => Promise<unknown>): Promise<string> {
  seen.length = 0;
  await call();
  return decodeURIComponent(seen[0]!);
}

describe('a client of NestJS parameter decorators', () => {
  it("sends @Query('filter') filter: FilterDto under its key, not spread", async () => {
    expect(await target(() => client['list']!({ done: true, since: '2024-01-01' }, 2))).toBe('/items?filter[done]=true&filter[since]=2024-01-01&page=2');
  });

  it('leaves out a DefaultValuePipe parameter not given (the server defaults it)', async () => {
    expect(await target(() => client['list']!({ done: false }))).toBe('/items?filter[done]=false');
  });

  it('spreads a bare @Query(new ValidationPipe()) object', async () => {
    expect(await target(() => client['search']!({ done: true }))).toBe('/items/search?done=true');
  });

  it('fills the path from @Param(ValidationPipe) params: Dto', async () => {
    expect(await target(() => client['byParams']!('a', 'b c'))).toBe('/items/a/b c');
  });
});
