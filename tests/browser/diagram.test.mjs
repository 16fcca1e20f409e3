// The diagram page of each stroomschema in the browser (file://): it opens fitted with the start
// node in view at 360 and 1280 px, zooms by buttons and keys (+, −, 0), shows a legend and each
// node's whole text as its <title>, highlights the route a wizard stored in sessionStorage
// ("wijzer-route:<flow>"), puts the list first on a phone, works without JavaScript (no buttons),
// and passes axe and html-validate.
//
//   WIJZER_SITE=_site node --test tests/browser/diagram.test.mjs

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { assertSiteExists, launchBrowser, newCheckedPage, pathToFileURL, runAxe, siteDir, takeIssues, validateHtml } from './lib.mjs';

const SITE = siteDir();
const FLOW_DIR = path.join(SITE, 'stroomschema');
const flows = fs.existsSync(FLOW_DIR)
  ? fs.readdirSync(FLOW_DIR, { withFileTypes: true })
      .filter((d) => d.isDirectory() && fs.existsSync(path.join(FLOW_DIR, d.name, 'schema.html')))
      .map((d) => ({ id: d.name, file: path.join(FLOW_DIR, d.name, 'schema.html'), ...JSON.parse(fs.readFileSync(path.join(FLOW_DIR, d.name, 'paths.json'), 'utf8')) }))
  : [];
let browser;

before(async () => {
  assertSiteExists(SITE);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** Opens a diagram page at a viewport width; `route`: node ids put in sessionStorage first. */
async function open(flow, width, { route = null, javaScript = true } = {}) {
  const context = await browser.newContext({ viewport: { width, height: width < 600 ? 740 : 800 }, javaScriptEnabled: javaScript });
  const page = await newCheckedPage(context, null);
  const url = pathToFileURL(flow.file).href;
  await page.goto(url);
  if (route) {
    await page.evaluate(([key, ids]) => sessionStorage.setItem(key, JSON.stringify(ids)), [`wijzer-route:${flow.id}`, route]);
    await page.reload();
  }
  return { context, page };
}

const scaleOf = (page) => page.locator('#stroom-diagram').getAttribute('data-scale').then(Number);

/** The start node's box and the diagram box, in viewport pixels, after scrolling the box into view. */
async function startInView(page) {
  await page.locator('#stroom-diagram').scrollIntoViewIfNeeded();
  return page.evaluate(() => {
    const box = document.getElementById('stroom-diagram');
    const start = document.getElementById(box.dataset.start).getBoundingClientRect();
    const r = box.getBoundingClientRect();
    const within = (x, lo, hi) => x >= lo - 1 && x <= hi + 1;
    return within(start.left, Math.max(r.left, 0), Math.min(r.right, innerWidth)) &&
      within(start.right, Math.max(r.left, 0), Math.min(r.right, innerWidth)) &&
      within(start.top, Math.max(r.top, 0), Math.min(r.bottom, innerHeight)) &&
      within(start.bottom, Math.max(r.top, 0), Math.min(r.bottom, innerHeight));
  });
}

/** The first path of a flow, as node ids (paths.json: steps with `node`). */
function firstRoute(flow) {
  return flow.paths[0].steps.map((s) => s.node).concat(flow.paths[0].outcome ? [flow.paths[0].outcome] : []);
}

describe('diagram pages', () => {
  test('there are diagram pages', () => assert.ok(flows.length >= 1, 'no stroomschema/<flow>/schema.html in the site'));

  for (const flow of flows) {
    describe(flow.id, () => {
      for (const width of [360, 1280]) {
        test(`opens fitted with the start node in view at ${width} px`, async () => {
          const { context, page } = await open(flow, width);
          const scale = await scaleOf(page);
          const natural = await page.evaluate(() => document.querySelector('#stroom-diagram svg').width.baseVal.value);
          const boxWidth = await page.evaluate(() => document.getElementById('stroom-diagram').clientWidth);
          assert.ok(scale <= 1 && (natural * scale <= boxWidth + 1 || scale <= 0.351), `fitted: scale ${scale}`);
          assert.ok(await startInView(page), 'the start node is inside the box and the viewport');
          assert.deepEqual(takeIssues(page), []);
          await context.close();
        });
      }

      test('zoom buttons and keys change the scale; 0 fits again', async () => {
        const { context, page } = await open(flow, 1280);
        const fitted = await scaleOf(page);
        await page.getByRole('button', { name: 'Inzoomen' }).click();
        const zoomedIn = await scaleOf(page);
        assert.ok(zoomedIn > fitted, `Inzoomen: ${fitted} → ${zoomedIn}`);
        await page.getByRole('button', { name: 'Uitzoomen' }).click();
        assert.ok(Math.abs((await scaleOf(page)) - fitted) < 0.002, 'Uitzoomen goes back');
        await page.locator('#stroom-diagram').focus();
        await page.keyboard.press('+');
        await page.keyboard.press('+');
        const twice = await scaleOf(page);
        assert.ok(twice > zoomedIn, 'the + key zooms in');
        await page.keyboard.press('-');
        assert.ok((await scaleOf(page)) < twice, 'the - key zooms out');
        await page.keyboard.press('0');
        assert.ok(Math.abs((await scaleOf(page)) - fitted) < 0.002, 'the 0 key fits again');
        await page.getByRole('button', { name: 'Inzoomen' }).click();
        await page.getByRole('button', { name: 'Passend maken' }).click();
        assert.ok(Math.abs((await scaleOf(page)) - fitted) < 0.002, 'Passend maken fits again');
        assert.ok(await startInView(page), 'the start node is in view after fitting');
        assert.deepEqual(takeIssues(page), []);
        await context.close();
      });

      test('legend and whole node texts as <title>', async () => {
        const { context, page } = await open(flow, 1280);
        const legend = page.locator('.stroom-legenda li');
        assert.ok((await legend.count()) >= 3, 'a legend for the lines and boxes');
        assert.match(await page.locator('.stroom-legenda').innerText(), /Stippellijn/);
        const titles = await page.$$eval('#stroom-diagram g.node > title', (ts) => ts.map((t) => t.textContent));
        const listTitles = await page.$$eval('.stroom-lijst a', (as) => as.map((a) => a.textContent));
        assert.ok(titles.length >= 2, 'nodes have a <title>');
        for (const t of titles) assert.ok(listTitles.includes(t), `the <title> "${t}" is a node's whole title`);
        assert.ok(!titles.some((t) => t.endsWith('…')), 'no title is cut');
        await context.close();
      });

      test('highlights the route from sessionStorage', async () => {
        const route = firstRoute(flow);
        const { context, page } = await open(flow, 1280, { route });
        const marked = await page.$$eval('#stroom-diagram g.node.is-route', (gs) => gs.length);
        assert.equal(marked, new Set(route).size, 'every node of the route is marked');
        const edges = await page.$$eval('#stroom-diagram g.edge.is-route', (gs) => gs.length);
        assert.ok(edges >= 1 && edges >= route.length - 1 - 1, `the arrows of the route are marked (${edges})`);
        assert.equal(await page.locator('#stroom-diagram-route').isVisible(), true, 'a note says the route is shown');
        assert.ok((await page.locator('.stroom-lijst a.is-route').count()) >= 1, 'the list marks the route too');
        assert.ok(!page.url().includes('?') && !page.url().includes('#'), 'nothing of the route in the URL');
        await context.close();
        const plain = await open(flow, 1280);
        assert.equal(await plain.page.locator('.is-route').count(), 0, 'no route stored: nothing marked');
        await plain.context.close();
      });

      test('on a phone the list comes first, on a wide screen the picture', async () => {
        for (const [width, listFirst] of [[360, true], [1280, false]]) {
          const { context, page } = await open(flow, width);
          const [list, diagram] = await page.evaluate(() => ['als-lijst', 'diagram'].map((id) => document.getElementById(id).getBoundingClientRect().top));
          assert.equal(list < diagram, listFirst, `${width} px: list at ${list}, diagram at ${diagram}`);
          await context.close();
        }
      });

      test('without JavaScript: no zoom buttons, the picture and list are there', async () => {
        const { context, page } = await open(flow, 360, { javaScript: false });
        assert.equal(await page.locator('#stroom-diagram-knoppen').isVisible(), false);
        assert.equal(await page.locator('#stroom-diagram svg').count(), 1);
        assert.ok((await page.locator('.stroom-lijst a').count()) >= 2);
        await context.close();
      });

      test('axe and html-validate', async () => {
        for (const width of [360, 1280]) {
          const { context, page } = await open(flow, width, { route: firstRoute(flow) });
          const violations = (await runAxe(page)).map((v) => v.summary);
          assert.deepEqual(violations, [], `axe at ${width} px`);
          await context.close();
        }
        const result = await validateHtml(flow.file);
        assert.ok(result.valid, JSON.stringify(result.errors).slice(0, 2000));
      });
    });
  }
});
