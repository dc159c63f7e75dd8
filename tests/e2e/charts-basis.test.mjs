// A planner's review: the charts marked no money still sought and said nothing of what they were
// drawn on. Each bid's bar carries its status after its name; each chart, on screen and in its
// file, has a line on its basis with the totals panel's figures.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { browser, download, open, screenshot, serveAndLaunch, server, settle, textOf } from './harness.mjs';

serveAndLaunch();

const TRAINING_BASE = 3;
const ECOMMERCE_CITY = 5;

/** The texts of the streams chart. */
async function chartTexts(page) {
  await settle(page);
  return page.$$eval('#figure-streams svg text', (texts) => texts.map((t) => t.textContent.trim()));
}

/** The basis lines under the three charts (the comparison has its own, one per scenario). */
async function basisLines(page) {
  await settle(page);
  return page.$$eval('.chart:not(#figure-compare) .chart-basis', (lines) => lines.map((line) => line.textContent));
}

describe('the charts say what they are drawn on', () => {
  test('zh-Hans: bids marked, the basis follows the totals, the chart file carries it', async () => {
    const { page, errors } = await open(browser, `${server.url}/?lang=zh-Hans`);
    await page.setViewportSize({ width: 1366, height: 900 });
    const sought = await textOf(page, '#total-sought');
    assert.equal(sought, '2,030万元');
    assert.deepEqual(await basisLines(page), Array(3).fill(`统计口径：总额含正在争取的资金 ${sought}（尚未获批）`));
    // Each figure is described by its line.
    assert.equal(await page.getAttribute('#figure-kinds', 'aria-describedby'), 'figure-kinds-basis');
    let texts = await chartTexts(page);
    assert.deepEqual(texts.filter((t) => t.endsWith('（正在争取）')),
      ['公共实训基地建设（中央投资项目资金）（正在争取）', '市级电商资金（正在争取）']);
    assert.ok(texts.includes('名称后标注（正在争取）的，为尚未获批的资金'));
    await page.locator('#figure-streams').screenshot({ path: 'tests/e2e/output/charts-basis-zh-1366.png' });

    // The training base assumed granted, sought money left out of the grand total.
    await page.selectOption(`#stream-${TRAINING_BASE}-outcome`, 'granted');
    await page.uncheck('#count-sought');
    const assumed = await textOf(page, '#total-granted-assumed');
    assert.equal(assumed, '含假定获批 2,000万元');
    assert.equal(await textOf(page, '#total-sought'), '30万元');
    const line = '统计口径：正在争取的资金 30万元 未计入总额；计入假定获批 2,000万元';
    assert.deepEqual(await basisLines(page), Array(3).fill(line));
    texts = await chartTexts(page);
    assert.ok(texts.includes('公共实训基地建设（中央投资项目资金）（假定全额获批）'), texts.join('|'));
    assert.ok(texts.includes('市级电商资金（正在争取）'), texts.join('|'));

    // An outcome that changes no sum (30万元 left out either way) still changes the marker.
    await page.selectOption(`#stream-${ECOMMERCE_CITY}-outcome`, 'refused');
    texts = await chartTexts(page);
    assert.ok(texts.includes('市级电商资金（假定未获批）'), texts.join('|'));
    assert.ok(!texts.some((t) => t.endsWith('（正在争取）')));
    assert.equal((await basisLines(page))[0], '统计口径：计入假定获批 2,000万元');

    // The table gives every stream's status.
    await page.click('#figure-streams-toggle');
    const status = await page.$$eval('#figure-streams-table tbody tr', (rows) =>
      rows.map((row) => row.children[1]?.textContent));
    assert.equal(status[TRAINING_BASE], '假定全额获批');
    assert.equal(status[ECOMMERCE_CITY], '假定未获批');
    assert.equal(status[0], '已落实');

    // The file says the same line above the chart.
    const svg = (await download(page, '#download-svg-streams')).bytes.toString('utf8');
    const file = await page.evaluate((text) => {
      const root = new DOMParser().parseFromString(text, 'image/svg+xml').documentElement;
      return {
        texts: [...root.querySelectorAll(':scope > text')].map((t) => t.textContent),
        desc: root.querySelector(':scope > desc').textContent,
        markers: [...root.querySelectorAll('svg svg text')].map((t) => t.textContent.trim()),
      };
    }, svg);
    assert.equal(file.texts[2], '统计口径：计入假定获批 2,000万元');
    assert.ok(file.desc.endsWith('统计口径：计入假定获批 2,000万元'), file.desc);
    assert.ok(file.markers.includes('公共实训基地建设（中央投资项目资金）（假定全额获批）'));
    const view = await browser.newPage();
    await view.setContent(`<img src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}">`);
    await view.locator('img').evaluate((img) => img.decode());
    await view.screenshot({ path: 'tests/e2e/output/charts-basis-file-zh.png', fullPage: true });
    await view.close();
    assert.deepEqual(errors, []);
    await page.close();
  });

  for (const [lang, width] of [['zh-Hans', 375], ['en', 375], ['en', 1366]]) {
    test(`${lang} at ${width} px: marker and basis fit`, async () => {
      const { page, errors } = await open(browser, `${server.url}/?lang=${lang}`);
      await page.setViewportSize({ width, height: 900 });
      await page.selectOption(`#stream-${TRAINING_BASE}-outcome`, 'partial');
      await settle(page);
      const lines = await basisLines(page);
      assert.equal(lines.length, 3);
      if (lang === 'en') {
        assert.equal(lines[0], `Basis: the grand total includes ${await textOf(page, '#total-sought')} still being sought (not yet granted); CNY 10 million assumed granted is counted`);
      }
      // The bids' name lines end with their status, whole and inside the chart.
      const words = lang === 'en' ? ['(Assumed 50% granted)', '(Being sought)'] : ['（假定获批 50%）', '（正在争取）'];
      const ends = await page.$$eval('#figure-streams svg text', (texts, words) => {
        const svg = document.querySelector('#figure-streams svg').getBoundingClientRect();
        return words.map((word) => texts
          .filter((t) => t.textContent.trim().endsWith(word))
          .map((t) => t.getBoundingClientRect().right <= svg.right));
      }, words);
      assert.deepEqual(ends, [[true], [true]]);
      await page.locator('#figure-streams').screenshot({ path: `tests/e2e/output/charts-basis-${lang}-${width}.png` });
      assert.deepEqual(errors, []);
      await page.close();
    });
  }
});
