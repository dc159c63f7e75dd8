// The totals tables on a 375 px phone (planner review 15, item 17): the change column is on
// screen, and a row with a change is no taller than one without.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { browser, open, screenshot, serveAndLaunch, server } from './harness.mjs';

serveAndLaunch();

// Scenario A of the review's share link: technology +200万元, the training base assumed
// granted at 40%, so that both tables have rows with a change and rows without.
const SCENARIO_A = '#v1;t:5pa55qGIQe-8muenkeaKgCsyMDDvvIzlrp7orq3ln7rlnLDojrfmibk0MCU;training-base=p40;'
  + 'ecommerce-city=g;tech-projects=800w,n5oyJ5Y6_56eR5oqA5bGA5oSP6KeB77yM5aKe5Yqg56eR5oqA6aG555uu5om25oyB77yb5b6F5bi45Yqh5Lya56CU56m244CC';

describe('the totals tables on a 375 px phone', () => {
  for (const lang of ['zh-Hans', 'zh-Hant', 'en']) {
    test(`${lang}: the change column is on screen and a change does not make a row taller`, async () => {
      const { page, errors } = await open(browser, `${server.url}/?lang=${lang}${SCENARIO_A}`);
      await page.setViewportSize({ width: 375, height: 800 });
      await page.locator('#by-kind').scrollIntoViewIfNeeded();
      const tables = await page.evaluate(() => [...document.querySelectorAll('table.groups')].map((table) => {
        const region = table.parentElement.getBoundingClientRect();
        // The lines a row's name takes: its text's height over the line height (the cell
        // itself is as tall as its row).
        const nameLines = (th) => {
          const range = document.createRange();
          range.selectNodeContents(th);
          return Math.round(range.getBoundingClientRect().height / parseFloat(getComputedStyle(th).lineHeight));
        };
        const rows = [...table.querySelectorAll('tbody tr')].map((row) => ({
          height: row.getBoundingClientRect().height,
          changed: !/^±0$/.test(row.querySelector('td.change')?.textContent ?? '±0'),
          nameLines: nameLines(row.querySelector('th')),
        }));
        return {
          id: table.id,
          right: table.querySelector('thead th:last-child').getBoundingClientRect().right,
          regionRight: region.right,
          rows,
        };
      }));
      await screenshot(page, `totals-375-${lang}`);
      for (const table of tables) {
        assert.ok(table.right <= 375 && table.right <= table.regionRight + 0.5, `${table.id}: the change column ends at ${table.right}px`);
        // Rows whose names take one line or two are as tall with a change as without.
        const plain = table.rows.filter((r) => r.nameLines <= 2 && !r.changed).map((r) => r.height);
        const changed = table.rows.filter((r) => r.nameLines <= 2 && r.changed).map((r) => r.height);
        // In English the long names and the amounts in millions take lines of their own.
        if (lang !== 'en') {
          assert.ok(changed.length > 0 && plain.length > 0, `${table.id}: rows with and without a change`);
          for (const height of changed) assert.ok(height <= Math.max(...plain) + 0.5, `${table.id}: ${height} against ${plain}`);
        }
      }
      assert.deepEqual(errors, []);
      await page.close();
    });
  }
});
