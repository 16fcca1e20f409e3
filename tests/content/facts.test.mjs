// The key facts of the leidraad must appear, rendered, on the pages that state the rule.
// Runs on the built portal (WIJZER_SITE); reads HTML files only, no browser needed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const site = process.env.WIJZER_SITE || join(import.meta.dirname, '..', '..', '_site');

/** Visible text of a page: tags dropped, entities for the characters we check decoded. */
function text(page) {
  const html = readFileSync(join(site, page), 'utf8');
  return html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<span class="begrip__uitleg"[^>]*>[\s\S]*?<\/span>/g, '') // glossary tooltips
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;|&#160;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .replace(/ ([,.;:)])/g, '$1'); // a tag before punctuation left a space
}

function htmlFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return name.endsWith('.html') ? [relative(site, path)] : [];
  });
}

const facts = [
  ['regels/reintegratiebesluit-art-18.html', ['15%', '7,5%', '6%', '156']],
  ['regels/protocol-jobcoach.html', ['12 uur', '35%']],
  ['regels/index.html', ['3 jaar']],
  ['processen/begeleidingsnoodzaak.html', ['21 aspecten']],
  ['processen/breed-offensief.html', ['1 juli 2023']],
];

for (const [page, expected] of facts) {
  test(`${page} states ${expected.join(', ')}`, () => {
    const body = text(page);
    for (const fact of expected) assert.ok(body.includes(fact), `"${fact}" not found on ${page}`);
  });
}

test('a field condition reads as one phrase: "Alleen van toepassing als …", never "… alleen als …"', () => {
  let conditions = 0;
  for (const file of htmlFiles(site)) {
    const html = readFileSync(join(site, file), 'utf8');
    conditions += (html.match(/Alleen van toepassing /g) || []).length;
    assert.doesNotMatch(html, /Alleen van toepassing alleen/, file);
  }
  assert.ok(conditions > 100, `expected the tools' conditions, found ${conditions}`);
});

test('every leidraad page names its sources', () => {
  const sections = ['rollen', 'processen', 'regels', 'trajecten', 'duurzame-plaatsing'];
  const missing = sections
    .flatMap((s) => htmlFiles(join(site, s)))
    .filter((page) => !readFileSync(join(site, page), 'utf8').includes('class="bronnen"'));
  assert.deepEqual(missing, [], `pages without a Bronnen section: ${missing.join(', ')}`);
});

test('dated rules say which source version they follow', () => {
  for (const page of ['regels/reintegratiebesluit-art-18.html', 'regels/protocol-jobcoach.html']) {
    assert.match(text(page), /[Ss]tand volgens/, `${page} does not say "stand volgens …"`);
  }
});

test('the home page offers two ways in: professionals and clients', () => {
  const body = text('index.html');
  assert.match(body, /professional/i);
  assert.match(body, /cliënt/i);
});

// Issue 17, "Wrong": each corrected fact is asserted on the rendered page, and the wrong one is absent.
const flow = (node) => `stroomschema/welke-begeleiding/${node}.html`;

test('client aid: UWV benefits for Werkfit / Naar werk are WIA, WAO, WAZ, Wajong, Ziektewet (not WW)', () => {
  for (const node of ['q-uitkering', 'q-uitkering-zorg']) {
    const body = text(flow(node));
    assert.ok(body.includes('WIA, WAO, WAZ, Wajong of Ziektewet'), `${node}: the five UWV benefits are not named`);
    assert.doesNotMatch(body, /Wajong, WW|WW of Ziektewet|van het UWV[^.]*\bWW\b[^.]*Ziektewet/, `${node} lists WW among the UWV benefits`);
    assert.match(body, /alleen een WW-uitkering/, `${node} does not say where WW belongs`);
  }
  assert.ok(text('voor-clienten/wie-kan-helpen.html').includes('WIA, WAO, WAZ, Wajong of Ziektewet'));
});

test('Werk als Beste Zorg: treatment at one of four ggz institutions, no benefit condition, no region question', () => {
  const q = text(flow('q-instelling-zorg'));
  for (const name of ['Dimence', 'Mediant', 'Yulius', 'Vincent van Gogh', 'Noord-Limburg']) assert.ok(q.includes(name), `q-instelling-zorg misses ${name}`);
  const o = text(flow('o-ips-wabz'));
  assert.ok(o.includes('geen eis over een uitkering'), 'o-ips-wabz does not say there is no benefit condition');
  assert.doesNotMatch(o, /uitkering van de gemeente of het UWV nodig/);
  // The outcome is reached by the institution question, never by a region question.
  const paths = JSON.parse(readFileSync(join(site, 'stroomschema/welke-begeleiding/paths.json'), 'utf8')).paths;
  const toWabz = paths.filter((p) => p.outcome === 'o-ips-wabz');
  assert.ok(toWabz.length > 0, 'no path leads to o-ips-wabz');
  for (const p of toWabz) {
    const nodes = p.steps.map((s) => s.node);
    assert.ok(nodes.includes('q-instelling-zorg'), `path to o-ips-wabz without q-instelling-zorg: ${nodes.join(' > ')}`);
    assert.ok(!nodes.some((n) => n.startsWith('q-regio')), `path to o-ips-wabz asks a region: ${nodes.join(' > ')}`);
  }
  const index = text('trajecten/index.html');
  assert.ok(index.includes('mensen in behandeling bij Dimence, Mediant, Yulius of Vincent van Gogh (Noord-Limburg)'));
  assert.ok(index.includes('niet gekoppeld (re-integratie betaald via gemeente en UWV)'));
  assert.doesNotMatch(index, /Vincent van Gogh \(Noord-Limburg\) alle gemeente of UWV/);
});

test('Duurzaam Werk(t) followed fourteen placements at twelve employers, written up as twelve cases', () => {
  for (const page of ['duurzame-plaatsing/casussen/index.html', 'hulpmiddelen/duurzaamheid/index.html', 'duurzame-plaatsing/index.html']) {
    const body = text(page);
    assert.match(body, /[Vv]eertien plaatsingen/, `${page} does not say fourteen placements`);
  }
  const wrong = htmlFiles(site).filter((page) => /twaalf plaatsingen|12 plaatsingen/i.test(text(page)));
  assert.deepEqual(wrong, [], `pages that say twelve placements: ${wrong.join(', ')}`);
});

test('client pages name the region Midden-Utrecht, never "regio Utrecht"', () => {
  const client = [...htmlFiles(join(site, 'voor-clienten')), ...htmlFiles(join(site, 'stroomschema/welke-begeleiding'))];
  const wrong = client.filter((page) => /regio Utrecht/i.test(text(page)));
  assert.deepEqual(wrong, [], `client pages with "regio Utrecht": ${wrong.join(', ')}`);
  for (const page of ['voor-clienten/welke-hulp-is-er.html', 'voor-clienten/wie-kan-helpen.html', flow('q-regio-geen'), flow('o-sterk-scholing'), flow('o-sterk-met-werk')]) {
    assert.ok(text(page).includes('Midden-Utrecht'), `${page} does not name Midden-Utrecht`);
  }
});

// Issue 17, "Dated rules": the art. 18 percentages, the Protocol Jobcoach standard and the 3-year
// limit are 2011–2012 rules. The date is a field of the rule data, and every place that applies one
// of them says at that point from when the rule is.
const read = (file) => JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', file), 'utf8'));
const STAND = /[Ss]tand\b|\bin (19|20)\d\d\b/;

test('every urencalculator profile carries its stand, and the calculator fills and shows it', () => {
  const { profielen } = read('content/hulpmiddelen/profielen.json');
  assert.ok(profielen.length >= 4);
  for (const p of profielen) {
    assert.equal(typeof p.waarden.stand, 'string', `profile ${p.id} has no waarden.stand`);
    assert.match(p.waarden.stand, /^stand .*\b(19|20)\d\d\b/, `profile ${p.id}: stand does not name a date`);
    assert.match(p.toelichting, /^Stand /, `profile ${p.id}: the toelichting does not start with its stand`);
  }
  const form = read('content/hulpmiddelen/urencalculator.form.json');
  const fields = form.secties.flatMap((s) => s.velden);
  assert.ok(fields.some((f) => f.id === 'stand'), 'the urencalculator has no field "stand"');
  assert.ok(fields.find((f) => f.id === 'profiel').vult.includes('stand'), 'choosing a profile does not fill its stand');
  assert.ok(form.signalen.some((s) => s.id === 'geen_stand' && JSON.stringify(s.als).includes('stand')), 'no warning for a rule without stand');
  const body = text('hulpmiddelen/urencalculator.html');
  for (const p of profielen) assert.ok(body.includes(p.waarden.stand), `the page does not show the stand of ${p.id}`);
  assert.ok(body.includes('Beleidsregel Protocol Jobcoach UWV'), 'the page does not say a 2019 beleidsregel exists');
});

test('the PO-jobcoaching outcomes date the Protocol standard and the 3-year limit, and say where to check', () => {
  for (const node of ['o-standaard-wia', 'o-standaard-wajong', 'o-individueel-wia', 'o-individueel-wajong']) {
    const body = text(`stroomschema/po-jobcoaching/${node}.html`);
    assert.ok(body.includes('stand 1 juli 2011, zoals beschreven in de Leidraad Jobcoach (2012)'), `${node}: no stand`);
    assert.ok(body.includes('Sinds 2019 is er een Beleidsregel Protocol Jobcoach UWV'), `${node}: the 2019 beleidsregel is not named`);
    assert.match(body, /Controleer de huidige regel/, `${node}: does not say where to check`);
  }
});

// "De hele leidraad" holds the two rule pages as parts (each with its "Online:" link to the page):
// they are dated in their first paragraph there too, so those parts are exempt like the pages.
function wholeLeidraadWithoutRulePages(page, html) {
  if (page !== 'leidraad.html') return html;
  const parts = html.split('<section class="leidraad__deel');
  const rule = /<p class="leidraad__bron">Online: <a href="regels\/(protocol-jobcoach|reintegratiebesluit-art-18)\.html">/;
  return parts.filter((part) => !rule.test(part)).join('<section class="leidraad__deel');
}

test('wherever the portal applies an art. 18 percentage, the Protocol standard or the 3-year limit, it dates it there', () => {
  const RULES = [
    ['art. 18 percentage', /(?<![\d,])(15|7,5) ?%/],
    ['Protocol standard', /minstens 12 uur|35 ?% (van het )?(wettelijk )?(minimumloon|WML)/],
    ['3-year limit', /(maximaal|hoogstens|max\.|niet langer dan|tot) (3|drie) jaar|(3|drie) jaar (bij dezelfde werkgever|financiering)/],
  ];
  // The two rule pages date the whole page in their first paragraph (test above); every other page
  // must date the rule in the same paragraph, list item, table row, label or profile.
  const pages = htmlFiles(site).filter((p) => !/^regels\/(protocol-jobcoach|reintegratiebesluit-art-18)\.html$/.test(p));
  const undated = [];
  let uses = 0;
  for (const page of pages) {
    const html = wholeLeidraadWithoutRulePages(page, readFileSync(join(site, page), 'utf8'))
      .replace(/<script[\s\S]*?<\/script>/g, '')
      .replace(/<span class="begrip__uitleg"[^>]*>[\s\S]*?<\/span>/g, '');
    const blocks = html.match(/<(dl|p|li|tr|dt|dd|h[1-6]|label|legend|option|caption)\b[^>]*>[\s\S]*?<\/\1>/g) || [];
    for (const block of blocks) {
      const t = block.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
      for (const [rule, re] of RULES) {
        if (!re.test(t)) continue;
        uses++;
        if (!STAND.test(t)) undated.push(`${page}: ${rule}: "${t.trim().slice(0, 120)}"`);
      }
    }
  }
  assert.ok(uses > 30, `only ${uses} uses of the rules found: the scan no longer sees them`);
  assert.deepEqual(undated, [], `rules shown without their stand:\n${undated.join('\n')}`);
});

// Issue 17, "Flows that miss a branch".
const paths = (flowId) => JSON.parse(readFileSync(join(site, `stroomschema/${flowId}/paths.json`), 'utf8')).paths;
const answer = (p, node) => p.steps.find((s) => s.node === node)?.answer;

test('PO-jobcoaching asks UWV or gemeente first; a gemeente client never ends at a WIA or Wajong grondslag', () => {
  const all = paths('po-jobcoaching');
  assert.ok(all.length > 10);
  for (const p of all) assert.equal(p.steps[0].node, 'q-verantwoordelijk', `a path starts at ${p.steps[0].node}`);
  const gemeente = all.filter((p) => answer(p, 'q-verantwoordelijk') === 'gemeente');
  assert.ok(gemeente.length > 0);
  for (const p of gemeente) assert.equal(p.outcome, 'o-gemeente');
  for (const p of all.filter((x) => /-(wia|wajong)$/.test(x.outcome))) assert.equal(answer(p, 'q-verantwoordelijk'), 'uwv');
  const body = text('stroomschema/po-jobcoaching/o-gemeente.html');
  assert.match(body, /niet artikel 35 WIA/);
  assert.match(body, /1 juli 2023/);
  assert.match(text('stroomschema/po-jobcoaching/q-verantwoordelijk.html'), /bijstand zonder Wajong-recht valt (dus )?onder de gemeente/);
});

test('gemeentelijke beoordeling: the rights since 1 July 2023 are on every path and in the afwijzing', () => {
  for (const p of paths('gemeentelijke-beoordeling')) {
    assert.ok(p.steps.some((s) => s.node === 'i-aanvraagrecht'), `a path skips i-aanvraagrecht: ${p.state}`);
  }
  const info = text('stroomschema/gemeentelijke-beoordeling/i-aanvraagrecht.html');
  for (const right of ['sinds 1 juli 2023', 'op die aanvraag beslissen', 'onderzoek door de gemeente', 'informeert hen over het besluit', 'bezwaar', 'beroep']) {
    assert.ok(info.includes(right), `i-aanvraagrecht misses "${right}"`);
  }
  const afwijzing = text('stroomschema/gemeentelijke-beoordeling/o-afwijzing.html');
  for (const right of ['besluit op een aanvraag', 'gronden', 'werknemer én werkgever', 'bezwaar', 'beroep', 'termijn']) {
    assert.ok(afwijzing.includes(right), `o-afwijzing misses "${right}"`);
  }
  assert.doesNotMatch(afwijzing, /Vraag bij twijfel om de onderbouwing/);
});

test('client aid: the ggz branch asks about the benefit before any outcome for work-seekers', () => {
  const ggz = paths('welke-begeleiding').filter((p) => answer(p, 'q-zorg') === 'ja' && answer(p, 'q-situatie-zorg') === 'zoeken'
    && ['direct-werk', 'uitzoeken'].includes(answer(p, 'q-wens-zorg')));
  assert.ok(ggz.length >= 6, `only ${ggz.length} ggz work-seeking paths`);
  for (const p of ggz) assert.ok(answer(p, 'q-uitkering-zorg'), `ggz path without the benefit question: ${p.state}`);
  const outcomes = new Set(ggz.map((p) => p.outcome));
  for (const o of ['o-ips', 'o-ips-uwv', 'o-ips-gemeente', 'o-ips-wabz']) assert.ok(outcomes.has(o), `no ggz path ends at ${o}`);
});

test('client rights page: gemeente and UWV decisions, bezwaar with the term in the letter, the signed logboek', () => {
  const body = text('voor-clienten/je-rechten-en-je-gegevens.html');
  assert.ok(body.includes('Uitvoeringsinstituut Werknemersverzekeringen'), 'UWV is not explained');
  assert.match(body, /Bij het UWV\. .*brief met het besluit/);
  assert.match(body, /besluit van de gemeente of het UWV\? Dan mag je bezwaar maken/);
  assert.match(body, /Kijk in de brief met het besluit\. Daar staat hoe lang je de tijd hebt voor bezwaar/);
  assert.match(body, /beroep/);
  assert.match(body, /vervolgaanvraag\. Het UWV behandelt die alleen als het logboek helemaal is ingevuld en getekend/);
});

test('trajecten: the choice aid exists and is linked, not "volgt later"', () => {
  const html = readFileSync(join(site, 'trajecten/index.html'), 'utf8');
  assert.doesNotMatch(text('trajecten/index.html'), /volgt later/);
  assert.match(html, /href="\.\.\/stroomschema\/index\.html"/);
});

// Issue 17, "Missing that professionals would look for".
const INSTRUMENTS = ['dariuz', 'melba', 'fml', 'kolb', 'competentieatlas', 'arbolab', 'werkscan', 'bob-model'];

test('one page per instrument: what it measures, who uses it, when in the process, with sources', () => {
  for (const name of INSTRUMENTS) {
    const page = `hulpmiddelen/instrumenten/${name}.html`;
    const html = readFileSync(join(site, page), 'utf8');
    for (const id of ['wat', 'wie', 'wanneer']) assert.match(html, new RegExp(`<h2[^>]*id="${id}"`), `${page} has no section #${id}`);
    assert.ok(html.includes('class="bronnen"'), `${page} names no sources`);
  }
  const index = readFileSync(join(site, 'hulpmiddelen/instrumenten/index.html'), 'utf8');
  for (const name of INSTRUMENTS) assert.ok(index.includes(`href="${name}.html"`), `the instrument index does not link ${name}`);
  // linked from the handreiking and from the matching form (page links and field hints)
  const handreiking = readFileSync(join(site, 'hulpmiddelen/handreiking/index.html'), 'utf8');
  for (const name of ['dariuz', 'melba', 'fml']) assert.ok(handreiking.includes(`../instrumenten/${name}.html`), `handreiking does not link ${name}`);
  const matching = readFileSync(join(site, 'hulpmiddelen/leidraad-formats/matching.html'), 'utf8');
  for (const name of ['fml', 'competentieatlas', 'melba', 'dariuz', 'arbolab', 'kolb']) {
    assert.ok(matching.includes(`../instrumenten/${name}.html`), `matching page does not link ${name}`);
  }
  const form = read('content/hulpmiddelen/leidraad-formats/matching.form.json');
  const hints = form.secties.flatMap((s) => s.velden).map((f) => f.hint || '').join(' ');
  for (const name of ['FML', 'competentieatlas', 'Melba', 'Dariuz', 'Arbolab', 'Kolb']) assert.ok(hints.includes(name), `matching form hints miss ${name}`);
});

test('the seeds\' requests: opdracht aan de jobcoach, plan van aanpak, reflectie grijze gebied, werkblad vijf stappen', () => {
  const fields = (file) => read(file).secties.flatMap((s) => s.velden.flatMap((f) => (f.type === 'groep' ? [f, ...f.velden] : [f]))).map((f) => f.id);
  const opdracht = fields('content/hulpmiddelen/gemeente/opdracht-jobcoach.form.json');
  for (const id of ['leerpunten', 'talenten', 'beperkingen', 'doelen']) assert.ok(opdracht.includes(id), `opdracht aan de jobcoach has no ${id}`);
  const pva = read('content/hulpmiddelen/gemeente/plan-van-aanpak.form.json');
  assert.equal(pva.secties.flatMap((s) => s.velden).find((f) => f.id === 'doelen').max_aantal, 3, 'plan van aanpak: at most three goals');
  const refl = read('content/hulpmiddelen/gemeente/reflectie-grijze-gebied.form.json');
  assert.equal(refl.secties.flatMap((s) => s.velden).filter((f) => /^r_/.test(f.id)).length, 12, 'twelve reasons');
  const werkblad = read('content/hulpmiddelen/vijfstappen/werkblad-vijfstappen.form.json');
  assert.deepEqual(werkblad.secties.map((s) => s.id), ['stap1', 'stap2', 'stap3', 'stap4', 'stap5']);
  for (const [page, form] of [['hulpmiddelen/gemeente/opdracht-jobcoach.html', 'opdracht-jobcoach'], ['hulpmiddelen/gemeente/plan-van-aanpak.html', 'plan-van-aanpak'],
    ['hulpmiddelen/gemeente/reflectie-grijze-gebied.html', 'reflectie-grijze-gebied'], ['hulpmiddelen/vijfstappen/werkblad.html', 'werkblad-vijfstappen']]) {
    assert.match(readFileSync(join(site, page), 'utf8'), new RegExp(`<form[^>]*id="fv-${form}"`), `${page} shows no form ${form}`);
  }
  // the worksheet and the choice aid point at each other
  assert.ok(readFileSync(join(site, 'hulpmiddelen/vijfstappen/werkblad.html'), 'utf8').includes('../../stroomschema/index.html'));
  assert.ok(readFileSync(join(site, 'trajecten/index.html'), 'utf8').includes('../processen/vijfstappen-methodiek.html'));
  assert.ok(readFileSync(join(site, 'stroomschema/index.html'), 'utf8').includes('../hulpmiddelen/vijfstappen/werkblad.html'), 'the flows page does not link the worksheet');
  assert.ok(readFileSync(join(site, 'processen/vijfstappen-methodiek.html'), 'utf8').includes('../hulpmiddelen/vijfstappen/werkblad.html'));
});

test('gemeentelijke beoordeling: the three spanningsvelden and the twelve reasons of the grijze gebied', () => {
  const html = readFileSync(join(site, 'processen/gemeentelijke-beoordeling.html'), 'utf8');
  const section = (id) => html.slice(html.indexOf(`id="${id}"`), html.indexOf('<h2', html.indexOf(`id="${id}"`) + 10));
  assert.equal((section('spanningsvelden').match(/<li>/g) || []).length, 3, 'three spanningsvelden');
  assert.equal((section('grijze-gebied').match(/<li>/g) || []).length, 12, 'twelve reasons');
  const body = text('processen/gemeentelijke-beoordeling.html');
  for (const s of ['Methode.', 'Maatwerk en dezelfde lat.', 'Verbeteren en vrijheid.']) assert.ok(body.includes(s), s);
});

test('Leidraad: the seven hoofdvragen of the toetsing', () => {
  const html = readFileSync(join(site, 'processen/uwv-route.html'), 'utf8');
  const start = html.indexOf('id="hoofdvragen"');
  assert.ok(start > 0, 'no section #hoofdvragen');
  const list = html.slice(start, html.indexOf('</ol>', start));
  assert.equal((list.match(/<li>/g) || []).length, 7);
  assert.match(text('processen/uwv-route.html'), /klik tussen jobcoach en werknemer/);
});

test('Inspectie SZW 2019: the grades 6,1 and 6,6 for UWV services to people with a WIA benefit', () => {
  const body = text('trajecten/uwv-naar-werk.html');
  assert.match(body, /Inspectie SZW in 2019/);
  assert.match(body, /6,1 bij gedeeltelijk arbeidsongeschikten en 6,6 bij volledig arbeidsongeschikten/);
  assert.ok(readFileSync(join(site, 'trajecten/uwv-werkfit-maken.html'), 'utf8').includes('uwv-naar-werk.html#ervaringen'));
});

test('handreiking: development steps 1.1 to 2.0 and the training (41 professionals, two practice cases)', () => {
  const body = text('processen/begeleidingsnoodzaak.html');
  for (const v of ['1.1 → 1.2', '1.2 → 1.3', '1.3 → 2.0']) assert.ok(body.includes(v), `version step ${v}`);
  assert.match(body, /41 professionals/);
  assert.match(body, /klassiek autisme/);
  assert.match(body, /verstandelijke beperking/);
  assert.match(body, /28 professionals/);
});

test('the twelve cases are linked to the 21 aspects they illustrate and to the factor model', () => {
  const html = readFileSync(join(site, 'duurzame-plaatsing/casussen/index.html'), 'utf8');
  const start = html.indexOf('id="aspecten"');
  const table = html.slice(start, html.indexOf('</table>', start));
  const rows = table.split('<tr>').slice(2);
  assert.equal(rows.length, 12, 'one row per case');
  for (const [i, row] of rows.entries()) {
    assert.match(row, /hulpmiddelen\/voorbeeldvragen\/[a-z-]+\.html/, `case ${i + 1}: no aspect`);
    assert.match(row, /factormodel\.html#[a-z-]+/, `case ${i + 1}: no factor`);
  }
  for (let i = 1; i <= 12; i++) {
    const page = `duurzame-plaatsing/casussen/casus-${String(i).padStart(2, '0')}.html`;
    assert.match(readFileSync(join(site, page), 'utf8'), /hulpmiddelen\/voorbeeldvragen\/[a-z-]+\.html/, `${page} links no aspect`);
  }
});

test('Wsw: no page says it simply "opgegaan in de Participatiewet"; the dated rule for existing employees is stated', () => {
  const wrong = htmlFiles(site).filter((page) => /opgegaan in de Participatiewet/i.test(text(page)));
  assert.deepEqual(wrong, []);
  const body = text('regels/wettelijke-basis.html');
  assert.match(body, /stand 1 januari 2015: sinds die datum is er geen nieuwe instroom in de Wsw/);
  assert.match(text('stroomschema/po-jobcoaching/o-wsw.html'), /geen nieuwe instroom in de Wsw/);
});
