// Lighthouse bench (issue 15, item 9): runs Lighthouse 12.2.3 (mobile preset) with Debian's chromium
// over a small static server that hosts the built site in a sub-folder, on the pages that matter
// most, and prints the four category scores, CLS and LCP per page as a table.
//
//   build/wijzer build --source . --out _site && node bench/lighthouse.mjs [--no-compress] [SITE_DIR]
//
// SITE_DIR defaults to $WIJZER_SITE or _site. The server gzips text files, as Debian's nginx and
// Apache and most static hosts do out of the box; --no-compress serves them raw (the worst case:
// a server without compression), which mostly costs the biggest page, the handreiking form. Targets: accessibility 100, best practices 100,
// performance >= 95, CLS 0. Reports, does not gate: exits 0 unless Lighthouse itself fails.
import fs from 'node:fs';
import path from 'node:path';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { CHROMIUM_ARGS, CHROMIUM_PATH, siteDir, startStaticServer } from '../tests/browser/lib.mjs';

const ARGS = process.argv.slice(2);
const COMPRESS = !ARGS.includes('--no-compress');
const SITE_ARG = ARGS.find((a) => !a.startsWith('--'));
const SITE = SITE_ARG ? path.resolve(SITE_ARG) : siteDir();

/** The measured pages: a label and the path under the site root. */
const PAGES = [
  ['home', 'index.html'],
  ['voor cliënten', 'voor-clienten/index.html'],
  ['wizard (stap 1)', 'stroomschema/welke-begeleiding/index.html'],
  ['wizard-stap (pagina)', 'stroomschema/welke-begeleiding/q-situatie.html'],
  ['uitkomst', 'stroomschema/welke-begeleiding/o-vertrouwen.html'],
  ['diagram', 'stroomschema/welke-begeleiding/schema.html'],
  ['handreiking', 'hulpmiddelen/handreiking/invullen.html'],
  ['urencalculator', 'hulpmiddelen/urencalculator.html'],
  ['leidraad (lang)', 'processen/gemeentelijke-beoordeling.html'],
];

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

/** One Lighthouse run on url; returns the scores (0-100), CLS and LCP (ms) and failing audits. */
async function measure(url, port) {
  const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES });
  const lhr = result.lhr;
  const score = (id) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  const failing = Object.values(lhr.audits)
    .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual')
    .filter((a) => CATEGORIES.slice(1).some((c) => lhr.categories[c]?.auditRefs.some((r) => r.id === a.id && r.weight > 0)))
    .map((a) => a.id);
  return {
    scores: CATEGORIES.map(score),
    cls: lhr.audits['cumulative-layout-shift']?.numericValue ?? NaN,
    lcp: lhr.audits['largest-contentful-paint']?.numericValue ?? NaN,
    failing,
  };
}

const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);

async function main() {
  if (!fs.existsSync(path.join(SITE, 'index.html'))) {
    console.error(`No site at ${SITE}: run \`build/wijzer build --source . --out _site\` first.`);
    process.exit(2);
  }
  const server = await startStaticServer(SITE, { prefix: '/sub/portal/', compress: COMPRESS });
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: [...CHROMIUM_ARGS, '--headless=new'],
  });
  const rows = [];
  try {
    for (const [label, rel] of PAGES) {
      if (!fs.existsSync(path.join(SITE, rel))) {
        rows.push({ label, rel, missing: true });
        continue;
      }
      rows.push({ label, rel, ...(await measure(server.baseUrl + rel, chrome.port)) });
    }
  } finally {
    await chrome.kill();
    await server.close();
  }
  console.log(`Lighthouse 12.2.3, mobile preset, ${CHROMIUM_PATH}, site served under /sub/portal/ ${COMPRESS ? 'gzip-compressed' : 'without compression'}`);
  console.log(`${pad('page', 22)} ${lpad('perf', 4)} ${lpad('a11y', 4)} ${lpad('bp', 4)} ${lpad('seo', 4)} ${lpad('CLS', 6)} ${lpad('LCP ms', 7)}  path`);
  for (const r of rows) {
    if (r.missing) {
      console.log(`${pad(r.label, 22)} (not in the site)  ${r.rel}`);
      continue;
    }
    const [p, a, b, s] = r.scores.map((x) => lpad(x, 4));
    console.log(`${pad(r.label, 22)} ${p} ${a} ${b} ${s} ${lpad(r.cls.toFixed(3), 6)} ${lpad(Math.round(r.lcp), 7)}  ${r.rel}`);
  }
  const failing = rows.filter((r) => r.failing?.length);
  for (const r of failing) console.log(`  ${r.label}: below 100 through ${r.failing.join(', ')}`);
  const measured = rows.filter((r) => !r.missing);
  const ok = (f) => (measured.every(f) ? 'PASS' : 'FAIL');
  console.log(`targets: accessibility 100 ${ok((r) => r.scores[1] === 100)}, best practices 100 ${ok((r) => r.scores[2] === 100)}, ` +
    `performance >= 95 ${ok((r) => r.scores[0] >= 95)}, CLS 0 ${ok((r) => r.cls === 0)}`);
  if (server.errors.length) console.log(`server 4xx: ${server.errors.map((e) => `${e.status} ${e.path}`).join(', ')}`);
}

await main();
