use super::*;
use crate::csv::read;
use crate::scenario::Action;
use crate::share_link::tests::{actions, dataset as random_dataset, muchuan};
use proptest::prelude::*;

/// Words that name each value by its typed value: the real ones are the i18n layer's.
struct Plain(Lang);

impl CsvWords for Plain {
    fn lang(&self) -> Lang {
        self.0
    }
    fn about(&self, about: About) -> String {
        format!("{about:?}")
    }
    fn mode(&self, mode: BalanceMode) -> String {
        format!("{mode:?}")
    }
    fn counts_sought(&self, counted: bool) -> String {
        format!("counted {counted}")
    }
    fn heading(&self, column: Column, unit: Unit) -> String {
        format!("{column:?} {unit:?}")
    }
    fn status(&self, status: Status) -> String {
        status.key().to_owned()
    }
    fn outcome(&self, outcome: Outcome) -> String {
        format!("{outcome:?}")
    }
    fn totals(&self, unit: Unit) -> String {
        format!("Totals {unit:?}")
    }
    fn total(&self, label: TotalLabel<'_>) -> String {
        match label {
            TotalLabel::Kind(name) => format!("Kind {name}"),
            other => format!("{other:?}"),
        }
    }
}

const ABOUT: CsvAbout<'static> = CsvAbout {
    name: "Training base refused",
    date: Day {
        year: 2026,
        month: 12,
        day: 6,
    },
    origin: None,
};

fn apply_all(dataset: &Dataset, actions: &[Action]) -> Scenario {
    actions
        .iter()
        .fold(Scenario::baseline(dataset), |scenario, action| {
            scenario.apply(dataset, action.clone()).unwrap_or(scenario)
        })
}

/// The issue's case: the training-base bid assumed not granted, the loans lowered.
fn refused(dataset: &Dataset) -> Scenario {
    let at = |id: &str| dataset.stream_index(id).expect("stream exists");
    apply_all(
        dataset,
        &[
            Action::SetAmount {
                stream: at("guaranteed-loans"),
                amount: 2_230_000,
            },
            Action::SetOutcome {
                stream: at("training-base"),
                outcome: Outcome::Refused,
            },
        ],
    )
}

/// A number cell as a spreadsheet reads it, in ten-thousandths (exact for yuan and 万元);
/// `None` for an empty or text cell.
fn number(cell: &str) -> Option<i128> {
    let (negative, digits) = match cell.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, cell),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    if whole.is_empty()
        || fraction.len() > 4
        || !(whole.to_owned() + fraction)
            .bytes()
            .all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let value =
        whole.parse::<i128>().ok()? * 10_000 + format!("{fraction:0<4}").parse::<i128>().ok()?;
    Some(if negative { -value } else { value })
}

/// The file's blocks (runs of records between blank rows), each a list of rows of cells.
fn blocks(csv: &str) -> Vec<Vec<Vec<String>>> {
    let records = read(csv.trim_start_matches('\u{FEFF}')).expect("valid CSV");
    let mut blocks = vec![Vec::new()];
    for record in records {
        if record.cells.iter().all(String::is_empty) {
            blocks.push(Vec::new());
        } else if let Some(last) = blocks.last_mut() {
            last.push(record.cells);
        }
    }
    blocks
}

/// Checks every total row of `csv` against a SUM of its stream rows, column by column, as a
/// spreadsheet would; returns how many total cells were checked.
fn check_reconciles(csv: &str, wan: bool) -> usize {
    let blocks = blocks(csv);
    assert_eq!(
        blocks.len(),
        if wan { 4 } else { 3 },
        "about, streams, totals"
    );
    let streams = &blocks[1];
    let header = &streams[0];
    let column = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name}"))
    };
    let rows = &streams[1..];
    let mut checked = 0;
    for (block, unit) in blocks[2..].iter().zip(["Yuan", "Wan"]) {
        assert_eq!(block[0][0], format!("Totals {unit}"));
        for total in &block[1..] {
            let label = total[0].as_str();
            let member = |row: &&Vec<String>| match label {
                "All" => true,
                "Granted" => row[column("Status Yuan")] != "sought",
                "Sought" => row[column("Status Yuan")] == "sought",
                kind => Some(row[column("Kind Yuan")].as_str()) == kind.strip_prefix("Kind "),
            };
            for (index, heading) in block[0].iter().enumerate().take(6).skip(1) {
                // A SUM in the stream table's column of the same heading; the 万元 block's
                // Granted and Sought columns have no 万元 twin there: sum the yuan ones.
                let name = if header.contains(heading) {
                    heading.clone()
                } else {
                    heading.replace("Wan", "Yuan")
                };
                let scale = if header.contains(heading) { 1 } else { 10_000 };
                let values: Vec<i128> = rows
                    .iter()
                    .filter(member)
                    .filter_map(|row| number(&row[column(&name)]))
                    .collect();
                // A kind none of whose rows states an amount has none either (not a zero).
                let unstated = label.starts_with("Kind ") && values.is_empty();
                let sum = (!unstated).then(|| values.iter().sum::<i128>());
                assert_eq!(
                    number(&total[index]).map(|n| n * scale),
                    sum,
                    "{label} / {heading}: the total against the SUM of its rows"
                );
                checked += 1;
            }
            assert!(
                total[6..].iter().all(String::is_empty),
                "no total in the stream amount columns: {total:?}"
            );
        }
    }
    checked
}

#[test]
fn every_total_is_the_sum_of_its_stream_rows() {
    let dataset = muchuan();
    let scenario = refused(&dataset);
    for (lang, wan) in [
        (Lang::En, false),
        (Lang::ZhHans, true),
        (Lang::ZhHant, true),
    ] {
        let csv = scenario_csv(&dataset, &scenario, ABOUT, &Plain(lang)).expect("fits");
        // 3 groups + 4 kinds, 5 figures each, once in yuan and once more in 万元.
        let rows = 3 + dataset.kinds.len();
        assert_eq!(
            check_reconciles(&csv, wan),
            rows * 5 * if wan { 2 } else { 1 }
        );
    }
}

#[test]
fn the_issues_case_reads_as_the_screen_counts_it() {
    let dataset = muchuan();
    let csv = scenario_csv(&dataset, &refused(&dataset), ABOUT, &Plain(Lang::En)).expect("fits");
    assert!(csv.starts_with('\u{FEFF}'));
    assert!(!csv.replace("\r\n", "").contains('\n'));
    let lines: Vec<&str> = csv
        .trim_start_matches('\u{FEFF}')
        .split_terminator("\r\n")
        .collect();
    assert_eq!(lines[0], "Scenario,Training base refused,,,,,,,,,,,,");
    assert_eq!(lines[1], "Date,2026-12-06,,,,,,,,,,,,");
    assert!(
        lines[2].starts_with("Dataset,Muchuan County"),
        "{}",
        lines[2]
    );
    assert_eq!(lines[3], "Mode,Free,,,,,,,,,,,,");
    assert_eq!(lines[4], "Sought,counted true,,,,,,,,,,,,");
    assert_eq!(lines[5], ",,,,,,,,,,,,,");
    assert_eq!(
        lines[6],
        "Id Yuan,Name Yuan,Kind Yuan,Agency Yuan,Status Yuan,Outcome Yuan,Baseline Yuan,\
         Planned Yuan,Counted Yuan,Granted Yuan,Sought Yuan,Delta Yuan,Share Yuan,Note Yuan"
    );
    assert_eq!(
        lines[7],
        "guaranteed-loans,Entrepreneurship guaranteed loans,Loans,\
         Human Resources & Social Security (city bureau),secured,,\
         2730000,2230000,2230000,2230000,0,-500000,12.9,"
    );
    let training = lines
        .iter()
        .find(|l| l.starts_with("training-base,"))
        .expect("row");
    assert!(
        training.ends_with(",sought,Refused,20000000,20000000,0,0,0,0,0.0,"),
        "planned kept, nothing counted: {training}"
    );
    let totals_at = lines
        .iter()
        .position(|l| l.starts_with("Totals Yuan,"))
        .expect("a totals block");
    let total = |label: &str| {
        lines[totals_at..]
            .iter()
            .find(|l| l.starts_with(&format!("{label},")))
            .copied()
            .unwrap_or_else(|| panic!("no {label} row"))
    };
    // The issue's numbers: planned 20,300,000 sought in the source, 300,000 of it counted.
    assert_eq!(
        total("Sought"),
        "Sought,20300000,20300000,300000,0,300000,,,,,,,,"
    );
    assert_eq!(
        total("Granted"),
        "Granted,17580000,17080000,17080000,17080000,0,,,,,,,,"
    );
    assert_eq!(
        total("All"),
        "All,37880000,37380000,17380000,17080000,300000,,,,,,,,"
    );
    let totals = Totals::compute(&dataset, &refused(&dataset));
    assert_eq!(
        totals.grand(),
        17_380_000,
        "the counted total is the screen's"
    );
}

#[test]
fn each_stream_row_ends_with_its_note_neutralised() {
    let dataset = muchuan();
    let loans = dataset
        .stream_index("guaranteed-loans")
        .expect("stream exists");
    let noted = refused(&dataset)
        .apply(
            &dataset,
            Action::SetNote {
                stream: loans,
                note: "=担保费率下调, 风险可控".into(),
            },
        )
        .expect("a short note is kept");
    let csv = scenario_csv(&dataset, &noted, ABOUT, &Plain(Lang::En)).expect("fits");
    let blocks = blocks(&csv);
    assert_eq!(blocks[1][0].last().map(String::as_str), Some("Note Yuan"));
    assert_eq!(
        blocks[1][1 + loans].last().map(String::as_str),
        Some("'=担保费率下调, 风险可控")
    );
    let mut others = blocks[1][1..]
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != loans);
    assert!(others.all(|(_, row)| row.last().is_some_and(String::is_empty)));
}

#[test]
fn chinese_files_give_wan_beside_yuan() {
    let dataset = muchuan();
    let csv =
        scenario_csv(&dataset, &refused(&dataset), ABOUT, &Plain(Lang::ZhHans)).expect("fits");
    let blocks = blocks(&csv);
    let loans = &blocks[1][1];
    assert_eq!(loans.len(), 17);
    assert_eq!(&loans[13..16], ["273", "223", "223"]);
    assert_eq!(blocks[3][0][1], "Baseline Wan");
    assert_eq!(blocks[3][1][1..6], ["3788", "3738", "1738", "1708", "30"]);
}

#[test]
fn text_is_neutralised_and_numbers_stay_numbers() {
    let mut dataset = muchuan();
    dataset.streams[0].name.en = Some("=HYPERLINK(\"http://x\",\"y\")".into());
    dataset.streams[1].name.en = Some("-1, or @me".into());
    let about = CsvAbout {
        name: "+cmd",
        ..ABOUT
    };
    let csv = scenario_csv(&dataset, &refused(&dataset), about, &Plain(Lang::En)).expect("fits");
    let records = read(csv.trim_start_matches('\u{FEFF}')).expect("valid");
    assert_eq!(records[0].cells[1], "'+cmd");
    assert_eq!(records[7].cells[1], "'=HYPERLINK(\"http://x\",\"y\")");
    assert_eq!(records[8].cells[1], "'-1, or @me");
    assert_eq!(
        records[7].cells[11], "-500000",
        "a negative change stays a number"
    );
    let mut smaller = muchuan();
    smaller.streams.pop();
    assert!(
        scenario_csv(
            &dataset,
            &Scenario::baseline(&smaller),
            ABOUT,
            &Plain(Lang::En)
        )
        .is_none()
    );
}

#[test]
fn figures_not_built_in_name_their_origin_in_a_line_of_their_own() {
    let dataset = muchuan();
    let lines = |about: CsvAbout<'_>| -> Vec<Vec<String>> {
        let csv =
            scenario_csv(&dataset, &refused(&dataset), about, &Plain(Lang::En)).expect("fits");
        read(csv.trim_start_matches('\u{FEFF}'))
            .expect("valid")
            .into_iter()
            .map(|r| r.cells)
            .collect()
    };
    let built_in = lines(ABOUT);
    assert!(built_in.iter().all(|cells| cells[0] != "Origin"));
    let loaded = lines(CsvAbout {
        origin: Some("https://example.gov.cn/data/mabian.json"),
        ..ABOUT
    });
    assert_eq!(
        loaded[3][..2],
        ["Origin", "https://example.gov.cn/data/mabian.json"]
    );
    assert_eq!(loaded[2][0], "Dataset");
    assert_eq!(loaded[4][0], "Mode");
    // One row more above the table, and the rest of the file unchanged.
    assert_eq!(loaded.len(), built_in.len() + 1);
    assert_eq!(loaded[4..], built_in[3..]);
}

proptest! {
    #[test]
    fn random_scenarios_reconcile((dataset, actions) in random_dataset().prop_flat_map(|d| {
        let n = d.streams.len();
        (Just(d), actions(n))
    })) {
        let scenario = apply_all(&dataset, &actions);
        for (lang, wan) in [(Lang::En, false), (Lang::ZhHant, true)] {
            let csv = scenario_csv(&dataset, &scenario, ABOUT, &Plain(lang)).expect("fits");
            check_reconciles(&csv, wan);
            let grand = blocks(&csv)[2][1][3].clone();
            prop_assert_eq!(number(&grand), Some(i128::from(Totals::compute(&dataset, &scenario).grand()) * 10_000));
        }
    }
}
