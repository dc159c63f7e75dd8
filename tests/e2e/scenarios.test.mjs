// What-if scenarios end to end: undo and redo, named scenarios kept in localStorage across
// reloads, the comparison, the share link, exports and imports, and what happens when the
// stored data is broken or the storage is full.
import { after, afterEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DIST, axeViolations, browser, edgeShades, open, screenshot, serveAndLaunch, server, settle, textOf,
  untilValue,
} from './harness.mjs';

const KEY = 'muchuan-funding-explorer.scenarios';
const BACKUP_PREFIX = `${KEY}.corrupt-`;

// A dataset whose names would be formulas in a spreadsheet, for the CSV test.
const FIXTURES = mkdtempSync(join(tmpdir(), 'mfe-scenarios-'));
{
  const dataset = JSON.parse(readFileSync(join(DIST, 'muchuan.json'), 'utf8'));
  const name = (text) => ({ 'zh-Hans': text, 'zh-Hant': text, en: text });
  dataset.streams[0].name = name('=HYPERLINK("http://example.invalid","点我")');
  dataset.streams[1].name = name('-2+3');
  writeFileSync(join(FIXTURES, 'hostile.json'), JSON.stringify(dataset));
}

serveAndLaunch({
  mounts: { '/scenario-fixtures/': FIXTURES },
  ready: () => browser.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url }),
});
after(() => rmSync(FIXTURES, { recursive: true, force: true }));
// Each test closes its pages: an open explorer follows storage changes made in another tab.
afterEach(async () => {
  for (const page of browser.pages()) await page.close();
});

/** Opens the explorer with empty storage (the tests share one browser profile). */
async function fresh(path = '/?lang=zh-Hans') {
  const opened = await open(browser, `${server.url}${path}`);
  await opened.page.evaluate(() => localStorage.clear());
  await opened.page.reload();
  await opened.page.waitForSelector('html[data-ready]');
  return opened;
}

/** Types an amount (in 万元 in Chinese) into a stream's field. */
async function setAmount(page, stream, amount) {
  await page.fill(`#stream-${stream}-amount`, amount);
  await page.press(`#stream-${stream}-amount`, 'Enter');
}

async function totals(page) {
  return {
    grand: await textOf(page, '#total-grand'),
    granted: await textOf(page, '#total-granted'),
    sought: await textOf(page, '#total-sought'),
  };
}

async function save(page, name) {
  await page.fill('#scenario-name', name);
  await page.click('#save-scenario');
  await page.locator('.panel-status').filter({ hasText: name }).waitFor();
}

/** Waits until the element with this id has the focus. */
async function focusOn(page, id) {
  await page.waitForFunction((want) => document.activeElement?.id === want, id, { timeout: 2000 });
}

/**
 * A page whose `localStorage.setItem` throws a QuotaExceededError while `window.__mfeFull` is
 * true (from the start when the URL has `full` in its query).
 */
async function quotaPage() {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.addInitScript(() => {
    window.__mfeFull = new URLSearchParams(location.search).has('full');
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (window.__mfeFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return setItem.call(this, key, value);
    };
  });
  return { page, errors };
}

const stored = (page, key = KEY) => page.evaluate((k) => localStorage.getItem(k), key);
const backupKeys = (page) =>
  page.evaluate((prefix) => Object.keys(localStorage).filter((k) => k.startsWith(prefix)), BACKUP_PREFIX);

const BASELINE = { grand: '3,788万元', granted: '1,758万元', sought: '2,030万元' };
const MORE_LOANS = { grand: '3,815万元', granted: '1,785万元', sought: '2,030万元' };
const TRAINING_REFUSED = { grand: '1,815万元', granted: '1,785万元', sought: '30万元' };

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

  test('two saved scenarios survive a reload, open, compare, rename, duplicate and delete', async () => {
    const { page, errors } = await fresh();
    await setAmount(page, 0, '300');
    await save(page, '更多贷款');
    await page.selectOption('#stream-3-outcome', 'refused');
    await save(page, '培训基地未获批');
    assert.equal(await textOf(page, '#current-scenario-name'), '培训基地未获批');

    await page.reload();
    await page.waitForSelector('html[data-ready]');
    await page.locator('.saved-item').nth(1).waitFor();
    const items = page.locator('.saved-item');
    assert.equal(await items.count(), 2);
    assert.equal(await textOf(page, '#saved-s1-name'), '更多贷款');
    assert.equal(await textOf(page, '#saved-s2-name'), '培训基地未获批');
    assert.equal(await items.nth(0).locator('.saved-total').innerText(), '3,815万元');
    assert.equal(await items.nth(1).locator('.saved-total').innerText(), '1,815万元');
    assert.match(await items.nth(0).locator('time').getAttribute('datetime'), /^\d{4}-\d\d-\d\dT/);
    assert.match(await items.nth(0).locator('time').innerText(), /\d{4}年\d{1,2}月\d{1,2}日/);
    assert.deepEqual(await totals(page), TRAINING_REFUSED, 'the reload kept the scenario (its link)');

    // Compare the two saved ones.
    await page.selectOption('#compare-first', 'saved:s1');
    await page.selectOption('#compare-second', 'saved:s2');
    const cell = (row, column) => textOf(page, `#${row} .${column}`);
    assert.equal(await cell('compare-grand', 'a'), '3,815万元');
    assert.equal(await cell('compare-grand', 'b'), '1,815万元');
    assert.equal(await cell('compare-grand', 'diff'), '-2,000万元');
    assert.equal(await cell('compare-granted', 'diff'), '±0');
    assert.equal(await cell('compare-sought', 'a'), '2,030万元');
    assert.equal(await cell('compare-sought', 'b'), '30万元');
    assert.equal(await cell('compare-sought', 'diff'), '-2,000万元');
    assert.equal(await cell('compare-kind-training', 'diff'), '-2,000万元');
    assert.equal(await cell('compare-kind-loans', 'diff'), '±0');
    // Each cell is what the row adds to its total, so a row reads across to its difference.
    assert.match(await cell('compare-stream-training-base', 'a'), /^2,000万元\s*仍在争取$/);
    assert.match(await cell('compare-stream-training-base', 'b'), /^0万元\s*未获批，计划 2,000万元$/);
    assert.equal(await cell('compare-stream-training-base', 'diff'), '-2,000万元', 'same amount, not granted in the second');
    // The rows' differences add up to the grand total's.
    const rowDiffs = await page.$$eval('#compare-table tr[data-row] .diff', (cells) =>
      cells.map((c) => c.textContent.trim()).filter((t) => t !== '—' && t !== '±0'));
    assert.deepEqual(rowDiffs, ['-2,000万元']);
    assert.equal(await page.locator('#compare-stream-training-base.changed').count(), 1);
    assert.equal(await page.locator('tr.changed').count(), 4, 'training base, grand, sought, training');
    assert.match(await textOf(page, '#figure-compare-heading'), /更多贷款.*培训基地未获批/);
    assert.equal(await page.locator('#figure-compare svg[role="img"]').count(), 1);
    // Baseline against the first: the loans differ by 27万元.
    await page.selectOption('#compare-first', 'baseline');
    await page.selectOption('#compare-second', 'saved:s1');
    assert.equal(await cell('compare-stream-guaranteed-loans', 'diff'), '+27万元');
    assert.equal(await cell('compare-grand', 'diff'), '+27万元');
    await screenshot(page, 'scenarios-compare-zh-Hans');

    // Open the first: an undoable change.
    await page.click('#saved-s1-open');
    assert.deepEqual(await totals(page), MORE_LOANS);
    assert.equal(await textOf(page, '#current-scenario-name'), '更多贷款');
    await page.getByRole('button', { name: '撤销' }).click();
    assert.deepEqual(await totals(page), TRAINING_REFUSED);

    // Escape cancels a rename and a delete confirmation, and gives focus back to their button.
    await page.click('#saved-s2-rename');
    await focusOn(page, 'saved-s2-rename-input');
    await page.fill('#saved-s2-rename-input', 'never saved');
    await page.press('#saved-s2-rename-input', 'Escape');
    await focusOn(page, 'saved-s2-rename');
    assert.equal(await page.locator('#saved-s2-rename-input').count(), 0);
    assert.equal(await textOf(page, '#saved-s2-name'), '培训基地未获批');
    await page.click('#saved-s1-delete');
    await focusOn(page, 'saved-s1-confirm-delete');
    await page.keyboard.press('Escape');
    await focusOn(page, 'saved-s1-delete');
    assert.equal(await page.locator('#saved-s1-confirm-text').count(), 0);
    assert.equal(await page.locator('.saved-item').count(), 2);

    // Rename, duplicate, delete.
    await page.click('#saved-s2-rename');
    await focusOn(page, 'saved-s2-rename-input');
    await page.fill('#saved-s2-rename-input', '  ');
    await page.press('#saved-s2-rename-input', 'Enter');
    assert.equal(await textOf(page, '#saved-s2-rename-error'), '请输入方案名称');
    await page.fill('#saved-s2-rename-input', '培训落空');
    await page.press('#saved-s2-rename-input', 'Enter');
    assert.equal(await textOf(page, '#saved-s2-name'), '培训落空');
    await focusOn(page, 'saved-s2-rename');
    await page.click('#saved-s1-duplicate');
    assert.equal(await textOf(page, '#saved-s3-name'), '更多贷款（副本）');
    assert.deepEqual(
      await page.$$eval('.saved-name', (names) => names.map((n) => n.textContent)),
      ['更多贷款', '更多贷款（副本）', '培训落空'],
    );
    await page.click('#saved-s3-delete');
    assert.match(await textOf(page, '#saved-s3-confirm-text'), /确定删除“更多贷款（副本）”/);
    await page.click('#saved-s3-confirm-delete');
    assert.equal(await page.locator('.saved-item').count(), 2);

    await page.reload();
    await page.waitForSelector('html[data-ready]');
    await page.locator('.saved-item').nth(1).waitFor();
    assert.deepEqual(
      await page.$$eval('.saved-name', (names) => names.map((n) => n.textContent)),
      ['更多贷款', '培训落空'],
    );
    const store = JSON.parse(await stored(page));
    assert.equal(store.version, 1);
    assert.deepEqual(store.scenarios.map((s) => s.share), [
      'v1;guaranteed-loans=300w',
      'v1;guaranteed-loans=300w;training-base=r',
    ]);
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
    assert.equal(await page.inputValue('#stream-0-amount'), '3000000');
    assert.equal(await page.locator('.notice').count(), 0);
    // In the same tab, another link: only the fragment changes, nothing reloads.
    await page.evaluate(() => { window.__samePage = true; location.hash = '#v1;training-base=r'; });
    await page.waitForFunction(() => document.querySelector('#total-grand').textContent === 'CNY 17.88 million');
    assert.equal(await page.inputValue('#stream-0-amount'), '2730000', 'the link, not the link before plus it');
    assert.equal(await page.evaluate(() => window.__samePage), true);
    await page.getByRole('button', { name: 'Undo' }).click();
    await untilValue(page, '#stream-0-amount', '3000000');
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

  test('the CSV download has a BOM, every row, the totals and formula-neutralised names', async () => {
    const { page, errors } = await fresh('/?lang=zh-Hans&data=/scenario-fixtures/hostile.json');
    await setAmount(page, 0, '300');
    await setAmount(page, 1, '100');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-csv')]);
    // Another county's figures: the file is not named for Muchuan.
    assert.match(download.suggestedFilename(), /^资金方案-.*\.csv$/);
    const bytes = readFileSync(await download.path());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark');
    const text = bytes.toString('utf8').slice(1);
    assert.ok(text.endsWith('\r\n'));
    const lines = text.slice(0, -2).split('\r\n');
    // Figures from `?data=`: the about block names where they were read from, as the header does.
    assert.match(lines[3], /^注意：以下数字不是本工具内置的沐川数据，而是读取自：,[^,]*hostile\.json,/);
    lines.splice(3, 1);
    // About (5 lines), blank, header, 9 streams, blank, totals in 元 (header, 3 groups, 5 kinds),
    // blank, the same in 万元.
    assert.equal(lines.length, 5 + 1 + 1 + 9 + 1 + 9 + 1 + 9);
    assert.match(lines[0], /^方案,/);
    assert.match(lines[1], /^导出日期,\d{4}-\d{2}-\d{2},/);
    assert.match(lines[6], /^标识,/);
    assert.ok(
      lines[7].startsWith(`guaranteed-loans,"'=HYPERLINK(""http://example.invalid"",""点我"")",`),
      `a name starting with = gets an apostrophe and RFC 4180 quoting: ${lines[7]}`,
    );
    assert.match(lines[7], /,2730000,3000000,3000000,3000000,0,270000,[\d.]+,273,300,300,$/);
    const subsidy = lines[8].split(',');
    assert.deepEqual(subsidy.slice(0, 2), ['poverty-subsidy', "'-2+3"]);
    assert.deepEqual(subsidy.slice(6, 12), ['2000000', '1000000', '1000000', '1000000', '0', '-1000000'], 'numbers stay numbers');
    assert.match(lines[17], /^合计（元）,/);
    const all = lines[18].split(',');
    assert.deepEqual(all.slice(1, 6), ['37880000', '37150000', '37150000', '16850000', '20300000']);
    assert.deepEqual(lines[20].split(',').slice(1, 6), ['20300000', '20300000', '20300000', '0', '20300000'], 'sought streams');
    assert.deepEqual(lines[28].split(',').slice(1, 6), ['3788', '3715', '3715', '1685', '2030'], 'the same in 万元');
    assert.match(await textOf(page, '.export-status'), /已下载/);
    assert.deepEqual(errors, []);
  });

  test('JSON and SVG downloads, and a JSON file imported back; a bad file is a located notice', async () => {
    const { page, errors } = await fresh('/?lang=en');
    await setAmount(page, 0, '3000000');
    await save(page, 'Loans up');
    const expected = await totals(page);
    const [json] = await Promise.all([page.waitForEvent('download'), page.click('#download-json')]);
    assert.equal(json.suggestedFilename(), 'muchuan-scenario-Loans-up.json');
    const document = readFileSync(await json.path(), 'utf8');
    assert.equal(JSON.parse(document).name, 'Loans up');
    assert.equal(JSON.parse(document).streams['guaranteed-loans'].amount, 3000000);
    for (const chart of ['streams', 'kinds', 'flow']) {
      const [svg] = await Promise.all([page.waitForEvent('download'), page.click(`#download-svg-${chart}`)]);
      assert.equal(svg.suggestedFilename(), `muchuan-chart-${chart}-Loans-up.svg`);
      const file = readFileSync(await svg.path(), 'utf8');
      assert.match(file, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      assert.match(file, /<\/svg>\s*$/);
    }
    const [compare] = await Promise.all([page.waitForEvent('download'), page.click('#download-compare-svg')]);
    assert.match(compare.suggestedFilename(), /^muchuan-chart-compare-.*\.svg$/);

    await page.getByRole('button', { name: 'Reset' }).click();
    assert.equal(await textOf(page, '#total-grand'), 'CNY 37.88 million');
    await page.setInputFiles('#import-file', { name: 'loans.json', mimeType: 'application/json', buffer: Buffer.from(document) });
    await page.locator('.export-status').filter({ hasText: 'Imported' }).waitFor();
    assert.deepEqual(await totals(page), expected);
    assert.equal(await textOf(page, '#current-scenario-name'), 'Loans up');
    // A scenario that matches no saved one is shown under the name its file gives it.
    const draft = JSON.parse(document);
    draft.name = 'County draft';
    draft.streams['guaranteed-loans'].amount = 3100000;
    await page.setInputFiles('#import-file', { name: 'draft.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(draft)) });
    await page.locator('.export-status').filter({ hasText: 'County draft' }).waitFor();
    assert.equal(await textOf(page, '#current-scenario-name'), 'County draft (imported, not saved)');
    const [named] = await Promise.all([page.waitForEvent('download'), page.click('#download-json')]);
    assert.equal(named.suggestedFilename(), 'muchuan-scenario-County-draft.json');
    await setAmount(page, 0, '3200000');
    assert.equal(await textOf(page, '#current-scenario-name'), 'Unsaved scenario', 'changed, it is no longer the file');
    // An unsaved scenario's document has no name (not "Unsaved scenario" in this language).
    const [unsaved] = await Promise.all([page.waitForEvent('download'), page.click('#download-json')]);
    assert.equal(unsaved.suggestedFilename(), 'muchuan-scenario-Unsaved-scenario.json');
    assert.equal(JSON.parse(readFileSync(await unsaved.path(), 'utf8')).name, '');
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('button', { name: 'Undo' }).click();
    assert.deepEqual(await totals(page), expected);

    const broken = document.replace('"mode": "free"', '"mode": "sideways"');
    await page.setInputFiles('#import-file', { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(broken) });
    await page.locator('.notices').waitFor();
    assert.match(await textOf(page, '.notices'), /could not be imported.*broken\.json — mode: /s);
    assert.equal(
      await textOf(page, '.export-status'),
      '“broken.json” was not imported: the notice at the top of the page says why, and the current scenario stays.',
    );
    await page.setInputFiles('#import-file', { name: 'cut.json', mimeType: 'application/json', buffer: Buffer.from(document.slice(0, 40)) });
    await page.locator('.notice').nth(1).waitFor();
    assert.match(await textOf(page, '.notices'), /cut\.json — Line \d+, column \d+/);
    assert.deepEqual(await totals(page), expected, 'a bad file changes nothing');
    assert.deepEqual(errors, []);
  });

  test('corrupted stored data: a notice, no crash, the text kept aside before anything is written', async () => {
    const { page, errors } = await fresh();
    const broken = '{"version":1,"scenarios":[';
    await page.evaluate(([key, text]) => localStorage.setItem(key, text), [KEY, broken]);
    await page.reload();
    await page.waitForSelector('html[data-ready]');
    await page.locator('.notices').waitFor();
    assert.match(await textOf(page, '.notices'), /保存的方案无法读取/);
    assert.match(await textOf(page, '.notices'), /不完整/);
    assert.doesNotMatch(await page.locator('.notices').textContent(), /[：。；] /, 'no space after Chinese punctuation');
    assert.equal(await stored(page), broken, 'the stored text is untouched');
    const backups = await backupKeys(page);
    assert.equal(backups.length, 1);
    assert.equal(await stored(page, backups[0]), broken, 'and copied aside');
    assert.match(await textOf(page, '.notices'), new RegExp(backups[0].replaceAll('.', '\\.')));
    assert.deepEqual(await totals(page), BASELINE);

    // Reloading again makes no second copy; saving now starts a new list.
    await page.reload();
    await page.waitForSelector('html[data-ready]');
    assert.deepEqual(await backupKeys(page), backups);
    await setAmount(page, 0, '300');
    await save(page, '新的开始');
    assert.equal(JSON.parse(await stored(page)).scenarios.length, 1);
    assert.equal(await stored(page, backups[0]), broken, 'the copy stays');
    for (const old of [
      '{"scenarios":[]}', // an unversioned draft
      '{"version":1,"scenarios":[{"id":"a","name":7,"saved_at":0,"share":"v1"}]}',
      'not json at all',
    ]) {
      await page.evaluate(([key, text]) => localStorage.setItem(key, text), [KEY, old]);
      await page.reload();
      await page.waitForSelector('html[data-ready]');
      await page.locator('.notices').waitFor();
      assert.equal(await stored(page), old);
      const kept = await page.evaluate((text) => Object.keys(localStorage).filter((k) => localStorage.getItem(k) === text), old);
      assert.equal(kept.length, 2, `${old} is kept in place and in a copy`);
    }
    assert.deepEqual(errors, []);
  });

  test('a hand-written store whose ids differ only in "." and "_" gives each its own row', async () => {
    const { page, errors } = await fresh();
    const store = {
      version: 1,
      scenarios: [
        { id: 'a.b', name: '更多贷款', saved_at: 0, share: 'v1;guaranteed-loans=300w' },
        { id: 'a_b', name: '培训基地未获批', saved_at: 0, share: 'v1;training-base=r' },
      ],
    };
    await page.evaluate(([key, text]) => localStorage.setItem(key, text), [KEY, JSON.stringify(store)]);
    await page.reload();
    await page.waitForSelector('html[data-ready]');
    await page.locator('.saved-item').nth(1).waitFor();
    const ids = await page.$$eval('.saved-list [id]', (elements) => elements.map((e) => e.id));
    assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), [], 'no element id is used twice');
    assert.equal(await textOf(page, '#saved-a_2e_b-name'), '更多贷款');
    assert.equal(await textOf(page, '#saved-a_5f_b-name'), '培训基地未获批');
    await page.click('#saved-a_5f_b-open');
    assert.deepEqual(await totals(page), { grand: '1,788万元', granted: '1,758万元', sought: '30万元' });
    await page.click('#saved-a_2e_b-open');
    assert.deepEqual(await totals(page), MORE_LOANS);
    // Focus moves by these ids too: into the rename field, and back to its button.
    await page.click('#saved-a_5f_b-rename');
    await focusOn(page, 'saved-a_5f_b-rename-input');
    await page.keyboard.press('Escape');
    await focusOn(page, 'saved-a_5f_b-rename');
    assert.deepEqual(errors, []);
  });

  test('a full storage quota: a message, and the earlier saves stay intact', async () => {
    const { page, errors } = await quotaPage();
    await page.goto(`${server.url}/?lang=en`);
    await page.waitForSelector('html[data-ready]');
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await page.waitForSelector('html[data-ready]');
    await setAmount(page, 0, '3000000');
    await save(page, 'First');
    const before = await stored(page);

    await page.evaluate(() => { window.__mfeFull = true; });
    await setAmount(page, 0, '3500000');
    await page.fill('#scenario-name', 'Second');
    await page.click('#save-scenario');
    await page.locator('.notices').waitFor();
    assert.match(await textOf(page, '.notices'), /storage is full.*not saved.*Everything saved before is unchanged/s);
    assert.match(await textOf(page, '.panel-status'), /storage is full/);
    assert.equal(await page.locator('.saved-item').count(), 1);
    assert.equal(await page.inputValue('#scenario-name'), 'Second', 'the name is kept to try again');
    await page.click('#saved-s1-rename');
    await page.fill('#saved-s1-rename-input', 'Renamed');
    await page.press('#saved-s1-rename-input', 'Enter');
    assert.equal(await textOf(page, '#saved-s1-name'), 'First');
    await page.click('#saved-s1-delete');
    await page.click('#saved-s1-confirm-delete');
    assert.equal(await page.locator('.saved-item').count(), 1, 'a delete that cannot be stored is not shown');
    assert.equal(await stored(page), before);

    await page.evaluate(() => { window.__mfeFull = false; });
    await page.reload();
    await page.waitForSelector('html[data-ready]');
    await page.locator('.saved-item').first().waitFor();
    assert.equal(await textOf(page, '#saved-s1-name'), 'First');
    assert.equal(await page.locator('.saved-item .saved-total').first().innerText(), 'CNY 38.15 million');
    await page.close();
    assert.deepEqual(errors, []);
  });

  test('unreadable data that cannot be copied aside is never written over', async () => {
    const { page, errors } = await quotaPage();
    const broken = '{"version":1,"scenarios":[{"id":"s1","name":"Lost?"';
    await page.goto(`${server.url}/?lang=en`);
    // Wait for the app to start, or it may read (and copy aside) the text planted below.
    await page.waitForSelector('html[data-ready]');
    await page.evaluate(([key, text]) => { localStorage.clear(); localStorage.setItem(key, text); }, [KEY, broken]);
    await page.goto(`${server.url}/?lang=en&full`);
    await page.waitForSelector('html[data-ready]');
    await page.locator('.notices').waitFor();
    assert.match(await textOf(page, '.notices'), /no copy could be kept; nothing will be saved over them/);
    assert.deepEqual(await backupKeys(page), []);
    await setAmount(page, 0, '3000000');
    await page.fill('#scenario-name', 'New');
    await page.click('#save-scenario');
    await page.locator('.panel-status').filter({ hasText: 'not saved' }).waitFor();
    assert.equal(await stored(page), broken, 'the unreadable text is still there');
    assert.equal(await page.locator('.saved-item').count(), 0);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the unreadable data' }).click(),
    ]);
    assert.equal(readFileSync(await download.path(), 'utf8'), broken, 'and offered for download');
    // With room again, the next save copies it aside first.
    await page.evaluate(() => { window.__mfeFull = false; });
    await page.click('#save-scenario');
    await page.locator('.panel-status').filter({ hasText: 'Saved' }).waitFor();
    const backups = await backupKeys(page);
    assert.equal(backups.length, 1);
    assert.equal(await stored(page, backups[0]), broken);
    assert.equal(JSON.parse(await stored(page)).scenarios[0].name, 'New');
    assert.deepEqual(errors, []);
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
    await setAmount(page, 0, '999999999999999');
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
