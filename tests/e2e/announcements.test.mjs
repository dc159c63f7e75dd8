// What a screen-reader user hears after a change whose effect the eye sees elsewhere on the page
// (the accessibility audit): each test records every text the live region takes, so that what
// is said, and how often, is asserted, not only what the region holds at the end.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, browser, open, serveAndLaunch, server, settle } from './harness.mjs';

serveAndLaunch();

const IMPACT = '.impact-bar [role="status"]';
/** Longer than the pause after which the impact bar speaks (900 ms). */
const PAUSE = 1300;

/** Starts recording the texts the element at `selector` takes; `said()` returns them. */
async function listen(page, selector) {
  await page.evaluate((s) => {
    window.__said = [];
    new MutationObserver(() => {
      const text = document.querySelector(s).textContent.trim();
      if (text) window.__said.push(text);
    }).observe(document.querySelector(s), { childList: true, subtree: true, characterData: true });
  }, selector);
  return () => page.evaluate(() => window.__said);
}

/**
 * Waits out the pause after a change, then (on a loaded machine the region may speak late) until
 * the region has said `count` texts in all, or 10 s pass.
 */
async function heard(page, count) {
  await page.waitForTimeout(PAUSE);
  await page.waitForFunction((n) => window.__said.length >= n, count, { timeout: 10_000 }).catch(() => {});
}

/** The planned amounts of the streams that state one, as the page shows them. */
async function amounts(page) {
  await settle(page);
  return page.$$eval('.stream-list .amount-input', (inputs) => inputs.map((i) => i.value));
}

describe('a fixed-pool move', () => {
  for (const [lang, want] of [
    ['zh-Hans', (n) => `其他 ${n} 项共减少 3万元`],
    ['en', (n) => `${n} other streams down CNY 30,000 in all`],
  ]) {
    test(`says once, after a burst of keys, what the other streams gave (${lang})`, async () => {
      const { page, errors } = await open(browser, `${server.url}/?lang=${lang}`);
      await page.check('#mode-pool');
      await page.waitForTimeout(PAUSE);
      const before = await amounts(page);
      const said = await listen(page, IMPACT);
      await page.focus('#stream-0-slider');
      for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowRight');
      await heard(page, 1);
      const after = await amounts(page);
      assert.equal(after[0], lang === 'en' ? '2,760,000' : '276');
      const others = after.slice(1).filter((a, i) => a !== before[i + 1]).length;
      assert.ok(others >= 2, `${others} other streams changed`);
      // The totals stay in a fixed pool: only the move is said, once.
      assert.deepEqual(await said(), [want(others)]);
      // Back down: the others get it back (in whole 万, to the largest first), said as such.
      for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowLeft');
      await heard(page, 2);
      const back = await amounts(page);
      const gainers = back.slice(1).filter((a, i) => a !== after[i + 1]).length;
      const up = {
        en: gainers === 1 ? '1 other stream up CNY 30,000' : `${gainers} other streams up CNY 30,000 in all`,
        'zh-Hans': gainers === 1 ? '其他 1 项增加 3万元' : `其他 ${gainers} 项共增加 3万元`,
      }[lang];
      assert.deepEqual(await said(), [want(others), up]);
      assert.deepEqual(await axeViolations(page), []);
      assert.deepEqual(errors, []);
    });
  }

  test('a free move says the totals only; an undo or a redo says what it changed', async () => {
    const { page, errors } = await open(browser, `${server.url}/?lang=zh-Hans`);
    const said = await listen(page, IMPACT);
    await page.focus('#stream-0-slider');
    await page.keyboard.press('ArrowRight');
    await heard(page, 1);
    assert.deepEqual(await said(), ['资金总额 3,789万元；较基准 +1万元（+<0.1%）；已获得 1,759万元 · 正在争取 2,030万元']);
    await page.check('#mode-pool');
    await page.focus('#stream-0-slider');
    await page.keyboard.press('ArrowRight');
    await heard(page, 2);
    assert.equal((await said())[1], '其他 1 项减少 1万元', 'one step is taken from one stream');
    await page.keyboard.press('Control+z');
    await heard(page, 3);
    assert.equal(await page.inputValue('#stream-0-amount'), '274', 'undone');
    // The totals stayed: what the undo changed is said (the loans and the stream that gave).
    assert.deepEqual((await said()).slice(2), ['已撤销上一步，2 项资金随之改变']);
    await page.keyboard.press('Control+y');
    await heard(page, 4);
    assert.equal(await page.inputValue('#stream-0-amount'), '275', 'redone');
    assert.deepEqual((await said()).slice(2), ['已撤销上一步，2 项资金随之改变', '已重做上一步，2 项资金随之改变']);
    assert.deepEqual(errors, []);
  });
});

describe('a slider step that cannot be taken', () => {
  test('says why, and the thumb stays on the amount (fixed pool, the others locked)', async () => {
    const { page, errors } = await open(browser, `${server.url}/?lang=zh-Hans`);
    await page.check('#mode-pool');
    // Every other stream of money in hand locked (2 states no amount; 3 and 5 are bids).
    for (const stream of [1, 4, 6, 7, 8]) await page.check(`#stream-${stream}-lock`);
    await page.focus('#stream-0-slider');
    const alert = '#stream-0-error';
    assert.equal(await page.getAttribute(alert, 'role'), 'alert');
    for (const key of ['ArrowRight', 'ArrowUp', 'PageUp']) {
      await page.keyboard.press(key);
      await settle(page);
      assert.equal(await page.textContent(alert), '总额固定时，需要至少一项有金额且未锁定的其他资金来平衡', key);
      assert.equal(await page.inputValue('#stream-0-slider'), '2730000', `${key}: the thumb did not move`);
      assert.equal(await page.inputValue('#stream-0-amount'), '273');
    }
    // With the SYE projects' money free again, the step is taken from it and the reason goes.
    await page.uncheck('#stream-8-lock');
    await page.focus('#stream-0-slider');
    await page.keyboard.press('ArrowRight');
    await settle(page);
    assert.equal(await page.inputValue('#stream-0-amount'), '274');
    assert.equal(await page.inputValue('#stream-8-amount'), '9');
    assert.equal(await page.textContent(alert), '');
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(errors, []);
  });

  test('an amount typed again and refused again is said again: the alert is a new node', async () => {
    const { page, errors } = await open(browser, `${server.url}/?lang=zh-Hans`);
    await page.check('#mode-pool');
    for (const stream of [1, 4, 6, 7, 8]) await page.check(`#stream-${stream}-lock`);
    const alert = '#stream-0-error';
    const reason = '总额固定时，需要至少一项有金额且未锁定的其他资金来平衡';
    await page.fill('#stream-0-amount', '350');
    await page.press('#stream-0-amount', 'Enter');
    await page.waitForFunction((s) => document.querySelector(s).textContent.length > 0, alert);
    assert.equal(await page.textContent(alert), reason);
    await page.locator(alert).evaluate((e) => { e.dataset.first = 'yes'; });
    await page.fill('#stream-0-amount', '360');
    await page.press('#stream-0-amount', 'Enter');
    await page.waitForFunction((s) => !document.querySelector(s).dataset.first, alert);
    assert.equal(await page.textContent(alert), reason, 'the same reason, in a new alert');
    assert.equal(await page.getAttribute(alert, 'role'), 'alert');
    assert.equal(await page.locator(alert).count(), 1);
    assert.deepEqual(errors, []);
  });

  test("at the track's end an arrow key steps past it, as Page Up does (free)", async () => {
    const { page, errors } = await open(browser, `${server.url}/?lang=en`);
    await page.focus('#stream-8-slider');
    await page.keyboard.press('End');
    await settle(page);
    const end = await page.getAttribute('#stream-8-slider', 'max');
    assert.equal(await page.inputValue('#stream-8-slider'), end);
    await page.keyboard.press('ArrowRight');
    await settle(page);
    const past = String(Number(end) + 10000);
    assert.equal(await page.inputValue('#stream-8-amount'), Number(past).toLocaleString('en-US'), 'grouped');
    assert.equal(await page.inputValue('#stream-8-slider'), past);
    assert.equal(await page.getAttribute('#stream-8-slider', 'max'), past, 'the track grew');
    assert.deepEqual(errors, []);
  });
});

describe('a note', () => {
  for (const [lang, kept, cleared] of [['zh-Hans', '已保存调整说明', '已清除调整说明'], ['en', 'Note kept', 'Note removed']]) {
    test(`kept on Enter or on leaving the field, or cleared, is said (${lang})`, async () => {
      const { page, errors } = await open(browser, `${server.url}/?lang=${lang}`);
      const said = await listen(page, IMPACT);
      await page.click('#stream-7-note-open');
      await page.waitForFunction(() => document.activeElement?.id === 'stream-7-note');
      await page.keyboard.type('春季报名增加');
      await page.keyboard.press('Enter');
      await heard(page, 1);
      assert.deepEqual(await said(), [kept]);
      // Edited again and left by Tab: said again (the region empties in between).
      await page.focus('#stream-7-note');
      await page.keyboard.type('，需扩班');
      await page.keyboard.press('Tab');
      await heard(page, 2);
      assert.equal(await page.inputValue('#stream-7-note'), '春季报名增加，需扩班');
      assert.deepEqual(await said(), [kept, kept]);
      await page.fill('#stream-7-note', '');
      await page.press('#stream-7-note', 'Enter');
      await heard(page, 3);
      assert.deepEqual(await said(), [kept, kept, cleared]);
      // Left without a change: nothing more is said.
      await page.focus('#stream-7-note');
      await page.keyboard.press('Tab');
      await page.waitForTimeout(PAUSE);
      assert.equal((await said()).length, 3);
      assert.deepEqual(await axeViolations(page), []);
      assert.deepEqual(errors, []);
    });
  }
});
