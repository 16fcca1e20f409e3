// Stroomschema's in the browser: every path the compiler enumerated (stroomschema/<flow>/paths.json)
// is walked in the wizard with JavaScript on, from file://; a sample of paths with JavaScript off
// over the plain node pages (with a back link on every step); reload and back button; no answer
// ever in the URL or in a history entry's URL; a keyboard-only walk; "Opnieuw beginnen" asks first;
// outcomes with numbered steps and contacts; the printed outcome fits one page; axe on wizard,
// node and diagram pages; no requests to other hosts.
//
//   WIJZER_SITE=_site node --test tests/browser/wizard.test.mjs

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { REPO_ROOT, assertSiteExists, formatProblems, launchBrowser, newCheckedPage, pathToFileURL, runAxe, siteDir, startStaticServer, takeIssues, validateHtml } from './lib.mjs';

const SITE = siteDir();
const FLOW_DIR = path.join(SITE, 'stroomschema');

function loadFlows() {
  if (!fs.existsSync(FLOW_DIR)) return [];
  return fs
    .readdirSync(FLOW_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(FLOW_DIR, d.name, 'paths.json')))
    .map((d) => ({ dir: path.join(FLOW_DIR, d.name), ...JSON.parse(fs.readFileSync(path.join(FLOW_DIR, d.name, 'paths.json'), 'utf8')) }));
}

const flows = loadFlows();

/** The question's own message when no answer is chosen ("fout" in content/stroomschema/<flow>.json). */
function ownMessages(flowId) {
  const file = path.join(REPO_ROOT, 'content', 'stroomschema', `${flowId}.json`);
  if (!fs.existsSync(file)) return null; // a site built from other content
  const source = JSON.parse(fs.readFileSync(file, 'utf8'));
  return Object.fromEntries(source.knopen.filter((n) => n.soort === 'vraag').map((n) => [n.id, n.fout]));
}
const fileUrl = (flow, name) => pathToFileURL(path.join(flow.dir, name)).href;
let browser;

before(async () => {
  assertSiteExists(SITE);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

async function current(page) {
  return page.evaluate(() => {
    const form = document.getElementById('stroom-formulier');
    return { node: form.getAttribute('data-node'), kind: form.getAttribute('data-kind') };
  });
}

/** Opens the wizard from its start page (the Start button). */
async function start(page) {
  await page.locator('#stroom-start-knop').click();
}

/** "Opnieuw beginnen", confirmed. */
async function restart(page) {
  await page.locator('#stroom-opnieuw').click();
  await page.locator('#stroom-opnieuw-ja').click();
}

/** The URL of every entry of the tab's session history (DevTools protocol). */
async function historyUrls(page) {
  const cdp = await page.context().newCDPSession(page);
  const { entries } = await cdp.send('Page.getNavigationHistory');
  await cdp.detach();
  return entries.map((e) => e.url);
}

/** Problems when a URL carries anything besides the page's own address (answers, a step, a hash). */
function urlLeaks(url, p, where) {
  if (url === 'about:blank') return [];
  const u = new URL(url);
  const problems = [];
  if (u.search || u.hash) problems.push(`${where}: URL has a query or fragment: ${url}`);
  for (const step of p.steps) if (step.kind === 'question' && url.includes(`${step.node}:`)) problems.push(`${where}: answer of ${step.node} in ${url}`);
  return problems;
}

/** Takes one step in the wizard: choose the answer (questions) and press Volgende / Verder. */
async function answer(page, step) {
  if (step.kind === 'question') {
    await page.locator(`#stap-${step.node} input[value="${step.answer}"]`).check();
  }
  await page.locator('#stroom-volgende').click();
}

test('every flow has test vectors', () => {
  assert.ok(flows.length >= 3, `expected at least 3 flows with paths.json in ${FLOW_DIR}, found ${flows.length}`);
  for (const f of flows) assert.ok(f.paths.length > 0, `${f.flow}: no paths`);
});

/** A few paths that together pass every node (greedy: each next path adds the most unseen nodes). */
function coveringPaths(paths) {
  const nodesOf = (p) => new Set([...p.steps.map((s) => s.node), p.outcome]);
  const all = new Set(paths.flatMap((p) => [...nodesOf(p)]));
  const seen = new Set();
  const chosen = [];
  while (seen.size < all.size) {
    const gain = (p) => [...nodesOf(p)].filter((n) => !seen.has(n)).length;
    const best = paths.reduce((a, b) => (gain(b) > gain(a) ? b : a));
    for (const n of nodesOf(best)) seen.add(n);
    chosen.push(best);
  }
  return chosen;
}

/**
 * Walks steps inside the page: each step's box must be shown, its answer is clicked, then Volgende.
 * Returns the number of steps taken and the first problem.
 */
async function walkInPage(page, steps, restartFirst) {
  return page.evaluate(([steps, restartFirst]) => {
    const form = document.getElementById('stroom-formulier');
    let taken = 0;
    if (restartFirst) {
      document.getElementById('stroom-opnieuw').click();
      const yes = document.getElementById('stroom-opnieuw-ja');
      if (!yes.checkVisibility()) return { steps: 0, problem: '"Opnieuw beginnen" did not ask' };
      yes.click();
    }
    for (const step of steps) {
      const node = form.getAttribute('data-node');
      if (node !== step.node) return { steps: taken, problem: `expected step ${step.node}, wizard shows ${node}` };
      const box = document.getElementById(`stap-${step.node}`);
      if (!box || !box.checkVisibility()) return { steps: taken, problem: `step ${step.node} is not shown` };
      if (step.kind === 'question') {
        const input = box.querySelector(`input[value="${step.answer}"]`);
        if (!input || !input.checkVisibility({ visibilityProperty: true }) && !input.labels[0]?.checkVisibility())
          return { steps: taken, problem: `${step.node}: answer ${step.answer} is not offered` };
        input.click();
      }
      document.getElementById('stroom-volgende').click();
      taken++;
    }
    return { steps: taken, problem: null };
  }, [steps, restartFirst]);
}

for (const flow of flows) {
  describe(`stroomschema ${flow.flow} (${flow.paths.length} paths)`, () => {
    test('JavaScript on: every path walks to its outcome in the wizard (file://)', async (t) => {
      const t0 = performance.now();
      const context = await browser.newContext();
      const page = await newCheckedPage(context, null);
      const problems = [];
      await page.goto(fileUrl(flow, 'index.html'));
      await start(page);
      let steps = 0;
      // The first and the longest path with Playwright's real clicks (visible, enabled, not
      // covered); the others with DOM clicks in the page, one round trip per path: the wizard's
      // handlers run synchronously, and this keeps 1,600 steps from taking minutes.
      const longest = flow.paths.reduce((a, b) => (b.steps.length > a.steps.length ? b : a), flow.paths[0]);
      for (const [i, p] of flow.paths.entries()) {
        // Start over through the page's own button (confirmed): no reload between paths.
        const real = i === 0 || p === longest;
        if (i > 0 && real) await restart(page);
        if (real) {
          for (const step of p.steps) {
            const at = await current(page);
            if (at.node !== step.node) {
              problems.push(`path ${i} (${p.state}): expected step ${step.node}, wizard shows ${at.node}`);
              break;
            }
            await answer(page, step);
            steps++;
          }
        } else {
          const walked = await walkInPage(page, p.steps, i > 0);
          steps += walked.steps;
          if (walked.problem) problems.push(`path ${i} (${p.state}): ${walked.problem}`);
        }
        const end = await current(page);
        if (end.node !== p.outcome || end.kind !== 'outcome') problems.push(`path ${i} (${p.state}): ended at ${end.node} (${end.kind}), expected outcome ${p.outcome}`);
        if (page.url() !== fileUrl(flow, 'index.html')) problems.push(`path ${i}: the URL changed to ${page.url()}`);
        if (problems.length > 10) break;
      }
      problems.push(...takeIssues(page).map((x) => `${x.kind}: ${x.detail}`));
      await context.close();
      t.diagnostic(`${flow.flow}: ${flow.paths.length} paths, ${steps} steps in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      assert.equal(problems.length, 0, formatProblems('wizard paths', problems));
    });

    test('no answer in the URL or history; reload, Back, Terug, change link and summary keep working', async () => {
      const context = await browser.newContext();
      const page = await newCheckedPage(context, null);
      const longest = flow.paths.reduce((a, b) => (b.steps.length > a.steps.length ? b : a));
      const problems = [];
      const noLeaks = async (where) => {
        problems.push(...urlLeaks(page.url(), longest, `${where} (location)`));
        for (const url of await historyUrls(page)) problems.push(...urlLeaks(url, longest, `${where} (history)`));
      };
      await page.goto(fileUrl(flow, 'index.html'));
      await start(page);
      for (const [i, step] of longest.steps.entries()) {
        assert.equal((await current(page)).node, step.node);
        await answer(page, step);
        await noLeaks(`after step ${i}`);
      }
      assert.deepEqual(await current(page), { node: longest.outcome, kind: 'outcome' });
      await page.reload();
      assert.deepEqual(await current(page), { node: longest.outcome, kind: 'outcome' }, 'reload keeps the outcome');
      await noLeaks('after reload');
      const questions = longest.steps.filter((s) => s.kind === 'question');
      assert.equal(await page.locator('#stroom-samenvatting .stroom-samenvatting__rij').count(), questions.length, 'one summary row per question');
      assert.ok(await page.locator('#stroom-controle').isVisible(), 'the answers are shown');
      // Back button: one step back, the answer still chosen; after a reload too.
      const last = longest.steps[longest.steps.length - 1];
      await page.goBack();
      assert.equal((await current(page)).node, last.node, 'back button returns to the previous step');
      if (last.kind === 'question') assert.ok(await page.locator(`#stap-${last.node} input[value="${last.answer}"]`).isChecked(), 'back keeps the answer chosen');
      await noLeaks('after back');
      await page.reload();
      assert.equal((await current(page)).node, last.node, 'reload keeps the step');
      if (last.kind === 'question') assert.ok(await page.locator(`#stap-${last.node} input[value="${last.answer}"]`).isChecked(), 'reload keeps the answer chosen');
      await page.goForward();
      assert.deepEqual(await current(page), { node: longest.outcome, kind: 'outcome' }, 'forward again');
      await noLeaks('after forward');
      // The Terug link goes one step back, like the browser's Back.
      await page.goBack();
      await page.locator('#stroom-vorige').click();
      const before = longest.steps[longest.steps.length - 2];
      if (before) assert.equal((await current(page)).node, before.node, 'Terug goes one step back');
      // From the first question, Terug leads to the start page. (A link to the page opens a new
      // entry: the start page; the same URL in the address bar again would be a reload.)
      await page.goto(fileUrl(flow, 'schema.html'));
      await page.goto(fileUrl(flow, 'index.html'));
      assert.ok(await page.locator('#stroom-start').isVisible(), 'a fresh visit shows the start page');
      await start(page);
      await page.locator('#stroom-vorige').click();
      assert.ok(await page.locator('#stroom-start').isVisible(), 'Terug from the first step shows the start page');
      assert.ok(await page.locator('#stroom-app').isHidden());
      // Change link from the summary: the same answer again → straight back to the outcome.
      await page.locator('#stroom-start-knop').click();
      for (const step of longest.steps) await answer(page, step);
      const firstQuestion = longest.steps.findIndex((s) => s.kind === 'question');
      await page.locator('#stroom-samenvatting button[data-stap]').first().click();
      assert.equal((await current(page)).node, longest.steps[firstQuestion].node, 'change link opens the question');
      assert.ok(await page.locator(`#stap-${longest.steps[firstQuestion].node} input[value="${longest.steps[firstQuestion].answer}"]`).isChecked(), 'earlier answer preselected');
      await page.locator('#stroom-volgende').click();
      assert.deepEqual(await current(page), { node: longest.outcome, kind: 'outcome' }, 'unchanged answer returns to the outcome');
      await noLeaks('after the change link');
      // Answers live in this tab only: a new tab starts empty.
      const other = await newCheckedPage(context, null);
      await other.goto(fileUrl(flow, 'index.html'));
      await other.locator('#stroom-start-knop').click();
      assert.equal((await current(other)).node, flow.start);
      if (flow.paths[0].steps[0].kind === 'question') assert.equal(await other.locator(`#stap-${flow.start} input:checked`).count(), 0, 'no answer carried to another tab');
      assert.deepEqual(problems, []);
      assert.deepEqual(takeIssues(page), []);
      await context.close();
    });

    test('"Opnieuw beginnen" asks first, in the page', async () => {
      const context = await browser.newContext();
      const page = await newCheckedPage(context, null);
      let dialogs = 0;
      page.on('dialog', (d) => { dialogs++; d.dismiss(); });
      const p = flow.paths[0];
      await page.goto(fileUrl(flow, 'index.html'));
      await start(page);
      for (const step of p.steps) await answer(page, step);
      await page.locator('#stroom-opnieuw').click();
      assert.deepEqual(await current(page), { node: p.outcome, kind: 'outcome' }, 'nothing is wiped before confirming');
      assert.ok(await page.locator('#stroom-bevestig').isVisible(), 'the question is asked in the page');
      assert.equal(await page.evaluate(() => document.activeElement.id), 'stroom-bevestig-kop', 'focus on the question');
      assert.equal((await runAxe(page)).length, 0, 'axe with the question shown');
      await page.locator('#stroom-opnieuw-nee').click();
      assert.ok(await page.locator('#stroom-bevestig').isHidden());
      assert.equal(await page.evaluate(() => document.activeElement.id), 'stroom-opnieuw', 'No: focus back on the button');
      assert.deepEqual(await current(page), { node: p.outcome, kind: 'outcome' }, 'No keeps the outcome');
      await restart(page);
      assert.equal((await current(page)).node, flow.start, 'Yes starts at the first step');
      assert.equal(await page.locator(`#stap-${flow.start} input:checked`).count(), 0, 'no answer chosen');
      await page.reload();
      assert.equal((await current(page)).node, flow.start, 'and stays wiped after a reload');
      assert.equal(await page.locator(`#stap-${flow.start} input:checked`).count(), 0);
      assert.equal(dialogs, 0, 'no window.confirm');
      assert.deepEqual(takeIssues(page), []);
      await context.close();
    });

    test('"Laat mijn route zien": the diagram marks the route taken, nothing of it in the URL', async () => {
      const context = await browser.newContext();
      const page = await newCheckedPage(context, null);
      const p = flow.paths[flow.paths.length - 1];
      await page.goto(fileUrl(flow, 'index.html'));
      await start(page);
      assert.ok(await page.locator('#stroom-route').isHidden(), 'no route link before the outcome');
      for (const step of p.steps) await answer(page, step);
      await page.locator('#stroom-route').click();
      await page.waitForURL(/schema\.html$/);
      assert.ok(!page.url().includes('?') && !page.url().includes('#'), `nothing of the route in the URL: ${page.url()}`);
      const marked = await page.$$eval('#stroom-diagram g.node.is-route', (gs) => gs.map((g) => g.id));
      const expected = new Set([...p.steps.map((s) => s.node), p.outcome]);
      assert.equal(marked.length, expected.size, `every node of the route is marked (${marked.join(', ')})`);
      assert.ok(marked.some((id) => id.endsWith(`-${p.outcome}`)), 'the outcome is marked');
      assert.deepEqual(takeIssues(page), []);
      await context.close();
    });

    test('no answer chosen: GOV.UK error summary, inline message, title, axe; gone after answering', async () => {
      // The first question of a path (a flow may start with an info step).
      const p = flow.paths.find((x) => x.steps.some((s) => s.kind === 'question'));
      assert.ok(p, 'a path with a question');
      const at = p.steps.findIndex((s) => s.kind === 'question');
      const first = p.steps[at];
      const q = first.node;
      const context = await browser.newContext();
      const page = await newCheckedPage(context, null);
      await page.goto(fileUrl(flow, 'index.html'));
      await start(page);
      for (const step of p.steps.slice(0, at)) await answer(page, step);
      const title = await page.title();
      const summary = page.locator('#stroom-foutoverzicht');
      assert.equal(await summary.count(), 0, 'no error summary before Volgende');
      await page.locator('#stroom-volgende').click();
      assert.equal((await current(page)).node, q, 'the wizard stays at the question');
      assert.ok(await summary.isVisible(), 'error summary shown');
      assert.equal(await summary.locator('[role="alert"] h2').textContent(), 'Er is een probleem');
      assert.equal(await page.evaluate(() => document.activeElement.id), 'stroom-foutoverzicht', 'focus on the error summary');
      assert.equal(await page.title(), `Fout: ${title}`);
      const inline = page.locator(`#fout-${q}`);
      assert.ok(await inline.isVisible(), 'inline message next to the answers');
      const message = (await inline.textContent()).replace(/^Fout: /, '');
      const fieldset = page.locator(`#stap-${q} fieldset`);
      assert.ok((await fieldset.getAttribute('aria-describedby')).split(' ').includes(`fout-${q}`), 'fieldset described by the message');
      const links = summary.locator('a');
      assert.equal(await links.count(), 1);
      assert.equal(await links.textContent(), message, 'the same words in the summary and next to the answers');
      const own = ownMessages(flow.flow);
      if (own) {
        assert.ok(own[q], `${q} has its own "fout" message`);
        assert.equal(message, own[q], 'the question\'s own message, not the general one');
      }
      const firstRadio = await page.locator(`#stap-${q} input[type=radio]:not(:disabled)`).first().getAttribute('id');
      assert.equal(await links.getAttribute('href'), `#${firstRadio}`);
      const violations = (await runAxe(page)).map((v) => v.summary);
      assert.deepEqual(violations, [], 'axe with the error summary shown');
      const url = page.url();
      await links.click();
      assert.equal(await page.evaluate(() => document.activeElement.id), firstRadio, 'the link moves focus to the first answer');
      assert.equal(page.url(), url, 'the link leaves the URL as it is');
      // Volgende again without an answer: still one summary, focused again.
      await page.locator('#stroom-volgende').click();
      assert.equal(await summary.count(), 1);
      assert.equal(await page.evaluate(() => document.activeElement.id), 'stroom-foutoverzicht');
      // Choose an answer with the keyboard and continue: summary, message and prefix are gone.
      await page.locator(`#stap-${q} input[value="${first.answer}"]`).focus();
      await page.keyboard.press('Space');
      await page.locator('#stroom-volgende').click();
      assert.equal((await current(page)).node, p.steps[at + 1]?.node ?? p.outcome, 'the answer is taken');
      assert.equal(await summary.count(), 0, 'error summary removed');
      assert.equal(await page.title(), title, 'no "Fout: " in the title');
      assert.ok(await inline.isHidden(), 'inline message hidden');
      assert.ok(!((await fieldset.getAttribute('aria-describedby')) || '').includes(`fout-${q}`), 'aria-describedby back as it was');
      // Back on the question: no error left behind; Vorige also clears an error.
      const second = p.steps[at + 1];
      if (second?.kind === 'question') {
        await page.locator('#stroom-volgende').click();
        assert.ok(await summary.isVisible(), 'error summary on the second question');
        if (own) {
          assert.equal(await summary.locator('a').textContent(), own[second.node], 'the second question\'s own message in the summary');
          assert.equal(await page.locator(`#fout-${second.node}`).textContent(), `Fout: ${own[second.node]}`, 'and next to its answers');
        }
        await page.locator('#stroom-vorige').click();
        assert.equal((await current(page)).node, q);
        assert.equal(await summary.count(), 0, 'Terug removes the error summary');
        assert.equal(await page.title(), title);
      }
      assert.deepEqual(takeIssues(page), []);
      await context.close();
    });

    test('JavaScript off: paths that together reach every node, over the plain node pages, a back link on every step', async () => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await newCheckedPage(context, null);
      const sample = coveringPaths(flow.paths);
      const problems = [];
      for (const p of sample) {
        await page.goto(fileUrl(flow, 'index.html'));
        // Wait for the first step to load: reading it while the start page is still leaving
        // finds no <main> (a clean-clone CI run failed on that).
        await Promise.all([page.waitForNavigation(), page.locator('a.stroom-begin__link').click()]);
        let previous = fileUrl(flow, 'index.html');
        for (const step of p.steps) {
          // One round trip per page for what it shows.
          const { node, back, conditions, ids, progress } = await page.evaluate(() => {
            const main = document.querySelector('main');
            return {
              node: main.getAttribute('data-node'),
              back: [...main.querySelectorAll('a.stroom-terug')].map((a) => a.href),
              conditions: main.querySelectorAll('.stroom-voorwaarde').length,
              ids: [...main.querySelectorAll('a.stroom-link[data-answer]')].map((a) => a.dataset.answer),
              progress: document.querySelector('.stroom-bovenschrift')?.textContent ?? '',
            };
          });
          if (node !== step.node) {
            problems.push(`${p.state}: at ${node}, expected ${step.node}`);
            break;
          }
          // Back leads to the page before; no answer is offered with a condition to remember.
          if (back.length !== 1 || back[0] !== previous) problems.push(`${p.state}: ${node}: back link ${back}, expected ${previous}`);
          if (conditions) problems.push(`${p.state}: ${node}: an answer depends on an earlier answer`);
          if (new Set(ids).size !== ids.length) problems.push(`${p.state}: ${node}: an answer is listed twice`);
          if (step.kind === 'question' && !/ · Vraag \d+ van ongeveer \d+$/.test(progress))
            problems.push(`${p.state}: ${node}: no progress line`);
          previous = page.url();
          await Promise.all([page.waitForNavigation(), page.locator(`main a.stroom-link[data-answer="${step.answer}"]`).click()]);
        }
        const main = page.locator('main');
        if ((await main.getAttribute('data-node')) !== p.outcome || (await main.getAttribute('data-kind')) !== 'outcome')
          problems.push(`${p.state}: ended at ${await main.getAttribute('data-node')}, expected ${p.outcome}`);
        const back = await page.locator('main a.stroom-terug').evaluateAll((as) => as.map((a) => a.href));
        if (back.length !== 1 || back[0] !== previous) problems.push(`${p.state}: outcome back link ${back}, expected ${previous}`);
        // An outcome reads as an outcome: the answers of this route, no list of routes.
        const given = await page.locator('.stroom-gegeven dd').count();
        if (given !== p.steps.filter((s) => s.kind === 'question').length) problems.push(`${p.state}: ${given} answers shown on the outcome`);
        if (await page.locator('.stroom-routes').count() || /gekomen zijn/.test(await main.textContent())) problems.push(`${p.state}: the outcome lists routes`);
      }
      problems.push(...takeIssues(page).map((x) => `${x.kind}: ${x.detail}`));
      await context.close();
      assert.equal(problems.length, 0, formatProblems('no-JS paths', problems));
    });

    test('axe: zero violations on the wizard (start, a step, an outcome) and the diagram', async (t) => {
      const context = await browser.newContext();
      const page = await newCheckedPage(context, null);
      const violations = [];
      const check = async (label) => {
        for (const v of await runAxe(page)) violations.push(`${label}: ${v.summary}`);
      };
      await page.goto(fileUrl(flow, 'index.html'));
      await check('wizard start');
      const withInfo = flow.paths.find((p) => p.steps.some((s) => s.kind === 'info')) || flow.paths[0];
      await start(page);
      await check('wizard first step');
      for (const step of withInfo.steps) await answer(page, step);
      await check('wizard outcome');
      // The node pages and the diagram page as loaded are in browser_site's crawl, axe on each;
      // here the diagram with its script run.
      const nodes = new Set([flow.start, ...flow.paths.map((p) => p.outcome), ...flow.paths.flatMap((p) => p.steps.map((s) => s.node))]);
      await page.goto(fileUrl(flow, 'schema.html'));
      await check('schema.html');
      const svg = await page.locator('.stroom-diagram svg').count();
      assert.equal(svg, 1, 'the diagram is an inline SVG');
      const links = await page.locator('.stroom-diagram svg a').count();
      assert.ok(links >= nodes.size, 'every diagram node links to its page');
      const issues = takeIssues(page);
      await context.close();
      t.diagnostic(`${flow.flow}: axe on 4 pages/states`);
      assert.equal(violations.length, 0, formatProblems('axe violations', violations));
      assert.deepEqual(issues, [], 'no errors and no requests to other hosts');
    });
  });
}

// The client's journey (issue 15): from the home page's entry to the start page, through the
// wizard by keyboard alone, to an outcome with numbered steps and contacts, printed on one page.
const HOME = path.join(SITE, 'index.html');
const clientHref = fs.existsSync(HOME) ? /class="hulp-ingang__link" href="([^"]+)"/.exec(fs.readFileSync(HOME, 'utf8'))?.[1] : null;
const client = clientHref ? flows.find((f) => path.resolve(SITE, clientHref) === path.join(f.dir, 'index.html')) : null;

describe('the client\'s journey', { skip: !client && 'no client entry on the home page' }, () => {
  test('home page entry → start page: one Start button, nothing about JavaScript; axe and html-validate', async () => {
    const context = await browser.newContext();
    const page = await newCheckedPage(context, null);
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(pathToFileURL(HOME).href);
    const entry = page.locator('.hulp-ingang');
    assert.equal(await entry.locator('h2').textContent(), 'Ik zoek hulp bij werk');
    const box = await entry.boundingBox();
    assert.ok(box.y < 740, `the entry starts on the first screen at 360×740 (y = ${box.y})`);
    const professional = await page.locator('h2', { hasText: 'Voor professionals' }).boundingBox();
    assert.ok(box.y < professional.y, 'above the professional index');
    await Promise.all([page.waitForNavigation(), entry.locator('a.hulp-ingang__link').click()]);
    assert.equal(page.url(), fileUrl(client, 'index.html'));
    const startPage = page.locator('#stroom-start');
    assert.ok(await startPage.isVisible());
    assert.equal(await startPage.locator('a, button').filter({ hasText: 'Start' }).count(), 1, 'one Start button');
    assert.match(await startPage.textContent(), /minuten/, 'says how long it takes');
    assert.doesNotMatch(await page.locator('main').textContent(), /JavaScript/i);
    const violations = [...(await runAxe(page)).map((v) => `start: ${v.summary}`)];
    await page.goto(pathToFileURL(HOME).href);
    violations.push(...(await runAxe(page)).map((v) => `home: ${v.summary}`));
    assert.deepEqual(violations, []);
    const invalid = [];
    for (const file of [HOME, path.join(client.dir, 'index.html'), path.join(client.dir, `${client.start}.html`), path.join(client.dir, `${client.paths[0].outcome}.html`)])
      for (const e of (await validateHtml(file)).errors) invalid.push(e.text);
    assert.deepEqual(invalid, []);
    assert.deepEqual(takeIssues(page), []);
    await context.close();
  });

  test('keyboard only (Tab, Enter, Space): start to outcome, focus on each step\'s heading, tab order = visual order', async () => {
    const context = await browser.newContext();
    const page = await newCheckedPage(context, null);
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(fileUrl(client, 'index.html'));
    const active = () => page.evaluate(() => {
      const el = document.activeElement;
      const r = el.getBoundingClientRect();
      return { id: el.id, tag: el.tagName, value: el.value || '', top: r.top + window.scrollY, left: r.left };
    });
    const tabTo = async (wanted, max = 40) => {
      const seen = [];
      for (let i = 0; i < max; i++) {
        await page.keyboard.press('Tab');
        const a = await active();
        seen.push(a);
        if (wanted(a)) return seen;
      }
      assert.fail(`not reached by Tab: ${JSON.stringify(seen.slice(-5))}`);
    };
    await tabTo((a) => a.id === 'stroom-start-knop');
    await page.keyboard.press('Enter');
    // Only Tab and Space choose: the first answer of every question (radios in a group take one Tab).
    const p = client.paths[0];
    for (const step of p.steps) {
      assert.equal((await current(page)).node, step.node);
      assert.equal((await active()).id, `kop-${step.node}`, `focus on the heading of ${step.node}`);
      assert.match(await page.locator('#stroom-voortgang').textContent(), /^Vraag \d+ van ongeveer \d+$/);
      const order = await tabTo((a) => a.id === 'stroom-volgende');
      for (let i = 1; i < order.length; i++) assert.ok(order[i].top >= order[i - 1].top - 1, `tab order follows the page downwards at ${step.node}: ${JSON.stringify(order)}`);
      if (step.kind === 'question') {
        const radio = order.find((a) => a.tag === 'INPUT');
        assert.equal(radio?.value, step.answer, `Tab reaches the first answer of ${step.node}`);
        await page.keyboard.press('Shift+Tab');
        while ((await active()).tag !== 'INPUT') await page.keyboard.press('Shift+Tab');
        await page.keyboard.press('Space');
        await tabTo((a) => a.id === 'stroom-volgende');
      }
      await page.keyboard.press('Enter');
    }
    assert.deepEqual(await current(page), { node: p.outcome, kind: 'outcome' });
    assert.equal((await active()).id, `kop-${p.outcome}`, 'focus on the outcome\'s heading');
    assert.deepEqual(takeIssues(page), []);
    await context.close();
  });

  test('every outcome: 1–3 numbered steps, contacts with an https link, one printed page with the date, answers and steps', async (t) => {
    const context = await browser.newContext();
    const page = await newCheckedPage(context, null);
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wijzer-print-'));
    const problems = [];
    const outcomes = new Map();
    for (const p of client.paths) if (!outcomes.has(p.outcome)) outcomes.set(p.outcome, p);
    await page.goto(fileUrl(client, 'index.html'));
    await start(page);
    let first = true;
    for (const [outcome, p] of outcomes) {
      if (!first) await restart(page);
      first = false;
      for (const step of p.steps) await answer(page, step);
      const stepBox = page.locator(`#stap-${outcome}`);
      const steps = await stepBox.locator('ol.stroom-vervolg > li').count();
      if (steps < 1 || steps > 3) problems.push(`${outcome}: ${steps} numbered steps`);
      const external = await stepBox.locator('.stroom-contact a[href^="https://"]').count();
      if (external < 1) problems.push(`${outcome}: no https link to an organisation`);
      if (!(await stepBox.locator('.stroom-meenemen li').count()) || !(await stepBox.locator('.stroom-vragen li').count())) problems.push(`${outcome}: no "Neem mee" or "Vraag dit"`);
      if (!/Juridisch Loket/.test(await stepBox.textContent())) problems.push(`${outcome}: no free help with a refusal`);
      assert.equal(await page.locator('#stroom-print').textContent(), 'Bewaar of print je uitkomst');
      await page.emulateMedia({ media: 'print' });
      const file = path.join(tmp, `${outcome}.pdf`);
      await page.pdf({ path: file, format: 'A4' });
      await page.emulateMedia({ media: 'screen' });
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      const pages = text.split('\f').filter((x) => x.trim()).length;
      if (pages !== 1) problems.push(`${outcome}: printed on ${pages} pages`);
      if (!/Gemaakt op \d+ \w+ \d{4}/.test(text)) problems.push(`${outcome}: no date in print`);
      const lastQuestion = [...p.steps].reverse().find((s) => s.kind === 'question');
      const label = client.paths && (await page.locator(`#stap-${lastQuestion.node} label[for="k-${lastQuestion.node}-${lastQuestion.answer}"]`).textContent());
      if (!text.replace(/\s+/g, ' ').includes(label.replace(/\s+/g, ' ').slice(0, 30))) problems.push(`${outcome}: answer "${label}" not printed`);
      const firstStep = await stepBox.locator('ol.stroom-vervolg > li').first().textContent();
      if (!text.replace(/\s+/g, ' ').includes(firstStep.slice(0, 30))) problems.push(`${outcome}: next step not printed`);
    }
    t.diagnostic(`${outcomes.size} outcomes printed`);
    fs.rmSync(tmp, { recursive: true, force: true });
    assert.deepEqual(problems, []);
    assert.deepEqual(takeIssues(page), []);
    await context.close();
  });

  test('crisis help where the client reports severe complaints', async () => {
    const severe = client.paths.filter((p) => p.steps.some((s) => s.answer === 'ernstig'));
    if (!severe.length) return;
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await newCheckedPage(context, null);
    for (const p of severe) {
      await page.goto(fileUrl(client, `${p.outcome}.html`));
      const text = await page.locator('main').textContent();
      assert.match(text, /113/);
      assert.match(text, /0800-0113/);
      assert.match(text, /huisartsenpost/);
    }
    await context.close();
  });

  test('from a server sub-folder: walk, reload and Back, no answer in the URL', async () => {
    const server = await startStaticServer(SITE);
    const context = await browser.newContext();
    const page = await newCheckedPage(context, server.origin);
    try {
      const rel = path.relative(SITE, path.join(client.dir, 'index.html')).split(path.sep).join('/');
      const url = server.baseUrl + rel;
      const p = client.paths[client.paths.length - 1];
      await page.goto(url);
      await start(page);
      for (const step of p.steps) await answer(page, step);
      assert.deepEqual(await current(page), { node: p.outcome, kind: 'outcome' });
      assert.equal(page.url(), url);
      await page.reload();
      assert.deepEqual(await current(page), { node: p.outcome, kind: 'outcome' });
      await page.goBack();
      assert.equal((await current(page)).node, p.steps[p.steps.length - 1].node);
      for (const u of await historyUrls(page)) assert.ok(u === 'about:blank' || u === url, `history entry ${u}`);
      assert.deepEqual(takeIssues(page), []);
    } finally {
      await context.close();
      await server.close();
    }
  });
});
