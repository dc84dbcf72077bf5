/**
 * Swagger UI from `swagger-ui-dist`, served on loopback with one OpenAPI document and opened in
 * Debian's Chromium through playwright-core, for tests that check a document renders.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startLoopbackServer, type LoopbackServer } from './loopback-server.js';
import { REPO_ROOT } from './paths.js';

/** Where Debian's `chromium` package puts the browser. */
export const CHROMIUM = '/usr/bin/chromium';
/** Whether the browser is installed; tests skip without it. */
export const hasChromium = existsSync(CHROMIUM);

const SWAGGER_DIST = join(REPO_ROOT, 'node_modules', 'swagger-ui-dist');
const ASSETS: Record<string, [type: string, file: string]> = {
  '/swagger-ui.css': ['text/css', 'swagger-ui.css'],
  '/swagger-ui-bundle.js': ['text/javascript', 'swagger-ui-bundle.js'],
};
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

/** Serves the Swagger UI page at `/` showing `documentJson`, served at `/openapi.json`. */
export function serveSwaggerUi(documentJson: string): Promise<LoopbackServer> {
  return startLoopbackServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://loopback').pathname;
    const asset = ASSETS[path];
    if (asset) response.writeHead(200, { 'content-type': asset[0] }).end(readFileSync(join(SWAGGER_DIST, asset[1])));
    else if (path === '/openapi.json') response.writeHead(200, { 'content-type': 'application/json' }).end(documentJson);
    else if (path === '/') response.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
    else response.writeHead(404).end();
  });
}

/** Headless Chromium, no sandbox (containers), no background traffic. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** An operation block as Swagger UI shows it. */
export interface ShownOperation {
  method: string;
  path: string;
  operationId: string;
}

/** Waits for at least `expected` operation blocks, then reads every block's method, path and operation id. */
export async function shownOperations(page: Page, expected: number): Promise<ShownOperation[]> {
  await page.waitForFunction((count) => document.querySelectorAll('.opblock').length >= count, expected, { timeout: 30_000 });
  return page.$$eval('.opblock', (blocks) =>
    blocks.map((block) => ({
      method: block.querySelector('.opblock-summary-method')?.textContent?.trim() ?? '',
      path: block.querySelector('[data-path]')?.getAttribute('data-path') ?? '',
      operationId: block.querySelector('.opblock-summary-operation-id')?.textContent?.trim() ?? '',
    })),
  );
}
