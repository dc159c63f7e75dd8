//! The explorer: header, notices, controls, the stream list, totals and charts.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::lang::Lang;
use crate::core::totals::Totals;
use crate::i18n::text;
use crate::model::state::{AppState, Notice};
use crate::ui::app_hooks::{
    use_address_lang, use_change_report, use_host_lang, use_lang_files, use_pasted_links,
    use_ready_report, use_start, use_undo_keys,
};
use crate::ui::app_props::{AppProps, ScenarioChange};
use crate::ui::charts_panel::ChartsPanel;
use crate::ui::controls::Controls;
use crate::ui::data_source::DataSource;
use crate::ui::header::{DataOrigin, Header};
use crate::ui::headings::Levels;
use crate::ui::hooks::{FirstScreen, use_painted};
use crate::ui::impact_bar::ImpactBar;
use crate::ui::notices::Notices;
use crate::ui::scenarios::ScenariosPanel;
use crate::ui::stream_list::StreamList;
use crate::ui::totals_panel::TotalsPanel;

/// The whole explorer.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let state = use_reducer({
        let props = props.clone();
        move || {
            let mut state = AppState::new(props.dataset, props.scenario, props.lang);
            state.notices = props.notices;
            // Held in the state, so that loading other data (or the built-in data) replaces it.
            state.origin = props.data_origin;
            state
        }
    });
    let dispatch = state.dispatcher();
    let lang = state.lang;
    let opened_in = use_start(props, dispatch.clone());
    let started = opened_in.is_some();
    // The scenarios panel (saved scenarios, comparison, exports: a third of the page, below the
    // charts) is rendered once the rest has been painted, so that the first chart shows sooner.
    let painted = use_painted();
    // Until the messages of a language asked for arrive, the page stays as it is.
    let settled = state.pending_lang.is_none();
    use_lang_files(
        state.pending_lang,
        props.asset_base.clone(),
        dispatch.clone(),
    );
    use_ready_report(props.on_ready.clone(), painted && started && settled, lang);
    use_host_lang(props.lang, dispatch.clone());
    let scenario = state.scenario().clone();
    let totals = use_memo(
        (state.dataset.clone(), scenario.clone()),
        |(dataset, scenario)| Totals::compute(dataset, scenario),
    );
    let change = ScenarioChange {
        dataset: state.dataset.0.clone(),
        scenario: scenario.clone(),
        totals: totals.clone(),
    };
    use_change_report(props.on_change.clone(), change, started);
    use_address_lang(lang, props.own_page && settled, props.standalone, opened_in);
    use_pasted_links(
        props.standalone,
        state.dataset.clone(),
        Rc::clone(state.history.present()),
        dispatch.clone(),
    );
    let on_key = use_undo_keys(props.document_shortcuts, dispatch.clone());

    let dataset = state.dataset.clone();
    let body = html! {
        <>
            <ImpactBar dataset={dataset.clone()} scenario={Rc::clone(state.history.present())}
                totals={totals.clone()} made_by={state.made_by.clone()} />
            <Controls mode={scenario.mode} count_sought={scenario.count_sought}
                can_undo={state.history.can_undo()} can_redo={state.history.can_redo()}
                pending_lang={state.pending_lang} failed_lang={state.notices.iter().find_map(|n| match n {
                    Notice::LangUnavailable(lang) => Some(*lang),
                    _ => None,
                })} />
            <div class="layout">
                <StreamList dataset={dataset.clone()} scenario={Rc::clone(state.history.present())}
                    totals={totals.clone()} refusal={state.refusal.clone()}
                    replacements={state.replacements} moved={state.transfer_done()} />
                <div class="results">
                    // The charts first: with the impact bar above, a chart shows on the first
                    // screen of a laptop.
                    <ChartsPanel dataset={dataset.clone()} scenario={scenario.clone()}
                        totals={totals.clone()} />
                    <TotalsPanel dataset={dataset.clone()} totals={totals.clone()}
                        count_sought={scenario.count_sought} />
                </div>
                // Below both columns, across the width: the comparison's four columns get room,
                // and the streams' column is not left empty beside a long results column.
                if painted {
                    <ScenariosPanel dataset={dataset.clone()} data_file={state.data_file.clone()}
                        scenario={state.history.present().clone()} totals={totals.clone()}
                        given_name={state.given_name().map(|n| AttrValue::from(n.to_owned()))}
                        own_page={props.own_page} />
                }
            </div>
        </>
    };

    let data_source = html! {
        <DataSource asset_base={props.asset_base.clone()} dataset={dataset.clone()} />
    };

    // Until it has started, the prerendered controls do nothing: they are disabled (see
    // `use_inactive`) and look it, and a line says the tools are on their way. (No `aria-busy`: some screen readers
    // skip a busy region, and without scripts the report would stay busy for good.)
    let from = state.data_file.clone().or_else(|| state.origin.clone());
    html! {
        <ContextProvider<Levels> context={props.headings}>
        <ContextProvider<Lang> context={lang}>
        <ContextProvider<FirstScreen> context={FirstScreen(!started)}>
        <ContextProvider<DataOrigin> context={DataOrigin(from.clone())}>
        <ContextProvider<UseReducerDispatcher<AppState>> context={dispatch.clone()}>
        <div class={classes!("mfe-app", props.compact.then_some("compact"), (!started).then_some("mfe-starting"))}
            lang={lang.tag()} onkeydown={on_key}>
            if props.standalone {
                <a class="skip-link" href="#main-content">{ text(lang, "app.skip") }</a>
            }
            if !started {
                <p class="starting-note" role="status">{ text(lang, "first-screen.starting") }</p>
            }
            <Header dataset={dataset.clone()} standalone={props.standalone}
                from={from.clone()} />
            <Notices notices={state.notices.clone()} />
            if props.standalone {
                <main id="main-content" tabindex="-1">{ body }{ data_source }</main>
            } else {
                <div class="main" role="region" aria-labelledby="programme-title">{ body }{ data_source }</div>
            }
            // The page's contentinfo landmark only on the explorer's own page.
            <@{if props.standalone { "footer" } else { "div" }} class="page-footer">
                // Only the built-in figures are quoted from the article.
                <p>{ text(lang, if from.is_some() { "app.footer-other" } else { "app.footer" }) }</p>
            </@>
        </div>
        </ContextProvider<UseReducerDispatcher<AppState>>>
        </ContextProvider<DataOrigin>>
        </ContextProvider<FirstScreen>>
        </ContextProvider<Lang>>
        </ContextProvider<Levels>>
    }
}
