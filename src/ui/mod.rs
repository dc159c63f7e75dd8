//! The Yew interface: function components over the state in [`state`], one concept per file.

pub mod amount_field;
pub mod amount_slider;
pub mod app;
pub mod app_hooks;
pub mod app_props;
pub mod charts_panel;
pub mod compare;
pub mod controls;
pub mod cover;
pub mod cover_follow;
pub mod data_source;
pub mod data_templates;
pub mod dataset_text;
pub mod exports;
pub mod header;
pub mod headings;
pub mod hooks;
pub mod impact_bar;
pub mod impact_speech;
pub mod kept_data;
pub mod live_svg;
pub mod load_problems;
pub mod lock_toggle;
pub mod note_field;
pub mod notices;
pub mod outcome_choice;
pub mod pager;
pub mod paste_box;
pub mod report;
pub mod scenario_import;
pub mod scenarios;
pub mod slider_scale;
pub mod state;
pub mod status_line;
pub mod stream_list;
pub mod stream_row;
pub mod table_notes;
pub mod totals_panel;
pub mod transfer;
pub mod units;

use crate::core::lang::Lang;
use crate::core::money::format_amount;

/// An amount as the interface writes it in `lang`: `273万元` or `CNY 2.73 million`.
pub fn money(amount: i64, lang: Lang) -> String {
    format_amount(amount, lang.money_style())
}
