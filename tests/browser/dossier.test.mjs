// Browser tests of one dossier across tools (issue 16, item 4): client code, date, professional and
// werkdoel entered once and shown in every tool and on its printed report; "Opgeslagen om HH:MM"
// after each save; "Alles wissen" leaves nothing stored; dossiers saved before the dossier header
// existed keep their answers and get their header from them.
//
//   WIJZER_SITE=build/portal-site node --test tests/browser/dossier.test.mjs

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { assertSiteExists, launchBrowser, newCheckedPage, pathToFileURL, runAxe, siteDir, takeIssues } from './lib.mjs';

const SITE = siteDir();
const KEY = 'begeleidingswijzer.dossiers';
const TOOLS = {
  handreiking: 'hulpmiddelen/handreiking/invullen.html',
  urencalculator: 'hulpmiddelen/urencalculator.html',
  logboek: 'hulpmiddelen/leidraad-formats/logboek.html',
};
const url = (id) => pathToFileURL(path.join(SITE, TOOLS[id])).href;

let browser;
before(async () => {
  assertSiteExists(SITE);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

async function open(page, id) {
  await page.goto(url(id), { waitUntil: 'load' });
  await page.waitForFunction(() => document.querySelector('.hulpmiddel.js'));
}
const header = (page) => page.$$eval('[data-gegeven]', (els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-gegeven'), e.value])));
/** report.js and copy.js, loaded once the tool holds answers, are in (before leaving the page). */
const filesLoaded = (page) => page.waitForFunction(() => window.WijzerReport && window.WijzerCopy);
const state = (page) => page.evaluate((k) => JSON.parse(localStorage.getItem(k)), KEY);

describe('one dossier, many tools', () => {
  test('the header is entered once and shown in three tools and on their reports', async () => {
    const context = await browser.newContext();
    const page = await newCheckedPage(context, null);
    await open(page, 'handreiking');
    await page.fill('[data-gegeven="client"]', 'K-42');
    await page.fill('[data-gegeven="datum"]', '2026-12-03');
    await page.fill('[data-gegeven="professional"]', 'R. Visser, jobcoach');
    await page.fill('[data-gegeven="werkdoel"]', 'Vier dagen per week in de groenvoorziening.');
    assert.match(await page.textContent('.dossierkop__opgeslagen'), /^Opgeslagen om \d{2}:\d{2}$/);
    assert.equal(await page.getAttribute('.dossierkop__opgeslagen', 'aria-live'), 'polite');
    const want = { client: 'K-42', datum: '2026-12-03', professional: 'R. Visser, jobcoach', werkdoel: 'Vier dagen per week in de groenvoorziening.' };
    for (const id of ['urencalculator', 'logboek', 'handreiking']) {
      await open(page, id);
      assert.deepEqual(await header(page), want, `${id} shows the dossier header`);
    }
    // the report of another tool carries it
    await open(page, 'urencalculator');
    await page.fill('#fv-urencalculator-contracturen', '20');
    await page.waitForSelector('.rapport-plek .rapport', { state: 'attached' });
    await page.emulateMedia({ media: 'print' });
    const report = (await page.textContent('.rapport-plek .rapport__kop')).replace(/\s+/g, ' ');
    assert.match(report, /K-42/);
    assert.match(report, /R\. Visser, jobcoach/);
    assert.match(report, /Vier dagen per week/);
    await page.emulateMedia({ media: 'screen' });
    // a second dossier has its own header; switching back brings the first one back
    await page.click('[data-dossier="nieuw"]');
    assert.deepEqual(await header(page), { client: '', datum: '', professional: '', werkdoel: '' });
    await page.fill('[data-gegeven="client"]', 'K-43');
    await page.selectOption('[data-dossier="keuze"]', { index: 0 });
    assert.equal((await header(page)).client, 'K-42');
    assert.deepEqual((await runAxe(page)).map((v) => v.summary), []);
    assert.deepEqual(takeIssues(page), []);
    await context.close();
  });

  test('the coachingsplan reads the hours of the urencalculator in the same dossier', async () => {
    const context = await browser.newContext();
    const page = await newCheckedPage(context, null);
    const hours = '#fv-coachingsplan-uren_urencalculator';
    await page.goto(pathToFileURL(path.join(SITE, 'hulpmiddelen/leidraad-formats/coachingsplan.html')).href);
    await page.waitForFunction(() => document.querySelector('.hulpmiddel.js'));
    assert.equal(await page.textContent(hours), '—', 'empty while the urencalculator has none');
    await open(page, 'urencalculator');
    await page.fill('#fv-urencalculator-coachinguren', '3.5');
    await page.waitForSelector('.rapport-plek .rapport', { state: 'attached' }); // its files loaded
    await page.goto(pathToFileURL(path.join(SITE, 'hulpmiddelen/leidraad-formats/coachingsplan.html')).href);
    await page.waitForFunction(() => document.querySelector('.hulpmiddel.js'));
    assert.equal(await page.textContent(hours), '3,5');
    // another dossier has its own urencalculator
    await page.click('[data-dossier="nieuw"]');
    assert.equal(await page.textContent(hours), '—');
    assert.deepEqual(takeIssues(page), []);
    await context.close();
  });

  test('"Alles wissen" leaves no dossier behind, also after reopening a tool', async () => {
    const context = await browser.newContext();
    const page = await newCheckedPage(context, null);
    await open(page, 'logboek');
    await page.fill('[data-gegeven="client"]', 'W-1');
    await page.fill('#fv-logboek-werknemer', 'W-1');
    await filesLoaded(page);
    assert.ok(await state(page));
    await page.click('[data-dossier="wis"]');
    await page.click('[data-dossier="ja"]');
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), null);
    assert.deepEqual(await header(page), { client: '', datum: '', professional: '', werkdoel: '' });
    await open(page, 'handreiking');
    await open(page, 'urencalculator');
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), null, 'opening tools stores nothing');
    assert.deepEqual(takeIssues(page), []);
    await context.close();
  });

  test('a dossier saved before the header existed keeps every answer and gets its header from them', async () => {
    const context = await browser.newContext();
    const page = await newCheckedPage(context, null);
    await open(page, 'urencalculator');
    const old = {
      schema: 1, actief: 'd1',
      dossiers: [{ id: 'd1', naam: 'Cliënt A-17', gemaakt: '2026-01-05T10:00:00.000Z', gewijzigd: '2026-01-05T10:00:00.000Z',
        formulieren: {
          handreiking: { versie: 1, antwoorden: { client: 'A-17', datum: '2026-01-05', professional: 'M. de Boer', geheugen: 'begeleiding', onbekend_veld: 'blijft' } },
          urencalculator: { versie: 2, antwoorden: { contracturen: '24' } },
        } }],
    };
    await page.evaluate(([k, v]) => localStorage.setItem(k, JSON.stringify(v)), [KEY, old]);
    await open(page, 'logboek');
    // report.js (loaded for the old dossier) fills the header from the answers, once, and saves it
    await page.waitForFunction(() => document.querySelector('[data-gegeven="client"]').value === 'A-17');
    assert.deepEqual(await header(page), { client: 'A-17', datum: '2026-01-05', professional: 'M. de Boer', werkdoel: '' });
    assert.equal((await state(page)).dossiers[0].gegevens.client, 'A-17');
    await page.fill('#fv-logboek-werknemer', 'A-17'); // the first save writes the migrated dossier
    await filesLoaded(page);
    const saved = (await state(page)).dossiers[0];
    assert.equal(saved.naam, 'Cliënt A-17');
    assert.deepEqual(saved.formulieren.handreiking, old.dossiers[0].formulieren.handreiking, 'answers untouched');
    assert.deepEqual(saved.formulieren.urencalculator, old.dossiers[0].formulieren.urencalculator);
    assert.equal(saved.gegevens.client, 'A-17');
    await open(page, 'urencalculator');
    assert.equal(await page.inputValue('#fv-urencalculator-contracturen'), '24');
    assert.deepEqual(takeIssues(page), []);
    await context.close();
  });
});
