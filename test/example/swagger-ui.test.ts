/**
 * The example's committed `openapi.json` renders in Swagger UI (headless Chromium): every
 * operation of the document is shown with its method, path and operation id, the info block
 * carries the title, and Swagger UI reports no error.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoopbackServer } from '../helpers/loopback-server.js';
import { CHROMIUM, hasChromium, launchChromium, serveSwaggerUi, shownOperations, type ShownOperation } from '../helpers/swagger-ui.js';
import { operationsOf } from '../unit/openapi/helpers.js';
import { jsonDocument } from './example.js';

/**
 * Opens every operation block and waits until each shows its responses. An open block first shows
 * a loading body while Swagger UI resolves its references, so the body alone is not enough: CI once
 * counted eight open bodies and no responses yet. The summaries are clicked in
 * the page, in one go: the click event Swagger UI's handler gets is the same, without Playwright's
 * per-click checks (visible, stable, scrolled into view) that took ~4 s for eight blocks.
 */
async function expandAll(page: Page, count: number): Promise<void> {
  const clicked = await page.$$eval('.opblock-summary-control', (summaries) => {
    for (const summary of summaries) (summary as HTMLElement).click();
    return summaries.length;
  });
  expect(clicked).toBeGreaterThanOrEqual(count);
  await page.waitForFunction((expected) => document.querySelectorAll('.opblock.is-open .opblock-body .responses-wrapper').length >= expected, count, { timeout: 30_000 });
}

if (!hasChromium) console.warn(`Skipping the Swagger UI test of the example: no Chromium at ${CHROMIUM} (apt-get install chromium).`);

describe.skipIf(!hasChromium)(`the example's openapi.json in Swagger UI (Chromium at ${CHROMIUM})`, () => {
  const document = jsonDocument();
  let server: LoopbackServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await serveSwaggerUi(JSON.stringify(document));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows every operation of the document (method, path, operationId), and no error', async () => {
    const page = await browser.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${server.origin}/`);
    const expected = operationsOf(document).map((operation) => ({ ...operation, operationId: operation.operationId ?? '' }));
    expect(expected).toHaveLength(8);
    const shown = await shownOperations(page, expected.length);
    const key = (operation: ShownOperation) => `${operation.method} ${operation.path} ${operation.operationId}`;
    // An operation with several tags is shown once under each of them.
    expect([...new Set(shown.map(key))].sort()).toEqual(expected.map(key).sort());
    await expect(page.locator('.info .title').textContent()).resolves.toContain(document.info.title);
    // Swagger UI resolves an operation's references when it is opened: open them all.
    await expandAll(page, expected.length);
    await expect(page.locator('.opblock .responses-wrapper').count()).resolves.toBe(shown.length);
    expect(await page.locator('.errors-wrapper').count()).toBe(0);
    expect(await page.getByText(/Could not resolve reference|Resolver error/).count()).toBe(0);
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
