// One load of the app measured as `bench.mjs` measures the first chart and the time to
// interactive (see its header and BENCHMARKS.md): shared by `bench.mjs` and `compare.mjs`.

/** Installed before the page's scripts: notes the first chart and keeps the wasm instance. */
export function probe() {
  window.__bench = { firstChart: null, fcp: null, interactive: null };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.name === 'first-contentful-paint') window.__bench.fcp = entry.startTime;
    }
  }).observe({ type: 'paint', buffered: true });
  addEventListener('TrunkApplicationStarted', (event) => {
    window.__bench.wasm = event.detail?.wasm;
  });
  const seen = () => {
    const inserted = performance.now();
    requestAnimationFrame(() => {
      const frame = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        window.__bench.firstChart = { inserted, frame, painted: performance.now() };
      };
      channel.port2.postMessage(0);
    });
  };
  const observer = new MutationObserver(() => {
    if (document.querySelector('figure.chart svg')) {
      observer.disconnect();
      seen();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
  // Interactive: once the app is ready, a slider move shows its new grand total.
  const whenReady = new MutationObserver(() => {
    if (!document.documentElement.hasAttribute('data-ready')) return;
    whenReady.disconnect();
    const slider = document.querySelector('#stream-0-slider');
    const grand = document.querySelector('#total-grand');
    if (!slider || !grand) return;
    const before = grand.textContent;
    requestAnimationFrame(() => {
      slider.value = String(Number(slider.value) + (Number(slider.step) || 1));
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      const check = () => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          if (document.querySelector('#total-grand')?.textContent !== before) {
            window.__bench.interactive = performance.now();
          } else {
            requestAnimationFrame(check);
          }
        };
        channel.port2.postMessage(0);
      };
      check();
    });
  });
  // (The document has no root element yet when this runs: watch the whole document.)
  whenReady.observe(document, { attributes: true, subtree: true, attributeFilter: ['data-ready'] });
}

/** One load in a new tab with the cache off; returns the first chart's timings and the files
 * fetched. */
export async function oneLoad(context, url, { link = null } = {}) {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    if (link) await cdp.send('Network.emulateNetworkConditions', link);
    const fetched = new Set();
    const wire = [];
    page.on('requestfinished', async (request) => {
      const path = new URL(request.url()).pathname;
      const file = path.endsWith('/') ? 'index.html' : path.split('/').pop();
      fetched.add(file);
      try {
        const response = await request.response();
        const { responseBodySize } = await request.sizes();
        wire.push({ file, bytes: responseBodySize, encoding: response?.headers()['content-encoding'] ?? null });
      } catch {
        // The tab closed first (a request after the measured load): not part of the figure.
      }
    });
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(url);
    await page.waitForFunction(
      () => window.__bench?.firstChart && window.__bench.fcp !== null && window.__bench.interactive !== null,
      null,
      { timeout: 60_000 },
    );
    const result = await page.evaluate(() => {
      const [nav] = performance.getEntriesByType('navigation');
      const { firstChart, fcp, interactive } = window.__bench;
      return {
        interactive,
        ...firstChart,
        // The chart is on screen from the first paint after it entered the page: the end of
        // that frame, or the first contentful paint when the browser held its first paint back
        // until after that frame (Chromium does, briefly, on a new page).
        painted: Math.max(firstChart.painted, fcp),
        frameEnd: firstChart.painted,
        fcp,
        domContentLoaded: nav ? nav.domContentLoadedEventEnd : null,
      };
    });
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    return { ...result, fetched: [...fetched], wire };
  } finally {
    await page.close();
  }
}
