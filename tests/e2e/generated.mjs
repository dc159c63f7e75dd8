// A large dataset for the end-to-end tests and the benchmark (tests/perf/bench.mjs).

/**
 * A valid dataset (format 1) of `count` streams over 12 kinds and 30 agencies, shaped like the
 * core benchmark's (benches/engine.rs): every status, every 25th amount unstated, every 10th
 * stream with a unit count. Stream 0 has an amount, so its slider exists.
 */
export function generatedDataset(count) {
  const text = (en) => ({ 'zh-Hans': `${en}（简）`, 'zh-Hant': `${en}（繁）`, en });
  const statuses = [
    'secured', 'transferred', 'approved', 'supported', 'issued', 'provided', 'prioritised', 'sought',
  ];
  const kinds = 12;
  const agencies = 30;
  return {
    format: 1,
    title: text(`Benchmark programme of ${count} streams`),
    summary: text('Generated for the performance benchmark.'),
    source: { title: text('Generated'), publisher: text('Bench') },
    currency: 'CNY',
    kinds: Array.from({ length: kinds }, (_, k) => ({ id: `kind-${k}`, name: text(`Kind ${k}`) })),
    agencies: Array.from({ length: agencies }, (_, a) => ({
      id: `agency-${a}`,
      name: text(`Agency ${a}`),
    })),
    streams: Array.from({ length: count }, (_, i) => {
      const stream = {
        id: `stream-${i}`,
        name: text(`Stream ${i}`),
        kind: `kind-${i % kinds}`,
        agency: `agency-${(i * 7) % agencies}`,
        amount: i % 25 === 24 ? null : (((i * 7919) % 5000) + 1) * 10000,
        status: statuses[i % statuses.length],
        quote: `第${i}条`,
      };
      if (i % 10 === 0) stream.units = { count: (i % 60) + 1, label: text('project') };
      return stream;
    }),
  };
}
