//! Tests of [`super`]: kept apart so that the module itself stays readable. Here the links
//! that read (examples, round trips, notes and names); in [`errors`] those that do not.

use super::*;
use crate::dataset::{Agency, Kind, Localized, Source, Stream};
use crate::scenario::Action;
use crate::totals::Totals;
use crate::validate::parse_dataset;
use proptest::prelude::*;

mod errors;

pub(crate) fn muchuan() -> Dataset {
    parse_dataset(crate::MUCHUAN_JSON.as_bytes())
        .expect("the built-in dataset is valid")
        .dataset
}

fn index(dataset: &Dataset, id: &str) -> usize {
    dataset.stream_index(id).expect("stream exists")
}

fn apply_all(dataset: &Dataset, actions: &[Action]) -> Scenario {
    actions
        .iter()
        .fold(Scenario::baseline(dataset), |scenario, action| {
            scenario.apply(dataset, action.clone()).unwrap_or(scenario)
        })
}

#[test]
fn one_change_makes_a_short_link() {
    let dataset = muchuan();
    let loans = index(&dataset, "guaranteed-loans");
    let scenario = Scenario::baseline(&dataset)
        .apply(
            &dataset,
            Action::SetAmount {
                stream: loans,
                amount: 3_000_000,
            },
        )
        .expect("free mode takes any amount");
    let link = encode(&dataset, &scenario);
    assert_eq!(link, "v1;guaranteed-loans=300w");
    assert_eq!(decode(&link, &dataset), Ok(scenario.clone()));
    assert_eq!(decode(&format!("#{link}"), &dataset), Ok(scenario));
    assert_eq!(encode(&dataset, &Scenario::baseline(&dataset)), "v1");
    assert_eq!(decode("v1", &dataset), Ok(Scenario::baseline(&dataset)));
}

#[test]
fn a_link_pasted_in_a_sentence_reads_without_its_stop() {
    let dataset = muchuan();
    let want = decode("v1;guaranteed-loans=300w", &dataset);
    assert!(want.is_ok());
    for pasted in [
        "v1;guaranteed-loans=300w.",
        "v1;guaranteed-loans=300w。",
        "#v1;guaranteed-loans=300w），",
        "v1;guaranteed-loans=300w”",
    ] {
        assert_eq!(decode(pasted, &dataset), want, "{pasted}");
    }
}

#[test]
fn share_fragments_are_told_from_anchors() {
    for link in [
        "v1",
        "#v1;m:p",
        "v9;x",
        " v1;guaranteed-loans=300w ",
        "V1;m:p",
    ] {
        assert!(is_link_fragment(link), "{link}");
    }
    for anchor in [
        "main-content",
        "#main-content",
        "",
        "v",
        "version",
        "#figure-streams",
    ] {
        assert!(!is_link_fragment(anchor), "{anchor}");
    }
}

#[test]
fn a_kept_scenario_reads_past_the_link_limit() {
    let dataset = muchuan();
    let long = format!(
        "v1;m:p;guaranteed-loans=300w;{}",
        ";".repeat(MAX_LINK_BYTES)
    );
    assert_eq!(
        decode(&long, &dataset),
        Err(LinkError::TooLong { bytes: long.len() })
    );
    assert_eq!(
        decode_kept(&long, &dataset),
        decode("v1;m:p;guaranteed-loans=300w", &dataset)
    );
    let huge = "v1;".repeat(MAX_KEPT_BYTES);
    assert!(matches!(
        decode_kept(&huge, &dataset),
        Err(LinkError::TooLong { .. })
    ));
}

#[test]
fn a_capitalised_version_reads_as_the_same_link() {
    let dataset = muchuan();
    let link = "v1;m:p;guaranteed-loans=300w";
    let capitalised = "V1;m:p;guaranteed-loans=300w";
    assert_eq!(decode(capitalised, &dataset), decode(link, &dataset));
    assert!(decode(link, &dataset).is_ok());
    assert_eq!(
        decode("V2;m:p", &dataset),
        Err(LinkError::UnsupportedVersion { found: "2".into() })
    );
}

#[test]
fn documented_example_reads() {
    let dataset = muchuan();
    let link = "v1;m:p;guaranteed-loans=300w;training-base=p50;ecommerce-projects=L";
    let scenario = decode(link, &dataset).expect("the example reads");
    assert_eq!(scenario.mode, BalanceMode::FixedPool);
    assert!(scenario.count_sought);
    assert_eq!(
        scenario.plans[index(&dataset, "guaranteed-loans")].amount,
        Some(3_000_000)
    );
    assert_eq!(
        scenario.plans[index(&dataset, "training-base")].outcome,
        Outcome::Partial(50)
    );
    assert!(scenario.plans[index(&dataset, "ecommerce-projects")].locked);
    assert_eq!(encode(&dataset, &scenario), link);
    let odd = decode("v1;s:0;;ecommerce-city=L,r,300001;", &dataset).expect("reads");
    assert_eq!(encode(&dataset, &odd), "v1;s:0;ecommerce-city=300001,r,L");
}

#[test]
fn survives_a_dataset_that_gains_streams() {
    let dataset = muchuan();
    let scenario = apply_all(
        &dataset,
        &[
            Action::SetAmount {
                stream: index(&dataset, "tech-projects"),
                amount: 6_500_000,
            },
            Action::SetOutcome {
                stream: index(&dataset, "ecommerce-city"),
                outcome: Outcome::Granted,
            },
        ],
    );
    let link = encode(&dataset, &scenario);
    let mut grown = dataset.clone();
    let mut extra = grown.streams[0].clone();
    extra.id = "new-stream".into();
    grown.streams.insert(0, extra);
    let read = decode(&link, &grown).expect("ids still resolve");
    assert_eq!(
        read.plans[0].amount, grown.streams[0].amount,
        "a new stream takes its baseline"
    );
    assert_eq!(&read.plans[1..], &scenario.plans[..]);
}

/// A setting cannot be mistaken for a stream, whatever the ids.
#[test]
fn ids_that_look_like_settings() {
    let mut dataset = muchuan();
    dataset.streams[0].id = "m".into();
    dataset.streams[1].id = "s".into();
    dataset.streams[2].id = "v1".into();
    let scenario = apply_all(
        &dataset,
        &[
            Action::SetMode(BalanceMode::FixedPool),
            Action::SetLocked {
                stream: 0,
                locked: true,
            },
            Action::SetAmount {
                stream: 1,
                amount: 0,
            },
            Action::SetLocked {
                stream: 2,
                locked: true,
            },
        ],
    );
    let link = encode(&dataset, &scenario);
    assert!(link.starts_with("v1;m:p;m=L;s=0;v1=L;"), "{link}");
    assert_eq!(decode(&link, &dataset), Ok(scenario));
}

fn amount() -> impl Strategy<Value = i64> {
    prop_oneof![
        0..=MAX_AMOUNT,
        (0..=MAX_AMOUNT / 10_000).prop_map(|w| w * 10_000),
        0..3_000_000i64,
    ]
}

fn outcome() -> impl Strategy<Value = Outcome> {
    prop_oneof![
        Just(Outcome::Pending),
        Just(Outcome::Granted),
        Just(Outcome::Refused),
        (0u8..=110).prop_map(Outcome::Partial),
        (0u8..=110).prop_map(Outcome::Covered),
    ]
}

/// Random actions on streams `0..streams + 1` (one past the end, which the reducer refuses).
pub(crate) fn actions(streams: usize) -> impl Strategy<Value = Vec<Action>> {
    let stream = 0..=streams;
    let action = prop_oneof![
        (stream.clone(), amount())
            .prop_map(|(stream, amount)| Action::SetAmount { stream, amount }),
        (stream.clone(), -500i64..500).prop_map(|(stream, steps)| Action::Step { stream, steps }),
        (stream.clone(), any::<bool>())
            .prop_map(|(stream, locked)| Action::SetLocked { stream, locked }),
        (stream.clone(), outcome())
            .prop_map(|(stream, outcome)| Action::SetOutcome { stream, outcome }),
        // Notes short enough that a link carries every one; with line breaks, tabs and
        // invisible characters, which are cleaned, and formula triggers.
        (stream, "[\\PC\n\t\u{200B}=+@-]{0,24}")
            .prop_map(|(stream, note)| Action::SetNote { stream, note }),
        prop_oneof![Just(BalanceMode::Free), Just(BalanceMode::FixedPool)]
            .prop_map(Action::SetMode),
        any::<bool>().prop_map(Action::SetCountSought),
        Just(Action::Reset),
    ];
    proptest::collection::vec(action, 0..40)
}

fn localized(text: &str) -> Localized {
    Localized {
        en: Some(text.to_owned()),
        ..Localized::default()
    }
}

/// Random datasets: 1–12 streams with unique ids (some shaped like settings), amounts
/// stated or not, any status.
pub(crate) fn dataset() -> impl Strategy<Value = Dataset> {
    let id = prop_oneof![
        "[A-Za-z0-9][A-Za-z0-9._-]{0,12}",
        prop::sample::select(vec!["m", "s", "v1", "L", "g", "p50", "1"]).prop_map(String::from),
    ];
    let stream = (
        id,
        proptest::option::weighted(0.85, amount()),
        prop::sample::select(Status::ALL.to_vec()),
    );
    proptest::collection::vec(stream, 1..12).prop_map(|streams| {
        let mut seen = std::collections::HashSet::new();
        let streams = streams
            .into_iter()
            .enumerate()
            .map(|(i, (id, amount, status))| {
                let id = if seen.insert(id.clone()) {
                    id
                } else {
                    format!("{id}.{i}")
                };
                seen.insert(id.clone());
                Stream {
                    name: localized(&id),
                    id,
                    kind: 0,
                    agency: 0,
                    amount,
                    status,
                    quote: "q".into(),
                    units: None,
                    note: None,
                }
            })
            .collect();
        Dataset {
            format: 1,
            title: localized("t"),
            summary: Localized::default(),
            source: Source {
                title: localized("s"),
                publisher: localized("p"),
                url: None,
            },
            currency: "CNY".into(),
            kinds: vec![Kind {
                id: "k".into(),
                name: localized("k"),
            }],
            agencies: vec![Agency {
                id: "a".into(),
                name: localized("a"),
            }],
            streams,
        }
    })
}

fn random_dataset_and_actions() -> impl Strategy<Value = (Dataset, Vec<Action>)> {
    dataset().prop_flat_map(|dataset| {
        let count = dataset.streams.len();
        (Just(dataset), actions(count))
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn round_trips_on_muchuan(actions in actions(9)) {
        let dataset = muchuan();
        let scenario = apply_all(&dataset, &actions);
        let link = encode(&dataset, &scenario);
        prop_assert!(link.len() <= MAX_LINK_BYTES);
        let read = decode(&link, &dataset);
        prop_assert_eq!(read.as_ref(), Ok(&scenario), "{}", link);
        if let Ok(read) = read {
            prop_assert_eq!(Totals::compute(&dataset, &read), Totals::compute(&dataset, &scenario));
        }
    }

    #[test]
    fn round_trips_on_random_datasets((dataset, actions) in random_dataset_and_actions()) {
        let scenario = apply_all(&dataset, &actions);
        let link = encode(&dataset, &scenario);
        prop_assert_eq!(decode(&link, &dataset), Ok(scenario), "{}", link);
    }

    #[test]
    fn any_text_reads_or_errs(text in prop_oneof![
        any::<String>(),
        "\\PC{0,300}",
        "#?v1(;[a-z0-9=:,.LgrpwmsfA-Z_-]{0,24}){0,12}",
        "v1(;(guaranteed-loans|training-base|finance-priority|m|s)[=:][0-9wgrpLf,]{0,12}){0,6}",
    ]) {
        let dataset = muchuan();
        if let Ok(scenario) = decode(&text, &dataset) {
            prop_assert!(scenario.fits(&dataset));
        }
    }

    #[test]
    fn long_texts_are_refused_or_read(unit in "[v1;=:a-z0-9,]{1,8}", times in 1usize..4000) {
        let dataset = muchuan();
        let text = unit.repeat(times);
        match decode(&text, &dataset) {
            Ok(scenario) => prop_assert!(scenario.fits(&dataset)),
            Err(LinkError::TooLong { bytes }) => prop_assert!(bytes > MAX_LINK_BYTES),
            Err(_) => {}
        }
    }
}

#[test]
fn notes_and_the_name_travel_in_the_link() {
    let dataset = muchuan();
    let farmer = index(&dataset, "farmer-training");
    let scenario = apply_all(
        &dataset,
        &[
            Action::SetAmount {
                stream: farmer,
                amount: 1_750_000,
            },
            Action::SetNote {
                stream: farmer,
                note: "春季招聘会后报名人数增加；\n需扩班".into(),
            },
        ],
    );
    assert_eq!(scenario.note(farmer), "春季招聘会后报名人数增加； 需扩班");
    let shared = share(&dataset, &scenario, " 培训优先 ");
    assert!(!shared.texts_left_out);
    assert!(
        shared
            .link
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b";:=,-_.".contains(&b)),
        "{}",
        shared.link
    );
    let linked = read(&shared.link, &dataset).expect("the app reads its own link");
    assert_eq!(linked.scenario, scenario);
    assert_eq!(linked.name.as_deref(), Some("培训优先"));
    // Without a name, the link gives none; the note stays.
    let unnamed = read(&share(&dataset, &scenario, "").link, &dataset).expect("reads");
    assert_eq!((unnamed.name, unnamed.scenario), (None, scenario));
}

#[test]
fn texts_that_would_make_the_link_too_long_are_left_out_and_said() {
    let dataset = muchuan();
    // Four bytes a character: every stream's longest note no longer fits in 8 KB.
    let note = "𝌆".repeat(crate::scenario::MAX_NOTE_CHARS);
    let noted = (0..dataset.streams.len()).fold(Scenario::baseline(&dataset), |s, stream| {
        s.apply(
            &dataset,
            Action::SetNote {
                stream,
                note: note.clone(),
            },
        )
        .expect("a note of the longest length is kept")
    });
    let shared = share(&dataset, &noted, "名");
    assert!(shared.texts_left_out);
    assert!(shared.link.len() <= MAX_LINK_BYTES);
    let linked = read(&shared.link, &dataset).expect("reads");
    assert_eq!(linked.scenario, Scenario::baseline(&dataset));
    assert_eq!(linked.name, None);
    // One character more than the limit is refused by the reducer.
    let refused = noted.apply(
        &dataset,
        Action::SetNote {
            stream: 0,
            note: format!("{note}𝌆"),
        },
    );
    assert_eq!(refused, Err(crate::scenario::Refusal::NoteTooLong));
}
