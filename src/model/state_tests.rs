use super::*;
use crate::core::scenario::{BalanceMode, MAX_NOTE_CHARS};
use crate::core::validate::parse_dataset;

fn muchuan() -> Rc<AppState> {
    let dataset = parse_dataset(crate::MUCHUAN_JSON.as_bytes())
        .expect("the seed is valid")
        .dataset;
    let baseline = Scenario::baseline(&dataset);
    Rc::new(AppState::new(Rc::new(dataset), baseline, Lang::En))
}

#[test]
fn opening_a_scenario_clears_the_last_refusal() {
    let mut state = muchuan();
    let baseline = state.scenario().clone();
    for action in [
        Action::SetMode(BalanceMode::FixedPool),
        Action::SetLocked {
            stream: 0,
            locked: true,
        },
        Action::SetAmount {
            stream: 0,
            amount: 0,
        },
    ] {
        state = state.next(Msg::Act(action));
    }
    assert_eq!(
        state.refusal,
        Some((RefusalPlace::Stream(0), Refusal::Locked))
    );
    state = state.next(Msg::OpenScenario(baseline.clone(), None));
    assert_eq!(
        state.refusal, None,
        "the refusal was about the scenario just replaced"
    );
    // Opening the scenario on screen again (a link pasted twice) makes no undo step.
    let again = Rc::clone(&state).next(Msg::OpenScenario(baseline, None));
    assert!(Rc::ptr_eq(&again, &state));
}

#[test]
fn one_drag_is_one_undo_step() {
    let mut state = muchuan();
    for amount in [2_800_000, 2_900_000, 3_000_000] {
        state = state.next(Msg::Slide { stream: 0, amount });
    }
    state = state.next(Msg::EndSlide);
    state = state.next(Msg::Slide {
        stream: 0,
        amount: 3_100_000,
    });
    assert_eq!(state.scenario().plans[0].amount, Some(3_100_000));
    state = state.next(Msg::Undo);
    assert_eq!(state.scenario().plans[0].amount, Some(3_000_000));
    state = state.next(Msg::Undo);
    assert_eq!(
        state.scenario().plans[0].amount,
        Some(2_730_000),
        "the first drag was one step"
    );
    assert!(!state.history.can_undo());
}

#[test]
fn the_action_that_made_the_scenario_is_kept_until_another_change() {
    let mut state = muchuan();
    state = state.next(Msg::Slide {
        stream: 0,
        amount: 2_800_000,
    });
    let slid = Some(MadeBy::Act(Action::SetAmount {
        stream: 0,
        amount: 2_800_000,
    }));
    assert_eq!(state.made_by, slid);
    // A change of language or a refused action is no change of the scenario.
    state = state.next(Msg::SetLang(Lang::ZhHans));
    state = state.next(Msg::Act(Action::SetAmount {
        stream: 2,
        amount: 1,
    }));
    assert_eq!(state.made_by, slid);
    state = state.next(Msg::Undo);
    assert_eq!(state.made_by, Some(MadeBy::Undo));
    let slid_again = state.clone().next(Msg::Redo).scenario().clone();
    state = state.next(Msg::OpenScenario(slid_again, None));
    assert_eq!(
        state.made_by, None,
        "an opening is no change of the planner's"
    );
}

#[test]
fn a_transfer_is_said_until_another_change_an_undo_or_a_refusal() {
    let mut state = muchuan();
    let transfer = Action::Transfer {
        from: 4,
        to: 7,
        amount: 500_000,
    };
    state = state.next(Msg::Act(transfer.clone()));
    let moved = Some(Moved {
        from: 4,
        to: 7,
        amount: 500_000,
    });
    assert_eq!(state.transfer_done(), moved);
    assert_eq!(state.scenario().amount(4), Some(5_500_000));
    // The same transfer again is another move, said again.
    state = state.next(Msg::Act(transfer.clone()));
    assert_eq!(state.transfer_done(), moved);
    assert_eq!(state.scenario().amount(7), Some(1_750_000));
    // A language switch changes nothing that was done.
    state = state.next(Msg::SetLang(Lang::ZhHans));
    assert_eq!(state.transfer_done(), moved);
    // A refused transfer is the news now: the SYE item holds 10万 only.
    let refused = state.clone().next(Msg::Act(Action::Transfer {
        from: 8,
        to: 7,
        amount: 200_000,
    }));
    assert_eq!(
        refused.refusal,
        Some((
            RefusalPlace::Transfer,
            Refusal::TooLittle { available: 100_000 }
        ))
    );
    assert_eq!(refused.transfer_done(), None);
    // Undone, it no longer stands; redone, it stands but the redo is what is said.
    state = state.next(Msg::Undo);
    assert_eq!(state.transfer_done(), None);
    assert_eq!(state.scenario().amount(7), Some(1_250_000));
    state = state.next(Msg::Redo);
    assert_eq!(state.transfer_done(), None);
    // Another kind of change replaces it.
    state = state.next(Msg::Act(transfer));
    assert!(state.transfer_done().is_some());
    state = state.next(Msg::Act(Action::SetNote {
        stream: 7,
        note: "春季报名增加".into(),
    }));
    assert_eq!(state.transfer_done(), None);
}

#[test]
fn a_slide_up_with_no_room_is_refused_with_the_reason() {
    let mut state = muchuan();
    state = state.next(Msg::Act(Action::SetMode(BalanceMode::FixedPool)));
    for stream in [1, 4, 6, 7, 8] {
        state = state.next(Msg::Act(Action::SetLocked {
            stream,
            locked: true,
        }));
    }
    state = state.next(Msg::Slide {
        stream: 0,
        amount: 2_740_000,
    });
    assert_eq!(state.scenario().plans[0].amount, Some(2_730_000));
    assert_eq!(
        state.refusal,
        Some((RefusalPlace::Stream(0), Refusal::NothingToBalance))
    );
}

#[test]
fn a_note_is_one_undo_step_and_a_given_name_names_only_its_scenario() {
    let mut state = muchuan();
    let note = |state: &AppState| state.scenario().note(1).to_owned();
    let named = Scenario::baseline(&state.dataset)
        .apply(
            &state.dataset,
            Action::SetAmount {
                stream: 1,
                amount: 100_000,
            },
        )
        .expect("free mode");
    state = state.next(Msg::OpenScenario(named, Some("From the link".into())));
    assert_eq!(state.given_name(), Some("From the link"));
    state = state.next(Msg::Act(Action::SetNote {
        stream: 1,
        note: "Fewer applicants".into(),
    }));
    assert_eq!(note(&state), "Fewer applicants");
    assert_eq!(state.given_name(), None, "the named scenario was changed");
    state = state.next(Msg::Undo);
    assert_eq!(note(&state), "");
    assert_eq!(state.given_name(), Some("From the link"));
    // A refused note is said beside its stream.
    state = state.next(Msg::Act(Action::SetNote {
        stream: 1,
        note: "x".repeat(MAX_NOTE_CHARS + 1),
    }));
    assert_eq!(
        state.refusal,
        Some((RefusalPlace::Stream(1), Refusal::NoteTooLong))
    );
}

#[test]
fn a_notice_is_shown_once_and_dismissed_by_position() {
    let notice = Notice::FetchFailed {
        url: "data/x.json".into(),
        status: Some(404),
    };
    let mut state = muchuan();
    state = state.next(Msg::Notify(notice.clone()));
    state = state.next(Msg::Notify(notice.clone()));
    assert_eq!(state.notices, vec![notice.clone()]);
    // Worded when shown, in the language asked for.
    let words = |lang| notice.words(lang);
    assert_eq!(
        words(Lang::En).and_then(|w| w.1),
        Some("data/x.json (HTTP 404)".to_owned())
    );
    assert_ne!(
        words(Lang::En).map(|w| w.0),
        words(Lang::ZhHans).map(|w| w.0)
    );
    state = state.next(Msg::Dismiss(0));
    assert!(state.notices.is_empty());
}

#[test]
fn notices_that_kept_the_old_data_go_once_other_data_loads() {
    let refused = Notice::FileRefused {
        origin: "typos.csv".into(),
        errors: 6,
    };
    let link = Notice::LinkOpened {
        name: "方案A".into(),
    };
    let mut state = muchuan();
    state = state.next(Msg::Notify(link.clone()));
    state = state.next(Msg::Notify(refused));
    assert_eq!(state.notices.len(), 2);
    let dataset = Rc::clone(&state.dataset.0);
    let baseline = Scenario::baseline(&dataset);
    state = state.next(Msg::LoadDataset(dataset, baseline, Some("wan.csv".into())));
    assert_eq!(state.notices, vec![link], "only the refusal goes");
}

#[test]
fn a_file_refused_after_another_replaces_its_notice() {
    let fetch = Notice::FetchFailed {
        url: "data/x.json".into(),
        status: None,
    };
    let first = Notice::FileRefused {
        origin: "v2.csv".into(),
        errors: 3,
    };
    let second = Notice::FileUnreadable {
        file: "v3.csv".into(),
    };
    let mut state = muchuan();
    for notice in [&fetch, &first, &second] {
        state = state.next(Msg::Notify(notice.clone()));
    }
    assert_eq!(
        state.notices,
        vec![fetch, second],
        "the fetch failure stays"
    );
}

#[test]
fn a_language_that_failed_is_no_news_once_one_is_on_screen() {
    let mut state = muchuan();
    // Natively every language is here, so a failure is only heard when one is pending.
    state = state.next(Msg::LangUnavailable(Lang::ZhHant));
    assert!(state.notices.is_empty(), "no language was pending");
    let mut pending = (*state).clone();
    pending.pending_lang = Some(Lang::ZhHant);
    state = Rc::new(pending).next(Msg::LangUnavailable(Lang::ZhHant));
    assert_eq!(state.notices, vec![Notice::LangUnavailable(Lang::ZhHant)]);
    assert_eq!((state.lang, state.pending_lang), (Lang::En, None));
    state = state.next(Msg::SetLang(Lang::ZhHant));
    assert_eq!(state.lang, Lang::ZhHant);
    assert!(state.notices.is_empty(), "the failure notice went");
}
