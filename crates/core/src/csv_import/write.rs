//! A dataset written as a table in the layout of [`COLUMNS`], cell by cell from the list.

use super::columns::{COLUMNS, Column, Field, SIMPLE, Simple, Unit};
use crate::csv::{BOM, Cell, write_record};
use crate::dataset::{Agency, Dataset, Kind, Localized, Stream};
use crate::lang::Lang;

/// The dataset as a table in this layout (UTF-8 with BOM, CRLF): every stream a row, kind and
/// agency names on every row, the programme's columns on the first row. Reading it back gives
/// the same dataset, except that kinds and agencies no stream uses are left out and kinds
/// come in the order streams first use them.
pub fn dataset_csv(dataset: &Dataset) -> String {
    let mut out = String::from(BOM);
    let header: Vec<Cell<'_>> = COLUMNS.iter().map(|c| Cell::Text(c.name)).collect();
    write_record(&mut out, &header);
    for (index, stream) in dataset.streams.iter().enumerate() {
        let row = Row {
            dataset,
            stream,
            first: index == 0,
            kind: dataset.kind_of(stream),
            agency: dataset.agency_of(stream),
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
    kind: Option<&'d Kind>,
    agency: Option<&'d Agency>,
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
            Field::Kind => Cell::Text(self.kind.map_or("", |k| &k.id)),
            Field::KindName => self.kind.map_or(Cell::Text(""), |k| text(&k.name)),
            Field::Agency => Cell::Text(self.agency.map_or("", |a| &a.id)),
            Field::AgencyName => self.agency.map_or(Cell::Text(""), |a| text(&a.name)),
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
            Field::Note => stream.note.as_deref().map_or(Cell::Empty, Cell::Text),
        }
    }
}

/// The simple template in Chinese (`zh-Hans`, `zh-Hant`) or English: the simple layout's
/// headers (amounts in 万元) and two example rows to write over. UTF-8 with BOM, CRLF.
pub fn simple_template(lang: Lang) -> String {
    let chinese = lang != Lang::En;
    let mut out = String::from(BOM);
    // The 元 amount column and the id column are alternatives the reader takes, not the
    // template's.
    let columns: Vec<Simple> = SIMPLE
        .into_iter()
        .filter(|s| s.field != Field::Id && !(s.field == Field::Amount && s.unit == Unit::Yuan))
        .collect();
    let header: Vec<Cell<'_>> = columns
        .iter()
        .map(|s| Cell::Text(if chinese { s.zh } else { s.en }))
        .collect();
    write_record(&mut out, &header);
    let rows: [[&str; 7]; 2] = if chinese {
        [
            ["创业担保贷款", "县人社局", "贷款", "273", "已落实", "", ""],
            [
                "公共实训基地建设",
                "县发改局",
                "培训",
                "2000",
                "正在争取",
                "",
                "",
            ],
        ]
    } else {
        [
            [
                "Guaranteed loans",
                "County HR bureau",
                "Loans",
                "273",
                "secured",
                "",
                "",
            ],
            [
                "Training base",
                "County development bureau",
                "Training",
                "2000",
                "sought",
                "",
                "",
            ],
        ]
    };
    for row in rows {
        let cells: Vec<Cell<'_>> = row.iter().map(|c| Cell::Text(c)).collect();
        write_record(&mut out, &cells);
    }
    out
}
