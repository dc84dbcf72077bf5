/**
 * A NestJS controller on its default platform (Express) answers through `ExpressAdapter.reply`:
 * `null`/`undefined` as an empty 200 (`res.send()`), objects as JSON (`res.json`), and any other
 * value as its text (`res.send(String(body))`, which Express labels `text/html`). The generated
 * client of the `nest-answers` fixture, called over loopback HTTP against a server answering
 * exactly so, resolves each answer to a value of its declared type, or refuses it (tester s9 T4:
 * `count()` resolved to "5", `flag()` to "false", `maybe()` to undefined).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importGenerated, materializeFixture, TMP_DIR } from './helpers.js';

type Method = (...args: unknown[]) => Promise<unknown>;
type ClientClass = new (options: Record<string, unknown>) => Record<string, Method>;
interface Issue {
  code: string;
}
interface Runtime {
  ResponseValidationError: new (...args: never[]) => Error & { issues: Issue[]; body: unknown };
}

/** What the next request is answered with, as the controller method's return value. */
let returned: unknown;
let server: Server;
let baseUrl: string;
let ItemsControllerClient: ClientClass;
let runtime: Runtime;

/** Express's `res.send` / `res.json` as `ExpressAdapter.reply` calls them (charset included). */
function replyAsNestExpress(body: unknown, response: import('node:http').ServerResponse): void {
  response.statusCode = 200;
  if (body === null || body === undefined) {
    response.setHeader('content-length', '0');
    response.end();
  } else if (typeof body === 'object') {
    response.setHeader('content-type', 'application/json; charset=utf-8');
    response.end(JSON.stringify(body));
  } else {
    response.setHeader('content-type', 'text/html; charset=utf-8');
    response.end(String(body));
  }
}

beforeAll(async () => {
  const folder = await materializeFixture('nest-answers', `${TMP_DIR}-nest-answers`);
  ItemsControllerClient = (await importGenerated<Record<string, ClientClass>>(folder, 'items.client.ts'))['ItemsControllerClient']!;
  runtime = await importGenerated<Runtime>(folder, 'client-runtime.ts');
  server = createServer((_request, response) => replyAsNestExpress(returned, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}, 60_000);

afterAll(() => new Promise<void>((resolve) => server?.close(() => resolve())));

/** Calls `operation` on a client (validating or not) while the controller returns `value`. */
async function call(value: unknown, operation: string, validateResponses: boolean, ...args: unknown[]): Promise<unknown> {
  returned = value;
  const client = new ItemsControllerClient({ baseUrl, validateResponses });
  return client[operation]!(...args);
}

async function refusal(promise: Promise<unknown>): Promise<Error & { issues: Issue[]; body: unknown }> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(runtime.ResponseValidationError);
  return error as Error & { issues: Issue[]; body: unknown };
}

describe.each([true, false])('a client of a NestJS-on-Express controller (validateResponses: %s)', (validate) => {
  it('reads a number or boolean sent as text/html as the JSON it is', async () => {
    expect(await call(5, 'count', validate)).toBe(5);
    expect(await call(-0.5, 'count', validate)).toBe(-0.5);
    expect(await call(false, 'flag', validate)).toBe(false);
    expect(await call(true, 'flag', validate)).toBe(true);
  });

  it('reads an empty body as null where the type has null and not undefined', async () => {
    expect(await call(null, 'maybe', validate, 'x')).toBeNull();
    expect(await call({ id: 'a', n: 1 }, 'maybe', validate, 'a')).toEqual({ id: 'a', n: 1 });
    expect(await call(null, 'ratio', validate)).toBeNull();
    expect(await call(2.5, 'ratio', validate)).toBe(2.5);
  });

  it('reads an empty body as undefined where the type has undefined', async () => {
    expect(await call(undefined, 'first', validate)).toBeUndefined();
  });

  it('keeps text where the type is a string, a Date or a string literal', async () => {
    expect(await call('42', 'name', validate, '42')).toBe('42');
    expect(await call('true', 'name', validate, 'true')).toBe('true');
    expect(await call('open', 'code', validate)).toBe('open');
    expect(await call(404, 'code', validate)).toBe(404);
    // NestJS sends a Date as JSON (it is an object): the reviver makes it a Date again.
    expect(await call(new Date(0), 'since', validate)).toEqual(new Date(0));
  });

  it("reads an empty text/html body as '' where the type admits every string (recheck s9 R2)", async () => {
    // `res.send('')`: an empty 200 labelled text/html, unlike null's unlabelled empty body.
    expect(await call('', 'note', validate)).toBe('');
    expect(await call('', 'name', validate, 'x')).toBe('');
    expect(await call('', 'label', validate)).toBe('');
    expect(await call(null, 'label', validate)).toBeNull();
    expect(await call('hi', 'label', validate)).toBe('hi');
  });

  it("reads the text null as the string 'null' where the type admits every string", async () => {
    // NestJS sends null as an empty body, never as text: text `null` can only be the string.
    expect(await call('null', 'label', validate)).toBe('null');
    expect(await call('null', 'note', validate)).toBe('null');
    // Where strings are not values, text `null` is still the JSON it parses to.
    expect(await call('null', 'ratio', validate)).toBeNull();
  });

  it('refuses an empty body where the type has neither null nor undefined', async () => {
    const error = await refusal(call(null, 'count', validate));
    expect(error.issues.map((issue) => issue.code)).toEqual(['empty']);
    await refusal(call(undefined, 'one', validate, 'a'));
    // An empty text/html body is '' only where '' is a value: not for a number, a Date or 'open' | 404.
    expect((await refusal(call('', 'count', validate))).issues.map((issue) => issue.code)).toEqual(['empty']);
    await refusal(call('', 'since', validate));
    await refusal(call('', 'code', validate));
  });

  it('resolves a void method to undefined whatever success body comes (tester s16 G-5)', async () => {
    // It resolved to { ok: true } and to "done": the method's type says void.
    expect(await call({ ok: true }, 'touch', validate)).toBeUndefined();
    expect(await call('done', 'touch', validate)).toBeUndefined();
    expect(await call(0, 'touch', validate)).toBeUndefined();
    expect(await call(null, 'touch', validate)).toBeUndefined();
  });

  it('refuses a text body that is not JSON where the type has no string form', async () => {
    const error = await refusal(call('<p>oops</p>', 'one', validate, 'a'));
    expect(error.issues.map((issue) => issue.code)).toEqual(['json']);
    expect(error.body).toBe('<p>oops</p>');
    await refusal(call('five', 'count', validate));
  });
});

describe('with validateResponses', () => {
  it('refuses text that parses to another type', async () => {
    expect((await refusal(call(true, 'count', true))).issues.map((issue) => issue.code)).toEqual(['type']);
    await refusal(call(7, 'flag', true));
    await refusal(call('closed?', 'code', true));
  });
});
