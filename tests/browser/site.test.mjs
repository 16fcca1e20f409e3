// Site-wide browser checks for the generated portal.
//
//   node --test tests/browser/                     # tests <repo>/_site
//   WIJZER_SITE=tests/browser/fixture-site node --test tests/browser/
//
// (a) file://      crawl from index.html: no orphans, broken links/anchors,
//                  console/page errors, failed or external requests; axe on
//                  every page but a flow node's third and later route pages
//                  (WCAG 2.0/2.1 A+AA); <html lang="nl">.
// (b) http sub-folder  the same crawl from a static server at /sub/portal/:
//                  no broken links, no 404s, no external requests.
// (c) html-validate every .html file, zero errors.
// (d) JavaScript off  crawl works and every page has an <h1>.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  assertSiteExists,
  crawl,
  formatProblems,
  launchBrowser,
  listHtmlFiles,
  newCheckedPage,
  pathToFileURL,
  relPath,
  runAxe,
  siteDir,
  startStaticServer,
  validateHtml,
} from './lib.mjs';

const SITE = siteDir();
// Pages used in parallel per crawl (the machines have 2 cores).
const PARALLEL = Math.max(1, Number(process.env.WIJZER_BROWSER_PAGES || 2));

let browser;

before(async () => {
  assertSiteExists(SITE);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

async function openPages(context, origin) {
  const pages = [];
  for (let i = 0; i < PARALLEL; i++) pages.push(await newCheckedPage(context, origin));
  return pages;
}

// Pages a link should reach: all but the 404 page, which a server shows for a missing address and
// no page links to (layout.test.mjs checks it).
const linkedHtmlFiles = () => listHtmlFiles(SITE).filter((f) => f !== '404.html');

// A flow node reached by several routes has a page per route (q-x.html, q-x.2.html, …) from one
// template, differing only in the answers given and the back link. Axe checks the first two of
// each; the third and later (228 of 493 pages) are html-validated and link-checked like all.
const LATER_ROUTE_PAGE = /\.(?:[3-9]|[1-9]\d+)\.html$/;

const seconds = (t0) => `${((performance.now() - t0) / 1000).toFixed(1)} s`;

const linkLines = (r) => [
  ...r.brokenLinks.map((b) => `${b.from}: broken link "${b.href}" → ${b.target} (${b.reason})`),
  ...r.missingAnchors.map((m) => `${m.from}: link "${m.href}" → ${m.target} has no id="${m.id}"`),
];
const issueLines = (r, kinds) => r.issues.filter((i) => kinds.includes(i.kind)).map((i) => `${i.page}: ${i.kind}: ${i.detail}`);
const PAGE_ERROR_KINDS = ['console-error', 'page-error', 'request-failed', 'http-error', 'popup', 'dialog'];

describe('(a) site from file://', () => {
  let result;
  const violations = [];
  let skippedAxe = 0;
  let t0;

  before(async () => {
    t0 = performance.now();
    const context = await browser.newContext();
    const pages = await openPages(context, null);
    result = await crawl(pathToFileURL(path.join(SITE, 'index.html')).href, pages, {
      async onPage(page, url, info) {
        const problems = [];
        if (info.lang !== 'nl') problems.push(`<html lang="${info.lang ?? ''}">, expected lang="nl"`);
        if (!LATER_ROUTE_PAGE.test(url)) for (const v of await runAxe(page)) violations.push({ page: relPath(url, siteRoot()), ...v });
        else skippedAxe++;
        return problems;
      },
    });
    await context.close();
  });

  const siteRoot = () => pathToFileURL(SITE + path.sep).href;

  test('crawl reaches every HTML file (no orphans)', (t) => {
    const files = linkedHtmlFiles();
    const reached = new Set(result.visited.map((u) => relPath(u, result.rootUrl)));
    const orphans = files.filter((f) => !reached.has(f));
    t.diagnostic(`file://: ${result.visited.length} pages visited of ${files.length} HTML files in ${seconds(t0)} (with axe), ${orphans.length} orphans`);
    assert.equal(orphans.length, 0, formatProblems('HTML files not reachable by links from index.html', orphans));
  });

  test('no broken links or missing anchors', (t) => {
    const lines = linkLines(result);
    t.diagnostic(`file://: ${result.brokenLinks.length} broken links, ${result.missingAnchors.length} missing anchors, ${result.externalLinks.size} external links (not followed)`);
    assert.equal(lines.length, 0, formatProblems('Broken links and anchors (file://)', lines));
  });

  test('no console errors, page errors or failed requests', (t) => {
    const lines = issueLines(result, PAGE_ERROR_KINDS);
    t.diagnostic(`file://: ${lines.length} console/page errors and failed requests`);
    assert.equal(lines.length, 0, formatProblems('Errors while loading pages (file://)', lines));
  });

  test('no requests to other hosts', (t) => {
    const lines = issueLines(result, ['external-request']);
    t.diagnostic(`file://: ${lines.length} requests to other hosts`);
    assert.equal(lines.length, 0, formatProblems('Requests to other hosts (blocked; file://)', lines));
  });

  test('axe: zero WCAG 2.1 A/AA violations on every page', (t) => {
    const nodes = violations.reduce((n, v) => n + v.targets.length, 0);
    const pagesWith = new Set(violations.map((v) => v.page)).size;
    assert.ok(skippedAxe < result.visited.length / 2, `axe skipped ${skippedAxe} later route pages of ${result.visited.length}`);
    t.diagnostic(`axe: ${result.visited.length - skippedAxe} pages checked (${skippedAxe} later route pages not), ${violations.length} violations (${nodes} elements) on ${pagesWith} pages`);
    assert.equal(violations.length, 0, formatProblems('axe violations', violations.map((v) => `${v.page}: ${v.summary}`)));
  });

  test('every page has <html lang="nl">', (t) => {
    const lines = result.pageProblems.map((p) => `${p.page}: ${p.problem}`);
    t.diagnostic(`lang: ${result.visited.length - new Set(result.pageProblems.map((p) => p.page)).size} of ${result.visited.length} pages have lang="nl"`);
    assert.equal(lines.length, 0, formatProblems('Pages without lang="nl"', lines));
  });
});

describe('(b) site from a static server in a sub-folder', () => {
  let result;
  let server;
  let t0;

  before(async () => {
    t0 = performance.now();
    server = await startStaticServer(SITE, { prefix: '/sub/portal/' });
    const context = await browser.newContext();
    const pages = await openPages(context, server.origin);
    result = await crawl(server.baseUrl + 'index.html', pages);
    await context.close();
  });

  after(async () => {
    await server?.close();
  });

  test('no broken links or missing anchors', (t) => {
    const lines = linkLines(result);
    t.diagnostic(`http ${server.baseUrl}: ${result.visited.length} pages visited in ${seconds(t0)}, ${lines.length} broken links/anchors`);
    assert.equal(lines.length, 0, formatProblems(`Broken links and anchors (${server.baseUrl})`, lines));
  });

  test('no 404s, failed requests or page errors', (t) => {
    const lines = [
      ...issueLines(result, PAGE_ERROR_KINDS),
      ...server.errors.map((e) => `server: HTTP ${e.status} for ${e.path} (${e.reason})${e.referer ? ` from ${relPath(e.referer, server.baseUrl)}` : ''}`),
    ];
    t.diagnostic(`http: ${server.requests.length} requests served, ${server.errors.length} 4xx answers, ${lines.length} problems`);
    assert.equal(lines.length, 0, formatProblems(`404s and errors (${server.baseUrl})`, lines));
  });

  test('no requests to other hosts', (t) => {
    const lines = issueLines(result, ['external-request']);
    t.diagnostic(`http: ${lines.length} requests to other hosts`);
    assert.equal(lines.length, 0, formatProblems('Requests to other hosts (blocked; http)', lines));
  });
});

describe('(c) html-validate', () => {
  test('zero errors in every .html file', async (t) => {
    const t0 = performance.now();
    const files = listHtmlFiles(SITE);
    const lines = [];
    let bad = 0;
    for (const f of files) {
      const { errors } = await validateHtml(path.join(SITE, f));
      if (errors.length) bad++;
      for (const e of errors) lines.push(`${f}:${e.line}:${e.column} ${e.ruleId}: ${e.message}`);
    }
    t.diagnostic(`html-validate: ${files.length} files in ${seconds(t0)}, ${lines.length} errors in ${bad} files`);
    assert.equal(lines.length, 0, formatProblems('html-validate errors', lines));
  });
});

describe('(d) JavaScript disabled', () => {
  let result;
  let t0;

  before(async () => {
    t0 = performance.now();
    const context = await browser.newContext({ javaScriptEnabled: false });
    const pages = await openPages(context, null);
    result = await crawl(pathToFileURL(path.join(SITE, 'index.html')).href, pages, {
      onPage: (page, url, info) => (info.h1Count === 0 ? ['no <h1>'] : []),
    });
    await context.close();
  });

  test('crawl works: every HTML file reached, no broken links or anchors', (t) => {
    const files = linkedHtmlFiles();
    const reached = new Set(result.visited.map((u) => relPath(u, result.rootUrl)));
    const lines = [...files.filter((f) => !reached.has(f)).map((f) => `${f}: not reached without JavaScript`), ...linkLines(result)];
    t.diagnostic(`no-JS: ${result.visited.length} pages visited in ${seconds(t0)}, ${lines.length} problems`);
    assert.equal(lines.length, 0, formatProblems('Crawl without JavaScript', lines));
  });

  test('every page has an <h1>', (t) => {
    const lines = result.pageProblems.map((p) => `${p.page}: ${p.problem}`);
    t.diagnostic(`no-JS: ${result.visited.length - lines.length} of ${result.visited.length} pages have an <h1>`);
    assert.equal(lines.length, 0, formatProblems('Pages without <h1> (JavaScript off)', lines));
  });
});
