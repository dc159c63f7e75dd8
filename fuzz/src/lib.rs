//! What each fuzz target checks, beyond "no panic, no hang". Shared by the targets in
//! `fuzz_targets/`; see SECURITY.md ("Fuzzing") for how they are run.
//!
//! Every reader of hostile input is called on the fuzzer's bytes. When it refuses them, every
//! problem it reports must turn into a message in each language. When it accepts them, what it
//! built must be usable by the rest of the app (totals, charts, share links, exports) and must
//! survive the app's own round trip (written out, read back, the same).

use std::sync::OnceLock;

use muchuan_funding_explorer::MUCHUAN_JSON;
use muchuan_funding_explorer::charts::{self, ChartSvg, CompareSide};
use muchuan_funding_explorer::core::csv_import::{dataset_csv, parse_csv};
use muchuan_funding_explorer::core::dataset::Dataset;
use muchuan_funding_explorer::core::export::{import_scenario, scenario_json};
use muchuan_funding_explorer::core::lang::Lang;
use muchuan_funding_explorer::core::money::MAX_AMOUNT;
use muchuan_funding_explorer::core::saved::Store;
use muchuan_funding_explorer::core::scenario::Scenario;
use muchuan_funding_explorer::core::share_link::{self, MAX_LINK_BYTES};
use muchuan_funding_explorer::core::totals::Totals;
use muchuan_funding_explorer::core::validate::{Severity, parse_dataset};
use muchuan_funding_explorer::i18n::problem_message;

/// The built-in Muchuan dataset, parsed once.
pub fn muchuan() -> &'static Dataset {
    static MUCHUAN: OnceLock<Dataset> = OnceLock::new();
    MUCHUAN.get_or_init(|| {
        parse_dataset(MUCHUAN_JSON.as_bytes())
            .expect("the built-in dataset is valid")
            .dataset
    })
}

/// The longest message a problem may make: an error quotes at most a short piece of the input,
/// never the whole of it.
const MAX_MESSAGE_CHARS: usize = 2_000;

fn check_message(message: &str) {
    assert!(!message.trim().is_empty(), "an empty message");
    assert!(
        message.chars().count() <= MAX_MESSAGE_CHARS,
        "a message of {} characters",
        message.chars().count()
    );
}

/// `parse_dataset`: refusals are worded; an accepted dataset is whole and drawable, and its own
/// JSON reads back the same.
pub fn dataset(bytes: &[u8]) {
    match parse_dataset(bytes) {
        Err(report) => {
            assert!(report.errors().next().is_some(), "a refusal with no error");
            let first_warning = report
                .problems
                .iter()
                .position(|p| p.severity == Severity::Warning)
                .unwrap_or(report.problems.len());
            assert!(
                report.problems[first_warning..]
                    .iter()
                    .all(|p| p.severity == Severity::Warning),
                "errors come before warnings"
            );
            for problem in &report.problems {
                for lang in Lang::ALL {
                    let message = problem_message(problem, lang);
                    assert!(!message.trim().is_empty());
                }
            }
        }
        Ok(validated) => {
            let dataset = validated.dataset;
            check_dataset(&dataset);
            let written = serde_json::to_string(&dataset).expect("a dataset serialises");
            let again = parse_dataset(written.as_bytes())
                .unwrap_or_else(|report| panic!("its own JSON is refused: {report:?}"));
            assert_eq!(again.dataset, dataset, "its own JSON reads back the same");
        }
    }
}

/// `parse_csv`: refusals are worded; an accepted table is a whole dataset that the CSV writer
/// writes back to the same dataset.
pub fn csv(bytes: &[u8]) {
    match parse_csv(bytes) {
        Err(report) => {
            assert!(
                report
                    .problems
                    .iter()
                    .any(|p| p.severity == Severity::Error),
                "a refusal with no error"
            );
            for problem in &report.problems {
                for lang in Lang::ALL {
                    assert!(!problem.message(lang).trim().is_empty());
                }
            }
        }
        Ok(read) => {
            check_dataset(&read.dataset);
            for warning in &read.warnings {
                assert_eq!(warning.severity, Severity::Warning);
                assert!(!warning.message(Lang::En).trim().is_empty());
            }
            let written = dataset_csv(&read.dataset);
            let again = parse_csv(written.as_bytes())
                .unwrap_or_else(|report| panic!("its own CSV is refused: {report:?}"));
            assert_eq!(
                again.dataset, read.dataset,
                "its own CSV reads back the same"
            );
        }
    }
}

/// `share_link::decode` against the Muchuan dataset: refusals are worded and short; an accepted
/// link gives a scenario that fits, whose own link is plain ASCII and reads back the same.
pub fn share_link(bytes: &[u8]) {
    let dataset = muchuan();
    let text = String::from_utf8_lossy(bytes);
    match share_link::decode(&text, dataset) {
        Err(error) => {
            for lang in Lang::ALL {
                check_message(&error.message(lang));
            }
        }
        Ok(scenario) => {
            assert!(
                scenario.fits(dataset),
                "a decoded scenario fits its dataset"
            );
            let totals = Totals::compute(dataset, &scenario);
            assert!(totals.grand() >= 0);
            // The link's own text as the scenario's name: hostile, and drawn.
            let lang = Lang::ALL[text.len() % 3];
            check_svg(
                "compare",
                &compare_with(dataset, &scenario, &text, lang, 360),
            );
            let link = share_link::encode(dataset, &scenario);
            assert!(link.len() <= MAX_LINK_BYTES);
            assert!(
                link.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b";:=,-_.".contains(&b)),
                "unsafe characters in {link:?}"
            );
            assert_eq!(
                share_link::decode(&link, dataset).as_ref(),
                Ok(&scenario),
                "{link:?} reads back the same"
            );
        }
    }
}

/// `export::import_scenario` against the Muchuan dataset: refusals are worded; an accepted
/// document gives a scenario that fits, and exporting it again imports to the same scenario.
pub fn scenario_import(bytes: &[u8]) {
    let dataset = muchuan();
    match import_scenario(bytes, dataset) {
        Err(error) => {
            for lang in Lang::ALL {
                check_message(&error.message(lang));
            }
        }
        Ok(imported) => {
            assert!(imported.scenario.fits(dataset));
            Totals::compute(dataset, &imported.scenario);
            let json = scenario_json(dataset, &imported.scenario, &imported.name)
                .expect("a scenario that fits exports");
            let again = import_scenario(json.as_bytes(), dataset)
                .unwrap_or_else(|error| panic!("its own export is refused: {error:?}"));
            assert_eq!(again.scenario, imported.scenario);
            assert_eq!(again.name, imported.name);
            assert!(again.same_title);
        }
    }
}

/// `saved::Store::parse` (what localStorage holds): refusals are worded; an accepted store
/// writes itself back to text that parses to the same store.
pub fn saved_store(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    match Store::parse(&text) {
        Err(error) => {
            for lang in Lang::ALL {
                check_message(&error.message(lang));
            }
        }
        Ok(store) => {
            // What the comparison does with a stored scenario: read its link, draw it by name.
            let dataset = muchuan();
            for saved in store.scenarios.iter().take(3) {
                if let Ok(scenario) = share_link::decode(&saved.share, dataset) {
                    let lang = Lang::ALL[saved.name.len() % 3];
                    check_svg(
                        "compare",
                        &compare_with(dataset, &scenario, &saved.name, lang, 360),
                    );
                }
            }
            // Records set aside are not written back: the text holds the readable ones.
            for set_aside in &store.set_aside {
                for lang in Lang::ALL {
                    check_message(&set_aside.error.message(lang));
                }
            }
            let readable = Store {
                set_aside: Vec::new(),
                ..store
            };
            let json = readable.to_json();
            let again = Store::parse(&json)
                .unwrap_or_else(|error| panic!("its own text is refused: {error:?}"));
            assert_eq!(again, readable);
        }
    }
}

/// A dataset the validator accepted: every reference resolves, amounts are in range, and the
/// baseline scenario can be totalled, linked and drawn in every language.
pub fn check_dataset(dataset: &Dataset) {
    assert!(!dataset.streams.is_empty());
    for stream in &dataset.streams {
        assert!(dataset.kind_of(stream).is_some(), "kind resolves");
        assert!(dataset.agency_of(stream).is_some(), "agency resolves");
        assert!(stream.amount.is_none_or(|a| (0..=MAX_AMOUNT).contains(&a)));
    }
    let scenario = Scenario::baseline(dataset);
    assert!(scenario.fits(dataset));
    let totals = Totals::compute(dataset, &scenario);
    assert!(totals.grand() >= 0);
    assert_eq!(share_link::encode(dataset, &scenario), "v1");
    // One language and width per input (picked from its streams), so each execution stays
    // fast; over a run every combination is drawn.
    let pick = dataset.streams.len() + dataset.kinds.len() + dataset.agencies.len();
    let lang = Lang::ALL[pick % 3];
    let width = [280, 360, 1280][pick / 3 % 3];
    for (name, chart) in [
        (
            "streams",
            charts::stream_bars(dataset, &scenario, &totals, lang, width, "s"),
        ),
        (
            "kinds",
            charts::kind_shares(dataset, &scenario, &totals, lang, width, "k"),
        ),
        (
            "flow",
            charts::flow(dataset, &scenario, &totals, lang, width, "f"),
        ),
        (
            "compare",
            compare_with(dataset, &scenario, dataset.title.get(lang), lang, width),
        ),
    ] {
        check_svg(name, &chart);
    }
}

/// The comparison chart of `scenario` against the baseline, the scenario labelled `label`
/// (a name a planner typed, or any text the fuzzer made).
fn compare_with(
    dataset: &Dataset,
    scenario: &Scenario,
    label: &str,
    lang: Lang,
    width: u32,
) -> ChartSvg {
    let baseline = Scenario::baseline(dataset);
    let baseline_totals = Totals::compute(dataset, &baseline);
    let totals = Totals::compute(dataset, scenario);
    charts::compare_bars(
        dataset,
        CompareSide {
            scenario: &baseline,
            totals: &baseline_totals,
            label: "<b>baseline</b>",
        },
        CompareSide {
            scenario,
            totals: &totals,
            label,
        },
        lang,
        width,
        "c",
    )
}

/// The elements a chart may contain: drawing only, nothing that runs, loads or links.
const SVG_ELEMENTS: [&str; 13] = [
    "svg", "title", "desc", "g", "rect", "line", "polyline", "polygon", "path", "circle", "text",
    "defs", "pattern",
];

/// A chart's SVG is well-formed XML made only of drawing elements, with no event handler and
/// no link, whatever the dataset's names are.
pub fn check_svg(name: &str, chart: &ChartSvg) {
    let document = roxmltree::Document::parse(&chart.svg)
        .unwrap_or_else(|error| panic!("the {name} chart is not XML ({error}): {}", chart.svg));
    for node in document.descendants().filter(|n| n.is_element()) {
        let tag = node.tag_name().name();
        assert!(
            SVG_ELEMENTS.contains(&tag),
            "the {name} chart has a <{tag}> element"
        );
        for attribute in node.attributes() {
            let attr = attribute.name().to_ascii_lowercase();
            assert!(
                !attr.starts_with("on") && !attr.contains("href") && attr != "style",
                "the {name} chart has a {attr} attribute"
            );
        }
    }
}
