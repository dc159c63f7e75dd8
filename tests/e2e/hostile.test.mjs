// Hostile text in the browser: a dataset whose names are markup, script, right-to-left
// overrides, a 10,000-character word, emoji and formulas (tests/e2e/fixtures/hostile.json),
// loaded by URL and by the file picker. Nothing may run, nothing may become markup, the layout
// must hold. Also: a start that fails shows the start-failure panel, not a blank page. Frames,
// data sources, storage, another tab, oversized links and a sandbox are in
// hostile-surroundings.test.mjs.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, browser, forgetKeptData, open, screenshot, server } from './harness.mjs';
import { STRICT_CSP, serve } from './server.mjs';
import { FIXTURES, serveHostile } from './hostile-setup.mjs';

const HOSTILE = join(FIXTURES, 'hostile.json');
const DATASET = JSON.parse(readFileSync(HOSTILE, 'utf8'));
const LONG_NAME = DATASET.streams.find((s) => s.id === 's-long').name.en;
const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '</svg><script>alert(1)</script>',
  '"><b>bold</b>',
];
/** Elements a name could smuggle in; the explorer itself uses none of them. */
const SMUGGLED = 'script, img, b, iframe, object, embed, foreignObject, svg a, [onerror], [onload], [onclick]';

serveHostile();

/** What a page must show after loading the hostile dataset, however it was loaded. */
async function assertInert(page, errors, label) {
  // Images would load and fail asynchronously: give any onerror time to fire.
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__pwned), undefined, `${label}: no payload ran`);
  assert.deepEqual(await page.evaluate(() => window.__smuggled), [], `${label}: no element was smuggled in`);
  assert.equal(await page.locator(`#mfe-root :is(${SMUGGLED})`).count(), 0, `${label}: no smuggled element`);
  assert.deepEqual(errors, [], `${label}: no dialog, no error, no CSP violation`);

  // The names are there, as literal text. Sections off screen skip rendering
  // (`content-visibility: auto`), and innerText leaves out what is not rendered: render them all.
  await page.evaluate(() => {
    for (const element of document.querySelectorAll('#mfe-root *')) {
      if (getComputedStyle(element).contentVisibility === 'auto') element.style.contentVisibility = 'visible';
    }
  });
  const text = await page.locator('#mfe-root').innerText();
  for (const payload of PAYLOADS) assert.ok(text.includes(payload), `${label}: ${payload} shown as text`);
  assert.ok(text.includes(LONG_NAME), `${label}: the 10,000-character name is shown whole`);
  assert.ok(text.includes('💰 Emoji 🇨🇳 fund 👩‍👩‍👧‍👦'), `${label}: emoji shown`);
  assert.ok(text.includes('\u202E'), `${label}: the right-to-left override is kept as text`);
  assert.ok(text.includes('=HYPERLINK("https://example.invalid","click")'), `${label}: the formula is shown as text`);
  assert.equal(await page.locator('#programme-title').innerText(), DATASET.title.en);

  // The `javascript:` source address is not a link; it is not even in the page's markup.
  assert.equal(await page.locator('a[href^="javascript" i], [href*="javascript:" i], [src*="javascript:" i]').count(), 0);
  assert.ok(!(await page.content()).includes('javascript:alert(1)'), `${label}: the javascript: url is not in the page`);
  assert.equal(await page.locator('.source-line cite').innerText(), DATASET.source.title.en);

  // Every chart: only drawing elements, the names inside as text.
  const charts = await page.$$eval('#mfe-root .chart-svg svg', (svgs) => svgs.map((svg) => ({
    tags: [...new Set([...svg.querySelectorAll('*')].map((e) => e.localName))],
    handlers: [...svg.querySelectorAll('*')].flatMap((e) => [...e.attributes].map((a) => a.name))
      .filter((name) => name.startsWith('on') || name.includes('href') || name === 'style'),
    text: svg.textContent,
    markup: svg.outerHTML,
  })));
  assert.ok(charts.length >= 3, `${label}: the three charts (and any comparison) are drawn`);
  const drawing = new Set(['title', 'desc', 'g', 'rect', 'line', 'polyline', 'polygon', 'path', 'circle', 'text', 'defs', 'pattern']);
  for (const chart of charts) {
    assert.deepEqual(chart.tags.filter((t) => !drawing.has(t)), [], `${label}: only drawing elements`);
    assert.deepEqual(chart.handlers, [], `${label}: no handler, link or style attribute`);
    assert.ok(!/<(script|img|b)[\s>]/i.test(chart.markup), `${label}: no markup from names`);
  }
  const chartText = charts.map((c) => c.text).join('\n');
  assert.match(chartText, /<script>alert\(1\)</, `${label}: a name drawn as literal text`);
  assert.match(chartText, /<img src=x/, `${label}: a name drawn as literal text`);
  assert.ok(!chartText.includes('\u202E'), `${label}: no override reaches a drawing`);
}

/** The page does not scroll sideways at `width` px. */
async function assertNoSidewaysScroll(page, width, label) {
  await page.setViewportSize({ width, height: 900 });
  // The charts re-lay out on resize (later on a loaded machine).
  await page.waitForTimeout(200);
  await page.waitForFunction(() => document.documentElement.scrollWidth <= window.innerWidth, null, { timeout: 5_000 }).catch(() => {});
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  assert.ok(scrollWidth <= innerWidth, `${label}: the page is ${scrollWidth} px wide at ${innerWidth} px`);
}

describe('hostile names', () => {
  test('loaded by URL: shown as inert text, in every chart too, and the layout holds', async () => {
    const { page, errors } = await open(browser, `${server.url}/?lang=en&data=fixtures/hostile.json`);
    assert.equal(await page.locator('.stream').count(), DATASET.streams.length);
    await assertInert(page, errors, '?data=');
    for (const width of [360, 1280]) await assertNoSidewaysScroll(page, width, '?data=');
    await page.setViewportSize({ width: 360, height: 900 });
    await screenshot(page, 'hostile-phone');
    await page.setViewportSize({ width: 1280, height: 900 });
    await screenshot(page, 'hostile-desktop');
  });

  test('loaded with the file picker: the same', async () => {
    const { page, errors } = await open(browser, `${server.url}/?lang=en`);
    await page.setInputFiles('#dataset-file', HOSTILE);
    await page.waitForFunction((n) => document.querySelectorAll('.stream').length === n, DATASET.streams.length);
    await assertInert(page, errors, 'file picker');
    for (const width of [360, 1280]) await assertNoSidewaysScroll(page, width, 'file picker');
    // The picked file would open again in the next tests' pages of this profile.
    await forgetKeptData(page);
  });

  test('a right-to-left override stays inside its own name', async () => {
    const { page, errors } = await open(browser, `${server.url}/?lang=en&data=fixtures/hostile.json`);
    const row = page.locator('.stream').filter({ has: page.locator('.stream-name', { hasText: 'tail' }) });
    // The agency's name starts with U+202E; the kind's name follows it on the same line. If the
    // override leaked out of the agency's name, the line would run right to left and the kind
    // would be drawn to the left of the agency.
    const agency = await row.locator('.agency').boundingBox();
    const kind = await row.locator('.kind').boundingBox();
    assert.ok(kind.x >= agency.x + agency.width - 1, `kind at ${kind.x}, agency ends at ${agency.x + agency.width}`);
    // Inside a sentence: the per-unit line names the stream (whose override is never closed),
    // then its amount and count. The division must still come after (to the right of) the name.
    await page.click('#per-unit-s-rtl summary'); // the unit cost is a click away
    const order = await page.locator('#per-unit-s-rtl .how').evaluate((span) => {
      const node = [...span.childNodes].find((n) => n.nodeType === 3 && n.data.includes('÷'));
      const rect = (from, to) => {
        const range = document.createRange();
        range.setStart(node, from);
        range.setEnd(node, to);
        return range.getBoundingClientRect();
      };
      // The name, `tail` then U+202E and text, never closes its override.
      const nameEnd = node.data.indexOf('esrever') + 'esrever'.length;
      const division = node.data.indexOf('÷');
      return { name: rect(0, nameEnd), division: rect(division, division + 1) };
    });
    assert.ok(order.division.x >= order.name.x + order.name.width - 1,
      `÷ at ${order.division.x}, the name ends at ${order.name.x + order.name.width}`);
    assert.deepEqual(errors, []);
  });

  test('the share link after a slider move has only safe characters', async () => {
    const { page, errors } = await open(browser, `${server.url}/?lang=en&data=fixtures/hostile.json`);
    await page.focus('#stream-0-slider');
    await page.keyboard.press('PageUp');
    await page.waitForFunction(() => location.hash.length > 3);
    const hash = await page.evaluate(() => location.hash);
    assert.match(hash, /^#v1(;[A-Za-z0-9:=,._-]+)+$/, hash);
    assert.match(hash, /s-script=110w/);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.deepEqual(errors, []);
  });

  test('exports: the CSV neutralises formula cells, the JSON re-imports to the same totals', async (t) => {
    const { page, errors } = await open(browser, `${server.url}/?lang=en&data=fixtures/hostile.json`);
    if ((await page.locator('#download-csv').count()) === 0) {
      t.skip('this build has no export buttons');
      return;
    }
    await page.focus('#stream-0-slider');
    await page.keyboard.press('PageUp');
    const totals = async () => ({
      grand: await page.locator('#total-grand').innerText(),
      granted: await page.locator('#total-granted').innerText(),
      sought: await page.locator('#total-sought').innerText(),
    });
    const expected = await totals();

    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#download-csv')]);
    const table = readFileSync(await csv.path(), 'utf8').replace(/^\uFEFF/, '');
    const cells = parseCsv(table).flat();
    const formula = /^[=+\-@\t\r＝＋－＠]/;
    const number = /^-?\d+(\.\d)?$/;
    const formulas = cells.filter((cell) => formula.test(cell) && !number.test(cell));
    assert.deepEqual(formulas, [], 'no cell starts a formula');
    assert.ok(cells.includes('\'=HYPERLINK("https://example.invalid","click")'), 'the = name is neutralised');
    assert.ok(cells.includes('\'@SUM(1+1)*cmd|\' /C calc\'!A0'), 'the @ agency is neutralised');
    assert.ok(cells.includes('<script>alert(1)</script>'), 'other names are written as they are');
    assert.ok(cells.includes(LONG_NAME), 'the long name is written whole');

    for (const chart of ['streams', 'kinds', 'flow']) {
      const [svg] = await Promise.all([page.waitForEvent('download'), page.click(`#download-svg-${chart}`)]);
      const file = readFileSync(await svg.path(), 'utf8');
      assert.ok(!/<(script|img|b|foreignObject|a)[\s>/]/i.test(file), `the ${chart} SVG file has no markup from names`);
      const tags = file.match(/<[^>]*>/g).map((tag) => tag.replace(/"[^"]*"/g, '""'));
      assert.deepEqual(tags.filter((tag) => /\s(on[a-z]+|style|[a-z:]*href)\s*=/i.test(tag)), [], `the ${chart} SVG file has no handler`);
      assert.ok(file.includes('&lt;'), `the ${chart} SVG file has the names, escaped`);
    }

    const [json] = await Promise.all([page.waitForEvent('download'), page.click('#download-json')]);
    const document = readFileSync(await json.path(), 'utf8');
    assert.equal(JSON.parse(document).streams['s-script'].amount, 1100000);
    await page.getByRole('button', { name: 'Reset' }).click();
    assert.notDeepEqual(await totals(), expected);
    await page.setInputFiles('#import-file', { name: 'hostile-scenario.json', mimeType: 'application/json', buffer: Buffer.from(document) });
    await page.locator('.export-status').filter({ hasText: 'Imported' }).waitFor();
    assert.deepEqual(await totals(), expected, 'the JSON export re-imports to the same totals');
    await assertInert(page, errors, 'exports');
  });
});

/** RFC 4180 CSV to rows of cells (enough for the explorer's own exports). */
function parseCsv(text) {
  const rows = [[]];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i += 1; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { rows.at(-1).push(cell); cell = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { rows.at(-1).push(cell); cell = ''; rows.push([]); i += 1; }
    else cell += c;
  }
  if (cell !== '' || rows.at(-1).length > 0) rows.at(-1).push(cell);
  if (rows.at(-1).length === 0) rows.pop();
  return rows;
}

describe('hostile amounts', () => {
  test('the largest amounts a field takes fit the page, with grouped figures', async () => {
    const { page, errors } = await open(browser, `${server.url}/?lang=en`);
    // Typed in yuan, an amount moves in whole 万: the largest below the limit is 999,999,999,990,000.
    for (const [stream, amount] of [[0, '999999999990000'], [3, '1000000000000000']]) {
      await page.fill(`#stream-${stream}-amount`, amount);
      await page.press(`#stream-${stream}-amount`, 'Enter');
    }
    assert.equal(await page.locator('#total-grand').innerText(), 'CNY 2,000,000,015.14 million');
    assert.match(await page.locator('#total-delta').innerText(), /\(\+5,279,830,985\.4%\)/);
    for (const width of [360, 1280]) await assertNoSidewaysScroll(page, width, 'largest amounts');
    assert.deepEqual(errors, []);
  });
});

describe('a start that fails', () => {
  /** A copy of dist/ whose WebAssembly is cut short, as a broken or interrupted deploy leaves it. */
  function brokenDist() {
    const copy = mkdtempSync(join(tmpdir(), 'mfe-broken-dist-'));
    cpSync(DIST, copy, { recursive: true });
    const wasm = readdirSync(copy).filter((f) => f.endsWith('.wasm'));
    assert.ok(wasm.length > 0, 'dist has a .wasm file');
    for (const file of wasm) {
      truncateSync(join(copy, file), Math.floor(statSync(join(copy, file)).size / 3));
      // The server would send the intact precompressed copies instead.
      for (const twin of ['.br', '.gz']) rmSync(join(copy, file + twin), { force: true });
    }
    return copy;
  }

  test('a truncated .wasm shows the start-failure panel, with hostile URL parts only as text', async () => {
    const copy = brokenDist();
    const broken = await serve({
      mounts: { '/': copy },
      headers: { 'content-security-policy': STRICT_CSP },
    });
    try {
      const page = await browser.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
      page.on('dialog', (dialog) => { errors.push(`dialog: ${dialog.message()}`); dialog.dismiss(); });
      const hostile = encodeURIComponent('<img src=x onerror=window.__pwned=1>');
      await page.goto(`${broken.url}/?lang=${hostile}&data=${hostile}#${hostile}`);
      const panel = page.locator('#mfe-root .error-panel[role="alert"]');
      await panel.waitFor();
      assert.match(await panel.locator('h2').innerText(), /Could not start/);
      assert.match(await panel.locator('pre').innerText(), /CompileError|WebAssembly|wasm/i);
      const reload = await panel.locator('a.reload').getAttribute('href');
      assert.equal(reload, `/?lang=${hostile}&data=${hostile}`, 'the reload link keeps the query, drops the fragment');
      assert.equal(await page.locator(`#mfe-root :is(${SMUGGLED})`).count(), 0);
      assert.equal(await page.evaluate(() => window.__pwned), undefined);
      assert.equal(await page.locator('html[data-ready]').count(), 0, 'the app did not claim to be ready');
      await screenshot(page, 'start-failure');
      assert.deepEqual(errors, []);
    } finally {
      await broken.close();
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
