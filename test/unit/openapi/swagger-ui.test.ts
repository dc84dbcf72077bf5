/**
 * The services document renders in Swagger UI: a static page built from swagger-ui-dist with
 * the generated `openapi.json`, served on an ephemeral loopback port and opened in headless
 * Chromium; every operation of the document must appear (method, path and operation id),
 * and Swagger UI must report no error for the document.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import type { OpenAPIObject } from 'openapi3-ts/oas31';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectValidDocument, fixtureModel, fixtureOptions, generate, jsonDocument, operationsOf } from './helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const SWAGGER_DIST = resolve('node_modules/swagger-ui-dist');
const FIXTURES = ['services', 'resources'];

const PAGE = `<!doctype html>
<html>
  <head><meta charset="utf-8"><title>API</title><link rel="stylesheet" href="/swagger-ui.css"></head>
  <body>
    <div id="ui"></div>
    <script src="/swagger-ui-bundle.js"></script>
    <script>
      window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#ui', displayOperationId: true, deepLinking: false });
    </script>
  </body>
</html>`;

/** Serves the page, the Swagger UI assets and the documents by fixture (`/<fixture>/openapi.json`). */
function serve(documents: Record<string, string>): Promise<Server> {
  const assets: Record<string, [string, string]> = {
    '/swagger-ui.css': ['text/css', 'swagger-ui.css'],
    '/swagger-ui-bundle.js': ['text/javascript', 'swagger-ui-bundle.js'],
  };
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const [fixture, file] = path.split('/').filter(Boolean);
    const asset = assets[`/${file ?? fixture}`];
    if (asset) {
      response.writeHead(200, { 'content-type': asset[0] }).end(readFileSync(join(SWAGGER_DIST, asset[1])));
    } else if (file === 'openapi.json' && fixture && documents[fixture]) {
      response.writeHead(200, { 'content-type': 'application/json' }).end(documents[fixture]);
    } else if (fixture && documents[fixture] && file === undefined) {
      response.writeHead(200, { 'content-type': 'text/html' }).end(PAGE.replace("'/openapi.json'", `'/${fixture}/openapi.json'`));
    } else {
      response.writeHead(404).end();
    }
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

describe.skipIf(!existsSync(CHROMIUM))('Swagger UI in headless Chromium', () => {
  let server: Server;
  let browser: Browser;
  const documents: Record<string, OpenAPIObject> = {};

  beforeAll(async () => {
    for (const name of FIXTURES) {
      documents[name] = jsonDocument((await generate(fixtureModel(name), fixtureOptions(name))).files);
      await expectValidDocument(documents[name]);
    }
    server = await serve(Object.fromEntries(Object.entries(documents).map(([name, document]) => [name, JSON.stringify(document)])));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((done) => server?.close(done));
  });

  for (const name of FIXTURES) {
    it(`shows every operation of the ${name} document`, async () => {
      const page = await browser.newPage();
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      const { port } = server.address() as AddressInfo;
      await page.goto(`http://127.0.0.1:${port}/${name}`);
      const expected = operationsOf(documents[name]!);
      await page.waitForFunction((count) => document.querySelectorAll('.opblock').length >= count, expected.length, { timeout: 30_000 });
      const shown = await page.$$eval('.opblock', (blocks) =>
        blocks.map((block) => ({
          method: block.querySelector('.opblock-summary-method')?.textContent?.trim() ?? '',
          path: block.querySelector('[data-path]')?.getAttribute('data-path') ?? '',
          operationId: block.querySelector('.opblock-summary-operation-id')?.textContent?.trim() ?? '',
        })),
      );
      const key = (operation: { method: string; path: string; operationId?: string }) => `${operation.method} ${operation.path} ${operation.operationId ?? ''}`;
      // An operation with several tags is shown once under each of them.
      expect([...new Set(shown.map(key))].sort()).toEqual(expected.map(key).sort());
      expect(await page.locator('.errors-wrapper').count()).toBe(0);
      expect(pageErrors).toEqual([]);
      await page.close();
    });
  }
});
