//! Where the figures come from: load another county's dataset from a file or pasted rows,
//! reopen the one kept in this browser, and download the templates and the schema.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::core::bundle::{Bundle, BundledScenario, read_bundle};
use crate::core::csv_import::{
    Blanks, CsvDataset, CsvProblem, CsvProblemKind, CsvReport, named, parse_csv_with,
    parse_pasted_with,
};
use crate::core::data_tag::{DataTag, digest};
use crate::core::dataset::Dataset;
use crate::core::kept::{KeptDataset, KeptFormat};
use crate::core::saved::Store;
use crate::core::scenario::Scenario;
use crate::core::validate::{MAX_BYTES, Problem, ProblemKind, Severity, parse_dataset};
use crate::i18n::{fill, text};
use crate::model::state::{AppState, DatasetProblem, DatasetRef, Msg, Notice};
use crate::ui::data_templates::DataTemplates;
use crate::ui::headings::{Heading, Rank};
use crate::ui::hooks::{use_dispatch, use_inactive, use_lang};
use crate::ui::kept_data::{Kept, KeptData, built_in, keep, recall, reopen_next};
use crate::ui::load_problems::LoadProblems;
use crate::ui::paste_box::PasteBox;
use crate::ui::status_line::StatusLine;
use crate::ui::table_notes::{NotesKind, TableNotes};
use crate::web::files::{decode_legacy, read_file, take_picked};
use crate::web::storage::{self, CommitError};
use crate::web::timer::{Timeout, after_paint};

/// Props of [`DataSource`].
#[derive(Properties, PartialEq)]
pub struct DataSourceProps {
    /// Where the downloadable files (template, schema) are, ending in `/`.
    pub asset_base: AttrValue,
    /// The data shown: when it changes, the button that changed it is kept in view.
    pub dataset: DatasetRef,
}

/// A dataset read, with what to say of how its table was read: the blanks it filled below
/// merged cells (each run, to be checked), the title and total rows it left out.
type Read = Result<(Dataset, Vec<CsvProblem>), Vec<DatasetProblem>>;

/// Reads a dataset file: CSV when its name ends in `.csv`, JSON otherwise.
pub fn read_dataset(name: &str, bytes: &[u8]) -> Read {
    if name.to_ascii_lowercase().ends_with(".csv") {
        from_table(parse_csv_with(bytes, Blanks::AsWritten), name)
    } else {
        parse_dataset(bytes)
            .map(|read| (read.dataset, Vec::new()))
            .map_err(|report| {
                report
                    .problems
                    .into_iter()
                    .map(DatasetProblem::Json)
                    .collect()
            })
    }
}

/// A dataset read from a table (a CSV file or pasted rows) named `name`. Of its warnings, the
/// blanks it filled, the rows it left out and the status words it showed in others are said;
/// its missing translations show where they are used.
fn from_table(read: Result<CsvDataset, CsvReport>, name: &str) -> Read {
    read.map(|read| {
        let filled = read
            .warnings
            .into_iter()
            .filter(|w| {
                matches!(
                    w.kind,
                    CsvProblemKind::FilledDown { .. }
                        | CsvProblemKind::TitleRow { .. }
                        | CsvProblemKind::UnitFromTitle { .. }
                        | CsvProblemKind::TotalRow { .. }
                        | CsvProblemKind::StatusWords { .. }
                )
            })
            .collect();
        (named(read.dataset, name), filled)
    })
    .map_err(|report| {
        report
            .problems
            .into_iter()
            .map(DatasetProblem::Csv)
            .collect()
    })
}

/// A table's text as read, with how its blanks were read: what a load keeps in the browser,
/// and what a refused table is read again from when its blanks are filled.
#[derive(Clone, PartialEq)]
struct Source {
    format: KeptFormat,
    text: String,
    blanks: Blanks,
}

/// The record that keeps a loaded file (or pasted table) in the browser.
fn kept_record(name: &str, source: Source) -> KeptDataset {
    KeptDataset {
        name: name.to_owned(),
        loaded_at: js_sys::Date::now(),
        format: source.format,
        text: source.text,
        blanks: source.blanks,
    }
}

/// What became of the last file chosen.
#[derive(Clone, PartialEq)]
enum LoadStatus {
    /// It is the data shown now.
    Loaded {
        /// The file's name.
        name: String,
        /// How many funding streams it has.
        streams: usize,
        /// For a file that carried scenarios too: how many it carried, and how many are now
        /// among the saved scenarios.
        bundled: Option<(usize, usize)>,
        /// The blanks filled below merged cells, each run located, to be checked.
        filled: Vec<CsvProblem>,
        /// The rows left out (titles, totals) and a unit taken from a title, each located.
        notes: Vec<CsvProblem>,
    },
    /// The kept file (its name) or the built-in data (`None`) was opened again, with this
    /// many streams: the last file's outcome no longer applies.
    Opened(Option<String>, usize),
    /// It could not be read at all (the notice at the top says so); the data shown stays.
    NotLoaded(String),
    /// The kept file of this name was removed from the browser; the built-in data shows.
    Removed(String),
    /// It was read and has problems, listed beside the button; the data shown stays.
    Refused {
        /// The file's name.
        name: String,
        /// Every problem found.
        problems: Vec<DatasetProblem>,
        /// The table, when its blanks look like merged cells: it can be read again with them
        /// filled.
        fillable: Option<Source>,
    },
}

/// What reading the file or pasted rows `name` came to: the message for the app state and
/// what to say beside the button. A file that holds the built-in figures loads them as the
/// built-in data, not as a file.
fn outcome(name: String, read: Read, source: Option<Source>) -> (Msg, LoadStatus) {
    match read {
        Ok((dataset, said)) => {
            let (filled, notes) = said
                .into_iter()
                .partition(|w| matches!(w.kind, CsvProblemKind::FilledDown { .. }));
            let scenario = Scenario::baseline(&dataset);
            let streams = dataset.streams.len();
            let msg = match built_in().filter(|built_in| **built_in == dataset) {
                Some(built_in) => Msg::LoadDataset(built_in, scenario, None),
                None => Msg::LoadDataset(Rc::new(dataset), scenario, Some(name.clone())),
            };
            (
                msg,
                LoadStatus::Loaded {
                    name,
                    streams,
                    bundled: None,
                    filled,
                    notes,
                },
            )
        }
        Err(problems) => {
            let errors = problems.iter().filter(|p| p.is_error()).count();
            let origin = name.clone();
            let merged = problems.iter().any(|p| {
                matches!(p, DatasetProblem::Csv(p) if matches!(p.kind, CsvProblemKind::MergedCellsLikely { .. }))
            });
            let fillable = source.filter(|s| merged && s.blanks == Blanks::AsWritten);
            (
                Msg::Notify(Notice::FileRefused { origin, errors }),
                LoadStatus::Refused {
                    name,
                    problems,
                    fillable,
                },
            )
        }
    }
}

/// What a load changes: the app state, what is said beside the button, the browser's copy.
#[derive(Clone)]
struct Loader {
    dispatch: UseReducerDispatcher<AppState>,
    status: UseStateHandle<Option<LoadStatus>>,
    /// Whether the last file was read as GB18030 rather than UTF-8.
    encoding: UseStateHandle<bool>,
    kept: UseStateHandle<Kept>,
}

impl Loader {
    /// Shows what reading `name` came to; a dataset that loaded is kept in the browser as
    /// its `source`, to be read again the same way.
    fn finish(&self, name: String, read: Read, source: Option<Source>, gb18030: bool) {
        self.encoding.set(gb18030);
        match (&read, &source) {
            (Ok((dataset, _)), _) if built_in().is_some_and(|built_in| *built_in == *dataset) => {
                reopen_next("no");
            }
            (Ok(_), Some(source)) => keep(kept_record(&name, source.clone()), self.kept.clone()),
            _ => {}
        }
        let (msg, said) = outcome(name, read, source);
        self.status.set(Some(said));
        self.dispatch.dispatch(msg);
    }

    /// Reads a picked file: JSON, or CSV in UTF-8 or (as a spreadsheet's plain "CSV" on a
    /// Chinese computer is) GBK, which the browser decodes.
    fn pick(self, file: web_sys::File) {
        let name = file.name();
        // Too large is known from the size, before reading megabytes into memory.
        if file.size() > MAX_BYTES as f64 {
            let problem = Problem {
                severity: Severity::Error,
                path: String::new(),
                position: None,
                kind: ProblemKind::TooLarge {
                    bytes: file.size() as usize,
                },
            };
            self.finish(name, Err(vec![DatasetProblem::Json(problem)]), None, false);
            return;
        }
        wasm_bindgen_futures::spawn_local(async move {
            let Some(bytes) = read_file(&file).await else {
                self.encoding.set(false);
                self.status.set(Some(LoadStatus::NotLoaded(name.clone())));
                self.dispatch
                    .dispatch(Msg::Notify(Notice::FileUnreadable { file: name }));
                return;
            };
            let csv = name.to_ascii_lowercase().ends_with(".csv");
            let decoded = csv.then(|| decode_legacy(&bytes)).flatten();
            let gb18030 = decoded.is_some();
            let bytes = decoded.map_or(bytes, String::into_bytes);
            if !csv && let Some(bundle) = read_bundle(&bytes, js_sys::Date::now()) {
                self.open_bundle(name, bundle);
                return;
            }
            let read = read_dataset(&name, &bytes);
            let format = if csv {
                KeptFormat::Csv
            } else {
                KeptFormat::Json
            };
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let blanks = Blanks::AsWritten;
            self.finish(
                name,
                read,
                Some(Source {
                    format,
                    text,
                    blanks,
                }),
                gb18030,
            );
        });
    }
}

impl Loader {
    /// Reads a refused table again with its blanks below merged cells filled.
    fn fill_down(&self, name: String, source: &Source) {
        let text = &source.text;
        let read = match source.format {
            KeptFormat::Pasted => parse_pasted_with(text, Blanks::FilledDown),
            _ => parse_csv_with(text.as_bytes(), Blanks::FilledDown),
        };
        let read = from_table(read, &name);
        let source = Source {
            blanks: Blanks::FilledDown,
            ..source.clone()
        };
        self.finish(name, read, Some(source), *self.encoding);
    }

    /// Loads the dataset a bundle file carries (kept in the browser like a file loaded) and
    /// adds its scenarios to the saved ones; a broken bundle, or a broken dataset in it, is
    /// listed beside the button as a file's problems are.
    fn open_bundle(self, file: String, bundle: Result<Bundle, Problem>) {
        let Bundle { dataset, scenarios } = match bundle {
            Ok(bundle) => bundle,
            Err(problem) => {
                self.finish(file, Err(vec![DatasetProblem::Json(problem)]), None, false);
                return;
            }
        };
        let read = read_kept(&dataset);
        let Ok((loaded, _)) = &read else {
            self.finish(file, read, None, false);
            return;
        };
        let tag = match built_in() {
            Some(built_in) => DataTag::of(loaded, &dataset.name, &built_in),
            None => DataTag::Loaded {
                name: dataset.name.clone(),
                digest: digest(loaded),
            },
        };
        let (added, failure) = add_bundled(&scenarios, &tag);
        if let Some(notice) = failure {
            self.dispatch.dispatch(Msg::Notify(notice));
        }
        let streams = loaded.streams.len();
        let name = dataset.name.clone();
        if tag == DataTag::BuiltIn {
            // The built-in figures: shown as such, not kept as a loaded file.
            if let Some(built_in) = built_in() {
                let scenario = Scenario::baseline(&built_in);
                self.dispatch
                    .dispatch(Msg::LoadDataset(built_in, scenario, None));
                reopen_next("no");
            }
        } else {
            let source = Source {
                format: dataset.format,
                text: dataset.text,
                blanks: dataset.blanks,
            };
            self.finish(name.clone(), read, Some(source), false);
        }
        self.status.set(Some(LoadStatus::Loaded {
            name,
            streams,
            bundled: Some((scenarios.len(), added)),
            filled: Vec::new(),
            notes: Vec::new(),
        }));
    }
}

/// A dataset as a bundle carries it, read as the file it was loaded from is.
fn read_kept(kept: &KeptDataset) -> Read {
    match kept.format {
        KeptFormat::Json => parse_dataset(kept.text.as_bytes())
            .map(|read| (named(read.dataset, &kept.name), Vec::new()))
            .map_err(|report| {
                report
                    .problems
                    .into_iter()
                    .map(DatasetProblem::Json)
                    .collect()
            }),
        KeptFormat::Csv => from_table(
            parse_csv_with(kept.text.as_bytes(), kept.blanks),
            &kept.name,
        ),
        KeptFormat::Pasted => from_table(parse_pasted_with(&kept.text, kept.blanks), &kept.name),
    }
}

/// Adds a bundle's scenarios of the dataset `tag` to the saved ones (those already saved are
/// counted, not added twice; the store takes as many as it has room for): how many are now
/// saved, and a notice when the browser's storage refused.
fn add_bundled(scenarios: &[BundledScenario], tag: &DataTag) -> (usize, Option<Notice>) {
    let committed = storage::commit(&Store::default(), None, |store| {
        let mut next = store.clone();
        let mut saved = 0;
        for scenario in scenarios {
            let present = next.scenarios.iter().any(|s| {
                s.name == scenario.name
                    && s.share == scenario.share
                    && s.data_tag().is_some_and(|d| d.same_data(tag))
            });
            if present {
                saved += 1;
            } else if let Ok((with, _)) =
                next.add_for(&scenario.name, scenario.saved_at, &scenario.share, tag)
            {
                next = with;
                saved += 1;
            }
        }
        Ok((next, saved))
    });
    match committed {
        Ok(committed) => {
            storage::announce_change();
            let recovered = committed.recovered.map(|u| Notice::StoreUnreadable {
                error: u.error,
                backup: u.backup,
            });
            (committed.value, recovered)
        }
        Err(CommitError::Storage(error)) => (0, Some(Notice::NotSaved(error))),
        Err(CommitError::Unreadable(u)) => (
            0,
            Some(Notice::StoreUnreadable {
                error: u.error,
                backup: u.backup,
            }),
        ),
        // The edit above refuses nothing.
        Err(CommitError::Edit(_)) => (0, None),
    }
}

/// The "data" section: a file picker, a paste box, the data kept in this browser and the
/// downloads.
#[function_component(DataSource)]
pub fn data_source(props: &DataSourceProps) -> Html {
    let DataSourceProps {
        asset_base,
        dataset,
    } = props;
    let lang = use_lang();
    let inactive = use_inactive();
    let dispatch = use_dispatch();
    // What became of the last file or pasted table, said beside its button with every problem
    // found: the notice at the top of a long page only says how many.
    let status = use_state(|| None::<LoadStatus>);
    // Whether the last file was read as GB18030 rather than UTF-8, said with its outcome.
    let encoding = use_state(|| false);
    // The dataset kept in this browser, read once the panel is shown.
    let kept = use_state(|| Kept::None);
    {
        let kept = kept.clone();
        use_effect_with((), move |()| recall(kept));
    }
    let section = use_node_ref();
    use_focus_in_view(section.clone(), dataset.clone());
    // The kept file removed: no longer listed, and said (the built-in data shows).
    let on_removed = {
        let (kept, status, encoding) = (kept.clone(), status.clone(), encoding.clone());
        Callback::from(move |name: String| {
            kept.set(None);
            encoding.set(false);
            status.set(Some(LoadStatus::Removed(name)));
        })
    };
    // Other data opened from the list: said, and the last file's problems go.
    let on_opened = {
        let (status, encoding) = (status.clone(), encoding.clone());
        Callback::from(move |(name, streams): (Option<String>, usize)| {
            encoding.set(false);
            status.set(Some(LoadStatus::Opened(name, streams)));
        })
    };
    let loader = Loader {
        dispatch: dispatch.clone(),
        status: status.clone(),
        encoding: encoding.clone(),
        kept: kept.clone(),
    };
    let on_file = {
        let loader = loader.clone();
        Callback::from(move |event: Event| {
            if let Some(file) = take_picked(&event) {
                loader.clone().pick(file);
            }
        })
    };
    // A refused table whose blanks look merged, read again with them filled.
    let on_fill = {
        let (loader, status) = (loader.clone(), status.clone());
        Callback::from(move |()| {
            if let Some(LoadStatus::Refused {
                name,
                fillable: Some(source),
                ..
            }) = &*status
            {
                loader.fill_down(name.clone(), source);
            }
        })
    };
    // Pasted rows are read as a CSV file is, and said beside the same button.
    let on_paste = Callback::from(move |pasted: String| {
        let name = text(lang, "data.pasted-name");
        let read = from_table(parse_pasted_with(&pasted, Blanks::AsWritten), &name);
        let source = Source {
            format: KeptFormat::Pasted,
            text: pasted,
            blanks: Blanks::AsWritten,
        };
        loader.finish(name, read, Some(source), false);
    });
    html! {
        <section class="data-source" aria-labelledby="data-heading" ref={section}>
            <Heading rank={Rank::Section} id="data-heading">{ text(lang, "data.heading") }</Heading>
            <div class="file-line">
                // The field itself is hidden (its button and "no file chosen" speak the browser's
                // language, not the page's); its label, styled as a button, opens it.
                <input type="file" id="dataset-file" class="file-input"
                    accept=".json,.csv,application/json,text/csv"
                    aria-describedby="dataset-file-hint" onchange={on_file}
                    disabled={inactive} />
                <label for="dataset-file" class="button">{ text(lang, "data.load") }</label>
                <p class="hint" id="dataset-file-hint">{ text(lang, "data.load-hint") }</p>
            </div>
            <PasteBox on_load={on_paste} />
            <StatusLine class="panel-status" id="data-status">
                if *encoding {
                    { text(lang, "data.read-as-gb18030") }{ " " }
                }
                { match &*status {
                    Some(LoadStatus::Loaded { name, streams, bundled, .. }) => {
                        let loaded = fill(lang, "data.loaded", &[("name", name), ("count", &streams.to_string())]);
                        // Full-width punctuation is its own gap; English wants a space.
                        let gap = if loaded.ends_with('。') { "" } else { " " };
                        html! {
                            <>
                                { &loaded }
                                if let Some((carried, saved)) = bundled {
                                    { gap }{ fill(lang, "data.bundle-scenarios", &[("count", &carried.to_string()), ("saved", &saved.to_string())]) }
                                }
                            </>
                        }
                    }
                    Some(LoadStatus::Opened(name, streams)) => {
                        let name = name.clone().unwrap_or_else(|| text(lang, "data.built-in"));
                        html! { fill(lang, "data.loaded", &[("name", &name), ("count", &streams.to_string())]) }
                    }
                    Some(LoadStatus::NotLoaded(name)) => html! {
                        <span class="is-error">{ fill(lang, "data.not-loaded", &[("name", name)]) }</span>
                    },
                    Some(LoadStatus::Removed(name)) => html! {
                        { fill(lang, "data.kept-removed", &[("name", name), ("built_in", &text(lang, "data.built-in"))]) }
                    },
                    Some(LoadStatus::Refused { .. }) | None => html! {},
                } }
            </StatusLine>
            if let Some(LoadStatus::Loaded { filled, notes, .. }) = &*status {
                <TableNotes kind={NotesKind::Filled} notes={filled.clone()} focus=true />
                <TableNotes kind={NotesKind::Read} notes={notes.clone()} focus={filled.is_empty()} />
            }
            if let Some(LoadStatus::Refused { name, problems, fillable }) = &*status {
                <LoadProblems name={name.clone()} problems={problems.clone()}
                    on_fill={fillable.is_some().then(|| on_fill.clone())} />
            }
            <KeptData kept={(*kept).clone()} {on_removed} {on_opened} />
            <DataTemplates asset_base={asset_base.clone()} />
        </section>
    }
}

/// When `dataset` changes, scrolls the focused element into view if it is in `section`: the
/// button that switched the data stays where it was in the page, while the rows above it come
/// and go, so it would otherwise end up off the screen with the focus (in browsers without
/// scroll anchoring, Safari's). After the paint: the charts above redraw to their width first.
#[hook]
fn use_focus_in_view(section: NodeRef, dataset: DatasetRef) {
    let first = use_mut_ref(|| true);
    use_effect_with(dataset, move |_| {
        let pending = (!first.replace(false)).then(|| {
            // Charts that redraw late (a loaded machine) can move it again: looked at twice
            // more (scrolling to the nearest edge moves nothing when it is in view).
            let later = |millis| {
                let section = section.clone();
                Timeout::start(millis, move || reveal_focus(&section))
            };
            let (soon, last) = (later(300), later(1000));
            (after_paint(move || reveal_focus(&section)), soon, last)
        });
        move || drop(pending)
    });
}

/// Scrolls the focused element into view, if it is in `section`.
fn reveal_focus(section: &NodeRef) {
    let Some(section) = section.cast::<web_sys::Element>() else {
        return;
    };
    // In the custom element the focus is that of its shadow root.
    let root = section.get_root_node();
    let focused = match root.dyn_ref::<web_sys::ShadowRoot>() {
        Some(shadow) => shadow.active_element(),
        None => root
            .dyn_ref::<web_sys::Document>()
            .and_then(web_sys::Document::active_element),
    };
    if let Some(focused) = focused.filter(|f| section.contains(Some(f))) {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Nearest);
        focused.scroll_into_view_with_scroll_into_view_options(&options);
    }
}
