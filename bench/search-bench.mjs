// Search benchmark (issue 7): on the generated corpus (default 10,000 pages) measures
//   - index size: bytes under search/ against the markdown source (target < 30 %),
//   - build time of `wijzer build` with and without the search (its cost),
//   - in Chromium from file://: the first query of a fresh page, loading included (target < 200 ms),
//   - later queries (target < 20 ms), two ways, both printed:
//       typed:  key by key like a user (TYPE_DELAY ms per key, default 120), from the last keystroke;
//       pasted: the whole query put into the box at once (one input event), after a pause of 300 ms:
//               every index file the query needs loads inside the measured time.
//     Each until the result list shows (titles, sections, links) and until its excerpts are filled
//     in too (the list is aria-busy until then).
//
//   node bench/search-bench.mjs [PAGES]      (WIJZER=path/to/wijzer, RUNS=3, TYPE_DELAY=120)
//
// Reports, does not gate: exits 0 either way. Work files in bench/scratch/search/.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, launchBrowser, newCheckedPage, pathToFileURL, takeIssues } from '../tests/browser/lib.mjs';

const PAGES = Number(process.argv[2] || process.env.PAGES || 10000);
const RUNS = Number(process.env.RUNS || 3);
const TYPE_DELAY = Number(process.env.TYPE_DELAY || 120);
const WORK = path.join(REPO_ROOT, 'bench', 'scratch', 'search');
const SRC = path.join(WORK, 'src');
const OUT = path.join(WORK, 'out');
const WIJZER = process.env.WIJZER || path.join(REPO_ROOT, 'build', 'wijzer');

const FIRST = ['jobcoach', 'begeleider', 'proefplaatsing', 'client werkgever', 'loonkostensubsidie'];
const LATER = ['werk', 'begeleiding werkgever', 'reintegratie', 'gemeente uitkering', 'jobcoach uren', 'ondersteuning thuis',
  'proefpl', 'scholing', 'beoordeling indicatie', 'ervaringsdeskundige', 'vertrouwen', 'budget financiering'];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const max = (xs) => Math.max(...xs);
const ms = (x) => `${x.toFixed(1)} ms`;
const mb = (b) => `${(b / 1e6).toFixed(2)} MB`;

function sizeOf(dir, filter = () => true) {
  let total = 0;
  for (const f of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (f.isFile() && filter(f.name)) total += fs.statSync(path.join(f.parentPath ?? f.path, f.name)).size;
  }
  return total;
}

function build(out) {
  const t0 = process.hrtime.bigint();
  execFileSync(WIJZER, ['build', '--source', SRC, '--out', out], { stdio: ['ignore', 'pipe', 'pipe'] });
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

// ---------------------------------------------------------------- corpus and builds
if (!fs.existsSync(WIJZER)) {
  console.error(`search-bench: no wijzer at ${WIJZER} (build it, or set WIJZER)`);
  process.exit(0);
}
fs.mkdirSync(WORK, { recursive: true });
console.log(`== corpus: ${PAGES} pages in ${path.relative(REPO_ROOT, SRC)}`);
execFileSync('python3', [path.join(REPO_ROOT, 'bench', 'gen_corpus.py'), SRC, '--pages', String(PAGES), '--if-changed'], { stdio: 'inherit' });
for (const d of ['templates', 'site-assets']) {
  fs.rmSync(path.join(SRC, d), { recursive: true, force: true });
  fs.cpSync(path.join(REPO_ROOT, d), path.join(SRC, d), { recursive: true });
}
const mdBytes = sizeOf(path.join(SRC, 'content'), (n) => n.endsWith('.md'));

console.log(`== wijzer build x${RUNS}, with search and without (site-assets/search/search.js removed)`);
const withSearch = [];
const without = [];
const searchJs = path.join(SRC, 'site-assets', 'search', 'search.js');
const searchJsBytes = fs.readFileSync(searchJs);
// Each build writes a fresh folder. The previous one is moved aside, not deleted: deleting 10,000
// files right before a build slows the build's own file creation (see bench/README.md).
const TRASH = path.join(WORK, 'trash');
fs.rmSync(TRASH, { recursive: true, force: true });
fs.mkdirSync(TRASH);
const moveAside = (dir) => fs.existsSync(dir) && fs.renameSync(dir, path.join(TRASH, `${path.basename(dir)}-${fs.readdirSync(TRASH).length}`));
for (let i = 0; i < RUNS; i++) {
  moveAside(OUT + '-plain');
  fs.rmSync(searchJs);
  without.push(build(OUT + '-plain'));
  fs.writeFileSync(searchJs, searchJsBytes);
  moveAside(OUT);
  withSearch.push(build(OUT));
  console.log(`  run ${i + 1}: ${withSearch[i].toFixed(2)} s with search, ${without[i].toFixed(2)} s without`);
}
moveAside(OUT + '-plain');
fs.rmSync(TRASH, { recursive: true, force: true });
const indexBytes = sizeOf(path.join(OUT, 'search'));
const indexFiles = fs.readdirSync(path.join(OUT, 'search')).length;
const manifestBytes = fs.statSync(path.join(OUT, 'search', 'index.js')).size;

// ---------------------------------------------------------------- Chromium, file://
console.log('== Chromium, file://');
const browser = await launchBrowser();
const startUrl = pathToFileURL(path.join(OUT, 'index.html')).href;

/** A fresh browser context with the home page open and its search box ready. */
async function openStart() {
  const context = await browser.newContext();
  const page = await newCheckedPage(context, null, { block: false });
  await page.goto(startUrl, { waitUntil: 'load' });
  await page.waitForSelector('.zoekvak__form:not([hidden])');
  return { context, page };
}

/** Focuses the search box and types `q`; resolves with the ms from the focus until the result list
 *  (or "geen resultaten") shows, and until its excerpts are filled in too (the list is aria-busy
 *  until then). The first time, that includes loading search.js (it loads on first use) and the
 *  index files the query needs. */
function typeAndWait(page, q) {
  return page.evaluate(
    (q) =>
      new Promise((resolve) => {
        const input = document.querySelector('#zoekvak-invoer');
        const status = document.querySelector('.zoekvak__melding');
        const t0 = performance.now();
        input.focus();
        const whenList = (next) => {
          const list = document.querySelector('#zoekvak-lijst');
          if (list) next(list);
          else setTimeout(() => whenList(next), 1);
        };
        whenList((list) => {
          let shown = null;
          let rendered = false; // a list (or status) made for this query, not the previous one
          const done = (records) => {
            rendered ||= records.some((r) => r.target !== list || (r.type === 'childList' && r.addedNodes.length));
            if (!rendered) return;
            const n = list.hidden ? 0 : list.children.length;
            const none = /Geen resultaten/.test(status.textContent);
            if (shown === null && (n || none)) shown = performance.now() - t0;
            if (none || (n && !list.hasAttribute('aria-busy'))) {
              observer.disconnect();
              resolve({ ms: shown, full: performance.now() - t0, results: n });
            }
          };
          const observer = new MutationObserver(done);
          observer.observe(list, { childList: true, attributes: true });
          observer.observe(status, { childList: true, characterData: true, subtree: true });
          input.value = q;
          input.dispatchEvent(new Event('input', { bubbles: true }));
        });
      }),
    q,
  );
}

const first = [];
const firstFull = [];
const issues = [];
for (const q of FIRST) {
  const { context, page } = await openStart();
  const r = await typeAndWait(page, q);
  first.push(r.ms);
  firstFull.push(r.full);
  console.log(`  first query  ${q.padEnd(24)} ${ms(r.ms).padStart(10)}  excerpts ${ms(r.full).padStart(9)}  ${r.results} results`);
  issues.push(...takeIssues(page));
  await context.close();
}

/** Empties the search box, then types `q` key by key as a user does (real key events, TYPE_DELAY ms
 *  per key; every key runs a search). Resolves with the ms from the last keystroke (its keydown
 *  event's time stamp, so waiting for a busy page counts) until the results of the whole query (or
 *  "geen resultaten") show, until their excerpts are filled in too, and per earlier key whose
 *  results and excerpts showed before the next key: its time. */
async function typeKeys(page, q) {
  await page.fill('#zoekvak-invoer', '');
  await page.waitForTimeout(300); // a pause before the next query
  await page.evaluate((q) => {
    const input = document.querySelector('#zoekvak-invoer');
    const status = document.querySelector('.zoekvak__melding');
    const list = document.querySelector('#zoekvak-lijst');
    const keys = []; // [keydown time, value after it, ms until its results showed, its list made]
    let down = 0;
    const onDown = (e) => { down = e.timeStamp; };
    const onInput = () => keys.push([down || performance.now(), input.value, null, false]);
    input.addEventListener('keydown', onDown, true);
    input.addEventListener('input', onInput, true);
    window.__typed = new Promise((resolve) => {
      let shown = null;
      const observer = new MutationObserver((records) => {
        const last = keys[keys.length - 1];
        if (!last || last[2] !== null) return;
        // only a list (or status) made after this key counts, not a late change of the previous one
        last[3] ||= records.some((r) => r.target !== list || (r.type === 'childList' && r.addedNodes.length));
        const visible = (!list.hidden && list.children.length) || /Geen resultaten/.test(status.textContent);
        if (!visible || !last[3]) return;
        if (last[1] === q && shown === null) shown = performance.now() - last[0];
        if (list.hasAttribute('aria-busy')) return; // its excerpts are still loading
        last[2] = performance.now() - last[0];
        if (last[1] !== q) return;
        observer.disconnect();
        input.removeEventListener('keydown', onDown, true);
        input.removeEventListener('input', onInput, true);
        resolve({ ms: shown, full: last[2], results: list.hidden ? 0 : list.children.length, earlier: keys.slice(0, -1).map((k) => k[2]).filter((x) => x !== null) });
      });
      observer.observe(list, { childList: true, attributes: true });
      observer.observe(status, { childList: true, characterData: true, subtree: true });
    });
  }, q);
  await page.locator('#zoekvak-invoer').pressSequentially(q, { delay: TYPE_DELAY });
  return page.evaluate(() => window.__typed);
}

// Later queries, pasted: the whole query at once, after a pause like the typed ones (a user reads the
// previous results first); the index parts a new word needs load inside the time.
const later = [];
const laterFull = [];
{
  const { context, page } = await openStart();
  await typeAndWait(page, 'jobcoach');
  for (const q of LATER) {
    await page.waitForTimeout(300);
    const r = await typeAndWait(page, q);
    const again = await typeAndWait(page, q + ' ');
    later.push(r.ms);
    laterFull.push(r.full);
    console.log(`  pasted query ${q.padEnd(24)} ${ms(r.ms).padStart(10)}  excerpts ${ms(r.full).padStart(9)}  (repeated: ${ms(again.full)})  ${r.results} results`);
  }
  issues.push(...takeIssues(page));
  await context.close();
}

// Later queries, typed key by key in a fresh page (search.js and the index load while typing).
const typed = [];
const typedFull = [];
const typedKeys = [];
{
  const { context, page } = await openStart();
  await typeKeys(page, 'jobcoach');
  for (const q of LATER) {
    const r = await typeKeys(page, q);
    typed.push(r.ms);
    typedFull.push(r.full);
    typedKeys.push(...r.earlier);
    const keys = r.earlier.length ? `earlier keys: max ${ms(max(r.earlier))}` : '';
    console.log(`  typed query  ${q.padEnd(24)} ${ms(r.ms).padStart(10)}  excerpts ${ms(r.full).padStart(9)}  ${String(r.results).padStart(2)} results  ${keys}`);
  }
  issues.push(...takeIssues(page));
  await context.close();
}
await browser.close();

// ---------------------------------------------------------------- report
const ratio = (100 * indexBytes) / mdBytes;
const wMed = median(withSearch);
const pMed = median(without);
console.log('\n== results');
console.log(`corpus:        ${PAGES} pages, ${mb(mdBytes)} markdown`);
console.log(`index:         ${mb(indexBytes)} in ${indexFiles} files (manifest ${(manifestBytes / 1024).toFixed(1)} KB) = ${ratio.toFixed(1)} % of the markdown   (target < 30 %)  ${ratio < 30 ? 'PASS' : 'FAIL'}`);
console.log(`build:         ${wMed.toFixed(2)} s with search, ${pMed.toFixed(2)} s without (median of ${RUNS}): +${(wMed - pMed).toFixed(2)} s`);
const verdict = (xs, limit) => (max(xs) < limit ? 'PASS' : 'FAIL');
console.log(`first query:   list median ${ms(median(first))}, max ${ms(max(first))}; with excerpts median ${ms(median(firstFull))}, max ${ms(max(firstFull))}   (target < 200 ms)  ${verdict(firstFull, 200)}`);
console.log(`later queries (target < 20 ms), list shown / list with its excerpts:`);
console.log(`  typed key by key (${TYPE_DELAY} ms per key), from the last key: median ${ms(median(typed))} / ${ms(median(typedFull))}, max ${ms(max(typed))} / ${ms(max(typedFull))}   ${verdict(typed, 20)} / ${verdict(typedFull, 20)}`);
console.log(`    the earlier keys of those queries, each until its list with excerpts showed: median ${ms(median(typedKeys))}, max ${ms(max(typedKeys))} (${typedKeys.length} keys)`);
console.log(`  pasted whole (all loading inside the time): median ${ms(median(later))} / ${ms(median(laterFull))}, max ${ms(max(later))} / ${ms(max(laterFull))}   ${verdict(later, 20)} / ${verdict(laterFull, 20)}`);
if (issues.length) console.log(`page problems: ${issues.map((i) => i.detail).join('; ')}`);
