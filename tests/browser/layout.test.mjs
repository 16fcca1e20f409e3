// Browser tests of the layout component (templates/layout/, site-assets/layout/) and the glossary
// term links it styles: the section navigation (data from the compiler, markup from
// templates/layout/section-nav.mustache) shows the open branch down to the page, the main menu
// and the breadcrumbs agree with it, the skip link reaches the content, and a glossary term's
// definition shows on focus and hides with Escape. Phone-first (issue 15): over every page at 360,
// 320 and 1280 px the h1 is on the first phone screen, nothing scrolls the page sideways and every
// table cell can be reached; the "Menu" button works with and without JavaScript; the 404 page,
// the footer, the favicon and previous/next within a section. Site-wide checks (crawl, axe,
// html-validate, JavaScript off) are in site.test.mjs.
//
//   WIJZER_SITE=build/portal-site node --test tests/browser/layout.test.mjs

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  assertSiteExists, formatProblems, launchBrowser, listHtmlFiles, newCheckedPage, pathToFileURL, runAxe, siteDir, takeIssues,
  validateHtml,
} from './lib.mjs';

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

// ---------------------------------------------------------------------------
// Phone-first, over every page: one load per page, measured at three widths by resizing.

const PHONE = { width: 360, height: 740 };
const H1_MAX_TOP = 300;
const WIDTHS = [360, 320, 1280];

/** In the page: the problems of its layout at the current width (none: []). */
function layoutProblems({ phone, h1Max }) {
  const out = [];
  const de = document.documentElement;
  if (de.scrollWidth > innerWidth) {
    const wide = [...document.querySelectorAll('body *')].find((e) => e.getBoundingClientRect().right > innerWidth + 1);
    out.push(`page scrolls sideways: ${de.scrollWidth} > ${innerWidth} px${wide ? ` (${wide.tagName.toLowerCase()}.${wide.className})` : ''}`);
  }
  if (phone) {
    const h1 = document.querySelector('h1');
    const top = h1 ? h1.getBoundingClientRect().top + scrollY : Infinity;
    if (top > h1Max) out.push(`h1 starts at ${Math.round(top)} px, below ${h1Max}`);
  }
  document.querySelectorAll('table').forEach((table, n) => {
    const name = `table ${n + 1}`;
    let box = table.parentElement;
    for (; box && box !== document.body; box = box.parentElement) {
      const ox = getComputedStyle(box).overflowX;
      if (ox === 'hidden' || ox === 'clip') return out.push(`${name}: cut off by ${box.tagName.toLowerCase()}.${box.className} (overflow ${ox})`);
      if (ox === 'auto' || ox === 'scroll') break;
    }
    const width = table.getBoundingClientRect().width;
    if (box === document.body || !box) {
      if (table.getBoundingClientRect().right > innerWidth + 1) out.push(`${name}: wider than the screen and in no scroll box`);
    } else if (box.scrollWidth + 1 < width) {
      out.push(`${name}: its scroll box reaches ${box.scrollWidth} of ${Math.round(width)} px`);
    }
    for (const cell of table.querySelectorAll('th, td')) {
      const ox = getComputedStyle(cell).overflowX;
      if (cell.scrollWidth > cell.clientWidth + 1 || ox === 'hidden' || ox === 'clip') {
        out.push(`${name}: cell "${cell.textContent.trim().slice(0, 30)}" cut off`);
        break;
      }
    }
  });
  return out;
}

describe('phone-first layout on every page', () => {
  const problems = [];
  let count = 0;
  before(async () => {
    const files = listHtmlFiles(SITE);
    const context = await browser.newContext({ viewport: PHONE });
    const pages = [await context.newPage(), await context.newPage()];
    let next = 0;
    await Promise.all(pages.map(async (page) => {
      while (next < files.length) {
        const rel = files[next++];
        await page.setViewportSize(PHONE);
        await page.goto(fileUrl(rel), { waitUntil: 'load' });
        for (const width of WIDTHS) {
          if (width !== page.viewportSize().width) await page.setViewportSize({ width, height: 800 });
          const found = await page.evaluate(layoutProblems, { phone: width === PHONE.width, h1Max: H1_MAX_TOP });
          for (const p of found) problems.push(`${rel} @${width}: ${p}`);
        }
        count++;
      }
    }));
    await context.close();
  });

  test('h1 on the first phone screen, no sideways scroll at 320, 360 and 1280 px, every table cell reachable', (t) => {
    t.diagnostic(`${count} pages at ${WIDTHS.join(', ')} px`);
    assert.ok(count > 100, `only ${count} pages`);
    assert.deepEqual(problems, [], formatProblems('layout problems', problems));
  });
});

describe('wide tables', () => {
  test('scroll in their own focusable box, with a cue, and keep the first column in view', async () => {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await open(context, 'regels/documentatie.html');
    const box = page.locator('.tabel').first();
    const facts = await box.evaluate((b) => ({
      scrolls: b.scrollWidth > b.clientWidth,
      tabindex: b.getAttribute('tabindex'),
      cue: getComputedStyle(b).backgroundAttachment,
      sticky: getComputedStyle(b.querySelector('td')).position,
    }));
    assert.ok(facts.scrolls, 'the table is wider than a phone');
    assert.equal(facts.tabindex, '0');
    assert.match(facts.cue, /local/);
    assert.equal(facts.sticky, 'sticky');
    // scrolled to the end, the first column is still at the left edge of the box
    const cell = page.locator('.tabel td').first();
    const before = (await cell.boundingBox()).x;
    await box.evaluate((b) => { b.scrollLeft = b.scrollWidth; });
    assert.ok(Math.abs((await cell.boundingBox()).x - before) < 1);
    await context.close();
  });
});

// ---------------------------------------------------------------------------
// The main menu: a <details> "Menu" button on a phone; always open on a wide screen.

const firstMenuLink = (page) => page.locator('.hoofdnav a').first();

describe('main menu', () => {
  test('without JavaScript: "Menu" opens and closes the menu on a phone; a wide screen shows it', async () => {
    const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
    const page = await open(context, 'rollen/jobcoach.html');
    const button = page.locator('summary.menu__knop');
    assert.equal((await button.textContent()).trim(), 'Menu');
    assert.equal(await firstMenuLink(page).isVisible(), false, 'closed at first');
    await button.click();
    assert.ok(await firstMenuLink(page).isVisible(), 'open after a click');
    // the open menu lies over the page, below the header, and stays on the screen
    const nav = await page.locator('.hoofdnav').boundingBox();
    assert.ok(nav.x >= 0 && nav.x + nav.width <= PHONE.width + 1, JSON.stringify(nav));
    assert.deepEqual(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), true);
    await button.click();
    assert.equal(await firstMenuLink(page).isVisible(), false, 'closed after a second click');
    await page.setViewportSize({ width: 1280, height: 800 });
    assert.equal(await button.isVisible(), false);
    assert.ok(await firstMenuLink(page).isVisible(), 'a wide screen shows the menu');
    assert.deepEqual(takeIssues(page), []);
    await context.close();
  });

  test('with JavaScript, by keyboard: Tab reaches "Menu", Enter opens, the links follow, Space closes', async () => {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await open(context, 'index.html');
    let onButton = false;
    for (let i = 0; i < 8 && !onButton; i++) {
      await page.keyboard.press('Tab');
      onButton = await page.evaluate(() => document.activeElement?.matches('summary.menu__knop'));
    }
    assert.ok(onButton, 'Tab reaches the Menu button');
    await page.keyboard.press('Enter');
    assert.ok(await page.evaluate(() => document.querySelector('details.menu').open));
    assert.ok(await firstMenuLink(page).isVisible());
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.closest('.hoofdnav') !== null), true, 'Tab goes into the menu');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press(' ');
    assert.equal(await page.evaluate(() => document.querySelector('details.menu').open), false);
    assert.equal(await firstMenuLink(page).isVisible(), false);
    // open, the page still passes axe
    await page.keyboard.press('Enter');
    assert.deepEqual(await runAxe(page), []);
    assert.deepEqual(takeIssues(page), []);
    await context.close();
  });
});

// ---------------------------------------------------------------------------
// Site basics: 404 page, footer, favicon, previous/next within a section.

describe('site basics', () => {
  test('404.html at the root: links that work there, no menu or search, valid, axe clean', async () => {
    assert.ok(fs.existsSync(path.join(SITE, '404.html')));
    const context = await browser.newContext({ viewport: PHONE });
    const page = await open(context, '404.html');
    assert.equal(await page.locator('.hoofdnav, .zoekvak').count(), 0);
    const hrefs = await page.locator('main a').evaluateAll((as) => as.map((a) => a.href));
    assert.ok(hrefs.some((h) => h.endsWith('/index.html')), hrefs.join('\n'));
    for (const href of hrefs) assert.ok(fs.existsSync(new URL(href).pathname), href);
    assert.deepEqual(await runAxe(page), []);
    assert.deepEqual((await validateHtml(path.join(SITE, '404.html'))).errors, []);
    assert.deepEqual(takeIssues(page), []);
    await context.close();
  });

  test('every page: footer links to the privacy and accessibility statements, favicon in head', () => {
    const lines = [];
    for (const rel of listHtmlFiles(SITE)) {
      const html = fs.readFileSync(path.join(SITE, rel), 'utf8');
      const dir = path.dirname(path.join(SITE, rel));
      const icon = html.match(/<link rel="icon" href="([^"]+)"/);
      if (!icon || !fs.existsSync(path.join(dir, icon[1]))) lines.push(`${rel}: no favicon file`);
      const footer = html.slice(html.lastIndexOf('<footer'));
      for (const name of ['privacy.html', 'toegankelijkheid.html']) {
        const link = [...footer.matchAll(/href="([^"]+)"/g)].map((m) => path.join(dir, m[1])).find((f) => f === path.join(SITE, name));
        if (!link && rel !== '404.html') lines.push(`${rel}: footer has no link to ${name}`);
      }
    }
    assert.deepEqual(lines, [], formatProblems('footer and favicon', lines));
    for (const name of ['privacy.html', 'toegankelijkheid.html']) {
      const html = fs.readFileSync(path.join(SITE, name), 'utf8');
      assert.equal((html.match(/<nav class="hoofdnav"[\s\S]*?<\/nav>/)[0].match(new RegExp(name)) || []).length, 0, `${name} is not in the main menu`);
    }
    assert.match(fs.readFileSync(path.join(SITE, 'privacy.html'), 'utf8'), /localStorage[\s\S]*sessionStorage/);
  });

  test('previous and next stay within a top-level section', () => {
    const lines = [];
    let links = 0;
    for (const rel of listHtmlFiles(SITE)) {
      const html = fs.readFileSync(path.join(SITE, rel), 'utf8');
      for (const m of html.matchAll(/<a class="vorige-volgende__\w+" href="([^"]+)" rel="(prev|next)"/g)) {
        links++;
        const target = path.relative(SITE, path.join(path.dirname(path.join(SITE, rel)), m[1])).split(path.sep);
        if (target[0] !== rel.split('/')[0] || target.length < 2) lines.push(`${rel}: ${m[2]} leads to ${target.join('/')}`);
      }
    }
    assert.ok(links > 50, `${links} previous/next links`);
    assert.deepEqual(lines, [], formatProblems('previous/next across sections', lines));
  });
});
