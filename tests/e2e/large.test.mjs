// A dataset of a thousand streams: the stream list and the comparison table show fifty rows a
// page, every stream stays reachable, and the totals still count all of them. And select
// elements that show what the state says after a change made elsewhere.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  axeViolations, browser, forgetKeptData, open, screenshot, serveAndLaunch, server, textOf,
} from './harness.mjs';
import { generatedDataset } from './generated.mjs';

const COUNT = 1000;
const dataset = generatedDataset(COUNT);
/** The grand total in 万元 (every generated amount is whole 万元), sought money counted. */
const grandWan = dataset.streams.reduce((sum, s) => sum + (s.amount ?? 0), 0) / 10000;
const wan = (n) => `${n.toLocaleString('en-US')}万元`;

const dataDir = mkdtempSync(join(tmpdir(), 'mfe-large-'));
writeFileSync(join(dataDir, 'large.json'), JSON.stringify(dataset));
writeFileSync(join(dataDir, 'medium.json'), JSON.stringify(generatedDataset(120)));
serveAndLaunch({ mounts: { '/data/': dataDir } });
after(() => rmSync(dataDir, { recursive: true, force: true }));

const url = (lang) => `${server.url}/?lang=${lang}&data=./data/large.json`;
const shownRows = (page) =>
  page.$$eval('.stream-list > .stream [id$="-name"]', (names) => names.map((n) => n.id));

describe('a thousand streams', () => {
  test('the list shows fifty a page; a stream on another page moves the full total', async () => {
    const { page, errors } = await open(browser, url('zh-Hans'));
    assert.equal(await page.locator('.stream-list > .stream').count(), 50);
    assert.equal(await textOf(page, '#streams-pager-range'), '显示第 1–50 条，共 1,000 条');
    assert.equal(await page.getAttribute('#streams-pager-previous', 'aria-disabled'), 'true');
    assert.equal(await textOf(page, '#total-grand'), wan(grandWan), 'the total counts every page');

    await page.click('#streams-pager-next');
    await page.locator('#stream-50-amount').waitFor();
    assert.equal(await textOf(page, '#streams-pager-range'), '显示第 51–100 条，共 1,000 条');
    const names = await shownRows(page);
    assert.equal(names.length, 50);
    assert.equal(names[0], 'stream-50-name');
    assert.equal(await page.locator('#stream-0-amount').count(), 0);
    const before = Number(await page.inputValue('#stream-50-amount'));
    await page.fill('#stream-50-amount', String(before + 100));
    await page.press('#stream-50-amount', 'Enter');
    assert.equal(await textOf(page, '#total-grand'), wan(grandWan + 100));

    // The last page, picked from the list of pages: the rest, and no next page.
    await page.selectOption('#streams-pager-page', '19');
    await page.locator('#stream-999-name').waitFor();
    assert.equal(await textOf(page, '#streams-pager-range'), '显示第 951–1,000 条，共 1,000 条');
    assert.equal(await page.getAttribute('#streams-pager-next', 'aria-disabled'), 'true');
    // Pressing it there changes nothing and keeps the keyboard focus on it.
    await page.focus('#streams-pager-next');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'streams-pager-next');
    assert.equal(await textOf(page, '#streams-pager-range'), '显示第 951–1,000 条，共 1,000 条');
    // Back to page two: the change made there is still shown.
    await page.selectOption('#streams-pager-page', '1');
    assert.equal(Number(await page.inputValue('#stream-50-amount')), before + 100);
    // The picker follows the buttons both ways.
    await page.click('#streams-pager-next');
    assert.equal(await page.inputValue('#streams-pager-page'), '2');
    await page.click('#streams-pager-previous');
    await page.locator('#stream-50-name').waitFor();
    assert.equal(await page.inputValue('#streams-pager-page'), '1');
    assert.equal(await textOf(page, '#streams-pager-range'), '显示第 51–100 条，共 1,000 条');
    assert.deepEqual(errors, []);
  });

  test('another dataset opens at its first page', async () => {
    const { page, errors } = await open(browser, url('en'));
    await page.selectOption('#streams-pager-page', '12');
    await page.locator('#stream-600-name').waitFor();
    await page.setInputFiles('#dataset-file', join(dataDir, 'medium.json'));
    await page.locator('#stream-0-name').waitFor();
    assert.equal(await textOf(page, '#streams-pager-range'), 'Showing 1–50 of 120');
    assert.equal(await page.inputValue('#streams-pager-page'), '0');
    assert.equal(await textOf(page, '#compare-pager-range'), 'Showing 1–50 of 120');
    // The picked file would open again in the next tests' pages of this profile.
    await forgetKeptData(page);
    assert.deepEqual(errors, []);
  });

  test('the comparison table pages on its own, and the changed stream is marked', async () => {
    const { page, errors } = await open(browser, url('en'));
    await page.fill('#stream-3-amount', '10000');
    await page.press('#stream-3-amount', 'Enter');
    const rows = page.locator('#compare-table tr[data-row]');
    assert.equal(await rows.count(), 50);
    assert.equal(await textOf(page, '#compare-pager-range'), 'Showing 1–50 of 1,000');
    assert.equal(await page.locator('#compare-stream-stream-3.changed').count(), 1);
    await page.click('#compare-pager-next');
    await page.locator('#compare-stream-stream-50').waitFor();
    assert.equal(await rows.count(), 50);
    assert.equal(await page.locator('#compare-stream-stream-3').count(), 0);
    assert.equal(await textOf(page, '#streams-pager-range'), 'Showing 1–50 of 1,000', 'the list stays');
    await screenshot(page, 'large-en');
    assert.deepEqual(errors, []);
  });

  test('with changes in, the totals tables still fit the results column at 1280 px', async () => {
    const { page, errors } = await open(browser, url('en'));
    // The largest figures: billions of yuan, and a change with its percent in every column.
    await page.fill('#stream-0-amount', '99990000');
    await page.press('#stream-0-amount', 'Enter');
    await page.fill('#stream-1-amount', '0');
    await page.press('#stream-1-amount', 'Enter');
    await page.locator('#by-kind td.num', { hasText: '+CNY' }).first().waitFor();
    const overflow = await page.$$eval('.totals .table-scroll', (boxes) =>
      boxes.map((box) => box.scrollWidth - box.clientWidth),
    );
    assert.deepEqual(overflow, [0, 0], 'no sideways scrolling');
    // An amount is read down its column: it stays on one line.
    const amountLines = await page.$$eval('.totals tbody tr > td.num:first-of-type', (cells) =>
      cells.filter((cell) => cell.textContent.startsWith('CNY')).map((cell) => {
        const range = document.createRange();
        range.selectNodeContents(cell);
        return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
      }),
    );
    assert.ok(amountLines.length > 12, 'the amounts of both tables');
    assert.deepEqual(amountLines.filter((lines) => lines !== 1), [], 'each amount on one line');
    assert.deepEqual(errors, []);
  });

  for (const lang of ['zh-Hans', 'en', 'zh-Hant']) {
    test(`axe-core finds nothing in the paged views (${lang})`, async () => {
      const { page, errors } = await open(browser, url(lang));
      assert.deepEqual(await axeViolations(page), [], 'first page');
      await page.click('#streams-pager-next');
      await page.setViewportSize({ width: 360, height: 800 });
      assert.deepEqual(await axeViolations(page), [], 'second page, 360 px');
      assert.deepEqual(errors, []);
    });
  }
});

describe('the Muchuan data', () => {
  test('fits one page: no page controls', async () => {
    const { page, errors } = await open(browser, `${server.url}/?lang=en`);
    assert.equal(await page.locator('.pager').count(), 0);
    assert.equal(await page.locator('.stream-list > .stream').count(), 9);
    assert.deepEqual(errors, []);
  });

  test('an outcome picker follows undo and redo', async () => {
    const { page, errors } = await open(browser, `${server.url}/?lang=en`);
    const outcome = '#stream-3-outcome';
    await page.selectOption(outcome, 'refused');
    assert.equal(await textOf(page, '#total-sought'), 'CNY 300,000');
    await page.focus(outcome);
    await page.keyboard.press('Control+z');
    assert.equal(await textOf(page, '#total-sought'), 'CNY 20.3 million');
    assert.equal(await page.inputValue(outcome), 'pending');
    await page.keyboard.press('Control+y');
    assert.equal(await textOf(page, '#total-sought'), 'CNY 300,000');
    assert.equal(await page.inputValue(outcome), 'refused');
    assert.deepEqual(errors, []);
  });
});
