// Languages: switching without reload, and no interface string of one language in the other's
// view (dataset names given in one language only are the documented exception).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT, axeViolations, browser, open, screenshot, serveAndLaunch, server, textOf } from './harness.mjs';
import { generatedDataset } from './generated.mjs';

serveAndLaunch({ mounts: { '/fixtures': join(ROOT, 'tests/e2e/fixtures') } });

/**
 * The visible text of the app that is marked as being in the page's language: text inside an
 * element with another `lang` (the language switch's endonyms, source quotes) is left out.
 */
async function textInPageLanguage(page) {
  return page.evaluate(() => {
    const app = document.querySelector('.mfe-app');
    const own = app.getAttribute('lang');
    const parts = [];
    const walker = document.createTreeWalker(app, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement;
      if (element.closest('[lang]').getAttribute('lang') !== own) continue;
      if (element.closest('[hidden], details:not([open]) > :not(summary), svg, option')) continue;
      parts.push(node.textContent);
    }
    // Accessible names count too: they are what a screen reader says.
    for (const element of app.querySelectorAll('[aria-label], [aria-valuetext]')) {
      parts.push(element.getAttribute('aria-label') ?? '', element.getAttribute('aria-valuetext') ?? '');
    }
    return parts.join(' ');
  });
}

/** Marks the live regions at `selectors`, to tell later whether they are the same nodes. */
async function markLiveRegions(page, selectors) {
  await page.evaluate((all) => {
    for (const selector of all) document.querySelector(selector).dataset.before = selector;
  }, selectors);
}

/** The ids (or classes) of the marked live regions still in the page. */
async function markedLiveRegions(page) {
  return page.evaluate(() => [...document.querySelectorAll('[data-before]')].map((e) => e.id || e.className));
}

const CJK = /[\u3400-\u9fff]/;
// Latin words allowed in a Chinese view: the currency code, file formats, the programme's name,
// the spreadsheets a table is pasted from.
const LATIN_ALLOWED = new Set(['CNY', 'JSON', 'CSV', 'SVG', 'PNG', 'PDF', 'Schema', 'SYE', 'UTF', 'Excel', 'WPS']);

describe('languages', () => {
  test('the English view has no Chinese interface text', async () => {
    const { page, errors } = await open(browser, `${server.url}/?lang=en`);
    const text = await textInPageLanguage(page);
    const chinese = text.match(new RegExp(`.{0,20}${CJK.source}.{0,20}`, 'g'));
    assert.equal(chinese, null, `Chinese in the English view: ${chinese?.join(' | ')}`);
    assert.deepEqual(errors, []);
  });

  for (const lang of ['zh-Hans', 'zh-Hant']) {
    test(`the ${lang} view has no English interface words`, async () => {
      const { page, errors } = await open(browser, `${server.url}/?lang=${lang}`);
      const text = await textInPageLanguage(page);
      const words = (text.match(/[A-Za-z]{3,}/g) ?? []).filter((w) => !LATIN_ALLOWED.has(w));
      assert.deepEqual([...new Set(words)], [], `English in the ${lang} view`);
      if (lang === 'zh-Hant') {
        const simplified = text.match(/.{0,12}万.{0,4}/g);
        assert.equal(simplified, null, `万 in the Traditional view: ${simplified?.join(' | ')}`);
      }
      // The browser draws a file field's button and "No file chosen" in its own language: the
      // page shows its own labels as the buttons instead.
      for (const id of ['dataset-file', 'import-file']) {
        const field = await page.locator(`#${id}`).boundingBox();
        assert.ok(field.width <= 1 && field.height <= 1, `#${id} is not drawn`);
        assert.ok(await page.locator(`label[for="${id}"]`).isVisible(), `#${id} has a visible label`);
      }
      assert.deepEqual(errors, []);
    });
  }

  test('switching language in the page changes every part without a reload', async () => {
    const { page, errors } = await open(browser, `${server.url}/?lang=zh-Hans`);
    await page.evaluate(() => { window.__samePage = true; });
    await page.focus('#stream-0-slider');
    await page.keyboard.press('PageUp');
    await page.click('#language-en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.equal(await page.evaluate(() => window.__samePage), true, 'no reload');
    assert.equal(await page.title(), 'Muchuan Funding Explorer', 'the tab names the explorer in English');
    assert.equal(await textOf(page, '#total-grand'), 'CNY 37.98 million', 'the scenario is kept');
    assert.match(await textOf(page, '#figure-streams-heading'), /[A-Za-z]/);
    assert.doesNotMatch(await page.locator('#figure-streams svg').innerHTML(), /方案|基准/);
    // The address and the share link name the language on screen, the scenario kept: a reload
    // or the shared link opens in English.
    await page.waitForFunction(() => location.hash.startsWith('#v1;'));
    assert.match(page.url(), /\?lang=en#v1;guaranteed-loans=283w$/);
    assert.match(await page.inputValue('#share-url'), /\?lang=en#v1;guaranteed-loans=283w$/);
    await page.reload();
    await page.waitForSelector('html[data-ready]');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await textOf(page, '#total-grand'), 'CNY 37.98 million');
    await page.click('#language-zh-Hant');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-Hant');
    assert.match(await textOf(page, '#streams-heading'), /各項資金/);
    assert.equal(await textOf(page, '#total-grand'), '3,798萬元', 'amounts in Traditional characters');
    assert.match(page.url(), /\?lang=zh-Hant#v1;/);
    await screenshot(page, 'desktop-zh-Hant');
    assert.deepEqual(errors, []);
  });

  test('by keyboard: arrows pass the languages by, Enter switches once, the focus stays', async () => {
    const { page, errors } = await open(browser, 'about:blank', { ready: false });
    const fetched = [];
    page.on('request', (request) => {
      if (/messages-/.test(request.url())) fetched.push(new URL(request.url()).pathname.split('/').pop());
    });
    // English held back a moment, so that the loading line beside the switch can be read.
    let release;
    const held = new Promise((done) => { release = done; });
    await page.route('**/messages-en-*.json', async (route) => { await held; await route.continue(); });
    await page.goto(`${server.url}/?lang=zh-Hans`);
    await page.waitForSelector('html[data-ready]');
    const group = page.getByRole('group', { name: '语言' });
    const buttons = await group.getByRole('button').evaluateAll((bs) =>
      bs.map((b) => [b.textContent, b.lang, b.getAttribute('aria-pressed')]));
    assert.deepEqual(buttons, [
      ['简体中文', 'zh-Hans', 'true'], ['English', 'en', 'false'], ['繁體中文', 'zh-Hant', 'false'],
    ]);
    // To English and past it and back: nothing switches until a button is pressed.
    await page.focus('#language-zh-Hans');
    for (const key of ['ArrowRight', 'Tab', 'ArrowDown', 'Tab', 'ArrowUp', 'Shift+Tab']) await page.keyboard.press(key);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'language-en');
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-Hans', 'nothing switched on the way');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('.language-loading').textContent.length > 0);
    assert.equal(await textOf(page, '.language-loading'), '正在载入English……');
    // Pressed is the language on screen; the one on its way is said beside the buttons.
    assert.equal(await page.getAttribute('#language-zh-Hans', 'aria-pressed'), 'true', 'the page is still Chinese');
    assert.equal(await page.getAttribute('#language-en', 'aria-pressed'), 'false');
    release();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.equal(await page.getAttribute('#language-en', 'aria-pressed'), 'true');
    assert.equal(await textOf(page, '.language-loading'), '');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'language-en', 'the focus stays');
    assert.deepEqual(fetched.map((f) => f.replace(/-[0-9a-f]{16}\.json$/, '')), ['messages-en']);
    for (const lang of ['zh-Hans', 'en']) {
      await page.click(`#language-${lang}`);
      await page.waitForFunction((l) => document.documentElement.lang === l, lang);
      for (const width of [375, 1366]) {
        await page.setViewportSize({ width, height: 700 });
        await page.locator('.controls').screenshot({ path: `tests/e2e/output/language-switch-${lang}-${width}.png` });
      }
    }
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(errors, []);
  });

  test('notices and a dataset problem list follow a change of language', async () => {
    const url = `${server.url}/?lang=zh-Hans&data=fixtures/invalid-values.json#v1;no-such-stream=1`;
    const { page, errors } = await open(browser, url);
    await page.locator('.notice .problems li').first().waitFor();
    assert.equal(await page.locator('.notice').count(), 2, 'a dataset notice and a link notice');
    // A problem's place (a JSON path such as `title` or `streams[1].kind`) is the file's own.
    const notices = () => page.evaluate(() => [...document.querySelectorAll('.notices p, .notices li')]
      .map((e) => (e.tagName === 'LI' ? e.innerText.replace(/^[^:：]*[:：]/, '') : e.innerText))
      .join('\n'));
    assert.match(await notices(), /no-such-stream/);
    for (const lang of ['en', 'zh-Hant', 'zh-Hans']) {
      await page.click(`#language-${lang}`);
      await page.waitForFunction((l) => document.documentElement.lang === l, lang);
      // Ids, paths and file names are the file's own: only the sentences around them count.
      const said = (await notices()).replace(/[“"「][^”"」]*[”"」]|\S*[-./_\[\]]\S*/g, ' ');
      if (lang === 'en') {
        const chinese = said.match(/.{0,15}[\u3400-\u9fff].{0,15}/g);
        assert.equal(chinese, null, `Chinese in the English notices: ${chinese?.join(' | ')}`);
      } else {
        const english = (said.match(/[A-Za-z]{3,}/g) ?? []).filter((w) => !LATIN_ALLOWED.has(w));
        assert.deepEqual(english, [], `English in the ${lang} notices`);
      }
    }
    assert.deepEqual(errors, []);
  });

  test('a change of language is not read out as news: old alerts go quiet, statuses are new nodes', async () => {
    const { page, errors } = await open(browser, `${server.url}/?lang=zh-Hans`);
    await page.evaluate(() => localStorage.clear());
    await page.setInputFiles('#dataset-file', join(ROOT, 'tests/e2e/fixtures/truncated.json'));
    await page.locator('.notice p[role="alert"]').waitFor();
    await page.fill('#scenario-name', '会议方案');
    await page.click('#save-scenario');
    const status = page.locator('.scenarios .panel-status');
    await status.filter({ hasText: '会议方案' }).waitFor();
    // The other live regions, each saying something where it can: a covered bid, a cover's
    // tally, the share link's notes, the comparison's download line.
    await page.selectOption('#stream-5-outcome', 'refused');
    await page.locator('li:has(#stream-5-name) .cover summary').click();
    await page.check('#stream-5-cover-0');
    await page.click('#stream-5-cover-button');
    await page.locator('#stream-5-covered').filter({ hasText: /./ }).waitFor();
    await page.selectOption('#stream-3-outcome', 'refused');
    await page.locator('li:has(#stream-3-name) .cover summary').click();
    await page.check('#stream-3-cover-0');
    await page.locator('#stream-3-cover-tally').filter({ hasText: '243万元' }).waitFor();
    await page.click('#copy-share');
    await page.locator('#share-note').filter({ hasText: /./ }).waitFor();
    await Promise.all([page.waitForEvent('download'), page.click('#download-compare-svg')]);
    await page.locator('.compare-figure [role="status"]').filter({ hasText: /已下载/ }).waitFor();
    const regions = [
      '.scenarios .panel-status', '#stream-5-covered', '#stream-3-cover-tally', '#share-note',
      '#share-texts-left-out', '.compare-figure [role="status"]',
    ];
    await markLiveRegions(page, regions);
    await page.click('#language-en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    // The notice, rewritten in English, is no longer an alert; each status is another node.
    assert.equal(await page.locator('.notice p[role="alert"]').count(), 0);
    assert.match(await textOf(page, '.notice p'), /truncated\.json.*not loaded|not loaded.*truncated\.json/);
    assert.deepEqual(await markedLiveRegions(page), [], 'new live region nodes');
    for (const selector of regions) assert.equal(await page.locator(selector).count(), 1, selector);
    assert.match(await status.innerText(), /会议方案/);
    assert.equal(await status.getAttribute('role'), 'status');
    assert.equal(await textOf(page, '#stream-5-covered'), 'CNY 300,000 moved from the items picked to make up the gap');
    assert.equal(await page.getAttribute('#stream-5-covered', 'role'), 'status');
    assert.match(await textOf(page, '#stream-3-cover-tally'), /hold only CNY 2\.43 million/);
    assert.equal(await page.getAttribute('#stream-3-cover-tally', 'aria-live'), 'polite');
    assert.match(await page.getAttribute('#stream-3-cover-button', 'aria-describedby'), /stream-3-cover-tally/);
    assert.match(await page.getAttribute('#share-url', 'aria-describedby'), /share-note/);
    assert.match(await textOf(page, '.compare-figure [role="status"]'), /^Downloaded/);
    // A change of what a region says is still said by the same node.
    await markLiveRegions(page, ['#stream-3-cover-tally']);
    await page.check('#stream-3-cover-6');
    await page.locator('#stream-3-cover-tally').filter({ hasText: '8.43' }).waitFor();
    assert.deepEqual(await markedLiveRegions(page), ['stream-3-cover-tally'], 'the same node');
    // What happens next is news again.
    await page.setInputFiles('#dataset-file', join(ROOT, 'tests/e2e/fixtures/invalid-values.json'));
    await page.locator('.notice p[role="alert"]').waitFor();
    assert.equal(await page.locator('.notice p[role="alert"]').count(), 1, 'only the new notice');
    assert.deepEqual(errors, []);
  });

  test('a change of language gives the pagers new range lines; a change of page is said in the same one', async () => {
    const { page, errors } = await open(browser, 'about:blank', { ready: false });
    const long = JSON.stringify(generatedDataset(120));
    await page.route('**/long.json', (route) => route.fulfill({ body: long, contentType: 'application/json' }));
    await page.goto(`${server.url}/?lang=zh-Hans&data=long.json`);
    await page.waitForSelector('html[data-ready]');
    await page.click('#streams-pager-next');
    const ranges = ['#streams-pager-range', '#compare-pager-range'];
    await page.locator(ranges[0]).filter({ hasText: '51–100' }).waitFor();
    await markLiveRegions(page, ranges);
    await page.click('#language-en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.deepEqual(await markedLiveRegions(page), [], 'new range lines');
    assert.equal(await textOf(page, ranges[0]), 'Showing 51–100 of 120');
    assert.equal(await textOf(page, ranges[1]), 'Showing 1–50 of 120');
    for (const range of ranges) assert.equal(await page.getAttribute(range, 'role'), 'status');
    await markLiveRegions(page, ranges);
    await page.click('#streams-pager-next');
    await page.locator(ranges[0]).filter({ hasText: '101–120' }).waitFor();
    assert.deepEqual(await markedLiveRegions(page), ['streams-pager-range', 'compare-pager-range'], 'the same nodes');
    assert.deepEqual(errors, []);
  });

  test('opened without a language, the address gets one only when the planner picks one', async () => {
    const { page, errors } = await open(browser, `${server.url}/`);
    assert.equal(await page.getAttribute('html', 'lang'), 'en', "the browser's language");
    assert.equal(new URL(page.url()).searchParams.get('lang'), null);
    await page.click('#language-zh-Hans');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-Hans');
    assert.equal(new URL(page.url()).searchParams.get('lang'), 'zh-Hans');
    assert.deepEqual(errors, []);
  });

  test('at 200% zoom (640 css px at scale 2) nothing needs sideways scrolling', async () => {
    const context = await browser.browser()?.newContext?.({ deviceScaleFactor: 2, viewport: { width: 640, height: 800 } });
    const page = context ? await context.newPage() : (await open(browser, 'about:blank', { ready: false })).page;
    if (!context) await page.setViewportSize({ width: 640, height: 800 });
    await page.goto(`${server.url}/?lang=en`);
    await page.waitForSelector('html[data-ready]');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 640, `page is ${width} px wide`);
    await context?.close();
  });

  test('only the language on screen is downloaded; another is fetched once, when picked', async () => {
    const { page, errors } = await open(browser, 'about:blank', { ready: false });
    const fetched = [];
    page.on('request', (request) => {
      const name = new URL(request.url()).pathname.split('/').pop();
      if (name.startsWith('messages-')) fetched.push(name.replace(/-[0-9a-f]{16}\.json$/, ''));
    });
    await page.goto(`${server.url}/?lang=zh-Hans`);
    await page.waitForSelector('html[data-ready="zh-Hans"]');
    assert.deepEqual(fetched, [], 'the Chinese page fetches no other language');
    await page.click('#language-en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.match(await textOf(page, '#controls-heading'), /[A-Za-z]/);
    await page.click('#language-zh-Hant');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-Hant');
    await page.click('#language-en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.deepEqual(fetched, ['messages-en', 'messages-zh-Hant'], 'each fetched once');
    assert.deepEqual(errors, []);
  });

  test('the WebAssembly holds the Chinese messages only', async () => {
    const wasm = (await import('node:fs')).readFileSync(join(ROOT, 'dist/muchuan-funding-explorer_bg.wasm'));
    const has = (text) => wasm.includes(Buffer.from(text));
    assert.ok(has('拖动滑块'), 'a Simplified Chinese message is built in');
    assert.ok(!has('Undo and reset'), 'no English message');
    assert.ok(!has('拖動滑桿'), 'no Traditional Chinese message');
  });

  test('a language that cannot be fetched leaves the page as it is and says so', async () => {
    const { page, errors } = await open(browser, `${server.url}/?lang=zh-Hans`);
    await page.route('**/messages-en-*.json', (route) => route.abort());
    await page.click('#language-en');
    await page.locator('.notice').filter({ hasText: 'English' }).waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-Hans');
    assert.match(await textOf(page, '#streams-heading'), /各项资金/);
    assert.equal(await page.getAttribute('#language-zh-Hans', 'aria-pressed'), 'true', 'the switch shows the page');
    assert.equal(await page.getAttribute('#language-en', 'aria-pressed'), 'false');
    assert.match(await textOf(page, '.language-failed'), /未能载入English/, 'shown beside the switch too');
    assert.equal(await page.locator('.language-failed').getAttribute('role'), null, 'the alert at the top says it, once');
    // Once the connection is back, picking it again works.
    await page.unroute('**/messages-en-*.json');
    await page.click('#language-en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.match(await textOf(page, '#streams-heading'), /[A-Za-z]/);
    // The failed fetch is the browser's console error; nothing else is.
    assert.deepEqual(errors.filter((e) => !/messages-en|Failed to load resource/.test(e)), []);
  });
});
