// Every page loads at most 60 KB of CSS and JavaScript (uncompressed), counting the stylesheets and
// scripts its HTML references. Scripts a page loads later, on first use (the search index, the
// search engine), are listed in LAZY and measured separately.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, dirname, relative } from 'node:path';

const site = process.env.WIJZER_SITE || join(import.meta.dirname, '..', '..', '_site');
const BUDGET = 60 * 1024;

function htmlFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

function loaded(page) {
  const html = readFileSync(page, 'utf8');
  const urls = [
    ...html.matchAll(/<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"/g),
    ...html.matchAll(/<script[^>]+src="([^"]+)"/g),
  ].map((m) => m[1]);
  return urls.map((url) => {
    const file = join(dirname(page), decodeURIComponent(url.split(/[?#]/)[0]));
    return { url, bytes: statSync(file).size };
  });
}

test(`every page loads at most ${BUDGET / 1024} KB of CSS and JS`, () => {
  let heaviest = { total: 0 };
  const over = [];
  for (const page of htmlFiles(site)) {
    const files = loaded(page);
    const total = files.reduce((n, f) => n + f.bytes, 0);
    if (total > heaviest.total) heaviest = { page: relative(site, page), total, files };
    if (total > BUDGET) over.push(`${relative(site, page)}: ${(total / 1024).toFixed(1)} KB`);
  }
  console.log(`# heaviest page: ${heaviest.page}, ${(heaviest.total / 1024).toFixed(1)} KB` +
    ` (${heaviest.files.map((f) => `${f.url.split('/').pop()} ${(f.bytes / 1024).toFixed(1)}`).join(', ')})`);
  assert.deepEqual(over, [], `pages over budget:\n${over.slice(0, 20).join('\n')}`);
});
