//! The live totals: grand total, granted and sought money, groups, what the money buys, changes.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::lang::Lang;
use crate::core::money::{format_delta, format_sum, format_tenths_percent};
use crate::core::totals::{Group, Totals, delta_tenths_percent};
use crate::i18n::{fill, text};
use crate::model::state::DatasetRef;
use crate::ui::dataset_text::in_its_language;
use crate::ui::headings::{Heading, Rank};
use crate::ui::hooks::{use_lang, use_settled};
use crate::ui::money;
use crate::ui::units::UnitsBought;

/// Props of [`TotalsPanel`].
#[derive(Properties, PartialEq)]
pub struct TotalsPanelProps {
    /// The dataset shown.
    pub dataset: DatasetRef,
    /// The scenario's totals.
    pub totals: Rc<Totals>,
    /// Whether sought money is counted in the grand total.
    pub count_sought: bool,
}

/// A change against the baseline with its percentage: `+50万元（+1.3%）`, `+CNY 500,000 (+1.3%)`.
pub(crate) fn change(delta: i64, base: i64, lang: Lang) -> String {
    let amount = format_delta(delta, lang.money_style());
    match delta_tenths_percent(delta, base) {
        Some(tenths) if delta != 0 => {
            let percent = match tenths {
                // A real change that rounds to 0.0% still says which way it went.
                0 if delta > 0 => "+<0.1%".to_owned(),
                0 => "-<0.1%".to_owned(),
                t if t > 0 => format!("+{}", format_tenths_percent(t)),
                t => format_tenths_percent(t),
            };
            fill(
                lang,
                "totals.change",
                &[("amount", &amount), ("percent", &percent)],
            )
        }
        _ => amount,
    }
}

/// The totals panel (the impact bar announces the grand total once moves settle).
#[function_component(TotalsPanel)]
pub fn totals_panel(props: &TotalsPanelProps) -> Html {
    let TotalsPanelProps {
        dataset,
        totals,
        count_sought,
    } = props;
    let lang = use_lang();
    // The tables follow a drag once the hand pauses (their shares all change with any amount,
    // and relaying them out is most of a frame); the headline above and the impact bar and
    // charts follow every move.
    // The dataset settles with them, so that the names always belong to the groups shown.
    let (names, settled) = use_settled((dataset.clone(), totals.clone()));
    let kind_name = |i: usize| in_its_language(&names.kinds[i].name, lang);
    let agency_name = |i: usize| in_its_language(&names.agencies[i].name, lang);
    html! {
        <section class="totals" aria-labelledby="totals-heading">
            <Heading rank={Rank::Section} id="totals-heading">{ text(lang, "totals.heading") }</Heading>
            { headline(totals, *count_sought, lang) }
            { group_table("kind", &settled.by_kind, &kind_name, lang) }
            { group_table("agency", &settled.by_agency, &agency_name, lang) }
            <UnitsBought dataset={names.clone()} estimates={settled.per_unit.clone()} />
            if !totals.unstated.is_empty() {
                <Heading rank={Rank::Part}>{ text(lang, "totals.unstated") }</Heading>
                <ul class="unstated-list">
                    { for totals.unstated.iter().map(|i| html! {
                        <li><bdi>{ in_its_language(&dataset.streams[*i].name, lang) }</bdi>{ text(lang, "totals.unstated-sep") }{ text(lang, "row.unstated") }</li>
                    }) }
                </ul>
            }
        </section>
    }
}

/// The headline figures: the grand total, granted and sought money, the change, and what was
/// not granted.
fn headline(totals: &Totals, count_sought: bool, lang: Lang) -> Html {
    let assumed = totals.assumed_granted;
    // The grand total and its two parts, written so that they add up as read.
    let (grand_text, [granted_part, sought_part]) = format_sum(
        totals.grand(),
        [totals.counted.granted, totals.counted.sought],
        lang.money_style(),
    );
    let grand_label = match (count_sought, assumed > 0) {
        (true, _) => "totals.grand",
        (false, false) => "totals.grand-granted-only",
        (false, true) => "totals.grand-granted-assumed",
    };
    html! {
        <dl class="headline">
            <div class="figure grand">
                <dt>{ text(lang, grand_label) }</dt>
                <dd id="total-grand" class="big">{ &grand_text }</dd>
                if count_sought && totals.counted.sought > 0 {
                    <dd class="note">{ fill(lang, "totals.grand-note", &[
                        ("granted", &granted_part),
                        ("sought", &sought_part),
                    ]) }</dd>
                }
            </div>
            <div class="figure granted">
                <dt>{ text(lang, "totals.granted") }</dt>
                <dd id="total-granted">{ &granted_part }</dd>
                // Not in hand: only assumed for a bid.
                if assumed > 0 {
                    <dd class="note" id="total-granted-assumed">{
                        fill(lang, "totals.granted-assumed", &[("assumed", &money(assumed, lang))])
                    }</dd>
                }
            </div>
            <div class="figure sought">
                <dt>{ text(lang, "totals.sought") }</dt>
                <dd id="total-sought">{
                    if totals.pending_sought == totals.counted.sought {
                        sought_part.clone()
                    } else {
                        money(totals.pending_sought, lang)
                    }
                }</dd>
                if !count_sought {
                    <dd class="note">{ text(lang, "totals.sought-not-counted") }</dd>
                }
            </div>
            <div class="figure delta">
                <dt>{ text(lang, "totals.delta") }</dt>
                <dd id="total-delta">{ change(totals.delta(), totals.baseline_grand(), lang) }</dd>
            </div>
            if totals.not_granted > 0 {
                <div class="figure not-granted">
                    <dt>{ text(lang, "totals.not-granted") }</dt>
                    <dd id="total-not-granted">{ money(totals.not_granted, lang) }</dd>
                </div>
            }
        </dl>
    }
}

/// The table of `groups` by `by` (`kind` or `agency`: its ids and message keys), under its
/// heading; `name` names a group by its index.
fn group_table(by: &str, groups: &[Group], name: &dyn Fn(usize) -> Html, lang: Lang) -> Html {
    let heading_id = format!("by-{by}-heading");
    html! {
        <>
            <Heading rank={Rank::Part} id={heading_id.clone()}>{ text(lang, &format!("totals.by-{by}")) }</Heading>
            // Focusable: on narrow screens the table scrolls sideways.
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby={heading_id}>
                <table class="groups" id={format!("by-{by}")}>
                    <thead><tr>
                        <th scope="col">{ text(lang, &format!("totals.col-{by}")) }</th>
                        <th scope="col" class="num">{ text(lang, "totals.col-amount") }</th>
                        <th scope="col" class="num">{ text(lang, "totals.col-sought") }</th>
                        <th scope="col" class="num">{ text(lang, "totals.col-share") }</th>
                        <th scope="col" class="num">{ text(lang, "totals.col-change") }</th>
                    </tr></thead>
                    <tbody>{ for groups.iter().map(|group| group_row(group, name(group.index), lang)) }</tbody>
                </table>
            </div>
        </>
    }
}

/// One group's row. Every amount column says how much of it is still sought: granted and
/// sought money are never added in one figure without saying so.
fn group_row(group: &Group, name: Html, lang: Lang) -> Html {
    if group.stated == 0 {
        return html! {
            <tr>
                <th scope="row">{ name }</th>
                <td class="num" colspan="4">{ text(lang, "row.unstated") }</td>
            </tr>
        };
    }
    let now = group.counted.total();
    let before = group.baseline.total();
    html! {
        <tr>
            <th scope="row">{ name }</th>
            <td class="num">{ money(now, lang) }</td>
            <td class="num sought">{ if group.counted.sought > 0 { money(group.counted.sought, lang) } else { "—".to_owned() } }</td>
            <td class="num">{ format_tenths_percent(group.share_tenths) }</td>
            <td class="num change">{ change(now - before, before, lang) }</td>
        </tr>
    }
}
