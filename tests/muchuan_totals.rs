//! The built-in Muchuan dataset reproduces every total of `shared/muchuan-funding.md`.

use muchuan_funding_explorer::MUCHUAN_JSON;
use muchuan_funding_explorer::core::dataset::Dataset;
use muchuan_funding_explorer::core::scenario::{Action, Outcome, Scenario};
use muchuan_funding_explorer::core::totals::{Group, Totals};
use muchuan_funding_explorer::core::validate::parse_dataset;

fn muchuan() -> Dataset {
    let validated = parse_dataset(MUCHUAN_JSON.as_bytes()).expect("the built-in dataset is valid");
    assert!(validated.warnings.is_empty(), "{:?}", validated.warnings);
    validated.dataset
}

/// The counted total and the sought part of the group with `id` among `groups`, whose
/// `index` is a position in `list`.
fn group_total<T>(list: &[T], groups: &[Group], id: &str, id_of: fn(&T) -> &str) -> (i64, i64) {
    let index = list.iter().position(|x| id_of(x) == id).expect("id exists");
    let group = groups.iter().find(|g| g.index == index).expect("a row");
    (group.counted.total(), group.counted.sought)
}

fn kind_total(dataset: &Dataset, totals: &Totals, kind: &str) -> (i64, i64) {
    group_total(&dataset.kinds, &totals.by_kind, kind, |k| &k.id)
}

fn agency_total(dataset: &Dataset, totals: &Totals, agency: &str) -> (i64, i64) {
    group_total(&dataset.agencies, &totals.by_agency, agency, |a| &a.id)
}

#[test]
fn seed_totals_are_exact() {
    let dataset = muchuan();
    let totals = Totals::compute(&dataset, &Scenario::baseline(&dataset));
    assert_eq!(totals.counted.granted, 17_580_000);
    assert_eq!(totals.counted.sought, 20_300_000);
    assert_eq!(totals.pending_sought, 20_300_000);
    assert_eq!(totals.grand(), 37_880_000);
    assert_eq!(kind_total(&dataset, &totals, "loans"), (2_730_000, 0));
    assert_eq!(kind_total(&dataset, &totals, "subsidies"), (2_000_000, 0));
    assert_eq!(
        kind_total(&dataset, &totals, "e-commerce"),
        (6_300_000, 300_000)
    );
    assert_eq!(kind_total(&dataset, &totals, "tech"), (6_000_000, 0));
    assert_eq!(
        kind_total(&dataset, &totals, "training"),
        (20_850_000, 20_000_000)
    );
    assert_eq!(totals.delta(), 0);
}

#[test]
fn eight_amounts_and_one_unstated_stream() {
    let dataset = muchuan();
    assert_eq!(dataset.streams.len(), 9);
    let amounts: Vec<i64> = dataset.streams.iter().filter_map(|s| s.amount).collect();
    assert_eq!(
        amounts,
        [
            2_730_000, 2_000_000, 20_000_000, 6_000_000, 300_000, 6_000_000, 750_000, 100_000
        ]
    );
    let totals = Totals::compute(&dataset, &Scenario::baseline(&dataset));
    let finance = dataset
        .stream_index("finance-priority")
        .expect("finance stream");
    assert_eq!(totals.unstated, vec![finance]);
    assert_eq!(totals.stream_shares[finance], None, "never a zero share");
}

#[test]
fn every_quote_is_in_the_source_article() {
    let article = include_str!("../data/source-article.txt");
    let dataset = muchuan();
    for stream in &dataset.streams {
        assert!(
            article.contains(&stream.quote),
            "{}: {}",
            stream.id,
            stream.quote
        );
        if let Some(quote) = stream.units.as_ref().and_then(|u| u.quote.as_ref()) {
            assert!(article.contains(quote.as_str()), "{}: {quote}", stream.id);
        }
    }
}

#[test]
fn shares_add_to_one_hundred() {
    let dataset = muchuan();
    let totals = Totals::compute(&dataset, &Scenario::baseline(&dataset));
    let kinds: i64 = totals.by_kind.iter().map(|g| g.share_tenths).sum();
    let agencies: i64 = totals.by_agency.iter().map(|g| g.share_tenths).sum();
    let streams: i64 = totals.stream_shares.iter().flatten().sum();
    assert_eq!((kinds, agencies, streams), (1000, 1000, 1000));
    // Exact shares in tenths: loans 72.07, subsidies 52.80, e-commerce 166.31, tech 158.39,
    // training 550.42. The floors add to 998; the two tenths left go to the largest
    // remainders, subsidies (.80) and training (.42). Employment funds (the finance bureau's
    // priority) state no amount.
    let shares: Vec<i64> = totals.by_kind.iter().map(|g| g.share_tenths).collect();
    assert_eq!(shares, vec![72, 53, 166, 158, 551, 0]);
    assert_eq!(totals.by_kind[5].stated, 0);
    let training = dataset.kinds.iter().position(|k| k.id == "training");
    assert_eq!(totals.by_kind[4].index, training.expect("training"));
}

/// Kinds and agencies listed in another order than the streams first name them: every stream
/// keeps the kind and agency its file names, and the totals by kind and agency follow them.
#[test]
fn ids_resolve_whatever_order_kinds_and_agencies_are_listed_in() {
    let mut value: serde_json::Value = serde_json::from_str(MUCHUAN_JSON).expect("JSON");
    for list in ["kinds", "agencies"] {
        value[list].as_array_mut().expect("a list").reverse();
    }
    let dataset = parse_dataset(value.to_string().as_bytes())
        .expect("valid")
        .dataset;
    assert_eq!(dataset.kinds[0].id, "employment-funds");
    assert_eq!(dataset.kinds[1].id, "training");
    let written = value["streams"].as_array().expect("streams");
    for (stream, written) in dataset.streams.iter().zip(written) {
        let kind = dataset.kind_of(stream).map(|k| k.id.as_str());
        let agency = dataset.agency_of(stream).map(|a| a.id.as_str());
        assert_eq!(kind, written["kind"].as_str(), "{}", stream.id);
        assert_eq!(agency, written["agency"].as_str(), "{}", stream.id);
    }
    let totals = Totals::compute(&dataset, &Scenario::baseline(&dataset));
    assert_eq!(kind_total(&dataset, &totals, "loans"), (2_730_000, 0));
    assert_eq!(
        kind_total(&dataset, &totals, "training"),
        (20_850_000, 20_000_000)
    );
    assert_eq!(agency_total(&dataset, &totals, "hrss"), (4_730_000, 0));
    assert_eq!(
        agency_total(&dataset, &totals, "commerce"),
        (6_300_000, 300_000)
    );
    assert_eq!(agency_total(&dataset, &totals, "finance"), (0, 0));
    // Rows in the order the file lists them: employment funds and training first now.
    let shares: Vec<i64> = totals.by_kind.iter().map(|g| g.share_tenths).collect();
    assert_eq!(shares, vec![0, 551, 158, 166, 53, 72]);
}

#[test]
fn what_the_money_buys_at_the_sources_unit_cost() {
    let dataset = muchuan();
    let tech = dataset.stream_index("tech-projects").expect("tech");
    let estimate = |scenario: &Scenario| {
        Totals::compute(&dataset, scenario)
            .per_unit
            .into_iter()
            .find(|p| p.stream == tech)
            .expect("the tech projects' count")
    };
    let source = estimate(&Scenario::baseline(&dataset));
    assert_eq!(
        (source.units, source.units_delta(), source.units_exact),
        (26, 0, true)
    );
    assert_eq!((source.unit_cost, source.exact), (230_769, false));
    // Issue 20: +200万 buys about 34 projects (+8) at 600万 ÷ 26.
    let more = Scenario::baseline(&dataset)
        .apply(
            &dataset,
            Action::SetAmount {
                stream: tech,
                amount: 8_000_000,
            },
        )
        .expect("free mode");
    let more = estimate(&more);
    assert_eq!(
        (more.units, more.units_delta(), more.units_exact),
        (34, 8, false)
    );
    assert_eq!(more.unit_cost, 230_769, "the unit cost stays the source's");
    // The 64 trainees are a fact of the programme, not a unit of any stream: the source does
    // not say which fund paid for their training.
    let totals = Totals::compute(&dataset, &Scenario::baseline(&dataset));
    assert_eq!(totals.per_unit.len(), 1);
    assert!(
        dataset
            .summary
            .zh_hans
            .as_deref()
            .is_some_and(|s| s.contains("64名"))
    );
}

#[test]
fn counting_sought_money_off_leaves_granted() {
    let dataset = muchuan();
    let scenario = Scenario::baseline(&dataset)
        .apply(&dataset, Action::SetCountSought(false))
        .expect("toggle");
    let totals = Totals::compute(&dataset, &scenario);
    assert_eq!(totals.grand(), 17_580_000);
    assert_eq!(totals.delta(), 0, "a view toggle is not a change of plan");
    // Not counted, the 2,030万元 is still being sought: the figure says so, not 0.
    assert_eq!(totals.counted.sought, 0);
    assert_eq!(totals.pending_sought, 20_300_000);
}

#[test]
fn sought_outcomes_move_money_between_granted_and_nowhere() {
    let dataset = muchuan();
    let base = dataset
        .stream_index("training-base")
        .expect("training base");
    let city = dataset
        .stream_index("ecommerce-city")
        .expect("city e-commerce");
    let scenario = Scenario::baseline(&dataset)
        .apply(
            &dataset,
            Action::SetOutcome {
                stream: base,
                outcome: Outcome::Partial(50),
            },
        )
        .and_then(|s| {
            s.apply(
                &dataset,
                Action::SetOutcome {
                    stream: city,
                    outcome: Outcome::Refused,
                },
            )
        })
        .expect("outcomes");
    let totals = Totals::compute(&dataset, &scenario);
    assert_eq!(totals.counted.granted, 17_580_000 + 10_000_000);
    assert_eq!(totals.counted.sought, 0);
    assert_eq!(totals.pending_sought, 0, "neither is still pending");
    assert_eq!(totals.not_granted, 10_000_000 + 300_000);
    assert_eq!(totals.delta(), -10_300_000);
    let loans = dataset.stream_index("guaranteed-loans").expect("loans");
    assert_eq!(
        scenario.apply(
            &dataset,
            Action::SetOutcome {
                stream: loans,
                outcome: Outcome::Granted
            }
        ),
        Err(muchuan_funding_explorer::core::scenario::Refusal::NotSought)
    );
}

#[test]
fn granted_money_that_is_only_assumed_is_told_apart() {
    let dataset = muchuan();
    let assumed_granted =
        |dataset: &Dataset, scenario: &Scenario| Totals::compute(dataset, scenario).assumed_granted;
    let baseline = Scenario::baseline(&dataset);
    assert_eq!(assumed_granted(&dataset, &baseline), 0, "nothing assumed");
    let set = |scenario: Scenario, stream, outcome| {
        scenario
            .apply(&dataset, Action::SetOutcome { stream, outcome })
            .expect("a sought bid takes an outcome")
    };
    // The training base (20,000,000 sought) granted at 40 %, the city e-commerce bid refused.
    let mut scenario = set(baseline, 3, Outcome::Partial(40));
    scenario = set(scenario, 5, Outcome::Refused);
    assert_eq!(assumed_granted(&dataset, &scenario), 8_000_000);
    let totals = Totals::compute(&dataset, &scenario);
    // The granted figure counts it beside the 17,580,000 in hand.
    assert_eq!(totals.counted.granted, 17_580_000 + 8_000_000);
    // Of a covered shortfall only the part granted is assumed; the rest was money in hand.
    scenario = set(scenario, 5, Outcome::Covered(50));
    assert_eq!(assumed_granted(&dataset, &scenario), 8_000_000 + 150_000);
}

#[test]
fn each_streams_change_against_the_baseline_adds_up_to_the_totals_change() {
    use muchuan_funding_explorer::core::totals::baseline_added;
    let dataset = muchuan();
    // Scenario A of the planners' review: technology +2,000,000, the training base granted 40 %.
    let scenario = Scenario::baseline(&dataset)
        .apply(
            &dataset,
            Action::SetAmount {
                stream: 6,
                amount: 8_000_000,
            },
        )
        .and_then(|s| {
            s.apply(
                &dataset,
                Action::SetOutcome {
                    stream: 3,
                    outcome: Outcome::Partial(40),
                },
            )
        })
        .expect("a plan");
    for count_sought in [true, false] {
        let scenario = scenario
            .clone()
            .apply(&dataset, Action::SetCountSought(count_sought))
            .expect("toggle");
        let totals = Totals::compute(&dataset, &scenario);
        let before: Vec<i64> = dataset
            .streams
            .iter()
            .map(|s| baseline_added(s.status, s.amount, count_sought))
            .collect();
        assert_eq!(before.iter().sum::<i64>(), totals.baseline_grand());
        let changes: Vec<i64> = (0..before.len())
            .map(|i| totals.added(i) - before[i])
            .collect();
        assert_eq!(changes.iter().sum::<i64>(), totals.delta());
        // The training base: 8,000,000 counted against 20,000,000 stated, or against nothing
        // while sought money is left out of both totals.
        let training = if count_sought { -12_000_000 } else { 8_000_000 };
        assert_eq!(changes[3], training, "count_sought {count_sought}");
        assert_eq!(changes[6], 2_000_000);
    }
    // As the report's first page says for scenario A: 2,788万元, 1,000万元 less than 3,788万元.
    let totals = Totals::compute(&dataset, &scenario);
    assert_eq!((totals.grand(), totals.delta()), (27_880_000, -10_000_000));
}
