// The performance benchmark (issues 7 and 22): transfer sizes (gzip and Brotli), time to the
// first chart painted from the prerendered HTML, time until the app is interactive, the same
// on a slow link, slider latency and memory, on the Muchuan data and on a generated
// 1,000-stream dataset, judged against the budgets of issue 22. Run it through
// `bash scripts/bench.sh`, which builds the release dist/ first; by itself:
// `node tests/perf/bench.mjs [--loads N] [--slow-loads N] [--moves N] [--big-moves N]
// [--json FILE] [--dist DIR]`.
//
// It is a report: it exits 0 whether or not the budgets are met (non-zero only when it cannot
// measure), and prints a PASS/FAIL line per budget.
//
// How each figure is taken (see BENCHMARKS.md for the reasoning):
// - sizes: the files a standalone load fetches (recorded from the network), gzipped here with
//   node's zlib at the default level (6: what a server compressing on the fly sends; the budget
//   is judged there), and as the build precompressed them (`.gz` at level 9, `.br` at quality
//   11: what a server with gzip_static / brotli_static sends); and the bytes that crossed the
//   network in the load (the local server sends the precompressed files Chromium accepts).
// - first chart: a new tab per load in one running browser, HTTP cache off, after one uncounted
//   load that warms the browser; a MutationObserver installed before any script
//   notes when the first `figure.chart svg` enters the DOM, then a requestAnimationFrame
//   callback and a message posted from it mark the end of the frame that paints it (the
//   message runs once that frame's style, layout and paint are done); when the browser holds
//   the page's first paint back past that, the first contentful paint (PerformanceObserver) is
//   when the chart appears. Time is from navigation start (performance.now()). The chart is in
//   the prerendered HTML, so this is the HTML's parse and first paint, before any script.
// - interactive: once the app marks itself ready (`html[data-ready]`, after hydrating and
//   opening the address's language), one slider move is dispatched as in the slider figure; the
//   end of the frame that shows the new grand total is the time to interactive.
// - slow link: the same loads with Chromium's network emulation (CDP
//   Network.emulateNetworkConditions) at 1.6 Mbit/s down, 750 kbit/s up, 150 ms latency.
// - slider latency: each move starts inside a requestAnimationFrame callback, where Chromium
//   also delivers continuous input, so no time is spent waiting for vsync; it sets
//   `#stream-0-slider` and dispatches `input`, and ends when a message posted from that callback
//   runs, after the frame's rendering. The move counts only if `#total-grand` and the streams
//   chart have both changed by then.
// - memory: after a forced garbage collection (CDP), the JS heap in use (Runtime.getHeapUsage)
//   and the WebAssembly memory (`memory.buffer.byteLength` of the instance trunk starts).
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir, cpus, totalmem, loadavg } from 'node:os';
import { join, extname, dirname } from 'node:path';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { launch, DIST, ROOT } from '../e2e/harness.mjs';
import { serve } from '../e2e/server.mjs';
import { generatedDataset } from '../e2e/generated.mjs';
import { oneLoad, probe } from './first-chart.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] !== undefined ? args[at + 1] : fallback;
};
const LOADS = Math.max(10, Number(option('loads', 15)));
const SLOW_LOADS = Math.max(3, Number(option('slow-loads', 5)));
const MOVES = Math.max(1000, Number(option('moves', 1000)));
const BIG_MOVES = Math.max(200, Number(option('big-moves', 300)));
const WARM_UP = 20;
const JSON_OUT = option('json', join(ROOT, 'bench-output/bench.json'));
/** The built app to measure (another build can be compared with `--dist DIR`). */
const DIST_DIR = option('dist', DIST);

/** The budgets of issue 22 (which replaced issue 7's). */
const BUDGET = {
  /** No larger than the whole app before issue 22 (325.1 KB by `gzip -6`). */
  wireGzipBytes: 325 * 1024,
  firstChartMedianMs: 120,
  /** Issue 7's last first-chart median, before the first screen was prerendered. */
  interactiveMedianMs: 400,
  slowLinkVisibleMs: 1000,
  sliderP95Ms: 12,
  sliderP95BigMs: 20,
  /** Memory is flat when it grows by less than this between the half-way and final sample. */
  flatGrowth: 0.1,
};

// ---------------------------------------------------------------------------------------------
// Statistics and printing

const quantile = (sorted, q) => {
  if (sorted.length === 0) return NaN;
  const at = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[at];
};
function summary(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n: sorted.length,
    min: sorted[0],
    p50: quantile(sorted, 0.5),
    p90: quantile(sorted, 0.9),
    p95: quantile(sorted, 0.95),
    max: sorted[sorted.length - 1],
  };
}
const ms = (v) => (Number.isFinite(v) ? `${v.toFixed(1)} ms` : 'n/a');
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const pad = (text, width) => String(text).padEnd(width);
const lpad = (text, width) => String(text).padStart(width);
const say = (line = '') => console.log(line);

// ---------------------------------------------------------------------------------------------
// The machine

function machine() {
  let chromium = 'unknown';
  try {
    chromium = execFileSync(process.env.CHROMIUM ?? '/usr/bin/chromium', ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {}
  let cpuModel = cpus()[0]?.model ?? 'unknown';
  try {
    const info = readFileSync('/proc/cpuinfo', 'utf8');
    cpuModel = info.match(/^model name\s*:\s*(.+)$/m)?.[1] ?? cpuModel;
  } catch {}
  let os = process.platform;
  try {
    os = readFileSync('/etc/os-release', 'utf8').match(/^PRETTY_NAME="?([^"\n]+)/m)?.[1] ?? os;
  } catch {}
  return {
    loadAverage: loadavg().map((v) => Number(v.toFixed(2))),
    cpus: cpus().length,
    cpuModel,
    memoryGiB: Number((totalmem() / 2 ** 30).toFixed(1)),
    os,
    node: process.version,
    chromium,
  };
}

// ---------------------------------------------------------------------------------------------
// Sizes

/** Issue 22's slow link: 1.6 Mbit/s down, 150 ms latency (bytes per second for CDP). */
const SLOW_LINK = {
  offline: false,
  latency: 150,
  downloadThroughput: 1.6e6 / 8,
  uploadThroughput: 0.75e6 / 8,
};

const KIND = { '.html': 'html', '.js': 'js', '.mjs': 'js', '.wasm': 'wasm', '.css': 'css' };

function sizes(files) {
  const rows = files.map((file) => {
    const body = readFileSync(join(DIST_DIR, file));
    return {
      file,
      kind: KIND[extname(file)] ?? 'other',
      raw: body.length,
      gzipDefault: gzipSync(body, { level: zlib.Z_DEFAULT_COMPRESSION }).length,
      gzip9: precompressed(file, '.gz') ?? gzipSync(body, { level: 9 }).length,
      brotli: precompressed(file, '.br') ?? brotliCompressSync(body).length,
    };
  });
  const byKind = {};
  for (const row of rows) {
    const sum = (byKind[row.kind] ??= { raw: 0, gzipDefault: 0, gzip9: 0, brotli: 0 });
    for (const key of Object.keys(sum)) sum[key] += row[key];
  }
  const total = { raw: 0, gzipDefault: 0, gzip9: 0, brotli: 0 };
  for (const row of rows) for (const key of Object.keys(total)) total[key] += row[key];
  return { files: rows, byKind, total };
}

/** The size of the build's precompressed twin of `file` (`.gz`, `.br`), if it has one. */
function precompressed(file, suffix) {
  try {
    return statSync(join(DIST_DIR, file + suffix)).size;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// In-page probes

/**
 * Runs in the page: `count` slider moves of `#stream-0-slider`, one per frame, each timed from
 * the start of its frame's requestAnimationFrame callback (where the input is dispatched) to
 * the end of the rendering of the first frame that shows the new grand total and a new streams
 * chart (usually that same frame; a later one when the app yields before it has updated).
 * Returns the latencies, how many moves needed more than one frame, and how many never showed.
 */
function moves({ count, offset }) {
  const slider = document.querySelector('#stream-0-slider');
  const grand = document.querySelector('#total-grand');
  // The charts are patched in place: compare the streams chart's markup, not its node.
  const chart = () => document.querySelector('#figure-streams svg');
  if (!slider || !grand || !chart()) throw new Error('no slider, total or chart to measure');
  const step = Number(slider.step) || 1;
  const max = Number(slider.max);
  const slots = Math.max(2, Math.floor(max / step));
  // Values walk up and down the slider: every move changes the amount.
  const value = (i) => {
    const period = Math.min(slots, 40);
    const phase = i % (2 * period);
    const position = phase < period ? phase : 2 * period - phase;
    return String(Math.max(1, Math.min(slots, 1 + position + (i % 2))) * step);
  };
  const latencies = [];
  let stale = 0;
  let late = 0;
  // Runs `then` once the current frame's rendering is done (a message is a task after it).
  const afterFrame = (then) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = then;
    channel.port2.postMessage(0);
  };
  const once = (i) =>
    new Promise((done) => {
      requestAnimationFrame(() => {
        const before = document.querySelector('#total-grand').textContent;
        const beforeChart = chart().outerHTML;
        let next = value(i);
        if (next === slider.value) next = String(Number(next) + step);
        const start = performance.now();
        slider.value = next;
        slider.dispatchEvent(new Event('input', { bubbles: true }));
        let frames = 1;
        const check = () => {
          const end = performance.now();
          const updated =
            document.querySelector('#total-grand').textContent !== before &&
            chart().outerHTML !== beforeChart;
          if (updated) {
            latencies.push(end - start);
            if (frames > 1) late += 1;
            done();
          } else if (frames >= 120) {
            stale += 1;
            done();
          } else {
            frames += 1;
            requestAnimationFrame(() => afterFrame(check));
          }
        };
        afterFrame(check);
      });
    });
  return (async () => {
    for (let i = 0; i < count; i += 1) await once(offset + i);
    return { latencies, stale, late };
  })();
}

/** Memory after a forced garbage collection. */
async function memory(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(() => window.__bench.wasm?.memory?.buffer?.byteLength ?? null);
  return { jsHeapUsed: heap.usedSize, jsHeapTotal: heap.totalSize, wasmMemory: wasm };
}

// ---------------------------------------------------------------------------------------------
// Runs

/**
 * `loads` loads of `url`, each in a new tab of one running browser with the HTTP cache off (the
 * server also sends `no-store`): every load fetches, compiles and starts the app from nothing,
 * as a planner opening the page does. One load before them warms the browser itself (its
 * process start and font caches are no part of the app) and is not counted.
 */
async function firstChart(url, loads, { link = null } = {}) {
  const context = await launch();
  const runs = [];
  let fetched = [];
  let wire = [];
  try {
    await context.addInitScript(probe);
    await oneLoad(context, url, { link });
    for (let i = 0; i < loads; i += 1) {
      const run = await oneLoad(context, url, { link });
      runs.push(run);
      ({ fetched, wire } = run);
    }
  } finally {
    await context.close();
  }
  return {
    painted: summary(runs.map((r) => r.painted)),
    inserted: summary(runs.map((r) => r.inserted)),
    fcp: summary(runs.map((r) => r.fcp).filter((v) => v !== null)),
    interactive: summary(runs.map((r) => r.interactive)),
    fetched,
    wire,
  };
}

/** Slider moves on one page, with memory sampled at the start, half-way and the end. */
async function slider(url, total, { memorySamples }) {
  const context = await launch();
  try {
    await context.addInitScript(probe);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(url);
    await page.waitForSelector('html[data-ready]');
    await page.waitForFunction(() => window.__bench?.firstChart);
    const cdp = await context.newCDPSession(page);
    const warm = await page.evaluate(moves, { count: WARM_UP, offset: 0 });
    const samples = { warm: await memory(page, cdp) };
    const half = Math.floor(total / 2);
    const first = await page.evaluate(moves, { count: half, offset: WARM_UP });
    if (memorySamples) samples.half = await memory(page, cdp);
    const second = await page.evaluate(moves, { count: total - half, offset: WARM_UP + half });
    if (memorySamples) samples.end = await memory(page, cdp);
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    const latencies = [...first.latencies, ...second.latencies];
    return {
      moves: total,
      warmUp: WARM_UP,
      stale: warm.stale + first.stale + second.stale,
      late: first.late + second.late,
      latency: summary(latencies),
      memory: samples,
      streams: await page.evaluate(() => document.querySelectorAll('.stream-list > li').length),
    };
  } finally {
    await context.close();
  }
}

const growth = (from, to) => (from ? (to - from) / from : 0);

// ---------------------------------------------------------------------------------------------
// Main

const dataDir = mkdtempSync(join(tmpdir(), 'mfe-bench-data-'));
const BIG = 1000;
writeFileSync(join(dataDir, `streams-${BIG}.json`), JSON.stringify(generatedDataset(BIG), null, 1));
const server = await serve({ mounts: { '/': DIST_DIR, '/bench-data/': dataDir } });
const report = { date: new Date().toISOString(), machine: machine(), budgets: BUDGET };
let failedToMeasure = false;
try {
  const appUrl = `${server.url}/?lang=en`;
  const bigUrl = `${server.url}/?lang=en&data=./bench-data/streams-${BIG}.json`;

  say('Muchuan Funding Explorer: performance benchmark');
  const m = report.machine;
  say(`machine: ${m.cpus} CPUs (${m.cpuModel}), ${m.memoryGiB} GiB, ${m.os}; ${m.chromium}; node ${m.node}`);
  say(`load average at start: ${m.loadAverage.join(', ')} (timings are only comparable on an idle machine)`);
  say();

  say(`first chart, Muchuan data (${LOADS} loads)…`);
  report.firstChart = await firstChart(appUrl, LOADS);
  say(`first chart and interactive, 1.6 Mbit/s 150 ms link (${SLOW_LOADS} loads)…`);
  report.slowLink = await firstChart(appUrl, SLOW_LOADS, { link: SLOW_LINK });
  say(`first chart, ${BIG} streams (${LOADS} loads)…`);
  report.firstChartBig = await firstChart(bigUrl, LOADS);
  say(`slider, Muchuan data (${WARM_UP} warm-up + ${MOVES} moves)…`);
  report.slider = await slider(appUrl, MOVES, { memorySamples: true });
  say(`slider, ${BIG} streams (${WARM_UP} warm-up + ${BIG_MOVES} moves)…`);
  report.sliderBig = await slider(bigUrl, BIG_MOVES, { memorySamples: true });

  // What a standalone load fetches (favicon included when the browser asks for it).
  const wire = report.firstChart.fetched.filter((f) => f !== 'favicon.ico').sort();
  report.sizes = sizes(wire);
} catch (error) {
  failedToMeasure = true;
  console.error(`could not measure: ${error.stack ?? error}`);
} finally {
  report.machine.loadAverageAtEnd = loadavg().map((v) => Number(v.toFixed(2)));
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
}
if (failedToMeasure) process.exit(1);

// ---------------------------------------------------------------------------------------------
// Report

say();
say('Transfer sizes (files a standalone load fetches): gzip -6 by node zlib; .gz and .br as built');
const sizeRow = (label, f) =>
  say(`  ${pad(label, 36)}${lpad(kb(f.raw), 11)}${lpad(kb(f.gzipDefault), 11)}${lpad(kb(f.gzip9), 11)}${lpad(kb(f.brotli), 11)}`);
say(`  ${pad('file', 36)}${lpad('raw', 11)}${lpad('gzip -6', 11)}${lpad('.gz (-9)', 11)}${lpad('.br', 11)}`);
for (const f of report.sizes.files) sizeRow(f.file, f);
for (const [kind, s] of Object.entries(report.sizes.byKind)) sizeRow(`all ${kind}`, s);
const t = report.sizes.total;
sizeRow('whole app', t);
const wireTotal = report.firstChart.wire.reduce((sum, w) => sum + w.bytes, 0);
const encodings = [...new Set(report.firstChart.wire.map((w) => w.encoding ?? 'none'))].join(', ');
say(`  over the network in one load: ${kb(wireTotal)} (Content-Encoding: ${encodings})`);

const timing = (label, s) =>
  say(`  ${pad(label, 30)} median ${lpad(ms(s.p50), 9)}  min ${lpad(ms(s.min), 9)}  p90 ${lpad(ms(s.p90), 9)}  max ${lpad(ms(s.max), 9)}  (n=${s.n})`);
say();
say('Time from navigation to the first chart painted');
timing('Muchuan data', report.firstChart.painted);
timing('  (chart in the DOM)', report.firstChart.inserted);
timing('  (first contentful paint)', report.firstChart.fcp);
timing('  (interactive)', report.firstChart.interactive);
timing('1.6 Mbit/s, 150 ms link', report.slowLink.painted);
timing('  (interactive)', report.slowLink.interactive);
timing(`${BIG} streams`, report.firstChartBig.painted);
timing('  (chart in the DOM)', report.firstChartBig.inserted);

const latency = (label, r) =>
  say(`  ${pad(label, 30)} p50 ${lpad(ms(r.latency.p50), 9)}  p95 ${lpad(ms(r.latency.p95), 9)}  max ${lpad(ms(r.latency.max), 9)}  (n=${r.latency.n}; over one frame: ${r.late}; never shown: ${r.stale}; rows: ${r.streams})`);
say();
say('Slider latency: input event to the end of the frame that shows the new totals and charts');
latency('Muchuan data', report.slider);
latency(`${BIG} streams`, report.sliderBig);

const mib = (bytes) => (bytes === null ? 'n/a' : `${(bytes / 2 ** 20).toFixed(2)} MiB`);
const memoryLine = (label, r) => {
  const { warm, half, end } = r.memory;
  say(`  ${pad(label, 30)} JS heap ${mib(warm.jsHeapUsed)} → ${mib(half.jsHeapUsed)} → ${mib(end.jsHeapUsed)}` +
    ` (${(growth(half.jsHeapUsed, end.jsHeapUsed) * 100).toFixed(1)}% in the second half);` +
    ` wasm ${mib(warm.wasmMemory)} → ${mib(half.wasmMemory)} → ${mib(end.wasmMemory)}` +
    ` (${(growth(half.wasmMemory, end.wasmMemory) * 100).toFixed(1)}%)`);
};
say();
say(`Memory after GC: after warm-up → after ${WARM_UP + Math.floor(MOVES / 2)} moves → after ${WARM_UP + MOVES} moves`);
memoryLine('Muchuan data', report.slider);
memoryLine(`${BIG} streams (${WARM_UP + BIG_MOVES} moves)`, report.sliderBig);

// Verdicts.
const flat = (r) => {
  const { half, end } = r.memory;
  return (
    growth(half.jsHeapUsed, end.jsHeapUsed) < BUDGET.flatGrowth &&
    growth(half.wasmMemory, end.wasmMemory) < BUDGET.flatGrowth
  );
};
const verdicts = [
  [
    `whole app ≤ ${kb(BUDGET.wireGzipBytes)} gzip -6 (Brotli ${kb(t.brotli)}, .gz ${kb(t.gzip9)})`,
    t.gzipDefault <= BUDGET.wireGzipBytes,
    kb(t.gzipDefault),
  ],
  [
    `first chart painted from the prerendered HTML ≤ ${BUDGET.firstChartMedianMs} ms median (Muchuan)`,
    report.firstChart.painted.p50 <= BUDGET.firstChartMedianMs,
    ms(report.firstChart.painted.p50),
  ],
  [
    `interactive (hydrated, a slider move shown) ≤ ${BUDGET.interactiveMedianMs} ms median`,
    report.firstChart.interactive.p50 <= BUDGET.interactiveMedianMs,
    ms(report.firstChart.interactive.p50),
  ],
  [
    `figures visible on a 1.6 Mbit/s 150 ms link ≤ ${BUDGET.slowLinkVisibleMs} ms median (interactive reported)`,
    report.slowLink.painted.p50 <= BUDGET.slowLinkVisibleMs,
    `${ms(report.slowLink.painted.p50)}; interactive ${ms(report.slowLink.interactive.p50)}`,
  ],
  [
    `slider p95 ≤ ${BUDGET.sliderP95Ms} ms (Muchuan)`,
    report.slider.latency.p95 <= BUDGET.sliderP95Ms && report.slider.stale === 0,
    ms(report.slider.latency.p95) + (report.slider.stale ? `, ${report.slider.stale} moves not shown` : ''),
  ],
  [
    `slider p95 ≤ ${BUDGET.sliderP95BigMs} ms (${BIG} streams)`,
    report.sliderBig.latency.p95 <= BUDGET.sliderP95BigMs && report.sliderBig.stale === 0,
    ms(report.sliderBig.latency.p95) + (report.sliderBig.stale ? `, ${report.sliderBig.stale} moves not shown` : ''),
  ],
  [
    `memory flat after warm-up (< ${BUDGET.flatGrowth * 100}% growth of JS heap and wasm memory over the second half of the moves)`,
    flat(report.slider) && flat(report.sliderBig),
    `Muchuan ${flat(report.slider) ? 'flat' : 'growing'}, ${BIG} streams ${flat(report.sliderBig) ? 'flat' : 'growing'}`,
  ],
];
report.verdicts = verdicts.map(([budget, pass, value]) => ({ budget, pass, value }));
say();
say('Budgets');
for (const [budget, pass, value] of verdicts) say(`  ${pass ? 'PASS' : 'FAIL'}  ${budget}: ${value}`);
const failed = verdicts.filter(([, pass]) => !pass).length;
say(failed ? `${failed} of ${verdicts.length} budgets FAIL` : `all ${verdicts.length} budgets PASS`);
say(`load average (1, 5, 15 min) at start ${report.machine.loadAverage.join(', ')}, at end ${report.machine.loadAverageAtEnd.join(', ')}`);

mkdirSync(dirname(JSON_OUT), { recursive: true });
writeFileSync(JSON_OUT, JSON.stringify(report, null, 2));
say(`(figures written to ${JSON_OUT})`);
