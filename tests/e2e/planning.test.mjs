// Issue 20 as a planner works: move money between items, cover a refused bid, in Chromium.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, browser, open, screenshot, serveAndLaunch, server, settle, textOf } from './harness.mjs';

serveAndLaunch();

const STREAM = {
  loans: 0, subsidy: 1, finance: 2, trainingBase: 3, ecommerce: 4, ecommerceCity: 5, tech: 6,
  farmer: 7, sye: 8,
};

async function amounts(page) {
  await settle(page);
  return page.$$eval('.stream-list .amount-input', (inputs) => inputs.map((input) => input.value));
}

/** Fixed pool, the training-base bid assumed not granted, the guaranteed loans locked. */
async function plannersStart(page) {
  await page.check('#mode-pool');
  await page.selectOption(`#stream-${STREAM.trainingBase}-outcome`, 'refused');
  await page.check(`#stream-${STREAM.loans}-lock`);
  await settle(page);
}

describe('moving money', () => {
  test('100万 from e-commerce projects to farmer training, exactly, one undo step', async () => {
    const { page, errors } = await open(browser, `${server.url}/?lang=zh-Hans`);
    await plannersStart(page);
    const grand = await textOf(page, '#total-grand');
    const before = await amounts(page);
    await page.selectOption('#transfer-from', String(STREAM.ecommerce));
    await page.selectOption('#transfer-to', String(STREAM.farmer));
    // Each picked item says what it holds, beside its select and in its description.
    assert.equal(await textOf(page, '#transfer-from-holds'), '现为600万元');
    assert.equal(await textOf(page, '#transfer-to-holds'), '现为75万元');
    assert.equal(await page.getAttribute('#transfer-from', 'aria-describedby'), 'transfer-from-holds');
    await page.fill('#transfer-amount', '100');
    await page.press('#transfer-amount', 'Enter');
    assert.equal(await textOf(page, '#transfer-from-holds'), '现为500万元');
    assert.equal(await textOf(page, '#transfer-to-holds'), '现为175万元');
    const moved = await amounts(page);
    const want = [...before];
    want[STREAM.ecommerce - 1] = '500'; // the unstated item has no field
    want[STREAM.farmer - 1] = '175';
    assert.deepEqual(moved, want);
    assert.equal(await textOf(page, '#total-grand'), grand, 'the fixed figure stays');
    await page.click('button[aria-keyshortcuts="Control+Z"]');
    assert.deepEqual(await amounts(page), before);
    assert.deepEqual(errors, []);
  });

  test('too much is refused with the reason, by keyboard', async () => {
    const { page, errors } = await open(browser, `${server.url}/?lang=en`);
    await page.focus('#transfer-from');
    await page.selectOption('#transfer-from', String(STREAM.sye));
    await page.fill('#transfer-amount', '200000');
    await page.keyboard.press('Enter');
    assert.match(await textOf(page, '#transfer-error'), /holds only CNY 100,000/);
    assert.equal(await page.getAttribute('#transfer-amount', 'aria-invalid'), 'true');
    assert.deepEqual(errors, []);
  });

  test('a typed transfer amount keeps its value when the language changes its unit', async () => {
    const { page, errors } = await open(browser, `${server.url}/?lang=zh-Hans`);
    await page.fill('#transfer-amount', '50');
    await page.click('#language-en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.equal(await page.inputValue('#transfer-amount'), '500,000', '50 万元 is CNY 500,000');
    await page.click('#language-zh-Hans');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-Hans');
    assert.equal(await page.inputValue('#transfer-amount'), '50');
    assert.deepEqual(errors, []);
  });

  test('a refused bid offers to cover its gap from picked items', async () => {
    const { page, errors } = await open(browser, `${server.url}/?lang=zh-Hans`);
    await page.selectOption(`#stream-${STREAM.ecommerceCity}-outcome`, 'refused');
    const grand = await textOf(page, '#total-grand');
    await page.click(`#stream-${STREAM.ecommerceCity} .cover summary, li:has(#stream-${STREAM.ecommerceCity}-name) .cover summary`);
    // Nothing picked: the reason is said beside the button, and the amount is not blamed.
    await page.click(`#stream-${STREAM.ecommerceCity}-cover-button`);
    assert.match(await textOf(page, `#stream-${STREAM.ecommerceCity}-cover-error`), /至少选择一项/);
    assert.equal(await page.getAttribute(`#stream-${STREAM.ecommerceCity}-amount`, 'aria-invalid'), 'false');
    // What the picked items hold is said as they are picked: too little before any press.
    const tally = `#stream-${STREAM.ecommerceCity}-cover-tally`;
    await page.check(`#stream-${STREAM.ecommerceCity}-cover-${STREAM.sye}`);
    assert.match(await textOf(page, tally), /合计10万元，不足以补足缺口30万元/);
    await page.uncheck(`#stream-${STREAM.ecommerceCity}-cover-${STREAM.sye}`);
    await page.check(`#stream-${STREAM.ecommerceCity}-cover-${STREAM.tech}`);
    assert.match(await textOf(page, tally), /合计600万元，足以补足缺口/);
    await page.click(`#stream-${STREAM.ecommerceCity}-cover-button`);
    const now = await amounts(page);
    assert.equal(now[STREAM.tech - 1], '570');
    assert.equal(await textOf(page, '#total-grand'), grand);
    // The bid says it was made up from other items, not that it was granted in full.
    assert.equal(await page.inputValue(`#stream-${STREAM.ecommerceCity}-outcome`), 'covered');
    assert.equal(await textOf(page, `#stream-${STREAM.ecommerceCity}-name ~ .badge`), '假定未获批·已补足');
    assert.match(await page.locator(`#stream-${STREAM.ecommerceCity}-outcome option:checked`).innerText(), /未获批，缺口已由其他资金补足/);
    assert.deepEqual(errors, []);
  });

  test('tech +200万 buys about 34 projects (+8) at the source\'s unit cost', async () => {
    const { page, errors } = await open(browser, `${server.url}/?lang=zh-Hans`);
    assert.equal(await textOf(page, '#per-unit-tech-projects .units'), '26 个科技项目（±0）');
    await page.fill(`#stream-${STREAM.tech}-amount`, '800');
    await page.press(`#stream-${STREAM.tech}-amount`, 'Enter');
    assert.equal(await textOf(page, '#per-unit-tech-projects .units'), '约 34 个科技项目（+8）');
    await page.click('#per-unit-tech-projects summary');
    assert.match(await textOf(page, '#per-unit-tech-projects .unit-cost'), /每个科技项目 约 23\.08万元.*600万元 ÷ 26/s);
    assert.equal(await page.locator('[id^="per-unit-"]').count(), 1, 'no per-trainee division');
    assert.match(await textOf(page, '.summary'), /64名返乡创业人员/);
    await page.locator('.per-unit').screenshot({ path: 'tests/e2e/output/planning-units-zh-Hans.png' });
    assert.deepEqual(errors, []);
  });

  for (const [width, height] of [[375, 812], [1366, 768]]) {
    test(`the impact stays in view at ${width}x${height}`, async () => {
      const { page, errors } = await open(browser, `${server.url}/?lang=zh-Hans`);
      await page.setViewportSize({ width, height });
      await settle(page);
      const inView = (selector) => page.locator(selector).first().evaluate((el) => {
        const r = el.getBoundingClientRect();
        return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight;
      });
      await page.screenshot({ path: `tests/e2e/output/planning-impact-${width}-load.png` });
      if (width === 1366) {
        // The first chart, the shares by kind, is whole in the first viewport.
        const box = await page.locator('.chart .chart-svg').first().evaluate((el) => {
          const r = el.getBoundingClientRect();
          return { top: r.top, bottom: r.bottom, height: window.innerHeight };
        });
        assert.ok(box.top >= 0 && box.bottom <= box.height, `the first chart in view: ${JSON.stringify(box)}`);
      }
      const last = `#stream-${STREAM.sye}-slider`;
      await page.locator(last).scrollIntoViewIfNeeded();
      await page.focus(last);
      await page.keyboard.press('ArrowRight');
      await settle(page);
      assert.ok(await inView('#impact-grand'), 'the grand total in view after the last slider');
      assert.ok(await inView('#impact-change'), 'its change in view');
      assert.equal(await textOf(page, '#impact-change'), '+1万元（+<0.1%）');
      // Two lines of text at most, with an assumed outcome shown too.
      await page.selectOption(`#stream-${STREAM.trainingBase}-outcome`, 'refused');
      await settle(page);
      const lines = await page.$$eval('.impact-line', (ps) => ps.map((p) =>
        Math.round(p.getBoundingClientRect().height / parseFloat(getComputedStyle(p).lineHeight))));
      assert.deepEqual(lines, [1, 1]);
      await page.screenshot({ path: `tests/e2e/output/planning-impact-${width}-moved.png` });
      assert.deepEqual(errors, []);
    });
  }

  test('the impact bar says what is assumed, and is heard once the moves pause', async () => {
    const { page, errors } = await open(browser, `${server.url}/?lang=zh-Hans`);
    await page.selectOption(`#stream-${STREAM.trainingBase}-outcome`, 'refused');
    assert.equal(await textOf(page, '#impact-assumed'), '假定 1 项未获批');
    assert.equal(await textOf(page, '#impact-grand'), '资金总额 1,788万元');
    const live = page.locator('.impact-bar [aria-live="polite"]');
    await page.waitForFunction(() => document.querySelector('.impact-bar [aria-live="polite"]').textContent.includes('1,788'));
    assert.match(await live.textContent(), /资金总额 1,788万元；较基准 -2,000万元/);
    assert.deepEqual(errors, []);
  });

  test('sliders tell the truth: source mark, ends, locked look, the outcome as the badge', async () => {
    const { page, errors } = await open(browser, `${server.url}/?lang=zh-Hans`);
    await page.check('#mode-pool');
    await page.check(`#stream-${STREAM.loans}-lock`);
    await page.selectOption(`#stream-${STREAM.trainingBase}-outcome`, 'refused');
    await settle(page);
    // The same range in both modes: the farmer-training thumb is where 75万 of 150万 is.
    assert.equal(await page.getAttribute(`#stream-${STREAM.farmer}-slider`, 'max'), '1500000');
    assert.equal(await page.inputValue(`#stream-${STREAM.loans}-slider`), '2730000');
    assert.equal(await page.getAttribute(`li:has(#stream-${STREAM.farmer}-name) .slider-mark line`, 'x1'), '50.0%');
    // The ends are named for a screen reader (hidden on screen).
    assert.match(await textOf(page, `#stream-${STREAM.farmer}-scale`), /^最小\s*0万元\s*┃ 来源数字 75万元\s*最大\s*150万元$/);
    assert.equal(await page.locator(`li:has(#stream-${STREAM.loans}-name) .slider-lock`).count(), 1);
    assert.equal(await textOf(page, `#stream-${STREAM.trainingBase}-name ~ .badge`), '假定未获批');
    await page.locator(`li:has(#stream-${STREAM.loans}-name)`).screenshot({ path: 'tests/e2e/output/planning-locked-row.png' });
    await page.locator(`li:has(#stream-${STREAM.trainingBase}-name)`).screenshot({ path: 'tests/e2e/output/planning-refused-row.png' });
    await page.locator('#figure-streams').screenshot({ path: 'tests/e2e/output/planning-refused-chart.png' });
    assert.deepEqual(errors, []);
  });

  for (const lang of ['zh-Hans', 'en', 'zh-Hant']) {
    for (const [width, height] of [[375, 812], [1366, 768]]) {
      test(`screens at ${width}x${height} in ${lang}, no axe violations`, async () => {
        const { page, errors } = await open(browser, `${server.url}/?lang=${lang}`);
        await page.setViewportSize({ width, height });
        await page.selectOption(`#stream-${STREAM.trainingBase}-outcome`, 'partial');
        await page.click(`li:has(#stream-${STREAM.trainingBase}-name) .cover summary`);
        await settle(page);
        await page.screenshot({ path: `tests/e2e/output/planning-${lang}-${width}-top.png` });
        const lines = await page.$$eval('.impact-line', (ps) => ps.map((p) =>
          Math.round(p.getBoundingClientRect().height / parseFloat(getComputedStyle(p).lineHeight))));
        // With a bid assumed, what is granted is said as partly assumed: on a phone that line
        // may wrap once.
        assert.deepEqual(lines, [1, width < 600 ? Math.min(lines[1], 2) : 1], 'the impact bar in two or three lines');
        await screenshot(page, `planning-${lang}-${width}`);
        await page.locator('.transfer').screenshot({ path: `tests/e2e/output/planning-${lang}-${width}-transfer.png` });
        await page.locator(`li:has(#stream-${STREAM.trainingBase}-name)`).screenshot({ path: `tests/e2e/output/planning-${lang}-${width}-bid.png` });
        assert.deepEqual(await axeViolations(page), []);
        assert.deepEqual(errors, []);
      });
    }
  }
});

describe('the impact bar for a screen reader', () => {
  test('speaks once a change pauses; not on opening, not on a language switch', async () => {
    const { page, errors } = await open(browser, `${server.url}/?lang=zh-Hans`);
    const spoken = () => textOf(page, '.impact-bar [role="status"]');
    const pause = () => page.waitForTimeout(1300);
    await pause();
    assert.equal(await spoken(), '', 'nothing said on opening');
    // The change beside the total is named for a screen reader.
    assert.equal(await page.locator('#impact-change').evaluate((e) => e.previousElementSibling.textContent), '较基准');
    await page.focus('#stream-0-slider');
    await page.keyboard.press('PageUp');
    await pause();
    // A loaded machine may speak later than the pause.
    await page.waitForFunction(() => document.querySelector('.impact-bar [role="status"]').textContent.trim() !== '', null, { timeout: 10_000 }).catch(() => {});
    assert.match(await spoken(), /3,798万元；较基准 \+10万元/);
    await page.click('#language-en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await pause();
    assert.equal(await spoken(), '', 'the same figures are not said again in English');
    assert.deepEqual(errors, []);
  });
});

describe('granted money that is only assumed', () => {
  test('is said as assumed wherever granted money is shown', async () => {
    const { page, errors } = await open(browser, `${server.url}/?lang=zh-Hans`);
    assert.equal(await page.locator('#total-granted-assumed').count(), 0, 'nothing assumed yet');
    await page.selectOption(`#stream-${STREAM.trainingBase}-outcome`, 'partial');
    await page.fill(`#stream-${STREAM.trainingBase}-percent`, '40');
    await page.press(`#stream-${STREAM.trainingBase}-percent`, 'Enter');
    await page.waitForSelector('#total-granted-assumed');
    assert.equal(await textOf(page, '#total-granted'), '2,558万元');
    assert.equal(await textOf(page, '#total-granted-assumed'), '含假定获批 800万元');
    assert.match(await textOf(page, '#impact-assumed'), /假定 1 项部分获批/);
    assert.equal(await textOf(page, '#impact-parts'), '已获得或假定获批 2,558万元 · 正在争取 30万元');
    // A bid assumed granted in full is said too, beside one in part.
    await page.selectOption(`#stream-${STREAM.ecommerceCity}-outcome`, 'granted');
    await page.waitForFunction(() => /全额/.test(document.querySelector('#impact-assumed')?.textContent));
    assert.equal(await textOf(page, '#impact-assumed'), '假定 1 项全额获批，1 项部分获批');
    assert.equal(await textOf(page, '#impact-parts'), '已获得或假定获批 2,588万元 · 正在争取 0万元');
    // Granted money only: the total says it holds assumed money too.
    await page.uncheck('#count-sought');
    assert.match(await textOf(page, '#impact-grand'), /已获得及假定获批/);
    assert.deepEqual(errors, []);
  });
});
