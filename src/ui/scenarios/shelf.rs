//! The saved scenarios as the panel knows them, and every edit of them: read from the browser's
//! storage once, read again when another tab changes it, and written before the list shows an
//! edit, so that what is on screen is what a reload will find.

use yew::prelude::*;

use crate::core::saved::{EditError, STORAGE_KEY, StorageError, Store};
use crate::model::panel::PanelStatus;
use crate::model::state::{AppState, Msg, Notice};
use crate::ui::hooks::use_dispatch;
use crate::web::page::listen_window;
use crate::web::storage::{self, CommitError, Committed, Loaded, Unreadable};

/// What the panel knows of the stored scenarios.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Shelf {
    /// The saved scenarios.
    pub store: Store,
    /// The stored text `store` was read from or written as; `None` makes the next edit read
    /// the storage again first.
    pub seen: Option<String>,
    /// Why the storage cannot be used, when it cannot.
    pub unavailable: Option<StorageError>,
    /// Stored text that could not be read nor copied aside: offered for download.
    pub stranded: Option<String>,
}

/// The shelf with the means to edit it: edits report through the app's notices and the
/// panel's status line.
#[derive(Clone)]
pub struct ShelfHandle {
    shelf: UseStateHandle<Shelf>,
    status: UseStateHandle<Option<PanelStatus>>,
    dispatch: UseReducerDispatcher<AppState>,
}

impl PartialEq for ShelfHandle {
    fn eq(&self, other: &Self) -> bool {
        *self.shelf == *other.shelf && *self.status == *other.status
    }
}

impl std::ops::Deref for ShelfHandle {
    type Target = Shelf;
    fn deref(&self) -> &Shelf {
        &self.shelf
    }
}

/// The stored scenarios, read once and again whenever another tab changes them.
#[hook]
pub fn use_shelf(status: UseStateHandle<Option<PanelStatus>>) -> ShelfHandle {
    let dispatch = use_dispatch();
    let shelf = use_state(Shelf::default);
    {
        let shelf = shelf.clone();
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            apply_load(storage::load(), &shelf, &dispatch);
            let listener = listen_window("storage", move |event: web_sys::Event| {
                let key = js_sys::Reflect::get(&event, &"key".into())
                    .ok()
                    .and_then(|k| k.as_string());
                // `key` is null when the storage was cleared.
                if key.is_some_and(|k| k != STORAGE_KEY) {
                    return;
                }
                if let Some((store, seen)) = storage::reread() {
                    shelf.set(Shelf {
                        store,
                        seen,
                        unavailable: None,
                        stranded: None,
                    });
                }
            });
            move || drop(listener)
        });
    }
    ShelfHandle {
        shelf,
        status,
        dispatch,
    }
}

impl ShelfHandle {
    /// Shows `notice` at the top of the explorer.
    pub fn tell(&self, notice: Notice) {
        self.dispatch.dispatch(Msg::Notify(notice));
    }

    /// Shows `status` in the panel's status line.
    pub fn say(&self, status: PanelStatus) {
        self.status.set(Some(status));
    }

    /// Stores an edit. On failure the stored value and the list stay as they were; an edit
    /// the store refused comes back as its error (for beside the field), storage failures are
    /// reported here and come back as `None`.
    pub fn commit<T>(
        &self,
        edit: impl FnOnce(&Store) -> Result<(Store, T), EditError>,
    ) -> Result<T, Option<EditError>> {
        if let Some(error) = &self.shelf.unavailable {
            self.say(PanelStatus::StorageOff(error.clone()));
            return Err(None);
        }
        match storage::commit(&self.shelf.store, self.shelf.seen.as_deref(), edit) {
            Ok(Committed {
                store,
                seen,
                value,
                recovered,
            }) => {
                if let Some(unreadable) = &recovered {
                    report_unreadable(unreadable, &self.dispatch);
                }
                self.shelf.set(Shelf {
                    store,
                    seen: Some(seen),
                    unavailable: None,
                    stranded: None,
                });
                Ok(value)
            }
            Err(CommitError::Edit(error)) => Err(Some(error)),
            Err(CommitError::Storage(error)) => {
                let quota = error == StorageError::Quota;
                self.dispatch.dispatch(Msg::Notify(Notice::NotSaved(error)));
                self.say(PanelStatus::NotSaved { quota });
                Err(None)
            }
            Err(CommitError::Unreadable(unreadable)) => {
                report_unreadable(&unreadable, &self.dispatch);
                self.shelf.set(Shelf {
                    stranded: Some(unreadable.raw.clone()),
                    seen: None,
                    ..(*self.shelf).clone()
                });
                self.say(PanelStatus::NotSaved { quota: false });
                Err(None)
            }
        }
    }
}

/// Puts what [`storage::load`] found on the shelf, with a notice when the stored text could
/// not be read.
fn apply_load(
    loaded: Loaded,
    shelf: &UseStateHandle<Shelf>,
    dispatch: &UseReducerDispatcher<AppState>,
) {
    match loaded {
        Loaded::Ready { store, seen } => shelf.set(Shelf {
            store,
            seen,
            unavailable: None,
            stranded: None,
        }),
        // The readable scenarios show; the others are kept aside, and the notice says where.
        Loaded::Partly {
            store,
            seen,
            unreadable,
        } => {
            match &unreadable.backup {
                Ok(key) => dispatch.dispatch(Msg::Notify(Notice::SetAside {
                    count: store.set_aside.len(),
                    error: unreadable.error.clone(),
                    key: key.clone(),
                    records: store.set_aside_json().unwrap_or_default(),
                })),
                Err(_) => report_unreadable(&unreadable, dispatch),
            }
            let kept = unreadable.backup.is_ok();
            shelf.set(Shelf {
                store,
                seen: kept.then_some(seen).flatten(),
                unavailable: None,
                stranded: (!kept).then_some(unreadable.raw),
            });
        }
        Loaded::Unreadable(unreadable) => {
            report_unreadable(&unreadable, dispatch);
            let kept = unreadable.backup.is_ok();
            shelf.set(Shelf {
                store: Store::default(),
                // Once the text is copied aside it may be written over; until then the next
                // edit must read (and try to copy) it again.
                seen: kept.then(|| unreadable.raw.clone()),
                unavailable: None,
                stranded: (!kept).then_some(unreadable.raw),
            });
        }
        Loaded::Unavailable(error) => shelf.set(Shelf {
            unavailable: Some(error),
            ..Shelf::default()
        }),
    }
}

/// A notice saying the stored scenarios could not be read, why, and where the text is kept.
fn report_unreadable(unreadable: &Unreadable, dispatch: &UseReducerDispatcher<AppState>) {
    dispatch.dispatch(Msg::Notify(Notice::StoreUnreadable {
        error: unreadable.error.clone(),
        backup: unreadable.backup.clone(),
    }));
}
