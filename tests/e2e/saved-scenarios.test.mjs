// What-if scenarios kept and carried: named scenarios saved in localStorage across reloads,
// opened, compared, renamed, duplicated and deleted; the CSV, JSON and SVG downloads and a JSON
// file imported back; and what happens when the stored data is broken or the storage is full.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, browser, screenshot, server, textOf } from './harness.mjs';
import {
  BASELINE, KEY, MORE_LOANS, TRAINING_REFUSED, focusOn, fresh, save, serveScenarios, setAmount, totals,
} from './scenario-helpers.mjs';

const BACKUP_PREFIX = `${KEY}.corrupt-`;

// A dataset whose names would be formulas in a spreadsheet, for the CSV test.
const FIXTURES = mkdtempSync(join(tmpdir(), 'mfe-scenarios-'));
{
  const dataset = JSON.parse(readFileSync(join(DIST, 'muchuan.json'), 'utf8'));
  const name = (text) => ({ 'zh-Hans': text, 'zh-Hant': text, en: text });
  dataset.streams[0].name = name('=HYPERLINK("http://example.invalid","点我")');
  dataset.streams[1].name = name('-2+3');
  writeFileSync(join(FIXTURES, 'hostile.json'), JSON.stringify(dataset));
}

serveScenarios({ '/scenario-fixtures/': FIXTURES });
after(() => rmSync(FIXTURES, { recursive: true, force: true }));

/**
 * A page whose `localStorage.setItem` throws a QuotaExceededError while `window.__mfeFull` is
 * true (from the start when the URL has `full` in its query).
 */
async function quotaPage() {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.addInitScript(() => {
    window.__mfeFull = new URLSearchParams(location.search).has('full');
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (window.__mfeFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return setItem.call(this, key, value);
    };
  });
  return { page, errors };
}

const stored = (page, key = KEY) => page.evaluate((k) => localStorage.getItem(k), key);
const backupKeys = (page) =>
  page.evaluate((prefix) => Object.keys(localStorage).filter((k) => k.startsWith(prefix)), BACKUP_PREFIX);

describe('what-if scenarios', () => {
  test('two saved scenarios survive a reload, open, compare, rename, duplicate and delete', async () => {
    const { page, errors } = await fresh();
    await setAmount(page, 0, '300');
    await save(page, '更多贷款');
    await page.selectOption('#stream-3-outcome', 'refused');
    await save(page, '培训基地未获批');
    assert.equal(await textOf(page, '#current-scenario-name'), '培训基地未获批');

    await page.reload();
    await page.waitForSelector('html[data-ready]');
    await page.locator('.saved-item').nth(1).waitFor();
    const items = page.locator('.saved-item');
    assert.equal(await items.count(), 2);
    assert.equal(await textOf(page, '#saved-s1-name'), '更多贷款');
    assert.equal(await textOf(page, '#saved-s2-name'), '培训基地未获批');
    assert.equal(await items.nth(0).locator('.saved-total').innerText(), '3,815万元');
    assert.equal(await items.nth(1).locator('.saved-total').innerText(), '1,815万元');
    assert.match(await items.nth(0).locator('time').getAttribute('datetime'), /^\d{4}-\d\d-\d\dT/);
    assert.match(await items.nth(0).locator('time').innerText(), /\d{4}年\d{1,2}月\d{1,2}日/);
    assert.deepEqual(await totals(page), TRAINING_REFUSED, 'the reload kept the scenario (its link)');

    // Compare the two saved ones.
    await page.selectOption('#compare-first', 'saved:s1');
    await page.selectOption('#compare-second', 'saved:s2');
    const cell = (row, column) => textOf(page, `#${row} .${column}`);
    assert.equal(await cell('compare-grand', 'a'), '3,815万元');
    assert.equal(await cell('compare-grand', 'b'), '1,815万元');
    assert.equal(await cell('compare-grand', 'diff'), '-2,000万元');
    assert.equal(await cell('compare-granted', 'diff'), '±0');
    assert.equal(await textOf(page, '#compare-granted th'), '已获得', 'nothing assumed granted');
    assert.equal(await cell('compare-sought', 'a'), '2,030万元');
    assert.equal(await cell('compare-sought', 'b'), '30万元');
    assert.equal(await cell('compare-sought', 'diff'), '-2,000万元');
    assert.equal(await cell('compare-kind-training', 'diff'), '-2,000万元');
    assert.equal(await cell('compare-kind-loans', 'diff'), '±0');
    // Each cell is what the row adds to its total, so a row reads across to its difference.
    assert.match(await cell('compare-stream-training-base', 'a'), /^2,000万元\s*正在争取$/);
    assert.match(await cell('compare-stream-training-base', 'b'), /^0万元\s*未获批，计划 2,000万元$/);
    assert.equal(await cell('compare-stream-training-base', 'diff'), '-2,000万元', 'same amount, not granted in the second');
    // The rows' differences add up to the grand total's.
    const rowDiffs = await page.$$eval('#compare-table tr[data-row] .diff', (cells) =>
      cells.map((c) => c.textContent.trim()).filter((t) => t !== '—' && t !== '±0'));
    assert.deepEqual(rowDiffs, ['-2,000万元']);
    assert.equal(await page.locator('#compare-stream-training-base.changed').count(), 1);
    assert.equal(await page.locator('tr.changed').count(), 4, 'training base, grand, sought, training');
    assert.match(await textOf(page, '#figure-compare-heading'), /更多贷款.*培训基地未获批/);
    assert.equal(await page.locator('#figure-compare svg[role="img"]').count(), 1);
    // Baseline against the first: the loans differ by 27万元.
    await page.selectOption('#compare-first', 'baseline');
    await page.selectOption('#compare-second', 'saved:s1');
    assert.equal(await cell('compare-stream-guaranteed-loans', 'diff'), '+27万元');
    assert.equal(await cell('compare-grand', 'diff'), '+27万元');
    await screenshot(page, 'scenarios-compare-zh-Hans');

    // Open the first: an undoable change.
    await page.click('#saved-s1-open');
    assert.deepEqual(await totals(page), MORE_LOANS);
    assert.equal(await textOf(page, '#current-scenario-name'), '更多贷款');
    await page.getByRole('button', { name: '撤销' }).click();
    assert.deepEqual(await totals(page), TRAINING_REFUSED);

    // Escape cancels a rename and a delete confirmation, and gives focus back to their button.
    await page.click('#saved-s2-rename');
    await focusOn(page, 'saved-s2-rename-input');
    await page.fill('#saved-s2-rename-input', 'never saved');
    await page.press('#saved-s2-rename-input', 'Escape');
    await focusOn(page, 'saved-s2-rename');
    assert.equal(await page.locator('#saved-s2-rename-input').count(), 0);
    assert.equal(await textOf(page, '#saved-s2-name'), '培训基地未获批');
    await page.click('#saved-s1-delete');
    await focusOn(page, 'saved-s1-confirm-delete');
    await page.keyboard.press('Escape');
    await focusOn(page, 'saved-s1-delete');
    assert.equal(await page.locator('#saved-s1-confirm-text').count(), 0);
    assert.equal(await page.locator('.saved-item').count(), 2);

    // Rename, duplicate, delete.
    await page.click('#saved-s2-rename');
    await focusOn(page, 'saved-s2-rename-input');
    await page.fill('#saved-s2-rename-input', '  ');
    await page.press('#saved-s2-rename-input', 'Enter');
    assert.equal(await textOf(page, '#saved-s2-rename-error'), '请输入方案名称');
    await page.fill('#saved-s2-rename-input', '培训落空');
    await page.press('#saved-s2-rename-input', 'Enter');
    assert.equal(await textOf(page, '#saved-s2-name'), '培训落空');
    await focusOn(page, 'saved-s2-rename');
    await page.click('#saved-s1-duplicate');
    assert.equal(await textOf(page, '#saved-s3-name'), '更多贷款（副本）');
    assert.deepEqual(
      await page.$$eval('.saved-name', (names) => names.map((n) => n.textContent)),
      ['更多贷款', '更多贷款（副本）', '培训落空'],
    );
    await page.click('#saved-s3-delete');
    assert.match(await textOf(page, '#saved-s3-confirm-text'), /确定删除“更多贷款（副本）”/);
    await page.click('#saved-s3-confirm-delete');
    assert.equal(await page.locator('.saved-item').count(), 2);

    await page.reload();
    await page.waitForSelector('html[data-ready]');
    await page.locator('.saved-item').nth(1).waitFor();
    assert.deepEqual(
      await page.$$eval('.saved-name', (names) => names.map((n) => n.textContent)),
      ['更多贷款', '培训落空'],
    );
    const store = JSON.parse(await stored(page));
    assert.equal(store.version, 1);
    assert.deepEqual(store.scenarios.map((s) => s.share), [
      'v1;guaranteed-loans=300w',
      'v1;guaranteed-loans=300w;training-base=r',
    ]);
    assert.deepEqual(errors, []);
  });

  test('the CSV download has a BOM, every row, the totals and formula-neutralised names', async () => {
    const { page, errors } = await fresh('/?lang=zh-Hans&data=/scenario-fixtures/hostile.json');
    await setAmount(page, 0, '300');
    await setAmount(page, 1, '100');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-csv')]);
    // Another county's figures: the file is not named for Muchuan.
    assert.match(download.suggestedFilename(), /^资金方案-.*\.csv$/);
    const bytes = readFileSync(await download.path());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark');
    const text = bytes.toString('utf8').slice(1);
    assert.ok(text.endsWith('\r\n'));
    const lines = text.slice(0, -2).split('\r\n');
    // Figures from `?data=`: the about block names where they were read from, as the header does.
    assert.match(lines[3], /^注意：以下数字不是本工具内置的沐川数据，而是读取自：,[^,]*hostile\.json,/);
    lines.splice(3, 1);
    // About (5 lines), blank, header, 9 streams, blank, totals in 元 (header, 3 groups, 6 kinds),
    // blank, the same in 万元.
    assert.equal(lines.length, 5 + 1 + 1 + 9 + 1 + 10 + 1 + 10);
    assert.match(lines[0], /^方案,/);
    assert.match(lines[1], /^导出日期,\d{4}-\d{2}-\d{2},/);
    assert.match(lines[6], /^标识,/);
    assert.ok(
      lines[7].startsWith(`guaranteed-loans,"'=HYPERLINK(""http://example.invalid"",""点我"")",`),
      `a name starting with = gets an apostrophe and RFC 4180 quoting: ${lines[7]}`,
    );
    assert.match(lines[7], /,2730000,3000000,3000000,3000000,0,270000,[\d.]+,273,300,300,$/);
    const subsidy = lines[8].split(',');
    assert.deepEqual(subsidy.slice(0, 2), ['poverty-subsidy', "'-2+3"]);
    assert.deepEqual(subsidy.slice(6, 12), ['2000000', '1000000', '1000000', '1000000', '0', '-1000000'], 'numbers stay numbers');
    assert.match(lines[17], /^合计（元）,/);
    const all = lines[18].split(',');
    assert.deepEqual(all.slice(1, 6), ['37880000', '37150000', '37150000', '16850000', '20300000']);
    assert.deepEqual(lines[20].split(',').slice(1, 6), ['20300000', '20300000', '20300000', '0', '20300000'], 'sought streams');
    // Employment funds state no amount: no figure, not a zero.
    assert.deepEqual(lines[26].split(',').slice(1, 6), ['', '', '', '', '']);
    assert.deepEqual(lines[29].split(',').slice(1, 6), ['3788', '3715', '3715', '1685', '2030'], 'the same in 万元');
    assert.match(await textOf(page, '.export-status'), /已下载/);
    assert.deepEqual(errors, []);
  });

  test('JSON and SVG downloads, and a JSON file imported back; a bad file is a located notice', async () => {
    const { page, errors } = await fresh('/?lang=en');
    await setAmount(page, 0, '3000000');
    await save(page, 'Loans up');
    const expected = await totals(page);
    const [json] = await Promise.all([page.waitForEvent('download'), page.click('#download-json')]);
    assert.equal(json.suggestedFilename(), 'muchuan-scenario-Loans-up.json');
    const document = readFileSync(await json.path(), 'utf8');
    assert.equal(JSON.parse(document).name, 'Loans up');
    assert.equal(JSON.parse(document).streams['guaranteed-loans'].amount, 3000000);
    for (const chart of ['streams', 'kinds', 'flow']) {
      const [svg] = await Promise.all([page.waitForEvent('download'), page.click(`#download-svg-${chart}`)]);
      assert.equal(svg.suggestedFilename(), `muchuan-chart-${chart}-Loans-up.svg`);
      const file = readFileSync(await svg.path(), 'utf8');
      assert.match(file, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      assert.match(file, /<\/svg>\s*$/);
    }
    const [compare] = await Promise.all([page.waitForEvent('download'), page.click('#download-compare-svg')]);
    assert.match(compare.suggestedFilename(), /^muchuan-chart-compare-.*\.svg$/);

    await page.getByRole('button', { name: 'Reset' }).click();
    assert.equal(await textOf(page, '#total-grand'), 'CNY 37.88 million');
    await page.setInputFiles('#import-file', { name: 'loans.json', mimeType: 'application/json', buffer: Buffer.from(document) });
    await page.locator('.export-status').filter({ hasText: 'Imported' }).waitFor();
    assert.deepEqual(await totals(page), expected);
    assert.equal(await textOf(page, '#current-scenario-name'), 'Loans up');
    // A scenario that matches no saved one is shown under the name its file gives it.
    const draft = JSON.parse(document);
    draft.name = 'County draft';
    draft.streams['guaranteed-loans'].amount = 3100000;
    await page.setInputFiles('#import-file', { name: 'draft.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(draft)) });
    await page.locator('.export-status').filter({ hasText: 'County draft' }).waitFor();
    assert.equal(await textOf(page, '#current-scenario-name'), 'County draft (imported, not saved)');
    const [named] = await Promise.all([page.waitForEvent('download'), page.click('#download-json')]);
    assert.equal(named.suggestedFilename(), 'muchuan-scenario-County-draft.json');
    await setAmount(page, 0, '3200000');
    assert.equal(await textOf(page, '#current-scenario-name'), 'Unsaved scenario', 'changed, it is no longer the file');
    // An unsaved scenario's document has no name (not "Unsaved scenario" in this language).
    const [unsaved] = await Promise.all([page.waitForEvent('download'), page.click('#download-json')]);
    assert.equal(unsaved.suggestedFilename(), 'muchuan-scenario-Unsaved-scenario.json');
    assert.equal(JSON.parse(readFileSync(await unsaved.path(), 'utf8')).name, '');
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('button', { name: 'Undo' }).click();
    assert.deepEqual(await totals(page), expected);

    const broken = document.replace('"mode": "free"', '"mode": "sideways"');
    await page.setInputFiles('#import-file', { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(broken) });
    await page.locator('.notices').waitFor();
    assert.match(await textOf(page, '.notices'), /could not be imported.*broken\.json — mode: /s);
    assert.equal(
      await textOf(page, '.export-status'),
      '“broken.json” was not imported: the notice at the top of the page says why, and the current scenario stays.',
    );
    await page.setInputFiles('#import-file', { name: 'cut.json', mimeType: 'application/json', buffer: Buffer.from(document.slice(0, 40)) });
    await page.locator('.notice').nth(1).waitFor();
    assert.match(await textOf(page, '.notices'), /cut\.json — Line \d+, column \d+/);
    assert.deepEqual(await totals(page), expected, 'a bad file changes nothing');
    assert.deepEqual(errors, []);
  });

  test('corrupted stored data: a notice, no crash, the text kept aside before anything is written', async () => {
    const { page, errors } = await fresh();
    const broken = '{"version":1,"scenarios":[';
    await page.evaluate(([key, text]) => localStorage.setItem(key, text), [KEY, broken]);
    await page.reload();
    await page.waitForSelector('html[data-ready]');
    await page.locator('.notices').waitFor();
    assert.match(await textOf(page, '.notices'), /保存的方案无法读取/);
    assert.match(await textOf(page, '.notices'), /不完整/);
    assert.doesNotMatch(await page.locator('.notices').textContent(), /[：。；] /, 'no space after Chinese punctuation');
    assert.equal(await stored(page), broken, 'the stored text is untouched');
    const backups = await backupKeys(page);
    assert.equal(backups.length, 1);
    assert.equal(await stored(page, backups[0]), broken, 'and copied aside');
    assert.match(await textOf(page, '.notices'), new RegExp(backups[0].replaceAll('.', '\\.')));
    assert.deepEqual(await totals(page), BASELINE);

    // Reloading again makes no second copy; saving now starts a new list.
    await page.reload();
    await page.waitForSelector('html[data-ready]');
    assert.deepEqual(await backupKeys(page), backups);
    await setAmount(page, 0, '300');
    await save(page, '新的开始');
    assert.equal(JSON.parse(await stored(page)).scenarios.length, 1);
    assert.equal(await stored(page, backups[0]), broken, 'the copy stays');
    for (const old of [
      '{"scenarios":[]}', // an unversioned draft
      '{"version":1,"scenarios":[{"id":"a","name":7,"saved_at":0,"share":"v1"}]}',
      'not json at all',
    ]) {
      await page.evaluate(([key, text]) => localStorage.setItem(key, text), [KEY, old]);
      await page.reload();
      await page.waitForSelector('html[data-ready]');
      await page.locator('.notices').waitFor();
      assert.equal(await stored(page), old);
      const kept = await page.evaluate((text) => Object.keys(localStorage).filter((k) => localStorage.getItem(k) === text), old);
      assert.equal(kept.length, 2, `${old} is kept in place and in a copy`);
    }
    assert.deepEqual(errors, []);
  });

  test('a hand-written store whose ids differ only in "." and "_" gives each its own row', async () => {
    const { page, errors } = await fresh();
    const store = {
      version: 1,
      scenarios: [
        { id: 'a.b', name: '更多贷款', saved_at: 0, share: 'v1;guaranteed-loans=300w' },
        { id: 'a_b', name: '培训基地未获批', saved_at: 0, share: 'v1;training-base=r' },
      ],
    };
    await page.evaluate(([key, text]) => localStorage.setItem(key, text), [KEY, JSON.stringify(store)]);
    await page.reload();
    await page.waitForSelector('html[data-ready]');
    await page.locator('.saved-item').nth(1).waitFor();
    const ids = await page.$$eval('.saved-list [id]', (elements) => elements.map((e) => e.id));
    assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), [], 'no element id is used twice');
    assert.equal(await textOf(page, '#saved-a_2e_b-name'), '更多贷款');
    assert.equal(await textOf(page, '#saved-a_5f_b-name'), '培训基地未获批');
    await page.click('#saved-a_5f_b-open');
    assert.deepEqual(await totals(page), { grand: '1,788万元', granted: '1,758万元', sought: '30万元' });
    await page.click('#saved-a_2e_b-open');
    assert.deepEqual(await totals(page), MORE_LOANS);
    // Focus moves by these ids too: into the rename field, and back to its button.
    await page.click('#saved-a_5f_b-rename');
    await focusOn(page, 'saved-a_5f_b-rename-input');
    await page.keyboard.press('Escape');
    await focusOn(page, 'saved-a_5f_b-rename');
    assert.deepEqual(errors, []);
  });

  test('a full storage quota: a message, and the earlier saves stay intact', async () => {
    const { page, errors } = await quotaPage();
    await page.goto(`${server.url}/?lang=en`);
    await page.waitForSelector('html[data-ready]');
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await page.waitForSelector('html[data-ready]');
    await setAmount(page, 0, '3000000');
    await save(page, 'First');
    const before = await stored(page);

    await page.evaluate(() => { window.__mfeFull = true; });
    await setAmount(page, 0, '3500000');
    await page.fill('#scenario-name', 'Second');
    await page.click('#save-scenario');
    await page.locator('.notices').waitFor();
    assert.match(await textOf(page, '.notices'), /storage is full.*not saved.*Everything saved before is unchanged/s);
    assert.match(await textOf(page, '.panel-status'), /storage is full/);
    assert.equal(await page.locator('.saved-item').count(), 1);
    assert.equal(await page.inputValue('#scenario-name'), 'Second', 'the name is kept to try again');
    await page.click('#saved-s1-rename');
    await page.fill('#saved-s1-rename-input', 'Renamed');
    await page.press('#saved-s1-rename-input', 'Enter');
    assert.equal(await textOf(page, '#saved-s1-name'), 'First');
    await page.click('#saved-s1-delete');
    await page.click('#saved-s1-confirm-delete');
    assert.equal(await page.locator('.saved-item').count(), 1, 'a delete that cannot be stored is not shown');
    assert.equal(await stored(page), before);

    await page.evaluate(() => { window.__mfeFull = false; });
    await page.reload();
    await page.waitForSelector('html[data-ready]');
    await page.locator('.saved-item').first().waitFor();
    assert.equal(await textOf(page, '#saved-s1-name'), 'First');
    assert.equal(await page.locator('.saved-item .saved-total').first().innerText(), 'CNY 38.15 million');
    await page.close();
    assert.deepEqual(errors, []);
  });

  test('unreadable data that cannot be copied aside is never written over', async () => {
    const { page, errors } = await quotaPage();
    const broken = '{"version":1,"scenarios":[{"id":"s1","name":"Lost?"';
    await page.goto(`${server.url}/?lang=en`);
    // Wait for the app to start, or it may read (and copy aside) the text planted below.
    await page.waitForSelector('html[data-ready]');
    await page.evaluate(([key, text]) => { localStorage.clear(); localStorage.setItem(key, text); }, [KEY, broken]);
    await page.goto(`${server.url}/?lang=en&full`);
    await page.waitForSelector('html[data-ready]');
    await page.locator('.notices').waitFor();
    assert.match(await textOf(page, '.notices'), /no copy could be kept; nothing will be saved over them/);
    assert.deepEqual(await backupKeys(page), []);
    await setAmount(page, 0, '3000000');
    await page.fill('#scenario-name', 'New');
    await page.click('#save-scenario');
    await page.locator('.panel-status').filter({ hasText: 'not saved' }).waitFor();
    assert.equal(await stored(page), broken, 'the unreadable text is still there');
    assert.equal(await page.locator('.saved-item').count(), 0);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the unreadable data' }).click(),
    ]);
    assert.equal(readFileSync(await download.path(), 'utf8'), broken, 'and offered for download');
    // With room again, the next save copies it aside first.
    await page.evaluate(() => { window.__mfeFull = false; });
    await page.click('#save-scenario');
    await page.locator('.panel-status').filter({ hasText: 'Saved' }).waitFor();
    const backups = await backupKeys(page);
    assert.equal(backups.length, 1);
    assert.equal(await stored(page, backups[0]), broken);
    assert.equal(JSON.parse(await stored(page)).scenarios[0].name, 'New');
    assert.deepEqual(errors, []);
  });
});
