// Accessibility: axe-core finds no violation in any main state, in any language, and a full
// what-if change can be made with the keyboard alone.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, browser, open, serveAndLaunch, server, textOf, untilValue } from './harness.mjs';

serveAndLaunch();

for (const lang of ['zh-Hans', 'en', 'zh-Hant']) {
  describe(`axe-core in ${lang}`, () => {
    test('default, after moves, in a fixed pool, with sought funds off', async () => {
      const { page, errors } = await open(browser, `${server.url}/?lang=${lang}`);
      assert.deepEqual(await axeViolations(page), [], 'default view');
      await page.focus('#stream-0-slider');
      await page.keyboard.press('ArrowRight');
      await page.fill('#stream-3-amount', 'x');
      await page.press('#stream-3-amount', 'Enter');
      assert.deepEqual(await axeViolations(page), [], 'after moves and a typing error');
      await page.check('#mode-pool');
      await page.check('#stream-1-lock');
      await page.selectOption('#stream-3-outcome', 'partial');
      assert.deepEqual(await axeViolations(page), [], 'fixed pool, lock, partial outcome');
      await page.uncheck('#count-sought');
      await page.setViewportSize({ width: 320, height: 700 });
      assert.deepEqual(await axeViolations(page), [], 'sought off, 320 px');
      assert.deepEqual(errors, []);
    });
  });
}

describe('names a screen reader reads', () => {
  test("each stream's fields say which stream they belong to", async () => {
    const { page, errors } = await open(browser, `${server.url}/?lang=en`);
    await page.selectOption('#stream-3-outcome', 'partial');
    const named = async (role, name) => page.getByRole(role, { name, exact: true }).count();
    const loans = 'Entrepreneurship guaranteed loans';
    assert.equal(await named('textbox', `${loans} Exact amount (CNY)`), 1);
    assert.equal(await named('checkbox', `${loans} Lock`), 1);
    const training = await textOf(page, '#stream-3-name');
    assert.equal(await named('combobox', `${training} Assumed outcome`), 1);
    assert.equal(await named('textbox', `${training} Share granted (%)`), 1);
    // The agency and the kind are read with a pause between them, not run together.
    assert.match(await page.locator('.stream .meta').first().ariaSnapshot(), /Human Resources & Social Security \(city bureau\) ?, Loans/);
    // No two fields of the stream list share a name (a field in a group, such as a bid's
    // offer to cover its shortfall, is heard with its group's legend).
    const names = await page.$$eval('.stream-list :is(input, select)', (fields) =>
      fields.map((field) => {
        const own = field.getAttribute('aria-labelledby')
          ? field.getAttribute('aria-labelledby').split(' ')
            .map((id) => document.getElementById(id)?.textContent.trim()).join(' ')
          : [...field.labels].map((label) => label.textContent.trim()).join(' ');
        const legend = field.closest('fieldset')?.querySelector('legend')?.textContent.trim();
        return legend ? `${legend}: ${own}` : own;
      }),
    );
    assert.ok(names.every((name) => name.length > 0), names.join(' | '));
    assert.equal(new Set(names).size, names.length, names.join(' | '));
    // A slider's description names its ends; the bar drawn over the source figure is not read.
    const described = await page.$eval('#stream-0-slider', (slider) => {
      const line = document.getElementById(slider.getAttribute('aria-describedby').split(' ')[0]);
      const read = (node) => (node.nodeType === 3 ? node.textContent
        : node.getAttribute?.('aria-hidden') === 'true' ? '' : [...node.childNodes].map(read).join(''));
      return read(line).replace(/\s+/g, ' ').trim();
    });
    assert.equal(described, 'minimum CNY 0 source figure CNY 2.73 million maximum CNY 5.46 million');
    assert.deepEqual(errors, []);
  });
});

describe('names of the chart buttons', () => {
  test('a region inside another has a deeper heading than it', async () => {
    const { page, errors } = await open(browser, `${server.url}/?lang=en`);
    await page.locator('#compare-heading').waitFor();
    const misplaced = await page.evaluate(() => {
      const level = (region) => {
        const heading = document.getElementById(region.getAttribute('aria-labelledby'));
        return /^H[1-6]$/.test(heading?.tagName ?? '') ? Number(heading.tagName[1]) : null;
      };
      const regions = [...document.querySelectorAll('section[aria-labelledby]')].filter((r) => level(r));
      return regions
        .filter((r) => regions.some((outer) => outer !== r && outer.contains(r) && level(outer) >= level(r)))
        .map((r) => r.getAttribute('aria-labelledby'));
    });
    assert.deepEqual(misplaced, []);
    assert.deepEqual(errors, []);
  });

  test('each "Show as table" is named with its chart', async () => {
    const { page, errors } = await open(browser, `${server.url}/?lang=en`);
    for (const figure of ['streams', 'kinds', 'flow']) {
      const title = await textOf(page, `#figure-${figure}-heading`);
      const button = page.getByRole('button', { name: `Show as table ${title}`, exact: true });
      assert.equal(await button.count(), 1, figure);
      await button.click();
      assert.equal(await page.getByRole('button', { name: `Hide table ${title}`, exact: true }).count(), 1, figure);
    }
    assert.deepEqual(errors, []);
  });
});

describe('keyboard alone', () => {
  test('tab to a slider, move it, lock a stream, switch to a fixed pool', async () => {
    const { page, errors } = await open(browser, `${server.url}/?lang=zh-Hans`);
    const focused = () => page.evaluate(() => document.activeElement?.id ?? '');
    // The skip link comes first and lands on the main content.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip-link');
    await page.keyboard.press('Enter');
    // Tab to the fixed-pool radio (arrow keys choose within the group), then on.
    for (let i = 0; i < 40 && (await focused()) !== 'mode-free'; i += 1) await page.keyboard.press('Tab');
    assert.equal(await focused(), 'mode-free');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.isChecked('#mode-pool'), true);
    for (let i = 0; i < 40 && (await focused()) !== 'stream-1-lock'; i += 1) await page.keyboard.press('Tab');
    assert.equal(await focused(), 'stream-1-lock');
    await page.keyboard.press('Space');
    assert.equal(await page.isChecked('#stream-1-lock'), true);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    for (let i = 0; i < 40 && (await focused()) !== 'stream-0-slider'; i += 1) await page.keyboard.press('Shift+Tab');
    assert.equal(await focused(), 'stream-0-slider');
    await page.keyboard.press('PageUp');
    await untilValue(page, '#stream-0-amount', '283');
    assert.equal(await page.inputValue('#stream-0-amount'), '283', 'Page Up is ten steps of 1万元');
    assert.equal(await page.inputValue('#stream-1-amount'), '200', 'the locked stream keeps its amount');
    assert.equal(await textOf(page, '#total-grand'), '3,788万元', 'the pool stays');
    await page.keyboard.press('Control+z');
    await untilValue(page, '#stream-0-amount', '273');
    assert.equal(await page.inputValue('#stream-0-amount'), '273', 'undo by keyboard');
    assert.deepEqual(errors, []);
  });

  test('an undo that locks the focused slider moves the focus to its lock, not the page start', async () => {
    const { page, errors } = await open(browser, `${server.url}/?lang=en`);
    // The focus moves after the render: a loaded machine may take longer than the first look.
    const focused = async (want) => {
      await page.waitForTimeout(100);
      await page.waitForFunction((w) => document.activeElement?.id === w, want, { timeout: 3_000 }).catch(() => {});
      return page.evaluate(() => (document.activeElement === document.body ? 'body' : document.activeElement?.id));
    };
    await page.check('#mode-pool');
    await page.check('#stream-0-lock');
    await page.uncheck('#stream-0-lock');
    await page.focus('#stream-0-slider');
    await page.keyboard.press('Control+z');
    await page.waitForSelector('#stream-0-slider:disabled');
    assert.equal(await focused('stream-0-lock'), 'stream-0-lock', 'undoing the unlock');
    // Locked in a free mode, the slider still moves; undoing the move to free locks it again.
    await page.check('#mode-free');
    await page.focus('#stream-0-slider');
    await page.keyboard.press('Control+z');
    await page.waitForSelector('#stream-0-slider:disabled');
    assert.equal(await focused('stream-0-lock'), 'stream-0-lock', 'undoing the switch to free');
    // Focus elsewhere stays where it is when a stream is locked.
    await page.check('#mode-free');
    await page.focus('#mode-pool');
    await page.keyboard.press('Space');
    await page.waitForSelector('#stream-0-slider:disabled');
    assert.equal(await focused('mode-pool'), 'mode-pool');
    assert.deepEqual(errors, []);
  });

  test('a cover, or an undo that takes its offer away, leaves the focus on the bid and says it', async () => {
    const { page, errors } = await open(browser, `${server.url}/?lang=zh-Hans`);
    // The focus moves after the render: a loaded machine may take longer than the first look.
    const focused = async (want) => {
      await page.waitForTimeout(100);
      await page.waitForFunction((w) => document.activeElement?.id === w, want, { timeout: 3_000 }).catch(() => {});
      return page.evaluate(() => (document.activeElement === document.body ? 'body' : document.activeElement?.id));
    };
    const offer = page.locator('li:has(#stream-5-name) .cover');
    const openOffer = async () => {
      await offer.locator('summary').click();
      await page.check('#stream-5-cover-0');
      await page.focus('#stream-5-cover-button');
    };
    await page.selectOption('#stream-5-outcome', 'refused');
    await openOffer();
    await page.keyboard.press('Enter');
    await offer.waitFor({ state: 'detached' });
    assert.equal(await focused('stream-5-outcome'), 'stream-5-outcome', 'after the cover');
    assert.equal(await page.getAttribute('#stream-5-covered', 'role'), 'status');
    assert.equal(await textOf(page, '#stream-5-covered'), '已从所选项目调出30万元补足缺口');
    assert.equal(await page.inputValue('#stream-0-amount'), '243', 'the 30万 came from the item picked');
    // Undone, the cover is no longer said; its offer is back.
    await page.keyboard.press('Control+z');
    await offer.waitFor({ state: 'attached' });
    assert.equal(await textOf(page, '#stream-5-covered'), '');
    // An undo pressed on the offer's button takes the offer away (the bid is pending again).
    await openOffer();
    await page.keyboard.press('Control+z');
    await offer.waitFor({ state: 'detached' });
    assert.equal(await focused('stream-5-outcome'), 'stream-5-outcome', 'after the undo');
    assert.equal(await page.inputValue('#stream-5-outcome'), 'pending');
    assert.equal(await textOf(page, '#stream-5-covered'), '');
    assert.deepEqual(errors, []);
  });

  test('focus stays on a history button that runs out, and on the notices after a dismissal', async () => {
    const { page, errors } = await open(browser, `${server.url}/?lang=en#v9;bad`);
    const focusedText = async () => {
      await page.waitForFunction(() => document.activeElement && document.activeElement !== document.body, null, { timeout: 2000 }).catch(() => {});
      return page.evaluate(() => document.activeElement?.textContent.trim());
    };
    await page.fill('#stream-0-amount', '3000000');
    await page.press('#stream-0-amount', 'Enter');
    await page.getByRole('button', { name: 'Undo' }).focus();
    await page.keyboard.press('Enter');
    await untilValue(page, '#stream-0-amount', '2,730,000');
    assert.equal(await focusedText(), 'Redo', 'undo ran out: focus moves to redo, not the page start');
    await page.keyboard.press('Enter');
    await untilValue(page, '#stream-0-amount', '3,000,000');
    assert.equal(await focusedText(), 'Undo', 'redo ran out: focus moves back to undo');

    // The bad link's notice, then a second one from a file that is no dataset.
    await page.setInputFiles('#dataset-file', { name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{') });
    await page.waitForFunction(() => document.querySelectorAll('.notice').length === 2);
    await page.locator('.notice').first().getByRole('button').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('.notice').length === 1);
    assert.match(await focusedText(), /^Dismiss/, 'focus moves to the notice that took its place');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('.notice').length === 0);
    assert.equal(
      await page.evaluate(() => document.activeElement?.id),
      'programme-title',
      'with no notice left, focus goes to the title',
    );
    assert.deepEqual(errors, []);
  });
});
