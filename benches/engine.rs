//! The core engine on a 1,000-stream dataset: one slider move (`Action::SetAmount`) and the
//! recompute of every derived figure (`Totals::compute`), in fixed-pool and in free mode.
//!
//! Run with `cargo bench --bench engine`; figures are in `BENCHMARKS.md`.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use muchuan_funding_explorer::core::dataset::{
    Agency, Dataset, FORMAT_VERSION, Kind, Localized, Source, Status, Stream, Units,
};
use muchuan_funding_explorer::core::scenario::{Action, BalanceMode, Scenario};
use muchuan_funding_explorer::core::totals::Totals;

/// Streams in the benchmark dataset.
const STREAMS: usize = 1_000;
/// The stream the slider moves.
const MOVED: usize = 500;

fn text(en: String) -> Localized {
    Localized {
        zh_hans: Some(format!("{en}（简）")),
        zh_hant: Some(format!("{en}（繁）")),
        en: Some(en),
    }
}

/// A dataset of [`STREAMS`] streams over 12 kinds and 30 agencies: every status (sought ones
/// included), every 25th amount unstated, every 10th stream with a unit count.
fn dataset() -> Dataset {
    let kinds = 12;
    let agencies = 30;
    Dataset {
        format: FORMAT_VERSION,
        title: text("Benchmark programme".into()),
        summary: Localized::default(),
        source: Source {
            title: text("Generated".into()),
            publisher: text("Bench".into()),
            url: None,
        },
        currency: "CNY".into(),
        kinds: (0..kinds)
            .map(|k| Kind {
                id: format!("kind-{k}"),
                name: text(format!("Kind {k}")),
            })
            .collect(),
        agencies: (0..agencies)
            .map(|a| Agency {
                id: format!("agency-{a}"),
                name: text(format!("Agency {a}")),
            })
            .collect(),
        streams: (0..STREAMS)
            .map(|i| Stream {
                id: format!("stream-{i}"),
                name: text(format!("Stream {i}")),
                kind: i % kinds,
                agency: (i * 7) % agencies,
                amount: (i % 25 != 24).then_some(((i as i64 * 7_919) % 5_000 + 1) * 10_000),
                status: Status::ALL[i % Status::ALL.len()],
                quote: format!("第{i}条"),
                units: (i % 10 == 0).then(|| Units {
                    count: (i as u64 % 60) + 1,
                    label: text("project".into()),
                    quote: None,
                }),
                note: None,
            })
            .collect(),
    }
}

/// One move of the slider of stream [`MOVED`] plus the recompute, alternating between two
/// amounts so the scenario does not drift away.
fn move_and_recompute(c: &mut Criterion, name: &str, mode: BalanceMode) {
    let dataset = dataset();
    let mut scenario = Scenario::baseline(&dataset)
        .apply(&dataset, Action::SetMode(mode))
        .expect("a mode switch is always accepted");
    let current = scenario.plans[MOVED]
        .amount
        .expect("the moved stream has an amount");
    let targets = [current + 3_000_000, current];
    let mut turn = 0;
    c.bench_function(name, |b| {
        b.iter(|| {
            turn ^= 1;
            let action = Action::SetAmount {
                stream: MOVED,
                amount: targets[turn],
            };
            let next = scenario
                .apply(&dataset, black_box(action))
                .expect("the move is accepted");
            let totals = Totals::compute(&dataset, &next);
            scenario = next;
            black_box(totals.grand())
        });
    });
}

fn engine(c: &mut Criterion) {
    move_and_recompute(
        c,
        "fixed_pool_move_and_recompute_1000",
        BalanceMode::FixedPool,
    );
    move_and_recompute(c, "free_move_and_recompute_1000", BalanceMode::Free);

    // The two halves on their own, to see where the time goes.
    let dataset = dataset();
    let baseline = Scenario::baseline(&dataset);
    c.bench_function("totals_compute_1000", |b| {
        b.iter(|| black_box(Totals::compute(&dataset, black_box(&baseline))));
    });
    let fixed = baseline
        .apply(&dataset, Action::SetMode(BalanceMode::FixedPool))
        .expect("mode");
    let amount = fixed.plans[MOVED].amount.expect("amount") + 3_000_000;
    c.bench_function("fixed_pool_apply_only_1000", |b| {
        b.iter(|| {
            black_box(fixed.apply(
                &dataset,
                black_box(Action::SetAmount {
                    stream: MOVED,
                    amount,
                }),
            ))
        });
    });
}

criterion_group!(benches, engine);
criterion_main!(benches);
