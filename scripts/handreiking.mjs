#!/usr/bin/env node
// Handreiking begeleidingsnoodzaak: one source, three outputs.
//
// content/hulpmiddelen/handreiking/aspecten.json holds the 21 aspects (definition, voorbeeldvragen
// per leefgebied, tip). This script writes from it:
//   content/hulpmiddelen/voorbeeldvragen/_index.md and one page per aspect (browsable, searchable);
//   content/hulpmiddelen/handreiking/gespreksformulier.md (the blank paper version);
//   content/hulpmiddelen/handreiking/invullen.md (the page that shows the form);
//   content/hulpmiddelen/handreiking/handreiking.form.json (the form: aspects, samenvattend oordeel,
//   afsluitende vragen, rule examples).
//
//   node scripts/handreiking.mjs           write the files
//   node scripts/handreiking.mjs --check   exit 1 when a written file differs (CTest: handreiking_generated)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SRC = 'content/hulpmiddelen/handreiking/aspecten.json';
const BIJGEWERKT = '2026-11-22';
const GENERATED = `# Gemaakt door scripts/handreiking.mjs uit ${SRC}; bewerk dat bestand, niet deze pagina.`;

const data = JSON.parse(fs.readFileSync(path.join(ROOT, SRC), 'utf8'));
const slug = (id) => id.replace(/_/g, '-');
const yamlString = (s) => JSON.stringify(s);

const aspects = [];
for (const c of data.clusters) for (const a of c.aspecten) aspects.push({ ...a, cluster: c, nummer: aspects.length + 1 });
if (aspects.length !== 21) throw new Error(`verwacht 21 aspecten, gevonden ${aspects.length}`);
const count = (a) => data.leefgebieden.reduce((n, l) => n + (a.voorbeeldvragen[l.id] || []).length, 0);

const BRONNEN_ASPECT = [
  'Bepalen noodzakelijke begeleiding bij arbeidsparticipatie (Hento, ca. 2018), de 21 aspecten in vier clusters en de wens om voorbeeldvragen per leefgebied',
  'Faber, Nieuwenhuijsen & Frings-Dresen (2015), Indicatie begeleidingsbehoefte (zoals geciteerd door Hento), de lijst van aspecten',
];

const out = new Map();

// ---------------------------------------------------------------------------
// Voorbeeldvragen: one page per aspect and the section page.

for (const a of aspects) {
  const lines = [
    '---',
    GENERATED,
    `title: ${yamlString(`Voorbeeldvragen: ${a.naam.toLowerCase()}`)}`,
    `description: ${yamlString(a.definitie)}`,
    `weight: ${a.nummer}`,
    `aspect: ${a.id}`,
    `cluster: ${a.cluster.id}`,
    'bronnen:',
    ...BRONNEN_ASPECT.map((b) => `  - ${yamlString(b)}`),
    `bijgewerkt: ${BIJGEWERKT}`,
    '---',
    '',
    `Aspect ${a.nummer} van de [handreiking begeleidingsnoodzaak](../handreiking/_index.md), cluster`,
    `*${a.cluster.naam.toLowerCase()}*.`,
    '',
    '## Wat we ermee bedoelen {#definitie}',
    '',
    a.definitie,
    '',
    'Deze omschrijving is van de Begeleidingswijzer zelf; zie [over de definities](_index.md#definities).',
    '',
  ];
  for (const l of data.leefgebieden) {
    const vragen = a.voorbeeldvragen[l.id] || [];
    if (!vragen.length) continue;
    lines.push(`## ${l.naam} {#${slug(l.id)}}`, '', ...vragen.map((v) => `- ${v}`), '');
  }
  lines.push('## Tip voor het gesprek {#tip}', '', a.tip, '');
  lines.push(
    '## Vastleggen {#vastleggen}',
    '',
    'Leg uw oordeel over dit aspect vast in de [handreiking](../handreiking/invullen.md), of noteer het op',
    'het [gespreksformulier](../handreiking/gespreksformulier.md) als u op papier werkt.',
    '',
  );
  out.set(`content/hulpmiddelen/voorbeeldvragen/${slug(a.id)}.md`, lines.join('\n'));
}

{
  const total = aspects.reduce((n, a) => n + count(a), 0);
  const lines = [
    '---',
    GENERATED,
    'title: "Voorbeeldvragen per aspect"',
    `description: ${yamlString(`Open vragen voor het gesprek over begeleidingsnoodzaak: ${total} vragen bij 21 aspecten, per leefgebied, met een tip per aspect.`)}`,
    'weight: 20',
    'bronnen:',
    ...BRONNEN_ASPECT.map((b) => `  - ${yamlString(b)}`),
    `bijgewerkt: ${BIJGEWERKT}`,
    '---',
    '',
    'Bij elk van de 21 aspecten van de [handreiking begeleidingsnoodzaak](../handreiking/_index.md) staan',
    'hier open vragen voor het gesprek met de cliënt, geordend naar leefgebied: dagelijks leven, school,',
    'stage en werk. Professionals die de handreiking testten, vroegen om zulke vragen en om tips voor de',
    'gesprekstechniek. Kies de vragen die passen bij de cliënt; het zijn geen vragen die allemaal gesteld',
    'moeten worden.',
    '',
    '## Over de definities {#definities}',
    '',
    'De bronnen van deze wijzer noemen alleen de namen van de aspecten. De definities en de vragen op deze',
    'pagina\'s zijn daarom door de Begeleidingswijzer zelf geschreven, in neutrale woorden, en zijn geen',
    'citaat uit het oorspronkelijke rapport. Werkt uw organisatie met eigen definities, gebruik dan die.',
    '',
  ];
  for (const c of data.clusters) {
    lines.push(`## ${c.naam} {#${slug(c.id)}}`, '', c.uitleg, '', '| Aspect | Vragen |', '|---|---|');
    for (const a of aspects.filter((x) => x.cluster === c))
      lines.push(`| ${a.nummer}. [${a.naam}](${slug(a.id)}.md) | ${count(a)} |`);
    lines.push('');
  }
  lines.push(`In totaal ${total} voorbeeldvragen.`, '');
  out.set('content/hulpmiddelen/voorbeeldvragen/_index.md', lines.join('\n'));
}

// ---------------------------------------------------------------------------
// The page that shows the form, with a link to the questions of every aspect.

{
  const links = data.clusters.map((c) => `- ${c.naam}: ` + aspects.filter((x) => x.cluster === c)
    .map((a) => `[${a.nummer}. ${a.naam.toLowerCase()}](../voorbeeldvragen/${slug(a.id)}.md)`).join(', ') + '.');
  out.set('content/hulpmiddelen/handreiking/invullen.md', [
    '---',
    GENERATED,
    'title: "Handreiking invullen"',
    'description: "Het digitale formulier: per aspect uw oordeel met duur, intensiteit en onderbouwing, het samenvattend oordeel per cluster en de afsluitende vragen."',
    'weight: 10',
    'formulier: handreiking',
    'bronnen:',
    ...BRONNEN_ASPECT.map((b) => `  - ${yamlString(b)}`),
    '  - "Leidraad Jobcoach (AKC/NVvA, 2012), Context: Voorwaarden voor de inzet (begeleidingsbehoefte)"',
    `bijgewerkt: ${BIJGEWERKT}`,
    '---',
    '',
    'Vul per aspect uw oordeel in; uitleg over de keuzes staat bij [de handreiking](_index.md#duur-intensiteit).',
    'Werkt u tijdens het gesprek liever op papier, druk dan het [gespreksformulier](gespreksformulier.md) af.',
    'Open vragen voor het gesprek staan per aspect bij de voorbeeldvragen:',
    '',
    ...links,
    '',
  ].join('\n'));
}

// ---------------------------------------------------------------------------
// The blank paper version for the conversation.

const OORDELEN = [
  { waarde: 'nvt', label: 'Niet van toepassing (overslaan)', kort: 'niet van toepassing' },
  { waarde: 'geen', label: 'Geen begeleiding of aanpassing nodig', kort: 'niets nodig' },
  { waarde: 'begeleiding', label: 'Begeleiding nodig', kort: 'begeleiding' },
  { waarde: 'aanpassing', label: 'Aanpassing in de werkcontext nodig', kort: 'aanpassing' },
  { waarde: 'beide', label: 'Begeleiding én aanpassing in de werkcontext nodig', kort: 'begeleiding en aanpassing' },
];
const NODIG = ['begeleiding', 'aanpassing', 'beide'];
const DUUR = [
  { waarde: 'kort', label: 'Kort: tot ongeveer zes maanden' },
  { waarde: 'lang', label: 'Lang: langer dan zes maanden of blijvend' },
];
const INTENSITEIT = [
  { waarde: 'licht', label: 'Licht: af en toe of op afroep' },
  { waarde: 'gemiddeld', label: 'Gemiddeld: geregeld, bijvoorbeeld wekelijks' },
  { waarde: 'intensief', label: 'Intensief: dagelijks of doorlopend' },
];
const SOORT = [
  { waarde: 'wonen', label: 'Wonen en dagelijks leven' },
  { waarde: 'vervoer', label: 'Vervoer naar het werk' },
  { waarde: 'werkvloer', label: 'Op de werkvloer (jobcoach)' },
  { waarde: 'werkomgeving', label: 'Leidinggevende en collega\'s' },
  { waarde: 'zorg', label: 'Zorg of behandeling' },
  { waarde: 'anders', label: 'Anders (noem het in de onderbouwing)' },
];
const SLOT = [
  { id: 'kansen', label: 'Waar liggen de grootste kansen op werk, en welke begeleiding is daarvoor nodig?' },
  { id: 'coaching', label: 'Bij welke aspecten is coaching nodig?' },
  { id: 'training', label: 'Bij welke aspecten is training nodig?' },
  { id: 'toezicht', label: 'Bij welke aspecten is toezicht nodig?' },
];

{
  const lines = [
    '---',
    GENERATED,
    'title: "Gespreksformulier (blanco, om af te drukken)"',
    'description: "De papieren versie voor tijdens het gesprek: per aspect de omschrijving, een paar voorbeeldvragen en ruimte voor uw oordeel."',
    'weight: 20',
    'bronnen:',
    ...BRONNEN_ASPECT.map((b) => `  - ${yamlString(b)}`),
    `bijgewerkt: ${BIJGEWERKT}`,
    '---',
    '',
    'Druk deze pagina af voor het gesprek met de cliënt (in de browser: *Afdrukken*). Vul daarna de',
    '[digitale handreiking](invullen.md) in; die maakt het samenvattend oordeel en bewaart alles op dit',
    'apparaat. Alle voorbeeldvragen staan bij de [voorbeeldvragen per aspect](../voorbeeldvragen/_index.md).',
    '',
    'Cliënt: …………………………………… Datum: ……………………… Professional: ……………………………………',
    '',
    'Per aspect kruist u één oordeel aan. Is er iets nodig, noteer dan de duur (kort: tot ongeveer zes',
    'maanden; lang: langer of blijvend), de intensiteit (licht, gemiddeld, intensief), waar de steun nodig is',
    '(wonen, vervoer, werkvloer, leidinggevende en collega\'s, zorg, anders) en uw onderbouwing.',
    '',
  ];
  for (const c of data.clusters) {
    lines.push(`## ${c.naam} {#${slug(c.id)}}`, '');
    for (const a of aspects.filter((x) => x.cluster === c)) {
      lines.push(`### ${a.nummer}. ${a.naam} {#${slug(a.id)}}`, '', `*${a.definitie}*`, '');
      lines.push('Vragen om mee te beginnen:', '');
      for (const l of data.leefgebieden) {
        const v = (a.voorbeeldvragen[l.id] || [])[0];
        if (v) lines.push(`- ${l.naam}: ${v}`);
      }
      lines.push('', 'Oordeel (kruis één aan):', '', ...OORDELEN.map((o) => `- [ ] ${o.label}`), '');
      lines.push('Duur: kort / lang. Intensiteit: licht / gemiddeld / intensief. Waar: ……………………………………', '');
      lines.push('Onderbouwing: ……………………………………………………………………………………………', '');
      lines.push('……………………………………………………………………………………………', '');
    }
  }
  lines.push('## Afsluitende vragen {#afsluitend}', '');
  for (const s of SLOT) lines.push(`**${s.label}**`, '', '……………………………………………………………………………………………', '');
  lines.push('**Eindoordeel van de professional** (de handreiking geeft zelf geen eindoordeel)', '');
  lines.push('……………………………………………………………………………………………', '');
  lines.push('……………………………………………………………………………………………', '');
  out.set('content/hulpmiddelen/handreiking/gespreksformulier.md', lines.join('\n'));
}

// ---------------------------------------------------------------------------
// The form definition.

const needed = (id) => ({ in: [{ var: id }, NODIG] });
const labelOf = (id, options) => {
  const arms = [];
  for (const o of options) arms.push({ '===': [{ var: id }, o.waarde] }, o.kort || o.label.split(':')[0].toLowerCase());
  arms.push('?');
  return { if: arms };
};

const sections = [
  {
    id: 'client',
    titel: 'Cliënt en gesprek',
    hulp: 'Gebruik een naam of code die u zelf herkent. Alles blijft op dit apparaat, tot u het dossier exporteert.',
    velden: [
      { id: 'client', type: 'text', label: 'Cliënt (naam of code)' },
      { id: 'datum', type: 'date', label: 'Datum van het gesprek' },
      { id: 'professional', type: 'text', label: 'Professional' },
      {
        id: 'situatie', type: 'textarea', label: 'Situatie en werkdoel', regels: 4,
        hint: 'Is er al een werkplek of een soort werk in beeld? Welke informatie (school, stage, eerder werk) hebt u gebruikt?',
      },
    ],
  },
];

for (const a of aspects) {
  const zichtbaar = needed(a.id);
  const uitleg = 'alleen als begeleiding en/of aanpassing nodig is';
  sections.push({
    id: `aspect_${a.id}`,
    titel: `${a.nummer}. ${a.naam}`,
    hulp: `${a.cluster.naam}. ${a.definitie} Open vragen voor het gesprek vindt u via de lijst boven aan deze pagina.`,
    velden: [
      {
        id: a.id, type: 'radio', label: `Oordeel over ${a.naam.toLowerCase()}`,
        hint: 'Sla een aspect over met “niet van toepassing”. Een aspect zonder keuze telt als nog niet beoordeeld.',
        opties: OORDELEN.map(({ waarde, label }) => ({ waarde, label })),
      },
      { id: `${a.id}_duur`, type: 'radio', label: 'Duur', verplicht: true, zichtbaar, zichtbaar_uitleg: uitleg, opties: DUUR },
      { id: `${a.id}_intensiteit`, type: 'radio', label: 'Intensiteit', verplicht: true, zichtbaar, zichtbaar_uitleg: uitleg, opties: INTENSITEIT },
      { id: `${a.id}_soort`, type: 'checkbox', label: 'Waar is de steun nodig?', zichtbaar, zichtbaar_uitleg: uitleg, opties: SOORT },
      {
        id: `${a.id}_onderbouwing`, type: 'textarea', label: 'Onderbouwing', verplicht: true, regels: 4, zichtbaar, zichtbaar_uitleg: uitleg,
        hint: 'Wat hebt u gezien of gehoord, en bij welk leefgebied? Wat zou de steun of de aanpassing moeten opleveren?',
      },
    ],
  });
}

const oneIf = (rule) => ({ if: [rule, 1, 0] });
// The samenvattend oordeel: one line per cluster, "n van m: aspect: oordeel, duur …, intensiteit …; …".
const summaryVelden = [];
for (const c of data.clusters) {
  const list = aspects.filter((x) => x.cluster === c);
  const count = { '+': list.map((a) => oneIf(needed(a.id))) };
  const open = { '+': list.map((a) => oneIf({ missing: [a.id] })) };
  const items = {
    cat: list.map((a) => ({
      if: [needed(a.id), { cat: [a.naam, ': ', labelOf(a.id, OORDELEN), ', duur ', labelOf(`${a.id}_duur`, DUUR),
        ', intensiteit ', labelOf(`${a.id}_intensiteit`, INTENSITEIT), '; '] }, ''],
    })),
  };
  summaryVelden.push({
    id: `oordeel_${c.id}`, type: 'berekend', label: c.naam,
    uitleg: `De aspecten van dit cluster (${list.length}) met begeleiding en/of aanpassing, met duur en intensiteit.`,
    regel: {
      cat: [
        { if: [{ '===': [count, 0] }, 'niets nodig', { cat: [count, ' van ', list.length, ': ', { substr: [items, 0, -2] }] }] },
        { if: [{ '>': [open, 0] }, { cat: [' (nog niet beoordeeld: ', open, ')'] }, ''] },
      ],
    },
  });
}
summaryVelden.push({
  id: 'open_totaal', type: 'berekend', label: 'Aspecten zonder oordeel', decimalen: 0,
  uitleg: 'Het aantal van de 21 aspecten waarbij nog geen oordeel is gekozen.',
  regel: { '+': aspects.map((a) => oneIf({ missing: [a.id] })) },
});
sections.push({
  id: 'samenvattend_oordeel',
  titel: 'Samenvattend oordeel',
  hulp: 'Wordt bijgewerkt terwijl u invult: per cluster de aspecten waar begeleiding of aanpassing nodig is, met duur en intensiteit. Dit is geen eindoordeel.',
  velden: summaryVelden,
});


sections.push({
  id: 'afsluitend',
  titel: 'Afsluitende vragen en eindoordeel',
  hulp: 'De handreiking geeft bewust geen eindoordeel. Het samenvattend oordeel hierboven is een hulpmiddel; uw deskundigheid beslist.',
  velden: [
    ...SLOT.map((s) => ({ id: s.id, type: 'textarea', label: s.label, regels: 4 })),
    { id: 'eindoordeel', type: 'textarea', label: 'Eindoordeel van de professional', regels: 6, hint: 'Aard, duur en intensiteit van de begeleiding die nodig is, in uw eigen woorden.' },
  ],
});

const form = {
  id: 'handreiking',
  versie: 1,
  titel: 'Handreiking begeleidingsnoodzaak',
  inleiding: 'Beoordeel per aspect of begeleiding en/of aanpassing in de werkcontext nodig is. Sla aspecten die niet spelen over. Het samenvattend oordeel verschijnt onder de aspecten; het eindoordeel schrijft u zelf.',
  secties: sections,
  signalen: [
    {
      id: 'niet_alles_beoordeeld', soort: 'info', titel: 'Nog niet alle aspecten beoordeeld',
      wanneer: 'er is bij een of meer aspecten nog geen oordeel gekozen.',
      tekst: 'Bij {open_totaal} van de 21 aspecten is nog geen oordeel gekozen. Kies “niet van toepassing” voor aspecten die u bewust overslaat.',
      als: { '>': [{ var: 'open_totaal' }, 0] },
    },
  ],
  voorbeelden: [],
};

const allNvt = Object.fromEntries(aspects.map((a) => [a.id, 'nvt']));
form.voorbeelden.push(
  {
    naam: 'Leeg formulier: niets verplicht, alle 21 aspecten nog open',
    invoer: {},
    verwacht: { open_totaal: 21, oordeel_basisvoorwaarden: 'niets nodig (nog niet beoordeeld: 3)', oordeel_vaardigheden: 'niets nodig (nog niet beoordeeld: 4)', signalen: ['niet_alles_beoordeeld'], fouten: [] },
  },
  {
    naam: 'Alles overgeslagen: geen signaal, niets nodig',
    invoer: allNvt,
    verwacht: { open_totaal: 0, oordeel_persoonlijke_kenmerken: 'niets nodig', signalen: [], fouten: [] },
  },
  {
    naam: 'Begeleiding nodig: duur, intensiteit en onderbouwing worden verplicht',
    invoer: { ...allNvt, werkafspraken: 'begeleiding' },
    verwacht: { oordeel_vaardigheden: '1 van 4: Werkafspraken: begeleiding, duur ?, intensiteit ?', signalen: [], fouten: ['werkafspraken_duur', 'werkafspraken_intensiteit', 'werkafspraken_onderbouwing'] },
  },
  {
    naam: 'Samenvatting per cluster met duur en intensiteit',
    invoer: {
      ...allNvt,
      dak_boven_het_hoofd: 'geen',
      zelfredzaamheid: 'beide', zelfredzaamheid_duur: 'lang', zelfredzaamheid_intensiteit: 'gemiddeld', zelfredzaamheid_soort: ['wonen'], zelfredzaamheid_onderbouwing: 'Post en geldzaken lopen vast.',
      ondersteunend_netwerk: 'begeleiding', ondersteunend_netwerk_duur: 'kort', ondersteunend_netwerk_intensiteit: 'licht', ondersteunend_netwerk_onderbouwing: 'Netwerk klein.',
      concentratievermogen: 'aanpassing', concentratievermogen_duur: 'kort', concentratievermogen_intensiteit: 'licht', concentratievermogen_onderbouwing: 'Rustige werkplek nodig.',
      geheugen: null,
    },
    verwacht: {
      oordeel_basisvoorwaarden: '2 van 3: Zelfredzaamheid: begeleiding en aanpassing, duur lang, intensiteit gemiddeld; Ondersteunend netwerk: begeleiding, duur kort, intensiteit licht',
      oordeel_vaardigheden: 'niets nodig',
      oordeel_cognitieve_executieve_functies: '1 van 6: Concentratievermogen: aanpassing, duur kort, intensiteit licht (nog niet beoordeeld: 1)',
      open_totaal: 1,
      signalen: ['niet_alles_beoordeeld'], fouten: [],
    },
  },
  {
    naam: 'Terug naar “geen”: de vervolgvragen vervallen en de samenvatting ook',
    invoer: { ...allNvt, geheugen: 'geen', geheugen_duur: 'lang' },
    verwacht: { geheugen_duur: null, oordeel_cognitieve_executieve_functies: 'niets nodig', signalen: [], fouten: [] },
  },
);
out.set('content/hulpmiddelen/handreiking/handreiking.form.json', JSON.stringify(form, null, 2) + '\n');

// ---------------------------------------------------------------------------

const check = process.argv.includes('--check');
let stale = 0;
for (const [rel, text] of out) {
  const file = path.join(ROOT, rel);
  const old = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
  if (old === text) continue;
  if (check) {
    console.error(`${rel}: niet bijgewerkt; draai node scripts/handreiking.mjs`);
    stale++;
  } else {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    console.log(`geschreven: ${rel}`);
  }
}
if (check && stale) process.exit(1);
if (!check) for (const a of aspects) console.log(`${String(a.nummer).padStart(2)}. ${a.naam}: ${count(a)} voorbeeldvragen`);
