// A planner compares "all bids granted" with "bids pending": the comparison chart marked no bid,
// drew money left out of a grand total like money in it, and said nothing of what each total
// counts. Each bid's bar now says its standing in its scenario, the part a total leaves out is
// outlined, and one basis line per scenario sits under the title, on screen and in the file.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { browser, download, settle, textOf } from './harness.mjs';
import { fresh, save, serveScenarios } from './scenario-helpers.mjs';

serveScenarios();

const TRAINING_BASE = 3;

/** The texts drawn in the comparison chart. */
async function chartTexts(page) {
  await settle(page);
  return page.$$eval('#figure-compare svg text', (texts) => texts.map((t) => t.textContent.trim()));
}

/** The unfilled boxes (money not counted, and the legend's swatch) per stroke colour. */
async function outlines(page) {
  return page.$$eval('#figure-compare svg polyline', (lines) => {
    const count = {};
    for (const line of lines) {
      const points = line.getAttribute('points').trim().split(/\s+/);
      if (points.length === 5 && points[0] === points[4]) {
        const colour = line.getAttribute('stroke');
        count[colour] = (count[colour] ?? 0) + 1;
      }
    }
    return count;
  });
}

/** Saves the training base granted as `granted`, pending as `pending`, and compares the two. */
async function compareBids(page, granted, pending) {
  await page.uncheck('#count-sought');
  await page.selectOption(`#stream-${TRAINING_BASE}-outcome`, 'granted');
  await save(page, granted);
  await page.selectOption(`#stream-${TRAINING_BASE}-outcome`, 'pending');
  await save(page, pending);
  await page.selectOption('#compare-first', 'saved:s1');
  await page.selectOption('#compare-second', 'saved:s2');
  await settle(page);
}

describe('the comparison says which money each scenario assumes', () => {
  test('zh-Hans: the pending bid marked and outlined, each basis stated, the file the same', async () => {
    const { page, errors } = await fresh('/?lang=zh-Hans');
    await page.setViewportSize({ width: 1366, height: 900 });
    await compareBids(page, '全部获批', '争取中');
    const texts = await chartTexts(page);
    const count = (want) => texts.filter((t) => t === want).length;
    // "争取中" is the solid bar: the bid pending there, left out of its total.
    assert.equal(count('2,000万元（正在争取，计入总额 0万元）'), 1, texts.join('|'));
    assert.equal(count('2,000万元（假定全额获批）'), 1, texts.join('|'));
    // The city e-commerce bid is pending in both.
    assert.equal(count('30万元（正在争取，计入总额 0万元）'), 2, texts.join('|'));
    assert.equal(count('273万元'), 2, 'granted money carries no marker');
    for (const line of ['金额后标注（正在争取）的，为尚未获批的资金', '标注（假定……）的，为该方案假定的申请结果', '未计入总额（空心）']) {
      assert.equal(count(line), 1, line);
    }
    // Outlined: both bids in the solid scenario (and the legend's swatch), one in the hatched.
    assert.deepEqual(await outlines(page), { '#0072B2': 3, '#595959': 1 });

    const bases = ['统计口径（全部获批）：正在争取的资金 30万元 未计入总额；计入假定获批 2,000万元',
      '统计口径（争取中）：正在争取的资金 2,030万元 未计入总额'];
    assert.deepEqual(await page.$$eval('#figure-compare .chart-basis', (ps) => ps.map((p) => p.textContent)), bases);
    assert.equal(await page.getAttribute('#figure-compare', 'aria-describedby'),
      'figure-compare-basis-a figure-compare-basis-b');
    // The table beside it says the same of the pending bid's row.
    assert.match(await textOf(page, '#compare-stream-training-base .b'), /^0万元/);
    await page.locator('#figure-compare').screenshot({ path: 'tests/e2e/output/compare-marks-zh-Hans-1366.png' });

    // The downloaded SVG carries both lines above the chart, the markers and the outlines.
    const svg = (await download(page, '#download-compare-svg')).bytes.toString('utf8');
    const file = await page.evaluate((text) => {
      const root = new DOMParser().parseFromString(text, 'image/svg+xml').documentElement;
      return {
        texts: [...root.querySelectorAll(':scope > text')].map((t) => t.textContent),
        desc: root.querySelector(':scope > desc').textContent,
        chart: [...root.querySelectorAll('svg svg text')].map((t) => t.textContent.trim()),
        outlines: root.querySelectorAll('svg svg polyline[fill="none"]').length,
      };
    }, svg);
    assert.deepEqual(file.texts.slice(2, 4), bases);
    assert.ok(file.desc.endsWith(`${bases[0]}；${bases[1]}`), file.desc);
    assert.ok(file.chart.includes('2,000万元（正在争取，计入总额 0万元）'));
    assert.ok(file.chart.includes('2,000万元（假定全额获批）'));
    assert.ok(file.outlines >= 4, `${file.outlines} outlines in the file`);
    const view = await browser.newPage();
    await view.setContent(`<img src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}">`);
    await view.locator('img').evaluate((img) => img.decode());
    await view.screenshot({ path: 'tests/e2e/output/compare-marks-file-zh-Hans.png', fullPage: true });
    assert.deepEqual(errors, []);
  });

  for (const [lang, width] of [['zh-Hans', 375], ['en', 375], ['en', 1366]]) {
    test(`${lang} at ${width} px: the marked labels and the basis fit`, async () => {
      const { page, errors } = await fresh(`/?lang=${lang}`);
      await page.setViewportSize({ width, height: 900 });
      const [granted, pending] = lang === 'en' ? ['All granted', 'Pending'] : ['全部获批', '争取中'];
      await compareBids(page, granted, pending);
      const texts = await chartTexts(page);
      const marker = lang === 'en' ? '(Being sought' : '（正在争取';
      assert.ok(texts.filter((t) => t.includes(marker)).length >= 3, texts.join('|'));
      // Every text inside the chart, and every bracket it opens closed (a cut label included).
      const placed = await page.$$eval('#figure-compare svg text', (all) => {
        const svg = document.querySelector('#figure-compare svg').getBoundingClientRect();
        return all.map((t) => ({ text: t.textContent, inside: t.getBoundingClientRect().right <= svg.right + 0.5 }));
      });
      for (const { text, inside } of placed) {
        assert.ok(inside, `${text} overflows`);
        for (const [open, close] of [['（', '）'], ['(', ')']]) {
          assert.equal(text.split(open).length, text.split(close).length, `${text} closes its brackets`);
        }
      }
      const lines = await page.$$eval('#figure-compare .chart-basis', (ps) => ps.map((p) => p.textContent));
      if (lang === 'en') {
        assert.deepEqual(lines, [
          'Basis of All granted: CNY 300,000 still being sought is not counted in the grand total; CNY 20 million assumed granted is counted',
          'Basis of Pending: CNY 20.3 million still being sought is not counted in the grand total',
        ]);
      }
      const overflow = await page.$eval('#figure-compare', (f) => f.scrollWidth - f.clientWidth);
      assert.ok(overflow <= 0, `the figure scrolls sideways by ${overflow} px`);
      await page.locator('#figure-compare').screenshot({ path: `tests/e2e/output/compare-marks-${lang}-${width}.png` });
      assert.deepEqual(errors, []);
    });
  }
});

describe('names a planner typed in Chinese, on an English page', () => {
  test('are marked as Chinese wherever the comparison and the saved list show them', async () => {
    const { page, errors } = await fresh('/?lang=en');
    await compareBids(page, '全部获批', '争取中');
    const marked = (selector) => page.$$eval(`${selector} span[lang="zh"]`, (spans) => spans.map((s) => s.textContent));
    assert.deepEqual(await marked('#saved-s1-name'), ['全部获批']);
    assert.deepEqual(await marked('#figure-compare-heading'), ['全部获批', '争取中']);
    assert.deepEqual(await marked('#figure-compare-basis-a'), ['全部获批']);
    assert.deepEqual(await marked('#compare-caption'), ['全部获批', '争取中']);
    assert.match(await textOf(page, '#compare-caption'), /全部获批.*争取中/);
    assert.deepEqual(errors, []);
  });
});
