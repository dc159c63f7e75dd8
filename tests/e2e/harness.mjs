// Shared set-up for the end-to-end tests: Debian's Chromium driven by playwright-core, the
// built dist/ served on 127.0.0.1, console errors collected, screenshots saved.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { serve } from './server.mjs';

export const ROOT = new URL('../../', import.meta.url).pathname;
export const DIST = join(ROOT, 'dist');
export const OUTPUT = join(ROOT, 'tests/e2e/output');
mkdirSync(OUTPUT, { recursive: true });

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
// Without these, Chromium stalls on this closed network (see the README's "Toolchain").
const FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Launches a fresh headless Chromium with an empty profile, deleted when it closes. */
export async function launch() {
  const profile = mkdtempSync(join(tmpdir(), 'mfe-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 1280, height: 900 },
    locale: 'en-US',
  });
  // Each run would otherwise leave a few megabytes of profile in the temporary folder.
  const close = context.close.bind(context);
  context.close = async (...options) => {
    await close(...options);
    rmSync(profile, { recursive: true, force: true });
  };
  return context;
}

/** Serves dist/ at the root (and any extra mounts); returns { url, close }. */
export function serveDist(extraMounts = {}, headers = {}) {
  return serve({ mounts: { '/': DIST, ...extraMounts }, headers });
}

/**
 * The server (`{ url, close }`) and the Chromium context of the test file's set-up, once
 * `serveAndLaunch` has started them: imported, they are read as they are at the time of use
 * (each test file runs in a process of its own).
 */
export let server;
export let browser;

/**
 * The set-up most test files share: before their tests, dist/ served (with the extra `mounts`
 * and `headers` of `serveDist`) as `server`, a fresh Chromium as `browser`, then `ready()`, the
 * file's own set-up that needs them (top-level hooks may run side by side, so it goes here);
 * after the tests, both closed.
 */
export function serveAndLaunch({ mounts = {}, headers = {}, ready = async () => {} } = {}) {
  before(async () => {
    server = await serveDist(mounts, headers);
    browser = await launch();
    await ready();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
}

/**
 * Opens `url` in a new page of `context` and waits for the app to start. Returns the page, the
 * list that collects console errors, page errors and CSP violations, and the list of console
 * warnings.
 */
export async function open(context, url, { ready = true } = {}) {
  const page = await context.newPage();
  const errors = [];
  const warnings = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
    if (message.type() === 'warning') warnings.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
  page.on('dialog', (dialog) => {
    errors.push(`dialog opened: ${dialog.message()}`);
    dialog.dismiss();
  });
  await page.goto(url);
  if (ready) await page.waitForSelector('html[data-ready]');
  return { page, errors, warnings };
}

/**
 * Waits (up to 3 s) until the input at `selector` holds `want`. The app renders in the tasks that
 * follow an event, and on a busy machine Yew hands the browser a turn between them, so a read
 * right after a key press can come before the render. Returns either way: the test's own
 * assertion then reports a value that never came.
 */
export async function untilValue(page, selector, want) {
  await page
    .waitForFunction(([s, w]) => document.querySelector(s)?.value === w, [selector, want], { timeout: 3000 })
    .catch(() => {});
}

/**
 * Waits (up to 3 s) until the element at `selector` reads `want`: the totals and charts follow a
 * burst of keys once it pauses (100 ms), not key by key. Returns either way, as `untilValue`.
 */
export async function untilText(page, selector, want) {
  await page
    .waitForFunction(([s, w]) => document.querySelector(s)?.textContent.trim() === w, [selector, want], { timeout: 3000 })
    .catch(() => {});
}

/**
 * Lets the app finish what an event started. Yew renders in the tasks that follow the event,
 * and on a busy machine it hands the browser a turn (a zero timeout) between them, so a read
 * right after a click or key press could see the page from before it; timeouts run in order, so
 * two zero timeouts queued now run after the one Yew is waiting on.
 */
export async function settle(page) {
  await page.evaluate(() => new Promise((done) => setTimeout(() => setTimeout(done, 0), 0)));
}

/** The text of an element, trimmed, once the app has finished rendering. */
export async function textOf(page, selector) {
  await settle(page);
  return (await page.locator(selector).first().innerText()).trim();
}

/** Saves a full-page screenshot into tests/e2e/output. */
export async function screenshot(page, name) {
  await page.screenshot({ path: join(OUTPUT, `${name}.png`), fullPage: true });
}

const AXE = join(ROOT, 'node_modules/axe-core/axe.min.js');

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the page and returns its violations as
 * readable lines (empty when there are none).
 */
export async function axeViolations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(() =>
    window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    }),
  );
  return result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`,
  );
}

/**
 * Whether the pixels just inside the left and right edges of `box` are shaded (darker than the
 * white paper or a table's tint), `y` pixels down from its top: by default below the heading
 * row of a totals table, in the first body row's top padding (no text there).
 */
export async function edgeShades(page, box, y = 62) {
  const png = (await box.screenshot()).toString('base64');
  return page.evaluate(async ([data, wantY]) => {
    const image = new Image();
    image.src = `data:image/png;base64,${data}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    [canvas.width, canvas.height] = [image.width, image.height];
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    const row = Math.min(image.height - 1, wantY);
    const shaded = (x) => context.getImageData(x, row, 1, 1).data[0] < 235;
    return { left: shaded(1), right: shaded(image.width - 2) };
  }, [png, y]);
}

/**
 * Forgets the dataset the explorer keeps in the browser's IndexedDB (the last file loaded,
 * which a reload opens), so that the next page of the same profile opens the built-in data.
 */
export async function forgetKeptData(page) {
  await page.evaluate(() => new Promise((done) => {
    const opening = indexedDB.open('muchuan-funding-explorer', 1);
    opening.onupgradeneeded = () => opening.result.createObjectStore('datasets');
    opening.onerror = () => done();
    opening.onsuccess = () => {
      const db = opening.result;
      const tx = db.transaction('datasets', 'readwrite');
      tx.objectStore('datasets').delete('current');
      tx.oncomplete = tx.onabort = () => { db.close(); done(); };
    };
  }));
}

/**
 * Waits (up to 10 s) until the explorer's IndexedDB holds `want` under `key` (`undefined`: holds
 * nothing), as the kept-data choices are written there after the click that makes them.
 */
export async function untilKept(page, key, want) {
  await page.waitForFunction(([k, w]) => new Promise((done) => {
    const opening = indexedDB.open('muchuan-funding-explorer', 1);
    opening.onupgradeneeded = () => opening.result.createObjectStore('datasets');
    opening.onerror = () => done(false);
    opening.onsuccess = () => {
      const db = opening.result;
      const reading = db.transaction('datasets').objectStore('datasets').get(k);
      reading.onsuccess = () => { db.close(); done(reading.result === (w ?? undefined)); };
      reading.onerror = () => { db.close(); done(false); };
    };
  }), [key, want], { timeout: 10_000, polling: 100 });
}

/** Clicks `selector` and returns the download's suggested name and bytes. */
export async function download(page, selector) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}
