// Embedding in pages the explorer does not control: the custom element (with hostile host CSS,
// twice on one page), the iframe, a strict Content-Security-Policy, a sub-path, other datasets.
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { DIST, ROOT, launch, open, screenshot } from './harness.mjs';
import { STRICT_CSP, serve } from './server.mjs';

const HERE = join(ROOT, 'tests/e2e');
const mounts = {
  '/tools/funding/': DIST,
  '/hosts/': join(HERE, 'hosts'),
  '/fixtures/': join(HERE, 'fixtures'),
};

let plain;
let strict;
let browser;
before(async () => {
  plain = await serve({ mounts });
  // Every response, host pages included, carries the strict policy.
  strict = await serve({ mounts, headers: { 'content-security-policy': STRICT_CSP } });
  browser = await launch();
});
// Each test closes its pages: a dozen explorers left running in one browser (each with its
// timers and observers) made a frame's size report late now and then.
afterEach(async () => {
  for (const page of browser.pages()) await page.close();
});
after(async () => {
  await browser?.close();
  await plain?.close();
  await strict?.close();
});

/**
 * Waits until the frame `id` has started its app and told the page its height. The frame's
 * first report is of the prerendered page it replaces, whose controls are inactive and whose
 * height is not the app's: a test that reads the frame earlier races the app's start.
 */
async function frameStarted(page, id = 'frame') {
  await page.waitForSelector(`#${id}[data-sized]`);
  await page.frameLocator(`#${id}`).locator('html[data-ready]').waitFor({ state: 'attached' });
}

/** Records CSP violations inside the page (they also reach the console as errors). */
async function watchCsp(page) {
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
}

async function openHost(server, path, { csp = false } = {}) {
  const page = await browser.newPage();
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => errors.push(`page: ${e.message}`));
  page.on('dialog', (d) => { errors.push(`dialog: ${d.message()}`); d.dismiss(); });
  if (csp) await watchCsp(page);
  await page.goto(`${server.url}${path}`);
  return { page, errors };
}

describe('the custom element', () => {
  test('renders in a shadow root, responds to a slider, ignores hostile host CSS', async () => {
    const { page, errors } = await openHost(plain, '/hosts/element.html');
    const host = page.locator('muchuan-funding-explorer#one');
    await page.waitForSelector('muchuan-funding-explorer#one[data-ready]');
    assert.equal(await host.locator('#total-grand').innerText(), '3,788万元');
    const style = await host.locator('#total-grand').evaluate((e) => {
      const s = getComputedStyle(e);
      return { color: s.color, size: s.fontSize, display: getComputedStyle(e.closest('.mfe-app').querySelector('input[type=range]')).display };
    });
    assert.notEqual(style.color, 'rgb(255, 0, 255)', 'host colour does not reach in');
    assert.equal(style.size, '28px', 'host font sizes do not reach in, not even by inheritance');
    assert.notEqual(style.display, 'none', 'host rules do not hide the sliders');
    // The explorer's CSS does not leak out either.
    const hostText = await page.locator('.host-text').evaluate((e) => getComputedStyle(e).fontFamily);
    assert.match(hostText, /serif/);
    const changes = page.evaluate(() => new Promise((done) => {
      document.querySelector('#one').addEventListener('scenariochange', (e) => done(e.detail), { once: true });
    }));
    await host.locator('#stream-0-slider').focus();
    await page.keyboard.press('PageUp');
    assert.equal(await host.locator('#total-grand').innerText(), '3,798万元');
    const detail = await changes;
    assert.equal(detail.grandTotal, 37980000);
    assert.equal(detail.shareLink, 'v1;guaranteed-loans=283w');
    await screenshot(page, 'embed-element-hostile-css');
    assert.deepEqual(errors, []);
  });

  test('two instances on one page work independently', async () => {
    const { page, errors } = await openHost(plain, '/hosts/two.html');
    await page.waitForSelector('#first[data-ready]');
    await page.waitForSelector('#second[data-ready]');
    const first = page.locator('#first');
    const second = page.locator('#second');
    assert.equal(await first.locator('#total-grand').innerText(), 'CNY 37.88 million');
    assert.equal(await second.locator('#total-grand').innerText(), '625万元', 'the made-up county');
    assert.equal(await second.locator('#mode-pool').isChecked(), true, 'mode attribute');
    await first.locator('#stream-0-amount').fill('3000000');
    await first.locator('#stream-0-amount').press('Enter');
    assert.equal(await first.locator('#total-grand').innerText(), 'CNY 38.15 million');
    assert.equal(await second.locator('#total-grand').innerText(), '625万元', 'the other is untouched');
    // The host page keeps its own landmarks: no explorer adds a banner or a contentinfo.
    assert.equal(await page.getByRole('banner').count(), 0);
    assert.equal(await page.getByRole('contentinfo').count(), 0);
    assert.equal(await first.locator('.page-header').count(), 1);
    assert.deepEqual(errors, []);
  });

  test('an element removed while its dataset loads stays empty and silent', async () => {
    const { page, errors } = await openHost(plain, '/hosts/element.html');
    await page.waitForSelector('#one[data-ready="zh-Hans"]');
    const after = await page.evaluate(async () => {
      const element = document.querySelector('#one');
      let ready = 0;
      element.addEventListener('explorerready', () => { ready += 1; });
      // A new dataset to fetch, then gone before it arrives.
      element.setAttribute('src', '/fixtures/other-county.json');
      await new Promise((done) => setTimeout(done, 0));
      element.remove();
      await new Promise((done) => setTimeout(done, 1500));
      return { ready, rendered: element.shadowRoot.querySelectorAll('.mfe-app').length };
    });
    assert.deepEqual(after, { ready: 0, rendered: 0 });
    assert.deepEqual(errors, []);
  });

  test('heading-level puts the explorer under the host page\'s h1, and a typo is reported', async () => {
    const { page, errors } = await openHost(plain, '/hosts/element.html');
    const warnings = [];
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    await page.waitForSelector('#one[data-ready]');
    const outline = () => page.locator('#one').evaluate((host) => {
      const root = host.shadowRoot;
      const tag = (id) => root.getElementById(id)?.tagName;
      return {
        tags: [tag('programme-title'), tag('totals-heading'), tag('by-kind-heading'), tag('stream-0-name')],
        titleSize: getComputedStyle(root.getElementById('programme-title')).fontSize,
        h1s: root.querySelectorAll('h1').length,
      };
    });
    // heading-level="2" in the page: the title is an h2 under the page's own "County news" h1.
    const lower = await outline();
    assert.deepEqual(lower.tags, ['H2', 'H3', 'H4', 'H4']);
    assert.equal(lower.h1s, 0);
    assert.equal(await page.getByRole('heading', { level: 1 }).count(), 1, 'the page keeps one h1');
    assert.equal(await page.getByRole('heading', { level: 2, name: /沐川/ }).count(), 1);
    assert.deepEqual(warnings, []);
    // A value it does not take (`+2` is not read as 2): the explorer's own levels, and a warning
    // that says what it takes.
    await page.evaluate(() => document.querySelector('#one').setAttribute('heading-level', '+2'));
    await page.waitForFunction(() =>
      document.querySelector('#one').shadowRoot.getElementById('programme-title')?.tagName === 'H1');
    const own = await outline();
    assert.deepEqual(own.tags, ['H1', 'H2', 'H3', 'H3']);
    assert.equal(own.titleSize, lower.titleSize, 'it looks the same at any level');
    assert.deepEqual(warnings, ['<muchuan-funding-explorer>: heading-level="+2" is ignored; it takes 1, 2, 3 or 4']);
    assert.deepEqual(errors, []);
  });

  test('changing the lang attribute re-renders in that language, the scenario and its undo steps kept', async () => {
    const { page, errors } = await openHost(plain, '/hosts/element.html');
    await page.waitForSelector('#one[data-ready="zh-Hans"]');
    const total = () => page.locator('#one #total-grand').innerText();
    await page.fill('#one #stream-0-amount', '300');
    await page.press('#one #stream-0-amount', 'Enter');
    await page.fill('#one #stream-1-amount', '210');
    await page.press('#one #stream-1-amount', 'Enter');
    await page.waitForFunction(() =>
      document.querySelector('#one').shadowRoot.getElementById('total-grand')?.textContent === '3,825万元');
    await page.evaluate(() => document.querySelector('#one').setAttribute('lang', 'en'));
    await page.waitForSelector('#one[data-ready="en"]');
    await page.waitForFunction(() =>
      document.querySelector('#one').shadowRoot.getElementById('total-grand')?.textContent.startsWith('CNY'));
    assert.equal(await total(), 'CNY 38.25 million', 'the planner\'s changes stay');
    // The undo history is the explorer's own, kept across the new language: both moves undo.
    const undo = page.locator('#one').getByRole('button', { name: 'Undo' });
    await undo.click();
    assert.equal(await total(), 'CNY 38.15 million');
    await undo.click();
    assert.equal(await total(), 'CNY 37.88 million');
    // Another mode starts again from the source figures, in that mode.
    await page.evaluate(() => document.querySelector('#one').setAttribute('mode', 'fixed-pool'));
    await page.waitForFunction(() =>
      document.querySelector('#one').shadowRoot.getElementById('mode-pool')?.checked === true);
    assert.equal(await page.locator('#one #total-grand').innerText(), 'CNY 37.88 million');
    assert.deepEqual(errors, []);
  });
});

describe('the iframe embed', () => {
  test('tells its parent its height, and has no page chrome', async () => {
    const { page, errors } = await openHost(plain, '/hosts/iframe.html');
    await frameStarted(page);
    const height = Number(await page.getAttribute('#frame', 'height'));
    assert.ok(height > 1000, `the frame grew to its content (${height} px)`);
    const frame = page.frameLocator('#frame');
    assert.equal(await frame.locator('#total-grand').innerText(), 'CNY 37.88 million');
    assert.equal(await frame.locator('.skip-link').count(), 0);
    assert.equal(await frame.locator('main').count(), 0);
    assert.equal(await frame.locator('header, footer').count(), 0);
    // The frame's document is in the language it shows, for its voice and its title.
    assert.equal(await frame.locator('html').getAttribute('lang'), 'en');
    assert.deepEqual(errors, []);
  });

  test('the frame follows its content down as well as up', async () => {
    const { page, errors } = await openHost(plain, '/hosts/iframe.html');
    await frameStarted(page);
    const inner = page.frames().find((f) => f.url().includes('embed'));
    // The frame's height against its content's, once the frame has followed (or 10 s: on a
    // loaded machine the frame's next rendering update, which reports the size, can be late).
    // Each look measures both, and the pair returned is the pair compared.
    const fit = async () => {
      const look = async () => ({
        frame: await page.evaluate(() => Number(document.querySelector('#frame').height)),
        content: await inner.evaluate(() => Math.ceil(document.querySelector('#mfe-root').getBoundingClientRect().height)),
      });
      let seen = await look();
      for (let i = 0; i < 100 && Math.abs(seen.frame - seen.content) > 40; i += 1) {
        await page.waitForTimeout(100);
        seen = await look();
      }
      return seen;
    };
    const tall = await fit();
    assert.ok(tall.frame >= tall.content && tall.frame <= tall.content + 40, `the frame fits the content: ${JSON.stringify(tall)}`);
    await inner.evaluate(() => { document.querySelector('.layout').style.display = 'none'; });
    const short = await fit();
    assert.ok(short.content < tall.content - 500, `the content shrank: ${JSON.stringify(short)}`);
    assert.ok(short.frame >= short.content && short.frame <= short.content + 40, `the frame shrank with it: ${JSON.stringify(short)}`);
    assert.deepEqual(errors, []);
  });
});

describe('the iframe embed takes the layout its width allows', () => {
  test('two columns in a 1,400 px frame, one in a 600 px frame, one with ?embed&compact', async () => {
    const { page, errors } = await openHost(plain, '/hosts/iframe-widths.html');
    await page.setViewportSize({ width: 1440, height: 900 });
    const columns = async (id) => {
      const frame = page.frameLocator(`#${id}`);
      await frame.locator('html[data-ready]').waitFor({ state: 'attached' });
      const streams = await frame.locator('.streams').boundingBox();
      const results = await frame.locator('.results').boundingBox();
      // Side by side: the results start beside the streams, level with them.
      return Math.abs(streams.y - results.y) < 5 && results.x > streams.x + streams.width ? 2 : 1;
    };
    assert.equal(await columns('wide'), 2, 'a wide frame has two columns');
    assert.equal(await columns('narrow'), 1, 'a narrow frame has one');
    assert.equal(await columns('compact'), 1, 'compact is the host\'s choice');
    const summary = (id) => page.frameLocator(`#${id}`).locator('.summary').isVisible();
    assert.equal(await summary('wide'), true);
    assert.equal(await summary('compact'), false);
    await frameStarted(page, 'wide');
    await screenshot(page, 'embed-iframe-widths');
    assert.deepEqual(errors, []);
  });
});

describe('under a strict Content-Security-Policy', () => {
  for (const [name, path, ready] of [
    ['the standalone page', '/tools/funding/index.html?lang=en', 'html[data-ready]'],
    ['the custom element', '/hosts/element.html', '#one[data-ready]'],
    ['the iframe', '/hosts/iframe.html', null],
  ]) {
    test(`${name} works with no violation`, async () => {
      const { page, errors } = await openHost(strict, path, { csp: true });
      await (ready ? page.waitForSelector(ready) : frameStarted(page));
      const scope = name === 'the iframe' ? page.frameLocator('#frame') : page;
      await scope.locator('#stream-0-slider').focus();
      await page.keyboard.press('PageUp');
      assert.match(await scope.locator('#total-grand').innerText(), /3,798万元|CNY 37.98 million/);
      const violations = await page.evaluate(() => window.__cspViolations);
      assert.deepEqual(violations, []);
      assert.deepEqual(errors, []);
    });
  }
});

describe('other datasets', () => {
  test('the app works copied under a sub-path, and ?data= loads a made-up county', async () => {
    const { page, errors } = await open(browser, `${plain.url}/tools/funding/?lang=en&data=../../fixtures/other-county.json`);
    assert.equal(await page.locator('.stream').count(), 3);
    assert.equal(await page.locator('#total-grand').innerText(), 'CNY 6.25 million');
    assert.equal(await page.locator('#total-granted').innerText(), 'CNY 1.25 million');
    assert.match(await page.locator('#data-origin').innerText(), /other-county\.json/);
    // The built-in data picked again (its own file) is named as such: no origin line left over.
    await page.setInputFiles('#dataset-file', join(ROOT, 'data/muchuan.json'));
    await page.waitForFunction(() => document.querySelectorAll('.stream').length === 9);
    assert.equal(await page.locator('#data-origin').count(), 0, 'no origin once the built-in data is back');
    assert.deepEqual(errors, []);
  });

  test('an invalid ?data= shows its located errors and keeps the Muchuan data', async () => {
    const { page, errors } = await open(browser, `${plain.url}/tools/funding/?lang=en&data=../../fixtures/invalid-values.json`);
    const notice = await page.locator('.notice').innerText();
    assert.match(notice, /streams\[0\]\.amount: an amount cannot be negative/);
    assert.match(notice, /streams\[1\]\.id: the id “a” is used twice/);
    assert.match(notice, /streams\[1\]\.kind: names the kind “grants”/);
    assert.match(notice, /streams\[1\]\.amount: amounts are whole yuan/);
    assert.match(notice, /: \d+ errors found\./);
    assert.equal(await page.locator('#total-grand').innerText(), 'CNY 37.88 million');
    assert.deepEqual(errors, []);
  });

  test('picking files: a valid county loads; invalid ones list their problems and change nothing', async () => {
    const { page, errors } = await open(browser, `${plain.url}/tools/funding/?lang=en`);
    const fixture = (name) => join(HERE, 'fixtures', name);
    await page.locator('#share-url').waitFor();
    assert.equal(await page.locator('#share-file-note').count(), 0, 'the built-in data needs no warning');
    await page.setInputFiles('#dataset-file', fixture('truncated.json'));
    await page.waitForSelector('.notice');
    // The alert at the top says how many; the problems are listed beside the button, where
    // the planner is, and focused.
    assert.match(await page.getByRole('alert').filter({ hasText: 'truncated.json' }).innerText(), /1 error\(s\), listed below, in the “Data” section/);
    const list = page.locator('#data-problems');
    await page.waitForFunction(() => document.activeElement?.id === 'data-problems');
    assert.match(await list.innerText(), /Line 2, column \d+: the file ends too early/);
    assert.match(await list.innerText(), /“truncated\.json” was not loaded: 1 error\(s\), 0 warning\(s\)/);
    assert.equal(await list.evaluate((region) => region.closest('[role="alert"]')), null);
    assert.equal(await page.locator('#total-grand').innerText(), 'CNY 37.88 million');
    // The next file's notice replaces it, as a node of its own: the one shown is not rewritten
    // (and read out again), and notices do not pile up.
    await page.evaluate(() => {
      window.__first = document.querySelector('.notice');
      window.__rewritten = 0;
      new MutationObserver((changes) => { window.__rewritten += changes.length; })
        .observe(window.__first, { subtree: true, childList: true, characterData: true });
    });
    await page.setInputFiles('#dataset-file', fixture('bad.csv'));
    await page.waitForFunction(() => /bad\.csv/.test(document.querySelector('.notice')?.textContent));
    assert.equal(await page.locator('.notice').count(), 1);
    assert.equal(await page.evaluate(() => document.querySelector('.notice') === window.__first), false);
    assert.equal(await page.evaluate(() => window.__rewritten), 0);
    assert.match(await list.innerText(), /bad\.csv/);
    assert.equal(await page.locator('#total-grand').innerText(), 'CNY 37.88 million');
    await page.setInputFiles('#dataset-file', fixture('other-county.json'));
    await page.waitForFunction(() => document.querySelectorAll('.stream').length === 3);
    assert.equal(await page.locator('#total-grand').innerText(), 'CNY 6.25 million');
    assert.match(await page.locator('#programme-title').innerText(), /Example County/);
    assert.equal(await page.locator('#data-status').innerText(), 'Loaded “other-county.json”: 3 funding streams, shown above.');
    // The notices that said the data on screen stays are stale now, and gone.
    assert.equal(await page.locator('.notice').count(), 0);
    // The share link cannot carry a picked file, and says so beside the link.
    assert.match(await page.locator('#share-file-note').innerText(), /not the data file “other-county\.json”: it opens on the explorer's own data/);
    assert.equal(await page.getAttribute('#share-url', 'aria-describedby'), 'share-file-note share-note');
    // Too large is said from the file's size, before it is read.
    await page.setInputFiles('#dataset-file', { name: 'huge.json', mimeType: 'application/json', buffer: Buffer.alloc(4 * 1024 * 1024 + 1, 32) });
    await page.waitForFunction(() => document.querySelectorAll('.notice').length === 1);
    assert.match(await page.locator('.notice').innerText(), /huge\.json/);
    assert.match(await page.locator('#data-problems').innerText(), /“huge\.json” was not loaded[\s\S]*too large \(4,097 KB\); the limit is 4,096 KB/);
    assert.equal(await page.locator('#total-grand').innerText(), 'CNY 6.25 million');
    assert.deepEqual(errors, []);
  });
});
