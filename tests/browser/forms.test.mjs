// Browser tests of the forms engine and the urencalculator (issue 5):
// a professional fills the calculator, reloads halfway, switches dossiers, exports, wipes and
// imports; broken, foreign and newer files leave stored data untouched; older files are
// migrated; the JS evaluation matches every worked example of the form definition; no request
// leaves the page; without JavaScript the form and its rules show as text.
//
//   WIJZER_SITE=build/portal-site node --test tests/browser/forms.test.mjs

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  REPO_ROOT,
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
const PAGE = 'hulpmiddelen/urencalculator.html';
const KEY = 'begeleidingswijzer.dossiers';
const P = '#fv-urencalculator-';
// The only requests after load: the site's own scripts and styles loaded on first use (import/export, checking, report) and its favicon, which the browser fetches when it likes (they send nothing).
const OWN_SCRIPT = /\/assets\/(dossier\/(dossier-bestand|report|copy)|forms\/validation)\.[0-9a-f]+\.js$|\/assets\/dossier\/dossier\.[0-9a-f]+\.css$|\/assets\/layout\/favicon\.[0-9a-f]+\.svg$/;
const DEFINITION = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'content/hulpmiddelen/urencalculator.form.json'), 'utf8'));

let browser;
before(async () => {
  assertSiteExists(SITE);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

const fileUrl = () => pathToFileURL(path.join(SITE, PAGE)).href;

/** A checked page on the calculator that records every request made after it loaded. */
async function openCalculator(context, url = fileUrl(), origin = null) {
  const page = await newCheckedPage(context, origin);
  const requests = [];
  page.on('request', (req) => {
    if (page.__loaded && !req.url().startsWith('blob:') && !OWN_SCRIPT.test(req.url())) requests.push(req.url());
  });
  page.__requests = requests;
  await gotoLoaded(page, url);
  return page;
}
async function gotoLoaded(page, url) {
  page.__loaded = false;
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => document.querySelector('.hulpmiddel.js'));
  page.__loaded = true;
}
async function reload(page) {
  page.__loaded = false;
  await page.reload({ waitUntil: 'load' });
  await page.waitForFunction(() => document.querySelector('.hulpmiddel.js'));
  page.__loaded = true;
}

const out = (page, id) => page.textContent(`${P}${id}`);
const stored = (page) => page.evaluate((k) => localStorage.getItem(k), KEY);
const status = (page) => page.textContent('[data-dossier="status"]');
const answers = async (page) => {
  const state = JSON.parse(await stored(page));
  return state.dossiers.find((d) => d.id === state.actief).formulieren.urencalculator.antwoorden;
};

/** Types the answers of one client the way a professional would (keyboard and clicks). */
async function fillClient(page, { uren, contract = 0, jaar = 0, coaching, loonwaarde }) {
  await page.fill(`${P}contracturen`, String(uren));
  await page.check(`${P}contract-${contract}`);
  if (loonwaarde !== undefined) await page.fill(`${P}loonwaarde`, String(loonwaarde));
  await page.check(`${P}jaar-${jaar}`);
  await page.fill(`${P}coachinguren`, String(coaching));
}

const signals = (page) => page.$$eval('[data-signaal]', (els) => els.map((e) => e.getAttribute('data-signaal')).sort());
/** validation.js (errors, summary, blocked results) loads on first use: wait until it has run. */
const checksLoaded = (page) => page.waitForFunction(() => !!window.WijzerForms.Tool.prototype.check);

describe('urencalculator with JavaScript (file://)', () => {
  test('a professional fills it in: 20 u/week × 52 weeks → year 1 at most 156 hours; signals follow', async () => {
    const context = await browser.newContext();
    const page = await openCalculator(context);
    await fillClient(page, { uren: 20, coaching: 3, loonwaarde: 60 });
    assert.equal(await out(page, 'jaaruren'), '1.040');
    assert.equal(await out(page, 'max_uren_jaar'), '156');
    assert.equal(await out(page, 'max_uren_week'), '3');
    assert.equal(await out(page, 'gevraagd_pct'), '15');
    assert.deepEqual(await signals(page), []);

    await page.check(`${P}jaar-1`); // second year: 78 hours, 3 u/week is too much
    assert.equal(await out(page, 'max_uren_jaar'), '78');
    assert.deepEqual(await signals(page), ['boven_maximum']);
    assert.match(await page.textContent('[data-signaal="boven_maximum"]'), /78 uur meer.*hoe lang/s);

    await page.check(`${P}jaar-3`); // fourth year or later: only by exception
    assert.equal(await out(page, 'max_uren_jaar'), '62,4');
    assert.ok((await signals(page)).includes('na_maximale_duur'));

    await page.fill(`${P}contracturen`, '10');
    await page.check(`${P}contract-1`);
    await page.fill(`${P}loonwaarde`, '30');
    assert.deepEqual(await signals(page), ['boven_maximum', 'geen_standaard_contract', 'geen_standaard_loonwaarde', 'geen_standaard_uren', 'na_maximale_duur']);

    // weeks are editable: 20 × 46 weeks, year 1 → 138 hours
    await page.fill(`${P}contracturen`, '20');
    await page.fill(`${P}weken`, '46');
    await page.check(`${P}jaar-0`);
    assert.equal(await out(page, 'max_uren_jaar'), '138');

    assert.deepEqual(takeIssues(page), []);
    assert.deepEqual(page.__requests, [], 'no request while using the form');
    await context.close();
  });

  test('gemeente profiles fill the rekenregel; a regime without a figure asks for one', async () => {
    const context = await browser.newContext();
    const page = await openCalculator(context);
    await fillClient(page, { uren: 20, coaching: 1 });
    await page.selectOption(`${P}profiel`, 'gemeente-5-procent');
    assert.equal(await page.inputValue(`${P}pct_jaar1`), '5');
    assert.equal(await out(page, 'max_uren_jaar'), '52');
    await page.selectOption(`${P}profiel`, 'gemeente-vast');
    assert.equal(await page.isHidden(`${P}pct_jaar1-veld`), true);
    assert.equal(await page.inputValue(`${P}vaste_uren`), '1');
    assert.equal(await out(page, 'max_uren_week'), '1');
    await page.selectOption(`${P}profiel`, 'gemeente-regime');
    await page.check(`${P}regime-1`);
    assert.equal(await out(page, 'max_uren_jaar'), '—');
    assert.deepEqual(await signals(page), ['regime_zonder_percentage']);
    await page.fill(`${P}pct_midden`, '10'); // the user's own figure
    assert.equal(await out(page, 'max_uren_jaar'), '104');
    await page.selectOption(`${P}profiel`, 'uwv');
    assert.equal(await page.inputValue(`${P}pct_jaar2`), '7.5');
    assert.equal(await out(page, 'max_uren_jaar'), '156');
    assert.deepEqual(takeIssues(page), []);
    assert.deepEqual(page.__requests, []);
    await context.close();
  });

  test('error summary (GOV.UK): focused, linked to the fields, inline messages, title prefix', async () => {
    const context = await browser.newContext();
    const page = await openCalculator(context);
    await page.click('.formulier button[type=submit]');
    await checksLoaded(page);
    const focused = await page.evaluate(() => document.activeElement.className);
    assert.equal(focused, 'foutoverzicht');
    const links = await page.$$eval('.foutoverzicht a', (as) => as.map((a) => a.getAttribute('href')));
    assert.deepEqual(links, [`${P}contracturen`, `${P}contract-0`, `${P}jaar-0`, `${P}coachinguren`]);
    assert.match(await page.title(), /^Fout: /);
    await page.keyboard.press('Tab'); // a focused link is black on the yellow focus colour, not red
    assert.equal(await page.evaluate(() => getComputedStyle(document.activeElement).color), 'rgb(11, 12, 12)');
    assert.equal(await page.getAttribute(`${P}contracturen`, 'aria-invalid'), 'true');
    const described = await page.getAttribute(`${P}contracturen`, 'aria-describedby');
    assert.match(described, /fv-urencalculator-contracturen-fout/);
    await page.click('.foutoverzicht a >> nth=0');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'fv-urencalculator-contracturen');
    const axe = await runAxe(page);
    assert.deepEqual(axe.filter((v) => /formulier|foutoverzicht|fv-/.test(v.targets.join(' '))).map((v) => v.summary), []);
    await fillClient(page, { uren: 20, coaching: 25 });
    assert.deepEqual(await page.$$eval('.foutoverzicht a', (as) => as.map((a) => a.textContent)), [
      DEFINITION.controles[0].melding,
    ]);
    await page.fill(`${P}coachinguren`, '2');
    assert.equal(await page.isHidden('.foutoverzicht'), true);
    assert.doesNotMatch(await page.title(), /^Fout: /);
    assert.deepEqual(takeIssues(page), []);
    await context.close();
  });

  test('every worked example of the definition holds in the browser too', async () => {
    const context = await browser.newContext();
    const page = await openCalculator(context);
    const results = await page.evaluate((examples) => {
      const def = JSON.parse(document.getElementById('fv-urencalculator-definitie').textContent);
      return examples.map((ex) => {
        const r = window.WijzerForms.evaluate(def, ex.invoer);
        return { naam: ex.naam, data: r.data, signalen: r.signals.map((s) => s.id).sort(), fouten: r.errors.map((e) => e.id).sort() };
      });
    }, DEFINITION.voorbeelden);
    for (const [i, ex] of DEFINITION.voorbeelden.entries()) {
      const r = results[i];
      for (const [key, want] of Object.entries(ex.verwacht)) {
        if (key === 'signalen' || key === 'fouten') continue;
        const got = r.data[key];
        if (typeof want === 'number') assert.ok(Math.abs(got - want) < 1e-9 * Math.max(1, Math.abs(want)), `${ex.naam}: ${key} = ${got}, expected ${want}`);
        else assert.deepEqual(got, want, `${ex.naam}: ${key}`);
      }
      assert.deepEqual(r.signalen, [...(ex.verwacht.signalen || [])].sort(), `${ex.naam}: signalen`);
      assert.deepEqual(r.fouten, [...(ex.verwacht.fouten || [])].sort(), `${ex.naam}: fouten`);
    }
    await context.close();
  });
});

describe('dossiers: nothing is lost, nothing leaves the device', () => {
  test('reload halfway: every answer is back, and the work continues', async () => {
    const context = await browser.newContext();
    const page = await openCalculator(context);
    assert.equal(await stored(page), null, 'opening a tool stores nothing');
    await page.fill(`${P}contracturen`, '24');
    await page.check(`${P}contract-2`);
    await page.fill(`${P}weken`, '48');
    await page.locator(`${P}loonwaarde`).pressSequentially('4'); // typing, not yet left the field
    await reload(page);
    assert.equal(await page.inputValue(`${P}contracturen`), '24');
    assert.equal(await page.isChecked(`${P}contract-2`), true);
    assert.equal(await page.inputValue(`${P}weken`), '48');
    assert.equal(await page.inputValue(`${P}loonwaarde`), '4');
    await page.check(`${P}jaar-0`);
    await page.fill(`${P}coachinguren`, '2');
    assert.equal(await out(page, 'max_uren_jaar'), '172,8');
    // a closed tab: a new page in the same browser profile finds it too
    await page.close();
    const again = await openCalculator(context);
    assert.equal(await again.inputValue(`${P}coachinguren`), '2');
    assert.equal(await out(again, 'max_uren_jaar'), '172,8');
    assert.deepEqual(takeIssues(again), []);
    assert.deepEqual(again.__requests, []);
    await context.close();
  });

  test('several named dossiers: create, rename, switch, delete', async () => {
    const context = await browser.newContext();
    const page = await openCalculator(context);
    await page.fill('[data-dossier="naam"]', 'Cliënt A-17');
    await fillClient(page, { uren: 20, coaching: 3 });
    await page.click('[data-dossier="nieuw"]');
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('data-dossier')), 'naam');
    assert.equal(await page.inputValue(`${P}contracturen`), '', 'a new dossier starts empty');
    assert.equal(await page.inputValue(`${P}weken`), '52', 'with the defaults');
    await page.fill('[data-dossier="naam"]', 'Cliënt B-03');
    await fillClient(page, { uren: 32, jaar: 2, coaching: 1 });
    const options = await page.$$eval('[data-dossier="keuze"] option', (os) => os.map((o) => o.textContent));
    assert.deepEqual(options, ['Cliënt A-17', 'Cliënt B-03']);

    const ids = await page.$$eval('[data-dossier="keuze"] option', (os) => os.map((o) => o.value));
    await page.selectOption('[data-dossier="keuze"]', ids[0]);
    assert.equal(await page.inputValue(`${P}contracturen`), '20');
    assert.equal(await page.inputValue('[data-dossier="naam"]'), 'Cliënt A-17');
    assert.equal(await out(page, 'max_uren_jaar'), '156');
    await reload(page);
    assert.equal(await page.inputValue('[data-dossier="naam"]'), 'Cliënt A-17', 'the open dossier stays open');
    await page.selectOption('[data-dossier="keuze"]', ids[1]);
    assert.equal(await page.inputValue(`${P}contracturen`), '32');
    assert.equal(await page.isChecked(`${P}jaar-2`), true);

    await page.click('[data-dossier="verwijder"]');
    assert.match(await page.textContent('.dossier__vraag'), /Cliënt B-03/);
    await page.click('[data-dossier="nee"]');
    assert.equal((await page.$$('[data-dossier="keuze"] option')).length, 2, 'cancel keeps it');
    await page.click('[data-dossier="verwijder"]');
    await page.click('[data-dossier="ja"]');
    await page.waitForFunction(() => /verwijderd/.test(document.querySelector('[data-dossier="status"]').textContent)); // after dossier-bestand.js loaded
    assert.deepEqual(await page.$$eval('[data-dossier="keuze"] option', (os) => os.map((o) => o.textContent)), ['Cliënt A-17']);
    assert.equal(await page.inputValue(`${P}contracturen`), '20');
    assert.deepEqual(takeIssues(page), []);
    assert.deepEqual(page.__requests, []);
    await context.close();
  });

  test('export → Alles wissen → import gives the same dossier back (lossless)', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await openCalculator(context);
    await page.fill('[data-dossier="naam"]', 'Cliënt C “test” ë/ü');
    await fillClient(page, { uren: 18.5, contract: 2, jaar: 1, coaching: 2.25, loonwaarde: 41 });
    await page.selectOption(`${P}profiel`, 'gemeente-regime');
    await page.check(`${P}regime-2`);
    await page.fill(`${P}pct_zwaar`, '12,5'.replace(',', '.'));
    const before = await answers(page);
    const beforeMax = await out(page, 'max_uren_jaar');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-dossier="exporteer"]')]);
    const file = path.join(await fs.promises.mkdtemp(path.join(REPO_ROOT, 'build', 'dossier-')), download.suggestedFilename());
    await download.saveAs(file);
    const exported = JSON.parse(fs.readFileSync(file, 'utf8'));
    assert.equal(exported.bestand, 'begeleidingswijzer-dossier');
    assert.equal(exported.schema, 1);
    assert.equal(exported.formulieren.urencalculator.versie, DEFINITION.versie);
    assert.deepEqual(exported.formulieren.urencalculator.antwoorden, before);
    assert.match(download.suggestedFilename(), /^dossier-client-c-test-e-u\.json$/);

    await page.click('[data-dossier="wis"]');
    await page.click('[data-dossier="ja"]');
    assert.equal(await stored(page), null, 'Alles wissen leaves nothing in localStorage');
    assert.equal(await page.inputValue(`${P}contracturen`), '');
    await reload(page);
    assert.equal(await stored(page), null);
    assert.equal(await page.inputValue(`${P}contracturen`), '');

    await page.setInputFiles('[data-dossier="import"]', file);
    await page.waitForFunction(() => /geïmporteerd/.test(document.querySelector('[data-dossier="status"]').textContent));
    assert.deepEqual(await answers(page), before);
    assert.equal(await page.inputValue('[data-dossier="naam"]'), 'Cliënt C “test” ë/ü');
    assert.equal(await page.inputValue(`${P}contracturen`), '18.5');
    assert.equal(await page.isChecked(`${P}regime-2`), true);
    assert.equal(await out(page, 'max_uren_jaar'), beforeMax);
    // and a second export of the imported dossier is the same data
    const [again] = await Promise.all([page.waitForEvent('download'), page.click('[data-dossier="exporteer"]')]);
    const second = JSON.parse(fs.readFileSync(await again.path(), 'utf8'));
    assert.deepEqual(second.formulieren.urencalculator.antwoorden, exported.formulieren.urencalculator.antwoorden);
    assert.equal(second.formulieren.urencalculator.versie, exported.formulieren.urencalculator.versie);
    assert.equal(second.naam, exported.naam);
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
    assert.deepEqual(takeIssues(page), []);
    assert.deepEqual(page.__requests, []);
    await context.close();
  });

  test('a corrupt, foreign or newer file gives a clear message and changes nothing', async () => {
    const context = await browser.newContext();
    const page = await openCalculator(context);
    await page.fill('[data-dossier="naam"]', 'Bestaand');
    await fillClient(page, { uren: 20, coaching: 3 });
    const kept = await stored(page);
    const cases = [
      ['kapot.json', '{"bestand": "begeleidingswijzer-dossier", "schema": 1, "formulieren": {', /beschadigd of is geen JSON/],
      ['foto.json', '\u0000\u0001PNG', /beschadigd of is geen JSON/],
      ['ander.json', JSON.stringify({ type: 'FeatureCollection', features: [] }), /geen dossierbestand van de Begeleidingswijzer/],
      ['lijst.json', '[1, 2, 3]', /geen dossierbestand/],
      ['nieuw.json', JSON.stringify({ bestand: 'begeleidingswijzer-dossier', schema: 7, naam: 'x', formulieren: {} }), /nieuwere versie van de Begeleidingswijzer/],
      ['nieuwformulier.json', JSON.stringify({ bestand: 'begeleidingswijzer-dossier', schema: 1, naam: 'x', formulieren: { urencalculator: { versie: 99, antwoorden: {} } } }), /nieuwere versie van het formulier/],
      ['antwoorden.json', JSON.stringify({ bestand: 'begeleidingswijzer-dossier', schema: 1, naam: 'x', formulieren: { urencalculator: { versie: 2, antwoorden: 'drop table' } } }), /beschadigd/],
    ];
    for (const [name, text, message] of cases) {
      await page.setInputFiles('[data-dossier="import"]', { name, mimeType: 'application/json', buffer: Buffer.from(text) });
      await page.waitForFunction((n) => document.querySelector('[data-dossier="status"]').classList.contains('dossier__status--fout') &&
        document.querySelector('[data-dossier="status"]').textContent.length > 0, name);
      assert.match(await status(page), message, name);
      assert.match(await status(page), /Er is niets veranderd/, name);
      assert.equal(await stored(page), kept, `${name}: stored data untouched`);
      assert.equal(await page.inputValue(`${P}contracturen`), '20');
      await page.evaluate(() => { document.querySelector('[data-dossier="status"]').textContent = ''; });
    }
    // markup inside a file is text, never HTML
    const sneaky = { bestand: 'begeleidingswijzer-dossier', schema: 1, naam: '<img src=x onerror=alert(1)>', formulieren: { urencalculator: { versie: 2, antwoorden: { contracturen: '<b>20</b>' } } } };
    await page.setInputFiles('[data-dossier="import"]', { name: 's.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(sneaky)) });
    await page.waitForFunction(() => /geïmporteerd/.test(document.querySelector('[data-dossier="status"]').textContent));
    assert.equal(await page.$$eval('.hulpmiddel img', (els) => els.length), 0);
    assert.equal(await page.inputValue('[data-dossier="naam"]'), sneaky.naam);
    assert.deepEqual(takeIssues(page), []);
    assert.deepEqual(page.__requests, []);
    await context.close();
  });

  test('a file of an older form version is migrated on import', async () => {
    const context = await browser.newContext();
    const page = await openCalculator(context);
    const old = {
      bestand: 'begeleidingswijzer-dossier', schema: 1, naam: 'Oud dossier',
      formulieren: {
        urencalculator: { versie: 1, antwoorden: { uren_per_week: '20', weken_per_jaar: '52', contract: 'half_jaar', jaar: '1', coachinguren: '3' } },
        handreiking: { versie: 3, antwoorden: { aspect_1: 'ja' } },
      },
    };
    await page.setInputFiles('[data-dossier="import"]', { name: 'oud.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(old)) });
    await page.waitForFunction(() => /geïmporteerd/.test(document.querySelector('[data-dossier="status"]').textContent));
    assert.equal(await page.inputValue(`${P}contracturen`), '20');
    assert.equal(await out(page, 'max_uren_jaar'), '156');
    const state = JSON.parse(await stored(page));
    const dossier = state.dossiers.find((d) => d.id === state.actief);
    assert.equal(dossier.formulieren.urencalculator.versie, DEFINITION.versie);
    assert.equal(dossier.formulieren.urencalculator.antwoorden.uren_per_week, undefined);
    assert.deepEqual(dossier.formulieren.handreiking, old.formulieren.handreiking, 'other tools of the dossier are kept as they are');
    assert.deepEqual(takeIssues(page), []);
    await context.close();
  });

  test('zero network requests from a web server too (sub-folder)', async () => {
    const server = await startStaticServer(SITE);
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await openCalculator(context, server.baseUrl + PAGE, server.origin);
    const served = server.requests.length;
    await fillClient(page, { uren: 20, coaching: 3, loonwaarde: 50 });
    await page.selectOption(`${P}profiel`, 'gemeente-vast');
    await page.click('.formulier button[type=submit]');
    await checksLoaded(page);
    await page.click('[data-dossier="nieuw"]');
    await Promise.all([page.waitForEvent('download'), page.click('[data-dossier="exporteer"]')]);
    await page.setInputFiles('[data-dossier="import"]', { name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{}') });
    await page.waitForTimeout(200);
    const later = server.requests.slice(served).filter((r) => !OWN_SCRIPT.test(r));
    assert.deepEqual(later, [], `requests while using the form: ${later.join(', ')}`);
    assert.deepEqual(page.__requests, []);
    assert.deepEqual(takeIssues(page), []);
    await context.close();
    await server.close();
  });
});

// Repeatable groups: the logboek (content/hulpmiddelen/leidraad-formats/logboek.form.json) has
// "doelen", 1 to 3 items of text, a number and a radio group each.
describe('repeatable groups (logboek: doelen)', () => {
  const LB = '#fv-logboek-';
  const GROUP = `${LB}doelen`;
  const ADD = `${GROUP} .groep__erbij`;
  const logboekUrl = () => pathToFileURL(path.join(SITE, 'hulpmiddelen/leidraad-formats/logboek.html')).href;
  const GOALS = [
    { doel: 'Zorgvuldiger werken.', activiteiten: '3 maart: afvinklijst gemaakt.', uren: '20', resultaat: 0 },
    { doel: 'Op tijd beginnen.', activiteiten: '5 maart: wekker en reisplan.', uren: '6', resultaat: 2 },
    { doel: 'Pauzes met collega’s.', activiteiten: '10 maart: gesprek met de leidinggevende.', uren: '12.5', resultaat: 1 },
  ];
  const RESULTS = ['behaald', 'deels', 'niet'];
  async function fillGoal(page, i, g) {
    await page.fill(`${GROUP}-${i}-doel`, g.doel);
    await page.fill(`${GROUP}-${i}-activiteiten`, g.activiteiten);
    await page.fill(`${GROUP}-${i}-uren`, g.uren);
    await page.check(`${GROUP}-${i}-resultaat-${g.resultaat}`);
  }
  async function shown(page) {
    return page.$$eval(`${GROUP} .groep__items > .groep__item`, (items) =>
      items.map((li) => {
        const i = li.getAttribute('data-index');
        const v = (id) => li.querySelector(`#fv-logboek-doelen-${i}-${id}`).value;
        const checked = li.querySelector(`input[name="doelen.${i}.resultaat"]:checked`);
        return {
          kop: li.querySelector('legend').textContent,
          weg: li.querySelector('.groep__weg').hidden ? null : li.querySelector('.groep__weg').textContent,
          doel: v('doel'),
          activiteiten: v('activiteiten'),
          uren: v('uren'),
          resultaat: checked ? checked.value : null,
        };
      }),
    );
  }
  const expect = (goals) =>
    goals.map((g, i) => ({
      kop: `Doel ${i + 1}`,
      weg: goals.length > 1 ? `Doel ${i + 1} verwijderen` : null,
      doel: g.doel,
      activiteiten: g.activiteiten,
      uren: g.uren,
      resultaat: RESULTS[g.resultaat],
    }));
  const storedGoals = async (page) => {
    const state = JSON.parse(await stored(page));
    return state.dossiers.find((d) => d.id === state.actief).formulieren.logboek.antwoorden.doelen;
  };
  const focused = (page) => page.evaluate(() => document.activeElement.id || document.activeElement.className);

  test('add two items with the keyboard, fill them, remove one, reload: the rest is kept; axe', async () => {
    const context = await browser.newContext();
    const page = await openCalculator(context, logboekUrl());
    assert.equal(await page.locator(`${GROUP} .groep__item`).count(), 1, 'one goal to start with (min_aantal 1)');
    assert.equal(await page.isHidden(`${GROUP} .groep__weg`), true, 'the only goal cannot be removed');
    await fillGoal(page, 0, GOALS[0]);

    // Add with Enter and with Space: focus goes to the new goal's first field.
    await page.focus(ADD);
    await page.keyboard.press('Enter');
    assert.equal(await focused(page), 'fv-logboek-doelen-1-doel', 'Enter adds a goal and focuses it');
    await fillGoal(page, 1, GOALS[1]);
    await page.focus(ADD);
    await page.keyboard.press('Space');
    assert.equal(await focused(page), 'fv-logboek-doelen-2-doel', 'Space adds a goal and focuses it');
    await fillGoal(page, 2, GOALS[2]);
    assert.equal(await page.isDisabled(ADD), true, 'no fourth goal (max_aantal 3)');
    assert.deepEqual(await shown(page), expect(GOALS));
    assert.equal(await page.textContent(`${LB}totaal_uren`), '38,5');
    assert.equal((await storedGoals(page)).length, 3, 'saved on every change');

    // Remove the middle goal with the keyboard: the third becomes the second, focus on "toevoegen".
    await page.focus(`${GROUP} .groep__item[data-index="1"] .groep__weg`);
    await page.keyboard.press('Enter');
    const two = [GOALS[0], GOALS[2]];
    assert.deepEqual(await shown(page), expect(two));
    assert.equal(await page.isDisabled(ADD), false, 'a goal can be added again');
    assert.match(await focused(page), /groep__erbij/, 'focus on the add button after removing');
    assert.equal(await page.textContent(`${LB}totaal_uren`), '32,5');
    assert.equal(await page.textContent(`${LB}deels`), '1');
    assert.equal(await page.textContent(`${LB}niet`), '0');
    assert.deepEqual((await storedGoals(page)).map((g) => g.doel), two.map((g) => g.doel));

    await reload(page);
    assert.deepEqual(await shown(page), expect(two), 'the remaining goals survive a reload');
    assert.equal(await page.textContent(`${LB}totaal_uren`), '32,5');

    // Remove the first with Space: one goal left, which cannot be removed; it survives a reload.
    await page.focus(`${GROUP} .groep__item[data-index="0"] .groep__weg`);
    await page.keyboard.press('Space');
    assert.deepEqual(await shown(page), expect([GOALS[2]]));
    await reload(page);
    assert.deepEqual(await shown(page), expect([GOALS[2]]), 'the last goal survives a reload');
    assert.equal(await page.textContent(`${LB}totaal_uren`), '12,5');
    assert.equal(await page.textContent(`${LB}deels`), '1');

    // An empty second goal and the error summary: every message names its goal, so no two are
    // the same; the links reach the goal's fields; removing the goal removes its errors.
    await page.click(ADD);
    await page.fill(`${GROUP}-0-uren`, ''); // both goals now miss "Bestede tijd"
    await page.click('.formulier button[type=submit]');
    await checksLoaded(page);
    assert.equal(await page.isVisible('.foutoverzicht'), true);
    const summary = () => page.$$eval('.foutoverzicht a', (as) => as.map((a) => [a.getAttribute('href'), a.textContent]));
    const errors = await summary();
    assert.equal(new Set(errors.map(([, text]) => text)).size, errors.length, `no two errors read the same: ${errors.map(([, t]) => t).join(' | ')}`);
    const goal2 = errors.filter(([href]) => href.startsWith(`${GROUP}-1-`));
    assert.deepEqual(goal2.map(([href]) => href), [`${GROUP}-1-doel`, `${GROUP}-1-activiteiten`, `${GROUP}-1-uren`, `${GROUP}-1-resultaat-0`]);
    assert.equal(goal2[0][1], 'Doel 2: vul “Doel: wat moet er bereikt worden?” in.');
    assert.equal(goal2[3][1], 'Doel 2: kies een antwoord bij “Is het doel gerealiseerd?”.');
    assert.equal(await page.textContent(`${GROUP}-1-uren-fout`), `Fout: ${goal2[2][1]}`, 'the same words next to the field');
    await page.click(`.foutoverzicht a[href="${GROUP}-1-resultaat-0"]`);
    assert.equal(await focused(page), 'fv-logboek-doelen-1-resultaat-0');
    const axe = await runAxe(page);
    assert.deepEqual(axe.map((v) => v.summary), [], 'axe with two goals and the error summary');
    await page.focus(`${GROUP} .groep__item[data-index="1"] .groep__weg`);
    await page.keyboard.press('Enter');
    assert.deepEqual((await summary()).filter(([href]) => href.startsWith(`${GROUP}-`)), [[`${GROUP}-0-uren`, 'Doel 1: vul “Bestede tijd” in.']],
      'the removed goal takes its errors with it');
    assert.deepEqual(await shown(page), expect([{ ...GOALS[2], uren: '' }]));
    assert.deepEqual(takeIssues(page), []);
    assert.deepEqual(page.__requests, [], 'no request while using the form');
    await context.close();
  });

  // Saved answers with more goals than the form allows (an older form, an imported file): all are
  // shown and kept, nothing is dropped by the autosave; a notice asks to remove some.
  test('more saved goals than allowed: all shown, kept on autosave, a notice until one is removed', async () => {
    const context = await browser.newContext();
    const page = await openCalculator(context, logboekUrl());
    const FOUR = [...GOALS, { doel: 'Zelf de planning maken.', activiteiten: '17 maart: weekplanning besproken.', uren: '4', resultaat: 1 }];
    const saved = FOUR.map((g) => ({ doel: g.doel, activiteiten: g.activiteiten, uren: g.uren, resultaat: RESULTS[g.resultaat], vervolg: '' }));
    await page.evaluate(([key, doelen]) => {
      const at = new Date().toISOString();
      localStorage.setItem(key, JSON.stringify({
        schema: 1, actief: 'd-vier',
        dossiers: [{ id: 'd-vier', naam: 'Cliënt met vier doelen', gemaakt: at, gewijzigd: at,
          formulieren: { logboek: { versie: 1, gewijzigd: at, antwoorden: { werknemer: 'A. de Vries', doelen } } } }],
      }));
    }, [KEY, saved]);
    await reload(page);
    assert.deepEqual(await shown(page), expect(FOUR), 'all four goals with their answers');
    assert.equal(await page.isDisabled(ADD), true, 'no goal can be added while there are too many');
    const NOTICE = `${GROUP}-te-veel`;
    assert.equal(await page.isVisible(NOTICE), true, 'a notice says there are too many');
    assert.equal(await page.textContent(NOTICE),
      'Bij “Doelen uit het coachingsplan” staan 4 keer “Doel”, maar dit formulier heeft plaats voor hoogstens 3. Verwijder er 1. Tot dan blijven alle 4 bewaard.');
    assert.ok((await page.getAttribute(GROUP, 'aria-describedby')).split(' ').includes('fv-logboek-doelen-te-veel'), 'the group is described by the notice');
    assert.equal(await page.textContent(`${LB}totaal_uren`), '42,5', 'computed over all four');
    assert.deepEqual((await runAxe(page)).map((v) => v.summary), [], 'axe with the notice shown');

    // Typing saves all four (the autosave never drops the fourth), also across a reload.
    await page.fill(`${GROUP}-3-vervolg`, 'Na de zomer opnieuw.');
    assert.deepEqual((await storedGoals(page)).map((g) => [g.doel, g.vervolg]), [...saved.slice(0, 3).map((g) => [g.doel, '']), [FOUR[3].doel, 'Na de zomer opnieuw.']]);
    await reload(page);
    assert.deepEqual(await shown(page), expect(FOUR), 'still four after a reload');
    assert.equal(await page.inputValue(`${GROUP}-3-vervolg`), 'Na de zomer opnieuw.');

    // The error summary says the same; while the message is next to the group, the notice is not.
    await page.click('.formulier button[type=submit]');
    await checksLoaded(page);
    const notice = await page.$$eval('.foutoverzicht a', (as) => as.map((a) => a.textContent).filter((t) => /keer “Doel”/.test(t)));
    assert.deepEqual(notice, ['Bij “Doelen uit het coachingsplan” staan 4 keer “Doel”, maar dit formulier heeft plaats voor hoogstens 3. Verwijder er 1. Tot dan blijven alle 4 bewaard.']);
    assert.equal(await page.isHidden(NOTICE), true, 'not the same words twice');

    // Removing one (the second) leaves three: no notice, no error, all answers of the rest kept.
    await page.focus(`${GROUP} .groep__item[data-index="1"] .groep__weg`);
    await page.keyboard.press('Enter');
    const three = [FOUR[0], FOUR[2], FOUR[3]];
    assert.deepEqual(await shown(page), expect(three));
    assert.equal(await page.isHidden(NOTICE), true, 'the notice is gone');
    assert.deepEqual(await page.$$eval('.foutoverzicht a', (as) => as.map((a) => a.textContent).filter((t) => /keer “Doel”/.test(t))), [], 'and so is the error');
    assert.equal(await page.locator(`${GROUP}-fout`).count(), 0, 'no message next to the group');
    assert.ok(!((await page.getAttribute(GROUP, 'aria-describedby')) || '').includes('te-veel'));
    assert.equal(await page.isDisabled(ADD), true, 'three is the most: still no adding');
    assert.equal(await focused(page), 'fv-logboek-doelen-1-doel', 'focus on the goal that took its place (the add button is off)');
    assert.equal((await page.textContent(`${GROUP}-status`)).trim(), 'Doel 2 is verwijderd.');
    assert.deepEqual((await storedGoals(page)).map((g) => g.doel), three.map((g) => g.doel));
    assert.equal((await storedGoals(page))[2].vervolg, 'Na de zomer opnieuw.');
    assert.deepEqual(takeIssues(page), []);
    await context.close();
  });

  test('adding and removing a goal is announced in a polite live region', async () => {
    const context = await browser.newContext();
    const page = await openCalculator(context, logboekUrl());
    const STATUS = `${GROUP}-status`;
    const said = async () => (await page.textContent(STATUS)).trim();
    assert.equal(await page.getAttribute(STATUS, 'role'), 'status', 'a polite live region');
    assert.equal(await said(), '', 'silent before anything happens');
    await page.focus(ADD);
    await page.keyboard.press('Enter');
    assert.equal(await said(), 'Doel 2 is toegevoegd.');
    await page.click(ADD);
    assert.equal(await said(), 'Doel 3 is toegevoegd.');
    await page.focus(`${GROUP} .groep__item[data-index="0"] .groep__weg`);
    await page.keyboard.press('Enter');
    assert.equal(await said(), 'Doel 1 is verwijderd.');
    // The same words again still change the region, so they are read out again.
    const before = await page.textContent(STATUS);
    await page.click(`${GROUP} .groep__item[data-index="0"] .groep__weg`);
    assert.equal(await said(), 'Doel 1 is verwijderd.');
    assert.notEqual(await page.textContent(STATUS), before, 'the region changed');
    assert.equal(await page.locator(`${GROUP} .groep__item`).count(), 1);
    assert.deepEqual((await runAxe(page)).map((v) => v.summary), [], 'axe after adding and removing');
    assert.deepEqual(takeIssues(page), []);
    await context.close();
  });
});

describe('urencalculator without JavaScript', () => {
  test('issue 16 without JavaScript: number boxes take a comma, all toetsvragen and the voorbeeldvragen are readable', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await newCheckedPage(context, null);
    await page.goto(fileUrl(), { waitUntil: 'load' });
    await page.fill(`${P}contracturen`, '20,5');
    assert.equal(await page.inputValue(`${P}contracturen`), '20,5', 'kept as typed (type=number would drop it)');
    assert.match(await page.textContent('.rekenregels'), /Binnen het maximum/, 'the conclusions in words');
    await page.goto(pathToFileURL(path.join(SITE, 'hulpmiddelen/leidraad-formats/toetsingskader.html')).href, { waitUntil: 'load' });
    for (let n = 2; n <= 15; n++) assert.equal(await page.isVisible(`[data-sectie="tv${n}"]`), true, `toetsvraag ${n}`);
    await page.goto(pathToFileURL(path.join(SITE, 'hulpmiddelen/handreiking/invullen.html')).href, { waitUntil: 'load' });
    await page.click('#fv-handreiking-sectie-aspect_geheugen .formulier__uitklap summary');
    assert.equal(await page.isVisible('#fv-handreiking-sectie-aspect_geheugen .formulier__uitklap li >> nth=0'), true, '<details> opens without JavaScript');
    assert.deepEqual(takeIssues(page), []);
    await context.close();
  });

  test('the form, the profiles and the rules show as text', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await newCheckedPage(context, null);
    await page.goto(fileUrl(), { waitUntil: 'load' });
    assert.equal(await page.isVisible(`form${P.slice(0, -1)}`), true);
    for (const id of ['contracturen', 'weken', 'loonwaarde', 'coachinguren']) assert.equal(await page.isVisible(`${P}${id}`), true, id);
    assert.equal(await page.inputValue(`${P}weken`), '52');
    assert.equal(await page.isVisible(`${P}jaar-0`), true);
    const rules = await page.textContent('.rekenregels');
    assert.match(rules, /Maximum jaar 1 = 15% van de jaarlijkse contracturen, jaar 2 = 7,5%, jaar 3 en later = 6%/);
    assert.match(rules, /Geen standaardgeval: minder dan 12 uur werk per week/);
    assert.match(await page.textContent('.opslag'), /Zonder JavaScript wordt niets bewaard/);
    assert.match(await page.textContent(`${P}pct_midden-veld`), /Alleen van toepassing als bij “Rekenmodel” is gekozen: Regime/);
    assert.match(await page.textContent('.veld__profielen'), /geen waarde in de bronnen/);
    assert.equal(await page.isHidden('.dossier'), true);
    await page.fill(`${P}contracturen`, '20'); // it can be filled in (and printed)
    assert.deepEqual(takeIssues(page), []);
    await context.close();
  });
});

// Issue 16, item 1: a jobcoach typed "20,5" (read as 205), -20 and 205 hours a week, and saw the
// errors only after a button below the results. Now every number field is checked when it is left:
// the error above the input (in its group, linked by aria-describedby, red border), a summary at the
// top of the form linking to it, and no figures in the results while an input is wrong.
const FORM_PAGES = {
  urencalculator: 'hulpmiddelen/urencalculator.html',
  'plan-van-aanpak': 'hulpmiddelen/gemeente/plan-van-aanpak.html',
  'opdracht-jobcoach': 'hulpmiddelen/gemeente/opdracht-jobcoach.html',
  coachingsplan: 'hulpmiddelen/leidraad-formats/coachingsplan.html',
  logboek: 'hulpmiddelen/leidraad-formats/logboek.html',
};
/** The definition a page embeds (with dom ids, as forms.js reads it). */
const embedded = (page, id) => page.evaluate((i) => JSON.parse(document.getElementById(`fv-${i}-definitie`).textContent), id);
/** Number fields of a definition: top-level, and the first item of a group. */
function numberFields(def) {
  const out = [];
  for (const s of def.secties)
    for (const f of s.velden) {
      if (f.type === 'number') out.push({ ...f, dom: f.dom });
      if (f.type === 'groep') for (const x of f.velden) if (x.type === 'number') out.push({ ...x, dom: x.dom.replace('__N__', '0'), item: `${f.item_label} 1: ` });
    }
  return out;
}
const dutchNumber = (n) => String(n).replace('.', ',');
/** The visible results (computed values) of the page. */
const results = (page) => page.$$eval('output.veld__uitkomst', (os) => os.filter((o) => o.offsetParent).map((o) => o.textContent));
/** How often the visible form says "Nog niet te berekenen" (issue 16: once, above the results). */
const blockedNotices = (page) => page.$eval('form.formulier', (f) => f.innerText.split('Nog niet te berekenen').length - 1);
/** Types a value into a field and leaves it with the keyboard, as a user does. */
async function typeAndLeave(page, dom, value) {
  await page.fill(`#${dom}`, value);
  await page.focus(`#${dom}`);
  await page.keyboard.press('Tab');
  await checksLoaded(page);
}

describe('input checked as it is typed (issue 16)', () => {
  test('urencalculator: 20,5 computes as 20.5; -20, 205 and empty give inline errors, the summary and no figures', async () => {
    const context = await browser.newContext();
    const page = await openCalculator(context);
    await fillClient(page, { uren: 40, coaching: 3 });
    assert.equal(await page.getAttribute(`${P}contracturen`, 'type'), 'text', 'a text box: type=number mangles the decimal comma');
    assert.equal(await page.getAttribute(`${P}contracturen`, 'inputmode'), 'decimal');
    await typeAndLeave(page, 'fv-urencalculator-contracturen', '20,5');
    assert.equal(await out(page, 'jaaruren'), '1.066', '20,5 × 52 weeks');
    assert.equal(await out(page, 'gevraagd_pct'), '14,6');
    await typeAndLeave(page, 'fv-urencalculator-contracturen', '20.5');
    assert.equal(await out(page, 'jaaruren'), '1.066', 'a point works too');
    assert.equal(await page.isHidden('.foutoverzicht'), true);

    const def = await embedded(page, 'urencalculator');
    const fields = numberFields(def).filter((f) => !f.zichtbaar || f.zichtbaar['==']?.[1] === 'percentage');
    assert.ok(fields.length >= 8, 'every number field that shows at the start');
    for (const f of fields) {
      for (const value of ['-20', '205', '', '20,5']) {
        await page.evaluate(() => localStorage.clear());
        await reload(page);
        await fillClient(page, { uren: 40, coaching: 3 });
        await typeAndLeave(page, f.dom, value);
        const n = value === '' ? null : Number(value.replace(',', '.'));
        const outside = n !== null && ((f.min !== undefined && n < f.min) || (f.max !== undefined && n > f.max));
        const what = `${f.id} = "${value}"`;
        const inline = await page.$(`#${f.dom}-fout`);
        if (outside) {
          assert.ok(inline, `${what}: an inline error`);
          const text = await inline.textContent();
          assert.match(text, new RegExp(`^Fout: “${f.label}” moet tussen ${dutchNumber(f.min)} en ${dutchNumber(f.max)} liggen\\.$`), what);
          assert.equal(await page.getAttribute(`#${f.dom}`, 'aria-invalid'), 'true', what);
          assert.match(await page.getAttribute(`#${f.dom}`, 'aria-describedby'), new RegExp(`${f.dom}-fout`), what);
          assert.equal(await inline.evaluate((p) => p.nextElementSibling.classList.contains('veld__invoer')), true, `${what}: above the input`);
          assert.equal(await page.$eval(`#${f.dom}`, (i) => getComputedStyle(i).borderTopColor), await page.$eval(`#${f.dom}-fout`, (p) => getComputedStyle(p).color), `${what}: red border`);
          assert.equal(await page.isVisible('.foutoverzicht'), true, `${what}: the summary`);
          const links = await page.$$eval('.foutoverzicht a', (as) => as.map((a) => [a.getAttribute('href'), a.textContent]));
          assert.ok(links.some(([href, t]) => href === `#${f.dom}` && text.endsWith(t)), `${what}: the summary links to the field`);
          assert.equal(await page.evaluate(() => document.querySelector('.foutoverzicht').compareDocumentPosition(document.querySelector('.formulier__sectie')) & 4), 4, 'summary at the top');
          const shown = await results(page);
          assert.ok(shown.length > 0);
          for (const r of shown) assert.equal(r, '—', `${what}: each result stays short`);
          const notice = await page.textContent('.conclusie');
          assert.match(notice, /^Nog niet te berekenen: controleer .*“/, `${what}: the notice above the results`);
          assert.ok(notice.includes(`“${f.label}”`), `${what}: names the field`);
          assert.doesNotMatch(notice, /\d/, `${what}: no figures`);
          assert.equal(await blockedNotices(page), 1, `${what}: said once, not under every result`);
        } else if (value === '' && f.verplicht) {
          assert.ok(inline, `${what}: required`);
          assert.match(await inline.textContent(), f.foutmelding ? new RegExp(f.foutmelding) : new RegExp(`Vul “${f.label}” in\\.`));
        } else {
          assert.equal(inline, null, `${what}: no error`);
          for (const r of await results(page)) assert.doesNotMatch(r, /Nog niet te berekenen/, what);
        }
      }
    }
    assert.deepEqual(takeIssues(page), []);
    await context.close();
  });

  test('a field is checked when it is left, not while typing; a fixed value clears its error', async () => {
    const context = await browser.newContext();
    const page = await openCalculator(context);
    await page.fill(`${P}contracturen`, '205');
    await checksLoaded(page);
    assert.equal(await page.$(`${P}contracturen-fout`), null, 'still typing: no error yet');
    assert.equal(await out(page, 'jaaruren'), '—', 'but no figure from 205 either');
    assert.match(await page.textContent('.conclusie'), /^Nog niet te berekenen: controleer “Contracturen per week”/);
    await page.keyboard.press('Tab');
    assert.ok(await page.$(`${P}contracturen-fout`));
    assert.notEqual(await page.evaluate(() => document.activeElement.className), 'foutoverzicht', 'leaving a field does not move focus');
    await page.fill(`${P}contracturen`, '20,5');
    assert.equal(await page.$(`${P}contracturen-fout`), null);
    assert.equal(await page.isHidden('.foutoverzicht'), true);
    assert.equal(await out(page, 'jaaruren'), '1.066');
    await page.focus(`${P}coachinguren`); // tabbing through flags nothing (an error above a button being clicked moves it)
    await page.keyboard.press('Tab');
    assert.equal(await page.$(`${P}coachinguren-fout`), null);
    await page.fill(`${P}coachinguren`, '3'); // typed, then emptied and left: "vul … in"
    await page.fill(`${P}coachinguren`, '');
    await page.focus(`${P}coachinguren`);
    await page.keyboard.press('Tab');
    assert.match(await page.textContent(`${P}coachinguren-fout`), /Vul “Gevraagde jobcoaching per week” in\./);
    const axe = await runAxe(page);
    assert.deepEqual(axe.map((v) => v.summary), []);
    await context.close();
  });

  test('urencalculator: a one-line conclusion above the results and a schedule over the years of the rule', async () => {
    const context = await browser.newContext();
    const page = await openCalculator(context);
    await fillClient(page, { uren: 20, coaching: 3 });
    const first = await page.$eval('[data-sectie="uitkomst"] .formulier__kop', (h) => h.nextElementSibling.className);
    assert.equal(first, 'conclusie', 'the conclusion comes first');
    assert.match(await page.textContent('.conclusie'), /^Binnen het maximum: u vraagt 156 uur per jaar, het maximum is 156 uur per jaar \(stand Leidraad Jobcoach 2012/);
    assert.equal(await out(page, 'schema_jaar1'), '156');
    assert.equal(await out(page, 'schema_jaar2'), '78');
    assert.equal(await out(page, 'schema_jaar3'), '62,4');
    assert.equal(await out(page, 'schema_totaal'), '296,4');
    await page.check(`${P}jaar-1`);
    assert.match(await page.textContent('.conclusie'), /^Boven het maximum: u vraagt 156 uur per jaar, 78 uur meer dan het maximum van 78 uur \(stand/);
    await page.fill(`${P}max_jaren`, '2'); // a gemeente with 2 years: no third year in the schedule
    assert.equal(await page.isHidden(`${P}schema_jaar3-veld`), true);
    assert.equal(await out(page, 'schema_totaal'), '234');
    await context.close();
  });

  test('every other form with number fields: -20, above the maximum and text give the error and the summary', async () => {
    const context = await browser.newContext();
    for (const [id, url] of Object.entries(FORM_PAGES)) {
      if (id === 'urencalculator') continue;
      const page = await newCheckedPage(context, null);
      await gotoLoaded(page, pathToFileURL(path.join(SITE, url)).href);
      const def = await embedded(page, id);
      const fields = numberFields(def);
      assert.ok(fields.length, `${id} has number fields`);
      for (const f of fields) {
        if (!(await page.isVisible(`#${f.dom}`))) continue;
        for (const value of ['-20', String((f.max ?? 1000) + 1).replace('.', ','), 'twintig']) {
          await typeAndLeave(page, f.dom, value);
          const what = `${id}: ${f.id} = "${value}"`;
          const inline = await page.$(`#${f.dom}-fout`);
          const n = Number(value.replace(',', '.'));
          const wrong = Number.isNaN(n) || (f.min !== undefined && n < f.min) || (f.max !== undefined && n > f.max);
          if (!wrong) continue;
          assert.ok(inline, `${what}: an inline error`);
          const text = (await inline.textContent()).replace(/^Fout: /, '');
          assert.match(text, Number.isNaN(n) ? /moet een getal zijn, bijvoorbeeld 12 of 7,5/ : /moet (tussen|minstens|hoogstens)/, what);
          if (f.item) assert.ok(text.startsWith(f.item), `${what}: names the item`);
          const links = await page.$$eval('.foutoverzicht a', (as) => as.map((a) => [a.getAttribute('href'), a.textContent]));
          assert.ok(links.some(([href, t]) => href === `#${f.dom}` && t === text), `${what}: in the summary`);
          const shown = await results(page);
          for (const r of shown) assert.equal(r, '—', `${what}: no figure in a result`);
          if (!shown.length) continue; // no results to hold back
          const notice = await page.textContent('.conclusie', { timeout: 2000 });
          assert.match(notice, /^Nog niet te berekenen: controleer /, what);
          assert.doesNotMatch(notice.replace(/[A-Z][a-z]+ \d+: /g, ''), /\d/, `${what}: no figures in "${notice}"`); // "Doel 1:" names the item
          assert.equal(await blockedNotices(page), 1, `${what}: said once`);
        }
        await typeAndLeave(page, f.dom, '');
      }
      assert.deepEqual(takeIssues(page), []);
      await page.close();
    }
    await context.close();
  });
});
