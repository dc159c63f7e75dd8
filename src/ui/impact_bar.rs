//! The impact of the planner's moves, always in view: a compact bar that stays at the top while
//! the page scrolls, live during a drag; a screen reader hears it once the moves pause.

use std::rc::Rc;

use yew::prelude::*;

use crate::charts::palette::{hex, series};
use crate::core::lang::Lang;
use crate::core::money::{format_sum, format_tenths_percent};
use crate::core::scenario::{Outcome, Scenario};
use crate::core::totals::Totals;
use crate::i18n::{fill, text};
use crate::model::aside::MadeBy;
use crate::model::state::DatasetRef;
use crate::ui::hooks::use_lang;
use crate::ui::impact_speech::{aside_words, use_impact_speech};
use crate::ui::totals_panel::change;

/// The width of the shares-by-kind strip, in its own units (the CSS sizes it).
const STRIP: i64 = 1000;

/// Props of [`ImpactBar`].
#[derive(Properties, PartialEq)]
pub struct ImpactBarProps {
    /// The dataset.
    pub dataset: DatasetRef,
    /// The scenario (its outcomes say what is assumed).
    pub scenario: Rc<Scenario>,
    /// The scenario's totals.
    pub totals: Rc<Totals>,
    /// The planner's action that made the scenario, when its last change was one.
    pub made_by: Option<MadeBy>,
}

/// The bar: grand total and its change, granted and sought, what is assumed, shares by kind.
#[function_component(ImpactBar)]
pub fn impact_bar(props: &ImpactBarProps) -> Html {
    let ImpactBarProps {
        dataset,
        scenario,
        totals,
        made_by,
    } = props;
    let lang = use_lang();
    let (grand, [granted, sought]) = format_sum(
        totals.grand(),
        [totals.counted.granted, totals.counted.sought],
        lang.money_style(),
    );
    let (grand, granted, sought) = (
        short(grand, lang),
        short(granted, lang),
        short(sought, lang),
    );
    let delta = short(change(totals.delta(), totals.baseline_grand(), lang), lang);
    // A shortfall made up from other items is still a bid assumed refused or granted in part.
    let granted_in_full = count_of(scenario, |o| o == Outcome::Granted);
    let refused = count_of(scenario, |o| {
        matches!(o, Outcome::Refused | Outcome::Covered(0))
    });
    let partial = count_of(scenario, |o| {
        matches!(o, Outcome::Partial(_)) || matches!(o, Outcome::Covered(p) if p > 0)
    });
    let assumed = assumed_words(lang, [granted_in_full, partial, refused]);
    // Money counted as granted only because an outcome is assumed is said as such.
    let assumed_money = totals.assumed_granted;
    let grand_key = match (scenario.count_sought, assumed_money > 0) {
        (true, _) => "impact.grand",
        (false, false) => "impact.grand-granted-only",
        (false, true) => "impact.grand-granted-assumed",
    };
    let line = fill(lang, grand_key, &[("grand", &grand)]);
    // The bar keeps to two lines on a phone: what is assumed is said beside the parts (the
    // totals panel and the report give the assumed amount).
    let parts = if scenario.count_sought {
        fill(
            lang,
            if assumed_money > 0 {
                "impact.parts-assumed"
            } else {
                "impact.parts"
            },
            &[("granted", &granted), ("sought", &sought)],
        )
    } else {
        String::new()
    };
    let spoken = [
        line.clone(),
        fill(lang, "impact.change", &[("change", &delta)]),
        parts.clone(),
        assumed.clone().unwrap_or_default(),
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect::<Vec<_>>()
    .join(text(lang, "impact.separator").as_str());
    // Heard once the changes pause; not on opening, and not again on a change of language (the
    // region empties instead).
    let figures = (
        totals.grand(),
        totals.counted.granted,
        totals.counted.sought,
        [granted_in_full, partial, refused],
        scenario.count_sought,
    );
    let speech = use_impact_speech(scenario.clone(), made_by.clone(), figures, lang);
    let announced = speech.map(|speech| {
        let figures = speech.figures.then_some(spoken);
        let aside = speech.aside.map(|aside| aside_words(aside, lang));
        aside
            .into_iter()
            .chain(figures)
            .collect::<Vec<_>>()
            .join(text(lang, "impact.separator").as_str())
    });
    // The strip: one rectangle per kind with money, in dataset order, widths by share.
    let mut x = 0;
    let mut described = Vec::new();
    let mut rects = Vec::new();
    for group in totals.by_kind.iter().filter(|g| g.share_tenths > 0) {
        let width = group.share_tenths * STRIP / 1000;
        let name = dataset.kinds[group.index].name.get(lang);
        described.push(fill(
            lang,
            "impact.share",
            &[
                ("kind", name),
                ("share", &format_tenths_percent(group.share_tenths)),
            ],
        ));
        rects.push(html! {
            <rect x={x.to_string()} y="0" width={width.to_string()} height="10"
                fill={hex(series(group.index))} />
        });
        x += width;
    }
    let strip_label = fill(
        lang,
        "impact.shares",
        &[(
            "shares",
            &described.join(text(lang, "impact.list-separator").as_str()),
        )],
    );
    html! {
        <div class="impact-bar" role="group" aria-label={text(lang, "impact.label")}>
            <p class="impact-line">
                <strong id="impact-grand">{ line }</strong>
                <span class="visually-hidden">{ text(lang, "impact.change-label") }</span>
                <span id="impact-change" class="impact-change">{ delta }</span>
            </p>
            <p class="impact-line small">
                if !parts.is_empty() {
                    <span id="impact-parts">{ parts }</span>
                }
                if let Some(assumed) = assumed {
                    <span id="impact-assumed" class="impact-assumed">{ assumed }</span>
                }
            </p>
            // Under the two lines, across the bar: a third line of text would not fit a phone.
            if !rects.is_empty() {
                <svg class="impact-strip" viewBox={format!("0 0 {STRIP} 10")} preserveAspectRatio="none"
                    role="img" aria-label={strip_label}>{ for rects }</svg>
            }
            <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">{ announced.unwrap_or_default() }</div>
        </div>
    }
}

/// English amounts with "m" for million, so the bar keeps to two lines on a phone
/// (`CNY 27.88m`); Chinese amounts are short already.
fn short(text: String, lang: Lang) -> String {
    match lang {
        Lang::En => text.replace(" million", "m"),
        _ => text,
    }
}

/// How many sought streams the scenario assumes `matches` of.
/// What the scenario assumes of the bids, `[granted in full, in part, refused]` counts, as one
/// phrase (`假定 1 项全额获批，1 项未获批`); `None` when it assumes nothing.
fn assumed_words(lang: Lang, counts: [usize; 3]) -> Option<String> {
    let keys = [
        "impact.assumed-granted",
        "impact.assumed-partial",
        "impact.assumed-refused",
    ];
    let said: Vec<String> = keys
        .iter()
        .zip(counts)
        .filter(|(_, count)| *count > 0)
        .map(|(key, count)| fill(lang, key, &[("count", &count.to_string())]))
        .collect();
    (!said.is_empty()).then(|| {
        let list = said.join(text(lang, "impact.list-separator").as_str());
        fill(lang, "impact.assumed", &[("list", &list)])
    })
}

fn count_of(scenario: &Scenario, matches: impl Fn(Outcome) -> bool) -> usize {
    scenario.plans.iter().filter(|p| matches(p.outcome)).count()
}
