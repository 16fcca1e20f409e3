// Search relevance (issue 16, item 9) on the real built portal, through the ranking code the
// browser runs (site-assets/search/search.js under node, the index files evaluated as the
// browser's <script> elements would): professional queries with the page that must be in the top
// 3, every word required with a fallback that names the word that found nothing, question words
// that do not count, flow steps below content pages, excerpts without controls; and on small
// sites built here: synonyms come from the data file, a bad data file fails at path:line:col.
//
//   WIJZER_SITE=build/portal-site WIJZER=build/wijzer node --test tests/js/search-relevance.test.cjs

const { test, describe } = require('node:test');
const assert = require('node:assert/strict');
const { execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const vm = require('node:vm');

const REPO = path.join(__dirname, '..', '..');
const SITE = path.resolve(process.env.WIJZER_SITE || path.join(REPO, '_site'));
const WIJZER = process.env.WIJZER || path.join(REPO, 'build', 'wijzer');
const SEARCH_JS = fs.readFileSync(path.join(REPO, 'site-assets', 'search', 'search.js'), 'utf8');

/** search.js in a fresh context with every index file of `site` loaded: its public API. */
function searchOf(site) {
  const context = vm.createContext({ module: { exports: {} } });
  vm.runInContext(SEARCH_JS, context);
  context.WijzerZoek = context.module.exports;
  const dir = path.join(site, 'search');
  for (const f of fs.readdirSync(dir)) vm.runInContext(fs.readFileSync(path.join(dir, f), 'utf8'), context);
  return context.module.exports;
}

/** The distinct pages of a query's results, best first. */
async function pages(api, query, limit = 50) {
  const found = await api.search(query, limit);
  const out = [];
  for (const r of found.results) {
    const page = r.url.split('#')[0];
    if (!out.includes(page)) out.push(page);
  }
  return { found, pages: out };
}

// A professional's question → the pages of which one must be in the top 3.
const QUERIES = [
  ['jobcoach urennorm', ['hulpmiddelen/urencalculator.html', 'regels/reintegratiebesluit-art-18.html']],
  ['hoeveel uur jobcoach', ['hulpmiddelen/urencalculator.html', 'regels/reintegratiebesluit-art-18.html']],
  ['jobcoach', ['rollen/jobcoach.html']],
  ['wat doet een jobcoach', ['rollen/jobcoach.html']],
  ['afbouw percentages jobcoaching', ['regels/reintegratiebesluit-art-18.html']],
  ['toetsvragen aanvraag jobcoach', ['hulpmiddelen/leidraad-formats/toetsingskader.html']],
  ['logboek uren bijhouden', ['hulpmiddelen/leidraad-formats/logboek.html']],
  ['coachingsplan doelen', ['hulpmiddelen/leidraad-formats/coachingsplan.html', 'regels/coachingsdoelen.html']],
  ['SMART coachingsdoel', ['regels/coachingsdoelen.html']],
  ['matching werknemerprofiel werkprofiel', ['hulpmiddelen/leidraad-formats/matching.html']],
  ['structurele functionele beperking', ['regels/wettelijke-basis.html']],
  ['vervolgaanvraag UWV', ['processen/uwv-route.html']],
  ['begeleidingsnoodzaak 21 aspecten', ['processen/begeleidingsnoodzaak.html', 'hulpmiddelen/handreiking/index.html']],
  ['loonkostensubsidie doelgroepregister', ['regels/participatiewet-banenafspraak.html']],
  ['gemeente plan van aanpak jobcoach', ['hulpmiddelen/gemeente/plan-van-aanpak.html']],
  ['duurzame plaatsing risicosignalen', ['duurzame-plaatsing/risicosignalen.html']],
  ['IPS psychische klachten', ['trajecten/ips.html']],
  ['taken arbeidsdeskundige toetser', ['rollen/arbeidsdeskundige-toetser.html']],
  ['wie doet wat wanneer', ['rollen/wie-doet-wat-wanneer.html']],
  ['Dariuz', ['hulpmiddelen/instrumenten/dariuz.html']],
  ['standaardgeval protocol jobcoach 12 uur', ['regels/protocol-jobcoach.html']],
  ['lks', ['regels/participatiewet-banenafspraak.html']],
  ['no-riskpolis', ['regels/participatiewet-banenafspraak.html']],
];

const FLOW_STEP = /^stroomschema\/[^/]+\/[qio]-/;
const CONTROLS = ['Kies je antwoord', 'Opnieuw beginnen', 'Uitkomst afdrukken', 'Het hele stroomschema', 'Controleer je antwoorden'];

describe('the built portal', () => {
  const api = searchOf(SITE);

  for (const [query, want] of QUERIES) {
    test(`"${query}" has ${want.join(' or ')} in the top 3`, async () => {
      const { pages: top } = await pages(api, query);
      assert.ok(top.slice(0, 3).some((p) => want.includes(p)), `top: ${top.slice(0, 5).join(', ')}`);
    });
  }

  test('every word must match; a word that found nothing is named and left out', async () => {
    const both = await api.search('jobcoach werkgever', 500);
    const one = await api.search('jobcoach', 500);
    assert.ok(both.total > 0 && both.total < one.total, `${both.total} of ${one.total}`);
    assert.deepEqual([...both.missing], []);
    const nonsense = await api.search('jobcoach xqzwvk', 500);
    assert.deepEqual([...nonsense.missing], ['xqzwvk']);
    assert.deepEqual([...nonsense.used], ['jobcoach']);
    assert.equal(nonsense.total, one.total);
    assert.equal((await api.search('xqzwvk vbnmq', 10)).total, 0);
  });

  test('question words do not count as required words', async () => {
    const asked = await pages(api, 'hoeveel uur krijgt een jobcoach');
    const plain = await pages(api, 'uur jobcoach');
    assert.deepEqual(asked.pages.slice(0, 10), plain.pages.slice(0, 10));
    assert.deepEqual([...asked.found.missing], []);
  });

  test('content and tool pages rank above flow steps', async () => {
    for (const query of ['standaardgeval protocol jobcoach 12 uur', 'structurele functionele beperking', 'doelgroepregister', 'proefplaatsing']) {
      const { pages: list } = await pages(api, query);
      const firstStep = list.findIndex((p) => FLOW_STEP.test(p));
      const firstContent = list.findIndex((p) => !p.startsWith('stroomschema/'));
      assert.ok(firstContent >= 0 && (firstStep < 0 || firstContent < firstStep), `${query}: ${list.slice(0, 5).join(', ')}`);
    }
  });

  test('excerpts are text, never the labels of controls', async () => {
    for (const query of ['jobcoach', 'werkgever', 'uitkering', 'begeleiding', 'antwoord', 'stroomschema']) {
      const { found } = await pages(api, query, 100);
      for (const r of found.results)
        for (const label of CONTROLS) assert.ok(!(r.excerpt || '').includes(label), `${r.url}: ${r.excerpt}`);
    }
  });

  test('results can be narrowed to a section of the site', async () => {
    const all = await api.search('werkgever', 500);
    const trajecten = all.groups.find((g) => g.id === 'trajecten');
    assert.ok(trajecten && trajecten.count > 1 && trajecten.count < all.total);
    const only = await api.search('werkgever', 500, 'trajecten');
    assert.equal(only.total, trajecten.count);
    assert.ok(only.results.every((r) => r.url.startsWith('trajecten/')));
  });
});

/** A two-page site with the portal's templates and assets and `data` as its search data. */
function smallSite(data) {
  const src = fs.mkdtempSync(path.join(os.tmpdir(), 'wijzer-zoekdata-'));
  for (const d of ['templates', 'site-assets']) fs.cpSync(path.join(REPO, d), path.join(src, d), { recursive: true });
  fs.mkdirSync(path.join(src, 'content', 'regels'), { recursive: true });
  fs.writeFileSync(path.join(src, 'content', '_index.md'), '---\ntitle: Start\n---\n\nEen portaal over werk.\n');
  fs.writeFileSync(path.join(src, 'content', 'regels', '_index.md'), '---\ntitle: Regels\n---\n\nDe regels.\n');
  fs.writeFileSync(path.join(src, 'content', 'regels', 'maxima.md'), '---\ntitle: Urenmaxima\n---\n\nDe urenmaxima per jaar.\n');
  if (data !== null) {
    fs.mkdirSync(path.join(src, 'content', 'zoeken'));
    fs.writeFileSync(path.join(src, 'content', 'zoeken', 'zoeken.json'), data);
  }
  return src;
}

describe('search data (content/zoeken/zoeken.json)', { skip: !fs.existsSync(WIJZER) && 'no wijzer binary' }, () => {
  test('a synonym in the data file changes the results', async () => {
    const found = {};
    for (const [name, data] of [['without', null], ['with', '{"synoniemen": [{"woorden": ["urennorm"], "ook": ["urenmaxima"]}]}']]) {
      const src = smallSite(data);
      execFileSync(WIJZER, ['build', '--source', src, '--out', path.join(src, '_site')], { stdio: 'pipe' });
      found[name] = await pages(searchOf(path.join(src, '_site')), 'urennorm');
      fs.rmSync(src, { recursive: true, force: true });
    }
    assert.deepEqual(found.without.pages, []);
    assert.deepEqual(found.with.pages, ['regels/maxima.html']);
  });

  test('a bad data file is an error at path:line:col', () => {
    const src = smallSite('{\n  "synoniemen": [\n    {"woorden": ["urennorm"], "ook": ["twee woorden"]}\n  ],\n  "gewichten": [{"pad": "regels/", "gewicht": 9}]\n}\n');
    const run = spawnSync(WIJZER, ['check', '--source', src], { encoding: 'utf8' });
    fs.rmSync(src, { recursive: true, force: true });
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stderr, /content\/zoeken\/zoeken\.json:3:\d+: error: 'twee woorden' moet één woord zijn/);
    assert.match(run.stderr, /content\/zoeken\/zoeken\.json:5:\d+: error: een gewicht ligt tussen/);
  });
});
