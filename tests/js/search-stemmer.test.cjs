// The browser's Dutch stemmer, folding and tokenizer (site-assets/js/search.js) must agree with the
// compiler's (libstemmer's "dutch" and generator/text.cpp), so a query finds what the index holds.
// tests/fixtures/search/stems-dutch.txt: "word stem" per line, stems from libstemmer 2.2 (Debian 12);
// the same file is checked against the C++ side in tests/unit/search_test.cpp.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const zoek = require('../../site-assets/js/search.js');

const pairs = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'search', 'stems-dutch.txt'), 'utf8')
  .split('\n').filter(Boolean).map((line) => line.split(' '));

test('the JS stemmer gives libstemmer\'s stem for every word of the portal', () => {
  assert.ok(pairs.length > 1000);
  const wrong = pairs.filter(([word, stem]) => zoek.stem(word) !== stem).map(([w, s]) => `${w}: ${zoek.stem(w)} (libstemmer: ${s})`);
  assert.deepEqual(wrong, []);
});

test('folding matches generator/text.cpp fold()', () => {
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
