//! Notices: what went wrong with a link, a file or the browser's storage, until dismissed.

use std::collections::HashSet;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::core::data_tag::fnv1a64;
use crate::core::lang::Lang;
use crate::i18n::{fill, text};
use crate::model::state::{Msg, Notice};
use crate::ui::hooks::{use_dispatch, use_lang};
use crate::web::download::{download_text, file_name};

/// Props of [`Notices`].
#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    /// The notices to show.
    pub notices: Vec<Notice>,
}

/// The list of open notices, each with a dismiss button.
#[function_component(Notices)]
pub fn notices(props: &NoticesProps) -> Html {
    let NoticesProps { notices } = props;
    let lang = use_lang();
    let dispatch = use_dispatch();
    let container = use_node_ref();
    // Each notice's key, once per render: a dataset notice's can cover hundreds of problems.
    let keys: Vec<String> = notices.iter().map(notice_key).collect();
    let alerting = use_alerting(&keys, lang);
    // The position of the notice just dismissed: once it is gone, focus moves to the notice now
    // there (or the one before), or to the title when none is left, not to the page's start.
    let dismissed = use_mut_ref(|| None::<usize>);
    {
        let container = container.clone();
        let dismissed = dismissed.clone();
        use_effect_with(notices.len(), move |_| {
            if let Some(index) = dismissed.borrow_mut().take() {
                focus_after_dismissal(&container, index);
            }
        });
    }
    html! {
        // A landmark while it holds notices: those no longer alerts (shown in an earlier
        // language) are still found among the page's regions.
        <div class="notices" ref={container} role={(!notices.is_empty()).then_some("region")}
            aria-label={(!notices.is_empty()).then(|| text(lang, "notice.region"))}>
            { for notices.iter().zip(&keys).enumerate().map(|(index, (notice, key))| {
                let dispatch = dispatch.clone();
                let dismissed = dismissed.clone();
                let dismiss = Callback::from(move |_| {
                    *dismissed.borrow_mut() = Some(index);
                    dispatch.dispatch(Msg::Dismiss(index));
                });
                // The alert is the notice's sentence, inserted with it; a dataset's list of
                // problems (hundreds of lines) stays out of what is read out at once.
                let role = alerting(key);
                let body = match notice {
                    Notice::InvalidDataset { origin, problems } => {
                        let errors = problems.iter().filter(|p| p.is_error()).count();
                        let key = if errors == 1 {
                            "notice.invalid-dataset-one"
                        } else {
                            "notice.invalid-dataset"
                        };
                        html! {
                            <>
                                <p {role}>{ fill(lang, key, &[("origin", origin), ("count", &errors.to_string())]) }</p>
                                // One Tab away, as it scrolls when long.
                                <div class="problems" role="region" tabindex="0"
                                    aria-label={text(lang, "notice.problems")}>
                                    <ul>
                                        { for problems.iter().map(|p| html! {
                                            <li class={if p.is_error() { "error" } else { "warning" }}>
                                                <code>{ p.message(lang) }</code>
                                            </li>
                                        }) }
                                    </ul>
                                </div>
                            </>
                        }
                    }
                    Notice::SetAside { records, .. } => {
                        let (message, detail) = notice.words(lang).unwrap_or_default();
                        let records = records.clone();
                        let download = Callback::from(move |_: MouseEvent| {
                            let name = file_name(&text(lang, "scenarios.file-set-aside"), "", "json");
                            // A refused download leaves the records where they are, in their key.
                            let _ = download_text(&name, "application/json", &records);
                        });
                        html! {
                            <>
                                <p {role}>{ &message }
                                    if let Some(detail) = detail { <span class="detail">{ gap(&message) }{ detail }</span> }
                                </p>
                                <button type="button" class="secondary" id="download-set-aside"
                                    onclick={download}>{ text(lang, "scenarios.download-set-aside") }</button>
                            </>
                        }
                    }
                    other => {
                        let (message, detail) = other.words(lang).unwrap_or_default();
                        // A language's own name is in that language.
                        let detail_lang = match other {
                            Notice::LangUnavailable(named) => Some(named.tag()),
                            _ => None,
                        };
                        html! {
                            <p {role}>{ &message }
                                if let Some(detail) = detail { { gap(&message) }<span class="detail" lang={detail_lang}>{ detail }</span> }
                            </p>
                        }
                    }
                };
                // Keyed by what it says, so that a new notice is a new node: the ones already
                // shown are not rewritten, and not read out again.
                html! {
                    <div class="notice" key={key.clone()}>
                        { body }
                        <button type="button" class="dismiss" onclick={dismiss}>{ text(lang, "notice.dismiss") }</button>
                    </div>
                }
            }) }
        </div>
    }
}

/// Whether each notice (by its key) is an alert: those shown in an earlier language are not,
/// so that their sentence, rewritten in the new language, is not read out again as if it had
/// just happened. A notice that arrives with the language (the page opened in it) or after it
/// is.
#[hook]
fn use_alerting(keys: &[String], lang: Lang) -> impl Fn(&str) -> Option<AttrValue> {
    let seen = use_mut_ref(|| Seen {
        lang,
        shown: Vec::new(),
        quiet: HashSet::new(),
    });
    {
        let mut seen = seen.borrow_mut();
        if seen.lang != lang {
            seen.lang = lang;
            let shown = std::mem::take(&mut seen.shown);
            seen.quiet.extend(shown);
        }
        seen.shown = keys.to_vec();
    }
    move |key: &str| (!seen.borrow().quiet.contains(key)).then_some(AttrValue::Static("alert"))
}

/// The notices the list last showed, in which language, and those it keeps quiet.
struct Seen {
    lang: Lang,
    shown: Vec<String>,
    quiet: HashSet<String>,
}

/// A notice's identity among the notices shown (which are never equal: the model adds a notice
/// once).
fn notice_key(notice: &Notice) -> String {
    let described = format!("{notice:?}");
    format!("{:016x}", fnv1a64(described.as_bytes()))
}

/// What goes between a notice's sentence and its detail: full-width punctuation is its own gap;
/// English wants a space.
fn gap(message: &str) -> &'static str {
    if message.ends_with(['：', '。', '；']) {
        ""
    } else {
        " "
    }
}

/// Focuses the dismiss button at `index` (or the last one), or the explorer's title.
fn focus_after_dismissal(container: &NodeRef, index: usize) {
    let Some(container) = container.cast::<web_sys::Element>() else {
        return;
    };
    let buttons = container.query_selector_all("button.dismiss").ok();
    let count = buttons.as_ref().map_or(0, |b| b.length());
    let button = buttons.and_then(|b| {
        b.item(
            u32::try_from(index)
                .unwrap_or(u32::MAX)
                .min(count.saturating_sub(1)),
        )
    });
    let target = button.or_else(|| {
        container
            .parent_element()
            .and_then(|app| app.query_selector("#programme-title").ok().flatten())
            .map(web_sys::Node::from)
    });
    if let Some(target) = target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = target.focus();
    }
}
