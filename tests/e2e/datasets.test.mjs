// Saved scenarios and the dataset they belong to (issue 21, item 5): each names its dataset,
// opens it, or says which file it needs; one file carries a dataset and its scenarios to a
// colleague's browser; a full or refused storage is said, and the data stays in memory.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ROOT, browser, forgetKeptData, launch, open, serveAndLaunch, server, textOf,
} from './harness.mjs';

const COUNTY = join(ROOT, 'tests/corpus-county/zh-wan.csv');
const KEY = 'muchuan-funding-explorer.scenarios';

serveAndLaunch();

const streams = (page, count) => page.waitForFunction((n) => document.querySelectorAll('.stream').length === n, count);

/** Loads the county file and waits for its six streams. */
async function loadCounty(page) {
  await page.setInputFiles('#dataset-file', COUNTY);
  await streams(page, 6);
}

/** Sets stream 0 to `amount` (whole yuan, as the English field takes it) and saves as `name`. */
async function saveWith(page, amount, name) {
  await page.fill('#stream-0-amount', amount);
  await page.press('#stream-0-amount', 'Enter');
  await page.fill('#scenario-name', name);
  await page.click('#save-scenario');
  await page.locator('.saved-name', { hasText: name }).waitFor();
}

const item = (page, name) => page.locator('.saved-item', { has: page.locator('.saved-name', { hasText: name }) });

describe('a saved scenario names its dataset', () => {
  test('each lists its data; opening one of other data opens that data, or says which file it needs', async () => {
    const { page, errors } = await open(browser, `${server.url}/?lang=en`);
    await page.evaluate(() => localStorage.clear());
    // A record written before datasets were named belongs to the built-in data.
    await page.evaluate((k) => localStorage.setItem(k, JSON.stringify({ version: 1, scenarios: [
      { id: 's1', name: 'Old record', saved_at: 1, share: 'v1;guaranteed-loans=300w' },
    ] })), KEY);
    await page.reload();
    await page.waitForSelector('html[data-ready]');
    assert.match(await item(page, 'Old record').locator('.saved-data').innerText(), /^Data: Muchuan \(built-in data\)$/);

    await loadCounty(page);
    await saveWith(page, '3000000', 'County plan');
    assert.match(await item(page, 'County plan').locator('.saved-data').innerText(), /^Data: “zh-wan\.csv”$/);
    assert.match(await item(page, 'Old record').locator('.saved-data').innerText(), /Muchuan \(built-in data\) \(not the data on screen/);
    const stored = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), KEY));
    assert.equal(stored.scenarios[1].dataset.name, 'zh-wan.csv');
    assert.match(stored.scenarios[1].dataset.digest, /^fnv1a64:[0-9a-f]{16}$/);
    assert.equal(stored.scenarios[0].dataset, undefined, 'the old record is written back as it was');

    // The built-in scenario opens the built-in data, labelled as such (no origin line).
    await item(page, 'Old record').locator('button', { hasText: 'Open' }).click();
    await streams(page, 9);
    assert.equal(await page.inputValue('#stream-0-amount'), '3,000,000');
    assert.equal(await page.locator('#data-origin').count(), 0);
    assert.match(await textOf(page, '.panel-status'), /Old record/);
    await page.locator('.scenarios').screenshot({ path: join(ROOT, 'tests/e2e/output/saved-data-names-en.png') });

    // The county one opens the county data, kept in this browser.
    await item(page, 'County plan').locator('button', { hasText: 'Open' }).click();
    await streams(page, 6);
    assert.equal(await page.inputValue('#stream-0-amount'), '3,000,000');
    assert.match(await textOf(page, '#data-origin'), /zh-wan\.csv/);
    assert.match(await textOf(page, '#current-scenario-name'), /County plan/);

    // Once the kept data is removed, it says which file it needs.
    await page.locator('#kept-remove').click();
    await streams(page, 9);
    await item(page, 'County plan').locator('button', { hasText: 'Open' }).click();
    await page.locator('.panel-status', { hasText: 'which this browser does not keep' }).waitFor();
    assert.match(await textOf(page, '.panel-status'), /“County plan” was saved on the data “zh-wan\.csv”.*Load that file/);
    assert.equal(await page.locator('.stream').count(), 9, 'the data on screen stays');
    // Loaded again, the scenario opens on it.
    await loadCounty(page);
    await item(page, 'County plan').locator('button', { hasText: 'Open' }).click();
    await page.waitForFunction(() => document.querySelector('#stream-0-amount')?.value === '3,000,000');

    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${server.url}/?lang=zh-Hans`);
    await page.waitForSelector('html[data-ready]');
    await page.locator('.saved-list').scrollIntoViewIfNeeded();
    assert.match(await item(page, 'Old record').locator('.saved-data').innerText(), /所属数据：沐川（内置数据）（不是当前显示的数据/);
    await page.locator('.scenarios').screenshot({ path: join(ROOT, 'tests/e2e/output/saved-data-names-zh-Hans.png') });
    await forgetKeptData(page);
    await page.evaluate(() => localStorage.clear());
    assert.deepEqual(errors, []);
    await page.close();
  });
});

describe('one file for a colleague', () => {
  test('a dataset and its scenarios go in one file; a second browser gets both from it', async () => {
    const { page, errors } = await open(browser, `${server.url}/?lang=en`);
    await page.evaluate(() => localStorage.clear());
    await loadCounty(page);
    await saveWith(page, '3000000', 'County plan');
    await saveWith(page, '2000000', 'County low');
    const [file] = await Promise.all([page.waitForEvent('download'), page.click('#download-bundle')]);
    assert.match(file.suggestedFilename(), /^data-and-scenarios-zh-wan\.json$/);
    const path = await file.path();
    const bundle = JSON.parse(readFileSync(path, 'utf8'));
    assert.equal(bundle.format, 'muchuan-bundle');
    assert.equal(bundle.dataset.name, 'zh-wan.csv');
    assert.equal(bundle.dataset.format, 'csv');
    assert.deepEqual(bundle.scenarios.map((s) => s.name), ['County plan', 'County low']);
    await forgetKeptData(page);
    await page.evaluate(() => localStorage.clear());
    await page.close();

    // Another browser profile: nothing saved, nothing kept.
    const other = await launch();
    try {
      const { page: b, errors: bErrors } = await open(other, `${server.url}/?lang=en`);
      await b.setInputFiles('#dataset-file', path);
      await streams(b, 6);
      assert.match(await textOf(b, '#data-status'), /Loaded “zh-wan\.csv”: 6 funding streams.*carries 2 scenario\(s\); 2 of them are now among the saved scenarios/);
      await item(b, 'County low').waitFor();
      assert.match(await item(b, 'County low').locator('.saved-data').innerText(), /^Data: “zh-wan\.csv”$/);
      await item(b, 'County low').locator('button', { hasText: 'Open' }).click();
      await b.waitForFunction(() => document.querySelector('#stream-0-amount')?.value === '2,000,000');
      // Both stay after a reload; loading the file again adds no copies.
      await b.reload();
      await b.waitForSelector('html[data-ready]');
      await streams(b, 6);
      assert.equal(await b.locator('.saved-item').count(), 2);
      await b.setInputFiles('#dataset-file', path);
      await b.locator('#data-status', { hasText: '2 of them' }).waitFor();
      assert.equal(await b.locator('.saved-item').count(), 2);
      assert.deepEqual(bErrors, []);
    } finally {
      await other.close();
    }
    assert.deepEqual(errors, []);
  });
});

describe('storage full or refused', () => {
  test('says so, keeps working with the data in memory, and loses nothing silently', async () => {
    const context = await launch();
    try {
      await context.addInitScript(() => {
        const full = () => { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
        Storage.prototype.setItem = full;
        IDBObjectStore.prototype.put = full;
      });
      const { page, errors } = await open(context, `${server.url}/?lang=en`);
      await page.fill('#stream-0-amount', '3000000');
      await page.press('#stream-0-amount', 'Enter');
      await page.fill('#scenario-name', 'Will not fit');
      await page.click('#save-scenario');
      await page.locator('.notices', { hasText: 'storage is full' }).waitFor();
      assert.match(await textOf(page, '.panel-status'), /storage is full/);
      assert.equal(await page.locator('.saved-item').count(), 0);
      assert.equal(await page.inputValue('#scenario-name'), 'Will not fit', 'the name typed stays');
      assert.equal(await page.inputValue('#stream-0-amount'), '3,000,000', 'the scenario on screen stays');
      // A county file loads and is shown; the page says it could not be kept.
      await loadCounty(page);
      await page.locator('.kept-data', { hasText: 'did not keep the data' }).waitFor();
      assert.match(await textOf(page, '.kept-data'), /storage for this site is full/);
      assert.match(await textOf(page, '#programme-title'), /zh-wan/);
      await page.fill('#stream-0-amount', '1000000');
      await page.press('#stream-0-amount', 'Enter');
      assert.match(await textOf(page, '#total-grand'), /million/);
      await page.locator('.kept-data').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(ROOT, 'tests/e2e/output/storage-full-en.png') });
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
});
