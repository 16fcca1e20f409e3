// Every page loads at most 60 KB (60,000 bytes: the stricter reading of "KB") of CSS and JavaScript,
// uncompressed, counting the stylesheets and scripts its HTML references. What the search box
// loads on first use (site-assets/search/search.js and search-results.css, the index) is not part
// of a page's load; its size is printed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, dirname, relative } from 'node:path';

const site = process.env.WIJZER_SITE || join(import.meta.dirname, '..', '..', '_site');
const BUDGET = 60_000;
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;

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

test(`every page loads at most ${kb(BUDGET)} of CSS and JS`, () => {
  let heaviest = { total: 0 };
  const over = [];
  for (const page of htmlFiles(site)) {
    const files = loaded(page);
    const total = files.reduce((n, f) => n + f.bytes, 0);
    if (total > heaviest.total) heaviest = { page: relative(site, page), total, files };
    if (total > BUDGET) over.push(`${relative(site, page)}: ${kb(total)}`);
  }
  console.log(`# heaviest page: ${heaviest.page}, ${kb(heaviest.total)}` +
    ` (${heaviest.files.map((f) => `${f.url.split('/').pop()} ${kb(f.bytes)}`).join(', ')})`);
  const home = readFileSync(join(site, 'index.html'), 'utf8');
  const lazy = ['data-zoek-script', 'data-zoek-style'].map((a) => home.match(new RegExp(`${a}="([^"]+)"`))?.[1]).filter(Boolean);
  const lazyBytes = lazy.reduce((n, url) => n + statSync(join(site, url)).size, 0);
  console.log(`# on first use of the search box: ${kb(lazyBytes)} (${lazy.map((u) => u.split('/').pop()).join(', ')}) plus index files`);
  assert.deepEqual(over, [], `pages over budget:\n${over.slice(0, 20).join('\n')}`);
});
