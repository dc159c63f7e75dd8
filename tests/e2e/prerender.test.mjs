// The prerendered first screen (issue 22): dist/index.html is a readable report without
// scripts, shows its figures and charts before the WebAssembly has arrived, and the app
// hydrates that very markup under the strict Content-Security-Policy.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import {
  browser, launch, open, screenshot, serveAndLaunch, server, textOf, untilText, untilValue,
} from './harness.mjs';
import { STRICT_CSP } from './server.mjs';

serveAndLaunch({ headers: { 'content-security-policy': STRICT_CSP } });

/** What a reader sees of the report: rows, amounts, totals, charts. */
async function report(page) {
  return page.evaluate(() => ({
    rows: document.querySelectorAll('.stream-list > li.stream').length,
    amounts: [...document.querySelectorAll('.amount-input')].map((input) => input.value),
    grand: document.querySelector('#total-grand')?.textContent.trim(),
    granted: document.querySelector('#total-granted')?.textContent.trim(),
    sought: document.querySelector('#total-sought')?.textContent.trim(),
    charts: [...document.querySelectorAll('.chart-svg > svg')].filter((svg) => svg.getBoundingClientRect().height > 50).length,
  }));
}

const SOURCE = {
  rows: 9,
  amounts: ['273', '200', '2000', '600', '30', '600', '75', '10'],
  grand: '3,788万元',
  granted: '1,758万元',
  sought: '2,030万元',
  charts: 3,
};

describe('the prerendered first screen', () => {
  test('is a readable report with JavaScript disabled', async () => {
    const engine = await chromium.launch({
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-dev-shm-usage'],
    });
    try {
      const context = await engine.newContext({ javaScriptEnabled: false, viewport: { width: 1366, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${server.url}/`);
      assert.deepEqual(await report(page), SOURCE);
      // (No `textOf`: it waits on the page's timers, which do not run without scripts.)
      assert.match(await page.locator('noscript .needs-browser').innerText(), /新版浏览器/);
      assert.equal(await page.locator('.starting-note').isVisible(), false, 'no promise of tools that are not coming');
      // Controls that do nothing say so: every one is disabled, so none takes the focus or input.
      assert.ok(await page.locator('.mfe-app :is(input, select, button, textarea)').count() > 40);
      assert.deepEqual(await liveControls(page), []);
      // The source quotes are content: they open by mouse and touch without scripts.
      const quote = page.locator('#stream-0-name').locator('xpath=ancestor::li').locator('details.quote');
      await quote.locator('summary').click({ timeout: 2000 });
      assert.equal(await quote.evaluate((d) => d.open), true);
      assert.match(await quote.locator('blockquote').innerText(), /273萬元/);
      await screenshot(page, 'prerender-noscript-1366');
      await page.setViewportSize({ width: 375, height: 800 });
      await screenshot(page, 'prerender-noscript-375');
      await context.close();
    } finally {
      await engine.close();
    }
  });

  test('shows the figures and the first chart while the WebAssembly is still on its way', async () => {
    const page = await browser.newPage();
    // From 1440 px on, the layout is as wide as it gets: the prerendered charts' width.
    await page.setViewportSize({ width: 1920, height: 1000 });
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    let asked = false;
    await page.route('**/*.wasm', async (route) => {
      asked = true;
      await held;
      await route.continue();
    });
    await page.goto(`${server.url}/?lang=zh-Hans`);
    await page.waitForSelector('#figure-streams svg', { state: 'visible' });
    assert.equal(await page.evaluate(() => document.documentElement.dataset.ready), undefined, 'not started yet');
    assert.deepEqual(await report(page), SOURCE);
    assert.equal(await page.locator('.mfe-app.mfe-starting').count(), 1);
    assert.equal(await textOf(page, '.starting-note'), '正在载入交互工具……');
    // The controls look and are inactive: a click on a slider reaches nothing.
    const slider = page.locator('#stream-0-slider');
    assert.equal(await slider.evaluate((e) => getComputedStyle(e).pointerEvents), 'none');
    assert.ok(Number(await slider.evaluate((e) => getComputedStyle(e).opacity)) < 1);
    // Nor does the keyboard: nothing typed or toggled now could survive the start.
    assert.deepEqual(await liveControls(page), []);
    await screenshot(page, 'prerender-starting-1920');
    const before = await figurePlaces(page);
    release();
    await page.waitForSelector('html[data-ready]');
    assert.ok(asked, 'the module asked for the WebAssembly');
    assert.equal(await page.locator('.starting-note').count(), 0);
    assert.equal(await page.locator('.mfe-app.mfe-starting').count(), 0);
    assert.equal(await slider.evaluate((e) => getComputedStyle(e).pointerEvents), 'auto');
    assert.equal(await page.locator('#stream-0-amount').isEnabled(), true);
    assert.equal(await page.locator('#count-sought').isEnabled(), true);
    assert.equal(await page.locator('.history-buttons button').first().isDisabled(), true, 'nothing to undo yet');
    assert.deepEqual(await figurePlaces(page), before, 'the figures stay where they were');
    await page.close();
  });

  test('is hydrated, not drawn again, under the strict policy; a slider then works', async () => {
    const context = await launch();
    try {
      const page = await context.newPage();
      await page.addInitScript(() => {
        window.__violations = [];
        document.addEventListener('securitypolicyviolation', (e) =>
          window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
        // The elements the HTML brought, before the app starts.
        document.addEventListener('DOMContentLoaded', () => {
          window.__prerendered = ['h1', '#total-grand', '#stream-0-slider', '#figure-kinds svg']
            .map((selector) => document.querySelector(selector));
        });
      });
      const messages = [];
      page.on('console', (m) => ['error', 'warning'].includes(m.type()) && messages.push(`${m.type()}: ${m.text()}`));
      page.on('pageerror', (e) => messages.push(`page: ${e.message}`));
      await page.goto(`${server.url}/?lang=zh-Hans`);
      await page.waitForSelector('html[data-ready]');
      assert.deepEqual(
        await page.evaluate(() => window.__prerendered.map((e) => e?.isConnected)),
        [true, true, true, true],
        'the app took over the prerendered elements',
      );
      await page.focus('#stream-0-slider');
      for (let i = 0; i < 5; i += 1) await page.keyboard.press('ArrowRight');
      await untilValue(page, '#stream-0-amount', '278');
      await untilText(page, '#total-grand', '3,793万元');
      assert.equal(await textOf(page, '#total-grand'), '3,793万元');
      assert.equal(await textOf(page, '#total-granted'), '1,763万元');
      assert.deepEqual(await page.evaluate(() => window.__violations), []);
      assert.deepEqual(messages, [], 'no errors, no hydration warnings');
      await screenshot(page, 'prerender-hydrated-1280');
    } finally {
      await context.close();
    }
  });

  test('switches to the visitor language once started', async () => {
    const { page, errors, warnings } = await open(browser, `${server.url}/?lang=en`);
    assert.equal(await textOf(page, '#total-grand'), 'CNY 37.88 million');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    assert.deepEqual(errors, []);
    assert.deepEqual(warnings, []);
  });
});

/** The ids (or tags) of the app's form controls that are not disabled. */
function liveControls(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('.mfe-app :is(input, select, button, textarea)')]
      .filter((e) => !e.disabled)
      .map((e) => e.id || e.tagName.toLowerCase()),
  );
}

/** Where the totals and the charts are (px from the page's top, and high). */
function figurePlaces(page) {
  return page.evaluate(() =>
    ['#total-grand', '#figure-streams', '#figure-kinds', '#figure-flow'].map((selector) => {
      const box = document.querySelector(selector).getBoundingClientRect();
      return `${selector} ${Math.round(box.top + scrollY)}+${Math.round(box.height)}`;
    }),
  );
}
