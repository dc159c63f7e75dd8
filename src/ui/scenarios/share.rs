//! The share link: the explorer's address with the scenario on screen, and a button that
//! copies it.

use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use crate::core::lang::Lang;
use crate::core::share_link;
use crate::i18n::{fill, text};
use crate::ui::headings::{Heading, Rank};
use crate::ui::hooks::use_lang;
use crate::ui::status_line::StatusLine;

/// The link to the explorer showing `share`: this page's address without `embed`, in `lang`,
/// with the scenario as its fragment. Only for the explorer's own page or frame (`own_page`):
/// the address of a page that embeds it as an element would not open the scenario.
pub fn share_url(share: &str, lang: Lang, own_page: bool) -> Option<String> {
    if !own_page {
        return None;
    }
    let location = web_sys::window()?.location();
    let origin = location.origin().ok()?;
    let path = location.pathname().ok()?;
    let search = location.search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    params.delete("embed");
    params.set("lang", lang.tag());
    let query = String::from(params.to_string());
    Some(format!("{origin}{path}?{query}#{share}"))
}

/// Props of [`ShareLink`].
#[derive(Properties, PartialEq)]
pub struct ShareLinkProps {
    /// The link to share.
    pub url: String,
    /// The scenario's name and notes were left out of the link: with them it was too long.
    pub texts_left_out: bool,
    /// The file the dataset was loaded from, which the link does not carry.
    pub data_file: Option<String>,
}

/// The share link in a read-only field, and a button that copies it.
#[function_component(ShareLink)]
pub fn share_link_view(props: &ShareLinkProps) -> Html {
    let lang = use_lang();
    let field = use_node_ref();
    let note = use_state(|| None::<&'static str>);
    {
        let note = note.clone();
        use_effect_with(props.url.clone(), move |_| note.set(None));
    }
    let copy = {
        let url = props.url.clone();
        let field = field.clone();
        let note = note.clone();
        Callback::from(move |_: MouseEvent| {
            let url = url.clone();
            let field = field.clone();
            let note = note.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if write_clipboard(&url).await.is_ok() {
                    note.set(Some("scenarios.share-copied"));
                } else {
                    if let Some(input) = field.cast::<web_sys::HtmlInputElement>() {
                        let _ = input.focus();
                        input.select();
                    }
                    note.set(Some("scenarios.share-select"));
                }
            });
        })
    };
    let select_all = Callback::from(|event: FocusEvent| {
        if let Some(input) = event.target_dyn_into::<web_sys::HtmlInputElement>() {
            input.select();
        }
    });
    // A link the app itself would refuse is said before it is sent, not after.
    let link_bytes = props.url.split_once('#').map_or(0, |(_, f)| f.len());
    let too_long = link_bytes > share_link::MAX_LINK_BYTES;
    let described_by = [
        (too_long, "share-too-long"),
        (props.texts_left_out && !too_long, "share-texts-left-out"),
        (props.data_file.is_some(), "share-file-note"),
        (true, "share-note"),
    ]
    .iter()
    .filter(|(shown, _)| *shown)
    .map(|(_, id)| *id)
    .collect::<Vec<_>>()
    .join(" ");
    html! {
        <div class="share no-print">
            <Heading rank={Rank::Part} id="share-heading">{ text(lang, "scenarios.share-heading") }</Heading>
            <label for="share-url">{ text(lang, "scenarios.share-label") }</label>
            <div class="share-line">
                <input type="text" id="share-url" readonly=true value={props.url.clone()} ref={field}
                    onfocus={select_all} aria-describedby={described_by} />
                <button type="button" id="copy-share" onclick={copy}>{ text(lang, "scenarios.share-copy") }</button>
            </div>
            if too_long {
                <p class="hint-line is-warning" id="share-too-long">
                    { fill(lang, "scenarios.share-too-long", &[
                        ("size", &link_bytes.div_ceil(1024).to_string()),
                        ("max", &(share_link::MAX_LINK_BYTES / 1024).to_string()),
                    ]) }
                </p>
            }
            // Always in the page, so that a screen reader hears it when the notes outgrow the
            // link (a live region must exist before its text changes).
            <StatusLine class="hint-line is-warning" id="share-texts-left-out">
                if props.texts_left_out && !too_long {
                    { fill(lang, "share.texts-left-out", &[
                        ("max", &(share_link::MAX_LINK_BYTES / 1024).to_string()),
                    ]) }
                }
            </StatusLine>
            if let Some(file) = &props.data_file {
                <p class="hint-line is-warning" id="share-file-note">
                    { fill(lang, "scenarios.share-no-file", &[("name", file)]) }
                </p>
            }
            <StatusLine class="hint-line" id="share-note">
                { note.map(|key| text(lang, key)).unwrap_or_default() }
            </StatusLine>
        </div>
    }
}

/// Writes `text` to the clipboard where the browser offers `navigator.clipboard`.
async fn write_clipboard(text: &str) -> Result<(), JsValue> {
    let navigator = web_sys::window()
        .ok_or_else(|| JsValue::from_str("no window"))?
        .navigator();
    let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into())?;
    if clipboard.is_undefined() || clipboard.is_null() {
        return Err(JsValue::from_str("no clipboard"));
    }
    let write: js_sys::Function = js_sys::Reflect::get(&clipboard, &"writeText".into())?
        .dyn_into()
        .map_err(|_| JsValue::from_str("no writeText"))?;
    let promise: js_sys::Promise = write
        .call1(&clipboard, &JsValue::from_str(text))?
        .dyn_into()
        .map_err(|_| JsValue::from_str("not a promise"))?;
    wasm_bindgen_futures::JsFuture::from(promise).await?;
    Ok(())
}
