//! Page controls for a long list: previous, a page picker, next, and which rows are shown.

use yew::prelude::*;

use crate::core::money::group_thousands;
use crate::core::paging::Page;
use crate::i18n::{fill, text};
use crate::ui::hooks::{use_inactive, use_lang, use_select_value};
use crate::ui::status_line::StatusLine;

/// Props of [`Pager`].
#[derive(Properties, PartialEq)]
pub struct PagerProps {
    /// The page shown.
    pub page: Page,
    /// Prefix of the element ids (`<id>-previous`, `<id>-page`, `<id>-next`, `<id>-range`).
    pub id: AttrValue,
    /// The message key naming what is paged, read out for the navigation landmark.
    pub label_key: &'static str,
    /// Told the page picked.
    pub on_pick: Callback<usize>,
}

/// Nothing when the list fits one page; otherwise a `nav` with the page controls. The row
/// range is a live region, so a screen reader hears which rows a page change brought.
#[function_component(Pager)]
pub fn pager(props: &PagerProps) -> Html {
    let PagerProps {
        page,
        id,
        label_key,
        on_pick,
    } = props;
    let lang = use_lang();
    let inactive = use_inactive();
    let page = *page;
    let select = use_node_ref();
    use_select_value(select.clone(), page.index.to_string());
    if !page.is_paged() {
        return Html::default();
    }
    let span = |index: usize| {
        let items = Page::items_of(index, page.len);
        (
            group_thousands(items.start as u64 + 1),
            group_thousands(items.end as u64),
        )
    };
    // At either end the button stays focusable and says it is unavailable, rather than being
    // disabled, which would drop the keyboard focus of someone paging with it.
    let go = |index: Option<usize>| {
        let on_pick = on_pick.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(index) = index {
                on_pick.emit(index);
            }
        })
    };
    let on_change = {
        let on_pick = on_pick.clone();
        Callback::from(move |event: Event| {
            let picked = event
                .target_dyn_into::<web_sys::HtmlSelectElement>()
                .and_then(|select| select.value().parse::<usize>().ok());
            if let Some(index) = picked {
                on_pick.emit(index);
            }
        })
    };
    let (from, to) = span(page.index);
    let total = group_thousands(page.len as u64);
    let last = page.count - 1;
    html! {
        <nav class="pager" aria-label={text(lang, label_key)}>
            <button type="button" class="secondary" id={format!("{id}-previous")}
                aria-disabled={(page.index == 0).then_some("true")}
                onclick={go(page.index.checked_sub(1))} disabled={inactive}>
                { text(lang, "pager.previous") }
            </button>
            <label for={format!("{id}-page")}>{ text(lang, "pager.page") }</label>
            <select id={format!("{id}-page")} onchange={on_change} ref={select} disabled={inactive}>
                { for (0..page.count).map(|index| {
                    let (from, to) = span(index);
                    html! {
                        <option value={index.to_string()} selected={index == page.index}>
                            { format!("{from}–{to}") }
                        </option>
                    }
                }) }
            </select>
            <button type="button" class="secondary" id={format!("{id}-next")}
                aria-disabled={(page.index == last).then_some("true")}
                onclick={go((page.index < last).then_some(page.index + 1))}
                disabled={inactive}>
                { text(lang, "pager.next") }
            </button>
            <StatusLine class="pager-range" id={format!("{id}-range")}>
                { fill(lang, "pager.range", &[("from", &from), ("to", &to), ("total", &total)]) }
            </StatusLine>
            <p class="pager-print-note">{ text(lang, "pager.print-note") }</p>
        </nav>
    }
}
