// The starter portal of `wijzer new`, built by the INSTALLED wijzer with the installed theme
// (tests/package/install_test.sh writes it to $WIJZER_SITE): its pages open from file://, show
// their heading, pass axe (WCAG 2.1 AA) and html-validate, ask nothing of another host, and the
// flow and the form work.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';

import {
  assertSiteExists,
  launchBrowser,
  listHtmlFiles,
  newCheckedPage,
  pathToFileURL,
  runAxe,
  siteDir,
  takeIssues,
  validateHtml,
} from './lib.mjs';

const SITE = siteDir();
const url = (rel) => pathToFileURL(path.join(SITE, rel)).href;

let browser;
before(async () => {
  assertSiteExists(SITE);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

describe('starter portal (wijzer new, installed theme)', () => {
  test('its main pages show their h1, pass axe and html-validate, and load only their own files', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await newCheckedPage(context);
    const problems = [];
    for (const rel of ['index.html', 'voor-clienten/wat-doet-een-jobcoach.html', 'begrippen/index.html',
      'stroomschema/welke-begeleiding/index.html', 'hulpmiddelen/gespreksverslag.html', 'over.html']) {
      await page.goto(url(rel), { waitUntil: 'load' });
      assert.ok(await page.locator('h1').isVisible(), `${rel}: h1 visible`);
      for (const v of await runAxe(page)) problems.push(`${rel}: axe ${v.summary}`);
      for (const i of takeIssues(page)) problems.push(`${rel}: ${i.kind} ${i.detail}`);
    }
    for (const file of listHtmlFiles(SITE)) {
      const { errors } = await validateHtml(path.join(SITE, file));
      for (const e of errors) problems.push(e.text);
    }
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the footer and the over page name the wijzer version and the content date', async () => {
    const context = await browser.newContext();
    const page = await newCheckedPage(context);
    await page.goto(url('over.html'), { waitUntil: 'load' });
    const footer = await page.textContent('.voet__uitgave');
    assert.match(footer, /Inhoud bijgewerkt tot 5 december 2026\. Gemaakt met wijzer \d+\.\d+\.\d+/);
    assert.match(await page.textContent('main'), /gebouwd met wijzer \d+\.\d+\.\d+/);
    await context.close();
  });

  test('the flow: Start, an answer, Volgende leads to the outcome', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await newCheckedPage(context);
    await page.goto(url('stroomschema/welke-begeleiding/index.html'), { waitUntil: 'load' });
    await page.locator('#stroom-start-knop').click();
    await page.locator('#stap-q-werk input[value="nee"]').check();
    await page.locator('#stroom-volgende').click();
    await page.waitForFunction(() => document.getElementById('stroom-formulier')?.getAttribute('data-node') === 'o-vinden');
    assert.ok(await page.getByRole('heading', { name: 'Hulp om werk te vinden' }).isVisible());
    assert.deepEqual(takeIssues(page), []);
    await context.close();
  });

  test('the form keeps what was typed across a reload, on this device only', async () => {
    const context = await browser.newContext();
    const page = await newCheckedPage(context);
    const sent = [];
    page.on('request', (req) => { if (!req.url().startsWith('file:')) sent.push(req.url()); });
    await page.goto(url('hulpmiddelen/gespreksverslag.html'), { waitUntil: 'load' });
    await page.waitForFunction(() => document.querySelector('.hulpmiddel.js'));
    await page.fill('#fv-gespreksverslag-afspraken', 'Volgende week bellen');
    await page.check('#fv-gespreksverslag-onderwerp-1');
    await page.locator('#fv-gespreksverslag-afspraken').press('Tab');
    await page.reload({ waitUntil: 'load' });
    await page.waitForFunction(() => document.querySelector('.hulpmiddel.js'));
    assert.equal(await page.inputValue('#fv-gespreksverslag-afspraken'), 'Volgende week bellen');
    assert.ok(await page.isChecked('#fv-gespreksverslag-onderwerp-1'));
    assert.deepEqual(sent, []);
    assert.deepEqual(takeIssues(page), []);
    await context.close();
  });
});
