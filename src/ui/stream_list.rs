//! The streams column: its heading, the pager, the transfer form and one row a stream shown.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::scenario::{Refusal, Scenario};
use crate::core::totals::Totals;
use crate::i18n::text;
use crate::model::state::{DatasetRef, Moved, RefusalPlace};
use crate::ui::cover::CoverOffer;
use crate::ui::headings::{Heading, Rank};
use crate::ui::hooks::{use_lang, use_list_page};
use crate::ui::pager::Pager;
use crate::ui::stream_row::{StreamRow, free_slider_max};
use crate::ui::transfer::Transfer;

/// Props of [`StreamList`].
#[derive(Properties, PartialEq)]
pub struct StreamListProps {
    /// The dataset shown.
    pub dataset: DatasetRef,
    /// The scenario on screen.
    pub scenario: Rc<Scenario>,
    /// Its totals.
    pub totals: Rc<Totals>,
    /// The last refused action, with where it is shown.
    pub refusal: Option<(RefusalPlace, Refusal)>,
    /// How many times the whole scenario was replaced (a row then drops text it rejected).
    pub replacements: u32,
    /// The transfer that made the scenario on screen, while it is the last change.
    pub moved: Option<Moved>,
}

/// The streams' section, a page of rows at a time.
#[function_component(StreamList)]
pub fn stream_list(props: &StreamListProps) -> Html {
    let StreamListProps {
        dataset,
        scenario,
        totals,
        replacements,
        ..
    } = props;
    let lang = use_lang();
    let refusal_at = |at: RefusalPlace| {
        props
            .refusal
            .as_ref()
            .filter(|(i, _)| *i == at)
            .map(|(_, r)| r.clone())
    };
    let (page, on_pick_page) = use_list_page(dataset.clone(), dataset.streams.len());
    let shown = page.items();
    let rows = dataset.streams.iter().enumerate().skip(shown.start).take(shown.len()).map(|(index, stream)| {
        let amount = scenario.plans[index].amount;
        let max = free_slider_max(stream.amount.unwrap_or(0), amount.unwrap_or(0));
        let room = scenario.max_for(dataset, index);
        let shortfall = scenario.shortfall(dataset, index);
        let cover = shortfall.map(|gap| {
            let givers = (0..dataset.streams.len())
                .filter(|j| *j != index && scenario.takes_part(dataset, *j))
                .filter_map(|j| scenario.plans[j].amount.map(|a| (j, a)))
                .collect::<Vec<_>>();
            html! { <CoverOffer dataset={dataset.clone()} index={index} gap={gap} givers={givers}
                refusal={refusal_at(RefusalPlace::Cover(index))} /> }
        });
        html! {
            <StreamRow key={stream.id.clone()} dataset={dataset.clone()} index={index}
                amount={amount} locked={scenario.plans[index].locked} outcome={scenario.plans[index].outcome}
                added={totals.added(index)} note={AttrValue::from(scenario.plans[index].note.clone())}
                mode={scenario.mode} max={max} room={room}
                counted={scenario.is_granted(dataset, index)} refusal={refusal_at(RefusalPlace::Stream(index))}
                replacements={*replacements} shortfall={shortfall}>{ for cover }</StreamRow>
        }
    });
    html! {
        <section class="streams" aria-labelledby="streams-heading">
            <Heading rank={Rank::Section} id="streams-heading">{ text(lang, "streams.heading") }</Heading>
            <Pager page={page} id="streams-pager" label_key="pager.streams"
                on_pick={on_pick_page} />
            <Transfer dataset={dataset.clone()} scenario={Rc::clone(scenario)}
                refusal={refusal_at(RefusalPlace::Transfer)} moved={props.moved} />
            <ul class="stream-list">{ for rows }</ul>
        </section>
    }
}
