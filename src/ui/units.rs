//! What the money buys, where the source ties a count to an item: the units the planned
//! amount pays for at the source's unit cost (the default reading), the unit cost a click away.
//! Both are estimates, and say so.

use yew::prelude::*;

use crate::core::lang::Lang;
use crate::core::totals::PerUnit;
use crate::i18n::{fill, measure_word, text};
use crate::model::state::DatasetRef;
use crate::ui::headings::{Heading, Rank};
use crate::ui::hooks::use_lang;
use crate::ui::money;

/// Props of [`UnitsBought`].
#[derive(Properties, PartialEq)]
pub struct UnitsBoughtProps {
    /// The dataset.
    pub dataset: DatasetRef,
    /// The estimates, one per item with a count.
    pub estimates: Vec<PerUnit>,
}

/// The list of estimates, under its heading; nothing when no item has a count.
#[function_component(UnitsBought)]
pub fn units_bought(props: &UnitsBoughtProps) -> Html {
    let UnitsBoughtProps { dataset, estimates } = props;
    let lang = use_lang();
    if estimates.is_empty() {
        return Html::default();
    }
    let item = |estimate: &PerUnit| {
        let stream = &dataset.streams[estimate.stream];
        let unit = stream.units.as_ref().map_or("", |u| u.label.get(lang));
        // Traditional script for zh-Hant: 個, 戶 (名 and 家 are the same in both).
        let measure = match (lang, measure_word(unit)) {
            (Lang::ZhHant, "个") => "個",
            (Lang::ZhHant, "户") => "戶",
            (_, word) => word,
        };
        let delta = estimate.units_delta();
        let delta = match delta.signum() {
            1 => format!("+{delta}"),
            0 => "±0".to_owned(),
            _ => delta.to_string(),
        };
        let count = estimate.units.to_string();
        let key = if estimate.units_exact {
            "units.exact"
        } else {
            "units.about"
        };
        // An inexact unit cost to the hundred yuan (0.01万): "约 23.08万元", not 23.0769万元.
        let cost = if estimate.exact {
            money(estimate.unit_cost, lang)
        } else {
            let rounded = (estimate.unit_cost + 50) / 100 * 100;
            fill(lang, "totals.about", &[("amount", &money(rounded, lang))])
        };
        html! {
            <li id={format!("per-unit-{}", stream.id)}>
                <details>
                    <summary>
                        <span class="label">{ stream.name.get(lang) }</span>
                        { text(lang, "units.colon") }
                        <strong class="units">{ fill(lang, key, &[("count", &count), ("measure", measure), ("unit", unit), ("delta", &delta)]) }</strong>
                    </summary>
                    <p class="unit-cost">
                        { fill(lang, "units.cost", &[("measure", measure), ("unit", unit), ("cost", &cost)]) }
                        <span class="how">{ fill(lang, "totals.per-how", &[
                            ("name", stream.name.get(lang)),
                            ("amount", &money(estimate.source_amount, lang)),
                            ("count", &estimate.count.to_string()),
                        ]) }</span>
                    </p>
                </details>
            </li>
        }
    };
    html! {
        <>
            <Heading rank={Rank::Part}>{ text(lang, "units.heading") }</Heading>
            <p class="hint units-note">{ text(lang, "units.note") }</p>
            <ul class="per-unit">{ for estimates.iter().map(item) }</ul>
        </>
    }
}
