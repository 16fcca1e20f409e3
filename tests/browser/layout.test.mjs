// Browser tests of the layout component (templates/layout/, site-assets/layout/) and the glossary
// term links it styles: the section navigation (data from the compiler, markup from
// templates/layout/section-nav.mustache) shows the open branch down to the page, the main menu
// and the breadcrumbs agree with it, the skip link reaches the content, and a glossary term's
// definition shows on focus and hides with Escape. Site-wide checks (crawl, axe, html-validate,
// JavaScript off) are in site.test.mjs.
//
//   WIJZER_SITE=build/portal-site node --test tests/browser/layout.test.mjs

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { assertSiteExists, launchBrowser, newCheckedPage, pathToFileURL, siteDir, takeIssues } from './lib.mjs';

const SITE = siteDir();
const DEEP = 'duurzame-plaatsing/casussen/casus-01.html'; // section › sub-section › page

let browser;
before(async () => {
  assertSiteExists(SITE);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

const fileUrl = (rel) => pathToFileURL(path.join(SITE, rel)).href;

async function open(context, rel) {
  const page = await newCheckedPage(context, null);
  await page.goto(fileUrl(rel), { waitUntil: 'load' });
  return page;
}

describe('layout from file://', () => {
  let context;
  let page;
  before(async () => {
    assert.ok(fs.existsSync(path.join(SITE, DEEP)), `${DEEP} is in the site`);
    context = await browser.newContext();
    page = await open(context, DEEP);
  });
  after(async () => {
    await context?.close();
  });

  test('the section navigation opens the branch down to this page, and marks it', async () => {
    const nav = page.locator('nav.sectienav');
    assert.equal(await nav.count(), 1);
    assert.ok(await nav.isVisible());
    const current = nav.locator('[aria-current="page"]');
    assert.equal(await current.count(), 1);
    assert.equal(await current.evaluate((a) => a.href), page.url());
    // every list on the way to the current page is nested in the item of its section
    const chain = await current.evaluate((a) => {
      const out = [];
      for (let li = a.closest('li'); li; li = li.parentElement.closest('li')) out.push(li.querySelector(':scope > a').href);
      return out;
    });
    assert.equal(chain.length, 2, chain.join('\n'));
    assert.ok(chain[1].endsWith('/casussen/index.html'), chain.join('\n'));
    // closed branches show no pages: only the open section's list is nested
    assert.equal(await nav.locator('ul ul').count(), 1);
    // the section's own page heads the navigation
    assert.ok((await nav.locator('a.sectienav__kop').getAttribute('href')).endsWith('../index.html'));
    assert.deepEqual(takeIssues(page), []);
  });

  test('the main menu marks the section, the breadcrumbs end at this page', async () => {
    const active = page.locator('.hoofdnav a.is-actief');
    assert.equal(await active.count(), 1);
    assert.equal(await active.getAttribute('href'), await page.locator('a.sectienav__kop').getAttribute('href'));
    const crumbs = await page.locator('.kruimelpad li').allTextContents();
    assert.ok(crumbs.length >= 3, crumbs.join(' › '));
    assert.equal(crumbs.at(-1).trim(), (await page.locator('h1').textContent()).trim());
  });

  test('the skip link moves to the content', async () => {
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.className), 'skiplink');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'inhoud');
  });

  test('the home page has no section navigation', async () => {
    const home = await open(context, 'index.html');
    assert.equal(await home.locator('nav.sectienav').count(), 0);
    await home.close();
  });
});

describe('glossary terms', () => {
  test('a term shows its definition on focus; Escape hides it', async () => {
    const context = await browser.newContext();
    const page = await open(context, 'rollen/jobcoach.html');
    const term = page.locator('.begrip__term').first();
    assert.equal(await term.count(), 1, 'the page links a glossary term');
    const id = await term.getAttribute('aria-describedby');
    const tip = page.locator(`[id="${id}"]`);
    assert.equal(await tip.getAttribute('role'), 'tooltip');
    assert.equal(await tip.isVisible(), false);
    await term.focus();
    assert.ok(await tip.isVisible());
    await page.keyboard.press('Escape');
    assert.equal(await tip.isVisible(), false);
    assert.ok((await term.getAttribute('href')).includes('begrippen/index.html#begrip-'));
    assert.deepEqual(takeIssues(page), []);
    await context.close();
  });
});
