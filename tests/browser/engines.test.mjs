// The same scenarios in each browser engine (WIJZER_ENGINE=chromium|firefox; see engines.mjs):
// the urencalculator with reload, a dossier exported, wiped, imported and reloaded, client data
// that must never be lost or shown unstored (issue 13, finding 6), the wizard with and without
// JavaScript, and search (result URLs stay inside the site: finding 5). From file:// and from a
// server sub-folder.
//
//   WIJZER_ENGINE=firefox WIJZER_SITE=build/portal-site node --test tests/browser/engines.test.mjs

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { assertSiteExists, pathToFileURL, siteDir, startStaticServer } from './lib.mjs';
import { launchEngine } from './engines.mjs';

const ENGINE = process.env.WIJZER_ENGINE || 'chromium';
const SITE = siteDir();
const KEY = 'begeleidingswijzer.dossiers';
const CALC = 'hulpmiddelen/urencalculator.html';
const LOGBOEK = 'hulpmiddelen/leidraad-formats/logboek.html';
const P = '#fv-urencalculator-';
const STATUS = '[data-dossier="status"]';

let engine;
let server;
before(async () => {
  assertSiteExists(SITE);
  engine = await launchEngine(ENGINE);
  server = await startStaticServer(SITE);
});
after(async () => {
  await engine?.close();
  await server?.close();
});

const fileUrl = (rel, dir = SITE) => pathToFileURL(path.join(dir, rel)).href;

async function openTool(rel, base = null) {
  const tab = await engine.newTab();
  await tab.goto(base ? base + rel : fileUrl(rel));
  await tab.waitFor(() => document.querySelector('.hulpmiddel.js'));
  return tab;
}
/** A tool page with empty storage. */
async function freshTool(rel) {
  const tab = await openTool(rel);
  await tab.evaluate(() => localStorage.clear());
  await reloadTool(tab);
  return tab;
}
/** No uncaught error on the page; closes it. */
async function finish(tab) {
  assert.deepEqual(tab.problems, []);
  await tab.close();
}
async function reloadTool(tab) {
  await tab.reload();
  await tab.waitFor(() => document.querySelector('.hulpmiddel.js'));
}
const value = (tab, sel) => tab.evaluate((s) => document.querySelector(s).value, sel);
const text = (tab, sel) => tab.evaluate((s) => document.querySelector(s).textContent, sel);
const stored = (tab) => tab.evaluate((k) => localStorage.getItem(k), KEY);

/** Imports `content` as if the user chose a file (the same File + change event in every engine). */
async function importText(tab, content, name = 'dossier.json') {
  const before = await text(tab, STATUS);
  await tab.evaluate(([c, n]) => {
    const input = document.querySelector('[data-dossier="import"]');
    const dt = new DataTransfer();
    dt.items.add(new File([c], n, { type: 'application/json' }));
    input.files = dt.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, [content, name]);
  await tab.waitFor((b) => { const s = document.querySelector('[data-dossier="status"]').textContent; return s && s !== b; }, before);
  return text(tab, STATUS);
}
/** Clicks "Dossier exporteren" and returns the file's text (the Blob handed to the download link). */
async function exportText(tab) {
  await tab.evaluate(() => {
    const create = URL.createObjectURL;
    URL.createObjectURL = (blob) => { window.__export = blob.text(); return create.call(URL, blob); };
  });
  await tab.click('[data-dossier="exporteer"]');
  await tab.waitFor(() => window.__export);
  return tab.evaluate(() => window.__export);
}
/** Fills localStorage of this origin to the brim with a filler key; returns its length. */
const fillStorage = (tab) =>
  tab.evaluate(() => {
    let filler = '';
    for (let chunk = 1 << 22; chunk >= 1; chunk >>= 1) {
      for (;;) {
        try {
          localStorage.setItem('vulling', filler + 'x'.repeat(chunk));
          filler += 'x'.repeat(chunk);
        } catch {
          break;
        }
      }
    }
    return filler.length;
  });
const dossierFile = (formulieren, naam = 'Geïmporteerd') => JSON.stringify({ bestand: 'begeleidingswijzer-dossier', schema: 1, naam, formulieren });

async function fillCalculator(tab) {
  await tab.type(`${P}contracturen`, '20');
  await tab.click(`${P}contract-0`);
  await tab.click(`${P}jaar-0`);
  await tab.type(`${P}coachinguren`, '3');
}

describe(`${ENGINE}: urencalculator and dossiers`, () => {
  for (const where of ['file://', 'server sub-folder']) {
    test(`fill in, reload, export → Alles wissen → import → reload (${where})`, async () => {
      const tab = await openTool(CALC, where === 'file://' ? null : server.baseUrl);
      await fillCalculator(tab);
      assert.equal(await text(tab, `${P}max_uren_jaar`), '156');
      await tab.type('[data-dossier="naam"]', 'Cliënt F-1');
      await reloadTool(tab);
      assert.equal(await value(tab, `${P}contracturen`), '20', 'kept across a reload');
      assert.equal(await text(tab, `${P}max_uren_jaar`), '156');

      const file = await exportText(tab);
      assert.equal(JSON.parse(file).formulieren.urencalculator.antwoorden.contracturen, '20');
      await tab.click('[data-dossier="wis"]');
      await tab.click('[data-dossier="ja"]');
      assert.equal(await stored(tab), null, 'Alles wissen leaves nothing');
      assert.equal(await value(tab, `${P}contracturen`), '');

      assert.match(await importText(tab, file), /is geïmporteerd en geopend/);
      assert.equal(await value(tab, '[data-dossier="naam"]'), 'Cliënt F-1');
      await reloadTool(tab);
      assert.equal(await value(tab, `${P}contracturen`), '20', 'the imported dossier is stored');
      assert.equal(await text(tab, `${P}max_uren_jaar`), '156');
      assert.deepEqual(tab.problems, []);
      await tab.close();
    });
  }
});

describe(`${ENGINE}: forms`, () => {
  test('error summary focused and linked; a logboek goal added and removed with the keyboard', async () => {
    const tab = await freshTool(CALC);
    await tab.click('.formulier button[type=submit]');
    // The checks load on first use (forms/validation.js): the summary takes focus once they ran.
    await tab.waitFor(() => document.activeElement?.className === 'foutoverzicht').catch(() => {});
    assert.equal(await tab.evaluate(() => document.activeElement.className), 'foutoverzicht');
    assert.deepEqual(await tab.evaluate(() => [...document.querySelectorAll('.foutoverzicht a')].map((a) => a.getAttribute('href'))),
      [`${P}contracturen`, `${P}contract-0`, `${P}jaar-0`, `${P}coachinguren`]);
    await tab.click('.foutoverzicht a');
    assert.equal(await tab.evaluate(() => document.activeElement.id), 'fv-urencalculator-contracturen');
    await fillCalculator(tab);
    assert.equal(await tab.evaluate(() => document.querySelector('.foutoverzicht').hidden), true);
    await finish(tab);

    const lb = await openTool(LOGBOEK);
    await lb.evaluate(() => document.querySelector('#fv-logboek-doelen .groep__erbij').focus());
    await lb.page.keyboard.press('Enter');
    assert.equal(await lb.evaluate(() => document.activeElement.id), 'fv-logboek-doelen-1-doel');
    await lb.type('#fv-logboek-doelen-1-doel', 'Op tijd beginnen.');
    await reloadTool(lb);
    assert.equal(await value(lb, '#fv-logboek-doelen-1-doel'), 'Op tijd beginnen.', 'kept across a reload');
    await lb.evaluate(() => document.querySelector('#fv-logboek-doelen .groep__item[data-index="0"] .groep__weg').focus());
    await lb.page.keyboard.press('Enter');
    assert.equal(await value(lb, '#fv-logboek-doelen-0-doel'), 'Op tijd beginnen.');
    assert.equal((await text(lb, '#fv-logboek-doelen-status')).trim(), 'Doel 1 is verwijderd.');
    await finish(lb);
  });
});

// Issue 13, finding 6: client data is never lost, and what the page says about it is true.
describe(`${ENGINE}: client data in the browser`, () => {
  test('damaged storage with no room for a copy: no false "kopie", nothing saved over it, raw download', async () => {
    const tab = await openTool(CALC);
    const damaged = '{"schema": 1, "dossiers": [ kapot ' + 'x'.repeat(200000);
    await tab.evaluate(([k, d]) => { localStorage.clear(); localStorage.setItem(k, d); }, [KEY, damaged]);
    await fillStorage(tab);
    await reloadTool(tab);
    const status = await text(tab, STATUS);
    assert.doesNotMatch(status, /kopie staat apart/, 'no copy is claimed that is not there');
    assert.match(status, /kon geen kopie van worden gemaakt.*bewaart deze pagina niets/s);
    await tab.type(`${P}contracturen`, '12');
    assert.equal(await stored(tab), damaged, 'the damaged data is not overwritten by typing');
    await tab.waitFor(() => document.querySelector('.dossier__beschadigd:not([hidden])'));
    const download = await tab.evaluate(() => {
      const create = URL.createObjectURL;
      URL.createObjectURL = (blob) => { window.__raw = blob.text(); return create.call(URL, blob); };
      document.querySelector('.dossier__beschadigd').click();
      return window.__raw;
    });
    assert.equal(download, damaged, 'the raw data can be downloaded as it is');
    // With room again, the copy is made, checked, and only then the page starts fresh.
    await tab.evaluate(() => localStorage.removeItem('vulling'));
    await reloadTool(tab);
    assert.match(await text(tab, STATUS), /Een kopie staat apart/);
    assert.equal(await tab.evaluate((k) => localStorage.getItem(k + '.beschadigd'), KEY), damaged);
    await finish(tab);
  });

  test('import: storage full or too deep is reported as such, nothing half-saved, later saves still work', async () => {
    const tab = await freshTool(CALC);
    await tab.type(`${P}contracturen`, '16');
    const file = dossierFile({ urencalculator: { versie: 2, antwoorden: { contracturen: '32' } } }, 'Groot');

    await fillStorage(tab);
    const full = await importText(tab, file);
    assert.doesNotMatch(full, /geïmporteerd en geopend/);
    assert.match(full, /niet geïmporteerd: de opslag van de browser is vol/);
    assert.equal(await value(tab, `${P}contracturen`), '16', 'the open dossier stays open');
    await tab.type('[data-dossier="naam"]', 'Cliënt met een lange naam');
    assert.match(await text(tab, STATUS), /Opslaan is niet gelukt \(de opslag van de browser is vol\)/, 'a name not saved says so');
    await tab.evaluate(() => localStorage.removeItem('vulling'));

    const deep = '{"bestand": "begeleidingswijzer-dossier", "schema": 1, "naam": "Diep", "formulieren": {"urencalculator": ' +
      '{"versie": 2, "antwoorden": {"contracturen": "40", "x": ' + '['.repeat(50000) + ']'.repeat(50000) + '}}}}';
    assert.match(await importText(tab, deep, 'diep.json'), /te diep genest/);
    assert.equal((await tab.evaluate(() => document.querySelectorAll('[data-dossier="keuze"] option').length)), 1, 'no dossier added');
    await tab.type(`${P}contracturen`, '18');
    assert.match(await stored(tab), /"contracturen":"18"/, 'the next keystroke is saved');
    assert.match(await importText(tab, file), /is geïmporteerd en geopend/);
    await reloadTool(tab);
    assert.equal(await value(tab, `${P}contracturen`), '32', 'imported, and it reads back');
    await finish(tab);
  });

  test('"__proto__" in imported answers: refused, never a value that is not stored', async () => {
    const tab = await freshTool(CALC);
    const file = '{"bestand": "begeleidingswijzer-dossier", "schema": 1, "naam": "Proto", "formulieren": {"urencalculator": ' +
      '{"versie": 2, "antwoorden": {"__proto__": {"contracturen": "99"}}}}}';
    assert.match(await importText(tab, file), /ongeldige naam “__proto__”/);
    assert.equal(await value(tab, `${P}contracturen`), '');
    // Answers stored by an older version with such a key show only what is stored.
    await tab.evaluate((k) => {
      const at = new Date().toISOString();
      localStorage.setItem(k, '{"schema":1,"actief":"d1","dossiers":[{"id":"d1","naam":"Oud","gemaakt":"' + at + '","gewijzigd":"' + at +
        '","formulieren":{"urencalculator":{"versie":2,"antwoorden":{"__proto__":{"contracturen":"99","weken":"10"}}}}}]}');
    }, KEY);
    await reloadTool(tab);
    assert.equal(await value(tab, `${P}contracturen`), '', 'no value from a prototype');
    assert.equal(await value(tab, `${P}weken`), '52', 'the default, not the prototype\'s');
    await finish(tab);
  });

  test('a group beyond the form\'s limit is refused on import; 20,000 stored items open quickly and are all kept', async () => {
    const tab = await freshTool(LOGBOEK);
    const goals = (n) => Array.from({ length: n }, (_, i) => ({ doel: `Doel ${i}`, activiteiten: 'a', uren: '1', resultaat: 'behaald', vervolg: '' }));
    const many = dossierFile({ logboek: { versie: 1, antwoorden: { doelen: goals(20000) } } }, 'Veel');
    assert.match(await importText(tab, many), /meer dan 1000 onderdelen/);
    const four = dossierFile({ logboek: { versie: 1, antwoorden: { doelen: goals(4) } } }, 'Vier');
    assert.match(await importText(tab, four), /staan 4 keer “Doel”, maar het formulier heeft plaats voor hoogstens 3/);
    const typed = dossierFile({ logboek: { versie: 1, antwoorden: { doelen: [{ doel: { html: '<b>' } }] } } }, 'Soort');
    assert.match(await importText(tab, typed), /heeft een antwoord van de verkeerde soort/);

    // 20,000 items stored before these limits: the page opens quickly, shows the first 100, keeps all.
    await tab.evaluate(([k, doelen]) => {
      const at = new Date().toISOString();
      localStorage.setItem(k, JSON.stringify({ schema: 1, actief: 'd1', dossiers: [{ id: 'd1', naam: 'Veel', gemaakt: at, gewijzigd: at,
        formulieren: { logboek: { versie: 1, gewijzigd: at, antwoorden: { doelen } } } }] }));
    }, [KEY, goals(20000)]);
    const t0 = performance.now();
    await reloadTool(tab);
    const opened = performance.now() - t0;
    assert.equal(await tab.evaluate(() => document.querySelectorAll('#fv-logboek-doelen .groep__item').length), 100);
    assert.match(await text(tab, '#fv-logboek-doelen-te-veel'), /staan 20000 keer “Doel”.*Verwijder er 19997.*alle 20000 bewaard \(de eerste 100 staan hier\)/);
    const t1 = performance.now();
    await tab.type('#fv-logboek-werknemer', 'A');
    const keystroke = performance.now() - t1;
    const kept = () => tab.evaluate((k) => JSON.parse(localStorage.getItem(k)).dossiers[0].formulieren.logboek.antwoorden.doelen.map((d) => d.doel), KEY);
    let doelen = await kept();
    assert.equal(doelen.length, 20000, 'typing keeps every item');
    assert.equal(doelen[19999], 'Doel 19999');
    await tab.click('#fv-logboek-doelen .groep__item[data-index="0"] .groep__weg');
    doelen = await kept();
    assert.deepEqual([doelen.length, doelen[0], doelen[99]], [19999, 'Doel 1', 'Doel 100'], 'removing one brings the next into view');
    assert.equal(await value(tab, '#fv-logboek-doelen-99-doel'), 'Doel 100');
    // Quadratic rendering took 70 s for 1,000 items (2 cores), linear 62 s for 20,000.
    assert.ok(opened < 15000, `opening took ${Math.round(opened)} ms`);
    assert.ok(keystroke < 5000, `a keystroke took ${Math.round(keystroke)} ms`);
    await tab.click('[data-dossier="wis"]');
    await tab.click('[data-dossier="ja"]');
    assert.equal(await stored(tab), null, 'Alles wissen is reachable and works');
    await finish(tab);
  });
});

// The wizard: one enumerated path with JavaScript (file:// and server), one without.
const FLOWS = path.join(SITE, 'stroomschema');
const flow = fs.existsSync(FLOWS)
  ? fs.readdirSync(FLOWS).map((d) => path.join(FLOWS, d, 'paths.json')).filter((f) => fs.existsSync(f)).map((f) => ({ dir: path.dirname(f), ...JSON.parse(fs.readFileSync(f, 'utf8')) }))[0]
  : null;

describe(`${ENGINE}: wizard`, { skip: !flow && 'no stroomschema in this site' }, () => {
  const longest = flow && flow.paths.reduce((a, b) => (b.steps.length > a.steps.length ? b : a));
  const rel = flow && path.relative(SITE, path.join(flow.dir, 'index.html')).split(path.sep).join('/');
  const where = () => ({ node: document.getElementById('stroom-formulier').getAttribute('data-node'), kind: document.getElementById('stroom-formulier').getAttribute('data-kind') });

  for (const place of ['file://', 'server sub-folder']) {
    test(`JavaScript on: the longest path walks to its outcome, reload keeps it (${place})`, async () => {
      const tab = await engine.newTab();
      await tab.goto(place === 'file://' ? fileUrl(rel) : server.baseUrl + rel);
      await tab.waitFor(() => document.documentElement.classList.contains('stroom-js'));
      await tab.click('#stroom-start-knop'); // the start page's Start button opens the wizard
      await tab.waitFor(() => document.getElementById('stroom-formulier')?.getAttribute('data-node'));
      for (const step of longest.steps) {
        assert.equal((await tab.evaluate(where)).node, step.node);
        if (step.kind === 'question') await tab.click(`#stap-${step.node} input[value="${step.answer}"]`);
        await tab.click('#stroom-volgende');
      }
      assert.deepEqual(await tab.evaluate(where), { node: longest.outcome, kind: 'outcome' });
      await tab.reload();
      await tab.waitFor(() => document.getElementById('stroom-formulier')?.getAttribute('data-kind') === 'outcome');
      assert.deepEqual(await tab.evaluate(where), { node: longest.outcome, kind: 'outcome' }, 'reload keeps the outcome');
      assert.deepEqual(tab.problems, []);
      await tab.close();
    });
  }

  test('JavaScript off: the same path over the plain node pages; a tool shows its rules as text', async () => {
    const off = await launchEngine(ENGINE, { javaScript: false });
    try {
      const tab = await off.newTab();
      await tab.goto(fileUrl(rel));
      assert.deepEqual(await tab.evaluate(() => [document.documentElement.classList.contains('stroom-js'), document.getElementById('stroom-formulier').getAttribute('data-node')]),
        [false, null], 'no script ran');
      await tab.follow('a.stroom-begin__link');
      for (const step of longest.steps) {
        assert.equal(await tab.evaluate(() => document.querySelector('main').getAttribute('data-node')), step.node);
        await tab.follow(`main a.stroom-link[data-answer="${step.answer}"]`);
      }
      assert.deepEqual(await tab.evaluate(() => [document.querySelector('main').getAttribute('data-node'), document.querySelector('main').getAttribute('data-kind')]),
        [longest.outcome, 'outcome']);
      // A tool without JavaScript: the form and its rules as text, no dossier controls.
      await tab.goto(fileUrl(CALC));
      const calc = await tab.evaluate(() => ({
        form: !!document.querySelector('form.formulier'),
        js: document.querySelector('.hulpmiddel').classList.contains('js'),
        dossier: document.querySelector('.dossier').hidden,
        rules: document.querySelector('.rekenregels').textContent,
        opslag: document.querySelector('.opslag').textContent,
      }));
      assert.deepEqual([calc.form, calc.dossier, calc.js], [true, true, false]);
      assert.match(calc.rules, /Maximum jaar 1 = 15% van de jaarlijkse contracturen/);
      assert.match(calc.opslag, /Zonder JavaScript wordt niets bewaard/);
      await tab.close();
    } finally {
      await off.close();
    }
  });
});

// Search; and a page whose name looks like a URL scheme never becomes one (finding 5).
describe(`${ENGINE}: search`, () => {
  async function search(tab, query) {
    await tab.waitFor(() => document.querySelector('.zoekvak__form:not([hidden])'));
    await tab.type('#zoekvak-invoer', query);
    await tab.waitFor(() => { const l = document.querySelector('#zoekvak-lijst'); return l && !l.hidden && l.children.length && !l.hasAttribute('aria-busy'); });
    return tab.evaluate(() => [...document.querySelectorAll('#zoekvak-lijst [role="option"]')].map((o) => o.getAttribute('data-href')));
  }

  for (const place of ['file://', 'server sub-folder']) {
    test(`"jobcoachorganisatie" finds the page; Enter opens it (${place})`, async () => {
      const tab = await engine.newTab();
      await tab.goto(place === 'file://' ? fileUrl('index.html') : server.baseUrl + 'index.html');
      const hrefs = await search(tab, 'jobcoachorganisatie');
      assert.ok(hrefs.includes('rollen/jobcoachorganisatie.html'), hrefs.join(', '));
      await tab.evaluate(() => {
        const input = document.querySelector('#zoekvak-invoer');
        const options = [...document.querySelectorAll('#zoekvak-lijst [role="option"]')];
        input.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
        for (let i = 0; i < options.findIndex((o) => o.getAttribute('data-href') === 'rollen/jobcoachorganisatie.html'); i++)
          input.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
      });
      await Promise.all([tab.page.waitForNavigation({ waitUntil: 'load' }), tab.page.keyboard.press('Enter')]);
      assert.match(tab.url(), /rollen\/jobcoachorganisatie\.html$/);
      assert.deepEqual(tab.problems, []);
      await tab.close();
    });
  }

  test('every result path becomes a relative URL inside the site, or none', async () => {
    const tab = await engine.newTab();
    await tab.goto(fileUrl('zoeken/index.html')); // the results page loads search.js itself
    await tab.waitFor(() => window.WijzerZoek);
    const got = await tab.evaluate(() => ['rollen/jobcoach.html', 'data:text/html,x', 'JavaScript:alert(1)', 'vbscript:x', '//host/a.html',
      '/etc/passwd', 'a/../../b.html', './a.html', 'a\\b.html', 'mijn pagina %.html', 'a#b?.html'].map((u) => window.WijzerZoek.siteUrl(u, 'kop')));
    assert.deepEqual(got, ['rollen/jobcoach.html#kop', 'data%3Atext/html%2Cx#kop', 'JavaScript%3Aalert(1)#kop', 'vbscript%3Ax#kop', null,
      null, null, null, null, 'mijn%20pagina%20%25.html#kop', 'a%23b%3F.html#kop']);
    await finish(tab);
  });

  test('a page named "javascript:…" in the index stays a relative link inside the site', async () => {
    // A copy of the site whose index names over.html "javascript:…" and another page "//host/…".
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wijzer-zoek-'));
    fs.cpSync(SITE, dir, { recursive: true });
    const namesDir = path.join(dir, 'search');
    let changed = 0;
    for (const f of fs.readdirSync(namesDir).filter((n) => /^n\d+\./.test(n))) {
      const src = fs.readFileSync(path.join(namesDir, f), 'utf8');
      const m = /^(WijzerZoek\.laad\("[^"]+",)([\s\S]*)(\);?\s*)$/.exec(src);
      const data = JSON.parse(m[2]);
      let prev = '';
      const urls = data.p.map((e) => (prev = prev.slice(0, e[0]) + e[1]));
      const i = urls.indexOf('over.html');
      if (i < 0) continue;
      urls[i] = "javascript:void(document.title='gekaapt')";
      urls[i === 0 ? 1 : 0] = '//voorbeeld.invalid/over.html';
      urls.forEach((u, k) => { data.p[k][0] = 0; data.p[k][1] = u; });
      fs.writeFileSync(path.join(namesDir, f), m[1] + JSON.stringify(data) + m[3]);
      changed++;
    }
    assert.equal(changed, 1, 'over.html is in one names file');
    const tab = await engine.newTab();
    try {
      await tab.goto(fileUrl('index.html', dir));
      const hrefs = await search(tab, 'over deze wijzer').catch(async (e) => {
        throw new Error(`${e.message}: ${await text(tab, '.zoekvak__melding')} ${tab.problems.join(' ')}`);
      });
      assert.ok(hrefs.includes("javascript%3Avoid(document.title%3D'gekaapt')"), hrefs.join(', '));
      assert.ok(!hrefs.some((h) => /^\/\/|^[a-z]+:/i.test(h)), `only relative URLs: ${hrefs.join(', ')}`);
      await tab.evaluate(() => {
        const options = [...document.querySelectorAll('#zoekvak-lijst [role="option"]')];
        options.find((o) => /gekaapt/.test(o.getAttribute('data-href'))).click();
      });
      await new Promise((r) => setTimeout(r, 500));
      assert.notEqual(await tab.evaluate(() => document.title).catch(() => ''), 'gekaapt', 'no script ran from the index');
      assert.ok(!/^javascript:/i.test(tab.url()), tab.url()); // a missing file: the engine's error page
      // The results page links the same way.
      await tab.goto(fileUrl('zoeken/index.html', dir) + '?q=' + encodeURIComponent('over deze wijzer'));
      await tab.waitFor(() => document.querySelectorAll('#zoekresultaten-lijst a').length);
      const links = await tab.evaluate(() => [...document.querySelectorAll('#zoekresultaten-lijst a')].map((a) => a.href));
      for (const l of links) assert.ok(l.startsWith('file:'), l);
      assert.ok(links.some((l) => l.endsWith("/javascript%3Avoid(document.title%3D'gekaapt')")), links.join(', '));
      await tab.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
