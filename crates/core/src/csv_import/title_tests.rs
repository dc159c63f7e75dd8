//! A county table's title: its own, else its file's name without the extension.

use super::*;
use crate::lang::Lang;

const SIMPLE: &str =
    "项目名称,主管部门,类别,金额（万元）,状态\n创业担保贷款,县人社局,贷款,273,已落实\n";

fn simple() -> crate::dataset::Dataset {
    parse_csv(SIMPLE.as_bytes()).expect("loads").dataset
}

#[test]
fn a_table_without_a_title_is_called_after_its_file_without_the_extension() {
    assert_eq!(
        simple().title.resolve(Lang::ZhHans),
        None,
        "the table names none"
    );
    for file in ["马边县.csv", "马边县.CSV", "马边县"] {
        let dataset = named(simple(), file);
        assert_eq!(dataset.title.get(Lang::ZhHans), "马边县", "{file}");
        // Every language shows it, by the fallback.
        assert_eq!(dataset.title.get(Lang::En), "马边县", "{file}");
    }
    // Only the last extension goes.
    assert_eq!(
        named(simple(), "马边县 2026.1.csv").title.get(Lang::ZhHans),
        "马边县 2026.1"
    );
    // A name that is all extension gives no title rather than an empty one.
    assert_eq!(named(simple(), ".csv").title.resolve(Lang::ZhHans), None);
    assert_eq!(named(simple(), "").title.resolve(Lang::ZhHans), None);
}

#[test]
fn a_table_with_a_title_keeps_it() {
    let template = include_str!("../../../../data/template.csv");
    let dataset = parse_csv(template.as_bytes()).expect("loads").dataset;
    let dataset = named(dataset, "马边县.csv");
    assert_eq!(dataset.title.get(Lang::ZhHans), "示例县返乡创业资金");
}

#[test]
fn a_linked_table_is_called_after_the_file_its_address_names() {
    for (address, name) in [
        ("county/马边县.csv", "马边县.csv"),
        // As copied from a browser's address bar.
        (
            "https://data.example.gov.cn/%E9%A9%AC%E8%BE%B9%E5%8E%BF.csv?v=2#top",
            "马边县.csv",
        ),
        ("马边县.csv", "马边县.csv"),
        // Escapes that are broken or not UTF-8 stay as written.
        ("data/a%zz.csv", "a%zz.csv"),
        ("data/%FF.csv", "%FF.csv"),
        ("data/a%2", "a%2"),
        ("data/", ""),
    ] {
        assert_eq!(file_name(address), name, "{address}");
    }
    let linked = named(
        simple(),
        &file_name("county/%E9%A9%AC%E8%BE%B9%E5%8E%BF.csv"),
    );
    assert_eq!(linked.title.get(Lang::ZhHans), "马边县");
}
