// Outputs a meeting can use (issue 21): chart files that paste at a sensible size, with their
// title, scenario, date and source; PNGs drawn by the browser at twice the size.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, browser, download, open, screenshot, serveAndLaunch, server, textOf } from './harness.mjs';

serveAndLaunch();

/** The width and height a PNG's IHDR chunk gives. */
function pngSize(bytes) {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  assert.deepEqual([...bytes.subarray(0, 8)], signature, 'a PNG signature');
  assert.equal(bytes.subarray(12, 16).toString('latin1'), 'IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('chart files', () => {
  test('each SVG stands alone with a title, the scenario, the date, the source and a pixel size; each PNG is twice its size', async () => {
    const { page, errors } = await open(browser, `${server.url}/?lang=en`);
    for (const chart of ['streams', 'kinds', 'flow']) {
      const svg = await download(page, `#download-svg-${chart}`);
      assert.match(svg.name, new RegExp(`^muchuan-chart-${chart}-.*\\.svg$`));
      // Parsed alone, as a document would read the file.
      const read = await page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
        const root = doc.documentElement;
        return {
          error: doc.querySelector('parsererror') !== null,
          width: root.getAttribute('width'),
          height: root.getAttribute('height'),
          viewBox: root.getAttribute('viewBox'),
          title: root.querySelector(':scope > title')?.textContent,
          texts: [...root.querySelectorAll(':scope > text')].map((t) => t.textContent),
        };
      }, svg.bytes.toString('utf8'));
      assert.equal(read.error, false, `${chart}: well-formed`);
      assert.match(read.width, /^\d+$/, `${chart}: a width in px, not ${read.width}`);
      assert.match(read.height, /^\d+$/, `${chart}: a height in px`);
      assert.equal(read.viewBox, `0 0 ${read.width} ${read.height}`);
      assert.ok(Number(read.width) >= 600 && Number(read.height) >= 250, `${chart}: ${read.width}×${read.height}`);
      assert.equal(read.texts[0], read.title, `${chart}: the title is visible`);
      assert.match(read.texts[1], /^Scenario: .+ · \d{4}-\d{2}-\d{2}$/);
      assert.match(read.texts[2], /^Basis: the grand total includes CNY 20\.3 million still being sought/);
      assert.match(read.texts.slice(3).join(' '), /^Source: .*Leshan/);

      const png = await download(page, `#download-png-${chart}`);
      assert.match(png.name, new RegExp(`^muchuan-chart-${chart}-.*\\.png$`));
      assert.deepEqual(pngSize(png.bytes), { width: 2 * Number(read.width), height: 2 * Number(read.height) });
      await page.locator('.export-status').filter({ hasText: png.name }).waitFor();
    }
    assert.deepEqual(errors, []);
  });
});

describe('figures that are not the built-in data', () => {
  const cases = [
    { lang: 'en', said: /not the explorer's built-in Muchuan data/ },
    { lang: 'zh-Hans', said: /不是本工具内置的沐川数据/ },
  ];
  for (const { lang, said } of cases) {
    test(`${lang}: the CSV, the JSON and the chart files name where a ?data= dataset came from`, async () => {
      const { page, errors } = await open(browser, `${server.url}/?lang=${lang}&data=template.csv`);
      await page.locator('#data-origin').waitFor();
      const csv = (await download(page, '#download-csv')).bytes.toString('utf8');
      const origin = csv.split('\r\n').find((line) => said.test(line));
      assert.ok(origin, `an origin line in the CSV: ${csv.slice(0, 400)}`);
      assert.match(origin, /template\.csv/, 'names the source');
      const json = JSON.parse((await download(page, '#download-json')).bytes.toString('utf8'));
      assert.match(json.data_origin, /template\.csv$/);
      const svg = (await download(page, '#download-svg-streams')).bytes.toString('utf8');
      const texts = await page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
        return [...doc.documentElement.querySelectorAll(':scope > text')].map((t) => t.textContent).join(' ');
      }, svg);
      assert.match(texts, said);
      assert.match(texts, /template\.csv/);
      // The file as a document shows it, drawn alone.
      const view = await browser.newPage();
      await view.setContent(`<img src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}">`);
      await view.locator('img').evaluate((img) => img.decode());
      await view.screenshot({ path: join(ROOT, `tests/e2e/output/chart-file-origin-${lang}.png`), fullPage: true });
      await view.close();
      // The built-in data's files carry no such line.
      await page.goto(`${server.url}/?lang=${lang}`);
      await page.waitForSelector('html[data-ready]');
      const builtIn = (await download(page, '#download-csv')).bytes.toString('utf8');
      assert.doesNotMatch(builtIn, said);
      assert.equal(JSON.parse((await download(page, '#download-json')).bytes.toString('utf8')).data_origin, undefined);
      assert.deepEqual(errors, []);
      await page.close();
    });
  }
});

/** The number of pages of a PDF: its page objects (Chromium writes them uncompressed). */
function pageCount(pdf) {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

/** The text of page `n` of a PDF, as poppler's pdftotext reads it. */
function pageText(pdf, n) {
  const dir = mkdtempSync(join(tmpdir(), 'mfe-report-'));
  try {
    const file = join(dir, 'report.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-f', String(n), '-l', String(n), '-layout', file, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the printed report', () => {
  // A transfer of 27万 from the subsidy to the loans, the training-base bid assumed refused.
  const cases = [
    { lang: 'zh-Hans', amounts: ['300', '173'], name: '会议方案', words: ['资金测算报告', '调整方式', '自由调整', '计入资金总额', '公共实训基地建设（中央投资项目资金）：未获批', '锁定的资金项目', '与来源数据对比', '+27万元', '-27万元', '1,788万元'] },
    { lang: 'zh-Hant', amounts: ['300', '173'], name: '會議方案', words: ['資金測算報告', '調整方式', '未獲批', '與來源資料對比', '+27萬元'] },
    { lang: 'en', amounts: ['3000000', '1730000'], name: 'Meeting', words: ['Funding scenario report', 'Balance mode', 'Not granted', 'Locked streams', 'Compared with the source figures', '+CNY 270,000', 'CNY 17.88 million'] },
  ];
  test('the totals give the money still sought as the panel does, counted or not', async () => {
    const { page, errors } = await open(browser, `${server.url}/?lang=zh-Hans`);
    const reported = async () => {
      const grand = await page.locator('#total-grand').innerText();
      await page.locator('.print-report').filter({ hasText: grand }).waitFor({ state: 'attached' });
      return (await page.locator('.report-totals').textContent()).replace(/\s+/g, ' ');
    };
    assert.match(await reported(), /正在争取（尚未获批）2,030万元/);
    // Left out of the total, the 2,030万元 are still sought: said so, not written as 0.
    await page.locator('#count-sought').uncheck();
    await page.waitForFunction(() => document.querySelector('#total-grand').textContent === '1,758万元');
    assert.match(await reported(), /正在争取（尚未获批）2,030万元（未计入总额）/);
    // A bid assumed granted leaves the rest still sought (30万元), and is counted as assumed.
    await page.selectOption('#stream-3-outcome', 'granted');
    await page.waitForFunction(() => document.querySelector('#total-grand').textContent === '3,758万元');
    const text = await reported();
    assert.match(text, /正在争取（尚未获批）30万元（未计入总额）/);
    assert.match(text, /3,758万元（含假定获批 2,000万元）/);
    // The comparison (the source figures against this) names the granted money so.
    await page.locator('#count-sought').check();
    await page.waitForFunction(() => document.querySelector('#total-grand').textContent === '3,788万元');
    assert.equal(await textOf(page, '#compare-granted th'), '已获得或假定获批');
    assert.equal(await textOf(page, '#compare-granted .b'), '3,758万元');
    assert.deepEqual(errors, []);
  });

  for (const { lang, amounts, name, words } of cases) {
    test(`${lang}: at most 3 A4 pages; page 1 has the scenario, the date, the assumptions and the comparison`, async () => {
      const { page, errors } = await open(browser, `${server.url}/?lang=${lang}`);
      await page.evaluate(() => localStorage.clear());
      for (const [stream, amount] of amounts.entries()) {
        await page.fill(`#stream-${stream}-amount`, amount);
        await page.press(`#stream-${stream}-amount`, 'Enter');
      }
      await page.selectOption('#stream-3-outcome', 'refused');
      await page.fill('#scenario-name', name);
      await page.click('#save-scenario');
      await page.locator('.report-meta').filter({ hasText: name }).waitFor({ state: 'attached' });
      // The report follows the figures once the moves pause: wait until it shows the total.
      const grand = await page.locator('#total-grand').innerText();
      await page.locator('.print-report').filter({ hasText: grand }).waitFor({ state: 'attached' });
      await page.emulateMedia({ media: 'print' });
      const pdf = await page.pdf({ format: 'A4' });
      await screenshot(page, `report-print-${lang}`);
      await page.emulateMedia({ media: 'screen' });
      const pages = pageCount(pdf);
      assert.ok(pages >= 2 && pages <= 3, `${pages} pages`);
      const first = pageText(pdf, 1).replace(/\s+/g, ' ');
      assert.ok(first.includes(name), 'the scenario name');
      assert.match(first, /\d{4}-\d{2}-\d{2}/, 'the date');
      for (const word of words) assert.ok(first.includes(word), `page 1 has “${word}”: ${first}`);
      assert.match(pageText(pdf, 2), lang === 'en' ? /Charts/ : /图表|圖表/, 'the charts on page 2');
      assert.match(pageText(pdf, pages), lang === 'en' ? /source sentence/i : /来源原文|來源原文/, 'the sources last (their table head repeats on each page)');
      for (let n = 1; n <= pages; n += 1) {
        assert.match(pageText(pdf, n), /\d{4}-\d{2}-\d{2}\s*$/, `page ${n} ends with the footer's date`);
      }
      assert.equal(await page.locator('.print-report').isVisible(), false, 'the report is for print only');
      assert.deepEqual(errors, []);
    });
  }
});
