// The explorer end to end, as a planner uses it: the release build in headless Chromium.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { browser, edgeShades, open, screenshot, serveAndLaunch, server, textOf, untilText, untilValue } from './harness.mjs';

serveAndLaunch();

/** The row of the stream with this id's position in the Muchuan dataset. */
const STREAM = {
  loans: 0, subsidy: 1, finance: 2, trainingBase: 3, ecommerce: 4, ecommerceCity: 5, tech: 6,
  farmer: 7, sye: 8,
};
const amountInput = (i) => `#stream-${i}-amount`;
const slider = (i) => `#stream-${i}-slider`;

async function amounts(page) {
  return page.$$eval('.amount-input', (inputs) => inputs.map((input) => input.value));
}

describe('the Muchuan explorer', () => {
  test('shows the eight amounts, the unstated stream and the seed totals', async () => {
    const { page, errors, warnings } = await open(browser, `${server.url}/?lang=zh-Hans`);
    assert.equal(await page.locator('.stream').count(), 9);
    assert.equal(await page.locator('.amount-input').count(), 8);
    assert.deepEqual(await amounts(page), ['273', '200', '2000', '600', '30', '600', '75', '10']);
    assert.match(await textOf(page, `#stream-${STREAM.finance}-name`), /倾斜/);
    assert.equal(await page.locator('.stream.is-unstated .slider').count(), 0);
    // Under the totals, in Chinese punctuation; in the agency table, where a phone sees it.
    assert.equal(await textOf(page, '.unstated-list li'), '就业资金分配重点倾斜：来源未说明金额');
    const note = await page.locator('#by-agency td[colspan]').evaluate((td) => getComputedStyle(td).textAlign);
    assert.equal(note, 'start');
    assert.equal(await textOf(page, '#total-grand'), '3,788万元');
    assert.equal(await textOf(page, '#total-granted'), '1,758万元');
    assert.equal(await textOf(page, '#total-sought'), '2,030万元');
    await screenshot(page, 'desktop-zh-Hans');
    await page.setViewportSize({ width: 360, height: 800 });
    await screenshot(page, 'phone-zh-Hans');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(overflow <= 360, `no sideways scrolling at 360 px (page is ${overflow} px wide)`);
    assert.deepEqual(errors, []);
    assert.deepEqual(warnings, [], 'a webmaster opening the console on the page sees nothing');
    // On its own page the explorer has the page's landmarks.
    for (const role of ['banner', 'main', 'contentinfo']) {
      assert.equal(await page.getByRole(role).count(), 1, role);
    }
    assert.equal(await page.locator('main section.data-source').count(), 1, 'loading data is content');
  });

  test('moving the loans slider by keyboard changes the totals', async () => {
    const { page, errors } = await open(browser, `${server.url}/?lang=zh-Hans`);
    const chartBefore = await page.locator('#figure-streams svg').innerHTML();
    assert.match(chartBefore, />\s*273万元\s*</);
    // The chart is patched in place: the label's own text node takes the new amount.
    await page.$$eval('#figure-streams svg text', (texts) => {
      window.__loansLabel = texts.find((t) => t.textContent.trim() === '273万元')?.firstChild;
    });
    await page.focus(slider(STREAM.loans));
    for (let i = 0; i < 5; i += 1) await page.keyboard.press('ArrowRight');
    await untilValue(page, amountInput(STREAM.loans), '278');
    await untilText(page, '#total-grand', '3,793万元');
    assert.equal(await page.inputValue(amountInput(STREAM.loans)), '278');
    assert.equal(await textOf(page, '#total-grand'), '3,793万元');
    assert.equal(await textOf(page, '#total-granted'), '1,763万元');
    const chartAfter = await page.locator('#figure-streams svg').innerHTML();
    assert.match(chartAfter, />\s*278万元\s*</, 'the bar chart follows the slider');
    assert.match(chartAfter, /基准 273万元/, 'with the baseline beside it');
    assert.deepEqual(
      await page.evaluate(() => [window.__loansLabel?.isConnected, window.__loansLabel?.data.trim()]),
      [true, '278万元'],
      'the label kept its text node',
    );
    await page.keyboard.press('PageDown');
    await untilValue(page, amountInput(STREAM.loans), '268');
    assert.equal(await page.inputValue(amountInput(STREAM.loans)), '268');
    assert.equal(await textOf(page, '#total-grand'), '3,783万元');
    assert.equal(await page.getAttribute(slider(STREAM.loans), 'aria-valuetext'), '268万元');
    assert.deepEqual(errors, []);
  });

  test('typing an exact amount is kept exactly, and bad input is explained', async () => {
    const { page, errors } = await open(browser, `${server.url}/?lang=zh-Hans`);
    await page.fill(amountInput(STREAM.loans), '300.1234');
    await page.press(amountInput(STREAM.loans), 'Enter');
    assert.equal(await textOf(page, '#total-grand'), '3,815.1234万元');
    assert.match(await page.locator('#figure-streams svg').innerHTML(), />\s*300\.1234万元\s*</);
    await page.click('#figure-kinds button');
    const kindTable = await page.locator('#figure-kinds-table').innerText();
    assert.match(kindTable, /贷款\s+300\.1234万元/, 'the kinds chart data follows the typed amount');
    await page.fill(amountInput(STREAM.loans), 'abc');
    await page.press(amountInput(STREAM.loans), 'Enter');
    assert.equal(await page.getAttribute(amountInput(STREAM.loans), 'aria-invalid'), 'true');
    assert.match(await textOf(page, `#stream-${STREAM.loans}-error`), /万元/);
    assert.equal(await textOf(page, '#total-grand'), '3,815.1234万元', 'bad input changes nothing');
    assert.deepEqual(errors, []);
  });

  test("a unit typed with the amount wins over the page's", async () => {
    const { page, errors } = await open(browser, `${server.url}/?lang=en`);
    await page.fill(amountInput(STREAM.loans), '283万元');
    await page.press(amountInput(STREAM.loans), 'Enter');
    await untilValue(page, amountInput(STREAM.loans), '2,830,000');
    assert.equal(await textOf(page, '#total-grand'), 'CNY 37.98 million');
    assert.deepEqual(errors, []);
  });

  test('in a fixed pool the grand total stays while the others shrink in proportion', async () => {
    const { page, errors } = await open(browser, `${server.url}/?lang=zh-Hans`);
    await page.check('#mode-pool');
    await page.fill(amountInput(STREAM.loans), '373');
    await page.press(amountInput(STREAM.loans), 'Enter');
    assert.equal(await textOf(page, '#total-grand'), '3,788万元');
    const after = (await amounts(page)).map((wan) => Math.round(Number(wan) * 10000));
    const before = [2730000, 2000000, 20000000, 6000000, 300000, 6000000, 750000, 100000];
    assert.equal(after[0], 3730000);
    // The bids still being sought (the training base, the city e-commerce funds) are no money
    // in hand: they keep their amounts. The rest give in proportion, in whole 万 (largest
    // remainder on 万).
    // (Positions among the stated amounts, which leave out the finance priority.)
    const sought = new Set([2, 4]);
    const givers = before.map((amount, i) => ({ amount, i })).filter(({ i }) => i !== 0 && !sought.has(i));
    const giversBefore = givers.reduce((sum, { amount }) => sum + amount, 0);
    for (const i of sought) assert.equal(after[i], before[i], `sought stream ${i} keeps its amount`);
    for (const { amount, i } of givers) {
      const taken = amount - after[i];
      const exact = (1000000 * amount) / giversBefore;
      assert.equal(taken % 10000, 0, `stream ${i} gives ${taken}, a whole 万`);
      assert.ok(Math.abs(taken - exact) < 10000, `stream ${i} gives ${taken}, in proportion ${exact}`);
    }
    assert.equal(after.reduce((a, b) => a + b, 0), 37880000);
    assert.deepEqual(errors, []);
  });

  test('counting sought funds off leaves the granted 1,758万元', async () => {
    const { page, errors } = await open(browser, `${server.url}/?lang=zh-Hans`);
    await page.uncheck('#count-sought');
    assert.equal(await textOf(page, '#total-grand'), '1,758万元');
    // The sought money is still there, only left out of the total.
    assert.equal(await textOf(page, '#total-sought'), '2,030万元');
    assert.match(await textOf(page, '.figure.sought'), /未计入总额/);
    await page.waitForSelector('#compare-sought');
    assert.match(await textOf(page, '#compare-sought'), /2,030万元\s+2,030万元/, 'the comparison agrees');
    await page.check('#count-sought');
    assert.equal(await textOf(page, '#total-grand'), '3,788万元');
    assert.deepEqual(errors, []);
  });

  test('the charts come with the rest of the page in its HTML, then fit their width in place', async () => {
    for (const width of [1280, 360]) {
      const page = await browser.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(error.message));
      try {
        await page.setViewportSize({ width, height: 800 });
        // As on a slow office PC.
        const cdp = await browser.newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
        // Notes every chart put into the page, and the charts the HTML itself brings (the
        // prerendered first screen, before any script has run).
        await page.addInitScript(() => {
          const charts = '.charts figure.chart svg';
          window.__charts = { parsed: [], added: new Set() };
          new MutationObserver((records) => {
            for (const record of records) {
              for (const node of record.addedNodes) {
                if (node.nodeType !== Node.ELEMENT_NODE) continue;
                const svgs = node.matches(charts) ? [node] : [...node.querySelectorAll(charts)];
                for (const svg of svgs) window.__charts.added.add(svg);
              }
            }
          }).observe(document, { childList: true, subtree: true });
          document.addEventListener('DOMContentLoaded', () => {
            window.__charts.parsed = [...document.querySelectorAll(charts)];
          });
        });
        await page.goto(`${server.url}/?lang=en`);
        await page.waitForSelector('html[data-ready]');
        const { parsed, added } = await page.evaluate(() => ({
          parsed: window.__charts.parsed.filter((svg) => svg.isConnected).length,
          added: [...window.__charts.added].map((svg) => svg.getAttribute('viewBox')),
        }));
        const final = await page.$$eval('.charts figure.chart svg', (svgs) =>
          svgs.map((svg) => svg.getAttribute('viewBox')),
        );
        assert.equal(final.length, 3, `three charts at ${width} px`);
        assert.equal(parsed, 3, `at ${width} px the HTML brings the three charts, which stay`);
        assert.deepEqual(added, final, `at ${width} px each chart is put in once, then fitted in place`);
        const fitted = Math.floor(
          (await page.$eval('section.charts', (section) => section.clientWidth)) / 40,
        ) * 40;
        assert.ok(final.every((box) => box.startsWith(`0 0 ${fitted} `)), `drawn at ${fitted} px: ${final}`);
        assert.deepEqual(errors, []);
      } finally {
        await page.close();
      }
    }
  });

  test('English shows CNY and no Chinese interface words', async () => {
    const { page, errors } = await open(browser, `${server.url}/?lang=en`);
    assert.equal(await textOf(page, '#total-grand'), 'CNY 37.88 million');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await screenshot(page, 'desktop-en');
    // With changes in, the two totals tables still fit the results column on a desktop: the
    // long English amounts share the room with names broken only between words.
    await page.focus(slider(STREAM.loans));
    for (let i = 0; i < 3; i += 1) await page.keyboard.press('PageUp');
    await page.focus(slider(STREAM.ecommerce));
    await page.keyboard.press('PageDown');
    await untilValue(page, amountInput(STREAM.ecommerce), '5,900,000');
    // The headline follows every key; the tables follow once the keys pause.
    assert.equal(await textOf(page, '#total-grand'), 'CNY 38.08 million');
    await page.waitForFunction(
      () => /\+CNY 300,000 \(\+11\.0%\)/.test(document.querySelector('#by-kind')?.innerText ?? ''),
      null, { timeout: 3000 });
    const overflow = await page.$$eval('.totals .table-scroll', (boxes) =>
      boxes.map((box) => box.scrollWidth - box.clientWidth),
    );
    assert.deepEqual(overflow, [0, 0], 'no sideways scrolling in the totals tables at 1280 px');
    await page.setViewportSize({ width: 320, height: 800 });
    await screenshot(page, 'phone-en');
    // A table that scrolls sideways shows a shadow at the edge that hides columns, and none at
    // the edge where it ends; one that fits shows none. (At 375 px the tables fit: see
    // totals-phone.test.mjs; on the narrowest phones the English one scrolls.)
    const byKind = page.locator('.totals .table-scroll').first();
    assert.deepEqual(await edgeShades(page, byKind), { left: false, right: true }, 'at its start');
    await byKind.evaluate((box) => { box.scrollLeft = box.scrollWidth; });
    assert.deepEqual(await edgeShades(page, byKind), { left: true, right: false }, 'at its end');
    await page.setViewportSize({ width: 1280, height: 800 });
    assert.deepEqual(await edgeShades(page, byKind), { left: false, right: false }, 'fitting');
    await page.setViewportSize({ width: 320, height: 800 });
    // On a phone the charts' tables scroll sideways rather than break names inside a word
    // ("Entrepr/eneurship"): each word of a row's name sits on one line.
    for (const figure of ['streams', 'kinds', 'flow']) await page.click(`#figure-${figure} button`);
    const brokenWords = await page.$$eval('.chart-table tbody tr > :is(th, td:not(.num))', (cells) =>
      cells.flatMap((cell) => {
        const text = cell.firstChild;
        if (!text || text.nodeType !== Node.TEXT_NODE) return [];
        // A line may end after a hyphen ("central-/government"), so parts between hyphens count.
        return [...text.data.matchAll(/[^\s-]+/g)].flatMap((word) => {
          const range = document.createRange();
          range.setStart(text, word.index);
          range.setEnd(text, word.index + word[0].length);
          return range.getClientRects().length > 1 ? [word[0]] : [];
        });
      }),
    );
    assert.deepEqual(brokenWords, [], 'no word of a name is split across lines');
    const kindColumn = await page.$$eval('#figure-flow-table tbody tr:first-child > *', (cells) =>
      cells.map((cell) => getComputedStyle(cell).textAlign),
    );
    assert.deepEqual(kindColumn, ['left', 'left', 'right'], 'agency and kind read as names');
    assert.deepEqual(errors, []);
  });
});
