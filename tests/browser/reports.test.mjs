// Browser tests of the print reports and "Kopieer als tekst" (issue 16, items 5 and 6): a filled-in
// tool prints as a compact report (header with client, print date and professional, only what was
// answered, one line naming what was not assessed, a signature block where the format asks for
// one, "pagina N van M"), checked in the PDF with pdftotext/pdfinfo (poppler-utils); a blank tool
// still prints as a whole paper form; the report goes to the clipboard as HTML and plain text, or
// into a selectable box where the clipboard is refused (file://).
//
//   WIJZER_SITE=build/portal-site node --test tests/browser/reports.test.mjs

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
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
const PAGES = {
  handreiking: 'hulpmiddelen/handreiking/invullen.html',
  urencalculator: 'hulpmiddelen/urencalculator.html',
  logboek: 'hulpmiddelen/leidraad-formats/logboek.html',
  matching: 'hulpmiddelen/leidraad-formats/matching.html',
  coachingsplan: 'hulpmiddelen/leidraad-formats/coachingsplan.html',
};
const ASPECTEN = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'content/hulpmiddelen/handreiking/aspecten.json'), 'utf8'));
const ASPECTS = ASPECTEN.clusters.flatMap((c) => c.aspecten);
// Printed pages of the filled examples above (issue 16: measured, then fixed as a ceiling).
const MATCHING_PAGES = 2, PLAN_PAGES = 2;
const TODAY = new Date().toLocaleDateString('nl-NL', { day: 'numeric', month: 'long', year: 'numeric' });

let browser;
before(async () => {
  assertSiteExists(SITE);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

async function open(context, id, base = null) {
  const page = await newCheckedPage(context, base ? new URL(base).origin : null);
  await page.goto(base ? base + PAGES[id] : pathToFileURL(path.join(SITE, PAGES[id])).href, { waitUntil: 'load' });
  await page.waitForFunction(() => document.querySelector('.hulpmiddel.js'));
  return page;
}

/** The index of the option with value `value` of a radio/checkbox field on the page. */
const option = (page, form, id, value) =>
  page.$eval(`#fv-${form}-${id}`, (box, v) => [...box.querySelectorAll('input')].findIndex((i) => i.value === v), value);

/** The handreiking as a professional fills it in for one client: 6 of 21 aspects. */
async function fillHandreiking(page) {
  const H = '#fv-handreiking-';
  await page.fill(`${H}client`, 'H-21');
  await page.fill(`${H}professional`, 'J. de Vries, arbeidsdeskundige');
  await page.fill(`${H}datum`, '2026-12-01');
  await page.fill(`${H}situatie`, 'Wil in de groenvoorziening werken; nog geen werkplek.');
  for (const [i, a] of ASPECTS.slice(0, 6).entries()) {
    const oordeel = i < 4 ? 'begeleiding' : 'geen';
    await page.check(`${H}${a.id}-${await option(page, 'handreiking', a.id, oordeel)}`);
    if (oordeel === 'geen') continue;
    await page.check(`${H}${a.id}_duur-${await option(page, 'handreiking', `${a.id}_duur`, 'lang')}`);
    await page.check(`${H}${a.id}_intensiteit-${await option(page, 'handreiking', `${a.id}_intensiteit`, 'gemiddeld')}`);
    await page.check(`${H}${a.id}_soort-0`);
    await page.fill(`${H}${a.id}_onderbouwing`, `Onderbouwing bij ${a.naam.toLowerCase()}: twee zinnen over wat er in het gesprek bleek. Afspraken op papier helpen.`);
  }
  await page.fill(`${H}eindoordeel`, 'Langdurige begeleiding op de werkvloer, gemiddelde intensiteit.');
  await reportReady(page);
}

async function fillUren(page) {
  const P = '#fv-urencalculator-';
  await page.fill(`${P}contracturen`, '20');
  await page.check(`${P}contract-0`);
  await page.check(`${P}jaar-0`);
  await page.fill(`${P}coachinguren`, '3');
  await reportReady(page);
}

async function fillLogboek(page) {
  const L = '#fv-logboek-';
  await page.fill(`${L}werknemer`, 'L-07');
  await page.fill(`${L}periode`, 'oktober 2026');
  await page.fill(`${L}geplande_uren`, '12');
  await page.fill(`${L}doelen-0-doel`, 'Zelfstandig de werkdag starten.');
  await page.fill(`${L}doelen-0-uren`, '4');
  await page.check(`${L}doelen-0-resultaat-0`);
  await page.fill(`${L}naam_jobcoach`, 'P. Jansen');
  await page.fill(`${L}naam_werknemer`, 'L-07');
  await reportReady(page);
}

/** The matching as an arbeidsdeskundige fills it in: both profiles, five lines, two discrepancies. */
async function fillMatching(page) {
  const M = '#fv-matching-';
  await page.fill(`${M}werknemer`, 'M-05');
  await page.fill(`${M}werkgever`, 'Kwekerij De Linde, medewerker inpak');
  const rows = { 1: 'overbelasting', 2: 'match', 3: 'match', 4: 'onderbelasting', 5: 'match' };
  for (const [i, v] of Object.entries(rows)) {
    await page.fill(`${M}wnp_${i}`, `Werknemer, deel ${i}: drie zinnen over wat hij kan en wat hem helpt. Uit het gesprek en de stage. Bevestigd door de vorige werkgever.`);
    await page.fill(`${M}wp_${i}`, `Werkplek, deel ${i}: wat het werk vraagt, in twee zinnen. Gezien op de werkvloer.`);
    await page.check(`${M}match_${i}-${await option(page, 'matching', `match_${i}`, v)}`);
    if (v !== 'match') await page.check(`${M}termijn_${i}-0`);
    await page.fill(`${M}matching_toelichting_${i}`, v === 'match' ? 'Past.' : 'Het werk vraagt meer zorgvuldigheid dan hij nu laat zien.');
  }
  await page.fill(`${M}aandachtspunten`, 'Zorgvuldigheid en tempo bij piekdrukte.');
  await reportReady(page);
}

/** The coachingsplan after that matching: two goals, hours, the names of the three who sign. */
async function fillCoachingsplan(page) {
  const C = '#fv-coachingsplan-';
  await page.fill(`${C}werknemer`, 'M-05');
  await page.fill(`${C}periode`, '1 maart tot 1 september 2027');
  await page.check(`${C}jaar-0`);
  await page.fill(`${C}contracturen`, '20');
  await page.fill(`${C}weken`, '26');
  for (const [i, [d, uren]] of [['1', 52], ['4', 26]].entries()) {
    if (i) await page.click(`${C}doelen .groep__erbij`);
    await page.fill(`${C}doelen-${i}-doel`, `Doel bij regel ${d}: binnen acht weken zelfstandig en foutloos de ochtendorders inpakken.`);
    await page.selectOption(`${C}doelen-${i}-discrepantie`, d);
    await page.fill(`${C}doelen-${i}-activiteiten`, 'Afvinklijst maken (2 uur); werkopdracht samen doorlopen (1 uur per week).');
    await page.fill(`${C}doelen-${i}-uren`, String(uren));
    await page.fill(`${C}doelen-${i}-criterium`, 'Vier weken zonder afkeur.');
  }
  await page.fill(`${C}rol_werkgever`, 'De teamleider bespreekt elke vrijdag de week met de werknemer.');
  await page.fill(`${C}datum`, '2027-02-20');
  await page.fill(`${C}naam_werknemer`, 'M-05');
  await page.fill(`${C}naam_werkgever`, 'A. Bakker');
  await page.fill(`${C}naam_jobcoach`, 'P. Jansen');
  await reportReady(page);
}

/** The report is made once the tool holds answers (report.js loads then). */
const reportReady = (page) => page.waitForSelector('.rapport-plek .rapport', { state: 'attached' });

/** The page printed as A4 PDF: its number of pages and its text per page (pdftotext). */
async function printed(page, name, keep = '') {
  const file = path.join(os.tmpdir(), `wijzer-rapport-${process.pid}-${name}.pdf`);
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: file, format: 'A4', preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)[1]);
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  if (keep) fs.copyFileSync(file, path.join(keep, `${name}.pdf`));  // to look at it
  fs.rmSync(file, { force: true });
  return { pages, text, perPage: text.split('\f') };
}

/** What a report must never hold: placeholders, link targets, help texts, rules, buttons. */
function assertCompact(text, what) {
  assert.doesNotMatch(text, /\[/, `${what}: no placeholder or link target in brackets`);
  assert.doesNotMatch(text, /\(\.\.?\//, `${what}: no relative link target`);
  assert.doesNotMatch(text, /Rekenregel:|Rekenregels en signalen|Alleen van toepassing/, `${what}: no rules or conditions`);
  assert.doesNotMatch(text, /Uw gegevens blijven op dit apparaat|Dossier exporteren/, `${what}: no storage notice or controls`);
}

describe('print reports', () => {
  test('handreiking with 6 of 21 aspects: at most 3 A4 pages, header, only what was answered', async () => {
    const context = await browser.newContext();
    const page = await open(context, 'handreiking');
    await fillHandreiking(page);
    const { pages, text, perPage } = await printed(page, 'handreiking');
    assert.ok(pages <= 3, `handreiking prints on ${pages} pages (at most 3)`);
    const first = perPage[0];
    assert.match(first, /H-21/, 'client code on page 1');
    assert.ok(first.includes(TODAY), `print date ${TODAY} on page 1`);
    assert.match(first, /J\. de Vries/, 'professional on page 1');
    assert.match(first, new RegExp(`pagina 1 van ${pages}`), 'page numbers');
    assertCompact(text, 'handreiking');
    const f = ASPECTEN.formulier;
    assert.ok(!text.includes(f.aspect.oordeel_hint.slice(0, 30)), 'no help text of an aspect');
    assert.ok(!text.includes(f.inleiding.slice(0, 30)), 'no instructions');
    const unchosen = f.oordelen.find((o) => o.waarde === 'aanpassing').label;
    assert.ok(!text.includes(unchosen), 'no unchosen options');
    assert.match(text, /Niet beoordeeld:/, 'one line names what was not assessed');
    const flat = text.replace(/\s+/g, ' ');
    assert.ok(flat.includes(ASPECTS[20].naam), 'an unassessed aspect is named');
    assert.ok(flat.includes('Langdurige begeleiding op de werkvloer'), 'the closing judgement');
    assert.ok(flat.includes(`Onderbouwing bij ${ASPECTS[0].naam.toLowerCase()}`), 'an answer');
    for (const c of ASPECTEN.clusters) assert.ok(flat.includes(c.naam), `summary row ${c.naam}`);
    assert.deepEqual(takeIssues(page), []);
    await context.close();
  });

  test('urencalculator: header, the answers and the outcome table', async () => {
    const context = await browser.newContext();
    const page = await open(context, 'urencalculator');
    await page.fill('[data-dossier="naam"]', 'U-33');
    await fillUren(page);
    const { pages, text, perPage } = await printed(page, 'uren');
    assert.equal(pages, 1, 'one page');
    assert.match(perPage[0], /U-33/);
    assert.ok(perPage[0].includes(TODAY));
    assertCompact(text, 'urencalculator');
    const flat = text.replace(/\s+/g, ' ');
    assert.match(flat, /Contracturen per week/);
    assert.match(flat, /20 uur per week/, 'an answer with its unit');
    assert.match(flat, /Maximum uren jobcoaching per jaar/, 'the outcome table');
    assert.match(flat, /156 uur per jaar/, 'the computed maximum');
    await context.close();
  });

  test('logboek: the goal, a signature block with names, page numbers', async () => {
    const context = await browser.newContext();
    const page = await open(context, 'logboek');
    await fillLogboek(page);
    const { pages, text, perPage } = await printed(page, 'logboek');
    assert.equal(pages, 1);
    assert.match(perPage[0], /L-07/);
    assert.match(perPage[0], /P\. Jansen/);
    assert.match(text, /Handtekening/);
    assert.equal((text.match(/Handtekening:/g) || []).length, 3, 'three signers');
    assert.match(text, /pagina 1 van 1/);
    assert.match(text.replace(/\s+/g, ' '), /Zelfstandig de werkdag starten\./);
    assertCompact(text, 'logboek');
    await context.close();
  });

  test('matching and coachingsplan (issue 16): the coachingsplan prints the discrepancies it read and a signature block', async () => {
    const context = await browser.newContext();
    const matching = await open(context, 'matching');
    await fillMatching(matching);
    const m = await printed(matching, 'matching');
    console.log(`# matching (filled example) prints on ${m.pages} A4 pages`);
    assert.ok(m.pages <= MATCHING_PAGES, `matching prints on ${m.pages} pages (at most ${MATCHING_PAGES})`);
    const mText = m.text.replace(/\s+/g, ' ');
    assert.match(mText, /M-05/);
    assert.match(mText, /Er is overbelasting/);
    assert.match(m.text, new RegExp(`pagina 1 van ${m.pages}`));
    assert.equal((m.text.match(/Handtekening:/g) || []).length, 0, 'the matching has no signature block');
    assertCompact(m.text, 'matching');
    const plan = await open(context, 'coachingsplan');
    await fillCoachingsplan(plan);
    const c = await printed(plan, 'coachingsplan', process.env.WIJZER_KEEP_PDF);
    console.log(`# coachingsplan (filled example) prints on ${c.pages} A4 pages`);
    assert.ok(c.pages <= PLAN_PAGES, `coachingsplan prints on ${c.pages} pages (at most ${PLAN_PAGES})`);
    const cText = c.text.replace(/\s+/g, ' ');
    assert.match(cText, /Overbelasting, korte termijn/, 'the discrepancies read from the matching');
    assert.match(cText, /Doel bij regel 4: binnen acht weken/);
    assert.match(cText, /A\. Bakker/);
    assert.equal((c.text.match(/Handtekening:/g) || []).length, 3, 'werknemer, werkgever and jobcoach sign');
    assertCompact(c.text, 'coachingsplan');
    await plan.evaluate(() => { navigator.clipboard.write = () => Promise.reject(new Error('refused')); });
    await plan.click('[data-dossier="kopieer"]');
    await plan.waitForSelector('[data-dossier="kopie"]:not([hidden])');
    const copied = await plan.inputValue('#fv-coachingsplan-kopie');
    assert.match(copied, /^Coachingsplan/);
    assert.match(copied, /Overbelasting, korte termijn/);
    assert.match(copied, /Handtekening/);
    assert.deepEqual(takeIssues(matching), []);
    assert.deepEqual(takeIssues(plan), []);
    await context.close();
  });

  test('a blank tool still prints as the whole paper form', async () => {
    const context = await browser.newContext();
    const page = await open(context, 'logboek');
    const { text } = await printed(page, 'blank');
    assert.doesNotMatch(text, /Niet beoordeeld:/);
    assert.match(text, /Naam van de werknemer|Werknemer/);
    assert.equal(await page.locator('.rapport').count(), 0);
    await context.close();
  });
});

describe('Kopieer als tekst', () => {
  test('from a server: HTML and plain text on the clipboard', async () => {
    const server = await startStaticServer(SITE);
    const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    const page = await open(context, 'urencalculator', server.baseUrl);
    await page.fill('[data-dossier="naam"]', 'U-33');
    await fillUren(page);
    await page.click('[data-dossier="kopieer"]');
    await page.waitForFunction(() => /klembord/.test(document.querySelector('[data-dossier="status"]').textContent));
    const clip = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      const get = async (type) => (item.types.includes(type) ? (await item.getType(type)).text() : null);
      return { html: await get('text/html'), text: await get('text/plain') };
    });
    assert.match(clip.text, /^Urencalculator/);
    assert.match(clip.text, /U-33/);
    assert.match(clip.text, /Contracturen per week: 20 uur per week/);
    assert.doesNotMatch(clip.text, /Rekenregel:|\[/);
    assert.match(clip.html, /<strong>Contracturen per week: <\/strong>20 uur per week/);
    assert.match(clip.html, /<table border="1"/);
    assert.doesNotMatch(clip.html, /class=|data-rapport/);
    assert.equal(await page.isHidden('[data-dossier="kopie"]'), true, 'no fallback box when the clipboard works');
    assert.deepEqual(takeIssues(page), []);
    await context.close();
    await server.close();
  });

  test('on file:// without clipboard permission: the text in a selectable box', async () => {
    const context = await browser.newContext();
    const page = await open(context, 'logboek');
    assert.equal(await page.isHidden('[data-dossier="kopieer"]'), true, 'nothing to copy before the first answer');
    assert.equal(await page.evaluate(() => !!window.WijzerReport), false, 'a blank tool does not load the report');
    await fillLogboek(page);
    await page.evaluate(() => { navigator.clipboard.write = () => Promise.reject(new Error('refused')); });
    await page.click('[data-dossier="kopieer"]');
    await page.waitForSelector('[data-dossier="kopie"]:not([hidden])');
    const value = await page.inputValue('#fv-logboek-kopie');
    assert.match(value, /^Logboek/);
    assert.match(value, /Zelfstandig de werkdag starten\./);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'fv-logboek-kopie', 'focus on the text');
    assert.match(await page.textContent('[data-dossier="status"]'), /Ctrl\+C/);
    assert.deepEqual((await runAxe(page)).map((v) => v.summary), []);
    assert.deepEqual(takeIssues(page), []);
    await context.close();
  });
});
