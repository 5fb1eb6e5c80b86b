// The GraphiQL explorer works from the server alone: in headless Chromium, the page at
// ${PERFORMANCEOS_URL}/graphiql loads nothing from another host, takes a bearer token in its
// Headers tab and shows the result of a query. A screenshot is kept in artifacts/explorer.png,
// pass or fail.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOT = fileURLToPath(new URL('./artifacts/explorer.png', import.meta.url));
const QUERY = '{ viewer { tenant roles } }';
// Generous: two shared cores, and the page parses a 5 MB bundle before the editors appear.
const TIMEOUT_MS = 60_000;

function environment() {
  const url = process.env.PERFORMANCEOS_URL;
  const token = process.env.PERFORMANCEOS_TOKEN;
  const missing = [['PERFORMANCEOS_URL', url], ['PERFORMANCEOS_TOKEN', token]]
    .filter(([, value]) => !value)
    .map(([name]) => name);
  if (missing.length > 0) {
    throw new Error(`${missing.join(' and ')} must be set: the base URL of a running server ` +
      '(e.g. http://127.0.0.1:8080, no trailing slash) and a bearer token with role ADMIN ' +
      '(scripts/mint-token.sh ADMIN).');
  }
  return { url: url.replace(/\/+$/, ''), token };
}

/** The tenant the server reads from the token, asked over plain HTTP, whatever the issuer's claim names. */
async function tenantOf(url, token) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ viewer { tenant } }' }),
  });
  const body = await response.text();
  assert.equal(response.status, 200, `POST ${url}/graphql with the token answered ${response.status}: ${body}`);
  const tenant = JSON.parse(body).data?.viewer?.tenant;
  assert.ok(tenant, `no viewer.tenant in ${body}`);
  return tenant;
}

function isLocal(requestUrl, serverHost) {
  const { protocol, hostname } = new URL(requestUrl);
  if (protocol === 'data:' || protocol === 'blob:') {
    return true;
  }
  return [serverHost, 'localhost', '127.0.0.1', '[::1]'].includes(hostname);
}

/** Replaces the whole text of the Monaco editor inside `container`. */
async function replaceEditorText(page, container, text) {
  const editor = container.locator('.monaco-editor').first();
  await editor.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  // One input event rather than keystrokes: Monaco would auto-close every bracket and quote typed.
  await page.keyboard.insertText(text);
}

test('the explorer runs a query with the token from its Headers tab, loading nothing from other hosts', async () => {
  const { url, token } = environment();
  const tenant = await tenantOf(url, token);
  const serverHost = new URL(url).hostname;
  const foreignRequests = [];
  const localRequests = [];
  const pageErrors = [];

  mkdirSync(fileURLToPath(new URL('./artifacts/', import.meta.url)), { recursive: true });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    // Every request goes through here, the Monaco workers' included: anything not for the server is
    // recorded and never leaves the machine.
    await context.route('**/*', (route) => {
      const requestUrl = route.request().url();
      if (isLocal(requestUrl, serverHost)) {
        localRequests.push(requestUrl);
        return route.continue();
      }
      foreignRequests.push(requestUrl);
      return route.abort('blockedbyclient');
    });
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    try {
      await page.goto(`${url}/graphiql`, { waitUntil: 'load', timeout: TIMEOUT_MS });
      await page.locator('.graphiql-container').waitFor({ timeout: TIMEOUT_MS });

      await page.getByRole('button', { name: 'Headers' }).click();
      const headers = JSON.stringify({ Authorization: `Bearer ${token}` });
      await replaceEditorText(page, page.locator('.graphiql-editor-tool .graphiql-editor:visible'), headers);

      await replaceEditorText(page, page.locator('.graphiql-query-editor'), QUERY);
      await page.locator('.graphiql-execute-button').click();

      // Monaco renders spaces as no-break spaces; compare on normalised text.
      const expected = `"tenant": "${tenant}"`;
      await page.waitForFunction(
        (text) => (document.querySelector('.graphiql-response')?.textContent ?? '').replace(/\u00a0/g, ' ').includes(text),
        expected,
        { timeout: TIMEOUT_MS },
      );
      const response = (await page.locator('.graphiql-response').textContent()).replace(/\u00a0/g, ' ');
      assert.match(response, /"roles": \[/);
      assert.doesNotMatch(response, /"errors"/);
    } finally {
      await page.screenshot({ path: SCREENSHOT, fullPage: true });
    }
    assert.deepEqual(foreignRequests, [], 'the page asked hosts other than the server');
    // The workers are requested through the same route, so the check above covers them too.
    for (const worker of ['editor.worker.js', 'graphql.worker.js']) {
      assert.ok(localRequests.some((requestUrl) => requestUrl.endsWith(`/graphiql/assets/${worker}`)),
        `Monaco's ${worker} was not loaded from the server; requests: ${localRequests.join(', ')}`);
    }
    assert.deepEqual(pageErrors, [], 'the page threw');
  } finally {
    await browser.close();
  }
});
