//! TEMPORARY (bench work, removed before finishing): dumps chart SVGs to compare renderers.
use muchuan_funding_explorer::MUCHUAN_JSON;
use muchuan_funding_explorer::charts::{CompareSide, compare_bars, flow, kind_shares, stream_bars};
use muchuan_funding_explorer::core::dataset::{Dataset, Localized, Stream};
use muchuan_funding_explorer::core::lang::Lang;
use muchuan_funding_explorer::core::scenario::{Action, Outcome, Scenario};
use muchuan_funding_explorer::core::totals::Totals;
use muchuan_funding_explorer::core::validate::parse_dataset;

fn muchuan() -> Dataset {
    parse_dataset(MUCHUAN_JSON.as_bytes()).unwrap().dataset
}

fn hostile() -> Dataset {
    let mut dataset = muchuan();
    let hostile = ["<script>alert(1)</script>".to_owned(), "x".repeat(300), "字".repeat(300), "a\u{0}b\u{202E}c".to_owned()];
    for (stream, name) in dataset.streams.iter_mut().zip(&hostile) {
        stream.name = Localized { zh_hans: Some(name.clone()), zh_hant: None, en: Some(name.clone()) };
    }
    dataset.kinds[0].name.en = Some("<img src=x onerror=alert(4)>".to_owned());
    dataset
}

fn big(streams: usize) -> Dataset {
    let mut dataset = muchuan();
    let template = dataset.streams[0].clone();
    dataset.streams = (0..streams)
        .map(|i| Stream {
            id: format!("s{i}"),
            name: Localized { en: Some(format!("Stream number {i}")), ..Localized::default() },
            kind: dataset.kinds[i % dataset.kinds.len()].id.clone(),
            agency: dataset.agencies[i % dataset.agencies.len()].id.clone(),
            amount: if i % 100 == 7 { None } else { Some(10_000 * (i as i64 % 97 + 1)) },
            ..template.clone()
        })
        .collect();
    dataset
}

#[test]
fn dump() {
    let Ok(dir) = std::env::var("SVG_GOLDEN") else { return };
    std::fs::create_dir_all(&dir).unwrap();
    let mut n = 0;
    for (name, dataset) in [("muchuan", muchuan()), ("hostile", hostile()), ("big", big(1000)), ("big30", big(30))] {
        let base = Scenario::baseline(&dataset);
        let mut scenarios = vec![base.clone()];
        let mut s = base.clone();
        for (i, amount) in [(0usize, 5_000_000i64), (1, 0), (3, 123_456_789)] {
            if let Ok(next) = s.apply(&dataset, Action::SetAmount { stream: i, amount }) { s = next; scenarios.push(s.clone()); }
        }
        if let Some(i) = dataset.streams.iter().position(|st| st.status.key() == "sought") {
            for o in [Outcome::Granted, Outcome::Partial(37), Outcome::Refused] {
                if let Ok(next) = s.apply(&dataset, Action::SetOutcome { stream: i, outcome: o }) { scenarios.push(next); }
            }
        }
        if let Ok(next) = s.apply(&dataset, Action::SetCountSought(false)) { scenarios.push(next); }
        for (si, sc) in scenarios.iter().enumerate() {
            let totals = Totals::compute(&dataset, sc);
            let bt = Totals::compute(&dataset, &base);
            for lang in [Lang::ZhHans, Lang::En, Lang::ZhHant] {
                for width in [100, 280, 560, 1003, 3000] {
                    let a = CompareSide { scenario: &base, totals: &bt, label: "A" };
                    let b = CompareSide { scenario: sc, totals: &totals, label: "B" };
                    let charts = [
                        stream_bars(&dataset, sc, &totals, lang, width, "s"),
                        kind_shares(&dataset, sc, &totals, lang, width, "k"),
                        flow(&dataset, sc, &totals, lang, width, "f"),
                        compare_bars(&dataset, a, b, lang, width, "c"),
                    ];
                    for (ci, c) in charts.iter().enumerate() {
                        std::fs::write(format!("{dir}/{name}-{si}-{}-{width}-{ci}.txt", lang.tag()), format!("{:#?}", c)).unwrap();
                        n += 1;
                    }
                }
            }
        }
    }
    eprintln!("dumped {n}");
}
