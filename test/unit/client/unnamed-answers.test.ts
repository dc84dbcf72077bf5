/**
 * Response types written in place, not named (tester s14 T-1): with `validateResponses`, the
 * client of the `unnamed-answers` fixture checks them as their types say, composing the runtime's
 * combinators around the generated `validateT`s, so a field typed `Date` never holds a string:
 * `rename` answered `{"ok":true,"when":"not a date"}` resolved to that object before, typed
 * `{ ok: boolean; when: Date | null }`. A shape the combinators cannot check as its type says (a
 * constraint on a property written in place) stays a CG5001 warning and goes unchecked.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientGenerator } from '../../../src/generators/client/index.js';
import { clientContext, fixtureModel, importGenerated, materializeFixture, TMP_DIR } from './helpers.js';

type Method = (...args: unknown[]) => Promise<unknown>;
type ClientClass = new (options: Record<string, unknown>) => Record<string, Method>;
interface Issue {
  path: string;
  code: string;
}
interface Runtime {
  ResponseValidationError: new (...args: never[]) => Error & { issues: Issue[]; body: unknown };
}

/** The JSON the server answers the next request with. */
let answer: unknown;
let server: Server;
let baseUrl: string;
let AnswerServiceClient: ClientClass;
let runtime: Runtime;

beforeAll(async () => {
  const folder = await materializeFixture('unnamed-answers', `${TMP_DIR}-unnamed-answers`);
  AnswerServiceClient = (await importGenerated<Record<string, ClientClass>>(folder, 'answers.client.ts'))['AnswerServiceClient']!;
  runtime = await importGenerated<Runtime>(folder, 'client-runtime.ts');
  server = createServer((request, response) => {
    request.resume();
    request.on('end', () => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}, 60_000);

afterAll(() => new Promise<void>((resolve) => server?.close(() => resolve())));

/** Calls `operation` while the server answers `body`. */
function call(body: unknown, operation: string, validateResponses = true, ...args: unknown[]): Promise<unknown> {
  answer = body;
  return new AnswerServiceClient({ baseUrl, validateResponses })[operation]!(...args);
}

/** The issues (path and code) of the ResponseValidationError `call` rejects with. */
async function issues(promise: Promise<unknown>): Promise<Array<[string, string]>> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(runtime.ResponseValidationError);
  return (error as { issues: Issue[] }).issues.map((issue) => [issue.path, issue.code]);
}

const AT = '2024-02-29T12:00:00.000Z';
const book = { id: 'b', title: 'Title', at: AT };

describe('an object type written in place', () => {
  it('refuses a field typed Date that is no date-time text, at its path (it resolved to the string)', async () => {
    expect(await issues(call({ ok: true, when: 'not a date' }, 'rename', true, '1', { name: 'z' }))).toEqual([['/when', 'type']]);
    expect(await issues(call({ ok: 'yes', when: '2024-02-30' }, 'rename', true, '1', { name: 'z' }))).toEqual([
      ['/ok', 'type'],
      ['/when', 'type'],
    ]);
  });

  it('resolves to its revived value when it matches', async () => {
    expect(await call({ ok: true, when: AT }, 'rename', true, '1', { name: 'z' })).toEqual({ ok: true, when: new Date(AT) });
    expect(await call({ ok: false, when: null, extra: 1 }, 'rename', true, '1', { name: 'z' })).toEqual({ ok: false, when: null, extra: 1 });
  });

  it("reads a leap second, which the document's date-time admits, as the last millisecond before it (tester s16 G-6)", async () => {
    // It was an invalid Date: refused at /when with validation, an invalid Date without.
    for (const validate of [true, false]) {
      expect(await call({ ok: true, when: '2016-12-31T23:59:60Z' }, 'rename', validate, '1', { name: 'z' })).toEqual({ ok: true, when: new Date('2016-12-31T23:59:59.999Z') });
      expect(await call({ ok: true, when: '2016-12-31T18:59:60.5-05:00' }, 'rename', validate, '1', { name: 'z' })).toEqual({ ok: true, when: new Date('2016-12-31T23:59:59.999Z') });
    }
    // RFC 3339 has leap seconds only at the end of a UTC day (as ajv-formats' date-time): elsewhere it is no date-time.
    expect(await issues(call({ ok: true, when: '2016-12-31T22:59:60Z' }, 'rename', true, '1', { name: 'z' }))).toEqual([['/when', 'type']]);
  });

  it('refuses a missing required property, a wrong literal, inside arrays', async () => {
    const events = [{ id: '1', kind: 'start', at: AT }, { id: '2', kind: 'pause' }, { kind: 'stop', at: 5 }];
    expect(await issues(call(events, 'events'))).toEqual([
      ['/1/kind', 'union'],
      ['/2/id', 'required'],
      ['/2/at', 'type'],
    ]);
    expect(await call([{ id: '1', kind: 'stop' }], 'events')).toEqual([{ id: '1', kind: 'stop' }]);
  });

  it('checks the named types inside with their own validateT (constraints included)', async () => {
    expect(await issues(call({ book: { ...book, title: '' }, related: [book, { ...book, at: 'soon' }], note: 3 }, 'shelf'))).toEqual([
      ['/book/title', 'minLength'],
      ['/related/1/at', 'type'],
      ['/note', 'type'],
    ]);
    expect(await call({ book, related: [], note: null }, 'shelf')).toEqual({ book: { ...book, at: new Date(AT) }, related: [], note: null });
  });

  it('checks an unnamed union', async () => {
    expect(await call(AT, 'either')).toEqual(new Date(AT));
    expect(await call(7, 'either')).toBe(7);
    expect(await issues(call('tomorrow', 'either'))).toEqual([['', 'union']]);
  });

  it('checks a tuple written in place: its length and each element', async () => {
    expect(await call(['a', AT], 'pair')).toEqual(['a', new Date(AT)]);
    expect(await call(['a', AT, 2], 'pair')).toEqual(['a', new Date(AT), 2]);
    expect(await issues(call(['a', 'later', 'two'], 'pair'))).toEqual([
      ['/1', 'type'],
      ['/2', 'type'],
    ]);
    expect(await issues(call(['a'], 'pair'))).toEqual([['', 'type']]);
    expect(await issues(call(['a', AT, 1, 2], 'pair'))).toEqual([['', 'type']]);
  });

  it('returns the answer unchecked with validation off, as documented', async () => {
    expect(await call({ ok: true, when: 'not a date' }, 'rename', false, '1', { name: 'z' })).toEqual({ ok: true, when: 'not a date' });
  });
});

describe('a shape the combinators cannot check as its type says', () => {
  it('is a CG5001 warning, only for it, and goes unchecked', async () => {
    const model = fixtureModel('unnamed-answers');
    const found = clientGenerator.check!(model, { validateResponses: true, split: 'file' } as never, clientContext(model));
    expect(found.map((d) => `${d.code} ${d.severity} ${d.message}`)).toEqual([
      'CG5001 warning client does not validate the response of AnswerService.labelled: it is an unnamed string type with constraints or a template',
    ]);
    expect(await call({ label: '' }, 'labelled')).toEqual({ label: '' });
  });
});
