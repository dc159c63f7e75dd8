//! The app's ties to its host and to the browser, one hook each: starting, telling the host,
//! the language in the address, share links pasted into it, and undo and redo by keyboard.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::core::lang::Lang;
use crate::core::scenario::Scenario;
use crate::core::share_link;
use crate::model::state::{AppState, DatasetRef, LinkPlace, Msg, Notice, Opening};
use crate::ui::app_props::{AppProps, ScenarioChange};

/// The language the app started in; `None` while it shows the prerendered first screen. Once
/// that is on the page, hands `open` the callback through which the start-up says what to open.
#[hook]
pub fn use_start(props: &AppProps, dispatch: UseReducerDispatcher<AppState>) -> Option<Lang> {
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

/// Tells `on_ready` the language once the app is `ready`, and again in each language it is
/// then switched to.
#[hook]
pub fn use_ready_report(on_ready: Option<Callback<Lang>>, ready: bool, lang: Lang) {
    use_effect_with((ready, lang), move |&(ready, lang)| {
        if let (true, Some(on_ready)) = (ready, on_ready) {
            on_ready.emit(lang);
        }
    });
}

/// A host that mounted the explorer sets its language through the props (the element's
/// `lang`): the state follows, the scenario and its undo history kept.
#[hook]
pub fn use_host_lang(lang: Lang, dispatch: UseReducerDispatcher<AppState>) {
    use_effect_with(lang, move |&lang| dispatch.dispatch(Msg::SetLang(lang)));
}

/// Fetches the messages of `pending`, the language asked for, from `base` (the folder of the
/// app's files), and tells the state when they are here or cannot be had.
#[hook]
pub fn use_lang_files(
    pending: Option<Lang>,
    base: AttrValue,
    dispatch: UseReducerDispatcher<AppState>,
) {
    use_effect_with(pending, move |&pending| {
        if let Some(lang) = pending {
            wasm_bindgen_futures::spawn_local(async move {
                dispatch.dispatch(match crate::web::messages::load(lang, &base).await {
                    Ok(()) => Msg::LangArrived(lang),
                    Err(_) => Msg::LangUnavailable(lang),
                });
            });
        }
    });
}

/// Tells `on_change` of every change once the app has `started`: the prerendered first screen
/// is no change of the planner's, so the first report is of what the app started with.
#[hook]
pub fn use_change_report(
    on_change: Option<Callback<ScenarioChange>>,
    change: ScenarioChange,
    started: bool,
) {
    use_effect_with((change, started), move |(change, started)| {
        if let (true, Some(on_change)) = (*started, on_change) {
            on_change.emit(change.clone());
        }
    });
}

/// On its own page (standalone or in its iframe), the document's language follows the app's;
/// standalone, the address names it once the planner picks one (or if it named one).
#[hook]
pub fn use_address_lang(lang: Lang, own_page: bool, standalone: bool, opened_in: Option<Lang>) {
    use_effect_with(
        (lang, own_page, standalone, opened_in),
        move |&(lang, own_page, standalone, opened_in)| {
            if let (true, Some(opened_in)) = (own_page, opened_in) {
                crate::web::page::set_document_lang(lang);
                if standalone
                    && (lang != opened_in || crate::web::page::query_param("lang").is_some())
                {
                    crate::web::page::set_query_lang(lang);
                }
            }
        },
    );
}

/// A share link pasted into the address bar of the open page changes only its fragment, which
/// reloads nothing: the app opens the link itself, as a change that Undo takes back, or says
/// why it cannot (the scenario on screen stays, and its link goes back into the address bar, so
/// that a reload keeps it). The app's own writes of the fragment replace the history entry and
/// fire no such event.
#[hook]
pub fn use_pasted_links(
    standalone: bool,
    dataset: DatasetRef,
    present: Rc<Scenario>,
    dispatch: UseReducerDispatcher<AppState>,
) {
    // The scenario on screen, for a listener registered before it changed.
    let on_screen = use_mut_ref(|| Rc::clone(&present));
    *on_screen.borrow_mut() = present;
    use_effect_with((standalone, dataset), move |(standalone, dataset)| {
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
                        if let Some(name) = linked.name.clone() {
                            dispatch.dispatch(Msg::Notify(Notice::LinkOpened { name }));
                        }
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

/// Undo and redo by keyboard. With nothing focused the key goes to the document, not to the
/// explorer: left to the browser, its own undo would put text back into the last field edited,
/// behind the app's back. So on its own document (`on_document`) the explorer listens there;
/// otherwise it returns the listener for the explorer's own element.
#[hook]
pub fn use_undo_keys(
    on_document: bool,
    dispatch: UseReducerDispatcher<AppState>,
) -> Option<Callback<KeyboardEvent>> {
    let on_key = move |event: &KeyboardEvent| {
        if let Some(msg) = shortcut(event) {
            event.prevent_default();
            dispatch.dispatch(msg);
        }
    };
    {
        let on_key = on_key.clone();
        use_effect_with(on_document, move |&on| {
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
    (!on_document).then(|| Callback::from(move |event: KeyboardEvent| on_key(&event)))
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
