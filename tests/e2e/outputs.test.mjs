// Outputs a meeting can use (issue 21): chart files that paste at a sensible size, with their
// title, scenario, date and source; PNGs drawn by the browser at twice the size.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, open, serveDist } from './harness.mjs';

let server;
let browser;
before(async () => {
  server = await serveDist();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Clicks `selector` and returns the download's suggested name and bytes. */
async function download(page, selector) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

/** The width and height a PNG's IHDR chunk gives. */
function pngSize(bytes) {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  assert.deepEqual([...bytes.subarray(0, 8)], signature, 'a PNG signature');
  assert.equal(bytes.subarray(12, 16).toString('latin1'), 'IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('chart files', () => {
  test('each SVG stands alone with a title, the scenario, the date, the source and a pixel size; each PNG is twice its size', async () => {
    const { page, errors } = await open(browser, `${server.url}/?lang=en`);
    for (const chart of ['streams', 'kinds', 'flow']) {
      const svg = await download(page, `#download-svg-${chart}`);
      assert.match(svg.name, new RegExp(`^muchuan-chart-${chart}-.*\\.svg$`));
      // Parsed alone, as a document would read the file.
      const read = await page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
        const root = doc.documentElement;
        return {
          error: doc.querySelector('parsererror') !== null,
          width: root.getAttribute('width'),
          height: root.getAttribute('height'),
          viewBox: root.getAttribute('viewBox'),
          title: root.querySelector(':scope > title')?.textContent,
          texts: [...root.querySelectorAll(':scope > text')].map((t) => t.textContent),
        };
      }, svg.bytes.toString('utf8'));
      assert.equal(read.error, false, `${chart}: well-formed`);
      assert.match(read.width, /^\d+$/, `${chart}: a width in px, not ${read.width}`);
      assert.match(read.height, /^\d+$/, `${chart}: a height in px`);
      assert.equal(read.viewBox, `0 0 ${read.width} ${read.height}`);
      assert.ok(Number(read.width) >= 600 && Number(read.height) >= 250, `${chart}: ${read.width}×${read.height}`);
      assert.equal(read.texts[0], read.title, `${chart}: the title is visible`);
      assert.match(read.texts[1], /^Scenario: .+ · \d{4}-\d{2}-\d{2}$/);
      assert.match(read.texts.slice(2).join(' '), /^Source: .*Leshan/);

      const png = await download(page, `#download-png-${chart}`);
      assert.match(png.name, new RegExp(`^muchuan-chart-${chart}-.*\\.png$`));
      assert.deepEqual(pngSize(png.bytes), { width: 2 * Number(read.width), height: 2 * Number(read.height) });
      await page.locator('.export-status').filter({ hasText: png.name }).waitFor();
    }
    assert.deepEqual(errors, []);
  });
});
