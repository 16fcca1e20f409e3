// The browser harness's own checks (lib.mjs newCheckedPage): what it reports and what it lets pass.
// Requests a page was still making when a test leaves it are aborted by the browser (net::ERR_ABORTED);
// that is not the site's fault and must not fail a test by timing. A missing file, or a request the
// page aborts while it stays, is still reported.
//
//   node --test tests/browser/harness.test.mjs

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { launchBrowser, newCheckedPage, takeIssues } from './lib.mjs';

const PAGES = {
  '/slow.html': '<!doctype html><html lang="nl"><title>t</title><script src="/slow.js" async></script>',
  '/plain.html': '<!doctype html><html lang="nl"><title>t</title><p>hier',
  '/missing.html': '<!doctype html><html lang="nl"><title>t</title><script src="/weg.js"></script>',
  '/late.html': '<!doctype html><html lang="nl"><title>t</title><button onclick="' +
    "location.href = '/later.html'; setTimeout(function () { var s = document.createElement('script'); " +
    "s.src = '/slow.js'; document.head.appendChild(s); }, 100);" + '">verder</button>',
  '/cancel.html': '<!doctype html><html lang="nl"><title>t</title><script>' +
    'var c = new AbortController(); fetch("/slow.js", { signal: c.signal }).catch(function () {});' +
    'setTimeout(function () { c.abort(); document.title = "afgebroken"; }, 200);</script>',
};

let server;
let origin;
let browser;
let slowStarted;
before(async () => {
  server = http.createServer((req, res) => {
    if (req.url === '/slow.js') {
      slowStarted?.();
      const timer = setTimeout(() => res.end('1;'), 5000);
      res.on('close', () => clearTimeout(timer));
      res.writeHead(200, { 'content-type': 'text/javascript' });
      return;
    }
    if (req.url === '/later.html') {
      // answers late, so the page starts a script while it is leaving
      setTimeout(() => res.end(PAGES['/plain.html']), 800);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return;
    }
    const body = PAGES[req.url];
    res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body || 'weg');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  server?.closeAllConnections();
  server?.close();
});

describe('newCheckedPage', () => {
  test('leaving a page while its script still loads is no problem of the site', async () => {
    const context = await browser.newContext();
    const page = await newCheckedPage(context, origin);
    const started = new Promise((resolve) => { slowStarted = resolve; });
    const aborted = new Promise((resolve) => page.on('requestfailed', resolve));
    await page.goto(`${origin}/slow.html`, { waitUntil: 'commit' });
    await started;
    await page.goto(`${origin}/plain.html`);
    const failed = await aborted;
    assert.equal(failed.failure()?.errorText, 'net::ERR_ABORTED', 'the browser did abort the script');
    assert.deepEqual(takeIssues(page), []);
    await context.close();
  });

  test('a script the page starts while it is leaving is no problem of the site either', async () => {
    const context = await browser.newContext();
    const page = await newCheckedPage(context, origin);
    await page.goto(`${origin}/late.html`);
    const started = new Promise((resolve) => { slowStarted = resolve; });
    const aborted = new Promise((resolve) => page.on('requestfailed', resolve));
    await Promise.all([page.waitForURL(/later\.html/), page.click('button')]);
    await started;
    assert.equal((await aborted).failure()?.errorText, 'net::ERR_ABORTED');
    assert.deepEqual(takeIssues(page), []);
    await context.close();
  });

  test('a missing script is reported', async () => {
    const context = await browser.newContext();
    const page = await newCheckedPage(context, origin);
    await page.goto(`${origin}/missing.html`);
    const kinds = takeIssues(page).map((i) => i.kind);
    assert.ok(kinds.includes('http-error'), kinds.join(', '));
    await context.close();
  });

  test('a request the page aborts while it stays is reported', async () => {
    const context = await browser.newContext();
    const page = await newCheckedPage(context, origin);
    const failed = new Promise((resolve) => page.on('requestfailed', resolve));
    await page.goto(`${origin}/cancel.html`);
    await failed;
    await page.waitForFunction(() => document.title === 'afgebroken');
    const issues = takeIssues(page);
    assert.deepEqual(issues.map((i) => i.kind), ['request-failed'], JSON.stringify(issues));
    await context.close();
  });
});
