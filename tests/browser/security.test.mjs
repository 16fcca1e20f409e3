// Output security (issue 8, part 6): every page carries a Content-Security-Policy that allows only
// the site's own scripts and styles, nothing loads from another host, and the policy is live in
// chromium both from file:// and from a web server.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchBrowser, siteDir, assertSiteExists, listHtmlFiles, startStaticServer, formatProblems } from './lib.mjs';

const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; " +
  "connect-src 'none'; form-action 'self'; base-uri 'none'; object-src 'none'";

let browser;
before(async () => {
  assertSiteExists();
  browser = await launchBrowser();
});
after(() => browser?.close());

/** Start tags of an HTML text as {name, attrs: Map}, skipping comments and script/style bodies. */
function startTags(html) {
  const tags = [];
  const re = /<!--[\s\S]*?-->|<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>\/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
  for (let m; (m = re.exec(html));) {
    if (!m[1]) continue;
    const attrs = new Map();
    const are = /([^\s"'>\/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
    for (let a; (a = are.exec(m[2]));) attrs.set(a[1].toLowerCase(), a[2] ?? a[3] ?? a[4] ?? '');
    const name = m[1].toLowerCase();
    tags.push({ name, attrs });
    if (name === 'script' || name === 'style') {
      const close = html.toLowerCase().indexOf(`</${name}`, re.lastIndex);
      if (close >= 0) re.lastIndex = close;
    }
  }
  return tags;
}

test('every page has the policy, only its own scripts and styles, and loads nothing from another host', () => {
  const dir = siteDir();
  const problems = [];
  for (const rel of listHtmlFiles(dir)) {
    const html = fs.readFileSync(path.join(dir, rel), 'utf8');
    const tags = startTags(html);
    const metas = tags.filter((t) => t.name === 'meta' && (t.attrs.get('http-equiv') || '').toLowerCase() === 'content-security-policy');
    if (metas.length !== 1 || metas[0].attrs.get('content') !== CSP) problems.push(`${rel}: no (or another) Content-Security-Policy`);
    // The policy must come before anything it governs.
    const first = tags.findIndex((t) => ['script', 'link', 'style', 'img'].includes(t.name));
    if (metas.length && first >= 0 && tags.indexOf(metas[0]) > first) problems.push(`${rel}: the policy comes after a <${tags[first].name}>`);
    for (const t of tags) {
      for (const [name, value] of t.attrs) {
        if (/^on/.test(name)) problems.push(`${rel}: <${t.name} ${name}=…> (event handler)`);
        if (name === 'style') problems.push(`${rel}: <${t.name} style="…"> (blocked by style-src)`);
        if (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(name) && /^\s*(javascript|vbscript|data):/i.test(value))
          problems.push(`${rel}: <${t.name} ${name}="${value.slice(0, 40)}">`);
      }
      if (t.name === 'style') problems.push(`${rel}: <style> element (blocked by style-src)`);
      if (t.name === 'script' && !t.attrs.has('src') && t.attrs.get('type') !== 'application/json')
        problems.push(`${rel}: inline <script> (blocked by script-src)`);
      // Loads (not links): must be relative, on this site.
      const load = { script: 'src', img: 'src', iframe: 'src', source: 'src', video: 'src', audio: 'src', embed: 'src', object: 'data' }[t.name]
        ?? (t.name === 'link' && /stylesheet|icon|preload|modulepreload|manifest/.test(t.attrs.get('rel') || '') ? 'href' : null);
      const url = load && t.attrs.get(load);
      if (url && /^\s*([a-z][a-z0-9+.-]*:|\/\/|\/)/i.test(url)) problems.push(`${rel}: <${t.name} ${load}="${url}"> loads from outside the site`);
    }
  }
  assert.deepEqual(problems, [], formatProblems('Content-Security-Policy', problems));
});

test('stylesheets load nothing from another host', () => {
  const problems = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.css')) {
        for (const m of fs.readFileSync(p, 'utf8').matchAll(/url\(\s*['"]?([^'")]*)|@import\s+['"]([^'"]*)/g)) {
          const u = m[1] ?? m[2];
          if (/^\s*([a-z][a-z0-9+.-]*:|\/\/|\/)/i.test(u)) problems.push(`${path.relative(siteDir(), p)}: ${u}`);
        }
      }
    }
  };
  walk(siteDir());
  assert.deepEqual(problems, []);
});

/** A copy of the site with one page that tries every way around the policy. */
function hostileCopy() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wijzer-csp-'));
  fs.cpSync(siteDir(), dir, { recursive: true });
  // A page whose own script has an effect we can see (the flow wizard), else the home page.
  const files = listHtmlFiles(dir);
  const wizard = files.find((f) => /^stroomschema\/[^/]+\/index\.html$/.test(f) && fs.readFileSync(path.join(dir, f), 'utf8').includes('id="stroom-data"'));
  const rel = wizard || 'index.html';
  const file = path.join(dir, rel);
  fs.writeFileSync(path.join(path.dirname(file), 'csp-probe.js'),
    "try { eval('window.__eval = 1'); } catch (e) { window.__evalBlocked = true; }\n" +
    "try { new Function('window.__function = 1')(); } catch (e) { window.__functionBlocked = true; }\n" +
    'window.__probe = true;\n');
  const html = fs.readFileSync(file, 'utf8');
  const hostile =
    '<script>window.__inline = 1</script>' +
    '<img id="x-img" src="csp-probe.js" alt="" onerror="window.__handler = 1" onload="window.__handler = 1">' +
    '<a id="x-link" href="javascript:window.__jslink = 1">x</a>' +
    '<div id="x-style" style="display: none">x</div>' +
    '<script src="csp-probe.js"></script>';
  assert.ok(html.includes('</main>'), `${rel} has no </main>`);
  fs.writeFileSync(file, html.replace('</main>', hostile + '</main>'));
  return { dir, rel, wizard: Boolean(wizard) };
}

for (const via of ['file://', 'http']) {
  test(`the policy is live from ${via}: inline script, handlers, javascript: links, eval and style attributes are blocked`, async () => {
    const copy = hostileCopy();
    const server = via === 'http' ? await startStaticServer(copy.dir) : null;
    try {
      const page = await browser.newPage();
      const console_ = [];
      page.on('console', (m) => console_.push(m.text()));
      await page.addInitScript(() => {
        window.__violations = [];
        document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective));
      });
      const url = server ? `${server.baseUrl}${copy.rel}` : pathToFileURL(path.join(copy.dir, copy.rel)).href;
      await page.goto(url);
      await page.click('#x-link').catch(() => {});
      await page.waitForTimeout(300);
      const r = await page.evaluate(() => ({
        inline: window.__inline, handler: window.__handler, jslink: window.__jslink, eval: window.__eval,
        fn: window.__function, probe: window.__probe, evalBlocked: window.__evalBlocked, functionBlocked: window.__functionBlocked,
        styleApplied: getComputedStyle(document.getElementById('x-style')).display === 'none',
        stylesheet: getComputedStyle(document.body).marginTop === '0px',
        ownScript: document.documentElement.classList.contains('stroom-js'),
        violations: window.__violations,
      }));
      await page.close();
      assert.equal(r.probe, true, 'a script of the site itself (csp-probe.js) runs');
      if (copy.wizard) assert.equal(r.ownScript, true, 'flow.js runs');
      assert.equal(r.stylesheet, true, 'the site stylesheet applies');
      assert.equal(r.inline, undefined, 'inline <script> ran');
      assert.equal(r.handler, undefined, 'an on*= handler ran');
      assert.equal(r.jslink, undefined, 'a javascript: link ran');
      assert.equal(r.eval, undefined, 'eval ran');
      assert.equal(r.fn, undefined, 'new Function ran');
      assert.equal(r.evalBlocked && r.functionBlocked, true);
      assert.equal(r.styleApplied, false, 'a style="" attribute applied');
      for (const d of ['script-src-elem', 'script-src-attr', 'style-src-attr', 'script-src'])
        assert.ok(r.violations.includes(d), `securitypolicyviolation for ${d} (got ${r.violations.join(', ')})`);
      assert.ok(console_.some((t) => /Content Security Policy/.test(t)), 'chromium reports the violations');
    } finally {
      await server?.close();
      fs.rmSync(copy.dir, { recursive: true, force: true });
    }
  });
}
