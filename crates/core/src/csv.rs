//! A small RFC 4180 CSV codec shared by the exports and the dataset reader.
//!
//! Writing: cells are separated by commas and records end in CRLF; a cell is enclosed in double
//! quotes when it holds a comma, a double quote, CR or LF, and a double quote inside is doubled.
//! Text cells are neutralised against formula injection first (see [`neutralise`]); numeric
//! cells are written by this code from integers, so they hold only digits, a leading minus and
//! (for percentages) one decimal point, and are never neutralised: a spreadsheet reads them as
//! numbers.
//!
//! Reading: the same syntax, with LF or a lone CR accepted as record ends too. A double quote
//! inside an unquoted cell, text after a closing quote and a quote left open are errors, each
//! located by row and column (both from 1, as a spreadsheet numbers them).

use std::borrow::Cow;

/// The UTF-8 byte-order mark, which tells spreadsheets the file is UTF-8.
pub const BOM: &str = "\u{FEFF}";

/// The characters that make a spreadsheet read a cell as a formula when they start it: the
/// ASCII ones OWASP lists, and their full-width forms, which some spreadsheets also accept.
pub const FORMULA_TRIGGERS: [char; 10] = ['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠'];

/// One cell of a record being written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cell<'a> {
    /// Text: neutralised, then quoted as needed.
    Text(&'a str),
    /// A whole number, written as plain digits with a leading minus when negative.
    Int(i64),
    /// Tenths written as a decimal with one digit after the point: `473` → `47.3`.
    Tenths(i64),
    /// Yuan written as 万元, exact, with no grouping: `22_300` → `2.23`.
    Wan(i64),
    /// Nothing.
    Empty,
}

/// Text that cannot start a formula: an apostrophe is put before text that starts with a
/// [`FORMULA_TRIGGERS`] character (`=1+1` → `'=1+1`), also after blanks and invisible
/// characters a spreadsheet may skip (` =1+1`, NBSP, U+3000, a line feed, U+FEFF, a zero-width
/// space), and before text that starts with apostrophes followed by one (`'=x` → `''=x`), so
/// that [`unneutralise`] undoes it exactly. Any other text is unchanged.
pub fn neutralise(text: &str) -> Cow<'_, str> {
    if starts_formula(text.trim_start_matches('\'')) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// Undoes [`neutralise`]: drops the apostrophe it added.
pub fn unneutralise(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if starts_formula(rest.trim_start_matches('\'')) => rest,
        _ => text,
    }
}

/// Whether `text` starts with a formula trigger, at once or after blanks and invisible
/// characters.
fn starts_formula(text: &str) -> bool {
    let invisible = |c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{180E}'
            )
    };
    text.starts_with(FORMULA_TRIGGERS)
        || text
            .trim_start_matches(invisible)
            .starts_with(FORMULA_TRIGGERS)
}

/// A cell as RFC 4180 writes it: quoted when it holds a comma, a quote, CR or LF.
pub fn quote(text: &str) -> Cow<'_, str> {
    if text.contains([',', '"', '\r', '\n']) {
        Cow::Owned(format!("\"{}\"", text.replace('"', "\"\"")))
    } else {
        Cow::Borrowed(text)
    }
}

/// Appends one record (cells and a CRLF) to `out`.
pub fn write_record(out: &mut String, cells: &[Cell<'_>]) {
    for (index, cell) in cells.iter().enumerate() {
        if index > 0 {
            out.push(',');
        }
        match cell {
            Cell::Text(text) => out.push_str(&quote(&neutralise(text))),
            Cell::Int(value) => out.push_str(&value.to_string()),
            Cell::Tenths(tenths) => {
                let sign = if *tenths < 0 { "-" } else { "" };
                let magnitude = tenths.unsigned_abs();
                out.push_str(&format!("{sign}{}.{}", magnitude / 10, magnitude % 10));
            }
            Cell::Wan(yuan) => {
                let sign = if *yuan < 0 { "-" } else { "" };
                let magnitude = yuan.unsigned_abs();
                out.push_str(&format!("{sign}{}", magnitude / 10_000));
                let fraction = format!("{:04}", magnitude % 10_000);
                let fraction = fraction.trim_end_matches('0');
                if !fraction.is_empty() {
                    out.push('.');
                    out.push_str(fraction);
                }
            }
            Cell::Empty => {}
        }
    }
    out.push_str("\r\n");
}

/// One record read, with the row a spreadsheet shows it on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    /// The record's number, from 1 (a quoted line break does not start a new row).
    pub row: usize,
    /// The cells as written, quotes removed.
    pub cells: Vec<String>,
}

/// What is wrong with the CSV text itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyntaxKind {
    /// A quoted cell whose closing quote never comes.
    UnterminatedQuote,
    /// A double quote inside a cell that does not start with one.
    StrayQuote,
    /// Text between a closing quote and the next comma or line end.
    TextAfterQuote,
}

/// A syntax error, located.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    /// The record's number, from 1.
    pub row: usize,
    /// The cell's number in the record, from 1.
    pub column: usize,
    /// What is wrong.
    pub kind: SyntaxKind,
}

/// Splits CSV text into records. A final line end does not make an empty record.
pub fn read(text: &str) -> Result<Vec<Record>, SyntaxError> {
    read_separated(text, ',')
}

/// Splits text whose cells are separated by `separator` (a tab for rows copied from a
/// spreadsheet), quoted as CSV is, into records.
pub fn read_separated(text: &str, separator: char) -> Result<Vec<Record>, SyntaxError> {
    #[derive(PartialEq)]
    enum State {
        StartOfCell,
        Unquoted,
        Quoted,
        AfterQuote,
    }
    let mut records = Vec::new();
    let mut cells: Vec<String> = Vec::new();
    let mut cell = String::new();
    let mut state = State::StartOfCell;
    let mut row = 1;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let error = |kind| SyntaxError {
            row,
            column: cells.len() + 1,
            kind,
        };
        match (&state, c) {
            (State::Quoted, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (State::Quoted, '"') => state = State::AfterQuote,
            (State::Quoted, c) => cell.push(c),
            (State::StartOfCell, '"') => state = State::Quoted,
            (State::Unquoted, '"') => return Err(error(SyntaxKind::StrayQuote)),
            (_, c) if c == separator => {
                cells.push(std::mem::take(&mut cell));
                state = State::StartOfCell;
            }
            (_, '\r' | '\n') => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                cells.push(std::mem::take(&mut cell));
                records.push(Record {
                    row,
                    cells: std::mem::take(&mut cells),
                });
                row += 1;
                state = State::StartOfCell;
            }
            (State::AfterQuote, _) => return Err(error(SyntaxKind::TextAfterQuote)),
            (_, c) => {
                cell.push(c);
                state = State::Unquoted;
            }
        }
    }
    match state {
        State::Quoted => Err(SyntaxError {
            row,
            column: cells.len() + 1,
            kind: SyntaxKind::UnterminatedQuote,
        }),
        State::StartOfCell if cells.is_empty() => Ok(records),
        _ => {
            cells.push(cell);
            records.push(Record { row, cells });
            Ok(records)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn cells(text: &str) -> Vec<Vec<String>> {
        read(text)
            .expect("valid CSV")
            .into_iter()
            .map(|r| r.cells)
            .collect()
    }

    #[test]
    fn reads_rfc_4180() {
        assert_eq!(cells("a,b\r\n1,2\r\n"), [["a", "b"], ["1", "2"]]);
        assert_eq!(cells("a,b\n1,2"), [["a", "b"], ["1", "2"]]);
        assert_eq!(cells("a,b\r1,2\r"), [["a", "b"], ["1", "2"]]);
        assert_eq!(
            cells("\"x, \"\"y\"\"\",\"line\r\nbreak\"\r\nz,\r\n"),
            [["x, \"y\"", "line\r\nbreak"], ["z", ""]]
        );
        assert_eq!(cells(",\n\"\",\"\"\n"), [["", ""], ["", ""]]);
        assert_eq!(cells("a\n\nb"), vec![vec!["a"], vec![""], vec!["b"]]);
        assert!(cells("").is_empty());
        let tabbed: Vec<Vec<String>> = read_separated("a\tb,c\r\n\"x\ty\"\t2\r\n", '\t')
            .expect("valid")
            .into_iter()
            .map(|r| r.cells)
            .collect();
        assert_eq!(
            tabbed,
            [["a", "b,c"], ["x\ty", "2"]],
            "rows copied from a spreadsheet"
        );
        let rows: Vec<usize> = read("\"a\nb\",c\nd\n")
            .expect("valid")
            .iter()
            .map(|r| r.row)
            .collect();
        assert_eq!(rows, [1, 2], "a quoted line break stays in its row");
    }

    #[test]
    fn locates_syntax_errors() {
        let at = |text: &str| read(text).err().map(|e| (e.row, e.column, e.kind));
        assert_eq!(
            at("a,b\nc,\"open"),
            Some((2, 2, SyntaxKind::UnterminatedQuote))
        );
        assert_eq!(at("a,5\" screen"), Some((1, 2, SyntaxKind::StrayQuote)));
        assert_eq!(at("\"a\"b,c"), Some((1, 1, SyntaxKind::TextAfterQuote)));
    }

    #[test]
    fn writes_quoted_neutralised_cells() {
        let mut out = String::new();
        write_record(
            &mut out,
            &[
                Cell::Text("=1+1"),
                Cell::Text("a,b"),
                Cell::Text("say \"hi\""),
                Cell::Int(-500_000),
                Cell::Tenths(473),
                Cell::Tenths(-5),
                Cell::Wan(22_300),
                Cell::Wan(-20_000_000),
                Cell::Empty,
                Cell::Text("-x, y"),
            ],
        );
        assert_eq!(
            out,
            "'=1+1,\"a,b\",\"say \"\"hi\"\"\",-500000,47.3,-0.5,2.23,-2000,,\"'-x, y\"\r\n"
        );
        assert_eq!(neutralise("＝SUM(A1)"), "'＝SUM(A1)");
        assert_eq!(neutralise("\tx"), "'\tx");
        assert_eq!(neutralise("plain"), "plain");
        assert_eq!(unneutralise("'=1+1"), "=1+1");
        assert_eq!(unneutralise("'quoted'"), "'quoted'");
        assert_eq!(neutralise("'=x"), "''=x");
        assert_eq!(unneutralise("''=x"), "'=x");
        // After blanks and invisible characters a spreadsheet may skip.
        for lead in [
            " ",
            "\u{A0}",
            "\u{3000}",
            "\n",
            "\u{FEFF}",
            "\u{200B}",
            " \u{200B} ",
        ] {
            for trigger in ["=1+1", "+1", "-1", "@SUM(A1)"] {
                let text = format!("{lead}{trigger}");
                assert_eq!(neutralise(&text), format!("'{text}"), "{text:?}");
                assert_eq!(unneutralise(&neutralise(&text)), text);
            }
        }
        assert_eq!(neutralise(" plain"), " plain");
        assert_eq!(neutralise("\u{3000}贷款"), "\u{3000}贷款");
    }

    proptest! {
        #[test]
        fn text_round_trips(rows in proptest::collection::vec(
            proptest::collection::vec("[a-z,\"\r\n =+'\u{4e00}-\u{4e10}]{0,8}", 1..5), 1..5)
        ) {
            let mut out = String::new();
            for row in &rows {
                let cells: Vec<Cell<'_>> = row.iter().map(|c| Cell::Text(c)).collect();
                write_record(&mut out, &cells);
            }
            let read_back: Vec<Vec<String>> = read(&out)
                .map_err(|e| TestCaseError::fail(format!("{e:?}")))?
                .into_iter()
                .map(|r| r.cells.iter().map(|c| unneutralise(c).to_owned()).collect())
                .collect();
            prop_assert_eq!(read_back, rows);
        }

        #[test]
        fn neutralising_is_undone(text in "['=+\\-@\t\ra-z]{0,6}") {
            let neutral = neutralise(&text);
            prop_assert_eq!(unneutralise(&neutral), text.as_str());
        }

        #[test]
        fn any_text_reads_or_errs(text in "\\PC{0,200}|[a\",\r\n]{0,40}") {
            let _ = read(&text);
        }
    }
}
