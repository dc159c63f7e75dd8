//! The explorer: header, notices, controls, the stream list, totals and charts.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::core::dataset::Dataset;
use crate::core::lang::Lang;
use crate::core::scenario::Scenario;
use crate::core::share_link;
use crate::core::totals::Totals;
use crate::i18n::text;
use crate::model::state::{AppState, LinkPlace, Msg, Notice, Opening, TRANSFER};
use crate::ui::charts_panel::ChartsPanel;
use crate::ui::controls::Controls;
use crate::ui::cover::CoverOffer;
use crate::ui::data_source::DataSource;
use crate::ui::header::{DataOrigin, Header};
use crate::ui::headings::{Heading, Levels, Rank};
use crate::ui::hooks::{FirstScreen, use_list_page, use_painted};
use crate::ui::impact_bar::ImpactBar;
use crate::ui::notices::Notices;
use crate::ui::pager::Pager;
use crate::ui::scenarios::ScenariosPanel;
use crate::ui::stream_row::{StreamRow, free_slider_max};
use crate::ui::totals_panel::TotalsPanel;
use crate::ui::transfer::Transfer;

/// How the app starts.
#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    /// The dataset to show.
    pub dataset: Rc<Dataset>,
    /// The scenario to open (the baseline, or one from a share link).
    pub scenario: Scenario,
    /// The interface language.
    pub lang: Lang,
    /// Notices to show from the start (a bad share link…).
    #[prop_or_default]
    pub notices: Vec<Notice>,
    /// Where the dataset came from when it is not the built-in one (a URL), for the page to say.
    #[prop_or_default]
    pub data_origin: Option<String>,
    /// Whether the app owns the page (skip link; banner, `main` and contentinfo landmarks) or
    /// sits inside another.
    #[prop_or(true)]
    pub standalone: bool,
    /// Whether the explorer is on its own page or frame (whose address a share link can be),
    /// not an element of another page.
    #[prop_or(true)]
    pub own_page: bool,
    /// A narrower layout for embedding: one column, no summary.
    #[prop_or_default]
    pub compact: bool,
    /// Told after every change of the scenario (share link, host events).
    #[prop_or_default]
    pub on_change: Option<Callback<ScenarioChange>>,
    /// Where the downloadable files are (template, schema), ending in `/`.
    #[prop_or(AttrValue::Static("./"))]
    pub asset_base: AttrValue,
    /// Told once everything is on the page, the scenarios panel included, and again in each
    /// language the explorer is then switched to.
    #[prop_or_default]
    pub on_ready: Option<Callback<Lang>>,
    /// Whether the document is the explorer's own (its page, or its iframe), so that Ctrl+Z and
    /// Ctrl+Y act wherever the focus is, even on nothing; inside a host page they act only
    /// within the explorer.
    #[prop_or_default]
    pub document_shortcuts: bool,
    /// The heading levels: the title an `h1` on the explorer's own page, lower inside a host
    /// page that has its own title.
    #[prop_or_default]
    pub headings: Levels,
    /// Whether the first render is the first screen prerendered at build time (these props'
    /// dataset, scenario and language, charts at a fixed width), to be hydrated: it must then
    /// read nothing from the browser. The app counts as started once `open` has answered.
    #[prop_or_default]
    pub first_screen: bool,
    /// Given, once the first screen is on the page, the callback through which the start-up
    /// says what to open instead (the address's dataset, scenario and language).
    #[prop_or_default]
    pub open: Option<Callback<Callback<Opening>>>,
}

impl AppProps {
    /// The explorer's own page as it is prerendered at build time and first rendered by the
    /// browser that hydrates it: `dataset` (the built-in one) at its baseline, in the default
    /// language, with the page's landmarks. Both sides build their props here, so that they
    /// cannot render differently.
    pub fn first_screen(dataset: Rc<Dataset>) -> AppProps {
        AppProps {
            scenario: Scenario::baseline(&dataset),
            dataset,
            lang: Lang::default(),
            notices: Vec::new(),
            data_origin: None,
            standalone: true,
            own_page: true,
            compact: false,
            on_change: None,
            asset_base: AttrValue::Static("./"),
            on_ready: None,
            document_shortcuts: true,
            headings: Levels::default(),
            first_screen: true,
            open: None,
        }
    }
}

/// What the app tells its host after a change.
#[derive(Clone, Debug, PartialEq)]
pub struct ScenarioChange {
    /// The dataset shown.
    pub dataset: Rc<Dataset>,
    /// The scenario now.
    pub scenario: Scenario,
    /// Its totals.
    pub totals: Rc<Totals>,
}

/// The whole explorer.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let state = use_reducer({
        let props = props.clone();
        move || {
            let mut state = AppState::new(props.dataset, props.scenario, props.lang);
            state.notices = props.notices;
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
    {
        let on_ready = props.on_ready.clone();
        use_effect_with((painted && started, lang), move |&(ready, lang)| {
            if let (true, Some(on_ready)) = (ready, on_ready) {
                on_ready.emit(lang);
            }
        });
    }
    {
        // A host that mounted the explorer sets its language through the props (the element's
        // `lang`): the state follows, the scenario and its undo history kept.
        let dispatch = dispatch.clone();
        use_effect_with(props.lang, move |&lang| {
            dispatch.dispatch(Msg::SetLang(lang))
        });
    }
    let scenario = state.scenario().clone();
    let totals = use_memo(
        (state.dataset.clone(), scenario.clone()),
        |(dataset, scenario)| Totals::compute(dataset, scenario),
    );

    {
        let on_change = props.on_change.clone();
        let change = ScenarioChange {
            dataset: state.dataset.0.clone(),
            scenario: scenario.clone(),
            totals: totals.clone(),
        };
        // The prerendered first screen is no change of the planner's: the first report is
        // of what the app started with.
        use_effect_with((change, started), move |(change, started)| {
            if let (true, Some(on_change)) = (*started, on_change) {
                on_change.emit(change.clone());
            }
        });
    }
    {
        // The address names the language once the planner picks one (or if it named one).
        use_effect_with(
            (lang, props.standalone, opened_in),
            move |&(lang, standalone, opened_in)| {
                if let (true, Some(opened_in)) = (standalone, opened_in) {
                    crate::web::page::set_document_lang(lang);
                    if lang != opened_in || crate::web::page::query_param("lang").is_some() {
                        crate::web::page::set_query_lang(lang);
                    }
                }
            },
        );
    }

    // The scenario on screen, for a listener registered before it changed.
    let on_screen = use_mut_ref(|| Rc::clone(state.history.present()));
    *on_screen.borrow_mut() = Rc::clone(state.history.present());
    {
        // A share link pasted into the address bar of the open page changes only its fragment,
        // which reloads nothing: the app opens the link itself, as a change that Undo takes
        // back, or says why it cannot (the scenario on screen stays, and its link goes back
        // into the address bar, so that a reload keeps it). The app's own writes of the
        // fragment replace the history entry and fire no such event.
        let dispatch = dispatch.clone();
        let on_screen = on_screen.clone();
        let deps = (props.standalone, state.dataset.clone());
        use_effect_with(deps, move |(standalone, dataset)| {
            let dataset = dataset.clone();
            let listener = standalone.then(|| {
                crate::web::page::listen_window("hashchange", move |_: Event| {
                    let Some(link) = crate::web::page::fragment()
                        .filter(|fragment| share_link::is_link_fragment(fragment))
                    else {
                        return;
                    };
                    match share_link::read(&link, &dataset) {
                        Ok(linked) => {
                            dispatch.dispatch(Msg::OpenScenario(linked.scenario, linked.name))
                        }
                        Err(error) => {
                            let kept = share_link::encode(&dataset, &on_screen.borrow());
                            crate::web::page::set_fragment(&kept);
                            dispatch.dispatch(Msg::Notify(Notice::BadLink {
                                place: LinkPlace::Pasted,
                                error,
                            }));
                        }
                    }
                })
            });
            move || drop(listener)
        });
    }

    // Undo and redo by keyboard. With nothing focused the key goes to the document, not to the
    // explorer: left to the browser, its own undo would put text back into the last field
    // edited, behind the app's back. So on its own document the explorer listens there.
    let on_key = {
        let dispatch = dispatch.clone();
        move |event: &KeyboardEvent| {
            if let Some(msg) = shortcut(event) {
                event.prevent_default();
                dispatch.dispatch(msg);
            }
        }
    };
    {
        let on_key = on_key.clone();
        use_effect_with(props.document_shortcuts, move |&on| {
            let listener = on.then(|| {
                crate::web::page::listen_window("keydown", move |event: Event| {
                    if let Some(event) = event.dyn_ref::<KeyboardEvent>() {
                        on_key(event);
                    }
                })
            });
            move || drop(listener)
        });
    }
    let on_key = (!props.document_shortcuts)
        .then(|| Callback::from(move |event: KeyboardEvent| on_key(&event)));

    let dataset = state.dataset.clone();
    let (page, on_pick_page) = use_list_page(dataset.clone(), dataset.streams.len());
    let shown = page.items();
    let rows = dataset.streams.iter().enumerate().skip(shown.start).take(shown.len()).map(|(index, stream)| {
        let amount = scenario.plans[index].amount;
        let max = free_slider_max(stream.amount.unwrap_or(0), amount.unwrap_or(0));
        let room = scenario.max_for(&dataset, index);
        let refusal = state
            .refusal
            .as_ref()
            .filter(|(i, _)| *i == index)
            .map(|(_, r)| r.clone());
        let cover = scenario.shortfall(&dataset, index).map(|gap| {
            let givers = (0..dataset.streams.len())
                .filter(|j| *j != index && scenario.takes_part(&dataset, *j))
                .filter_map(|j| scenario.plans[j].amount.map(|a| (j, a)))
                .collect::<Vec<_>>();
            html! { <CoverOffer dataset={dataset.clone()} index={index} gap={gap} givers={givers}
                lang={lang} dispatch={dispatch.clone()} /> }
        });
        html! {
            <StreamRow key={stream.id.clone()} dataset={dataset.clone()} index={index}
                amount={amount} locked={scenario.plans[index].locked} outcome={scenario.plans[index].outcome}
                added={totals.added(index)} note={AttrValue::from(scenario.plans[index].note.clone())}
                mode={scenario.mode} max={max} room={room}
                counted={scenario.counts_in_full(&dataset, index)} refusal={refusal} lang={lang}
                replacements={state.replacements} dispatch={dispatch.clone()}>{ for cover }</StreamRow>
        }
    });

    let body = html! {
        <>
            <ImpactBar dataset={dataset.clone()} scenario={Rc::clone(state.history.present())}
                totals={totals.clone()} lang={lang} />
            <Controls lang={lang} mode={scenario.mode} count_sought={scenario.count_sought}
                can_undo={state.history.can_undo()} can_redo={state.history.can_redo()}
                dispatch={dispatch.clone()} />
            <div class="layout">
                <section class="streams" aria-labelledby="streams-heading">
                    <Heading rank={Rank::Section} id="streams-heading">{ text(lang, "streams.heading") }</Heading>
                    <Pager page={page} id="streams-pager" label_key="pager.streams" lang={lang}
                        on_pick={on_pick_page} />
                    <Transfer dataset={dataset.clone()}
                        refusal={state.refusal.as_ref().filter(|(i, _)| *i == TRANSFER).map(|(_, r)| r.clone())}
                        lang={lang} dispatch={dispatch.clone()} />
                    <ul class="stream-list">{ for rows }</ul>
                </section>
                <div class="results">
                    // The charts first: with the impact bar above, a chart shows on the first
                    // screen of a laptop.
                    <ChartsPanel dataset={dataset.clone()} scenario={scenario.clone()}
                        totals={totals.clone()} lang={lang} />
                    <TotalsPanel dataset={dataset.clone()} totals={totals.clone()}
                        count_sought={scenario.count_sought} lang={lang} />
                </div>
                // Below both columns, across the width: the comparison's four columns get room,
                // and the streams' column is not left empty beside a long results column.
                if painted {
                    <ScenariosPanel dataset={dataset.clone()} data_file={state.data_file.clone()}
                        scenario={state.history.present().clone()} totals={totals.clone()}
                        given_name={state.given_name().map(|n| AttrValue::from(n.to_owned()))}
                        own_page={props.own_page} lang={lang} dispatch={dispatch.clone()} />
                }
            </div>
        </>
    };

    let data_source = html! {
        <DataSource lang={lang} asset_base={props.asset_base.clone()} dispatch={dispatch.clone()} />
    };

    // Until it has started, the prerendered controls do nothing: they look inactive (style
    // sheet), and a line says the tools are on their way. (No `aria-busy`: some screen readers
    // skip a busy region, and without scripts the report would stay busy for good.)
    let from = state
        .data_file
        .clone()
        .or_else(|| state.origin.clone())
        .or_else(|| props.data_origin.clone());
    html! {
        <ContextProvider<Levels> context={props.headings}>
        <ContextProvider<FirstScreen> context={FirstScreen(!started)}>
        <ContextProvider<DataOrigin> context={DataOrigin(from.clone())}>
        <div class={classes!("mfe-app", props.compact.then_some("compact"), (!started).then_some("mfe-starting"))}
            lang={lang.tag()} onkeydown={on_key}>
            if props.standalone {
                <a class="skip-link" href="#main-content">{ text(lang, "app.skip") }</a>
            }
            if !started {
                <p class="starting-note" role="status">{ text(lang, "first-screen.starting") }</p>
            }
            <Header dataset={dataset.clone()} lang={lang} standalone={props.standalone}
                from={from} />
            <Notices notices={state.notices.clone()} lang={lang} dispatch={dispatch.clone()} />
            if props.standalone {
                <main id="main-content" tabindex="-1">{ body }{ data_source }</main>
            } else {
                <div class="main" role="region" aria-labelledby="programme-title">{ body }{ data_source }</div>
            }
            // The page's contentinfo landmark only on the explorer's own page.
            <@{if props.standalone { "footer" } else { "div" }} class="page-footer">
                <p>{ text(lang, "app.footer") }</p>
            </@>
        </div>
        </ContextProvider<DataOrigin>>
        </ContextProvider<FirstScreen>>
        </ContextProvider<Levels>>
    }
}

/// The language the app started in; `None` while it shows the prerendered first screen. Once
/// that is on the page, hands `open` the callback through which the start-up says what to open.
#[hook]
fn use_start(props: &AppProps, dispatch: UseReducerDispatcher<AppState>) -> Option<Lang> {
    let opened_in = use_state(|| (!props.first_screen).then_some(props.lang));
    let (open, setter) = (props.open.clone(), opened_in.setter());
    use_effect_with((), move |_| {
        if let Some(open) = open {
            open.emit(Callback::from(move |opening: Opening| {
                setter.set(Some(opening.lang));
                dispatch.dispatch(Msg::Open(Box::new(opening)));
            }));
        }
    });
    *opened_in
}

/// What Ctrl (or ⌘) with Z, Shift+Z or Y asks for, outside a text field (where they edit the
/// text).
fn shortcut(event: &KeyboardEvent) -> Option<Msg> {
    if !(event.ctrl_key() || event.meta_key()) || crate::web::page::is_text_field(event) {
        return None;
    }
    match (event.key().to_ascii_lowercase().as_str(), event.shift_key()) {
        ("z", false) => Some(Msg::Undo),
        ("z", true) | ("y", false) => Some(Msg::Redo),
        _ => None,
    }
}
