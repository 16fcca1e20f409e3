// One small driver for two browser engines, so a scenario is written once and runs in both:
// Debian's chromium through playwright-core and Debian's Firefox ESR through puppeteer-core
// (WebDriver BiDi; no browser download). A scenario only uses the methods of `Tab` below;
// everything else happens inside the page with evaluate(), the same in every engine.

import fs from 'node:fs';
import { launchBrowser } from './lib.mjs';

export const FIREFOX_PATH = process.env.WIJZER_FIREFOX || '/usr/bin/firefox-esr';

/** Launches `name` ('chromium' or 'firefox'); javaScript: false turns scripts off in every tab. */
export async function launchEngine(name, { javaScript = true } = {}) {
  if (name === 'chromium') {
    const browser = await launchBrowser();
    return {
      name,
      async newTab() {
        const context = await browser.newContext({ javaScriptEnabled: javaScript });
        return new Tab(await context.newPage(), () => context.close(), 'playwright');
      },
      close: () => browser.close(),
    };
  }
  if (name !== 'firefox') throw new Error(`unknown engine ${name}`);
  if (!fs.existsSync(FIREFOX_PATH)) {
    throw new Error(`No Firefox at ${FIREFOX_PATH}. Install it with \`apt-get install -y firefox-esr\` (or set WIJZER_FIREFOX).`);
  }
  const { default: puppeteer } = await import('puppeteer-core');
  // Scripts off is a preference of the whole browser: setJavaScriptEnabled() has no BiDi command.
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    extraPrefsFirefox: javaScript ? {} : { 'javascript.enabled': false },
  });
  return {
    name,
    async newTab() {
      const context = await browser.createBrowserContext(); // own storage, like a fresh profile
      return new Tab(await context.newPage(), () => context.close(), 'puppeteer');
    },
    close: () => browser.close(),
  };
}

/** A page with the few actions scenarios need; `problems` collects uncaught errors. */
class Tab {
  constructor(page, closeContext, kind) {
    this.page = page;
    this.kind = kind;
    this.closeContext = closeContext;
    this.problems = [];
    page.on('pageerror', (err) => this.problems.push(`uncaught ${err.message || err}`));
    page.on('console', (msg) => {
      // The browser's own probe for /favicon.ico at a server's root is not the site's doing.
      if (msg.type() === 'error' && !/\/favicon\.ico$/.test(msg.location()?.url || '')) this.problems.push(`console: ${msg.text()}`);
    });
  }
  async goto(url) {
    await this.page.goto(url, { waitUntil: 'load' });
  }
  async reload() {
    await this.page.reload({ waitUntil: 'load' });
  }
  url() {
    return this.page.url();
  }
  /** fn runs in the page with one argument. */
  evaluate(fn, arg) {
    return this.page.evaluate(fn, arg);
  }
  /** Waits until fn(arg) in the page is truthy. */
  async waitFor(fn, arg, timeout = 15000) {
    if (this.kind === 'playwright') await this.page.waitForFunction(fn, arg, { timeout });
    else await this.page.waitForFunction(fn, { timeout, polling: 50 }, arg);
  }
  async click(selector) {
    await this.page.click(selector);
  }
  /** Clears a text field and types into it with the keyboard. */
  async type(selector, text) {
    await this.page.evaluate((s) => { const e = document.querySelector(s); e.focus(); e.select?.(); }, selector);
    if (this.kind === 'playwright') await this.page.fill(selector, text);
    else {
      await this.page.keyboard.press('Backspace');
      await this.page.type(selector, text);
    }
  }
  /** Opens the page a link points to (a click's navigation is not reported by Firefox over
   * BiDi with scripts off). */
  async follow(selector) {
    await this.goto(await this.page.evaluate((s) => document.querySelector(s).href, selector));
  }
  close() {
    return this.closeContext();
  }
}
