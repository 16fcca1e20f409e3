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
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;|&#160;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
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
