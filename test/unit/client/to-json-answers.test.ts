/**
 * A service method returning a value with its own `toJSON()` (s11 h4 item 2): NestJS answers with
 * `JSON.stringify` of it, which writes what toJSON returns, not the fields. The analyzer accepts
 * such a result (it was CG2205, "has methods") where the result reaches it through unnamed
 * structure, and the `to-json` client types, revives and validates the answer as toJSON's result
 * (`Promise<MoneyJson>` for `one(): Money`). Over loopback HTTP the server sends
 * `JSON.stringify(new Money(…))` as NestJS on Express does; each answer comes back as toJSON's
 * result (Dates and bigints revived), a server sending the fields instead is refused, and the
 * OpenAPI document (through the 3.1 validator) describes each body sent.
 */
import { writeFileSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { OpenAPIObject } from 'openapi3-ts/oas31';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyzer/index.js';
import { buildDocument } from '../../../src/generators/openapi/index.js';
import { withDefaults } from '../../../src/generators/openapi/options.js';
import type { Model } from '../../../src/model/types.js';
import { expectValidDocument } from '../openapi/helpers.js';
import { fixtureModel, importGenerated, materializeFixture, TMP_DIR } from './helpers.js';

type Method = (...args: unknown[]) => Promise<unknown>;
type ClientClass = new (options: Record<string, unknown>) => Record<string, Method>;
interface Inputs {
  Money: new (cents: number, currency: string) => object;
  Cents: new (value: bigint) => object;
  Version: new (major: number, minor: number) => object;
}

const AT = new Date('2024-02-29T12:00:00.000Z');
let server: Server;
let baseUrl: string;
let Client: ClientClass;
let runtime: { ResponseValidationError: new (...args: never[]) => Error };
let inputs: Inputs;
let document: OpenAPIObject;
let ajv: Ajv2020;
/** What the controller method returns for each route, and the body last sent. */
let answers: Record<string, unknown>;
let sent = '';

/** NestJS on Express: `null` an empty 200, objects (instances included) `res.json`, the rest as text (ExpressAdapter.reply). */
function reply(body: unknown, response: ServerResponse): void {
  if (body === null || body === undefined) {
    sent = '';
    response.end();
  } else if (typeof body === 'object') {
    // bigints in the wire form the document states (a decimal string), as the ledger fixture's server does.
    sent = JSON.stringify(body, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
    response.setHeader('content-type', 'application/json; charset=utf-8');
    response.end(sent);
  } else {
    sent = String(body);
    response.setHeader('content-type', 'text/html; charset=utf-8');
    response.end(sent);
  }
}

beforeAll(async () => {
  const folder = await materializeFixture('to-json', `${TMP_DIR}-to-json`);
  Client = (await importGenerated<Record<string, ClientClass>>(folder, 'prices.client.ts'))['PricesControllerClient']!;
  runtime = await importGenerated(folder, 'client-runtime.ts');
  inputs = (await import(`${folder}/input/money.ts`)) as Inputs;
  const { Money, Cents, Version } = inputs;
  answers = {
    '/prices/one': new Money(150, 'EUR'),
    '/prices/many': [new Money(1, 'EUR'), new Money(2, 'USD')],
    '/prices/maybe': new Money(3, 'CHF'),
    '/prices/totals': { total: new Money(3, 'EUR'), parts: [new Money(1, 'EUR')], at: AT },
    '/prices/by-currency': { eur: new Money(4, 'EUR') },
    '/prices/pair': [new Money(5, 'EUR'), new Version(1, 2)],
    '/prices/cents': new Cents(2n ** 53n + 1n),
    '/prices/version': new Version(2, 0),
    '/prices/stamp': { label: 'x', toJSON: () => ({ label: 'x', at: AT }) },
  };
  server = createServer((request, response) => {
    response.setHeader('connection', 'close');
    reply(answers[request.url ?? ''], response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const model = fixtureModel('to-json');
  const withOpenapi: Model = {
    ...model,
    declarations: model.declarations.map((declaration) => ({ ...declaration, generators: [...declaration.generators, 'openapi'] })),
    services: model.services.map((service) => ({ ...service, generators: [...service.generators, 'openapi'] })),
  };
  document = buildDocument(withOpenapi, withDefaults({}));
  ajv = new Ajv2020({ strict: false });
  ajv.addSchema({ ...document, $id: 'document' });
}, 60_000);

afterAll(() => new Promise<void>((resolve) => server?.close(() => resolve())));

const money = (cents: number, currency: string) => ({ cents, currency, at: AT });

const EXPECTED: Record<string, unknown> = {
  one: money(150, 'EUR'),
  many: [money(1, 'EUR'), money(2, 'USD')],
  maybe: money(3, 'CHF'),
  totals: { total: money(3, 'EUR'), parts: [money(1, 'EUR')], at: AT },
  byCurrency: { eur: money(4, 'EUR') },
  pair: [money(5, 'EUR'), '1.2'],
  cents: 2n ** 53n + 1n,
  version: '2.0',
  stamp: { label: 'x', at: AT },
};

const ROUTES: Record<string, string> = { byCurrency: '/prices/by-currency' };
const routeOf = (operation: string) => ROUTES[operation] ?? `/prices/${operation}`;

describe.each([true, false])('answers of toJSON values (validateResponses: %s)', (validateResponses) => {
  it.each(Object.keys(EXPECTED))("%s: toJSON's result, revived", async (operation) => {
    const value = await new Client({ baseUrl, validateResponses })[operation]!();
    expect(value).toEqual(EXPECTED[operation]);
    expect(value).not.toBeInstanceOf(inputs.Money);
  });

  it('null where the type admits it', async () => {
    const kept = answers['/prices/maybe'];
    answers['/prices/maybe'] = null;
    try {
      expect(await new Client({ baseUrl, validateResponses })['maybe']!()).toBeNull();
    } finally {
      answers['/prices/maybe'] = kept;
    }
  });
});

it("refuses a body of the class's fields where toJSON's result is declared", async () => {
  const kept = answers['/prices/one'];
  answers['/prices/one'] = { cents: 1, currency: 'EUR' };
  try {
    await expect(new Client({ baseUrl })['one']!()).rejects.toBeInstanceOf(runtime.ResponseValidationError);
  } finally {
    answers['/prices/one'] = kept;
  }
});

describe('the OpenAPI document', () => {
  it('passes the OpenAPI 3.1 validator', async () => {
    await expectValidDocument(document);
  });

  it.each(Object.keys(EXPECTED))("%s: its response schema describes the body sent (toJSON's result)", async (operation) => {
    await new Client({ baseUrl, validateResponses: false })[operation]!();
    const route = routeOf(operation);
    const content = document.paths?.[route]?.get?.responses?.['200']?.content as Record<string, unknown> | undefined;
    expect(content, route).toBeDefined();
    const pointer = `/paths/${route.replace(/\//g, '~1')}/get/responses/200/content/application~1json/schema`;
    const accepts = ajv.compile({ $ref: `document#${pointer}` });
    expect(accepts(JSON.parse(sent)), JSON.stringify(accepts.errors)).toBe(true);
  });

  it("describes Money as toJSON's result, not its fields", () => {
    const schema = document.components?.schemas?.['Money'];
    expect(schema).toMatchObject({ $ref: '#/components/schemas/MoneyJson' });
    expect(ajv.compile({ $ref: 'document#/components/schemas/Money' })({ currency: 'EUR' })).toBe(false);
  });
});

it('keeps CG2205 for a toJSON value inside a named type, and for parameters', () => {
  const dir = `${TMP_DIR}-to-json/to-json`;
  writeFileSync(`${dir}/input/named.ts`, NAMED);
  const { diagnostics } = analyze({
    rootDir: dir,
    files: [`${dir}/input/money.ts`, `${dir}/input/nest.ts`, `${dir}/input/named.ts`],
    defaultGenerators: ['client'],
    knownGenerators: ['client', 'validate'],
    displayRoot: dir,
  });
  expect(diagnostics.map((found) => `${found.code} ${found.line}`)).toEqual(['CG2205 14', 'CG2205 19', 'CG2205 24']);
});

const NAMED = `import { Money } from './money.js';
import { Body, Controller, Get, Post } from './nest.js';

/** A named type: the client would type \`total\` as \`Money\`. */
export interface Order {
  total: Money;
}

export type MaybeMoney = Money | null;

@Controller('named')
export class NamedController {
  @Get('order')
  order(): Order {
    return { total: new Money(1, 'EUR') };
  }

  @Get('alias')
  alias(): MaybeMoney {
    return null;
  }

  @Post('pay')
  pay(@Body() amount: Money): void {}
}
`;
