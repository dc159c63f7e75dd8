//! The files a county starts its own data from: the built-in data as JSON, the simple
//! tables in Chinese and English, the full CSV template and the JSON schema.

use yew::prelude::*;

use crate::core::csv_import::simple_template;
use crate::core::lang::Lang;
use crate::i18n::text;
use crate::ui::hooks::{use_inactive, use_lang};
use crate::web::download::download_text;

/// Props of [`DataTemplates`].
#[derive(Properties, PartialEq)]
pub struct DataTemplatesProps {
    /// Where the static files are served from (ends with `/`).
    pub asset_base: AttrValue,
}

/// The list of template downloads under the data panel.
#[function_component(DataTemplates)]
pub fn data_templates(props: &DataTemplatesProps) -> Html {
    let lang = use_lang();
    let inactive = use_inactive();
    let asset_base = &props.asset_base;
    // `saved_as`: the file's name once downloaded, in the language on screen where it has one.
    let link = |file: &str, saved_as: String, key: &str| {
        html! {
            <li><a href={format!("{asset_base}{file}")} download={saved_as}>{ text(lang, key) }</a></li>
        }
    };
    // The simple templates are written from the reader's own column list.
    let simple = |template: Lang, key: &str| {
        let file = text(
            lang,
            if template == Lang::En {
                "data.template-file-simple-en"
            } else {
                "data.template-file-simple-zh"
            },
        );
        let onclick = Callback::from(move |_: MouseEvent| {
            let _ = download_text(&file, "text/csv", &simple_template(template));
        });
        html! {
            <li><button type="button" class="link-button" {onclick} disabled={inactive}>{ text(lang, key) }</button></li>
        }
    };
    html! {
        <ul class="downloads">
            { link("muchuan.json", "muchuan.json".to_owned(), "data.template-json") }
            { simple(Lang::ZhHans, "data.template-simple-zh") }
            { simple(Lang::En, "data.template-simple-en") }
            { link("template.csv", text(lang, "data.template-file-csv"), "data.template-csv") }
            { link("dataset.schema.json", "dataset.schema.json".to_owned(), "data.schema") }
        </ul>
    }
}
