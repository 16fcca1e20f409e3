// The search on a large generated portal (2,000 pages: several names files), from file://: after
// the first results the other names files load in idle time, so a later query's result list waits
// only for the term shards of its words; its excerpts are filled in afterwards (aria-busy until then).
//
//   WIJZER=build/wijzer node --test tests/browser/search-large.test.mjs

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT, launchBrowser, newCheckedPage, pathToFileURL, takeIssues } from './lib.mjs';

const WIJZER = process.env.WIJZER || path.join(REPO_ROOT, 'build', 'wijzer');
let work;
let site;
let browser;

before(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'wijzer-search-large-'));
  const src = path.join(work, 'src');
  site = path.join(work, 'site');
  execFileSync('python3', [path.join(REPO_ROOT, 'bench', 'gen_corpus.py'), src, '--pages', '2000'], { stdio: 'pipe' });
  for (const d of ['templates', 'site-assets']) fs.cpSync(path.join(REPO_ROOT, d), path.join(src, d), { recursive: true });
  execFileSync(WIJZER, ['build', '--source', src, '--out', site], { stdio: 'pipe' });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

/** The manifest's lists of names files and excerpt chunks. */
function manifest() {
  const text = fs.readFileSync(path.join(site, 'search', 'index.js'), 'utf8');
  return JSON.parse(text.slice(text.indexOf(',') + 1, text.lastIndexOf(')')));
}

/** Pastes `q` into the box; resolves with the index files added until the list showed and until its
 *  excerpts were filled in, whether it was aria-busy when it showed, and the options' texts. */
function paste(page, q) {
  return page.evaluate(
    (q) =>
      new Promise((resolve) => {
        const input = document.querySelector('#zoekvak-invoer');
        const list = document.querySelector('#zoekvak-lijst');
        const added = [];
        let beforeList = null;
        let busy = null;
        const scripts = new MutationObserver((records) => {
          for (const r of records) for (const n of r.addedNodes) if (n.tagName === 'SCRIPT') added.push(n.src.split('/').pop().split('.')[0]);
        });
        scripts.observe(document.head, { childList: true });
        let rendered = false;
        const observer = new MutationObserver((records) => {
          rendered ||= records.some((r) => r.type === 'childList' && r.addedNodes.length);
          if (!rendered || list.hidden || !list.children.length) return;
          if (beforeList === null) {
            beforeList = added.slice();
            busy = list.getAttribute('aria-busy');
          }
          if (list.hasAttribute('aria-busy')) return;
          observer.disconnect();
          scripts.disconnect();
          resolve({ beforeList, all: added, busy, options: [...list.children].map((o) => ({ text: o.textContent, marks: o.querySelectorAll('.zoek-optie__tekst mark').length })) });
        });
        observer.observe(list, { childList: true, attributes: true });
        input.value = q;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }),
    q,
  );
}

test('names files load in idle time after the first results; a later list needs only term shards', async () => {
  const m = manifest();
  assert.ok(m.names.length >= 2, `names files: ${m.names.length}`);
  assert.ok(m.chunks.length > m.names.length);
  const context = await browser.newContext();
  const page = await newCheckedPage(context, null);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(path.join(site, 'index.html')).href, { waitUntil: 'load' });
  await page.waitForSelector('.zoekvak__form:not([hidden])');
  await page.focus('#zoekvak-invoer');
  await page.waitForFunction(() => document.querySelector('#zoekvak-lijst'));
  const first = await paste(page, 'jobcoach');
  assert.ok(first.options.length > 0);
  // then, in idle time, every names file
  const names = m.names.map((e) => e[1]);
  await page.waitForFunction(
    (n) => n.every((name) => [...document.scripts].some((s) => s.src.includes(`/search/${name}.js`))),
    names,
    { timeout: 10000 },
  );
  // a later query with new words: its list waits for their term shards, no names file; it shows
  // while its excerpts load (those start with the list), and they are filled in with matches marked
  const later = await paste(page, 'budget financiering');
  assert.ok(later.beforeList.some((n) => /^t\d+$/.test(n)), 'the words need shards not loaded yet');
  assert.deepEqual(later.beforeList.filter((n) => !/^[td]\d+$/.test(n)), []);
  assert.ok(later.all.some((n) => /^d\d+$/.test(n)), later.all.join(' '));
  assert.equal(later.busy, 'true');
  assert.ok(later.options.length > 0);
  assert.ok(later.options.every((o) => o.text.length > 0));
  assert.ok(later.options.some((o) => o.marks > 0), JSON.stringify(later.options));
  assert.ok(requests.every((u) => u.startsWith('file:')));
  assert.deepEqual(takeIssues(page), []);
  await context.close();
});
