// Browser tests of the professional tools (issue 6): the handreiking begeleidingsnoodzaak, the
// formats of the Leidraad Jobcoach (matching, coachingsplan, logboek, toetsingskader) and the
// checklist duurzame plaatsing. A professional completes each tool (skipping aspects, reloading
// halfway, closing the browser and coming back), the summaries match the answers, the blank and
// the filled-in print views hold what they should, one dossier holds every tool of one client,
// the rule examples of every definition hold in the browser, no request leaves the page and axe
// finds nothing.
//
//   WIJZER_SITE=build/portal-site node --test tests/browser/tools.test.mjs

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import {
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  REPO_ROOT,
  assertSiteExists,
  launchBrowser,
  newCheckedPage,
  pathToFileURL,
  runAxe,
  siteDir,
  takeIssues,
} from './lib.mjs';

const SITE = siteDir();
const KEY = 'begeleidingswijzer.dossiers';
const TOOLS = {
  handreiking: { page: 'hulpmiddelen/handreiking/invullen.html', data: 'content/hulpmiddelen/handreiking/aspecten.json' },
  matching: { page: 'hulpmiddelen/leidraad-formats/matching.html', file: 'content/hulpmiddelen/leidraad-formats/matching.form.json' },
  coachingsplan: { page: 'hulpmiddelen/leidraad-formats/coachingsplan.html', file: 'content/hulpmiddelen/leidraad-formats/coachingsplan.form.json' },
  logboek: { page: 'hulpmiddelen/leidraad-formats/logboek.html', file: 'content/hulpmiddelen/leidraad-formats/logboek.form.json' },
  toetsingskader: { page: 'hulpmiddelen/leidraad-formats/toetsingskader.html', file: 'content/hulpmiddelen/leidraad-formats/toetsingskader.form.json' },
  'checklist-duurzame-plaatsing': { page: 'hulpmiddelen/duurzaamheid/checklist.html', file: 'content/hulpmiddelen/duurzaamheid/checklist-duurzame-plaatsing.form.json' },
};
const definition = (id) => (TOOLS[id].data ? generatedDefinition(id) : JSON.parse(fs.readFileSync(path.join(REPO_ROOT, TOOLS[id].file), 'utf8')));

/** The handreiking's form is made by the compiler from aspecten.json (there is no .form.json): the
 * definition the built page embeds, with the worked examples of aspecten.json ("invoer_alle": V
 * sets every aspect to V before "invoer"), as the compiler expands them. */
function generatedDefinition(id) {
  const html = fs.readFileSync(path.join(SITE, TOOLS[id].page), 'utf8');
  const m = html.match(new RegExp(`<script[^>]*id="fv-${id}-definitie"[^>]*>([^<]*)</script>`));
  if (!m) throw new Error(`${TOOLS[id].page}: no embedded definition of ${id}`);
  const def = JSON.parse(m[1]);
  const data = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, TOOLS[id].data), 'utf8'));
  const ids = data.clusters.flatMap((c) => c.aspecten.map((a) => a.id));
  def.voorbeelden = data.formulier.voorbeelden.map(({ invoer_alle: all, invoer, ...rest }) => ({
    ...rest,
    invoer: { ...(all === undefined ? {} : Object.fromEntries(ids.map((a) => [a, all]))), ...invoer },
  }));
  return def;
}
const ASPECTS = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'content/hulpmiddelen/handreiking/aspecten.json'), 'utf8'))
  .clusters.flatMap((c) => c.aspecten.map((a) => ({ ...a, cluster: c.id })));

let browser;
before(async () => {
  assertSiteExists(SITE);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

const urlOf = (id) => pathToFileURL(path.join(SITE, TOOLS[id].page)).href;

const OWN_FILE = /\/assets\/(dossier\/(dossier-bestand|report|copy)|forms\/validation)\.[0-9a-f]+\.js$|\/assets\/dossier\/dossier\.[0-9a-f]+\.css$|\/assets\/layout\/favicon\.[0-9a-f]+\.svg$/;
/** A checked page on a tool that records every request made after the page loaded. */
async function openTool(context, id) {
  const page = await newCheckedPage(context, null);
  page.__requests = [];
  page.on('request', (req) => {
    // The site's own import/export, checking and report files load on first use (they send nothing).
    if (page.__loaded && !req.url().startsWith('blob:') && !OWN_FILE.test(req.url())) page.__requests.push(req.url());
  });
  await gotoLoaded(page, urlOf(id));
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
async function assertClean(page) {
  assert.deepEqual(takeIssues(page), []);
  assert.deepEqual(page.__requests, [], 'no request while using the tool');
  const axe = await runAxe(page);
  assert.deepEqual(axe.map((v) => v.summary), [], 'axe');
}
const signals = (page) => page.$$eval('[data-signaal]', (els) => els.map((e) => e.getAttribute('data-signaal')).sort());
const stored = async (page, form) => {
  const state = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), KEY));
  return state.dossiers.find((d) => d.id === state.actief).formulieren[form]?.antwoorden;
};
/** Option index of value `value` of field `id` in a definition. */
function optionIndex(def, id, value) {
  for (const s of def.secties)
    for (const f of s.velden) {
      const all = f.type === 'groep' ? f.velden : [f];
      // A definition file has {waarde, label} options; the one a page embeds has the values only.
      for (const x of all) if (x.id === id) return x.opties.findIndex((o) => (typeof o === 'string' ? o : o.waarde) === value);
    }
  throw new Error(`no field ${id}`);
}

// ---------------------------------------------------------------------------
// Handreiking begeleidingsnoodzaak

const H = '#fv-handreiking-';
const HDEF = definition('handreiking');
/** One client: two aspects skipped, five where something is needed, the rest "geen". */
const NEEDED = {
  zelfredzaamheid: { oordeel: 'beide', duur: 'lang', intensiteit: 'gemiddeld', soort: ['wonen'], tekst: 'Post en geldzaken lopen vast; begeleiding thuis.' },
  werkafspraken: { oordeel: 'begeleiding', duur: 'kort', intensiteit: 'licht', soort: ['werkvloer'], tekst: 'Afspraken over ziekmelden inoefenen.' },
  omgaan_met_anderen: { oordeel: 'begeleiding', duur: 'lang', intensiteit: 'intensief', soort: ['werkvloer', 'werkomgeving'], tekst: 'Pauzes en teamoverleg zijn lastig.' },
  concentratievermogen: { oordeel: 'aanpassing', duur: 'kort', intensiteit: 'licht', soort: ['werkvloer'], tekst: 'Rustige werkplek zonder onderbrekingen.' },
  geheugen: { oordeel: 'begeleiding', duur: 'lang', intensiteit: 'gemiddeld', soort: [], tekst: 'Werkinstructies op papier, herhalen.' },
};
const SKIPPED = ['realiteitszin', 'omgang_met_weerstand'];
const EINDOORDEEL = Array.from({ length: 12 }, (_, i) => `Regel ${i + 1}: langdurig begeleiding op de werkvloer, gemiddelde intensiteit.`).join('\n');
const oordeelOf = (a) => (NEEDED[a.id] ? NEEDED[a.id].oordeel : SKIPPED.includes(a.id) ? 'nvt' : 'geen');
const OORDEEL_TEKST = { begeleiding: 'begeleiding', aanpassing: 'aanpassing', beide: 'begeleiding en aanpassing' };
/** What the samenvattend oordeel of a cluster must say for these answers (computed here, independently). */
function expectedSummary(cluster) {
  const list = ASPECTS.filter((a) => a.cluster === cluster);
  const needed = list.filter((a) => NEEDED[a.id]);
  if (!needed.length) return 'niets nodig';
  return `${needed.length} van ${list.length}: ` + needed
    .map((a) => `${a.naam}: ${OORDEEL_TEKST[NEEDED[a.id].oordeel]}, duur ${NEEDED[a.id].duur}, intensiteit ${NEEDED[a.id].intensiteit}`).join('; ');
}
const CLUSTERS = ['basisvoorwaarden', 'vaardigheden', 'persoonlijke_kenmerken', 'cognitieve_executieve_functies'];

async function answerAspect(page, a) {
  const oordeel = oordeelOf(a);
  await page.check(`${H}${a.id}-${optionIndex(HDEF, a.id, oordeel)}`);
  const n = NEEDED[a.id];
  if (!n) {
    assert.equal(await page.isHidden(`${H}${a.id}_duur`), true, `${a.id}: no follow-up questions when nothing is needed`);
    return;
  }
  await page.check(`${H}${a.id}_duur-${optionIndex(HDEF, `${a.id}_duur`, n.duur)}`);
  await page.check(`${H}${a.id}_intensiteit-${optionIndex(HDEF, `${a.id}_intensiteit`, n.intensiteit)}`);
  for (const s of n.soort) await page.check(`${H}${a.id}_soort-${optionIndex(HDEF, `${a.id}_soort`, s)}`);
  await page.fill(`${H}${a.id}_onderbouwing`, n.tekst);
}

async function assertHandreikingSummary(page) {
  for (const c of CLUSTERS) assert.equal(await page.textContent(`${H}oordeel_${c}`), expectedSummary(c), `samenvattend oordeel ${c}`);
  assert.equal(await page.textContent(`${H}open_totaal`), '0');
  // one line per cluster, with every aspect where something is needed: readable at a glance
  assert.equal(expectedSummary('cognitieve_executieve_functies'),
    '2 van 6: Concentratievermogen: aanpassing, duur kort, intensiteit licht; Geheugen: begeleiding, duur lang, intensiteit gemiddeld');
}

describe('handreiking begeleidingsnoodzaak', () => {
  // Issue 16, item 2: "niets nodig" for aspects nobody assessed, "duur ?" for a missing duur.
  test('honest summary: nog niet beoordeeld is its own state; a missing duur or intensiteit reads "ontbreekt"; errors name the aspect', async () => {
    const context = await browser.newContext();
    const page = await openTool(context, 'handreiking');
    for (const c of CLUSTERS) assert.equal(await page.textContent(`${H}oordeel_${c}`), 'nog niet beoordeeld', c);
    await page.check(`${H}kunnen_volhouden-${optionIndex(HDEF, 'kunnen_volhouden', 'geen')}`);
    assert.equal(await page.textContent(`${H}oordeel_vaardigheden`),
      'niets nodig bij de beoordeelde aspecten (nog niet beoordeeld: Zelfstandig handelen, Werkafspraken, Omgaan met tijdseisen)');
    await page.check(`${H}werkafspraken-${optionIndex(HDEF, 'werkafspraken', 'begeleiding')}`);
    assert.equal(await page.textContent(`${H}oordeel_vaardigheden`),
      '1 van 4: Werkafspraken: begeleiding, duur ontbreekt, intensiteit ontbreekt (nog niet beoordeeld: Zelfstandig handelen, Omgaan met tijdseisen)');
    await page.check(`${H}werkafspraken_duur-${optionIndex(HDEF, 'werkafspraken_duur', 'kort')}`);
    assert.match(await page.textContent(`${H}oordeel_vaardigheden`), /Werkafspraken: begeleiding, duur kort, intensiteit ontbreekt/);
    for (const c of CLUSTERS) assert.doesNotMatch(await page.textContent(`${H}oordeel_${c}`), /\?/);
    await page.click('.formulier button[type=submit]');
    await page.waitForFunction(() => !!window.WijzerForms.Tool.prototype.check); // validation.js loads on first use
    const errors = await page.$$eval('.foutoverzicht a', (as) => as.map((a) => a.textContent));
    assert.deepEqual(errors, ['Werkafspraken: kies een antwoord bij “Intensiteit”.', 'Werkafspraken: vul “Onderbouwing” in.']);
    assert.equal(new Set(errors).size, errors.length, 'no two messages read the same');
    await assertClean(page);
    await context.close();
  });

  // Issue 16, item 3: the voorbeeldvragen were one click away, and Back returned to the top.
  test('voorbeeldvragen open and close in place under each aspect, per leefgebied', async () => {
    const context = await browser.newContext();
    const page = await openTool(context, 'handreiking');
    const url = page.url();
    const data = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, TOOLS.handreiking.data), 'utf8'));
    assert.equal(await page.$$eval('.formulier__uitklap', (ds) => ds.length), ASPECTS.length, 'one per aspect');
    for (const a of [ASPECTS[0], ASPECTS.find((x) => x.id === 'geheugen')]) {
      const d = `#fv-handreiking-sectie-aspect_${a.id} .formulier__uitklap`;
      assert.equal(await page.$eval(d, (e) => e.open), false, 'closed at the start');
      assert.equal(await page.isVisible(`${d} li >> nth=0`), false);
      await page.focus(`${d} summary`);
      await page.keyboard.press('Enter');
      assert.equal(await page.$eval(d, (e) => e.open), true, 'opens with the keyboard');
      const heads = await page.$$eval(`${d} h3`, (hs) => hs.map((h) => h.textContent));
      const expected = data.leefgebieden.filter((l) => (a.voorbeeldvragen[l.id] || []).length);
      assert.deepEqual(heads, expected.map((l) => l.naam));
      const items = await page.$$eval(`${d} li`, (ls) => ls.map((l) => l.textContent));
      assert.deepEqual(items, expected.flatMap((l) => a.voorbeeldvragen[l.id]), 'the same questions as the voorbeeldvragen page');
      await page.click(`${d} summary`);
      assert.equal(await page.$eval(d, (e) => e.open), false, 'and closes');
    }
    assert.equal(page.url(), url, 'no navigation away from the form');
    await assertClean(page);
    await context.close();
  });

  test('a full run: skip aspects, reload halfway, summary per cluster, eindoordeel; then close the browser and come back', async () => {
    const profile = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'wijzer-profiel-'));
    const launch = () => chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
    let context = await launch();
    try {
      let page = await openTool(context, 'handreiking');
      await page.fill('[data-dossier="naam"]', 'Cliënt H-21');
      await page.fill(`${H}client`, 'H-21');
      await page.fill(`${H}situatie`, 'Nog geen werkplek; wil in de groenvoorziening werken.');
      assert.deepEqual(await signals(page), ['niet_alles_beoordeeld']);

      for (const a of ASPECTS.slice(0, 10)) await answerAspect(page, a);
      // an aspect that was "needed" and becomes "geen" loses its follow-up questions and its summary row
      await page.check(`${H}geheugen-${optionIndex(HDEF, 'geheugen', 'begeleiding')}`);
      assert.equal(await page.isVisible(`${H}geheugen_onderbouwing`), true);
      await page.check(`${H}geheugen-${optionIndex(HDEF, 'geheugen', 'geen')}`);
      assert.equal(await page.isHidden(`${H}geheugen_onderbouwing`), true);
      assert.doesNotMatch(await page.textContent(`${H}oordeel_cognitieve_executieve_functies`), /Geheugen/);
      await page.check(`${H}geheugen-${optionIndex(HDEF, 'geheugen', 'nvt')}`);

      await reload(page); // halfway: everything is back
      assert.equal(await page.inputValue(`${H}client`), 'H-21');
      assert.equal(await page.isChecked(`${H}zelfredzaamheid-${optionIndex(HDEF, 'zelfredzaamheid', 'beide')}`), true);
      assert.equal(await page.inputValue(`${H}werkafspraken_onderbouwing`), NEEDED.werkafspraken.tekst);
      assert.match(await page.textContent(`${H}oordeel_basisvoorwaarden`), /^1 van 3: Zelfredzaamheid: begeleiding en aanpassing/);

      for (const a of ASPECTS.slice(10)) await answerAspect(page, a);
      assert.deepEqual(await signals(page), [], 'every aspect has an answer');
      await assertHandreikingSummary(page);
      for (const [id, text] of [['kansen', 'Groenvoorziening met vaste collega.'], ['coaching', 'Omgaan met anderen.'],
        ['training', 'Werkafspraken.'], ['toezicht', 'Geen.'], ['eindoordeel', EINDOORDEEL]])
        await page.fill(`${H}${id}`, text);

      const answers = await stored(page, 'handreiking');
      assert.equal(answers.realiteitszin, 'nvt');
      assert.deepEqual(answers.omgaan_met_anderen_soort, ['werkvloer', 'werkomgeving']);
      await assertClean(page);
      await context.close();

      // the next day: a new browser on the same profile
      context = await launch();
      page = await openTool(context, 'handreiking');
      assert.equal(await page.inputValue('[data-dossier="naam"]'), 'Cliënt H-21');
      assert.equal(await page.inputValue(`${H}eindoordeel`), EINDOORDEEL);
      await assertHandreikingSummary(page);

      // the filled-in print view is the report (tests/browser/reports.test.mjs): the summary and the
      // whole eindoordeel, no form, no dossier controls
      await page.waitForSelector('.rapport-plek .rapport', { state: 'attached' });
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.isHidden('.dossier'), true);
      assert.equal(await page.isHidden('form.formulier'), true);
      const report = await page.textContent('.rapport');
      assert.ok(report.includes(expectedSummary('persoonlijke_kenmerken')), 'the summary table');
      assert.ok(report.includes(EINDOORDEEL), 'the whole eindoordeel');
      assert.equal(await page.isVisible('.rapport'), true);
      const pdf = await page.pdf({ format: 'A4' }); // "opslaan als PDF"
      assert.ok(pdf.length > 10000);
      await assertClean(page);
    } finally {
      await context.close();
      await fs.promises.rm(profile, { recursive: true, force: true });
    }
  });

  test('the blank paper version has every aspect, a starter question per leefgebied and the five choices', async () => {
    const context = await browser.newContext();
    const page = await newCheckedPage(context, null);
    await page.goto(pathToFileURL(path.join(SITE, 'hulpmiddelen/handreiking/gespreksformulier.html')).href);
    await page.emulateMedia({ media: 'print' });
    const headings = await page.$$eval('main h3', (hs) => hs.map((h) => h.textContent.trim()));
    assert.deepEqual(headings, ASPECTS.map((a, i) => `${i + 1}. ${a.naam}`));
    assert.equal(await page.locator('main .taak__vak').count(), 21 * 5);
    const plain = (t) => t.replace(/[’']/g, "'");
    const text = plain(await page.textContent('main'));
    for (const a of ASPECTS) assert.ok(text.includes(plain(a.voorbeeldvragen.werk[0])), `${a.id}: a question about werk`);
    assert.match(text, /Eindoordeel van de professional/);
    assert.ok((await page.pdf({ format: 'A4' })).length > 10000);
    assert.deepEqual(takeIssues(page), []);
    assert.deepEqual((await runAxe(page)).map((v) => v.summary), []);
    await context.close();
  });

  test('voorbeeldvragen: a page per aspect with at least three questions per leefgebied and a tip', async () => {
    const context = await browser.newContext();
    const page = await newCheckedPage(context, null);
    for (const a of ASPECTS) {
      await page.goto(pathToFileURL(path.join(SITE, `hulpmiddelen/voorbeeldvragen/${a.id.replace(/_/g, '-')}.html`)).href);
      for (const l of ['dagelijks-leven', 'school', 'stage', 'werk']) {
        const n = await page.locator(`main h2#${l} + ul > li`).count();
        assert.ok(n >= 3, `${a.id}/${l}: ${n} questions`);
      }
      // (the text may hold a glossary definition after a term, so compare the opening words)
      assert.ok((await page.textContent('main h2#tip + p')).startsWith(a.tip.slice(0, 40).replace(/'/g, '’')), `${a.id}: tip`);
    }
    assert.deepEqual(takeIssues(page), []);
    await context.close();
  });
});

// ---------------------------------------------------------------------------
// Leidraad formats and the checklist

const M = '#fv-matching-';
const MDEF = definition('matching');
const C = '#fv-coachingsplan-';
const CDEF = definition('coachingsplan');
async function fillMatching(page) {
  const rows = { 1: 'overbelasting', 2: 'match', 3: 'match', 4: 'onderbelasting', 5: 'match' };
  for (const [i, v] of Object.entries(rows)) {
    await page.fill(`${M}wnp_${i}`, `Werknemer, deel ${i}.`);
    await page.fill(`${M}wp_${i}`, `Werkplek, deel ${i}.`);
    await page.check(`${M}match_${i}-${optionIndex(MDEF, `match_${i}`, v)}`);
    if (v !== 'match') await page.check(`${M}termijn_${i}-0`);
    else assert.equal(await page.isHidden(`${M}termijn_${i}`), true);
  }
  assert.equal(await page.textContent(`${M}discrepanties`), '2');
}
async function fillGoal(page, i, discrepantie, uren) {
  await page.fill(`${C}doelen-${i}-doel`, `Doel ${i + 1}`);
  await page.selectOption(`${C}doelen-${i}-discrepantie`, discrepantie);
  await page.fill(`${C}doelen-${i}-activiteiten`, 'Afvinklijst maken (2 uur); samen doorlopen (1 uur per week).');
  await page.fill(`${C}doelen-${i}-uren`, String(uren));
  await page.fill(`${C}doelen-${i}-criterium`, 'Vier weken zonder afkeur.');
}
/** The old combined form (one form until issue 16) as a dossier stored it. */
const OLD_ANSWERS = {
  werknemer: 'W-12', wnp_1: 'Nauwkeurig met routinewerk.', wp_5: 'Inpakken en controleren.',
  match_1: 'overbelasting', termijn_1: 'kort', match_2: 'match', match_3: 'match', match_4: 'onderbelasting', termijn_4: 'lang', match_5: 'match',
  aandachtspunten: 'Tempo bij piekdrukte.', periode: '1 maart tot 1 september', jaar: '1', contracturen: '20', weken: '26',
  doelen: [{ doel: 'Zorgvuldiger werken.', discrepantie: '1', soort_doel: 'werkdoel', activiteiten: 'Afvinklijst maken.', uren: '52', criterium: 'Twee weken zonder afkeur.' }],
  loonwaarde: 'Van 50% naar 65%.', naam_jobcoach: 'P. Jansen', oud_veld: 'iets uit een nog oudere versie',
};

describe('Leidraad formats and the checklist', () => {
  test('coachingsplan: the matching\'s discrepancies of the same dossier, at most three goals, each from a discrepancy; percentage of contract hours', async () => {
    const context = await browser.newContext();
    const matching = await openTool(context, 'matching');
    await fillMatching(matching);
    await assertClean(matching);
    await matching.close();
    const page = await openTool(context, 'coachingsplan');
    // Part A reads the matching of this dossier, line by line
    assert.equal(await page.textContent(`${C}regel_1`), 'Overbelasting, korte termijn');
    assert.equal(await page.textContent(`${C}regel_2`), 'Er is een match');
    assert.equal(await page.textContent(`${C}regel_4`), 'Onderbelasting, korte termijn');
    assert.equal(await page.textContent(`${C}discrepanties`), '2');
    await page.check(`${C}jaar-0`);
    await page.fill(`${C}contracturen`, '20');
    await page.fill(`${C}weken`, '26');
    await fillGoal(page, 0, '1', 52);
    const add = `${C}doelen .groep__erbij`;
    await page.click(add);
    await fillGoal(page, 1, '2', 26); // row 2 is a match in the matching: not allowed
    await page.click('.formulier button[type=submit]');
    await page.waitForFunction(() => !!window.WijzerForms.Tool.prototype.check); // validation.js loads on first use
    const errors = await page.$$eval('.foutoverzicht a', (as) => as.map((a) => a.textContent));
    assert.deepEqual(errors, [CDEF.controles.find((c) => c.id === 'doel_zonder_discrepantie_2').melding]);
    await page.selectOption(`${C}doelen-1-discrepantie`, '4');
    assert.equal(await page.isHidden('.foutoverzicht'), true);
    assert.equal(await page.textContent(`${C}totaal_uren`), '78');
    assert.equal(await page.textContent(`${C}uren_per_week`), '3');
    assert.equal(await page.textContent(`${C}percentage`), '15');
    assert.deepEqual(await signals(page), []);
    await page.click(add);
    await fillGoal(page, 2, '4', 26);
    assert.equal(await page.isDisabled(add), true, 'no fourth goal');
    assert.deepEqual(await signals(page), ['boven_maximum']);
    await reload(page);
    assert.equal(await page.inputValue(`${C}doelen-2-uren`), '26');
    assert.equal(await page.textContent(`${C}percentage`), '20');
    assert.equal((await stored(page, 'coachingsplan')).doelen.length, 3);
    assert.equal((await stored(page, 'coachingsplan')).match_1, undefined, 'the matching\'s answers stay in the matching');
    await assertClean(page);
    await context.close();
  });

  test('coachingsplan: the hours of the urencalculator in the same dossier, as a number ("7,5")', async () => {
    const context = await browser.newContext();
    const page = await newCheckedPage(context, null);
    await gotoLoaded(page, pathToFileURL(path.join(SITE, 'hulpmiddelen/urencalculator.html')).href);
    await page.fill('#fv-urencalculator-coachinguren', '7,25');
    await page.waitForSelector('.rapport-plek .rapport', { state: 'attached' }); // its report files loaded
    await gotoLoaded(page, urlOf('coachingsplan'));
    assert.equal(await page.textContent(`${C}uren_urencalculator`), '7,3', 'a number, shown with one decimal');
    const read = await page.evaluate(() => {
      const tool = document.querySelector('.hulpmiddel').wijzerTool;
      return window.WijzerForms.evaluate(tool.def, tool.collect(), tool.others()).data;
    });
    assert.equal(read.dossier.urencalculator.coachinguren, 7.25, 'rules read a number, not the text "7,25"');
    assert.equal(read.uren_urencalculator, 7.25);
    assert.deepEqual(takeIssues(page), []);
    await context.close();
  });

  test('a dossier saved with the old combined form opens in the matching and the coachingsplan with every answer', async () => {
    const context = await browser.newContext();
    const page = await openTool(context, 'matching');
    await page.evaluate(([key, antwoorden]) => {
      const at = '2026-11-20T10:00:00.000Z';
      localStorage.setItem(key, JSON.stringify({ schema: 1, actief: 'd-oud', dossiers: [{ id: 'd-oud', naam: 'Cliënt W-12', gemaakt: at, gewijzigd: at,
        formulieren: { 'matching-coachingsplan': { versie: 1, gewijzigd: at, antwoorden } } }] }));
    }, [KEY, OLD_ANSWERS]);
    const coaching = await openTool(context, 'coachingsplan');  // opened first: reads the old matching answers too
    assert.equal(await coaching.textContent(`${C}regel_1`), 'Overbelasting, korte termijn');
    assert.equal(await coaching.textContent(`${C}regel_4`), 'Onderbelasting, lange termijn');
    assert.equal(await coaching.inputValue(`${C}doelen-0-doel`), 'Zorgvuldiger werken.');
    assert.equal(await coaching.inputValue(`${C}doelen-0-uren`), '52');
    assert.equal(await coaching.inputValue(`${C}contracturen`), '20');
    assert.equal(await coaching.inputValue(`${C}loonwaarde`), 'Van 50% naar 65%.');
    assert.equal(await coaching.inputValue(`${C}naam_jobcoach`), 'P. Jansen');
    assert.equal(await coaching.textContent(`${C}percentage`), '10');
    await reload(page);
    assert.equal(await page.inputValue(`${M}wnp_1`), 'Nauwkeurig met routinewerk.');
    assert.equal(await page.inputValue(`${M}aandachtspunten`), 'Tempo bij piekdrukte.');
    assert.equal(await page.isChecked(`${M}match_1-${optionIndex(MDEF, 'match_1', 'overbelasting')}`), true);
    assert.equal(await page.isChecked(`${M}termijn_4-1`), true);
    assert.equal(await page.textContent(`${M}discrepanties`), '2');
    const state = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), KEY));
    const forms = state.dossiers[0].formulieren;
    assert.deepEqual(Object.keys(forms).sort(), ['coachingsplan', 'matching', 'matching-coachingsplan'], 'both saved; the old entry kept as it was');
    assert.deepEqual(forms['matching-coachingsplan'].antwoorden, OLD_ANSWERS);
    // every old answer is in one of the new forms (or kept in the old entry when neither knows it)
    for (const [k, v] of Object.entries(OLD_ANSWERS)) {
      if (k === 'oud_veld') continue;
      assert.deepEqual(forms.matching.antwoorden[k] ?? forms.coachingsplan.antwoorden[k], v, k);
    }
    assert.deepEqual([...page.__requests, ...coaching.__requests], [], 'no request');
    assert.deepEqual(takeIssues(page), []);
    assert.deepEqual(takeIssues(coaching), []);
    await context.close();
  });

  test('toetsingskader: an incomplete set is not processed; a complete one gives the toetsingformat', async () => {
    const context = await browser.newContext();
    const page = await openTool(context, 'toetsingskader');
    const T = '#fv-toetsingskader-';
    const TDEF = definition('toetsingskader');
    await page.check(`${T}soort-0`);
    // Issue 16: all 15 questions can be read from the start; processing is blocked, with the reason.
    for (let n = 2; n <= 15; n++) assert.equal(await page.isVisible(`[data-sectie="tv${n}"]`), true, `toetsvraag ${n} at the start`);
    assert.equal(await page.isVisible('[data-sectie="format"]'), true);
    await page.check(`${T}stukken-0`);
    await page.check(`${T}stukken-1`);
    assert.deepEqual(await signals(page), ['set_niet_compleet']);
    assert.match(await page.textContent(`${T}set_compleet`), /^niet compleet, niet in behandeling nemen\. Nog nodig: afschrift van de arbeidsovereenkomst, alle onderdelen ingevuld, handtekening van de werknemer/);
    await page.check(`${T}eindconclusie-${optionIndex(TDEF, 'eindconclusie', 'positief')}`);
    await page.click('.formulier button[type=submit]');
    await page.waitForFunction(() => !!window.WijzerForms.Tool.prototype.check); // validation.js loads on first use
    const blocked = await page.$$eval('.foutoverzicht a', (as) => as.map((a) => a.textContent));
    assert.deepEqual(blocked, [TDEF.controles.find((c) => c.id === 'eindconclusie_zonder_set').melding], 'only the blocked conclusion: the questions are not required yet');
    await page.check(`${T}eindconclusie-${optionIndex(TDEF, 'eindconclusie', 'aanvullen')}`);
    // Ja before Nee in every question, the toetsingformat too
    const orders = await page.$$eval('fieldset.veld--keuzes', (fs) => fs.map((f) => [...f.querySelectorAll('.keuze__label')].map((l) => l.textContent))
      .filter((ls) => ls.includes('Ja') && ls.includes('Nee')).map((ls) => ls.join('/')));
    assert.equal(orders.length, 14, '15 toetsvragen, without toetsvraag 1; the format\'s lines are filled in');
    assert.deepEqual([...new Set(orders)], ['Ja/Nee']);
    await page.check(`${T}stukken-2`);
    for (let i = 0; i < 5; i++) await page.check(`${T}eisen-${i}`);
    assert.deepEqual(await signals(page), []);
    assert.equal(await page.isVisible('[data-sectie="tv15"]'), true);
    for (let n = 2; n <= 15; n++) {
      await page.check(`${T}tv${n}_check-0`);
      await page.check(`${T}tv${n}-${optionIndex(TDEF, `tv${n}`, n === 3 ? 'nee' : 'ja')}`);
    }
    assert.deepEqual(await signals(page), ['buiten_protocol']);
    await page.click('.formulier button[type=submit]');
    await page.waitForFunction(() => !!window.WijzerForms.Tool.prototype.check); // validation.js loads on first use
    const errors = await page.$$eval('.foutoverzicht a', (as) => as.map((a) => a.textContent));
    assert.ok(errors.includes(TDEF.controles.find((c) => c.id === 'tv3_nee_zonder_toelichting').melding));
    await page.fill(`${T}tv3_toelichting`, 'Loonwaarde 30%: individuele beoordeling.');
    assert.equal(await page.textContent(`${T}f4_toetsvragen`), 'Toetsvraag 5: ja; toetsvraag 6: ja; toetsvraag 7: ja; toetsvraag 8: ja; toetsvraag 9: ja');
    assert.equal(await page.textContent(`${T}f8_toetsvragen`), 'Toetsvraag 11: ja; toetsvraag 13: ja; toetsvraag 14: ja');
    // Issue 16: lines 4-9 of the toetsingformat are filled from their toetsvragen, so print and copy carry them
    for (const f of ['f4', 'f5', 'f6', 'f7', 'f8', 'f9']) assert.equal(await page.textContent(`${T}${f}`), 'Ja', f);
    await page.check(`${T}tv13-${optionIndex(TDEF, 'tv13', 'nee')}`);
    assert.equal(await page.textContent(`${T}f8`), 'Nee', 'one linked nee makes the line nee');
    assert.equal(await page.textContent(`${T}f9`), 'Ja', 'a line that does not rest on it stays ja');
    await page.fill(`${T}tv13_toelichting`, 'Reistijd telt mee.');
    await page.check(`${T}eindconclusie-2`);
    await page.fill(`${T}eindconclusie_toelichting`, 'Eerst de individuele rapportage.');
    assert.equal(await page.isHidden('.foutoverzicht'), true);
    assert.equal(await page.textContent(`${T}f1`), 'Ja');
    assert.equal(await page.textContent(`${T}f3`), 'Nee');
    assert.equal(await page.textContent(`${T}aantal_nee`), '2', 'toetsvraag 3 and 13');
    await page.waitForSelector('.rapport-plek .rapport', { state: 'attached' });
    await page.waitForFunction(() => /toetsvraag 13: nee/.test(document.querySelector('.rapport').textContent)); // the report follows the answers
    const report = (await page.textContent('.rapport')).replace(/\s+/g, ' ');
    assert.match(report, /8\. Is het gevraagde aantal uren aannemelijk\?\s*Nee/, 'the printed format carries line 8');
    assert.match(report, /4\. Is de matchingsinformatie [^?]*\?\s*Ja/, 'and line 4');
    await assertClean(page);
    await context.close();
  });

  test('logboek: per goal behaald / deels / niet and the hours; signatures as fields', async () => {
    const context = await browser.newContext();
    const page = await openTool(context, 'logboek');
    const L = '#fv-logboek-';
    await page.fill(`${L}geplande_uren`, '78');
    await page.fill(`${L}doelen-0-doel`, 'Zorgvuldiger werken.');
    await page.fill(`${L}doelen-0-activiteiten`, '3 maart: afvinklijst gemaakt.');
    await page.fill(`${L}doelen-0-uren`, '40');
    await page.check(`${L}doelen-0-resultaat-0`);
    await page.click(`${L}doelen .groep__erbij`);
    await page.fill(`${L}doelen-1-doel`, 'Pauzes met collega’s.');
    await page.fill(`${L}doelen-1-activiteiten`, '10 maart: gesprek met leidinggevende.');
    await page.fill(`${L}doelen-1-uren`, '30');
    await page.check(`${L}doelen-1-resultaat-1`);
    await page.fill(`${L}overig_uren`, '4');
    assert.equal(await page.textContent(`${L}totaal_uren`), '74');
    assert.equal(await page.textContent(`${L}behaald`), '1');
    assert.equal(await page.textContent(`${L}deels`), '1');
    assert.equal(await page.textContent(`${L}verschil`), '-4');
    assert.deepEqual(await signals(page), ['doel_niet_gehaald']);
    for (const n of ['jobcoach', 'werknemer', 'werkgever']) await page.fill(`${L}naam_${n}`, `Naam ${n}`);
    await page.click('.formulier button[type=submit]');
    await page.waitForFunction(() => !!window.WijzerForms.Tool.prototype.check); // validation.js loads on first use
    assert.equal(await page.isHidden('.foutoverzicht'), true);
    await assertClean(page);
    await context.close();
  });

  test('checklist duurzame plaatsing: ratings and risk signals give the printable overview', async () => {
    const context = await browser.newContext();
    const page = await openTool(context, 'checklist-duurzame-plaatsing');
    const C = '#fv-checklist-duurzame-plaatsing-';
    await page.fill(`${C}opleiding`, 'Praktijkonderwijs');
    await page.check(`${C}motivatie-0`);
    await page.check(`${C}mentale_belastbaarheid-2`);
    await page.check(`${C}steun_leidinggevende-1`);
    await page.check(`${C}signalen_lijst-3`);
    await page.check(`${C}signalen_lijst-16`);
    assert.equal(await page.textContent(`${C}aantal_risico`), '1');
    assert.equal(await page.textContent(`${C}aantal_signalen`), '2');
    assert.equal(await page.textContent(`${C}overzicht_mentale_belastbaarheid`), 'risico');
    assert.equal(await page.textContent(`${C}overzicht_steun_leidinggevende`), 'aandachtspunt');
    assert.equal(await page.isHidden(`${C}overzicht_motivatie`), true);
    assert.deepEqual(await signals(page), ['risicos']);
    await page.waitForSelector('.rapport-plek .rapport', { state: 'attached' });
    await page.emulateMedia({ media: 'print' });
    await page.waitForFunction(() => /risico/.test(document.querySelector('.rapport').textContent)); // the printed overview
    assert.equal(await page.isVisible('.rapport'), true);
    await assertClean(page);
    await context.close();
  });

  test('one dossier holds every tool of one client, and exports as one file', async () => {
    const context = await browser.newContext();
    let page = await openTool(context, 'handreiking');
    await page.fill('[data-dossier="naam"]', 'Cliënt Z-9');
    await page.check(`${H}dak_boven_het_hoofd-1`);
    await page.close();
    page = await openTool(context, 'matching');
    await page.fill(`${M}wnp_1`, 'Sterk in routinewerk.');
    await page.close();
    page = await openTool(context, 'coachingsplan');
    await page.fill(`${C}periode`, 'maart tot september');
    await page.close();
    page = await openTool(context, 'logboek');
    await page.fill('#fv-logboek-periode', 'maart tot september');
    await page.close();
    page = await openTool(context, 'toetsingskader');
    await page.check('#fv-toetsingskader-soort-0');
    await page.close();
    page = await openTool(context, 'checklist-duurzame-plaatsing');
    assert.equal(await page.inputValue('[data-dossier="naam"]'), 'Cliënt Z-9');
    await page.check('#fv-checklist-duurzame-plaatsing-motivatie-0');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-dossier="exporteer"]')]);
    const file = path.join(await fs.promises.mkdtemp(path.join(os.tmpdir(), 'wijzer-dossier-')), download.suggestedFilename());
    await download.saveAs(file);
    const exported = JSON.parse(await fs.promises.readFile(file, 'utf8'));
    assert.equal(exported.naam, 'Cliënt Z-9');
    assert.deepEqual(Object.keys(exported.formulieren).sort(), Object.keys(TOOLS).sort());
    assert.equal(exported.formulieren.handreiking.antwoorden.dak_boven_het_hoofd, 'geen');
    assert.equal(exported.formulieren.logboek.antwoorden.periode, 'maart tot september');
    await fs.promises.rm(path.dirname(file), { recursive: true, force: true });
    assert.deepEqual(takeIssues(page), []);
    await context.close();
  });

  test('every rule example of every tool holds in the browser too', async () => {
    const context = await browser.newContext();
    for (const id of Object.keys(TOOLS)) {
      const def = definition(id);
      const page = await openTool(context, id);
      const results = await page.evaluate(([formId, examples]) => {
        const d = JSON.parse(document.getElementById(`fv-${formId}-definitie`).textContent);
        return examples.map((ex) => {
          const r = window.WijzerForms.evaluate(d, ex.invoer, ex.dossier);
          return { data: r.data, signalen: r.signals.map((s) => s.id).sort(), fouten: r.errors.map((e) => e.id).sort() };
        });
      }, [id, def.voorbeelden]);
      assert.ok(def.voorbeelden.length >= 2, `${id}: rule examples`);
      for (const [i, ex] of def.voorbeelden.entries()) {
        const r = results[i];
        for (const [key, want] of Object.entries(ex.verwacht)) {
          if (key === 'signalen' || key === 'fouten') continue;
          if (typeof want === 'number') assert.ok(Math.abs(r.data[key] - want) < 1e-9 * Math.max(1, Math.abs(want)), `${id} / ${ex.naam}: ${key} = ${r.data[key]}, expected ${want}`);
          else assert.deepEqual(r.data[key], want, `${id} / ${ex.naam}: ${key}`);
        }
        assert.deepEqual(r.signalen, [...(ex.verwacht.signalen || [])].sort(), `${id} / ${ex.naam}: signalen`);
        assert.deepEqual(r.fouten, [...(ex.verwacht.fouten || [])].sort(), `${id} / ${ex.naam}: fouten`);
      }
      await page.close();
    }
    await context.close();
  });
});

// ---------------------------------------------------------------------------
// Forms added for issue 17: fill, reload, still there (and stored in the dossier); their rule
// examples hold in the browser; axe clean.

const NEW_TOOLS = {
  'opdracht-jobcoach': {
    page: 'hulpmiddelen/gemeente/opdracht-jobcoach.html', file: 'content/hulpmiddelen/gemeente/opdracht-jobcoach.form.json',
    text: ['leerpunten', 'Zelfstandig de kassa opmaken.'], radio: null, groupText: ['doelen-0-doel', 'Binnen drie maanden zelfstandig openen.'],
  },
  'plan-van-aanpak': {
    page: 'hulpmiddelen/gemeente/plan-van-aanpak.html', file: 'content/hulpmiddelen/gemeente/plan-van-aanpak.form.json',
    text: ['talenten', 'Nauwkeurig en trouw.'], radio: ['soort', 'vervolg'], groupText: ['doelen-0-doel', 'Pauzes samen met collega’s.'],
    shown: 'verlenging',
  },
  'reflectie-grijze-gebied': {
    page: 'hulpmiddelen/gemeente/reflectie-grijze-gebied.html', file: 'content/hulpmiddelen/gemeente/reflectie-grijze-gebied.form.json',
    text: ['client', 'K-12'], radio: ['r_nazorg', 'ja'], shown: 't_nazorg',
  },
  'werkblad-vijfstappen': {
    page: 'hulpmiddelen/vijfstappen/werkblad.html', file: 'content/hulpmiddelen/vijfstappen/werkblad-vijfstappen.form.json',
    text: ['klachten', 'Loopt vast bij drukte.'], radio: ['uitkering', 'geen'], signal: 'geen_uitkering',
  },
};

describe('forms added for issue 17', () => {
  for (const [id, t] of Object.entries(NEW_TOOLS)) {
    test(`${id}: fill, reload, still there; examples hold in the browser; axe clean`, async () => {
      const def = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, t.file), 'utf8'));
      const P = `#fv-${id}-`;
      const context = await browser.newContext();
      const page = await newCheckedPage(context, null);
      page.__requests = [];
      page.on('request', (req) => {
        if (page.__loaded && !req.url().startsWith('blob:') && !OWN_FILE.test(req.url())) page.__requests.push(req.url());
      });
      await gotoLoaded(page, pathToFileURL(path.join(SITE, t.page)).href);
      if (t.shown) assert.equal(await page.isHidden(`${P}${t.shown}`), true, `${t.shown} is hidden before the answer`);
      await page.fill(`${P}${t.text[0]}`, t.text[1]);
      if (t.radio) await page.check(`${P}${t.radio[0]}-${optionIndex(def, t.radio[0], t.radio[1])}`);
      if (t.groupText) await page.fill(`${P}${t.groupText[0]}`, t.groupText[1]);
      if (t.shown) assert.equal(await page.isVisible(`${P}${t.shown}`), true, `${t.shown} shows after the answer`);
      if (t.signal) assert.deepEqual(await signals(page), [t.signal]);
      await reload(page);
      assert.equal(await page.inputValue(`${P}${t.text[0]}`), t.text[1], 'text is back after a reload');
      if (t.radio) assert.equal(await page.isChecked(`${P}${t.radio[0]}-${optionIndex(def, t.radio[0], t.radio[1])}`), true, 'choice is back');
      if (t.groupText) assert.equal(await page.inputValue(`${P}${t.groupText[0]}`), t.groupText[1], 'group item is back');
      const saved = await stored(page, id);
      assert.equal(saved[t.text[0]], t.text[1], 'stored in the dossier');
      const examples = def.voorbeelden || [];
      const results = await page.evaluate(([formId, exs]) => {
        const d = JSON.parse(document.getElementById(`fv-${formId}-definitie`).textContent);
        return exs.map((ex) => {
          const r = window.WijzerForms.evaluate(d, ex.invoer, ex.dossier);
          return { data: r.data, signalen: r.signals.map((s) => s.id).sort(), fouten: r.errors.map((e) => e.id).sort() };
        });
      }, [id, examples]);
      for (const [i, ex] of examples.entries()) {
        for (const [key, want] of Object.entries(ex.verwacht)) {
          if (key === 'signalen' || key === 'fouten') continue;
          assert.deepEqual(results[i].data[key], want, `${id} / ${ex.naam}: ${key}`);
        }
        assert.deepEqual(results[i].signalen, [...(ex.verwacht.signalen || [])].sort(), `${id} / ${ex.naam}: signalen`);
        assert.deepEqual(results[i].fouten, [...(ex.verwacht.fouten || [])].sort(), `${id} / ${ex.naam}: fouten`);
      }
      await assertClean(page);
      await context.close();
    });
  }
});
