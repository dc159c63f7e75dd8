//! The page header: the programme's title, its summary and where the figures come from.

use yew::prelude::*;

use crate::i18n::{cited_title, fill, text};
use crate::model::state::DatasetRef;
use crate::ui::headings::{Heading, Rank};
use crate::ui::hooks::use_lang;

/// Where the figures on screen were read from (a URL or a file's name) when they are not the
/// built-in dataset, given as a context to the parts that write files: every export says it as
/// the header does.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DataOrigin(pub Option<String>);

/// Props of [`Header`].
#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    /// The dataset shown.
    pub dataset: DatasetRef,
    /// Whether the explorer owns the page: then this is the page's banner landmark; inside a
    /// host page it is a plain block, the host having its own.
    pub standalone: bool,
    /// Where the figures came from when they are not the built-in dataset (a URL or a file's
    /// name): said at the top, so that no one takes them for the explorer's own.
    #[prop_or_default]
    pub from: Option<String>,
}

/// Title, summary and source line.
#[function_component(Header)]
pub fn header(props: &HeaderProps) -> Html {
    let HeaderProps {
        dataset,
        standalone,
        from,
    } = props;
    let lang = use_lang();
    let origin_note = text(lang, "header.data-origin");
    let source = &dataset.source;
    let title = cited_title(lang, source.title.get(lang));
    let publisher = source.publisher.get(lang);
    let summary = dataset.summary.get(lang);
    html! {
        <@{if *standalone { "header" } else { "div" }} class="page-header">
            <p class="app-name">{ text(lang, "app.name") }</p>
            if let Some(from) = from {
                <p class="data-origin" id="data-origin" role="note">
                    <strong>{ &origin_note }</strong>
                    // Full-width punctuation is its own gap; English wants a space.
                    if !origin_note.ends_with('：') { { " " } }
                    <span class="data-origin-where">{ from.clone() }</span>
                </p>
            }
            <Heading rank={Rank::Title} id="programme-title" focusable=true>{ dataset.title.get(lang) }</Heading>
            if !summary.is_empty() {
                <p class="summary">{ summary }</p>
            }
            <p class="how-to no-print">{ text(lang, "header.how-to") }</p>
            <p class="source-line">
                { text(lang, "app.source") }
                // A county's own figures may name no source: say so, never make one up.
                if title.is_empty() {
                    { text(lang, "data.no-source") }
                } else if let Some(url) = source.url.as_ref().filter(|u| is_web_link(u)) {
                    <cite><a href={url.clone()} rel="noopener noreferrer">{ title.clone() }</a></cite>
                } else {
                    <cite>{ title.clone() }</cite>
                }
                if !publisher.is_empty() {
                    { fill(lang, "app.source-publisher", &[("publisher", publisher)]) }
                }
            </p>
        </@>
    }
}

/// Only plain web links become clickable: a dataset could carry `javascript:` links.
fn is_web_link(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}
