// Helpers shared by the what-if scenario tests (scenarios.test.mjs, saved-scenarios.test.mjs):
// their set-up, a fresh page, typing an amount, the three totals, saving, focus, and the figures
// the tests expect.
import { afterEach } from 'node:test';
import { browser, open, serveAndLaunch, server, textOf } from './harness.mjs';

export const KEY = 'muchuan-funding-explorer.scenarios';

export const BASELINE = { grand: '3,788万元', granted: '1,758万元', sought: '2,030万元' };
export const MORE_LOANS = { grand: '3,815万元', granted: '1,785万元', sought: '2,030万元' };
export const TRAINING_REFUSED = { grand: '1,815万元', granted: '1,785万元', sought: '30万元' };

/**
 * The set-up of both files: dist/ served (with the extra `mounts`) and Chromium launched, the
 * clipboard allowed (the share link is copied to it), and every page closed after each test.
 */
export function serveScenarios(mounts = {}) {
  serveAndLaunch({
    mounts,
    ready: () => browser.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url }),
  });
  // Each test closes its pages: an open explorer follows storage changes made in another tab.
  afterEach(async () => {
    for (const page of browser.pages()) await page.close();
  });
}

/** Opens the explorer with empty storage (the tests share one browser profile). */
export async function fresh(path = '/?lang=zh-Hans') {
  const opened = await open(browser, `${server.url}${path}`);
  await opened.page.evaluate(() => localStorage.clear());
  await opened.page.reload();
  await opened.page.waitForSelector('html[data-ready]');
  return opened;
}

/** Types an amount (in 万元 in Chinese) into a stream's field. */
export async function setAmount(page, stream, amount) {
  await page.fill(`#stream-${stream}-amount`, amount);
  await page.press(`#stream-${stream}-amount`, 'Enter');
}

export async function totals(page) {
  return {
    grand: await textOf(page, '#total-grand'),
    granted: await textOf(page, '#total-granted'),
    sought: await textOf(page, '#total-sought'),
  };
}

export async function save(page, name) {
  await page.fill('#scenario-name', name);
  await page.click('#save-scenario');
  await page.locator('.panel-status').filter({ hasText: name }).waitFor();
}

/** Waits until the element with this id has the focus. */
export async function focusOn(page, id) {
  await page.waitForFunction((want) => document.activeElement?.id === want, id, { timeout: 2000 });
}
