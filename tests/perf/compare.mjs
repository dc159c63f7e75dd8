// Compares two builds with their loads interleaved in one browser, which the run-to-run noise of
// these shared machines (±20 %) hides when `bench.mjs` runs them one after the other. Not a
// budget check: `bench.mjs` is.
//
//   node tests/perf/compare.mjs DIST_A DIST_B [--big] [--rounds N] [--moves N]
//   node tests/perf/compare.mjs DIST_A DIST_B --first-chart [--rounds N]
//
// Slider (the default): each round opens each build once (A, then B), moves `#stream-0-slider`
// as `bench.mjs` does (values walking up and down, one move per frame), and splits every move in
// two: the app's script (the input event to the end of its microtasks, where Yew renders and
// patches the charts) and the browser's rendering after it (to a message posted once the
// frame's style, layout and paint are done). `--big` uses a generated dataset of 1,000 streams.
//
// `--first-chart`: each round loads each build once in a new tab, alternating which goes first,
// and takes `bench.mjs`'s figures of the load (first chart in the page, first chart painted,
// first contentful paint, interactive), after one uncounted load of each.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch } from '../e2e/harness.mjs';
import { serve } from '../e2e/server.mjs';
import { generatedDataset } from '../e2e/generated.mjs';
import { oneLoad, probe } from './first-chart.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const dists = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.match(/^--(rounds|moves)$/));
if (dists.length !== 2) {
  console.error('usage: node tests/perf/compare.mjs DIST_A DIST_B [--big | --first-chart] [--rounds N] [--moves N]');
  process.exit(2);
}
const big = args.includes('--big');
const firstChart = args.includes('--first-chart');
const rounds = option('rounds', firstChart ? 15 : 3);
const moves = option('moves', big ? 150 : 200);
const WARM_UP = 20;

/** In the page: `count` slider moves after a warm-up, each split into script and rendering. */
function slider({ count, warmUp }) {
  const input = document.querySelector('#stream-0-slider');
  const step = Number(input.step) || 1;
  const script = [];
  const total = [];
  const once = (i) =>
    new Promise((done) => {
      requestAnimationFrame(async () => {
        let next = String((1 + (i % 40) + (i % 2)) * step);
        if (next === input.value) next = String(Number(next) + step);
        const start = performance.now();
        input.value = next;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        // Yew renders in a microtask queued by the event; these two run after it.
        await Promise.resolve();
        await Promise.resolve();
        const rendered = performance.now();
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          if (i >= warmUp) {
            script.push(rendered - start);
            total.push(performance.now() - start);
          }
          done();
        };
        channel.port2.postMessage(0);
      });
    });
  return (async () => {
    for (let i = 0; i < count + warmUp; i += 1) await once(i);
    return { script, total };
  })();
}

/** The loads of `--first-chart`, interleaved; prints each build's medians and ranges. */
async function compareFirstChart() {
  const servers = await Promise.all(dists.map((dist) => serve({ mounts: { '/': dist } })));
  const context = await launch();
  const runs = dists.map(() => []);
  try {
    await context.addInitScript(probe);
    for (const server of servers) await oneLoad(context, `${server.url}/?lang=en`);
    for (let round = 0; round < rounds; round += 1) {
      const order = round % 2 ? [1, 0] : [0, 1];
      for (const k of order) runs[k].push(await oneLoad(context, `${servers[k].url}/?lang=en`));
    }
  } finally {
    await context.close();
    for (const server of servers) await server.close();
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.ceil(values.length / 2) - 1];
  const range = (values) =>
    `${median(values).toFixed(0)} (${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)})`;
  console.log(`first chart: ${rounds} loads a build, interleaved; ms from navigation, median (min–max)`);
  for (const [k, dist] of dists.entries()) {
    const figure = (key) => range(runs[k].map((run) => run[key]));
    console.log(
      `${dist}\n  in the page ${figure('inserted')} | painted ${figure('painted')}` +
        ` | first contentful paint ${figure('fcp')} | interactive ${figure('interactive')}`,
    );
  }
  // Loads of one round ran a second apart: their difference drifts less with the machine's load.
  const paired = (key) => runs[1].map((run, i) => run[key] - runs[0][i][key]);
  const faster = paired('painted').filter((d) => d < 0).length;
  console.log(
    `B − A in the same round, median: painted ${median(paired('painted')).toFixed(0)} ms` +
      ` (B sooner in ${faster} of ${rounds}), interactive ${median(paired('interactive')).toFixed(0)} ms`,
  );
}
if (firstChart) {
  await compareFirstChart();
  process.exit(0);
}

const dataDir = mkdtempSync(join(tmpdir(), 'mfe-compare-'));
writeFileSync(join(dataDir, 'streams.json'), JSON.stringify(generatedDataset(1000)));
const servers = await Promise.all(
  dists.map((dist) => serve({ mounts: { '/': dist, '/compare-data/': dataDir } })),
);
const context = await launch();
const results = dists.map(() => ({ script: [], total: [] }));
try {
  for (let round = 0; round < rounds; round += 1) {
    for (const [k, server] of servers.entries()) {
      const page = await context.newPage();
      await page.goto(`${server.url}/?lang=en${big ? '&data=./compare-data/streams.json' : ''}`);
      await page.waitForSelector('html[data-ready]');
      const { script, total } = await page.evaluate(slider, { count: moves, warmUp: WARM_UP });
      results[k].script.push(...script);
      results[k].total.push(...total);
      await page.close();
    }
  }
} finally {
  await context.close();
  for (const server of servers) await server.close();
  rmSync(dataDir, { recursive: true, force: true });
}

const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};
const figures = (values) => `p50 ${quantile(values, 0.5).toFixed(1)} p95 ${quantile(values, 0.95).toFixed(1)}`;
console.log(`${big ? '1,000 streams' : 'Muchuan'}: ${rounds} rounds of ${moves} moves a build, ms a move`);
for (const [k, { script, total }] of results.entries()) {
  const rendering = total.map((t, i) => t - script[i]);
  console.log(
    `${dists[k]}\n  script ${figures(script)} | rendering ${figures(rendering)} | whole move ${figures(total)}`,
  );
}
