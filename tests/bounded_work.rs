//! Bounded work: the worst dataset files within the 4 MiB limit are read (or refused) within a
//! budget of time and peak memory, their problem lists are capped, and a dataset at every
//! count limit computes its totals quickly. Figures: `cargo test --release --test bounded_work
//! -- --nocapture` (BENCHMARKS.md).

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use muchuan_funding_explorer::core::lang::Lang;
use muchuan_funding_explorer::core::scenario::Scenario;
use muchuan_funding_explorer::core::totals::Totals;
use muchuan_funding_explorer::core::validate::{
    MAX_AGENCIES, MAX_BYTES, MAX_KINDS, MAX_PROBLEMS, MAX_STREAMS, ProblemKind, Severity,
    parse_dataset,
};
use muchuan_funding_explorer::i18n::problem_message;

/// Counts the bytes held, to know the peak of one reading.
struct Counting;

static HELD: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let held = HELD.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(held, Ordering::Relaxed);
        // SAFETY: the layout is passed on unchanged.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        HELD.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: `ptr` came from `alloc` with this layout.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static COUNTING: Counting = Counting;

/// The budget of one reading of a 4 MiB file. Debug builds (the default `cargo test`) are
/// about ten times slower than the release build the app ships.
const TIME_BUDGET: Duration = if cfg!(debug_assertions) {
    Duration::from_secs(8)
} else {
    Duration::from_secs(1)
};
const MEMORY_BUDGET: usize = 200 * 1024 * 1024;

/// Runs `work`, returning its result, its time and the peak of memory held above the start.
fn measured<T>(work: impl FnOnce() -> T) -> (T, Duration, usize) {
    let before = HELD.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let start = Instant::now();
    let result = work();
    let elapsed = start.elapsed();
    (result, elapsed, PEAK.load(Ordering::Relaxed) - before)
}

/// `items` repeated to fill `{"format":1, …, "LIST":[ITEM,ITEM,…]}` up to the size limit.
fn filled(head: &str, list: &str, item: &str) -> Vec<u8> {
    let mut text = format!("{{{head}\"{list}\":[{item}");
    let tail = "]}";
    while text.len() + 1 + item.len() + tail.len() <= MAX_BYTES {
        text.push(',');
        text.push_str(item);
    }
    text.push_str(tail);
    text.into_bytes()
}

fn kind(i: usize) -> String {
    format!(r#"{{"id":"k{i}","name":{{"zh-Hans":"类型{i}","en":"Kind {i}"}}}}"#)
}

fn stream(i: usize, kinds: usize, agencies: usize) -> String {
    format!(
        r#"{{"id":"s{i}","name":{{"zh-Hans":"资金{i}","zh-Hant":"資金{i}","en":"Stream {i}"}},"kind":"k{}","agency":"a{}","amount":{},"status":"secured","quote":"第{i}条"}}"#,
        i % kinds,
        i % agencies,
        1_000 * (i + 1)
    )
}

const HEAD: &str = r#""format":1,"title":{"en":"T"},"source":{"title":{"en":"S"},"publisher":{"en":"P"}},"currency":"CNY","#;

/// A valid dataset at every count limit: MAX_KINDS kinds, MAX_AGENCIES agencies (one stream
/// each names every one) and MAX_STREAMS streams.
fn at_every_limit() -> Vec<u8> {
    let list = |n: usize, f: &dyn Fn(usize) -> String| (0..n).map(f).collect::<Vec<_>>().join(",");
    let agency = |i: usize| kind(i).replace("\"k", "\"a");
    format!(
        "{{{HEAD}\"kinds\":[{}],\"agencies\":[{}],\"streams\":[{}]}}",
        list(MAX_KINDS, &kind),
        list(MAX_AGENCIES, &agency),
        list(MAX_STREAMS, &|i| stream(i, MAX_KINDS, MAX_AGENCIES))
    )
    .into_bytes()
}

fn within_budget(label: &str, elapsed: Duration, peak: usize) {
    println!(
        "{label}: {:.0} ms, peak {:.1} MiB",
        elapsed.as_secs_f64() * 1000.0,
        peak as f64 / 1024.0 / 1024.0
    );
    assert!(elapsed < TIME_BUDGET, "{label}: {elapsed:?}");
    assert!(peak < MEMORY_BUDGET, "{label}: {peak} bytes");
}

/// One test, so that no other test allocates while a peak is measured.
#[test]
fn the_worst_files_at_the_size_limit_are_read_within_budget() {
    // Empty kinds, as many as 4 MiB holds (about 1.4 million): refused by their count alone.
    let empty_kinds = filled(HEAD, "kinds", "{}");
    let (result, elapsed, peak) = measured(|| parse_dataset(&empty_kinds));
    within_budget("4 MiB of {} kinds", elapsed, peak);
    let problems = result.expect_err("refused").problems;
    let kinds: Vec<_> = problems.iter().filter(|p| p.path == "kinds").collect();
    assert_eq!(kinds.len(), 1);
    assert_eq!(kinds[0].kind, ProblemKind::TooManyKinds);
    assert!(problems.len() < 10, "{problems:?}");

    // Valid kinds, as many as 4 MiB holds (about 60,000): refused by their count too.
    let mut kinds_text = format!("{{{HEAD}\"kinds\":[{}", kind(0));
    let mut count = 1;
    while kinds_text.len() + kind(count).len() + 2 < MAX_BYTES {
        kinds_text.push(',');
        kinds_text.push_str(&kind(count));
        count += 1;
    }
    kinds_text.push_str("]}");
    assert!(count > 50_000, "{count}");
    let (result, elapsed, peak) = measured(|| parse_dataset(kinds_text.as_bytes()));
    within_budget("60,000 valid kinds", elapsed, peak);
    let problems = result.expect_err("refused").problems;
    assert!(problems.iter().any(|p| p.kind == ProblemKind::TooManyKinds));
    assert!(problems.len() < 10, "{problems:?}");

    // The most streams allowed, each with unknown fields up to 4 MiB: every one a problem, the
    // list capped with the count of the rest last.
    let junk: String = (0..100).map(|i| format!("\"x{i}\":0,")).collect();
    let broken_stream = format!("{{{}\"id\":\"s\"}}", junk);
    let streams: Vec<String> = (0..MAX_STREAMS).map(|_| broken_stream.clone()).collect();
    let many = format!("{{{HEAD}\"streams\":[{}]}}", streams.join(","));
    assert!(
        many.len() > MAX_BYTES / 2 && many.len() <= MAX_BYTES,
        "{}",
        many.len()
    );
    let (result, elapsed, peak) = measured(|| parse_dataset(many.as_bytes()));
    within_budget("5,000 streams of unknown fields", elapsed, peak);
    let problems = result.expect_err("refused").problems;
    assert_eq!(problems.len(), MAX_PROBLEMS + 1);
    let last = problems.last().expect("a last entry");
    assert_eq!(last.severity, Severity::Error);
    let ProblemKind::MoreProblems { count } = last.kind else {
        panic!("{last:?}");
    };
    // Errors: 100 unknown fields and 6 missing ones a stream, a duplicate id for all but the
    // first, two missing lists; warnings: the title, source title and publisher lack two
    // languages each. All but the listed ones are counted.
    let errors = MAX_STREAMS * (100 + 6) + (MAX_STREAMS - 1) + 2;
    assert_eq!(count, errors + 6 - MAX_PROBLEMS);
    // The listed ones are the first of the file, in its order.
    assert_eq!(problems[0].path, "streams[0].x0");
    assert!(
        problem_message(last, Lang::En).contains(&count.to_string()),
        "{}",
        problem_message(last, Lang::En)
    );

    // A valid dataset at every count limit: read, and its totals computed, quickly.
    let full = at_every_limit();
    assert!(full.len() <= MAX_BYTES, "{}", full.len());
    let (result, elapsed, peak) = measured(|| parse_dataset(&full));
    within_budget("5,000 streams, 1,000 kinds, 1,000 agencies", elapsed, peak);
    let validated = result.expect("valid");
    // Every kind and agency lacks its Traditional Chinese name: the warnings are capped too.
    assert_eq!(validated.warnings.len(), MAX_PROBLEMS + 1);
    assert_eq!(
        validated.warnings.last().map(|p| &p.kind),
        Some(&ProblemKind::MoreProblems {
            count: 6 + MAX_KINDS + MAX_AGENCIES - MAX_PROBLEMS
        })
    );
    let dataset = validated.dataset;
    let scenario = Scenario::baseline(&dataset);
    let (totals, elapsed, _) = measured(|| Totals::compute(&dataset, &scenario));
    println!(
        "totals at every limit: {:.1} ms",
        elapsed.as_secs_f64() * 1000.0
    );
    assert!(elapsed < TIME_BUDGET / 20, "{elapsed:?}");
    assert_eq!(totals.by_kind.len(), MAX_KINDS);
    assert_eq!(totals.by_agency.len(), MAX_AGENCIES);
}

/// Past each count limit by one: refused before a single item is read, so no item's problem
/// is reported.
#[test]
fn one_past_each_count_limit_is_refused_before_its_items_are_read() {
    let empties = |n: usize| vec!["{}"; n].join(",");
    for (list, limit, kind) in [
        ("kinds", MAX_KINDS, ProblemKind::TooManyKinds),
        ("agencies", MAX_AGENCIES, ProblemKind::TooManyAgencies),
        ("streams", MAX_STREAMS, ProblemKind::TooManyStreams),
    ] {
        let text = format!("{{{HEAD}\"{list}\":[{}]}}", empties(limit + 1));
        let problems = parse_dataset(text.as_bytes()).expect_err(list).problems;
        let here: Vec<_> = problems
            .iter()
            .filter(|p| p.path.starts_with(list))
            .collect();
        assert_eq!(here.len(), 1, "{list}: {here:?}");
        assert_eq!(here[0].path, list);
        assert_eq!(here[0].kind, kind);
        // At the limit, each empty item is read and reported.
        let text = format!("{{{HEAD}\"{list}\":[{}]}}", empties(limit));
        let problems = parse_dataset(text.as_bytes()).expect_err(list).problems;
        assert!(problems.iter().any(|p| p.path == format!("{list}[0].id")));
        assert!(problems.iter().all(|p| p.kind != kind));
    }
}

/// A kind or agency no stream names gets no totals row; the others keep their index.
#[test]
fn unused_kinds_and_agencies_have_no_totals_row() {
    let kinds: Vec<String> = (0..50).map(kind).collect();
    let agencies: Vec<String> = (0..50).map(|i| kind(i).replace("\"k", "\"a")).collect();
    // Streams name kinds 0 and 7 and agency 3 only.
    let streams = [stream(0, 7, 3), stream(7, 100, 3), stream(14, 7, 3)];
    let text = format!(
        "{{{HEAD}\"kinds\":[{}],\"agencies\":[{}],\"streams\":[{}]}}",
        kinds.join(","),
        agencies.join(","),
        streams
            .join(",")
            .replace("\"a0\"", "\"a3\"")
            .replace("\"a1\"", "\"a3\"")
            .replace("\"a2\"", "\"a3\"")
    );
    let dataset = parse_dataset(text.as_bytes()).expect("valid").dataset;
    let totals = Totals::compute(&dataset, &Scenario::baseline(&dataset));
    let kind_rows: Vec<usize> = totals.by_kind.iter().map(|g| g.index).collect();
    assert_eq!(kind_rows, vec![0, 7]);
    let agency_rows: Vec<usize> = totals.by_agency.iter().map(|g| g.index).collect();
    assert_eq!(agency_rows, vec![3]);
    // Streams 0 and 14 are kind 0 (1,000 + 15,000 yuan), stream 7 kind 7 (8,000 yuan).
    assert_eq!(totals.by_kind[0].counted.granted, 16_000);
    assert_eq!(totals.by_kind[1].counted.granted, 8_000);
    assert_eq!(totals.by_agency[0].counted.granted, 24_000);
    assert_eq!(totals.by_agency[0].share_tenths, 1000);
}
