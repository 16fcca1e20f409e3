// Browser test harness for the Begeleidingswijzer portal.
//
// Everything a browser test needs: a headless Debian chromium, a tiny static
// server that hosts the site in a sub-folder, pages that record errors and
// block requests to other hosts, a link crawler, axe-core and html-validate.
//
// Runs in Node (>= 20.19), not in the portal: plain ES modules.

import fs from 'node:fs';
import fsp from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import zlib from 'node:zlib';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

// ---------------------------------------------------------------------------
// Dependencies: fail loudly and clearly when `npm ci` has not been run.

const require = createRequire(path.join(REPO_ROOT, 'package.json'));

function missingDeps(name, err) {
  return new Error(
    `Browser test dependency "${name}" is missing (${err.code || err.message}).\n` +
      `Run \`npm ci\` in the repository root (${REPO_ROOT}) to install ` +
      `playwright-core, axe-core and html-validate from package-lock.json.`,
  );
}

let chromium;
let HtmlValidate;
let axeSourcePath;
try {
  ({ chromium } = await import('playwright-core'));
} catch (err) {
  throw missingDeps('playwright-core', err);
}
try {
  ({ HtmlValidate } = await import('html-validate'));
} catch (err) {
  throw missingDeps('html-validate', err);
}
try {
  axeSourcePath = require.resolve('axe-core/axe.min.js');
} catch (err) {
  throw missingDeps('axe-core', err);
}

// ---------------------------------------------------------------------------
// Browser

export const CHROMIUM_PATH = process.env.WIJZER_CHROMIUM || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launch Debian's headless chromium (never a downloaded browser build). */
export async function launchBrowser(options = {}) {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `No chromium at ${CHROMIUM_PATH}. Install it with \`apt-get install -y chromium\` ` +
        `(or point WIJZER_CHROMIUM at a chromium binary). \`npx playwright install\` does not work here.`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
    ...options,
  });
}

// ---------------------------------------------------------------------------
// Site location

/** The generated site: $WIJZER_SITE (relative to the cwd) or <repo>/_site. */
export function siteDir() {
  const env = process.env.WIJZER_SITE;
  return env ? path.resolve(env) : path.join(REPO_ROOT, '_site');
}

/** Throws a readable error if the site directory has no index.html. */
export function assertSiteExists(dir = siteDir()) {
  if (!fs.existsSync(path.join(dir, 'index.html'))) {
    throw new Error(
      `No site to test: ${path.join(dir, 'index.html')} does not exist.\n` +
        `Build the portal into _site/ first, or set WIJZER_SITE to a site folder ` +
        `(e.g. WIJZER_SITE=tests/browser/fixture-site).`,
    );
  }
  return dir;
}

/** All *.html files under dir, as sorted '/'-separated paths relative to dir. */
export function listHtmlFiles(dir = siteDir()) {
  const out = [];
  const walk = (abs, rel) => {
    for (const ent of fs.readdirSync(abs, { withFileTypes: true })) {
      const r = rel ? `${rel}/${ent.name}` : ent.name;
      if (ent.isDirectory()) walk(path.join(abs, ent.name), r);
      else if (ent.isFile() && /\.html?$/i.test(ent.name)) out.push(r);
    }
  };
  walk(dir, '');
  return out.sort();
}

// ---------------------------------------------------------------------------
// Static server

export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.pdf': 'application/pdf',
};

/**
 * Serve rootDir read-only on 127.0.0.1 at an ephemeral port, under the
 * sub-folder `prefix` (default /sub/portal/), like a plain static host:
 * files by extension MIME type (with nosniff, so a wrong type is an error),
 * `dir/` -> dir/index.html, `dir` -> 301 to `dir/`, everything else 404.
 * Every 4xx answer is kept in `server.errors` (except the browser's own
 * automatic /favicon.ico probe at the server root).
 *
 * With `compress`, text files go out gzip-compressed when the client accepts it, as Debian's
 * nginx and Apache (mod_deflate) and most static hosts do by default (the Lighthouse bench).
 *
 * Returns { origin, baseUrl, prefix, errors, requests, close() }.
 */
export async function startStaticServer(rootDir, { prefix = '/sub/portal/', compress = false } = {}) {
  const root = path.resolve(rootDir);
  if (!prefix.startsWith('/') || !prefix.endsWith('/')) {
    throw new Error(`prefix must start and end with '/': ${prefix}`);
  }
  const errors = [];
  const requests = [];

  const send = (res, status, body, headers = {}) => {
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers });
    res.end(body);
  };

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    requests.push(url.pathname);
    const fail = (status, why) => {
      if (!(status === 404 && url.pathname === '/favicon.ico')) {
        errors.push({ status, path: url.pathname, reason: why, referer: req.headers.referer || '' });
      }
      send(res, status, `${status} ${why}\n`);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return fail(405, 'method not allowed');
    if (!url.pathname.startsWith(prefix)) return fail(404, 'outside the site folder');

    let rel;
    try {
      rel = decodeURIComponent(url.pathname.slice(prefix.length));
    } catch {
      return fail(400, 'bad URL encoding');
    }
    let file = path.resolve(root, '.' + path.posix.normalize('/' + rel));
    if (file !== root && !file.startsWith(root + path.sep)) return fail(403, 'outside the site folder');

    let st;
    try {
      st = await fsp.stat(file);
    } catch {
      return fail(404, 'not found');
    }
    if (st.isDirectory()) {
      if (!url.pathname.endsWith('/')) {
        res.writeHead(301, { Location: url.pathname + '/' + url.search });
        return res.end();
      }
      file = path.join(file, 'index.html');
      try {
        st = await fsp.stat(file);
      } catch {
        return fail(404, 'directory without index.html');
      }
    }
    if (!st.isFile()) return fail(404, 'not a file');
    const type = MIME_TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream';
    const textual = /^(text\/|application\/(json|javascript|xml|atom)|image\/svg)/.test(type);
    if (compress && textual && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
      const body = zlib.gzipSync(await fsp.readFile(file));
      res.writeHead(200, {
        'Content-Type': type,
        'Content-Length': body.length,
        'Content-Encoding': 'gzip',
        Vary: 'Accept-Encoding',
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-store',
      });
      return res.end(req.method === 'HEAD' ? undefined : body);
    }
    res.writeHead(200, {
      'Content-Type': type,
      'Content-Length': st.size,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    });
    if (req.method === 'HEAD') return res.end();
    fs.createReadStream(file).pipe(res);
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    prefix,
    baseUrl: origin + prefix,
    errors,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections?.();
      }),
  };
}

// ---------------------------------------------------------------------------
// Checked pages

const pageState = new WeakMap();

function isLocalUrl(url, baseOrigin) {
  if (url.startsWith('file:') || url.startsWith('data:') || url.startsWith('blob:') || url.startsWith('about:')) {
    return true;
  }
  if (!baseOrigin) return false;
  try {
    return new URL(url).origin === baseOrigin;
  } catch {
    return false;
  }
}

/**
 * A new page in `context` that records problems while it is used:
 *   console-error      console.error / resource errors logged by the browser
 *   page-error         uncaught exception or unhandled rejection
 *   request-failed     a request that did not complete (e.g. missing file on file://)
 *   http-error         a response with status >= 400
 *   external-request   a request to any host but file:// and baseOrigin (blocked; with
 *                      { block: false } only recorded, for timing runs)
 * Take the recorded problems with takeIssues(page).
 */
export async function newCheckedPage(context, baseOrigin = null, { block = true } = {}) {
  const page = await context.newPage();
  const state = { issues: [], baseOrigin };
  pageState.set(page, state);
  const record = (kind, detail, url = page.url()) => state.issues.push({ kind, detail, url });
  const isMainNavigation = (req) => req.isNavigationRequest() && req.frame() === page.mainFrame();
  // Leaving a page aborts what it was still loading (a prefetch, an excerpt): not the site's fault.
  // Such a request was issued before the page's document changed, or fails while a navigation of
  // the page is under way (a script may start one after Enter began to leave).
  let documents = 0;
  let leaving = false;
  const issuedIn = new WeakMap();
  page.on('request', (req) => {
    if (isMainNavigation(req)) leaving = true;
    else issuedIn.set(req, documents);
  });
  page.on('framenavigated', (frame) => {
    if (frame !== page.mainFrame()) return;
    documents++;
    leaving = false;
  });
  const abortedByLeaving = (req, why) =>
    why === 'net::ERR_ABORTED' && issuedIn.has(req) && (leaving || issuedIn.get(req) < documents);

  const external = (req) => `request to another host: ${req.method()} ${req.url()} (${req.resourceType()})`;
  if (block) {
    await page.route(
      (url) => !isLocalUrl(url.href, baseOrigin),
      async (route) => {
        record('external-request', external(route.request()));
        await route.abort('blockedbyclient').catch(() => {});
      },
    );
  } else {
    // Timing runs (bench/): any route makes Playwright hold every request for a round trip to
    // Node, which slows each script load; only watch.
    page.on('request', (req) => {
      if (!isLocalUrl(req.url(), baseOrigin)) record('external-request', external(req));
    });
  }
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const loc = msg.location();
    // Our own blocking of another host shows up as a console error too: that
    // request is already reported as an external-request.
    if (/ERR_BLOCKED_BY_CLIENT/.test(msg.text()) && loc?.url && !isLocalUrl(loc.url, baseOrigin)) return;
    const where = loc && loc.url ? ` [${loc.url}:${loc.lineNumber + 1}]` : '';
    record('console-error', msg.text() + where);
  });
  page.on('pageerror', (err) => record('page-error', `uncaught ${err.name}: ${err.message}`));
  page.on('requestfailed', (req) => {
    if (!isLocalUrl(req.url(), baseOrigin)) return; // already recorded as external-request
    // A failed top-level navigation is reported by crawl() as a broken link.
    if (isMainNavigation(req)) {
      leaving = false;
      return;
    }
    const why = req.failure()?.errorText || 'failed';
    // The browser fetches the favicon (<link rel="icon">) after the page's load event, and drops that
    // fetch when a test moves on at once: not the site's fault. A missing favicon still fails
    // (net::ERR_FILE_NOT_FOUND from file://, an http-error from a server).
    if (why === 'net::ERR_ABORTED' && req.resourceType() === 'other' && /\/favicon\.[^/]*$/.test(new URL(req.url()).pathname)) return;
    if (abortedByLeaving(req, why)) return;
    record('request-failed', `${req.resourceType()} ${req.url()}: ${why}`);
  });
  page.on('response', (resp) => {
    if (resp.status() >= 400 && !isMainNavigation(resp.request())) {
      record('http-error', `HTTP ${resp.status()} for ${resp.request().resourceType()} ${resp.url()}`);
    }
  });
  page.on('websocket', (ws) => record('external-request', `websocket to ${ws.url()}`));
  page.on('popup', (p) => record('popup', `page opened a popup: ${p.url()}`));
  page.on('dialog', (d) => {
    record('dialog', `page opened a ${d.type()} dialog: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  return page;
}

/** Return and clear the problems recorded on a page from newCheckedPage(). */
export function takeIssues(page) {
  const state = pageState.get(page);
  if (!state) return [];
  const out = state.issues;
  state.issues = [];
  return out;
}

// ---------------------------------------------------------------------------
// Crawler

function stripHash(u) {
  const x = new URL(u);
  x.hash = '';
  return x.href;
}

function pageKey(u) {
  const x = new URL(u);
  x.hash = '';
  x.search = '';
  return x.href;
}

/** The site root (directory URL) for a start URL: its directory. */
export function siteRootOf(startUrl) {
  return new URL('./', startUrl).href;
}

/** Path of url relative to the site root, for readable reports. */
export function relPath(url, rootUrl) {
  if (!url) return '(none)';
  return url.startsWith(rootUrl) ? decodeURIComponent(url.slice(rootUrl.length)) || './' : url;
}

async function targetExists(url) {
  if (url.startsWith('file:')) {
    try {
      return fs.statSync(fileURLToPath(url)).isFile();
    } catch {
      return false;
    }
  }
  try {
    const resp = await fetch(url, { method: 'HEAD', redirect: 'manual' });
    return resp.status >= 200 && resp.status < 300;
  } catch {
    return false;
  }
}

const isPageUrl = (u) => /\.html?$/i.test(new URL(u).pathname);

/**
 * Visit every page reachable from startUrl by following <a href>/<area href>
 * inside the site (the folder of startUrl), with one or more pages
 * (pass an array to visit in parallel). Links are followed without their
 * #fragment and ?query; every fragment must name an id (or <a name>) on its
 * target page. Non-HTML targets inside the site are only checked to exist.
 *
 * options.onPage(page, url, info) runs after each page has loaded; it may
 * return an array of problem strings, added to result.pageProblems.
 *
 * Returns {
 *   rootUrl, visited: [url], pages: Map(url -> {ids, links, lang, h1Count, title}),
 *   brokenLinks: [{from, href, target, reason}], missingAnchors: [{from, href, target, id}],
 *   issues: [{page, kind, detail}],          // from newCheckedPage recorders
 *   pageProblems: [{page, problem}],          // from onPage
 *   externalLinks: Set(url),                  // <a> links to other hosts (not followed)
 * }
 */
export async function crawl(startUrl, pageOrPages, { onPage, rootUrl = siteRootOf(startUrl), maxPages = 5000 } = {}) {
  const pages = Array.isArray(pageOrPages) ? pageOrPages : [pageOrPages];
  const result = {
    rootUrl,
    visited: [],
    pages: new Map(),
    brokenLinks: [],
    missingAnchors: [],
    issues: [],
    pageProblems: [],
    externalLinks: new Set(),
  };
  const inSite = (u) => u.startsWith(rootUrl);
  const rel = (u) => relPath(u, rootUrl);

  const queue = [pageKey(startUrl)];
  const seen = new Set(queue);
  const referrers = new Map([[queue[0], { from: '(start)', href: startUrl }]]); // first link to each page
  const fragmentLinks = []; // {from, href, target, id}
  const otherTargets = new Map(); // non-HTML in-site target -> {from, href}

  const noteIssues = (page, fallbackUrl) => {
    for (const i of takeIssues(page)) {
      result.issues.push({ page: rel(i.url && i.url !== 'about:blank' ? i.url : fallbackUrl), kind: i.kind, detail: i.detail });
    }
  };

  // After a failed navigation chromium still commits its error page, which
  // would interrupt the next goto(): settle on about:blank first.
  async function resetPage(page) {
    for (let i = 0; i < 3; i++) {
      try {
        await page.goto('about:blank', { waitUntil: 'load', timeout: 10000 });
        break;
      } catch {
        await page.waitForTimeout(50);
      }
    }
    takeIssues(page);
  }

  async function visit(page, url) {
    takeIssues(page);
    let response;
    try {
      response = await page.goto(url, { waitUntil: 'load', timeout: 30000 });
    } catch (err) {
      await resetPage(page); // drops the failed load's own console noise
      result.brokenLinks.push({ ...referrers.get(url), target: rel(url), reason: err.message.split('\n')[0] });
      return;
    }
    if (response && response.status() >= 400) {
      takeIssues(page); // the 404 page's own "failed to load" noise
      result.brokenLinks.push({ ...referrers.get(url), target: rel(url), reason: `HTTP ${response.status()}` });
      return;
    }
    const finalUrl = pageKey(page.url());
    if (finalUrl !== url && !inSite(finalUrl)) {
      result.brokenLinks.push({ ...referrers.get(url), target: finalUrl, reason: 'redirected out of the site' });
    }
    result.visited.push(url);

    const info = await page.evaluate(() => {
      const ids = new Set();
      for (const el of document.querySelectorAll('[id]')) ids.add(el.id);
      for (const el of document.querySelectorAll('a[name]')) ids.add(el.getAttribute('name'));
      const links = [...document.querySelectorAll('a[href], area[href]')].map((a) => ({
        raw: a.getAttribute('href'),
        abs: a.href,
      }));
      const resources = [
        ...[...document.querySelectorAll('link[href]')]
          .filter((l) => /(^|\s)(stylesheet|icon|preload|modulepreload|manifest|apple-touch-icon)(\s|$)/i.test(l.rel))
          .map((l) => ({ raw: l.getAttribute('href'), abs: l.href, tag: 'link' })),
        ...[...document.querySelectorAll('script[src], img[src], source[src], video[src], audio[src], iframe[src], track[src]')].map(
          (e) => ({ raw: e.getAttribute('src'), abs: e.src, tag: e.localName }),
        ),
      ];
      return {
        ids: [...ids],
        links,
        resources,
        lang: document.documentElement.getAttribute('lang'),
        h1Count: document.querySelectorAll('h1').length,
        title: document.title,
      };
    });
    result.pages.set(url, { ids: new Set(info.ids), links: info.links, lang: info.lang, h1Count: info.h1Count, title: info.title });

    for (const { raw, abs } of info.links) {
      if (raw === null) continue;
      const trimmed = raw.trim();
      if (/^(mailto|tel|sms):/i.test(trimmed)) continue;
      if (/^javascript:/i.test(trimmed)) {
        result.brokenLinks.push({ from: rel(url), href: raw, target: '', reason: 'javascript: link' });
        continue;
      }
      if (trimmed === '#') {
        result.brokenLinks.push({ from: rel(url), href: raw, target: '', reason: 'empty fragment (href="#")' });
        continue;
      }
      let target;
      try {
        target = new URL(abs);
      } catch {
        result.brokenLinks.push({ from: rel(url), href: raw, target: abs, reason: 'invalid URL' });
        continue;
      }
      if (target.protocol === 'http:' || target.protocol === 'https:') {
        if (!url.startsWith('http') || target.origin !== new URL(rootUrl).origin) {
          result.externalLinks.add(target.href);
          continue;
        }
      }
      const key = pageKey(target.href);
      if (!inSite(key)) {
        result.brokenLinks.push({ from: rel(url), href: raw, target: key, reason: 'points outside the site folder (absolute path?)' });
        continue;
      }
      if (new URL(key).pathname.endsWith('/')) {
        result.brokenLinks.push({ from: rel(url), href: raw, target: rel(key), reason: 'does not name a file (breaks on file://)' });
        continue;
      }
      const frag = target.hash ? target.hash.slice(1) : '';
      if (frag && !frag.startsWith(':~:')) fragmentLinks.push({ from: rel(url), href: raw, target: key, id: frag });
      if (!isPageUrl(key)) {
        if (!otherTargets.has(key)) otherTargets.set(key, { from: rel(url), href: raw });
        continue;
      }
      if (!seen.has(key)) {
        if (seen.size >= maxPages) throw new Error(`crawl: more than ${maxPages} pages`);
        seen.add(key);
        referrers.set(key, { from: rel(url), href: raw });
        queue.push(key);
      }
    }
    for (const { raw, abs, tag } of info.resources) {
      if (!raw || raw.startsWith('data:')) continue;
      const key = pageKey(abs);
      if (!inSite(key)) {
        result.brokenLinks.push({ from: rel(url), href: raw, target: key, reason: `<${tag}> resource outside the site (must be local and relative)` });
      } else if (!otherTargets.has(key)) {
        otherTargets.set(key, { from: rel(url), href: raw, tag });
      }
    }

    if (onPage) {
      const problems = (await onPage(page, url, info)) || [];
      for (const p of problems) result.pageProblems.push({ page: rel(url), problem: p });
    }
    noteIssues(page, url);
  }

  const idle = [...pages];
  await new Promise((resolve, reject) => {
    const pump = () => {
      if (queue.length === 0 && idle.length === pages.length) return resolve();
      while (queue.length > 0 && idle.length > 0) {
        const page = idle.pop();
        visit(page, queue.shift())
          .then(() => {
            idle.push(page);
            pump();
          })
          .catch(reject);
      }
    };
    pump();
  });

  for (const [key, { from, href, tag }] of otherTargets) {
    if (!(await targetExists(key))) {
      result.brokenLinks.push({ from, href, target: rel(key), reason: tag ? `<${tag}> resource missing` : 'missing file' });
    }
  }
  for (const link of fragmentLinks) {
    const target = result.pages.get(link.target);
    if (!target) continue; // broken or non-HTML target: reported above
    let id = link.id;
    try {
      id = decodeURIComponent(id);
    } catch {
      /* keep raw */
    }
    if (!target.ids.has(id) && id.toLowerCase() !== 'top') {
      result.missingAnchors.push({ from: link.from, href: link.href, target: rel(link.target), id });
    }
  }
  result.visited.sort();
  return result;
}

// ---------------------------------------------------------------------------
// axe-core

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
let axeSource;

/**
 * Run axe-core (WCAG 2.0/2.1 A+AA rules) on the loaded page. Returns
 * [{id, impact, help, helpUrl, url, targets: [selector], summary}].
 */
export async function runAxe(page) {
  axeSource ??= fs.readFileSync(axeSourcePath, 'utf8');
  const hasAxe = () => page.evaluate(() => typeof window.axe === 'object');
  // Evaluated through the DevTools protocol, not as an inline <script>: the portal's
  // Content-Security-Policy blocks inline scripts (and chromium would log that as a console error).
  if (!(await hasAxe())) await page.evaluate(`${axeSource}\n;0`);
  const url = page.url();
  const results = await page.evaluate(
    // preload: false — axe would otherwise re-fetch every stylesheet by XHR,
    // which file:// forbids (a CORS console error that is not the site's fault).
    // Only css-orientation-lock needs those; it then reports "incomplete".
    (tags) =>
      window.axe.run(document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
        preload: false,
      }),
    AXE_TAGS,
  );
  return results.violations.map((v) => {
    const targets = v.nodes.map((n) => n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : t)).join(' '));
    return {
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      url,
      targets,
      summary:
        `${v.id} [${v.impact}] ${v.help} — ${targets.slice(0, 5).join(', ')}` +
        (targets.length > 5 ? ` (+${targets.length - 5} more)` : ''),
    };
  });
}

// ---------------------------------------------------------------------------
// html-validate

export const HTML_VALIDATE_CONFIG = {
  root: true,
  extends: ['html-validate:recommended'],
  rules: {
    // The portal is self-contained: every stylesheet and script is a local,
    // relative file next to the page. The default target "all" demands an
    // integrity="" hash on those too, but on file:// chromium then BLOCKS the
    // resource ("requires the request to be CORS enabled"; verified with
    // chromium 156), so obeying the rule would break the portal opened from
    // disk. SRI only guards against a tampered third-party host (CDN), which
    // "crossorigin" still enforces (and the portal must not use at all).
    'require-sri': ['error', { target: 'crossorigin' }],
    // long-title is a search-engine heuristic (70 characters), not validity or
    // accessibility: <title> is "page title · site name", and page titles are
    // content that editors choose. Truncating them would make tabs and
    // bookmarks less clear, so the rule stays off.
    'long-title': 'off',
    // A group of checkboxes for one question ("which of these apply?") shares one name, exactly
    // like a group of radio buttons: that is how HTML forms submit a list of values. The rule's
    // default only lets radio buttons and buttons share a name; checkboxes are added here.
    'form-dup-name': ['error', { shared: ['radio', 'checkbox', 'button', 'reset', 'submit'] }],
  },
};

let validator;

/**
 * Validate one HTML file with html-validate (recommended preset). Returns
 * { valid, errors: [{ruleId, message, line, column, selector, text}] } where
 * text is "file:line:col ruleId message". Warnings are not errors.
 */
export async function validateHtml(filePath) {
  validator ??= new HtmlValidate(HTML_VALIDATE_CONFIG);
  const report = await validator.validateFile(filePath);
  const errors = [];
  for (const res of report.results) {
    for (const m of res.messages) {
      if (m.severity < 2) continue;
      errors.push({
        ruleId: m.ruleId,
        message: m.message,
        line: m.line,
        column: m.column,
        selector: m.selector,
        text: `${filePath}:${m.line}:${m.column} ${m.ruleId} ${m.message}`,
      });
    }
  }
  return { valid: errors.length === 0, errors };
}

// ---------------------------------------------------------------------------
// Reporting

/** "N problems" message listing the first `limit` lines. */
export function formatProblems(title, lines, limit = 20) {
  if (lines.length === 0) return `${title}: none`;
  const shown = lines.slice(0, limit).map((l) => `  - ${l}`);
  const more = lines.length > limit ? [`  … and ${lines.length - limit} more`] : [];
  return [`${title}: ${lines.length}`, ...shown, ...more].join('\n');
}

export { pathToFileURL, fileURLToPath };
