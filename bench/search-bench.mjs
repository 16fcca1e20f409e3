// Search benchmark (issue 7): on the generated corpus (default 10,000 pages) measures
//   - index size: bytes under search/ against the markdown source (target < 30 %),
//   - build time of `wijzer build` with and without the search (its cost),
//   - in Chromium from file://: the first query of a fresh page, loading included (target < 200 ms),
//     and later queries (target < 20 ms), typed into the search box until the results show.
//
//   node bench/search-bench.mjs [PAGES]      (WIJZER=path/to/wijzer, RUNS=3)
//
// Reports, does not gate: exits 0 either way. Work files in bench/scratch/search/.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, launchBrowser, newCheckedPage, pathToFileURL, takeIssues } from '../tests/browser/lib.mjs';

const PAGES = Number(process.argv[2] || process.env.PAGES || 10000);
const RUNS = Number(process.env.RUNS || 3);
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

console.log(`== wijzer build x${RUNS}, with search and without (site-assets/js/search.js removed)`);
const withSearch = [];
const without = [];
const searchJs = path.join(SRC, 'site-assets', 'js', 'search.js');
const searchJsBytes = fs.readFileSync(searchJs);
for (let i = 0; i < RUNS; i++) {
  fs.rmSync(OUT + '-plain', { recursive: true, force: true });
  fs.rmSync(searchJs);
  without.push(build(OUT + '-plain'));
  fs.writeFileSync(searchJs, searchJsBytes);
  fs.rmSync(OUT, { recursive: true, force: true });
  withSearch.push(build(OUT));
  console.log(`  run ${i + 1}: ${withSearch[i].toFixed(2)} s with search, ${without[i].toFixed(2)} s without`);
}
fs.rmSync(OUT + '-plain', { recursive: true, force: true });
const indexBytes = sizeOf(path.join(OUT, 'search'));
const indexFiles = fs.readdirSync(path.join(OUT, 'search')).length;
const manifestBytes = fs.statSync(path.join(OUT, 'search', 'index.js')).size;

// ---------------------------------------------------------------- Chromium, file://
console.log('== Chromium, file://');
const browser = await launchBrowser();
const startUrl = pathToFileURL(path.join(OUT, 'index.html')).href;

/** Focuses the search box and types `q`; resolves with the ms from the focus until the results (or
 *  "geen resultaten") show. The first time, that includes loading search.js (it loads on first use)
 *  and the index files the query needs. */
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
          const done = () => {
            const n = list.hidden ? 0 : list.children.length;
            if (n || /Geen resultaten/.test(status.textContent)) {
              observer.disconnect();
              resolve({ ms: performance.now() - t0, results: n });
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
const issues = [];
for (const q of FIRST) {
  const context = await browser.newContext();
  const page = await newCheckedPage(context, null);
  await page.goto(startUrl, { waitUntil: 'load' });
  await page.waitForSelector('.zoekvak__form:not([hidden])');
  const r = await typeAndWait(page, q);
  first.push(r.ms);
  console.log(`  first query  ${q.padEnd(24)} ${ms(r.ms).padStart(10)}  ${r.results} results`);
  issues.push(...takeIssues(page));
  await context.close();
}

const later = [];
{
  const context = await browser.newContext();
  const page = await newCheckedPage(context, null);
  await page.goto(startUrl, { waitUntil: 'load' });
  await page.waitForSelector('.zoekvak__form:not([hidden])');
  await typeAndWait(page, 'jobcoach');
  for (const q of LATER) {
    // the index parts a new word needs load at its first use; what matters is typing a query
    const r = await typeAndWait(page, q);
    const again = await typeAndWait(page, q + ' ');
    later.push(r.ms);
    console.log(`  later query  ${q.padEnd(24)} ${ms(r.ms).padStart(10)}  (repeated: ${ms(again.ms)})  ${r.results} results`);
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
console.log(`first query:   median ${ms(median(first))}, max ${ms(max(first))}   (target < 200 ms)  ${max(first) < 200 ? 'PASS' : 'FAIL'}`);
console.log(`later queries: median ${ms(median(later))}, max ${ms(max(later))}   (target < 20 ms)   ${max(later) < 20 ? 'PASS' : 'FAIL'}`);
if (issues.length) console.log(`page problems: ${issues.map((i) => i.detail).join('; ')}`);
