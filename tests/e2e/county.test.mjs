// A county's own figures through the file picker: Chinese headers, GBK, every problem beside
// the load button (tests/corpus-county/ holds the files; the core's reading rules are tested
// natively in tests/county_corpus.rs).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT, browser, forgetKeptData, open, serveAndLaunch, server, textOf, untilKept } from './harness.mjs';

const corpus = (name) => join(ROOT, 'tests/corpus-county', name);

serveAndLaunch();

describe('a county file', () => {
  test('Chinese headers in 万元 load, named after the file, with no source invented', async () => {
    const { page, errors } = await open(browser, `${server.url}/?lang=zh-Hans`);
    await page.setInputFiles('#dataset-file', corpus('zh-wan.csv'));
    await page.waitForFunction(() => document.querySelectorAll('.stream').length === 6);
    assert.equal(await textOf(page, '#programme-title'), 'zh-wan');
    assert.match(await textOf(page, '.source-line'), /未注明来源/);
    assert.equal(await textOf(page, '#data-status'), '已载入“zh-wan.csv”：6 项资金，上方显示的是这份数据。');
    // 273 + 200 + 600 + 600 + 75 granted, 2000 sought.
    assert.match(await textOf(page, '#total-grand'), /3,748万元/);
    // The source of a stream without one says so.
    await page.locator('.stream').nth(1).locator('details.quote summary').click();
    assert.equal(await textOf(page, '.stream:nth-child(2) details.quote p'), '未注明来源');
    for (const width of [375, 1366]) {
      await page.setViewportSize({ width, height: 900 });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(ROOT, `tests/e2e/output/county-loaded-zh-${width}.png`) });
    }
    assert.deepEqual(errors, []);
  });

  test('a GBK file is read as GB18030, and says so', async () => {
    const { page, errors } = await open(browser, `${server.url}/?lang=zh-Hans`);
    await page.setInputFiles('#dataset-file', corpus('zh-gbk.csv'));
    await page.waitForFunction(() => document.querySelectorAll('.stream').length === 2);
    assert.match(await textOf(page, '#data-status'), /^文件不是 UTF-8 编码，已按 GB18030（GBK）编码读取。 已载入“zh-gbk.csv”：2 项资金/);
    assert.match(await textOf(page, '.stream-name'), /创业担保贷款/);
    assert.deepEqual(errors, []);
  });

  for (const [lang, first, count] of [
    ['zh-Hans', '第 1 行 A 列（项目明称）：模板中没有“项目明称”这一列（是否拼写有误？）', /发现 6 个错误，已列在下方“数据”部分/],
    ['en', 'Row 1, column A (项目明称): the template has no column “项目明称” (a typing error?)', /was not loaded: 6 error\(s\), listed below, in the “Data” section/],
  ]) {
    test(`typos: every problem at once beside the button, focused, the count at the top (${lang})`, async () => {
      const { page, errors } = await open(browser, `${server.url}/?lang=${lang}`);
      // The data a reload opens (the last file loaded, kept in the browser) stays on screen.
      const before = await page.locator('.stream').count();
      await page.setInputFiles('#dataset-file', corpus('zh-typos.csv'));
      await page.locator('#data-problems').waitFor();
      await page.waitForFunction(() => document.activeElement?.id === 'data-problems');
      const items = page.locator('#data-problems li');
      assert.equal(await items.first().innerText(), first);
      assert.equal(await page.locator('#data-problems li.error').count(), 6);
      // Errors first, then warnings.
      const classes = await items.evaluateAll((lis) => lis.map((li) => li.className));
      assert.equal(classes.lastIndexOf('error') < classes.indexOf('warning') || !classes.includes('warning'), true);
      assert.match(await textOf(page, '.notice'), count);
      assert.equal(await page.locator('.notice li').count(), 0, 'the list is not repeated at the top');
      assert.equal(await page.locator('.stream').count(), before, 'the data shown stays');
      const near = await page.locator('#data-problems').boundingBox();
      // Below the file button and the paste box, the two ways in, before the downloads.
      const button = await page.locator('#dataset-paste-load').boundingBox();
      assert.ok(near.y - (button.y + button.height) < 120, 'listed right below the load buttons');
      for (const width of [375, 1366]) {
        await page.setViewportSize({ width, height: 900 });
        await page.locator('#data-problems').scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(ROOT, `tests/e2e/output/county-problems-${lang}-${width}.png`) });
      }
      assert.deepEqual(errors, []);
    });
  }

  for (const lang of ['zh-Hans', 'en']) {
    test(`rows pasted from a spreadsheet load like the CSV (${lang})`, async () => {
      const { page, errors } = await open(browser, `${server.url}/?lang=${lang}`);
      const rows = '项目名称\t主管部门\t类别\t金额（元）\t状态\t备注\r\n创业担保贷款\t县人社局\t贷款\t"¥1,200,000.00"\t已落实\t待省厅复核\r\n电商\t县商务局\t电商\t150万\t争取中\t\r\n';
      await page.getByLabel(lang === 'en' ? /Or paste a table/ : /或粘贴表格/).fill(rows);
      await page.locator('#dataset-paste-load').click();
      await page.waitForFunction(() => document.querySelectorAll('.stream').length === 2);
      const name = lang === 'en' ? 'pasted table' : '粘贴的表格';
      assert.equal(await textOf(page, '#programme-title'), name);
      assert.match(await textOf(page, '#data-status'), new RegExp(name));
      // The 备注 column is kept and shown with its row, not dropped.
      assert.deepEqual(await page.locator('.stream .remark').allInnerTexts(),
        [lang === 'en' ? 'Remark: 待省厅复核' : '备注：待省厅复核']);
      // Then rows that are not a table: every problem beside the same button.
      await page.locator('#dataset-paste').fill('贷款\t人社局\n');
      await page.locator('#dataset-paste-load').click();
      await page.waitForFunction(() => document.activeElement?.id === 'data-problems');
      assert.equal(await page.locator('.stream').count(), 2, 'the data shown stays');
      for (const width of [375, 1366]) {
        await page.setViewportSize({ width, height: 900 });
        await page.locator('.data-source').scrollIntoViewIfNeeded();
        await page.locator('.data-source').screenshot({ path: join(ROOT, `tests/e2e/output/county-paste-${lang}-${width}.png`) });
      }
      assert.deepEqual(errors, []);
    });
  }

  test('a bare 金额 header is refused at its cell, not read in 元 (zh-Hans)', async () => {
    const { page, errors } = await open(browser, `${server.url}/?lang=zh-Hans`);
    await page.waitForSelector('html[data-ready]');
    const before = await page.locator('.stream').count();
    // The template's button names the unit a planner should write.
    assert.equal(await page.getByText('中文表头：项目名称、主管部门、类别、金额（万元）、状态', { exact: false }).count(), 1);
    const rows = '项目名称\t主管部门\t类别\t金额\t状态\r\n创业担保贷款\t县人社局\t贷款\t273\t已落实\r\n实训基地\t县发改局\t培训\t2000\t正在争取\r\n';
    await page.getByLabel(/或粘贴表格/).fill(rows);
    await page.locator('#dataset-paste-load').click();
    await page.waitForFunction(() => document.activeElement?.id === 'data-problems');
    assert.deepEqual(await page.locator('#data-problems li').allInnerTexts(), [
      '第 1 行 D 列（金额）：表头未写单位，无法判断金额是万元还是元；请改为“金额（万元）”或“金额（元）”',
    ]);
    assert.equal(await page.locator('.stream').count(), before, 'the data shown stays');
    await page.setViewportSize({ width: 375, height: 900 });
    await page.locator('.data-source').scrollIntoViewIfNeeded();
    await page.locator('.data-source').screenshot({ path: join(ROOT, 'tests/e2e/output/county-bare-amount-zh-Hans-375.png') });
    assert.deepEqual(errors, []);
  });
});

describe('a sheet as WPS saves it', () => {
  for (const lang of ['zh-Hans', 'en']) {
    test(`a title row is skipped and the 合计 row is no stream: totals are not doubled (${lang})`, async () => {
      const { page, errors } = await open(browser, `${server.url}/?lang=${lang}`);
      await page.setInputFiles('#dataset-file', corpus('wps-title-total.csv'));
      await page.waitForFunction(() => document.querySelectorAll('.stream').length === 4);
      // 273 + 1,200 + 12.5 granted, 500 sought (申报中): 1,985.5, as the sheet's 合计 says.
      const grand = await textOf(page, '#total-grand');
      assert.match(grand, lang === 'en' ? /CNY 19,855,000|CNY 19\.86 million/ : /1,985\.5万元/);
      assert.doesNotMatch(grand, /3,971|39\.71/);
      assert.match(await textOf(page, '#total-granted'), lang === 'en' ? /CNY 14,855,000|CNY 14\.86 million/ : /1,485\.5万元/);
      // How the table was read, beside the button, focused: the title and the total, located.
      await page.waitForFunction(() => document.activeElement?.id === 'data-notes');
      const notes = await page.locator('#data-notes li').allInnerTexts();
      assert.equal(notes.length, 3);
      if (lang === 'en') {
        assert.match(notes[0], /“已拨付” is shown as “transferred”/);
        assert.match(notes[1], /^Row 1: a title above the table, skipped \(the header is row 2\)/);
        assert.match(notes[2], /^Row 7: the “合计” row is a total: not loaded .* equals the sum of rows 3–6/);
      } else {
        assert.match(notes[0], /“已拨付”显示为“已划拨”/);
        assert.equal(notes[1], '第 1 行：为表格标题，已跳过（表头在第 2 行）');
        assert.equal(notes[2], '第 7 行：“合计”行未作为资金项目载入；其金额 1,985.5万元 与第 3–6 行之和相符');
      }
      assert.equal(await page.locator('#data-problems').count(), 0, 'nothing refused');
      for (const width of [375, 1366]) {
        await page.setViewportSize({ width, height: 900 });
        await page.locator('#data-notes').scrollIntoViewIfNeeded();
        await page.locator('.data-source').screenshot({ path: join(ROOT, `tests/e2e/output/county-title-total-${lang}-${width}.png`) });
      }
      assert.deepEqual(errors, []);
    });
  }
});

describe('names in their own language', () => {
  test('in English, a county\'s Chinese names are marked as Chinese; the built-in English ones are not', async () => {
    const { page, errors } = await open(browser, `${server.url}/?lang=en`);
    // The built-in data, not a county file an earlier test left in the browser.
    await forgetKeptData(page);
    await page.reload();
    await page.waitForSelector('html[data-ready]');
    assert.equal(await page.locator('.stream').count(), 9);
    assert.equal(await page.locator('#stream-0-name [lang]').count(), 0, 'Muchuan has English names');
    await page.setInputFiles('#dataset-file', corpus('zh-wan.csv'));
    await page.waitForFunction(() => document.querySelectorAll('.stream').length === 6);
    const marked = page.locator('#stream-0-name span[lang="zh-Hans"]');
    assert.equal(await marked.innerText(), '创业担保贷款');
    assert.equal(await page.locator('.stream').first().locator('.agency span[lang="zh-Hans"]').count(), 1);
    assert.ok(await page.locator('#by-kind th[scope="row"] span[lang="zh-Hans"]').count() >= 1, 'the totals tables');
    // The charts' tables: every name marked, the table's own words not.
    for (const chart of ['streams', 'kinds', 'flow']) await page.click(`#figure-${chart}-toggle`);
    const streams = page.locator('#figure-streams-table tbody th[scope="row"]');
    assert.equal(await streams.locator('span[lang="zh-Hans"]').count(), 6, 'each stream, not the total');
    assert.equal(await streams.first().locator('span[lang="zh-Hans"]').innerText(), '创业担保贷款');
    assert.equal(await page.locator('#figure-streams-table tbody td [lang]').count(), 0, 'statuses and figures');
    assert.ok(await page.locator('#figure-kinds-table th[scope="row"] span[lang="zh-Hans"]').count() >= 1, 'the kinds');
    const agencies = page.locator('#figure-flow-table tbody th[scope="row"]');
    assert.equal(await agencies.locator('span[lang="zh-Hans"]').count(), (await agencies.count()) - 1, 'each agency');
    assert.equal(await page.locator('#figure-flow-table td.num [lang]').count(), 0, 'the amounts');
    assert.deepEqual(errors, []);
  });
});

describe('merged cells', () => {
  for (const lang of ['zh-Hans', 'en']) {
    test(`blanks under merged cells are offered filled, loaded so, listed to check, kept so (${lang})`, async () => {
      const { page, errors } = await open(browser, `${server.url}/?lang=${lang}`);
      await page.setInputFiles('#dataset-file', corpus('wps-merged.csv'));
      await page.waitForFunction(() => document.activeElement?.id === 'data-problems');
      // Refused as written, with a hint that counts the blanks, and the offer.
      const hint = lang === 'en' ? /5 blank cells of the Agency, Kind or Status columns/ : /共有 5 个空白格位于已填写的格子下方/;
      assert.match(await textOf(page, '#data-problems'), hint);
      const offer = page.locator('#data-fill-merged');
      assert.equal(await offer.innerText(), lang === 'en' ? 'Fill these blanks from the cells above, and load' : '用上方的值填入这些空白格后载入');
      await offer.focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.querySelectorAll('.stream').length === 5);
      // What was filled is listed and focused, for the planner to check against the table.
      await page.waitForFunction(() => document.activeElement?.id === 'data-filled');
      assert.match(await textOf(page, '#data-filled p'), lang === 'en' ? /^5 blank cells/ : /填入 5 个空白格/);
      const runs = await page.locator('#data-filled li').allInnerTexts();
      assert.equal(runs.length, 4);
      assert.match(runs[0], lang === 'en' ? /^Row 3, column B .*down to row 4: “县人社局” from row 2/ : /^第 3 行 B 列（主管部门）：至第 4 行均为空白，已沿用第 2 行的“县人社局”/);
      assert.equal(await page.locator('#data-problems').count(), 0);
      // 273 + 120 + 60 granted; 500 + 40 sought (争取中, filled down to row 6).
      assert.match(await textOf(page, '#total-granted'), lang === 'en' ? /CNY 4\.53 million/ : /453万元/);
      for (const width of [375, 1366]) {
        await page.setViewportSize({ width, height: 900 });
        await page.locator('#data-filled').scrollIntoViewIfNeeded();
        await page.locator('.data-source').screenshot({ path: join(ROOT, `tests/e2e/output/county-merged-${lang}-${width}.png`) });
      }
      // Kept in the browser as read: a reload opens the five streams again.
      await page.locator('#kept-open').waitFor();
      await page.reload();
      await page.waitForSelector('html[data-ready]');
      await page.waitForFunction(() => document.querySelectorAll('.stream').length === 5);
      assert.equal(await page.locator('.notice').count(), 0);
      assert.deepEqual(errors, []);
    });
  }
});

describe('loaded data stays', () => {
  test('a county file opens again after a reload, listed beside the built-in data', async () => {
    const { page, errors } = await open(browser, `${server.url}/?lang=zh-Hans`);
    await page.setInputFiles('#dataset-file', corpus('zh-wan.csv'));
    await page.waitForFunction(() => document.querySelectorAll('.stream').length === 6);
    await page.locator('#kept-open').waitFor();
    assert.match(await textOf(page, '.kept-data'), /“zh-wan\.csv”（载入于 \d{4}-\d\d-\d\d \d\d:\d\d）/);
    await page.reload();
    await page.waitForSelector('html[data-ready]');
    await page.waitForFunction(() => document.querySelectorAll('.stream').length === 6);
    assert.equal(await textOf(page, '#programme-title'), 'zh-wan');
    assert.equal(await page.locator('.notice').count(), 0, 'no complaint about the link');
    // The built-in data, chosen, is the one a reload opens; the county file stays listed.
    await page.locator('#built-in-open').click();
    await page.waitForFunction(() => document.querySelectorAll('.stream').length === 9);
    await untilKept(page, 'reopen', 'no');
    await page.reload();
    await page.waitForSelector('html[data-ready]');
    await page.locator('#kept-open').waitFor();
    assert.equal(await page.locator('.stream').count(), 9);
    await page.locator('#kept-open').click();
    await page.waitForFunction(() => document.querySelectorAll('.stream').length === 6);
    await page.locator('.kept-data').scrollIntoViewIfNeeded();
    await page.locator('.data-source').screenshot({ path: join(ROOT, 'tests/e2e/output/county-kept-zh-Hans.png') });
    // Removed, it is no longer listed.
    await page.locator('#kept-remove').click();
    await page.waitForFunction(() => document.querySelectorAll('.stream').length === 9);
    await untilKept(page, 'current', undefined);
    await page.reload();
    await page.waitForSelector('html[data-ready]');
    await page.locator('#built-in-open').waitFor();
    assert.equal(await page.locator('#kept-open').count(), 0);
    assert.deepEqual(errors, []);
  });
});
