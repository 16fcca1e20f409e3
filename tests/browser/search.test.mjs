// Browser tests of the offline search (issue 7), from file:// and from a server sub-folder:
// representative queries find the right pages, keyboard use of the combobox, the results page,
// "geen resultaten" with suggestions, axe with results shown, no request to another host, and
// without JavaScript a link to the A–Z index.
//
//   WIJZER_SITE=build/portal-site node --test tests/browser/search.test.mjs

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  assertSiteExists,
  launchBrowser,
  newCheckedPage,
  pathToFileURL,
  runAxe,
  siteDir,
  startStaticServer,
  takeIssues,
} from './lib.mjs';

const SITE = siteDir();
const START = 'rollen/jobcoach.html';

let browser;
before(async () => {
  assertSiteExists(SITE);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

const fileUrl = (rel) => pathToFileURL(path.join(SITE, rel)).href;

/** A checked page that records every request it makes. */
async function open(context, url, origin = null) {
  const page = await newCheckedPage(context, origin);
  page.__requests = [];
  page.on('request', (req) => page.__requests.push(req.url()));
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForSelector('.zoekvak__form:not([hidden])');
  return page;
}

/** Types a query; returns the options shown ({href, text, marks}) or [] with the status text. */
async function query(page, text) {
  const input = page.locator('#zoekvak-invoer');
  await input.fill('');
  await input.fill(text);
  await page.waitForFunction(
    () => {
      const list = document.querySelector('#zoekvak-lijst');
      const status = document.querySelector('.zoekvak__melding');
      // the list shows first; its excerpts follow (aria-busy until then)
      return (list && !list.hidden && list.children.length && !list.hasAttribute('aria-busy')) || /Geen resultaten/.test(status.textContent);
    },
    null,
    { timeout: 10000 },
  );
  return page.$$eval('#zoekvak-lijst [role="option"]', (options) =>
    options.map((o) => ({
      href: o.getAttribute('data-href'),
      text: o.textContent,
      marks: [...o.querySelectorAll('mark')].map((m) => m.textContent),
    })),
  );
}

const hrefs = (options) => options.map((o) => o.href);

describe('search from file://', () => {
  let context;
  let page;
  before(async () => {
    context = await browser.newContext();
    page = await open(context, fileUrl(START));
  });
  after(async () => {
    await context?.close();
  });

  test('nothing of the index loads before the search box is used', async () => {
    // the index is search/*.js at the site root; the box's own styles (assets/search/) load with the page
    assert.equal(page.__requests.filter((u) => /(?<!assets)\/search\//.test(u)).length, 0);
  });

  test('proefplaats finds the proefplaatsing (prefix and glossary term)', async () => {
    const options = await query(page, 'proefplaats');
    assert.ok(options.length > 0);
    assert.ok(hrefs(options).includes('begrippen/index.html#begrip-proefplaatsing'), hrefs(options).join('\n'));
    const marked = options.filter((o) => o.marks.some((m) => /^proefplaats/i.test(m)));
    assert.ok(marked.length >= options.length / 2, 'the options highlight the match');
  });

  test('"jobcoach uren" finds the rules on hours of job coaching', async () => {
    const options = await query(page, 'jobcoach uren');
    const top = hrefs(options).slice(0, 5);
    assert.ok(top.some((h) => /reintegratiebesluit-art-18|urencalculator/.test(h)), top.join('\n'));
  });

  test('client finds cliënt (diacritics folded)', async () => {
    const options = await query(page, 'client');
    assert.ok(options.length >= 3);
    assert.ok(options.some((o) => o.marks.some((m) => /^cliënt/i.test(m))), JSON.stringify(options.slice(0, 3)));
  });

  test('begeleider finds begeleiding (stemming)', async () => {
    const options = await query(page, 'begeleider');
    assert.ok(options.some((o) => o.marks.some((m) => /^begeleiding/i.test(m))), JSON.stringify(options.map((o) => o.marks)));
  });

  test('a traject by its name', async () => {
    const options = await query(page, 'Clubhuis de Waterheuvel');
    assert.equal(options[0]?.href, 'trajecten/clubhuis-de-waterheuvel.html');
  });

  test('a glossary term deep-links to its entry', async () => {
    const options = await query(page, 'loonwaarde');
    assert.ok(hrefs(options).includes('begrippen/index.html#begrip-loonwaarde'), hrefs(options).join('\n'));
  });

  test('jobcoach finds jobcoachorganisatie (compound prefix), organisatie too (compound part)', async () => {
    assert.ok(hrefs(await query(page, 'jobcoach')).length > 0);
    const byPart = await query(page, 'organisatie');
    assert.ok(byPart.some((o) => /jobcoachorganisatie/i.test(o.text)), JSON.stringify(byPart.map((o) => o.text.slice(0, 60))));
  });

  test('while typing: a prefix finds whole words', async () => {
    const options = await query(page, 'begeleidi');
    assert.ok(options.some((o) => o.marks.some((m) => /^begeleiding/i.test(m))));
  });

  test('while typing: what the next key needs loads in idle time, before it is typed', async () => {
    const fresh = await open(context, fileUrl(START));
    const input = fresh.locator('#zoekvak-invoer');
    await input.pressSequentially('organisati', { delay: 30 });
    await fresh.waitForFunction(() => document.querySelector('#zoekvak-lijst')?.children.length > 0);
    // the likely next key's search and result metadata load after the results show
    let seen = -1;
    while (seen !== fresh.__requests.length) {
      seen = fresh.__requests.length;
      await fresh.waitForTimeout(400);
    }
    // index scripts added from the next key until its results show
    const loaded = fresh.evaluate(
      () =>
        new Promise((resolve) => {
          const list = document.querySelector('#zoekvak-lijst');
          const old = list.firstElementChild;
          const scripts = [];
          const observer = new MutationObserver((records) => {
            for (const r of records)
              for (const n of r.addedNodes) if (n.tagName === 'SCRIPT' && /(?<!assets)\/search\//.test(n.src)) scripts.push(n.src);
            if (!list.hidden && list.children.length && !list.contains(old)) {
              observer.disconnect();
              resolve({ scripts, options: [...list.children].map((o) => o.textContent) });
            }
          });
          observer.observe(document.head, { childList: true });
          observer.observe(list, { childList: true, attributes: true });
        }),
    );
    await input.press('e');
    const { scripts, options } = await loaded;
    // nothing left to load, not even for the compound (its postings come with the shard of its part)
    assert.deepEqual(scripts, []);
    assert.ok(options.some((t) => /jobcoachorganisatie/i.test(t)), options.join('\n'));
    assert.deepEqual(takeIssues(fresh), []);
    await fresh.close();
  });

  test('axe: zero violations with the results shown', async () => {
    await query(page, 'jobcoach');
    const violations = await runAxe(page);
    assert.deepEqual(violations.map((v) => v.summary), []);
  });

  test('geen resultaten: visible, with suggestions; axe still clean', async () => {
    const options = await query(page, 'begeleidingg xqzwv');
    assert.equal(options.length, 0);
    const status = page.locator('.zoekvak__melding');
    assert.ok(await status.isVisible());
    const text = await status.textContent();
    assert.match(text, /Geen resultaten/);
    assert.match(text, /A tot Z/);
    assert.equal(await page.getAttribute('#zoekvak-invoer', 'aria-expanded'), 'false');
    assert.deepEqual((await runAxe(page)).map((v) => v.summary), []);
    const misspelt = await query(page, 'begelijding');
    assert.equal(misspelt.length, 0);
    assert.match(await status.textContent(), /Bedoelde u begeleiding/);
  });

  test('keyboard: arrows move the active option, Enter opens it, Escape closes', async () => {
    const options = await query(page, 'jobcoach');
    assert.ok(options.length >= 2);
    const input = page.locator('#zoekvak-invoer');
    assert.equal(await input.getAttribute('aria-expanded'), 'true');
    await input.press('ArrowDown');
    await input.press('ArrowDown');
    await input.press('ArrowUp');
    const active = await input.getAttribute('aria-activedescendant');
    assert.equal(active, 'zoekvak-optie-0');
    assert.equal(await page.getAttribute('#zoekvak-optie-0', 'aria-selected'), 'true');
    await input.press('Escape');
    assert.equal(await input.getAttribute('aria-expanded'), 'false');
    assert.equal(await input.getAttribute('aria-activedescendant'), null);
    await query(page, 'jobcoach');
    await input.press('ArrowDown');
    await input.press('ArrowDown');
    const target = await page.getAttribute('#zoekvak-optie-1', 'data-href');
    await Promise.all([page.waitForURL((u) => u.href.endsWith(target)), input.press('Enter')]);
    assert.equal(page.url(), new URL(target, fileUrl('index.html')).href);
    // the anchor exists on the page it points at
    const hash = new URL(page.url()).hash.slice(1);
    if (hash) assert.equal(await page.locator(`[id="${hash}"]`).count(), 1);
    await page.goBack();
    await page.waitForSelector('.zoekvak__form:not([hidden])');
  });

  test('Enter without an active option opens the results page (query string on file://)', async () => {
    await query(page, 'jobcoach uren');
    await Promise.all([page.waitForURL(/zoeken\/index\.html\?q=/), page.locator('#zoekvak-invoer').press('Enter')]);
    await page.waitForSelector('#zoekresultaten-lijst li');
    const n = await page.locator('#zoekresultaten-lijst li').count();
    assert.ok(n >= 5);
    assert.match(await page.textContent('#zoekresultaten-status'), /resulta/);
    assert.equal(await page.inputValue('#zoekvak-invoer'), 'jobcoach uren');
    assert.deepEqual((await runAxe(page)).map((v) => v.summary), []);
    // every result link names a page that exists, with an anchor that exists
    const links = await page.$$eval('#zoekresultaten-lijst a', (as) => as.map((a) => a.href));
    for (const href of links) {
      const u = new URL(href);
      const file = decodeURIComponent(u.pathname);
      assert.ok(fs.existsSync(file), file);
      if (u.hash) assert.match(fs.readFileSync(file, 'utf8'), new RegExp(`id="${u.hash.slice(1)}"`), href);
    }
  });

  test('results page: ten a page, links to the other pages, a filter by section; axe clean', async () => {
    const results = async () => {
      await page.waitForSelector('#zoekresultaten-lijst li');
      return page.$$eval('#zoekresultaten-lijst > li > a', (as) => as.map((a) => a.getAttribute('href')));
    };
    await page.goto(fileUrl('zoeken/index.html') + '?q=werkgever');
    const first = await results();
    assert.equal(first.length, 10);
    assert.match(await page.textContent('#zoekresultaten-status'), /^\d+ resultaten voor “werkgever”, 1–10 op deze pagina\./);
    assert.equal(await page.getAttribute('#zoekresultaten-paginas a[aria-current="page"]', 'aria-label'), 'Pagina 1');
    assert.deepEqual((await runAxe(page)).map((v) => v.summary), []);
    // page 2: the next ten, numbered on
    await Promise.all([page.waitForURL(/[?&]p=2/), page.click('#zoekresultaten-paginas a[aria-label="Pagina 2"]')]);
    const second = await results();
    assert.equal(await page.getAttribute('#zoekresultaten-lijst', 'start'), '11');
    assert.ok(second.every((h) => !first.includes(h)), 'page 2 repeats no result of page 1');
    assert.ok(await page.locator('#zoekresultaten-paginas a', { hasText: 'Vorige' }).isVisible());
    // the filter: only pages of that section, its count in the status
    const label = await page.textContent('#zoekresultaten-filter a[href*="sectie=trajecten"]');
    const count = Number(/\((\d+)\)/.exec(label)[1]);
    await Promise.all([page.waitForURL(/sectie=trajecten/), page.click('#zoekresultaten-filter a[href*="sectie=trajecten"]')]);
    const only = await results();
    assert.ok(only.length > 0 && only.every((h) => /^\.\.\/trajecten\//.test(h)), only.join('\n'));
    assert.match(await page.textContent('#zoekresultaten-status'), new RegExp(`^${count} resultat`));
    assert.equal(await page.getAttribute('#zoekresultaten-filter a[href*="sectie=trajecten"]', 'aria-current'), 'true');
    assert.deepEqual((await runAxe(page)).map((v) => v.summary), []);
    assert.equal(await page.locator('#zoek-zonder-js').isVisible(), false);
  });

  test('a word that finds nothing is named, the others still find pages', async () => {
    await page.goto(fileUrl('zoeken/index.html') + '?q=' + encodeURIComponent('jobcoach urenxqzw'));
    await page.waitForSelector('#zoekresultaten-lijst li');
    assert.equal(await page.textContent('#zoekresultaten-melding'), 'Geen resultaten met ‘urenxqzw’; resultaten voor ‘jobcoach’.');
    const box = await open(context, fileUrl(START));
    await query(box, 'jobcoach urenxqzw');
    assert.match(await box.textContent('.zoekvak__melding'), /^Geen resultaten met ‘urenxqzw’; resultaten voor ‘jobcoach’\./);
    await box.close();
  });

  test('no request to another host; only local files', async () => {
    assert.deepEqual(takeIssues(page), []);
    assert.ok(page.__requests.every((u) => u.startsWith('file:')), page.__requests.filter((u) => !u.startsWith('file:')).join('\n'));
    assert.ok(page.__requests.some((u) => /\/search\/index\.js$/.test(u)));
  });
});

describe('search from a server sub-folder', () => {
  let server;
  let context;
  before(async () => {
    server = await startStaticServer(SITE);
    context = await browser.newContext();
  });
  after(async () => {
    await context?.close();
    await server?.close();
  });

  test('queries work and load the index relative to the page', async () => {
    const page = await open(context, server.baseUrl + 'trajecten/ips.html', server.origin);
    const options = await query(page, 'cliënt');
    assert.ok(options.length > 0);
    await page.locator('#zoekvak-invoer').press('ArrowDown');
    const target = await page.getAttribute('#zoekvak-optie-0', 'data-href');
    await Promise.all([page.waitForURL((u) => u.href === server.baseUrl + target), page.locator('#zoekvak-invoer').press('Enter')]);
    assert.deepEqual(server.errors, []);
    assert.deepEqual(takeIssues(page), []);
  });
});

describe('without JavaScript', () => {
  test('the search box is a link to the A–Z index, which lists every page', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await newCheckedPage(context, null);
    await page.goto(fileUrl(START));
    assert.equal(await page.locator('.zoekvak__form').isVisible(), false);
    const link = page.locator('.zoekvak__link');
    assert.ok(await link.isVisible());
    await Promise.all([page.waitForURL(/zoeken\/index\.html$/), link.click()]);
    const listed = await page.$$eval('.az__lijst a', (as) => as.map((a) => a.href));
    const pages = fs
      .readdirSync(SITE, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.html') && f !== path.join('zoeken', 'index.html'));
    assert.equal(listed.length, pages.length);
    // a results page URL without JavaScript: a note on what works without it
    await page.goto(fileUrl('zoeken/index.html') + '?q=jobcoach');
    assert.match(await page.textContent('#zoek-zonder-js'), /JavaScript/);
    assert.ok(await page.locator('#zoek-zonder-js').isVisible());
    assert.deepEqual(takeIssues(page), []);
    await context.close();
  });
});
