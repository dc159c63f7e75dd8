//! A dataset written as a table in the layout of [`COLUMNS`], cell by cell from the list.

use super::columns::{COLUMNS, Column, Field};
use crate::csv::{BOM, Cell, write_record};
use crate::dataset::{Dataset, Localized, Stream};
use crate::lang::Lang;

/// The dataset as a table in this layout (UTF-8 with BOM, CRLF): every stream a row, kind and
/// agency names on every row, the programme's columns on the first row. Reading it back gives
/// the same dataset, except that kinds and agencies no stream uses are left out and kinds
/// come in the order streams first use them.
pub fn dataset_csv(dataset: &Dataset) -> String {
    let mut out = String::from(BOM);
    let header: Vec<Cell<'_>> = COLUMNS.iter().map(|c| Cell::Text(c.name)).collect();
    write_record(&mut out, &header);
    let empty = Localized::default();
    for (index, stream) in dataset.streams.iter().enumerate() {
        let row = Row {
            dataset,
            stream,
            first: index == 0,
            kind: dataset
                .kind_index(&stream.kind)
                .map_or(&empty, |k| &dataset.kinds[k].name),
            agency: dataset
                .agency_index(&stream.agency)
                .map_or(&empty, |a| &dataset.agencies[a].name),
        };
        let cells: Vec<Cell<'_>> = COLUMNS.iter().map(|c| row.cell(*c)).collect();
        write_record(&mut out, &cells);
    }
    out
}

/// One stream's row.
struct Row<'d> {
    dataset: &'d Dataset,
    stream: &'d Stream,
    /// The first row carries the programme's columns.
    first: bool,
    kind: &'d Localized,
    agency: &'d Localized,
}

impl<'d> Row<'d> {
    fn cell(&self, column: Column) -> Cell<'d> {
        let stream = self.stream;
        let units = stream.units.as_ref();
        let text = |l: &'d Localized| {
            let text = match column.lang.unwrap_or_default() {
                Lang::ZhHans => &l.zh_hans,
                Lang::ZhHant => &l.zh_hant,
                Lang::En => &l.en,
            };
            Cell::Text(text.as_deref().unwrap_or(""))
        };
        let programme = |cell: Cell<'d>| if self.first { cell } else { Cell::Empty };
        let source = &self.dataset.source;
        match column.field {
            Field::Id => Cell::Text(&stream.id),
            Field::Name => text(&stream.name),
            Field::Kind => Cell::Text(&stream.kind),
            Field::KindName => text(self.kind),
            Field::Agency => Cell::Text(&stream.agency),
            Field::AgencyName => text(self.agency),
            Field::Amount => stream.amount.map_or(Cell::Empty, Cell::Int),
            Field::Status => Cell::Text(stream.status.key()),
            Field::Quote => Cell::Text(&stream.quote),
            Field::UnitsCount => units
                .and_then(|u| i64::try_from(u.count).ok())
                .map_or(Cell::Empty, Cell::Int),
            Field::UnitsLabel => units.map_or(Cell::Empty, |u| text(&u.label)),
            Field::UnitsQuote => units
                .and_then(|u| u.quote.as_deref())
                .map_or(Cell::Empty, Cell::Text),
            Field::Title => programme(text(&self.dataset.title)),
            Field::Summary => programme(text(&self.dataset.summary)),
            Field::SourceTitle => programme(text(&source.title)),
            Field::Publisher => programme(text(&source.publisher)),
            Field::SourceUrl => programme(source.url.as_deref().map_or(Cell::Empty, Cell::Text)),
            Field::Currency => programme(Cell::Text(&self.dataset.currency)),
        }
    }
}
