//! One funding stream: what it is, where its figure comes from, and the controls that plan it.

use yew::prelude::*;

use crate::charts::basis::standing;
use crate::core::dataset::Status;
use crate::core::lang::Lang;
use crate::core::money::format_delta;
use crate::core::scenario::{BalanceMode, Outcome, Refusal, STEP};
use crate::i18n::{fill, text};
use crate::model::state::DatasetRef;
use crate::ui::amount_field::AmountField;
use crate::ui::amount_slider::AmountSlider;
use crate::ui::cover_follow::use_cover_follow;
use crate::ui::dataset_text::in_its_language;
use crate::ui::headings::{Heading, Rank};
use crate::ui::hooks::{stream_part_id, use_lang};
use crate::ui::lock_toggle::LockToggle;
use crate::ui::money;
use crate::ui::note_field::NoteField;
use crate::ui::outcome_choice::OutcomeChoice;
use crate::ui::status_line::StatusLine;

/// Props of [`StreamRow`]; everything a row shows, so a row re-renders only when it changes.
#[derive(Properties, PartialEq)]
pub struct StreamRowProps {
    /// The dataset the stream belongs to.
    pub dataset: DatasetRef,
    /// The stream's index in the dataset.
    pub index: usize,
    /// The planned amount; `None` when the source states none.
    pub amount: Option<i64>,
    /// Whether the stream is locked against fixed-pool moves.
    pub locked: bool,
    /// The assumed outcome (sought streams only).
    pub outcome: Outcome,
    /// What the stream adds to the grand total: for sought money, by the assumed outcome and
    /// whether sought money is counted.
    pub added: i64,
    /// The balance mode.
    pub mode: BalanceMode,
    /// The slider's upper end: the same in both modes, so the thumb stays where the amount is.
    pub max: i64,
    /// The most the stream can have now (in a fixed pool, less than `max` when the others
    /// hold less).
    pub room: i64,
    /// Whether the stream is money in hand (in a fixed pool, one that is not keeps its amount).
    pub counted: bool,
    /// The planner's note on the change (empty for none).
    pub note: AttrValue,
    /// Why the last action on this stream was refused, if it was.
    pub refusal: Option<Refusal>,
    /// [`crate::model::state::AppState::replacements`]: when it changes, text this row
    /// rejected is dropped.
    pub replacements: u32,
    /// What a bid lacks while the offer to cover it shows.
    #[prop_or_default]
    pub shortfall: Option<i64>,
    /// Shown at the row's end (the offer to cover a bid's shortfall).
    #[prop_or_default]
    pub children: Html,
}

/// The slider's upper end in free mode: room to double the published amount, at least 100万,
/// and never below the planned amount.
pub fn free_slider_max(baseline: i64, amount: i64) -> i64 {
    let max = (baseline.saturating_mul(2)).max(amount).max(100 * STEP);
    (max + STEP - 1) / STEP * STEP
}

/// The fields a lock disables, the lock, and what tracks the focus in those fields.
struct LockFocus {
    slider: NodeRef,
    amount: NodeRef,
    lock: NodeRef,
    on_focus: Callback<FocusEvent>,
    on_blur: Callback<FocusEvent>,
}

/// When a lock disables the slider or amount field that has the focus (an undo or redo does,
/// while the planner is on the slider), the browser drops the focus to the page's start; it
/// goes to the stream's lock instead, which says why the field no longer moves.
#[hook]
fn use_lock_focus(fixed: bool) -> LockFocus {
    let (slider, amount, lock) = (use_node_ref(), use_node_ref(), use_node_ref());
    // Whether one of the two fields has the focus, still true when it lost the focus by being
    // disabled: Chromium takes the focus off once the frame renders, maybe before the effect.
    let held = use_mut_ref(|| false);
    {
        let (slider, amount, lock, held) =
            (slider.clone(), amount.clone(), lock.clone(), held.clone());
        use_effect_with(fixed, move |&fixed| {
            let focused = |field: &NodeRef| {
                field
                    .cast::<web_sys::Element>()
                    .is_some_and(|field| field.matches(":focus").unwrap_or(false))
            };
            if fixed
                && (held.replace(false) || focused(&slider) || focused(&amount))
                && let Some(lock) = lock.cast::<web_sys::HtmlElement>()
            {
                let _ = lock.focus();
            }
        });
    }
    let on_focus = {
        let held = held.clone();
        Callback::from(move |_: FocusEvent| *held.borrow_mut() = true)
    };
    let on_blur = Callback::from(move |event: FocusEvent| {
        // Focus that went nowhere, from a field now disabled: the lock's doing.
        let disabled = event
            .target_dyn_into::<web_sys::HtmlInputElement>()
            .is_some_and(|field| field.disabled());
        *held.borrow_mut() = disabled && event.related_target().is_none();
    });
    LockFocus {
        slider,
        amount,
        lock,
        on_focus,
        on_blur,
    }
}

/// A funding stream with its slider, exact amount field, delta, lock and outcome.
#[function_component(StreamRow)]
pub fn stream_row(props: &StreamRowProps) -> Html {
    let StreamRowProps {
        dataset,
        index,
        amount,
        locked,
        outcome,
        added,
        mode,
        max,
        room,
        counted,
        note,
        refusal,
        replacements,
        shortfall,
        children,
    } = props;
    let lang = use_lang();
    let index = *index;
    // In a fixed pool a locked stream, or one the grand total does not count in full, keeps
    // its amount: its fields do not move.
    let fixed = (*locked || !*counted) && *mode == BalanceMode::FixedPool;
    // In a fixed pool with no other money free to move, the slider cannot go up: say why,
    // or a planner drags against an invisible wall.
    let stuck = !fixed && *mode == BalanceMode::FixedPool && amount.is_some_and(|a| *room <= a);
    let outside = !*locked && !*counted && *mode == BalanceMode::FixedPool;
    let lock_focus = use_lock_focus(fixed);
    let cover = use_cover_follow(index, *outcome, *shortfall);
    let Some(stream) = dataset.streams.get(index) else {
        return Html::default();
    };
    let name = in_its_language(&stream.name, lang);
    let kind = dataset
        .kind_of(stream)
        .map(|k| in_its_language(&k.name, lang))
        .unwrap_or_default();
    let agency = dataset
        .agency_of(stream)
        .map(|a| in_its_language(&a.name, lang))
        .unwrap_or_default();
    let id = |part: &str| stream_part_id(index, part);
    let sought = stream.status == Status::Sought;
    let (badge_class, badge) = badge(stream.status, *outcome, lang);

    let controls = match amount {
        None => html! {
            <p class="unstated">{ text(lang, "row.unstated") }</p>
        },
        Some(amount) => {
            let amount = *amount;
            let baseline = stream.amount.unwrap_or(0);
            let style = lang.money_style();
            let delta = amount - baseline;
            // The line saying what the grand total takes, when it takes less than planned.
            let added_line = (*added != amount).then(|| AttrValue::from(id("added")));
            html! {
                <div class="plan">
                    <AmountSlider index={index} amount={amount} baseline={baseline} max={*max}
                        locked={*locked} disabled={fixed}
                        why_not={if stuck { Some("row.stuck") } else if outside { Some("refusal.not-granted") } else { None }}
                        node={lock_focus.slider.clone()} on_focus={lock_focus.on_focus.clone()}
                        on_blur={lock_focus.on_blur.clone()} />
                    <AmountField index={index} amount={amount} stated={stream.amount.unwrap_or(0)} refusal={refusal.clone()} disabled={fixed}
                        replacements={*replacements} node={lock_focus.amount.clone()}
                        on_focus={lock_focus.on_focus.clone()} on_blur={lock_focus.on_blur.clone()} />
                    <p class="delta">
                        { text(lang, "row.delta") }
                        <span class={classes!("delta-value", delta_class(delta))}>{ format_delta(delta, style) }</span>
                    </p>
                    <LockToggle index={index} locked={*locked} node={lock_focus.lock.clone()} />
                    if sought {
                        <OutcomeChoice index={index} outcome={*outcome}
                            described_by={added_line.clone()} />
                        // The planned amount stays as typed; say what the totals take of it.
                        if let Some(line) = added_line {
                            <p class="hint-line" id={line}>
                                { fill(lang, "row.added", &[("amount", &money(*added, lang))]) }
                            </p>
                        }
                    }
                </div>
            }
        }
    };

    html! {
        <li class={classes!("stream", sought.then_some("is-sought"), amount.is_none().then_some("is-unstated"))}
            aria-labelledby={id("name")} ref={cover.row} onfocusin={cover.on_focus_in}
            onfocusout={cover.on_focus_out}>
            <div class="stream-head">
                <Heading rank={Rank::Part} id={id("name")} class="stream-name">{ name }</Heading>
                <span class={badge_class}>{ badge }</span>
            </div>
            <p class="meta">
                <span class="agency">{ agency }</span>
                // A pause for screen readers, which would run the two names together.
                <span aria-hidden="true">{ " · " }</span><span class="visually-hidden">{ ", " }</span>
                <span class="kind">{ kind }</span>
            </p>
            if let Some(remark) = stream.note.as_deref() {
                <p class="remark"><span class="remark-label">{ text(lang, "row.remark") }</span><bdi>{ remark }</bdi></p>
            }
            <details class="quote">
                <summary>{ text(lang, "row.quote") }</summary>
                if stream.quote.is_empty() {
                    <p>{ text(lang, "data.no-source") }</p>
                } else {
                    <blockquote lang="zh-Hant">{ &stream.quote }</blockquote>
                }
                if let Some(quote) = stream.units.as_ref().and_then(|u| u.quote.as_ref()) {
                    <blockquote lang="zh-Hant">{ quote }</blockquote>
                }
            </details>
            { controls }
            <NoteField index={index} note={note.clone()} />
            { children.clone() }
            if sought {
                <StatusLine class="visually-hidden" id={id("covered")}>
                    { cover.moved.map(|gap| fill(lang, "cover.done", &[("amount", &money(gap, lang))])).unwrap_or_default() }
                </StatusLine>
            }
        </li>
    }
}

/// A stream's badge: its standing ([`standing`], the words its chart bar carries too), in the
/// class of what the totals take it as.
fn badge(status: Status, outcome: Outcome, lang: Lang) -> (&'static str, String) {
    let class = match outcome {
        _ if status.is_granted() => "badge granted",
        Outcome::Pending => "badge sought",
        Outcome::Granted => "badge granted",
        _ => "badge assumed",
    };
    (class, standing(status, outcome, lang))
}

fn delta_class(delta: i64) -> &'static str {
    match delta.signum() {
        1 => "up",
        -1 => "down",
        _ => "same",
    }
}
