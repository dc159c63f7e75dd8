// One small driver interface over three engines, so that a test is written once:
//   Chromium  playwright-core with Debian's Chromium (as the rest of tests/e2e)
//   Firefox   puppeteer-core over WebDriver BiDi with Debian's Firefox ESR (no geckodriver)
//   WebKit    selenium-webdriver over classic WebDriver with WebKitGTK's MiniBrowser, through a
//             WebKitWebDriver this module starts (the run needs a display: `xvfb-run -a`)
// A page: goto(url), eval(fn, arg), press(key), clickAt(x, y), screenshot(name),
// download(trigger) and close(); errors() lists what the driver itself reported (nothing in
// WebKit: the pages record their own errors, see recorder.js).
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { OUTPUT, launch as launchChromium } from '../harness.mjs';

export const VIEWPORT = { width: 1280, height: 900 };
const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER ?? '/usr/bin/WebKitWebDriver';
const MINIBROWSER = process.env.MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** Launches `engine` ('chromium' | 'firefox' | 'webkit'); resolves to { newPage(), close() }. */
export function launch(engine) {
  return { chromium: chromium, firefox: firefox, webkit: webkit }[engine]();
}

function shotPath(name) {
  return join(OUTPUT, `${name}.png`);
}

/**
 * The driver interface over a playwright-core or puppeteer-core page (their calls used here are
 * the same), collecting console and page errors; `download(trigger)` is the engine's own.
 */
function wrapPage(page, download) {
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => errors.push(`page: ${e.message}`));
  return {
    errors: () => errors,
    goto: (url) => page.goto(url),
    eval: (fn, arg) => page.evaluate(fn, arg),
    press: (key) => page.keyboard.press(key),
    clickAt: (x, y) => page.mouse.click(x, y),
    screenshot: (name) => page.screenshot({ path: shotPath(name), fullPage: true }),
    download,
    close: () => page.close(),
  };
}

async function chromium() {
  const context = await launchChromium();
  return {
    async newPage() {
      const page = await context.newPage();
      await page.setViewportSize(VIEWPORT);
      return wrapPage(page, async (trigger) => {
        const [file] = await Promise.all([page.waitForEvent('download'), trigger()]);
        return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
      });
    },
    close: () => context.close(),
  };
}

async function firefox() {
  const { default: puppeteer } = await import('puppeteer-core');
  const profile = mkdtempSync(join(tmpdir(), 'mfe-firefox-'));
  const downloads = mkdtempSync(join(tmpdir(), 'mfe-firefox-downloads-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    userDataDir: profile,
    defaultViewport: VIEWPORT,
    extraPrefsFirefox: { 'intl.accept_languages': 'en-US' },
  });
  const context = await browser.createBrowserContext({
    downloadBehavior: { policy: 'allow', downloadPath: downloads },
  });
  return {
    async newPage() {
      const page = await context.newPage();
      await page.setViewport(VIEWPORT);
      return wrapPage(page, async (trigger) => {
        const before = new Set(readdirSync(downloads));
        await trigger();
        // Firefox makes an empty file of the final name and writes a `.part` beside it, then
        // moves the `.part` over it: the download is done when no `.part` is left (and the
        // file has something in it; a CSV export never is empty).
        for (let i = 0; i < 50; i += 1) {
          const added = readdirSync(downloads).filter((f) => !before.has(f));
          const done = added.filter((f) => !f.endsWith('.part'));
          const written = done.length > 0 && statSync(join(downloads, done[0])).size > 0;
          if (written && done.length === added.length) {
            return { name: done[0], text: readFileSync(join(downloads, done[0]), 'utf8') };
          }
          await sleep(100);
        }
        throw new Error('Firefox saved no download within 5 s');
      });
    },
    async close() {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
      rmSync(downloads, { recursive: true, force: true });
    },
  };
}

/** A free TCP port on 127.0.0.1. */
async function freePort() {
  const server = createServer();
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address();
  await new Promise((done) => server.close(done));
  return port;
}

async function webkit() {
  if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    throw new Error('WebKit needs a display: run the tests under `xvfb-run -a`');
  }
  const { Builder, Key, Origin } = await import('selenium-webdriver');
  const port = await freePort();
  const server = spawn(WEBKIT_DRIVER, [`--port=${port}`, '--host=127.0.0.1'], { stdio: 'ignore' });
  const stopServer = () => server.kill();
  let driver;
  try {
    // Passing the server's URL keeps Selenium Manager from looking for (downloading) a driver.
    for (let i = 0; ; i += 1) {
      try {
        driver = await new Builder()
          .usingServer(`http://127.0.0.1:${port}`)
          .withCapabilities({
            browserName: 'MiniBrowser',
            'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
          })
          .build();
        break;
      } catch (error) {
        if (i >= 50) throw error;
        await sleep(100);
      }
    }
  } catch (error) {
    stopServer();
    throw error;
  }
  const KEYS = {
    ArrowRight: Key.ARROW_RIGHT, ArrowLeft: Key.ARROW_LEFT, ArrowUp: Key.ARROW_UP,
    ArrowDown: Key.ARROW_DOWN, PageUp: Key.PAGE_UP, PageDown: Key.PAGE_DOWN,
    Enter: Key.ENTER, Escape: Key.ESCAPE, Tab: Key.TAB,
  };
  const setWindow = (height) => driver.manage().window().setRect({ x: 0, y: 0, width: VIEWPORT.width, height });
  await setWindow(VIEWPORT.height);
  // Then as tall as the other engines' viewports, the window's own bars added.
  await setWindow(VIEWPORT.height + (await driver.executeScript('return outerHeight - innerHeight')));
  let open = false;
  return {
    async newPage() {
      // One window serves every page in turn: the driver's session is the browser.
      if (open) throw new Error('the WebKit driver opens one page at a time');
      open = true;
      return {
        errors: () => [],
        goto: (url) => driver.get(url),
        eval: (fn, arg) => driver.executeScript(fn, arg),
        press: (key) => driver.actions().sendKeys(KEYS[key] ?? key).perform(),
        clickAt: (x, y) =>
          driver.actions().move({ x: Math.round(x), y: Math.round(y), origin: Origin.VIEWPORT }).click().perform(),
        async screenshot(name) {
          // The driver's screenshot covers the window only: make the window as tall as the page
          // (up to the virtual screen's 4,000 px, see scripts/test.sh), then as it was.
          const [page, chrome] = await driver.executeScript(
            'return [document.documentElement.scrollHeight, outerHeight - innerHeight]');
          await setWindow(Math.min(page + chrome, 4000));
          await sleep(300);
          writeFileSync(shotPath(name), Buffer.from(await driver.takeScreenshot(), 'base64'));
          await setWindow(VIEWPORT.height + chrome);
        },
        // The driver cannot save downloads; the page's own record (recorder.js) is read instead.
        download: null,
        close: async () => {
          await driver.get('about:blank');
          open = false;
        },
      };
    },
    async close() {
      try {
        await driver.quit();
      } finally {
        stopServer();
      }
    },
  };
}
