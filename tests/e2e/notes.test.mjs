// A reason per change (issue 20 item 9): a note typed on a stream is one undo step, survives a
// reload as a saved scenario, travels in a share link with the scenario's name to a fresh
// browser, and is in the CSV and JSON exports and the printed report.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  axeViolations, browser, download, launch, open, screenshot, serveAndLaunch, server, untilValue,
} from './harness.mjs';

serveAndLaunch();

const NOTE = '春季招聘会后报名增加，需扩班';

/** The stream's index in the built-in dataset, read from the page's own rows. */
async function streamIndex(page, name) {
  const names = await page.locator('.stream-name').allTextContents();
  const index = names.findIndex((n) => n.includes(name));
  assert.ok(index >= 0, `a stream named ${name}`);
  return index;
}

/** Types `note` on stream `index` (opening its field) and keeps it with Enter. */
async function writeNote(page, index, note) {
  await page.click(`#stream-${index}-note-open`);
  await page.waitForFunction(
    (id) => document.activeElement?.id === id, `stream-${index}-note`, { timeout: 2000 });
  await page.keyboard.type(note);
  await page.keyboard.press('Enter');
}

/** A download's text. */
async function downloadText(page, selector) {
  return (await download(page, selector)).bytes.toString('utf8');
}

test('a note is one undo step, saved, exported, printed and shared with the name', async () => {
  const { page, errors } = await open(browser, `${server.url}/?lang=zh-Hans`);
  await page.evaluate(() => localStorage.clear());
  const farmer = await streamIndex(page, '职业农民');
  await page.fill(`#stream-${farmer}-amount`, '175');
  await page.press(`#stream-${farmer}-amount`, 'Enter');
  await writeNote(page, farmer, NOTE);
  await untilValue(page, `#stream-${farmer}-note`, NOTE);

  // One undo takes the note away and keeps the amount; redo brings it back.
  await page.getByRole('button', { name: '撤销' }).click();
  await untilValue(page, `#stream-${farmer}-note`, '');
  assert.equal(await page.inputValue(`#stream-${farmer}-note`), '');
  assert.equal(await page.inputValue(`#stream-${farmer}-amount`), '175');
  await page.getByRole('button', { name: '重做' }).click();
  await untilValue(page, `#stream-${farmer}-note`, NOTE);
  assert.deepEqual(await axeViolations(page), [], 'no accessibility violations with a note');

  // Saved, then reloaded: the note comes back with the saved scenario.
  await page.fill('#scenario-name', '培训扩班');
  await page.click('#save-scenario');
  await page.locator('.panel-status').filter({ hasText: '培训扩班' }).waitFor();
  await page.goto(`${server.url}/?lang=zh-Hans`);
  await page.waitForSelector('html[data-ready]');
  await page.click('#saved-s1-open');
  await untilValue(page, `#stream-${farmer}-note`, NOTE);

  // The exports carry it: the CSV row of the stream ends with it, the JSON has it.
  const csv = await downloadText(page, '#download-csv');
  const row = csv.split('\r\n').find((line) => line.includes('职业农民'));
  assert.ok(row?.endsWith(NOTE), row);
  const json = JSON.parse(await downloadText(page, '#download-json'));
  const notes = Object.values(json.streams).map((s) => s.note).filter(Boolean);
  assert.deepEqual(notes, [NOTE]);

  // The printed report's comparison has a note column.
  await page.emulateMedia({ media: 'print' });
  const printed = await page.locator('.print-report .report-table').first().textContent();
  assert.ok(printed.includes(NOTE), 'the report shows the note');
  await page.emulateMedia({ media: 'screen' });
  await screenshot(page, 'notes-zh-Hans');

  // The share link, opened in a fresh browser profile: the note and the scenario's name.
  const link = await page.inputValue('#share-url');
  const other = await launch();
  const { page: fresh, errors: freshErrors } = await open(other, link);
  await untilValue(fresh, `#stream-${farmer}-note`, NOTE);
  assert.equal(await fresh.inputValue(`#stream-${farmer}-amount`), '175');
  const current = await fresh.locator('#current-scenario-name').textContent();
  assert.ok(current.includes('培训扩班'), current);
  // The top of the page says which scenario the link opened.
  assert.match(await fresh.locator('.notices .notice').innerText(), /已打开分享链接中的方案：.*培训扩班/);
  assert.deepEqual([...errors, ...freshErrors], []);
  await other.close();
  await page.close();
});

test('in English the note field is labelled and Escape puts the kept note back', async () => {
  const { page, errors } = await open(browser, `${server.url}/?lang=en`);
  await page.setViewportSize({ width: 375, height: 812 });
  await writeNote(page, 0, 'Rates cut');
  await untilValue(page, '#stream-0-note', 'Rates cut');
  const label = await page.locator('#stream-0-note-label').textContent();
  assert.match(label, /Reason/);
  await page.fill('#stream-0-note', 'half typed');
  await page.press('#stream-0-note', 'Escape');
  assert.equal(await page.inputValue('#stream-0-note'), 'Rates cut');
  // Cleared with the focus in it, the field stays, with the focus.
  await page.fill('#stream-0-note', '');
  await page.press('#stream-0-note', 'Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'stream-0-note');
  // A field opened and left empty closes on Escape, the focus back on its button, which is
  // named with its stream.
  await page.click('#stream-1-note-open');
  await page.press('#stream-1-note', 'Escape');
  await page.waitForFunction(() => document.activeElement?.id === 'stream-1-note-open');
  const name = await page.locator('#stream-1-note-open').evaluate((b) =>
    b.getAttribute('aria-labelledby').split(' ').map((id) => document.getElementById(id).textContent).join(' '));
  assert.match(name, /^Employment.* Reason for the change$/);
  await screenshot(page, 'notes-en-375');
  assert.deepEqual(errors, []);
  await page.close();
});
