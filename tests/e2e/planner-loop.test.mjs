// Review 15, items 9, 6 and 8, as a planner works the what-if loop: a transfer says what moved
// and is not made twice by a second press; in English an amount moves in whole CNY 10,000; a
// shortfall that all the money in hand cannot make up says so, its button off.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, browser, open, screenshot, serveAndLaunch, server, settle, textOf } from './harness.mjs';

serveAndLaunch();

const STREAM = { loans: 0, subsidy: 1, trainingBase: 3, ecommerce: 4, tech: 6, farmer: 7, sye: 8 };
const GIVERS = [STREAM.loans, STREAM.subsidy, STREAM.ecommerce, STREAM.tech, STREAM.farmer, STREAM.sye];

async function amount(page, stream) {
  await settle(page);
  return page.inputValue(`#stream-${stream}-amount`);
}

async function transfer(page, from, to, typed) {
  await page.selectOption('#transfer-from', String(from));
  await page.selectOption('#transfer-to', String(to));
  await page.fill('#transfer-amount', typed);
  await page.press('#transfer-amount', 'Enter');
  await settle(page);
}

describe('a transfer says what it moved', () => {
  test('said beside the form, the box cleared, a second press moves nothing, undo', async () => {
    const { page, errors } = await open(browser, `${server.url}/?lang=zh-Hans`);
    assert.equal(await page.getAttribute('#transfer-done', 'role'), 'status');
    await transfer(page, STREAM.ecommerce, STREAM.farmer, '50');
    assert.equal(await textOf(page, '#transfer-done'), '已从“电商项目资金”调出50万元到“新型职业农民培育资金”。');
    assert.equal(await page.inputValue('#transfer-amount'), '', 'the amount is done with');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'transfer-amount', 'the focus stays');
    assert.equal(await amount(page, STREAM.ecommerce), '550');
    // A second press (the button this time) moves nothing: there is no amount.
    await page.click('#transfer-submit');
    assert.equal(await amount(page, STREAM.ecommerce), '550');
    assert.equal(await amount(page, STREAM.farmer), '125');
    assert.notEqual(await textOf(page, '#transfer-error'), '');
    assert.equal(await textOf(page, '#transfer-done'), '', 'the empty press is the news now');
    // Undo takes the move back, and it is no longer said to have happened.
    await transfer(page, STREAM.ecommerce, STREAM.farmer, '50');
    assert.equal(await amount(page, STREAM.farmer), '175');
    await page.click('button[aria-keyshortcuts="Control+Z"]');
    assert.equal(await amount(page, STREAM.farmer), '125');
    assert.equal(await textOf(page, '#transfer-done'), '');
    assert.deepEqual(errors, []);
  });

  test('in Traditional Chinese and English, in their own words', async () => {
    const { page, errors } = await open(browser, `${server.url}/?lang=zh-Hant`);
    await transfer(page, STREAM.tech, STREAM.sye, '20');
    assert.equal(await textOf(page, '#transfer-done'), '已從「科技項目扶持」調出20萬元到「SYE項目資金（青年創業項目）」。');
    await page.click('#language-en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.equal(await textOf(page, '#transfer-done'),
      'Moved CNY 200,000 from “Science & technology projects” to “SYE youth entrepreneurship project”.');
    assert.deepEqual(errors, []);
  });
});

describe('in English an amount moves in whole CNY 10,000', () => {
  test('100 is refused with the reason and nothing moves; 1,000,000 moves CNY 1 million', async () => {
    const { page, errors } = await open(browser, `${server.url}/?lang=en`);
    // The exact amounts are grouped as English readers count digits.
    assert.equal(await amount(page, STREAM.trainingBase), '20,000,000');
    const before = [await amount(page, STREAM.ecommerce), await amount(page, STREAM.farmer)];
    await transfer(page, STREAM.ecommerce, STREAM.farmer, '100');
    assert.equal(await textOf(page, '#transfer-error'),
      '100 is not a whole number of CNY 10,000, and amounts move in whole CNY 10,000: for CNY 1 million, type 1,000,000.');
    assert.equal(await page.getAttribute('#transfer-amount', 'aria-invalid'), 'true');
    assert.equal(await page.inputValue('#transfer-amount'), '100', 'kept, to correct');
    assert.deepEqual([await amount(page, STREAM.ecommerce), await amount(page, STREAM.farmer)], before);
    assert.equal(await textOf(page, '#transfer-done'), '');
    await transfer(page, STREAM.ecommerce, STREAM.farmer, '1,000,000');
    assert.equal(await textOf(page, '#transfer-done'),
      'Moved CNY 1 million from “E-commerce projects” to “New-type professional farmer cultivation”.');
    assert.equal(await amount(page, STREAM.ecommerce), '5,000,000');
    assert.equal(await amount(page, STREAM.farmer), '1,750,000');
    assert.equal(await textOf(page, '#transfer-error'), '');
    assert.deepEqual(errors, []);
  });

  test('the stream\'s own box is held to the same rule', async () => {
    const { page, errors } = await open(browser, `${server.url}/?lang=en`);
    await page.fill(`#stream-${STREAM.loans}-amount`, '300');
    await page.press(`#stream-${STREAM.loans}-amount`, 'Enter');
    assert.equal(await textOf(page, `#stream-${STREAM.loans}-error`),
      '300 is not a whole number of CNY 10,000, and amounts move in whole CNY 10,000: for CNY 3 million, type 3,000,000.');
    assert.equal(await textOf(page, '#total-grand'), 'CNY 37.88 million', 'nothing moved');
    await page.fill(`#stream-${STREAM.loans}-amount`, '3000000');
    await page.press(`#stream-${STREAM.loans}-amount`, 'Enter');
    assert.equal(await amount(page, STREAM.loans), '3,000,000');
    assert.equal(await textOf(page, '#total-grand'), 'CNY 38.15 million');
    assert.deepEqual(errors, []);
  });
});

describe('a shortfall all the money in hand cannot make up', () => {
  test('the tally says so, the button is off with that reason, stale errors go', async () => {
    const { page, errors } = await open(browser, `${server.url}/?lang=zh-Hans`);
    await page.selectOption(`#stream-${STREAM.trainingBase}-outcome`, 'refused');
    const part = (name) => `#stream-${STREAM.trainingBase}-cover-${name}`;
    await page.click(`li:has(#stream-${STREAM.trainingBase}-name) .cover summary`);
    // Pressed with nothing picked: the reason, gone once an item is picked.
    await page.click(part('button'));
    assert.match(await textOf(page, part('error')), /至少选择一项/);
    await page.check(part(STREAM.tech));
    assert.equal(await textOf(page, part('error')), '', 'the error was about no item picked');
    // One picked: what it holds, and that all of them would not do either.
    assert.equal(await textOf(page, part('tally')),
      '所选项目合计600万元；现有可调出的资金全部选上也只有1,758万元，仍差242万元，无法补足缺口2,000万元。');
    assert.equal(await page.getAttribute(part('button'), 'aria-disabled'), 'true');
    for (const giver of GIVERS) await page.check(part(giver));
    assert.equal(await textOf(page, part('tally')),
      '现有可调出的资金全部选上也只有1,758万元，仍差242万元，无法补足缺口2,000万元。');
    assert.equal(await page.getAttribute(part('button'), 'aria-disabled'), 'true');
    const described = (await page.getAttribute(part('button'), 'aria-describedby')).split(' ');
    assert.ok(described.includes(`stream-${STREAM.trainingBase}-cover-tally`), described.join(' '));
    // Off but in the tab order, its reason read on focus: pressed, it moves nothing.
    await page.focus(part('button'));
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.id), `stream-${STREAM.trainingBase}-cover-button`);
    assert.equal(await amount(page, STREAM.tech), '600');
    await page.setViewportSize({ width: 375, height: 800 });
    await page.locator(`li:has(#stream-${STREAM.trainingBase}-name) .cover`).screenshot({
      path: 'tests/e2e/output/planner-loop-cover-zh-Hans-375.png',
    });
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(errors, []);
  });

  test('enough picked, the button is on; too few of enough, it says to pick more', async () => {
    const { page, errors } = await open(browser, `${server.url}/?lang=en`);
    await page.selectOption('#stream-5-outcome', 'refused');
    await page.click('li:has(#stream-5-name) .cover summary');
    await page.check(`#stream-5-cover-${STREAM.sye}`);
    assert.match(await textOf(page, '#stream-5-cover-tally'), /hold only CNY 100,000, less than the gap of CNY 300,000: pick more items/);
    assert.equal(await page.getAttribute('#stream-5-cover-button', 'aria-disabled'), 'true');
    await page.check(`#stream-5-cover-${STREAM.tech}`);
    assert.equal(await page.getAttribute('#stream-5-cover-button', 'aria-disabled'), null);
    await page.click('#stream-5-cover-button');
    assert.equal(await page.inputValue('#stream-5-outcome'), 'covered');
    assert.deepEqual(errors, []);
  });
});

describe('screens', () => {
  for (const lang of ['zh-Hans', 'en']) {
    for (const width of [375, 1366]) {
      test(`the transfer form after a move at ${width} in ${lang}`, async () => {
        const { page, errors } = await open(browser, `${server.url}/?lang=${lang}`);
        await page.setViewportSize({ width, height: 900 });
        await transfer(page, STREAM.ecommerce, STREAM.farmer, lang === 'en' ? '100' : '50');
        await page.locator('.transfer').screenshot({ path: `tests/e2e/output/planner-loop-${lang}-${width}-refused.png` });
        await transfer(page, STREAM.ecommerce, STREAM.farmer, lang === 'en' ? '500000' : '50');
        await page.locator('.transfer').screenshot({ path: `tests/e2e/output/planner-loop-${lang}-${width}-moved.png` });
        // The training base's row: its exact amount, grouped in English (20,000,000).
        await page.locator(`li:has(#stream-${STREAM.trainingBase}-name) .amount-line`).screenshot({
          path: `tests/e2e/output/planner-loop-${lang}-${width}-amount.png`,
        });
        await screenshot(page, `planner-loop-${lang}-${width}`);
        assert.deepEqual(await axeViolations(page), []);
        assert.deepEqual(errors, []);
      });
    }
  }
});
