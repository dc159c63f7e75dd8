// What-if scenarios end to end: undo and redo, a rejected amount, a drag, the share link, the
// panel's accessibility, its layout on wide and narrow screens, and the printed report. Saved
// scenarios, exports and imports, and broken or full storage are in saved-scenarios.test.mjs.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  axeViolations, browser, edgeShades, open, screenshot, server, settle, textOf, untilValue,
} from './harness.mjs';
import {
  BASELINE, KEY, MORE_LOANS, TRAINING_REFUSED, focusOn, fresh, save, serveScenarios, setAmount, totals,
} from './scenario-helpers.mjs';

serveScenarios();

describe('what-if scenarios', () => {
  test('changes are undone and redone, by button and keyboard, with the totals at each step', async () => {
    const { page, errors } = await fresh();
    assert.deepEqual(await totals(page), BASELINE);
    assert.equal(await textOf(page, '#current-scenario-name'), '基准（来源数据）');
    await setAmount(page, 0, '300');
    assert.deepEqual(await totals(page), MORE_LOANS);
    await page.selectOption('#stream-3-outcome', 'refused');
    assert.deepEqual(await totals(page), TRAINING_REFUSED);
    assert.equal(await textOf(page, '#current-scenario-name'), '未保存的方案');

    const undo = page.getByRole('button', { name: '撤销' });
    const redo = page.getByRole('button', { name: '重做' });
    await undo.click();
    assert.deepEqual(await totals(page), MORE_LOANS, 'undo the outcome');
    await undo.click();
    assert.deepEqual(await totals(page), BASELINE, 'undo the amount');
    assert.equal(await undo.isDisabled(), true);
    await redo.click();
    assert.deepEqual(await totals(page), MORE_LOANS, 'redo the amount');
    await page.locator('#controls-heading').evaluate((h) => h.closest('section').querySelector('button').focus());
    await page.keyboard.press('Control+Shift+Z');
    assert.deepEqual(await totals(page), TRAINING_REFUSED, 'redo by keyboard');
    await page.keyboard.press('Control+z');
    assert.deepEqual(await totals(page), MORE_LOANS, 'undo by keyboard');
    await page.keyboard.press('Control+y');
    assert.deepEqual(await totals(page), TRAINING_REFUSED, 'Ctrl+Y redoes too');
    assert.match(await page.inputValue('#share-url'), /#v1;guaranteed-loans=300w;training-base=r$/);
    assert.deepEqual(errors, []);
  });

  test('Ctrl+Z with nothing focused undoes the last change, and every field follows', async () => {
    const { page, errors } = await fresh();
    // Typed, then Tab: the field commits on leaving it.
    await page.fill('#stream-0-amount', '300');
    await page.press('#stream-0-amount', 'Tab');
    assert.deepEqual(await totals(page), MORE_LOANS);
    // A click on plain text leaves nothing focused; the browser's own undo would put the typed
    // text back in the field behind the app's back.
    await page.click('#programme-title');
    await page.keyboard.press('Control+z');
    assert.deepEqual(await totals(page), BASELINE, 'the app undid the change');
    assert.equal(await page.inputValue('#stream-0-amount'), '273');
    assert.equal(await textOf(page, '#stream-0-amount ~ .amount-text'), '273万元');
    assert.equal(await page.getByRole('button', { name: '撤销' }).isDisabled(), true);
    await page.keyboard.press('Control+Shift+Z');
    assert.deepEqual(await totals(page), MORE_LOANS, 'and redid it');
    assert.equal(await page.inputValue('#stream-0-amount'), '300');
    assert.deepEqual(errors, []);
  });

  test('a rejected amount stays in its field to be corrected, with the reason', async () => {
    const { page, errors } = await fresh();
    await setAmount(page, 0, '3o0');
    assert.equal(await page.inputValue('#stream-0-amount'), '3o0', 'what was typed is kept');
    assert.equal(await page.getAttribute('#stream-0-amount', 'aria-invalid'), 'true');
    assert.match(await textOf(page, '#stream-0-error'), /万元/);
    assert.deepEqual(await totals(page), BASELINE, 'and changes nothing');
    // A number, but above the largest amount: the reason says so, with the limit.
    await setAmount(page, 0, '100000000001');
    assert.equal(await page.inputValue('#stream-0-amount'), '100000000001');
    assert.equal(await textOf(page, '#stream-0-error'), '金额过大：最多 100,000,000,000万元');
    // A decimal comma (or a slip) is not read as thousands: "1,2" is not 12万元.
    await setAmount(page, 0, '1，2');
    assert.equal(await page.inputValue('#stream-0-amount'), '1，2');
    assert.equal(await textOf(page, '#stream-0-error'), '逗号只能用来分隔千位，例如 1,000；小数请用小数点，例如 1.2');
    assert.deepEqual(await totals(page), BASELINE);
    await setAmount(page, 0, '300');
    assert.equal(await page.getAttribute('#stream-0-amount', 'aria-invalid'), 'false');
    assert.equal(await textOf(page, '#stream-0-error'), '');
    assert.deepEqual(await totals(page), MORE_LOANS);
    // A slider move replaces a rejected text with the amount it sets, and clears the reason.
    await setAmount(page, 0, 'abc');
    await page.focus('#stream-0-slider');
    await page.keyboard.press('PageUp');
    await untilValue(page, '#stream-0-amount', '310');
    assert.equal(await page.getAttribute('#stream-0-amount', 'aria-invalid'), 'false');
    // Undoing another stream's change replaces the scenario: the rejected text goes too.
    await setAmount(page, 1, '250');
    await setAmount(page, 0, 'abc');
    assert.equal(await page.inputValue('#stream-0-amount'), 'abc');
    await page.getByRole('button', { name: '撤销' }).click();
    await untilValue(page, '#stream-0-amount', '310');
    assert.equal(await page.inputValue('#stream-1-amount'), '200');
    assert.equal(await textOf(page, '#stream-0-error'), '');
    // Escape puts the amount back, whether the text was rejected or only being typed.
    await setAmount(page, 0, 'abc');
    await page.press('#stream-0-amount', 'Escape');
    await untilValue(page, '#stream-0-amount', '310');
    assert.equal(await page.inputValue('#stream-0-amount'), '310');
    assert.equal(await page.getAttribute('#stream-0-amount', 'aria-invalid'), 'false');
    assert.equal(await textOf(page, '#stream-0-error'), '');
    await page.fill('#stream-0-amount', '999');
    await page.press('#stream-0-amount', 'Escape');
    assert.equal(await page.inputValue('#stream-0-amount'), '310');
    await page.press('#stream-0-amount', 'Tab');
    assert.equal(await page.inputValue('#stream-0-amount'), '310', 'nothing to commit on leaving');
    assert.deepEqual(errors, []);
  });

  test('a drag moves the totals on every frame, and the comparison once the hand stops', async () => {
    const { page, errors } = await fresh();
    // Twenty positions of the loans slider, one a frame, as a hand drags it: 274万元 … 293万元.
    // After each, once the app has rendered, note what the totals and the comparison show.
    const shown = await page.evaluate(async () => {
      const slider = document.querySelector('#stream-0-slider');
      const [start, step] = [Number(slider.value), Number(slider.step)];
      const totals = new Set();
      const compared = new Set();
      for (let i = 1; i <= 20; i += 1) {
        await new Promise((resolve) =>
          requestAnimationFrame(() => {
            slider.value = String(start + i * step);
            slider.dispatchEvent(new Event('input', { bubbles: true }));
            resolve();
          }),
        );
        totals.add(document.querySelector('#total-grand').textContent);
        compared.add(document.querySelector('#compare-grand .diff').textContent);
      }
      return { totals: totals.size, compared: compared.size };
    });
    // The comparison holds still while the frames come less than 100 ms apart; a busy machine
    // may let it catch up once or twice on the way.
    assert.ok(shown.totals >= 15, `the totals follow the hand: ${shown.totals} values in 20 frames`);
    assert.ok(shown.compared <= 5, `the comparison waits: ${shown.compared} values in 20 frames`);
    await page.locator('#total-grand').filter({ hasText: '3,808万元' }).waitFor({ timeout: 3000 });
    await page.waitForFunction(
      () => document.querySelector('#compare-grand .diff')?.textContent.trim() === '+20万元',
      null,
      { timeout: 3000 },
    );
    assert.equal(await textOf(page, '#compare-stream-guaranteed-loans .b'), '293万元');
    assert.deepEqual(errors, []);
  });

  test('the copied share link opens the same totals in a fresh page', async () => {
    const { page, errors } = await fresh();
    await setAmount(page, 0, '300');
    await page.selectOption('#stream-3-outcome', 'partial');
    await page.fill('#stream-3-percent', '60');
    await page.press('#stream-3-percent', 'Tab');
    const expected = await totals(page);
    assert.notDeepEqual(expected, BASELINE);
    await page.click('#copy-share');
    await page.locator('#share-note').filter({ hasText: /./ }).waitFor();
    const field = await page.inputValue('#share-url');
    let link = field;
    if ((await textOf(page, '#share-note')).includes('已复制')) {
      link = await page.evaluate(() => navigator.clipboard.readText());
      assert.equal(link, field, 'the clipboard holds the link shown');
    } else {
      // No clipboard: the field is selected for the planner to copy.
      await focusOn(page, 'share-url');
    }
    assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/\?lang=zh-Hans#v1;/);
    const other = await browser.newPage();
    await other.goto(link);
    await other.waitForSelector('html[data-ready]');
    assert.deepEqual(await totals(other), expected);
    assert.equal(await other.inputValue('#stream-3-percent'), '60');
    await other.close();
    assert.deepEqual(errors, []);
  });

  test('a share granted that is no percentage is kept, flagged and changes nothing', async () => {
    const { page, errors } = await fresh();
    await page.selectOption('#stream-3-outcome', 'partial');
    await settle(page);
    const atHalf = await totals(page);
    for (const typed of ['150', 'abc', '50.5']) {
      await page.fill('#stream-3-percent', typed);
      await page.press('#stream-3-percent', 'Tab');
      assert.equal(await textOf(page, '#stream-3-percent-error'), '请输入 0 至 100 之间的整数百分比，例如 40', typed);
      assert.equal(await page.inputValue('#stream-3-percent'), typed, 'what was typed stays to correct');
      assert.equal(await page.getAttribute('#stream-3-percent', 'aria-invalid'), 'true');
      assert.deepEqual(await totals(page), atHalf, `${typed} changes nothing`);
    }
    /** The field shows `percent`, with no error. */
    const showsPercent = async (percent) => {
      await untilValue(page, '#stream-3-percent', percent);
      assert.equal(await page.inputValue('#stream-3-percent'), percent);
      assert.equal(await page.getAttribute('#stream-3-percent', 'aria-invalid'), 'false');
      assert.equal(await page.locator('#stream-3-percent-error').innerText(), '');
    };
    // Another outcome drops the text: picked again, "in part" shows its own percentage.
    await page.selectOption('#stream-3-outcome', 'granted');
    await page.selectOption('#stream-3-outcome', 'partial');
    await showsPercent('50');
    // Full-width digits, as a Chinese input method types them, are a percentage.
    await page.fill('#stream-3-percent', '６０％');
    await page.press('#stream-3-percent', 'Tab');
    await showsPercent('60');
    assert.notDeepEqual(await totals(page), atHalf);
    assert.deepEqual(errors, []);
  });

  test('a link pasted into the open page opens, as a change Undo takes back', async () => {
    // Pasted with the sentence's full stop, which the browser percent-encodes.
    const { page, errors } = await open(browser, `${server.url}/?lang=en#v1;guaranteed-loans=300w。`);
    assert.equal(await page.inputValue('#stream-0-amount'), '3,000,000');
    assert.equal(await page.locator('.notice').count(), 0);
    // In the same tab, another link: only the fragment changes, nothing reloads.
    await page.evaluate(() => { window.__samePage = true; location.hash = '#v1;training-base=r'; });
    await page.waitForFunction(() => document.querySelector('#total-grand').textContent === 'CNY 17.88 million');
    assert.equal(await page.inputValue('#stream-0-amount'), '2,730,000', 'the link, not the link before plus it');
    assert.equal(await page.evaluate(() => window.__samePage), true);
    await page.getByRole('button', { name: 'Undo' }).click();
    await untilValue(page, '#stream-0-amount', '3,000,000');
    assert.equal(await textOf(page, '#total-grand'), 'CNY 38.15 million');
    // A link that cannot be read says so, and the scenario on screen stays.
    await page.evaluate(() => { location.hash = '#v1;nowhere=300w'; });
    await page.waitForSelector('.notice');
    assert.match(await textOf(page, '.notice'), /^The share link in the address bar could not be read, so the scenario on screen stays: .*nowhere/);
    assert.equal(await textOf(page, '#total-grand'), 'CNY 38.15 million');
    assert.equal(new URL(page.url()).hash, '#v1;guaranteed-loans=300w', 'a reload keeps what is on screen');
    // The skip link's anchor is no share link: nothing happens.
    await page.getByRole('button', { name: /^Dismiss/ }).click();
    await page.evaluate(() => { location.hash = '#main-content'; });
    await page.waitForTimeout(200);
    assert.equal(await page.locator('.notice').count(), 0);
    assert.equal(await textOf(page, '#total-grand'), 'CNY 38.15 million');
    // Nor is it one when the page opens with it.
    await page.reload();
    await page.waitForSelector('html[data-ready]');
    assert.equal(await page.locator('.notice').count(), 0);
    assert.deepEqual(errors, []);
  });

  test('a garbage fragment shows a notice and the baseline', async () => {
    const { page, errors } = await open(browser, `${server.url}/?lang=en#v9;<script>alert(1)</script>`);
    assert.match(await textOf(page, '.notices'), /share link could not be read/);
    assert.match(await textOf(page, '.notices'), /9/, 'the detail names the version found');
    assert.equal(await textOf(page, '#total-grand'), 'CNY 37.88 million');
    assert.equal(await textOf(page, '#current-scenario-name'), 'Baseline (source figures)');
    assert.equal(await page.locator('.mfe-app script').count(), 0);
    assert.match(await textOf(page, '.notices'), /shown \(the link stays in the address bar until you change something\): link format version 9/);
    // The unreadable link stays in the address bar until a change replaces it.
    await page.waitForTimeout(300);
    assert.match(new URL(page.url()).hash, /^#v9;/);
    await setAmount(page, 0, '3000000');
    await page.waitForFunction(() => location.hash === '#v1;guaranteed-loans=300w');
    assert.deepEqual(errors, [], 'no script ran, no dialog opened');
  });

  for (const lang of ['zh-Hans', 'en', 'zh-Hant']) {
    test(`axe-core finds nothing in the panel's states (${lang})`, async () => {
      const { page, errors } = await fresh(`/?lang=${lang}`);
      await setAmount(page, 0, lang === 'en' ? '3000000' : '300');
      await save(page, 'A');
      await page.selectOption('#stream-3-outcome', 'refused');
      await save(page, 'B');
      await page.selectOption('#compare-first', 'saved:s1');
      await page.selectOption('#compare-second', 'saved:s2');
      await page.click('#copy-share');
      await page.click('#saved-s1-rename');
      await focusOn(page, 'saved-s1-rename-input');
      assert.deepEqual(await axeViolations(page), [], 'saved list, rename form, compare, share note');
      await page.click('#saved-s2-delete');
      await focusOn(page, 'saved-s2-confirm-delete');
      assert.deepEqual(await axeViolations(page), [], 'delete confirmation');
      await page.evaluate(([key]) => localStorage.setItem(key, '{"version":'), [KEY]);
      await page.reload();
      await page.waitForSelector('html[data-ready]');
      await page.locator('.notices').waitFor();
      await page.setViewportSize({ width: 360, height: 800 });
      assert.deepEqual(await axeViolations(page), [], 'notice of unreadable data, 360 px');
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 360, `no sideways scrolling at 360 px (page is ${width} px wide)`);
      assert.deepEqual(errors, []);
    });
  }

  test('on a wide screen the scenarios run across the page, the comparison beside the saved list', async () => {
    const { page, errors } = await fresh('/?lang=en');
    await setAmount(page, 0, '3000000');
    await save(page, 'Plan A with a longer name');
    await page.selectOption('#stream-3-outcome', 'refused');
    await save(page, 'Plan B with a longer name');
    await page.selectOption('#compare-first', 'saved:s1');
    await page.selectOption('#compare-second', 'saved:s2');
    const boxes = () => page.evaluate(() => {
      const box = (s) => document.querySelector(s).getBoundingClientRect().toJSON();
      return {
        streams: box('section.streams'), results: box('.results'), scenarios: box('section.scenarios'),
        keep: box('.scenario-keep'), compare: box('section.compare'), second: box('#compare-second'),
        page: document.documentElement.scrollWidth,
      };
    });
    const wide = await boxes();
    assert.ok(wide.scenarios.top >= Math.max(wide.streams.bottom, wide.results.bottom), 'below both columns');
    assert.ok(Math.abs(wide.scenarios.left - wide.streams.left) < 1, 'from the streams\' left edge');
    assert.ok(Math.abs(wide.scenarios.right - wide.results.right) < 1, 'to the results\' right edge');
    assert.ok(wide.compare.left >= wide.keep.right, 'the comparison is right of the saved list');
    assert.ok(wide.compare.top < wide.keep.bottom, 'and beside it, not below');
    assert.ok(wide.second.right <= wide.compare.right, 'the second picker is whole');
    const overflow = await page.$eval('.compare .table-scroll', (box) => box.scrollWidth - box.clientWidth);
    assert.equal(overflow, 0, 'the comparison needs no sideways scrolling at 1280 px');
    await screenshot(page, 'scenarios-wide-en');
    // On a phone everything is one column, in reading order, and nothing is wider than the screen.
    await page.setViewportSize({ width: 360, height: 800 });
    const narrow = await boxes();
    assert.ok(narrow.scenarios.top >= narrow.results.bottom, 'after the results');
    assert.ok(narrow.compare.top >= narrow.keep.bottom, 'the comparison after the saved list');
    assert.ok(narrow.page <= 360, `no sideways scrolling at 360 px (page is ${narrow.page} px wide)`);
    assert.deepEqual(errors, []);
  });

  test('a comparison too wide for a phone shows its edge shadow from the first rows', async () => {
    const { page, errors } = await fresh('/?lang=en');
    await page.setViewportSize({ width: 360, height: 800 });
    // The largest whole 万 below the limit: typed in yuan, an amount moves in whole 万.
    await setAmount(page, 0, '999999999990000');
    await save(page, 'A');
    await page.selectOption('#compare-first', 'baseline');
    await page.selectOption('#compare-second', 'saved:s1');
    const box = page.locator('.compare .table-scroll');
    assert.ok(await box.evaluate((b) => b.scrollWidth > b.clientWidth), 'the table scrolls sideways');
    // On the tinted "Funding streams" row, near the top of a table about 2,000 px tall.
    const y = await box.evaluate((b) =>
      Math.round(b.querySelector('tr.group').getBoundingClientRect().top - b.getBoundingClientRect().top + 4));
    assert.deepEqual(await edgeShades(page, box, y), { left: false, right: true }, 'at its start');
    await box.evaluate((b) => { b.scrollLeft = b.scrollWidth; });
    assert.deepEqual(await edgeShades(page, box, y), { left: true, right: false }, 'at its end');
    assert.deepEqual(errors, []);
  });

  test('the print stylesheet leaves a report: title, scenario name, totals, charts, source, no controls', async () => {
    const { page, errors } = await fresh('/?lang=zh-Hans');
    await setAmount(page, 0, '300');
    await page.selectOption('#stream-3-outcome', 'partial');
    await save(page, '更多贷款');
    await page.emulateMedia({ media: 'print' });
    const visible = (selector) => page.locator(selector).first().isVisible();
    for (const shown of ['#programme-title', '.source-line', '.report-meta', '.report-totals', '#figure-streams svg', '.report-sources']) {
      assert.equal(await visible(shown), true, `${shown} is printed`);
    }
    assert.match(await page.locator('.report-meta').innerText(), /更多贷款/);
    // The sought stream's outcome and partial percent are printed as text among the assumptions.
    assert.match(await page.locator('.report-assumptions').innerText(), /部分获批（50%）/);
    const controls = await page.evaluate(() =>
      [...document.querySelectorAll('.mfe-app button, .mfe-app input, .mfe-app select')]
        .filter((e) => e.getClientRects().length > 0)
        .map((e) => e.id || e.className),
    );
    assert.deepEqual(controls, [], 'no control is printed');
    const order = await page.evaluate(() => {
      const top = (s) => document.querySelector(s).getBoundingClientRect().top;
      return [top('#programme-title'), top('.report-meta'), top('.report-totals'), top('#figure-streams'), top('.report-sources')];
    });
    assert.deepEqual([...order].sort((a, b) => a - b), order, 'title, name, totals, charts, sources in that order');
    await screenshot(page, 'scenarios-print-zh-Hans');
    await page.emulateMedia({ media: 'screen' });
    assert.deepEqual(errors, []);
  });
});
