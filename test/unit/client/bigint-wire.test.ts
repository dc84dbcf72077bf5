/**
 * `bigint`s on the wire (docs/openapi.md, docs/client.md): a JSON string of decimal digits.
 * The generated `ledger` client talks to the real fixture server, which does its arithmetic in
 * bigints read from that form: request bodies, path, query and header values are sent exactly
 * (2^53 + 1 and negative values), answers are revived into `bigint`s in objects, arrays,
 * records, tagged unions, error bodies and as the whole body, and response validation rejects
 * a number where a bigint belongs. What travels is checked against the OpenAPI document of the
 * same model with ajv, both ways, and the validators generated with `coerce: true` (which read
 * wire values) give ajv's verdicts and the client's bigints; mocks sent in the wire form are
 * what the document describes and read back as themselves.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { OpenAPIObject, SchemaObject } from 'openapi3-ts/oas31';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocument } from '../../../src/generators/openapi/index.js';
import { withDefaults } from '../../../src/generators/openapi/options.js';
import type { Model } from '../../../src/model/types.js';
import { startFixtureServer, type FixtureServer } from './fixture-server.js';
import { fixtureModel, importGenerated, materializeFixture, materializeMocks } from './helpers.js';

type Method = (...args: unknown[]) => Promise<unknown>;
type ClientClass = new (options: Record<string, unknown>) => Record<string, Method>;

const BIG = 2n ** 53n + 1n;
let server: FixtureServer;
let ledger: Record<string, Method>;
let unvalidated: Record<string, Method>;
let document: OpenAPIObject;
let ajv: Ajv2020;
let mocks: Record<string, (overrides?: unknown, options?: { seed: number }) => unknown>;
let wireValidators: Record<string, (value: unknown) => { success: boolean; data?: unknown; issues?: Array<{ path: string; expected: string }> }>;

beforeAll(async () => {
  server = await startFixtureServer();
  const folder = await materializeFixture('ledger', 'test/.tmp/client-bigint');
  const Client = (await importGenerated<Record<string, ClientClass>>(folder, 'ledger.client.ts'))['LedgerServiceClient']!;
  ledger = new Client({ baseUrl: server.baseUrl });
  const coerceFolder = await materializeFixture('ledger', 'test/.tmp/client-bigint-coerce', { coerce: true });
  wireValidators = await importGenerated(coerceFolder, 'ledger.validate.ts');
  await materializeMocks('ledger', coerceFolder);
  mocks = await importGenerated(coerceFolder, 'ledger.mock.ts');
  unvalidated = new Client({ baseUrl: server.baseUrl, validateResponses: false });
  const model = fixtureModel('ledger');
  const withOpenapi: Model = {
    ...model,
    declarations: model.declarations.map((declaration) => ({ ...declaration, generators: [...declaration.generators, 'openapi'] })),
    services: model.services.map((service) => ({ ...service, generators: [...service.generators, 'openapi'] })),
  };
  document = buildDocument(withOpenapi, withDefaults({}));
  ajv = new Ajv2020({ strict: false });
  ajv.addSchema({ ...document, $id: 'document' });
}, 60_000);

afterAll(async () => {
  await server?.close();
});

/** Whether a JSON value is what the document's schema at `pointer` accepts. */
function documentAccepts(pointer: string, value: unknown): boolean {
  return ajv.compile({ $ref: `document#${pointer}` })(value) as boolean;
}

const BALANCE = '/components/schemas/Balance';

describe('bigints sent', () => {
  it('in a body: strings of decimal digits, exact beyond 2^53, negative values too; the header as its text', async () => {
    const balance = (await ledger.transfer!({ account: 'a', amount: BIG, parts: [-1n, 2n, -(BIG * 3n)] }, 10n ** 19n)) as { value: bigint };
    const sent = server.last();
    expect(sent.body).toEqual({ account: 'a', amount: '9007199254740993', parts: ['-1', '2', '-27021597764222979'] });
    expect(sent.headers['x-limit']).toBe('10000000000000000000');
    expect(balance.value).toBe(BIG + 1n - BIG * 3n);
    expect(documentAccepts('/components/schemas/Transfer', sent.body)).toBe(true);
    // The document refuses what JSON.stringify would have sent, had it not thrown: a number.
    expect(documentAccepts('/components/schemas/Transfer', { ...(sent.body as object), amount: 9007199254740993 })).toBe(false);
  });

  it('in the path and the query: the decimal text', async () => {
    expect(await ledger.entry!(BIG, -3n, [1n, -(BIG + 1n)])).toBe(BIG - 3n + 1n - (BIG + 1n));
    const sent = server.last();
    expect(sent.segments).toEqual(['ledger', 'entries', '9007199254740993']);
    expect(sent.query).toBe('after=-3&ids=1&ids=-9007199254740994');
    expect(await ledger.entry!(-BIG)).toBe(-BIG);
    expect(server.last().segments).toEqual(['ledger', 'entries', '-9007199254740993']);
  });
});

describe('bigints answered', () => {
  it('revived everywhere the type has one: property, array, record, tagged union, beside a Date', async () => {
    const balance = await ledger.balance!('b');
    expect(balance).toEqual({
      account: 'b',
      value: BIG,
      history: [-BIG, 0n, BIG],
      limit: null,
      byDay: { '2024-01-01': -BIG, '2024-01-02': 7n },
      entries: [
        { kind: 'credit', amount: BIG },
        { kind: 'debit', amount: -BIG, reason: 'fee' },
      ],
      updatedAt: new Date('2024-02-29T12:00:00.000Z'),
    });
  });

  it('as the whole body and as array items', async () => {
    expect(await ledger.totals!()).toEqual([BIG, -BIG]);
    expect(await ledger.entry!(0n)).toBe(0n);
  });

  it('in a documented error body', async () => {
    const error = (await ledger.transfer!({ account: 'a', amount: BIG, parts: [] }, 1n).catch((caught: unknown) => caught)) as { status: number; body: unknown; is(status: number): boolean };
    expect([error.status, error.is(409)]).toEqual([409, true]);
    expect(error.body).toEqual({ message: 'overdrawn', missing: BIG - 1n });
  });

  it('what the server answers is what the document describes', async () => {
    const response = await fetch(`${server.baseUrl}ledger/balances/c`);
    const body: unknown = await response.json();
    expect(documentAccepts(BALANCE, body)).toBe(true);
    expect(documentAccepts(BALANCE, { ...(body as object), value: 5 })).toBe(false);
    expect(documentAccepts(BALANCE, { ...(body as object), value: '05' })).toBe(false);
    expect(documentAccepts(BALANCE, { ...(body as object), limit: '-1' })).toBe(false);
    expect(documentAccepts(BALANCE, { ...(body as object), limit: '0' })).toBe(true);
  });

  it('a number where a bigint belongs (an older server) fails validation at its path; unvalidated it stays a number', async () => {
    const error = (await ledger.balance!('legacy').catch((caught: unknown) => caught)) as { name: string; issues: Array<{ path: string; code: string }> };
    expect(error.name).toBe('ResponseValidationError');
    expect(error.issues.map((issue) => `${issue.path} ${issue.code}`)).toEqual(['/value type']);
    expect(((await unvalidated.balance!('legacy')) as { value: unknown }).value).toBe(5);
  });

  it('the document says so: type string, format int64, the bounds in the pattern', () => {
    const properties = (document.components!.schemas!['Balance'] as SchemaObject).properties as Record<string, SchemaObject>;
    expect(properties['value']).toEqual({ description: 'Beyond 2^53: exact only as a bigint.', type: 'string', format: 'int64', pattern: '^(?:0|-?[1-9][0-9]*)$' });
    expect(properties['limit']).toEqual({ type: ['string', 'null'], format: 'int64', pattern: '^(?:[0-9]|[1-9][0-9]{1,})$' });
  });
});

describe('validators with coerce read the wire form', () => {
  it('a wire body passes and comes back with the bigints the client revives', async () => {
    const body: unknown = await (await fetch(`${server.baseUrl}ledger/balances/d`)).json();
    const result = wireValidators['validateBalance']!(body);
    expect(result.success).toBe(true);
    expect(result.data).toEqual(await ledger.balance!('d'));
  });

  it('agree with the document on every wire value of a bigint, bounded or not', async () => {
    const body = (await (await fetch(`${server.baseUrl}ledger/balances/e`)).json()) as Record<string, unknown>;
    const values: unknown[] = ['0', '-0', '7', '-7', '9007199254740993', '-9007199254740993', '99999999999999999999999', '05', '+5', '1.0', '1e3', ' 1', '', '٣', 5, 9007199254740992, -1, null, true];
    const disagreements = (['value', 'limit'] as const).flatMap((property) =>
      values.flatMap((value) => {
        const candidate = { ...body, [property]: value };
        const validator = wireValidators['validateBalance']!(candidate).success;
        const schema = documentAccepts(BALANCE, candidate);
        return validator === schema ? [] : [`${property} ${JSON.stringify(value)}: validator ${validator}, document ${schema}`];
      }),
    );
    expect(disagreements).toEqual([]);
    const refused = wireValidators['validateBalance']!({ ...body, value: 5 });
    expect(refused.issues?.map((issue) => `${issue.path} ${issue.expected}`)).toEqual(['/value bigint or integer string']);
    expect(wireValidators['validateBalance']!({ ...body, limit: '-1' }).issues?.map((issue) => `${issue.path} ${issue.expected}`)).toEqual(['/limit minimum 0']);
  });
});

describe('mocks in the wire form', () => {
  it('every mock Balance and Transfer, sent as the client sends, is what the document describes and reads back as itself', () => {
    const wireForm = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (_key, entry: unknown) => (typeof entry === 'bigint' ? String(entry) : entry)));
    let bigints = 0;
    for (const [type, mock] of [['Balance', mocks['mockBalance']!], ['Transfer', mocks['mockTransfer']!]] as const) {
      for (let seed = 1; seed <= 25; seed += 1) {
        const value = mock(undefined, { seed });
        const wire = wireForm(value);
        expect(documentAccepts(`/components/schemas/${type}`, wire), `${type} seed ${seed}: ${JSON.stringify(wire)}`).toBe(true);
        const read = wireValidators[`validate${type}`]!(wire);
        expect(read.success).toBe(true);
        expect(read.data).toEqual(value);
        bigints += JSON.stringify(value, (_key, entry: unknown) => (typeof entry === 'bigint' ? `${entry}n` : entry)).match(/\d+n"/g)?.length ?? 0;
      }
    }
    expect(bigints).toBeGreaterThan(50);
  });
});
