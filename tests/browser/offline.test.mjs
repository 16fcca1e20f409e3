// The portal offline (issue 19, items 4–6): the site's zip, unpacked into a fresh folder, opens from
// file:// with search and a tool that saves a dossier; "De hele leidraad" prints as an A4 PDF with
// its table of contents and no raw link targets; nieuw.xml is Atom that lists what nieuw.html lists.
// Needs `unzip` and poppler-utils (`pdfinfo`, `pdftotext`).
//
//   WIJZER_SITE=build/portal-site node --test tests/browser/offline.test.mjs

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { assertSiteExists, launchBrowser, newCheckedPage, pathToFileURL, runAxe, siteDir, takeIssues, validateHtml } from './lib.mjs';

const SITE = siteDir();
const ZIP = path.join(SITE, 'begeleidingswijzer.zip');
let browser;
let tmp;
before(async () => {
  assertSiteExists(SITE);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wijzer-offline-'));
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('the zip of the site', () => {
  test('unpacked, it opens from file://: search finds a page, a tool keeps a dossier across a reload', async () => {
    const names = execFileSync('unzip', ['-Z1', ZIP], { encoding: 'utf8' }).trim().split('\n');
    assert.ok(names.every((n) => n.startsWith('begeleidingswijzer/')), 'one top folder');
    assert.ok(!names.some((n) => n.endsWith('.zip')), 'the zip does not hold itself');
    assert.ok(!names.includes('begeleidingswijzer/.wijzer-site'), 'no build marker');
    const sorted = [...names].sort((a, b) => (Buffer.from(a) < Buffer.from(b) ? -1 : 1));
    assert.deepEqual(names, sorted, 'entries in path order');
    execFileSync('unzip', ['-q', ZIP, '-d', tmp]);
    const root = path.join(tmp, 'begeleidingswijzer');

    const context = await browser.newContext();
    const page = await newCheckedPage(context, null);
    await page.goto(pathToFileURL(path.join(root, 'index.html')).href);
    await page.waitForSelector('.zoekvak__form:not([hidden])');
    await page.fill('#zoekvak-invoer', 'jobcoach');
    // the suggestions and their excerpts come from the index shards, loaded from the copy
    await page.waitForFunction(() => {
      const list = document.querySelector('#zoekvak-lijst');
      return list?.children.length > 0 && !list.hasAttribute('aria-busy') && /\S/.test(list.querySelector('.zoek-optie__tekst')?.textContent || '');
    });
    await Promise.all([page.waitForURL(/zoeken\/index\.html\?q=/), page.locator('#zoekvak-invoer').press('Enter')]);
    await page.waitForSelector('#zoekresultaten-lijst li');
    const first = await page.getAttribute('#zoekresultaten-lijst li a', 'href');
    assert.ok(first && !first.startsWith('http'), `a result inside the copy: ${first}`);

    const tool = pathToFileURL(path.join(root, 'hulpmiddelen/urencalculator.html')).href;
    await page.goto(tool);
    await page.waitForFunction(() => document.querySelector('.hulpmiddel.js'));
    await page.fill('#fv-urencalculator-contracturen', '24');
    await page.waitForFunction(() => (localStorage.getItem('begeleidingswijzer.dossiers') || '').includes('24'));
    await page.waitForSelector('.rapport-plek .rapport', { state: 'attached' }); // its files loaded: leaving aborts them
    await page.waitForLoadState('networkidle');
    await page.reload();
    await page.waitForFunction(() => document.querySelector('.hulpmiddel.js'));
    assert.equal(await page.inputValue('#fv-urencalculator-contracturen'), '24', 'the answer is back after a reload');

    // inside the copy the download page explains, without a link to a zip it does not have
    await page.goto(pathToFileURL(path.join(root, 'offline.html')).href);
    assert.equal(await page.locator('a[href$=".zip"]').count(), 0);
    assert.deepEqual(takeIssues(page), []);
    await context.close();
  });

  test('the site links it from every page\'s footer; the download page names its size', async () => {
    const context = await browser.newContext();
    const page = await newCheckedPage(context, null);
    await page.goto(pathToFileURL(path.join(SITE, 'rollen/jobcoach.html')).href);
    await page.click('.voet >> text=Download voor offline gebruik');
    const link = page.locator('a[href$="begeleidingswijzer.zip"]');
    const mb = (fs.statSync(ZIP).size / 1e6).toFixed(1).replace('.', ',');
    assert.match(await link.textContent(), new RegExp(`zip-bestand, ${mb} MB`));
    assert.deepEqual(await runAxe(page), []);
    assert.deepEqual((await validateHtml(path.join(SITE, 'offline.html'))).errors, []);
    assert.deepEqual(takeIssues(page), []);
    await context.close();
  });
});

describe('De hele leidraad', () => {
  test('prints as A4 with its table of contents, page numbers and § references', async () => {
    const file = path.join(SITE, 'leidraad.html');
    assert.deepEqual((await validateHtml(file)).errors, []);
    const context = await browser.newContext();
    const page = await newCheckedPage(context, null);
    await page.goto(pathToFileURL(file).href);
    assert.deepEqual(await runAxe(page), []);
    const pdf = path.join(tmp, 'leidraad.pdf');
    await page.pdf({ path: pdf, preferCSSPageSize: true });
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)[1]);
    assert.match(info, /Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    console.log(`# leidraad.pdf: ${pages} A4 pages, ${fs.statSync(pdf).size} bytes`);
    assert.ok(pages > 20, `${pages} pages`);
    assert.match(text, /Inhoud[\s\S]*1 +Rollen/, 'the table of contents');
    assert.match(text, new RegExp(`pagina 1 van ${pages}`), 'page numbers in the margin');
    assert.match(text, /\(§ \d+(\.\d+)*\)/, 'references to other parts');
    assert.doesNotMatch(text, /\(\.\.\//, 'no relative link targets printed');
    assert.doesNotMatch(text, /Zoeken \(A–Z\)|Menu\b/, 'no header controls on paper');
    assert.deepEqual(takeIssues(page), []);
    await context.close();
  });
});

describe('Wat is er nieuw', () => {
  test('nieuw.xml is Atom 1.0 with the entries nieuw.html lists, newest first', async () => {
    const context = await browser.newContext();
    const page = await newCheckedPage(context, null);
    await page.goto(pathToFileURL(path.join(SITE, 'nieuw.html')).href);
    assert.deepEqual(await runAxe(page), []);
    assert.deepEqual((await validateHtml(path.join(SITE, 'nieuw.html'))).errors, []);
    const listed = await page.$$eval('.nieuw__lijst li', (items) =>
      items.map((li) => ({ href: li.querySelector('a').getAttribute('href'), date: li.querySelector('time').getAttribute('datetime') })));
    assert.ok(listed.length > 50);
    assert.deepEqual(listed.map((e) => e.date), listed.map((e) => e.date).sort().reverse(), 'newest first');
    const feedHref = await page.getAttribute('link[rel="alternate"][type="application/atom+xml"]', 'href');
    const xml = fs.readFileSync(path.join(SITE, feedHref), 'utf8');
    const feed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      const ns = 'http://www.w3.org/2005/Atom';
      const one = (el, name) => el.getElementsByTagNameNS(ns, name)[0]?.textContent;
      return {
        error: doc.getElementsByTagName('parsererror').length,
        root: doc.documentElement.namespaceURI + ' ' + doc.documentElement.localName,
        id: one(doc.documentElement, 'id'),
        updated: one(doc.documentElement, 'updated'),
        entries: [...doc.getElementsByTagNameNS(ns, 'entry')].map((e) => ({
          id: one(e, 'id'), title: one(e, 'title'), updated: one(e, 'updated'),
          href: e.getElementsByTagNameNS(ns, 'link')[0]?.getAttribute('href'),
        })),
      };
    }, xml);
    assert.equal(feed.error, 0);
    assert.equal(feed.root, 'http://www.w3.org/2005/Atom feed');
    assert.match(feed.id, /^urn:uuid:/);
    assert.equal(feed.updated, `${listed[0].date}T00:00:00Z`);
    assert.deepEqual(feed.entries.map((e) => ({ href: e.href, date: e.updated.slice(0, 10) })), listed);
    assert.equal(new Set(feed.entries.map((e) => e.id)).size, feed.entries.length, 'unique ids');
    assert.deepEqual(takeIssues(page), []);
    await context.close();
  });
});
