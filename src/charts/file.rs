//! A chart as a file to paste into a document or a slide: the drawing under a visible title, a
//! line naming the scenario and the date (for figures that are not the built-in dataset, the
//! page header's line saying where they were read from) and the chart's basis line (what its
//! money counts besides money granted), over the source line, in an SVG of a fixed pixel size
//! (`width` and `height` as well as the `viewBox`), so that WPS, Word and PowerPoint place it at
//! that size rather than at their default for a size-less image. The PNG download is the
//! browser's rendering of this same SVG.

use std::fmt::Write as _;

use crate::charts::text::{escape_xml, fit_styled, wrap};
use crate::charts::{ChartSvg, message, palette};
use crate::core::dataset::Dataset;
use crate::core::export::Day;
use crate::core::lang::Lang;

/// Margin around the file's texts (px).
const PAD: f64 = 24.0;
/// The title's size (px).
const TITLE_SIZE: f64 = 20.0;
/// The size of the scenario line and the source line (px).
const LINE_SIZE: f64 = 13.0;
/// The most lines the source takes.
const SOURCE_LINES: usize = 2;
/// The most lines the data origin takes.
const ORIGIN_LINES: usize = 3;
/// The most lines the basis takes.
const BASIS_LINES: usize = 2;

/// What a chart file says about itself besides the chart's own title.
#[derive(Clone, Copy, Debug)]
pub struct FileCaption<'a> {
    /// The scenario's name.
    pub scenario: &'a str,
    /// The day the file is made.
    pub date: Day,
    /// The language of the words.
    pub lang: Lang,
    /// Where the figures were read from (a URL or a file's name) when they are not the
    /// built-in dataset: said above the chart, as the page header says it.
    pub origin: Option<&'a str>,
}

/// The source line of `dataset` in `lang`: `Source: Title — Publisher` (`资料来源：《标题》——
/// 发布单位` in Chinese), as the page header gives it; a county's own figures may name no
/// source, which is said, never made up.
pub fn source_line(dataset: &Dataset, lang: Lang) -> String {
    let source = &dataset.source;
    let title = source.title.get(lang);
    let publisher = source.publisher.get(lang);
    let cited = if title.is_empty() {
        crate::i18n::text(lang, "data.no-source")
    } else {
        crate::i18n::cited_title(lang, title)
    };
    let by = if publisher.is_empty() {
        String::new()
    } else {
        crate::i18n::fill(lang, "app.source-publisher", &[("publisher", publisher)])
    };
    format!("{}{cited}{by}", crate::i18n::text(lang, "app.source"))
}

/// A laid-out text line of the file.
struct Line {
    text: String,
    y: f64,
    size: f64,
    bold: bool,
    muted: bool,
}

/// A chart file: the SVG and its size in px.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChartFile {
    /// The SVG document, `width`, `height` and `viewBox` in px.
    pub svg: String,
    /// Its width (px).
    pub width: u32,
    /// Its height (px).
    pub height: u32,
}

/// `chart` as a stand-alone SVG file with a visible title, the scenario and date, the source
/// line of `dataset`, and the basis lines given (what the chart's money counts besides money
/// granted, as the view says it under the chart's title: none, one, or one per scenario of a
/// comparison) above the chart and in the file's description; its pixel size is the chart's
/// plus the captions'.
pub fn chart_file(
    chart: &ChartSvg,
    dataset: &Dataset,
    caption: FileCaption<'_>,
    bases: &[&str],
) -> ChartFile {
    let width = f64::from(chart.width);
    let room = width - 2.0 * PAD;
    let lang = caption.lang;
    let clean = |text: &str| crate::charts::text::clean(text);
    let scenario = message(
        lang,
        "charts.file-scenario",
        &[
            ("name", &clean(caption.scenario)),
            ("date", &caption.date.to_string()),
        ],
    );
    let mut lines = vec![
        Line {
            text: fit_styled(&clean(&chart.title), room, TITLE_SIZE, true),
            y: PAD + TITLE_SIZE,
            size: TITLE_SIZE,
            bold: true,
            muted: false,
        },
        Line {
            text: fit_styled(&scenario, room, LINE_SIZE, false),
            y: PAD + TITLE_SIZE + 8.0 + LINE_SIZE,
            size: LINE_SIZE,
            bold: false,
            muted: true,
        },
    ];
    let mut above = PAD + TITLE_SIZE + 8.0 + LINE_SIZE;
    if let Some(origin) = caption.origin {
        let note = crate::i18n::text(lang, "header.data-origin");
        // Full-width punctuation is its own gap; English wants a space.
        let gap = if note.ends_with('：') { "" } else { " " };
        let said = format!("{note}{gap}{}", clean(origin));
        for text in wrap(&said, room, LINE_SIZE, true, ORIGIN_LINES) {
            above += LINE_SIZE + 5.0;
            lines.push(Line {
                text,
                y: above,
                size: LINE_SIZE,
                bold: true,
                muted: false,
            });
        }
    }
    for basis in bases {
        for text in wrap(&clean(basis), room, LINE_SIZE, false, BASIS_LINES) {
            above += LINE_SIZE + 5.0;
            lines.push(Line {
                text,
                y: above,
                size: LINE_SIZE,
                bold: false,
                muted: false,
            });
        }
    }
    let chart_top = (above + 16.0).round();
    let mut y = chart_top + f64::from(chart.height) + 8.0;
    for text in wrap(
        &clean(&source_line(dataset, lang)),
        room,
        LINE_SIZE,
        false,
        SOURCE_LINES,
    ) {
        y += LINE_SIZE + 5.0;
        lines.push(Line {
            text,
            y,
            size: LINE_SIZE,
            bold: false,
            muted: true,
        });
    }
    let height = (y + PAD).ceil() as u32;
    // The description read out for the file says the basis too; Chinese needs no space.
    let mut description = chart.description.clone();
    if !bases.is_empty() && !description.ends_with('。') {
        description.push(' ');
    }
    description.push_str(&bases.join(&message(lang, "charts.sep", &[])));

    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{height}\" \
         viewBox=\"0 0 {w} {height}\" role=\"img\" aria-labelledby=\"file-title\" \
         aria-describedby=\"file-desc\" \
         lang=\"{tag}\" font-family=\"sans-serif\">\n\
         <title id=\"file-title\">{title}</title>\n<desc id=\"file-desc\">{desc}</desc>\n\
         <rect x=\"0\" y=\"0\" width=\"{w}\" height=\"{height}\" fill=\"{bg}\" stroke=\"none\"/>\n",
        w = chart.width,
        tag = lang.tag(),
        title = escape_xml(&chart.title),
        desc = escape_xml(&description),
        bg = palette::hex(palette::BACKGROUND),
    );
    for line in &lines {
        let colour = if line.muted {
            palette::TEXT_MUTED
        } else {
            palette::TEXT
        };
        let _ = writeln!(
            svg,
            "<text x=\"{PAD}\" y=\"{y}\" font-size=\"{size}\"{weight} fill=\"{fill}\">{text}</text>",
            y = line.y,
            size = line.size,
            weight = if line.bold {
                " font-weight=\"bold\""
            } else {
                ""
            },
            fill = palette::hex(colour),
            text = escape_xml(&line.text),
        );
    }
    let _ = write!(
        svg,
        "<svg x=\"0\" y=\"{chart_top}\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\">\n{body}",
        w = chart.width,
        h = chart.height,
        body = drawing_of(&chart.svg),
    );
    svg.push_str("</svg>\n");
    ChartFile {
        svg,
        width: chart.width,
        height,
    }
}

/// The chart's drawing: what follows its root tag, `<title>` and `<desc>` (the file has its
/// own), closing tag included.
fn drawing_of(svg: &str) -> &str {
    let after_root = svg
        .find("<svg")
        .and_then(|start| svg[start..].find('>').map(|end| start + end + 1))
        .map_or("</svg>\n", |end| &svg[end..]);
    after_root
        .find("</desc>")
        .map_or(after_root, |end| &after_root[end + "</desc>".len()..])
        .trim_start_matches('\n')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::{kind_shares, stream_bars};
    use crate::core::scenario::Scenario;
    use crate::core::totals::Totals;
    use crate::core::validate::parse_dataset;

    fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
        let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
        tag[start..].split('"').next()
    }

    #[test]
    fn a_file_has_a_pixel_size_a_visible_title_the_scenario_date_and_source() {
        let dataset = parse_dataset(crate::MUCHUAN_JSON.as_bytes())
            .expect("valid")
            .dataset;
        let scenario = Scenario::baseline(&dataset);
        let totals = Totals::compute(&dataset, &scenario);
        let caption = FileCaption {
            scenario: "<Meeting & co>",
            date: Day {
                year: 2026,
                month: 12,
                day: 6,
            },
            lang: Lang::En,
            origin: None,
        };
        for chart in [
            stream_bars(&dataset, &scenario, &totals, Lang::En, 800, "f"),
            kind_shares(&dataset, &scenario, &totals, Lang::En, 800, "f"),
        ] {
            let made = chart_file(&chart, &dataset, caption, &[]);
            let file = made.svg;
            let root = &file[..file.find('>').expect("a root tag")];
            let height: u32 = attribute(root, "height")
                .and_then(|h| h.parse().ok())
                .expect("a height");
            assert_eq!(attribute(root, "width"), Some("800"));
            assert!(height > chart.height + 60, "captions add height: {height}");
            assert_eq!((made.width, made.height), (800, height));
            assert_eq!(
                attribute(root, "viewBox"),
                Some(format!("0 0 800 {height}").as_str())
            );
            let visible = |text: &str| file.contains(&format!(">{text}</text>"));
            assert!(visible(&escape_xml(&chart.title)), "{}", chart.title);
            assert!(visible("Scenario: &lt;Meeting &amp; co&gt; · 2026-12-06"));
            assert!(
                file.contains(">Source: Leshan: building the “Returning Geese"),
                "the source line"
            );
            assert_eq!(file.matches("<title").count(), 1, "one title: the file's");
            assert_eq!(file.matches("<svg").count(), 2);
            assert_eq!(file.matches("</svg>").count(), 2);
            assert!(file.contains(&format!(
                "<svg x=\"0\" y=\"81\" width=\"800\" height=\"{}\" viewBox=\"0 0 800 {}\">",
                chart.height, chart.height
            )));
        }
    }

    #[test]
    fn the_chinese_source_line_puts_the_title_in_book_title_marks() {
        let dataset = parse_dataset(crate::MUCHUAN_JSON.as_bytes())
            .expect("valid")
            .dataset;
        assert_eq!(
            source_line(&dataset, Lang::ZhHans),
            "资料来源：《乐山：着力打造“归雁兴嘉”返乡创业品牌》——乐山市就业服务管理局"
        );
        assert_eq!(
            source_line(&dataset, Lang::ZhHant),
            "資料來源：《樂山：著力打造“歸雁興嘉”返鄉創業品牌》——樂山市就業服務管理局"
        );
        assert_eq!(
            source_line(&dataset, Lang::En),
            format!(
                "Source: {} — {}",
                dataset.source.title.get(Lang::En),
                dataset.source.publisher.get(Lang::En)
            )
        );
    }

    #[test]
    fn a_county_table_without_a_source_says_so_in_its_files() {
        let table = "项目名称,主管部门,类别,金额（万元）,状态\n贷款,人社局,贷款,273,已落实\n";
        let dataset = crate::core::csv_import::parse_csv(table.as_bytes())
            .expect("loads")
            .dataset;
        assert_eq!(source_line(&dataset, Lang::ZhHans), "资料来源：未注明来源");
    }

    #[test]
    fn figures_not_built_in_say_where_they_were_read_from_above_the_chart() {
        let dataset = parse_dataset(crate::MUCHUAN_JSON.as_bytes())
            .expect("valid")
            .dataset;
        let scenario = Scenario::baseline(&dataset);
        let totals = Totals::compute(&dataset, &scenario);
        let chart = stream_bars(&dataset, &scenario, &totals, Lang::En, 800, "f");
        let caption = FileCaption {
            scenario: "Meeting",
            date: Day {
                year: 2026,
                month: 12,
                day: 6,
            },
            lang: Lang::En,
            origin: None,
        };
        let built_in = chart_file(&chart, &dataset, caption, &[]);
        assert!(!built_in.svg.contains("not the explorer"));
        let origin = "https://example.gov.cn/data/mabian.json?a=1&b=<2>";
        let loaded = chart_file(
            &chart,
            &dataset,
            FileCaption {
                origin: Some(origin),
                ..caption
            },
            &[],
        );
        let file = &loaded.svg;
        let line = file
            .lines()
            .find(|l| l.contains("not the explorer"))
            .expect("the origin line");
        assert!(line.contains("font-weight=\"bold\""), "{line}");
        assert!(
            file.contains("mabian.json?a=1&amp;b=&lt;2&gt;"),
            "the source named, escaped"
        );
        // Above the chart, which moves down by the line; the file grows as much.
        let chart_at = file.find("<svg x=\"0\"").expect("the chart");
        assert!(file.find("not the explorer").expect("said") < chart_at);
        assert!(loaded.height > built_in.height);
        assert!(!file.contains("<svg x=\"0\" y=\"81\""));
    }
}
