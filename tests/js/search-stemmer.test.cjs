// The browser's Dutch stemmer, folding and tokenizer (site-assets/search/search.js) must agree with the
// compiler's (libstemmer's "dutch" and generator/base/text.cpp), so a query finds what the index holds.
// tests/fixtures/search/stems-dutch.txt: "word stem" per line, stems from libstemmer 2.2 (Debian 12);
// the same file is checked against the C++ side in tests/unit/search_test.cpp.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const zoek = require('../../site-assets/search/search.js');

const pairs = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'search', 'stems-dutch.txt'), 'utf8')
  .split('\n').filter(Boolean).map((line) => line.split(' '));

test('the JS stemmer gives libstemmer\'s stem for every word of the portal', () => {
  assert.ok(pairs.length > 1000);
  const wrong = pairs.filter(([word, stem]) => zoek.stem(word) !== stem).map(([w, s]) => `${w}: ${zoek.stem(w)} (libstemmer: ${s})`);
  assert.deepEqual(wrong, []);
});

test('folding matches generator/base/text.cpp fold()', () => {
  assert.equal(zoek.fold('Cliënt'), 'client');
  assert.equal(zoek.fold('Reïntegratie ÆØÅ ß Œuvre ĳs'), 'reintegratie aeoa ss oeuvre ijs');
  assert.equal(zoek.fold('Ça & Ω'), 'ca & Ω');
});

test('words split like the compiler\'s tokenizer', () => {
  assert.deepEqual(zoek.words('Cliënt’s re-integratie: 2 uur/week — €40'), ['client', 's', 're', 'integratie', '2', 'uur', 'week', '40']);
});

test('slugify matches the heading anchor rule', () => {
  assert.equal(zoek.slugify('Cliënt & werkgever'), 'client-werkgever');
  assert.equal(zoek.slugify("Cliënt's rechten"), 'clients-rechten');
  assert.equal(zoek.slugify('Scholing, stage & leren'), 'scholing-stage-leren');
  assert.equal(zoek.slugify('€'), 'kop');
});

test('snippet: a long excerpt is cut at a space, from a few words before a match far into it', () => {
  const text = 'Een twee drie vier vijf zes zeven acht negen tien elf twaalf dertien veertien vijftien zestien jobcoach zeventien achttien negentien twintig.';
  const at = text.indexOf('jobcoach');
  const mark = [{ start: at, end: at + 8 }];
  const short = zoek.snippet(text, mark, 60);
  assert.ok(short.startsWith('…'), short);
  assert.ok(short.includes('jobcoach'), short);
  assert.ok(short.endsWith('…') && short.length <= 62, short);
  assert.ok(!/\S…$/.test(short.slice(0, -1)) && text.includes(short.slice(1, -1)), 'cut between words');
  // a match near the start: the start of the text; no match: the start too
  assert.equal(zoek.snippet(text, [{ start: 4, end: 8 }], 60), 'Een twee drie vier vijf zes zeven acht negen tien elf twaalf…');
  assert.equal(zoek.snippet(text, [], 60), 'Een twee drie vier vijf zes zeven acht negen tien elf twaalf…');
  // short enough: unchanged
  assert.equal(zoek.snippet('Kort.', mark, 60), 'Kort.');
});
