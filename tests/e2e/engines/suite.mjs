// The cross-engine end-to-end tests, written once and run in Chromium, Firefox and WebKit (one
// `*.test.mjs` file an engine calls `engineSuite`). Each page is served with recorder.js first
// in its head: the page records its own errors and downloads, and finds the explorer's elements
// in its own document, a custom element's shadow root or an iframe alike.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DIST, ROOT } from '../harness.mjs';
import { serve } from '../server.mjs';
import { launch } from './drivers.mjs';

const HERE = join(ROOT, 'tests/e2e');
const RECORDER = '<script src="/engines/recorder.js"></script>';

/** Every HTML page gets the recorder as the first thing in its head. */
const withRecorder = (html) => html.replace(/<head>/i, (head) => `${head}${RECORDER}`);

/** The seed totals in each language (万元 in Chinese, million yuan in English). */
const SEED = {
  'zh-Hans': { grand: '3,788万元', granted: '1,758万元', sought: '2,030万元' },
  en: { grand: 'CNY 37.88 million', granted: 'CNY 17.58 million', sought: 'CNY 20.3 million' },
};
/** The same after the loans slider moved up 10万元 (Page Up). */
const MOVED = {
  'zh-Hans': { grand: '3,798万元', granted: '1,768万元' },
  en: { grand: 'CNY 37.98 million', granted: 'CNY 17.68 million' },
};

/** The pages tested: the standalone page in two languages, the custom element, the iframe. */
const PAGES = [
  { name: 'page-zh-Hans', path: '/tools/funding/index.html?lang=zh-Hans', lang: 'zh-Hans' },
  { name: 'page-en', path: '/tools/funding/index.html?lang=en', lang: 'en' },
  { name: 'element', path: '/hosts/element.html', lang: 'zh-Hans' },
  { name: 'iframe', path: '/hosts/iframe.html', lang: 'en' },
];

/** Polls `fn(arg)` in the page until it returns something truthy (or `ms` pass); returns it. */
async function until(page, fn, arg, ms = 5000) {
  const end = Date.now() + ms;
  for (;;) {
    const value = await page.eval(fn, arg);
    if (value || Date.now() > end) return value;
    await sleep(50);
  }
}

const totals = (page) =>
  page.eval(() => ({
    grand: window.__mfe.text('#total-grand'),
    granted: window.__mfe.text('#total-granted'),
    sought: window.__mfe.text('#total-sought'),
  }));

/**
 * Each chart: the width its drawing was laid out for (its viewBox), the width it is shown at,
 * and its container's width. It is shown at its container's width (to within 2 px), and laid
 * out for that width rounded down to 40 px (WIDTH_STEP in src/ui/hooks.rs): a drawing laid out
 * for another width is scaled, its text with it.
 */
const chartSizes = (page) =>
  page.eval(() =>
    ['streams', 'kinds', 'flow'].map((id) => {
      const figure = window.__mfe.find(`#figure-${id}`);
      const svg = figure?.querySelector('.chart-svg svg');
      return {
        id,
        laidOut: svg?.viewBox.baseVal.width ?? 0,
        shown: svg?.getBoundingClientRect().width ?? 0,
        container: figure?.closest('.charts').clientWidth ?? 0,
      };
    }),
  );
const chartFits = ({ laidOut, shown, container }) =>
  laidOut > 0 && Math.abs(shown - container) <= 2 && shown - laidOut > -2 && shown - laidOut < 40 + 2;

/** Opens `url`, waits for the explorer to start, returns the page. */
async function openPage(browser, url) {
  const page = await browser.newPage();
  await page.goto(url);
  const ready = await until(page, () => window.__mfe?.ready(), null, 15000);
  assert.ok(ready, `the explorer started at ${url}`);
  return page;
}

async function click(page, selector) {
  const point = await page.eval((s) => window.__mfe.centre(s), selector);
  assert.ok(point, `${selector} is on the page`);
  await page.clickAt(point.x, point.y);
}

async function noErrors(page) {
  const recorded = await page.eval(() => window.__mfe.errors());
  assert.deepEqual([...page.errors(), ...recorded], [], 'no console errors, page errors or CSP violations');
}

/** The suite for one engine: 'chromium', 'firefox' or 'webkit'. */
export function engineSuite(engine) {
  let server;
  let browser;
  before(async () => {
    server = await serve({
      mounts: {
        '/tools/funding/': DIST,
        '/hosts/': join(HERE, 'hosts'),
        '/engines/': join(HERE, 'engines'),
      },
      html: withRecorder,
    });
    browser = await launch(engine);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  describe(`the explorer in ${engine}`, () => {
    for (const { name, path, lang } of PAGES) {
      test(`${name}: sliders, totals, charts at their width, a key press, undo`, async () => {
        const page = await openPage(browser, `${server.url}${path}`);
        try {
          assert.equal(await page.eval(() => window.__mfe.findAll('input[type=range]').length), 8, 'eight sliders');
          assert.deepEqual(await totals(page), SEED[lang]);
          // A drawing laid out before the page's styles applied would stay too wide, scaled down.
          const fits = await waitForFit(page);
          assert.ok(fits.every(chartFits), `each chart drawn at its container's width: ${JSON.stringify(fits)}`);
          await page.screenshot(`engines-${engine}-${name}`);

          assert.ok(await page.eval((s) => window.__mfe.focus(s), '#stream-0-slider'), 'the slider takes the focus');
          await page.press('PageUp');
          const moved = await until(page, (want) => window.__mfe.text('#total-grand') === want, MOVED[lang].grand);
          const after = await totals(page);
          assert.ok(moved, `Page Up on the loans slider moved the grand total: ${JSON.stringify(after)}`);
          assert.deepEqual(after, { ...SEED[lang], ...MOVED[lang] });

          await click(page, '.history-buttons button:first-child');
          const undone = await until(page, (want) => window.__mfe.text('#total-grand') === want, SEED[lang].grand);
          assert.ok(undone, 'undo restored the grand total');
          assert.deepEqual(await totals(page), SEED[lang]);
          await noErrors(page);
        } finally {
          await page.close();
        }
      });
    }

    test('the CSV export; a saved scenario found after a reload', async () => {
      const url = `${server.url}/tools/funding/index.html?lang=zh-Hans`;
      const page = await openPage(browser, url);
      try {
        await page.eval(() => localStorage.clear());
        assert.ok(await page.eval((s) => window.__mfe.focus(s), '#stream-0-slider'));
        await page.press('PageUp');
        await until(page, (want) => window.__mfe.text('#total-grand') === want, MOVED['zh-Hans'].grand);
        const name = `${engine} 更多贷款`;
        await page.eval((value) => {
          const input = window.__mfe.find('#scenario-name');
          input.value = value;
          input.dispatchEvent(new Event('input', { bubbles: true }));
        }, name);
        await click(page, '#save-scenario');
        assert.ok(await until(page, (want) =>
          window.__mfe.findAll('.saved-item').some((item) => item.textContent.includes(want)), name));

        const trigger = () => click(page, '#download-csv');
        const file = page.download ? await page.download(trigger) : (await trigger(), null);
        const recorded = await until(page, () => window.__mfe.downloads().find((d) => d.text !== null), null);
        assert.ok(recorded, 'the page offered a file');
        for (const { name: fileName, text } of [recorded, ...(file ? [file] : [])]) {
          assert.match(fileName, /^沐川资金方案-.*\.csv$/);
          const lines = text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
          // One row per stream (its id first), the moved one with its source and planned amounts.
          const ids = ['guaranteed-loans', 'training-base', 'farmer-training'];
          for (const id of ids) assert.ok(lines.some((l) => l.startsWith(`${id},`)), `a row for ${id}`);
          const loans = lines.find((l) => l.startsWith('guaranteed-loans,'));
          assert.match(loans, /,2730000,2830000,/, loans);
        }

        await page.goto(url);
        assert.ok(await until(page, () => window.__mfe?.ready(), null, 15000), 'the explorer started again');
        const saved = await until(page, () => {
          const items = window.__mfe.findAll('.saved-item');
          return items.length > 0 && items.map((item) => item.textContent.replace(/\s+/g, ' ').trim());
        }, null) || [];
        assert.equal(saved.length, 1, `one saved scenario after the reload: ${JSON.stringify(saved)}`);
        assert.ok(saved[0].includes(name) && saved[0].includes('3,798万元'), saved[0]);
        await page.screenshot(`engines-${engine}-saved`);
        await noErrors(page);
      } finally {
        await page.eval(() => localStorage.clear());
        await page.close();
      }
    });
  });
}

/** The chart sizes once they agree with their containers, or after 3 s (the last seen). */
async function waitForFit(page) {
  const end = Date.now() + 3000;
  for (;;) {
    const sizes = await chartSizes(page);
    if (sizes.every(chartFits) || Date.now() > end) return sizes;
    await sleep(100);
  }
}
