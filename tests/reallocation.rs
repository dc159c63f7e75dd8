//! Issue 20's planner moves on the Muchuan data: a transfer, a fixed pool that keeps its figure,
//! covering a refused or partial bid, all in whole 万 and one undo step each.

use muchuan_funding_explorer::MUCHUAN_JSON;
use muchuan_funding_explorer::core::dataset::Dataset;
use muchuan_funding_explorer::core::history::History;
use muchuan_funding_explorer::core::scenario::{Action, BalanceMode, Outcome, Refusal, Scenario};
use muchuan_funding_explorer::core::totals::Totals;
use muchuan_funding_explorer::core::validate::parse_dataset;

const WAN: i64 = 10_000;

fn muchuan() -> Dataset {
    parse_dataset(MUCHUAN_JSON.as_bytes())
        .expect("the built-in dataset is valid")
        .dataset
}

fn at(dataset: &Dataset, id: &str) -> usize {
    dataset.stream_index(id).expect("stream exists")
}

fn apply(dataset: &Dataset, scenario: &Scenario, action: Action) -> Scenario {
    scenario
        .apply(dataset, action.clone())
        .unwrap_or_else(|r| panic!("{action:?} refused: {r:?}"))
}

/// Fixed pool, the training-base bid assumed not granted, the guaranteed loans locked.
fn planners_start(dataset: &Dataset) -> Scenario {
    let start = Scenario::baseline(dataset);
    let start = apply(dataset, &start, Action::SetMode(BalanceMode::FixedPool));
    let refused = Action::SetOutcome {
        stream: at(dataset, "training-base"),
        outcome: Outcome::Refused,
    };
    let start = apply(dataset, &start, refused);
    let lock = Action::SetLocked {
        stream: at(dataset, "guaranteed-loans"),
        locked: true,
    };
    apply(dataset, &start, lock)
}

#[test]
fn transfer_moves_exactly_and_undoes_in_one_step() {
    let dataset = muchuan();
    let start = planners_start(&dataset);
    let grand = Totals::compute(&dataset, &start).grand();
    assert_eq!(
        grand, 17_880_000,
        "granted 1,758万 and city e-commerce 30万 still sought"
    );
    let mut history = History::new(start.clone());
    let (from, to) = (
        at(&dataset, "ecommerce-projects"),
        at(&dataset, "farmer-training"),
    );
    let moved = apply(
        &dataset,
        &start,
        Action::Transfer {
            from,
            to,
            amount: 100 * WAN,
        },
    );
    history.push(moved.clone());

    assert_eq!(moved.plans[from].amount, Some(500 * WAN));
    assert_eq!(moved.plans[to].amount, Some(175 * WAN));
    for j in (0..dataset.streams.len()).filter(|j| *j != from && *j != to) {
        assert_eq!(
            moved.plans[j].amount, start.plans[j].amount,
            "{}",
            dataset.streams[j].id
        );
    }
    assert_eq!(Totals::compute(&dataset, &moved).grand(), grand);
    assert_eq!(moved.pool(), start.pool());
    assert!(history.undo());
    assert_eq!(history.present(), &start);
}

#[test]
fn a_slider_move_in_the_fixed_pool_keeps_the_total_and_whole_wan() {
    let dataset = muchuan();
    let start = planners_start(&dataset);
    let farmer = at(&dataset, "farmer-training");
    let moved = apply(
        &dataset,
        &start,
        Action::SetAmount {
            stream: farmer,
            amount: 175 * WAN,
        },
    );
    let wan = |id: &str| {
        moved.plans[at(&dataset, id)]
            .amount
            .map(|a| (a / WAN, a % WAN))
    };
    // The refused bid, the bid still sought and the locked loans keep their amounts; the 100万
    // comes from the other money in hand, in proportion, in whole 万.
    assert_eq!(wan("training-base"), Some((2_000, 0)));
    assert_eq!(wan("guaranteed-loans"), Some((273, 0)));
    assert_eq!(wan("farmer-training"), Some((175, 0)));
    for amount in moved.amounts().flatten() {
        assert_eq!(amount % WAN, 0, "{:?}", moved.plans);
    }
    let grand = |s: &Scenario| Totals::compute(&dataset, s).grand();
    assert_eq!(grand(&moved), grand(&start));
    // 100万 over poverty 200, e-commerce 600, tech 600, SYE 10 (1,410万): floors 14, 42, 42,
    // 0 and the two left-over 万 to the largest remainders (SYE .71, then e-commerce .55
    // before tech .55 on the tie). The city e-commerce bid, still sought, gives nothing.
    assert_eq!(wan("poverty-subsidy"), Some((186, 0)));
    assert_eq!(wan("ecommerce-projects"), Some((557, 0)));
    assert_eq!(wan("ecommerce-city"), Some((30, 0)));
    assert_eq!(wan("tech-projects"), Some((558, 0)));
    assert_eq!(wan("sye-project"), Some((9, 0)));
    // The refused bid itself does not move in the pool.
    let base = at(&dataset, "training-base");
    let refusal = start.apply(
        &dataset,
        Action::SetAmount {
            stream: base,
            amount: 1_000 * WAN,
        },
    );
    assert_eq!(refusal, Err(Refusal::NotGranted));
}

#[test]
fn a_transfer_is_refused_with_its_reason() {
    let dataset = muchuan();
    let start = planners_start(&dataset);
    let ecommerce = at(&dataset, "ecommerce-projects");
    let farmer = at(&dataset, "farmer-training");
    let transfer = |from, to, amount| start.apply(&dataset, Action::Transfer { from, to, amount });
    assert_eq!(
        transfer(ecommerce, farmer, 700 * WAN),
        Err(Refusal::TooLittle {
            available: 600 * WAN
        })
    );
    assert_eq!(
        transfer(at(&dataset, "guaranteed-loans"), farmer, WAN),
        Err(Refusal::Locked)
    );
    assert_eq!(
        transfer(ecommerce, at(&dataset, "training-base"), WAN),
        Err(Refusal::NotGranted)
    );
    // A bid still being sought is no money in hand: nothing moves into it or out of it.
    assert_eq!(
        transfer(ecommerce, at(&dataset, "ecommerce-city"), WAN),
        Err(Refusal::NotGranted)
    );
    assert_eq!(
        transfer(at(&dataset, "ecommerce-city"), ecommerce, WAN),
        Err(Refusal::NotGranted)
    );
    assert_eq!(
        transfer(ecommerce, at(&dataset, "finance-priority"), WAN),
        Err(Refusal::NoAmount)
    );
    assert_eq!(
        transfer(ecommerce, ecommerce, WAN),
        Err(Refusal::SameStream)
    );
    assert_eq!(transfer(ecommerce, farmer, 0), Err(Refusal::NothingToMove));
    assert_eq!(transfer(ecommerce, farmer, -WAN), Err(Refusal::OutOfRange));
    // In free mode too, and exactly to the yuan when typed so.
    let free = Scenario::baseline(&dataset);
    let moved = apply(
        &dataset,
        &free,
        Action::Transfer {
            from: ecommerce,
            to: farmer,
            amount: 12_345,
        },
    );
    assert_eq!(moved.plans[ecommerce].amount, Some(6_000_000 - 12_345));
    assert_eq!(moved.plans[farmer].amount, Some(750_000 + 12_345));
}

#[test]
fn a_shortfall_is_covered_in_proportion_and_counts_in_full() {
    let dataset = muchuan();
    let city = at(&dataset, "ecommerce-city");
    let (ecommerce, tech) = (
        at(&dataset, "ecommerce-projects"),
        at(&dataset, "tech-projects"),
    );
    let half = Action::SetOutcome {
        stream: city,
        outcome: Outcome::Partial(50),
    };
    let start = apply(&dataset, &Scenario::baseline(&dataset), half);
    assert_eq!(start.shortfall(&dataset, city), Some(15 * WAN));
    let grand = Totals::compute(&dataset, &start).grand();
    let covered = apply(
        &dataset,
        &start,
        Action::CoverShortfall {
            stream: city,
            from: vec![ecommerce, tech],
        },
    );
    // 15万 over two equal holders: 8万 and 7万 (largest remainder on 万, the earlier on a tie).
    assert_eq!(covered.plans[ecommerce].amount, Some(592 * WAN));
    assert_eq!(covered.plans[tech].amount, Some(593 * WAN));
    // The bid counts in full as granted money, and says it was made up, not granted in full.
    assert_eq!(covered.plans[city].outcome, Outcome::Covered(50));
    assert_eq!(covered.shortfall(&dataset, city), None);
    assert_eq!(covered.plans[city].amount, Some(30 * WAN));
    let totals = Totals::compute(&dataset, &covered);
    assert_eq!(totals.grand(), grand);
    assert_eq!(totals.not_granted, 0);
    // From one stream; too little is refused with what it holds.
    let refused = Action::SetOutcome {
        stream: at(&dataset, "training-base"),
        outcome: Outcome::Refused,
    };
    let start = apply(&dataset, &Scenario::baseline(&dataset), refused);
    let cover = |from: Vec<usize>| {
        start.apply(
            &dataset,
            Action::CoverShortfall {
                stream: at(&dataset, "training-base"),
                from,
            },
        )
    };
    assert_eq!(
        cover(vec![tech]),
        Err(Refusal::TooLittle {
            available: 600 * WAN
        })
    );
    assert_eq!(cover(vec![]), Err(Refusal::NothingPicked));
    let nothing_short = start.apply(
        &dataset,
        Action::CoverShortfall {
            stream: tech,
            from: vec![ecommerce],
        },
    );
    assert_eq!(nothing_short, Err(Refusal::NoShortfall));
}

#[test]
fn keyboard_steps_land_on_whole_wan() {
    let dataset = muchuan();
    let farmer = at(&dataset, "farmer-training");
    let typed = apply(
        &dataset,
        &Scenario::baseline(&dataset),
        Action::SetAmount {
            stream: farmer,
            amount: 752_345,
        },
    );
    let up = apply(
        &dataset,
        &typed,
        Action::Step {
            stream: farmer,
            steps: 1,
        },
    );
    assert_eq!(up.plans[farmer].amount, Some(76 * WAN));
    let down = apply(
        &dataset,
        &typed,
        Action::Step {
            stream: farmer,
            steps: -1,
        },
    );
    assert_eq!(down.plans[farmer].amount, Some(75 * WAN));
    let page = apply(
        &dataset,
        &typed,
        Action::Step {
            stream: farmer,
            steps: -10,
        },
    );
    assert_eq!(page.plans[farmer].amount, Some(66 * WAN));
}

#[test]
fn a_step_up_with_no_room_is_refused_with_the_reason() {
    let dataset = muchuan();
    let farmer = at(&dataset, "farmer-training");
    let up = |steps| Action::Step {
        stream: farmer,
        steps,
    };
    // Every other stream in hand locked but the SYE projects' 10万: a page up takes those.
    let mut scenario = planners_start(&dataset);
    for id in ["poverty-subsidy", "ecommerce-projects", "tech-projects"] {
        let stream = at(&dataset, id);
        let lock = Action::SetLocked {
            stream,
            locked: true,
        };
        scenario = apply(&dataset, &scenario, lock);
    }
    let most = apply(&dataset, &scenario, up(20));
    assert_eq!(
        most.plans[farmer].amount,
        Some(85 * WAN),
        "as far as there is room"
    );
    assert_eq!(
        most.apply(&dataset, up(1)),
        Err(Refusal::NothingToBalance),
        "not a step of nothing"
    );
    // Down is always room; a locked stream says it is locked.
    assert_eq!(
        apply(&dataset, &most, up(-1)).plans[farmer].amount,
        Some(84 * WAN)
    );
    let locked = apply(
        &dataset,
        &most,
        Action::SetLocked {
            stream: farmer,
            locked: true,
        },
    );
    assert_eq!(locked.apply(&dataset, up(1)), Err(Refusal::Locked));
}
