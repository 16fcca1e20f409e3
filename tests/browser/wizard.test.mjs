// Stroomschema's in the browser: every path the compiler enumerated (stroomschema/<flow>/paths.json)
// is walked in the wizard with JavaScript on, from file://; a sample of paths with JavaScript off
// over the plain node pages; reload and back button; axe on wizard, node and diagram pages; no
// requests to other hosts.
//
//   WIJZER_SITE=_site node --test tests/browser/wizard.test.mjs

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { REPO_ROOT, assertSiteExists, formatProblems, launchBrowser, newCheckedPage, pathToFileURL, runAxe, siteDir, takeIssues } from './lib.mjs';

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

for (const flow of flows) {
  describe(`stroomschema ${flow.flow} (${flow.paths.length} paths)`, () => {
    test('JavaScript on: every path walks to its outcome in the wizard (file://)', async (t) => {
      const t0 = performance.now();
      const context = await browser.newContext();
      const page = await newCheckedPage(context, null);
      const problems = [];
      await page.goto(fileUrl(flow, 'index.html'));
      let steps = 0;
      for (const [i, p] of flow.paths.entries()) {
        // Start over through the page's own button: no reload between paths.
        await page.locator('#stroom-opnieuw').click();
        for (const step of p.steps) {
          const at = await current(page);
          if (at.node !== step.node) {
            problems.push(`path ${i} (${p.state}): expected step ${step.node}, wizard shows ${at.node}`);
            break;
          }
          await answer(page, step);
          steps++;
        }
        const end = await current(page);
        if (end.node !== p.outcome || end.kind !== 'outcome') problems.push(`path ${i} (${p.state}): ended at ${end.node} (${end.kind}), expected outcome ${p.outcome}`);
        const hash = decodeURIComponent(new URL(page.url()).hash);
        if (!hash.startsWith(`#a=${p.state}`)) problems.push(`path ${i}: URL state ${hash}, expected #a=${p.state}`);
        if (problems.length > 10) break;
      }
      problems.push(...takeIssues(page).map((x) => `${x.kind}: ${x.detail}`));
      await context.close();
      t.diagnostic(`${flow.flow}: ${flow.paths.length} paths, ${steps} steps in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      assert.equal(problems.length, 0, formatProblems('wizard paths', problems));
    });

    test('state in the URL: reload, back button, change link, summary', async () => {
      const context = await browser.newContext();
      const page = await newCheckedPage(context, null);
      const longest = flow.paths.reduce((a, b) => (b.steps.length > a.steps.length ? b : a));
      // A shared/bookmarked URL opens at the outcome.
      await page.goto(`${fileUrl(flow, 'index.html')}#a=${longest.state}`);
      assert.deepEqual(await current(page), { node: longest.outcome, kind: 'outcome' });
      await page.reload();
      assert.deepEqual(await current(page), { node: longest.outcome, kind: 'outcome' }, 'reload keeps the outcome');
      const questions = longest.steps.filter((s) => s.kind === 'question');
      assert.equal(await page.locator('#stroom-samenvatting .stroom-samenvatting__rij').count(), questions.length, 'one summary row per question');
      assert.ok(await page.locator('#stroom-controle').isVisible(), 'check-your-answers is shown');
      // Back button: one step back.
      await page.goBack().catch(() => {});
      // Walk it fresh, then go back with the browser.
      await page.goto(fileUrl(flow, 'index.html'));
      const first = longest.steps[0];
      await answer(page, first);
      assert.equal((await current(page)).node, longest.steps[1]?.node ?? longest.outcome);
      await page.goBack();
      assert.equal((await current(page)).node, first.node, 'back button returns to the previous step');
      if (first.kind === 'question') {
        assert.ok(await page.locator(`#stap-${first.node} input[value="${first.answer}"]`).isChecked(), 'back button keeps the answer chosen');
      }
      await page.goForward();
      assert.equal((await current(page)).node, longest.steps[1]?.node ?? longest.outcome, 'forward again');
      // Vorige button.
      await page.locator('#stroom-vorige').click();
      assert.equal((await current(page)).node, first.node, 'Vorige goes one step back');
      // Change link from the summary: change the first answer back to the same → straight to the outcome.
      await page.goto(`${fileUrl(flow, 'index.html')}#a=${longest.state}`);
      const firstQuestion = longest.steps.findIndex((s) => s.kind === 'question');
      await page.locator('#stroom-samenvatting button[data-stap]').first().click();
      assert.equal((await current(page)).node, longest.steps[firstQuestion].node, 'change link opens the question');
      assert.ok(await page.locator(`#stap-${longest.steps[firstQuestion].node} input[value="${longest.steps[firstQuestion].answer}"]`).isChecked(), 'earlier answer preselected');
      await page.locator('#stroom-volgende').click();
      assert.deepEqual(await current(page), { node: longest.outcome, kind: 'outcome' }, 'unchanged answer returns to the outcome');
      // Volgende without an answer shows an error and stays.
      await page.locator('#stroom-opnieuw').click();
      if (flow.paths[0].steps[0].kind === 'question') {
        await page.locator('#stroom-volgende').click();
        assert.ok(await page.locator(`#fout-${flow.start}`).isVisible(), 'error when no answer chosen');
        assert.equal((await current(page)).node, flow.start);
      }
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
      const hash = new URL(page.url()).hash;
      await links.click();
      assert.equal(await page.evaluate(() => document.activeElement.id), firstRadio, 'the link moves focus to the first answer');
      assert.equal(new URL(page.url()).hash, hash, 'the link keeps the wizard state in the URL');
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
        assert.equal(await summary.count(), 0, 'Vorige removes the error summary');
        assert.equal(await page.title(), title);
      }
      assert.deepEqual(takeIssues(page), []);
      await context.close();
    });

    test('JavaScript off: a sample of paths over the plain node pages', async () => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await newCheckedPage(context, null);
      const sample = flow.paths.filter((_, i) => i % Math.max(1, Math.floor(flow.paths.length / 8)) === 0);
      const problems = [];
      for (const p of sample) {
        await page.goto(fileUrl(flow, 'index.html'));
        await page.locator('a.stroom-begin__link').click();
        for (const step of p.steps) {
          const node = await page.locator('main').getAttribute('data-node');
          if (node !== step.node) {
            problems.push(`${p.state}: at ${node}, expected ${step.node}`);
            break;
          }
          // The link for this answer (the first one when an answer is listed twice with conditions).
          await Promise.all([page.waitForNavigation(), page.locator(`main a.stroom-link[data-answer="${step.answer}"]`).first().click()]);
        }
        const main = page.locator('main');
        if ((await main.getAttribute('data-node')) !== p.outcome || (await main.getAttribute('data-kind')) !== 'outcome')
          problems.push(`${p.state}: ended at ${await main.getAttribute('data-node')}, expected ${p.outcome}`);
      }
      problems.push(...takeIssues(page).map((x) => `${x.kind}: ${x.detail}`));
      await context.close();
      assert.equal(problems.length, 0, formatProblems('no-JS paths', problems));
    });

    test('axe: zero violations on the wizard (each step kind), node pages and the diagram', async (t) => {
      const context = await browser.newContext();
      const page = await newCheckedPage(context, null);
      const violations = [];
      const check = async (label) => {
        for (const v of await runAxe(page)) violations.push(`${label}: ${v.summary}`);
      };
      await page.goto(fileUrl(flow, 'index.html'));
      await check('wizard start');
      const withInfo = flow.paths.find((p) => p.steps.some((s) => s.kind === 'info')) || flow.paths[0];
      await page.goto(`${fileUrl(flow, 'index.html')}#a=${withInfo.state}`);
      await check('wizard outcome');
      const nodes = new Set([flow.start, ...flow.paths.map((p) => p.outcome), ...flow.paths.flatMap((p) => p.steps.map((s) => s.node))]);
      for (const node of nodes) {
        await page.goto(fileUrl(flow, `${node}.html`));
        await check(`${node}.html`);
      }
      await page.goto(fileUrl(flow, 'schema.html'));
      await check('schema.html');
      const svg = await page.locator('.stroom-diagram svg').count();
      assert.equal(svg, 1, 'the diagram is an inline SVG');
      const links = await page.locator('.stroom-diagram svg a').count();
      assert.ok(links >= nodes.size, 'every diagram node links to its page');
      const issues = takeIssues(page);
      await context.close();
      t.diagnostic(`${flow.flow}: axe on ${nodes.size + 3} pages/states`);
      assert.equal(violations.length, 0, formatProblems('axe violations', violations));
      assert.deepEqual(issues, [], 'no errors and no requests to other hosts');
    });
  });
}
