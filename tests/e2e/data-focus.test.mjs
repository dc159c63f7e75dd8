// Accessibility of switching data (WCAG 2.4.7, 4.1.3): the button that switched stays in view
// with the focus, and removing the kept data says so, lists what is left and keeps the focus.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT, browser, forgetKeptData, open, serveAndLaunch, server, textOf } from './harness.mjs';

serveAndLaunch();

const COUNTY = join(ROOT, 'tests/corpus-county', 'zh-wan.csv');

/** The focused element's id, and whether it is within the window. */
function focusSeen(page) {
  return page.evaluate(() => {
    const e = document.activeElement;
    const box = e.getBoundingClientRect();
    return { id: e.id, inView: box.bottom > 0 && box.top < innerHeight && box.height > 0 };
  });
}

/**
 * The focused element once it has come into view, or after 5 s: the button is scrolled back
 * after the paint that follows the switch, which a loaded machine makes late.
 */
async function focusSettled(page) {
  await page.waitForFunction(() => {
    const box = document.activeElement.getBoundingClientRect();
    return box.bottom > 0 && box.top < innerHeight && box.height > 0;
  }, null, { timeout: 5000 }).catch(() => {});
  return focusSeen(page);
}

describe('switching data', () => {
  test('keeps the pressed button in view, and a removal is said with the focus kept', async () => {
    const { page, errors } = await open(browser, `${server.url}/?lang=zh-Hans`);
    await page.setViewportSize({ width: 375, height: 800 });
    await forgetKeptData(page);
    // As in Safari, which has no scroll anchoring to keep the focused button in place.
    await page.addStyleTag({ content: '* { overflow-anchor: none; }' });
    await page.setInputFiles('#dataset-file', COUNTY);
    await page.waitForFunction(() => document.querySelectorAll('.stream').length === 6);
    await page.locator('#kept-open').waitFor();
    // A refused file's problems are listed beside the button, the county data staying.
    await page.setInputFiles('#dataset-file', join(ROOT, 'tests/e2e/fixtures', 'bad.csv'));
    await page.locator('#data-problems').waitFor();
    // Back to the built-in data: three more streams above push the button down.
    await page.focus('#built-in-open');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('.stream').length === 9);
    assert.deepEqual(await focusSettled(page), { id: 'built-in-open', inView: true });
    // Other data opened: the refused file's list goes, and what is shown is said.
    assert.equal(await page.locator('#data-problems').count(), 0);
    assert.equal(await textOf(page, '#data-status'), '已载入“沐川（内置数据）”：9 项资金，上方显示的是这份数据。');
    // The kept county file, opened again: three fewer streams pull the button up.
    await page.focus('#kept-open');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('.stream').length === 6);
    assert.deepEqual(await focusSettled(page), { id: 'kept-open', inView: true });
    // Removed: the list, the status line and the focus follow.
    await page.focus('#kept-remove');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('.stream').length === 9);
    await page.waitForFunction(() => !document.querySelector('#kept-open, #kept-remove'), null, { timeout: 5000 }).catch(() => {});
    assert.equal(await page.locator('#kept-open, #kept-remove').count(), 0, 'no longer listed');
    assert.equal(await textOf(page, '#data-status'), '已从本浏览器删除“zh-wan.csv”，现显示沐川（内置数据）。');
    assert.deepEqual(await focusSettled(page), { id: 'built-in-open', inView: true });
    await page.locator('.data-source').screenshot({ path: join(ROOT, 'tests/e2e/output/data-removed-zh-Hans-375.png') });
    assert.deepEqual(errors, []);
  });
});
