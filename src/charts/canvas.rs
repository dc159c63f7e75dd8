//! A thin layer over plotters' SVG backend: pixel-coordinate drawing of the few shapes the
//! charts need, and the post-processing that makes plotters' output accessible and scalable.
//! The one shape plotters has no element for, a band with curved edges, is written as SVG
//! paths beside plotters' output ([`Canvas::band`]).
//!
//! Only plotters elements that draw without measuring text are used (no `ChartBuilder`, whose
//! axis labels are measured through the DOM on wasm32). Plotters writes every style as a
//! presentation attribute (`fill`, `stroke`, `font-size`…), never a `style=` attribute, so the
//! SVG passes a `style-src 'self'` policy; it escapes `< > & " '` in text and attributes (a test
//! checks both).

use std::cell::RefCell;
use std::fmt::Write;

use plotters::coord::Shift;
use plotters::drawing::{DrawingArea, DrawingAreaErrorKind, IntoDrawingArea};
use plotters::element::{PathElement, Rectangle, Text};
use plotters::prelude::SVGBackend;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{Color, FontDesc, FontFamily, FontStyle, RGBColor, ShapeStyle};

use crate::charts::palette;
use crate::charts::text::escape_xml;
use crate::core::lang::Lang;

/// What a drawing step returns.
pub(crate) type Drawn = Result<(), DrawingAreaErrorKind<std::io::Error>>;

/// How a text is placed against its point.
#[derive(Clone, Copy)]
pub(crate) enum Anchor {
    /// The point is the left end of the text.
    Start,
    /// The point is the middle of the text.
    Middle,
    /// The point is the right end of the text.
    End,
}

/// A text's look.
#[derive(Clone, Copy)]
pub(crate) struct Font {
    /// Size in px.
    pub size: f64,
    /// Colour.
    pub colour: RGBColor,
    /// Bold or regular.
    pub bold: bool,
}

impl Font {
    /// Regular text of `size` px in the main text colour.
    pub fn regular(size: f64) -> Font {
        Font {
            size,
            colour: palette::TEXT,
            bold: false,
        }
    }

    /// The same font in the muted text colour.
    pub fn muted(self) -> Font {
        Font {
            colour: palette::TEXT_MUTED,
            ..self
        }
    }

    /// The same font in bold.
    pub fn bold(self) -> Font {
        Font { bold: true, ..self }
    }
}

/// A drawing surface in px, origin top left.
pub(crate) struct Canvas<'a> {
    /// Plotters' drawing area over the SVG backend.
    area: DrawingArea<SVGBackend<'a>, Shift>,
    /// What plotters has no element for (curved bands), as SVG markup: it goes under
    /// everything plotters draws.
    underlay: RefCell<String>,
}

/// A layout coordinate rounded to a whole pixel.
fn px(value: f64) -> i32 {
    value.round() as i32
}

impl Canvas<'_> {
    /// A filled rectangle from `(x0, y0)` to `(x1, y1)`.
    pub fn rect(&self, x0: f64, y0: f64, x1: f64, y1: f64, colour: RGBColor) -> Drawn {
        let (a, b) = ((px(x0), px(y0)), (px(x1), px(y1)));
        if a.0 >= b.0 || a.1 >= b.1 {
            return Ok(());
        }
        self.area.draw(&Rectangle::new([a, b], colour.filled()))
    }

    /// A hatched rectangle: a one-pixel outline and diagonal lines `spacing` px apart, drawn
    /// as one outline and one zig-zag line so a bar costs two SVG elements.
    pub fn hatched(&self, x0: f64, y0: f64, x1: f64, y1: f64, colour: RGBColor) -> Drawn {
        let (x0, y0, x1, y1) = (px(x0), px(y0), px(x1), px(y1));
        if x0 >= x1 || y0 >= y1 {
            return Ok(());
        }
        self.area.draw(&Rectangle::new(
            [(x0, y0), (x1, y1)],
            colour.stroke_width(1),
        ))?;
        let points = hatch_points(x0, y0, x1, y1, 4);
        if points.len() > 1 {
            self.area
                .draw(&PathElement::new(points, colour.stroke_width(1)))?;
        }
        Ok(())
    }

    /// A straight or broken line through `points`.
    pub fn line(&self, points: &[(f64, f64)], colour: RGBColor, opacity: f64) -> Drawn {
        let points: Vec<(i32, i32)> = points.iter().map(|(x, y)| (px(*x), px(*y))).collect();
        let style = ShapeStyle {
            color: colour.mix(opacity),
            filled: false,
            stroke_width: 1,
        };
        self.area.draw(&PathElement::new(points, style))
    }

    /// A band `thickness` px thick from the vertical edge at `from` (x, top) to the one at
    /// `to`, filled at `fill_opacity`, its top and bottom edges drawn at `edge_opacity`. Both
    /// edges are S-curves that leave and arrive horizontally: cubic Béziers with both control
    /// points at the middle x. Plotters draws straight segments only: as a polygon the two
    /// curves took some fifty points and were still approximations; as paths they are exact
    /// and take eight.
    pub fn band(
        &self,
        from: (f64, f64),
        to: (f64, f64),
        thickness: f64,
        colour: RGBColor,
        fill_opacity: f64,
        edge_opacity: f64,
    ) {
        let (x0, x1, mid) = (px(from.0), px(to.0), px((from.0 + to.0) / 2.0));
        let (top0, top1) = (px(from.1), px(to.1));
        let (bottom0, bottom1) = (px(from.1 + thickness), px(to.1 + thickness));
        let top = format!("M{x0} {top0}C{mid} {top0} {mid} {top1} {x1} {top1}");
        let bottom = format!("{x1} {bottom1}C{mid} {bottom1} {mid} {bottom0} {x0} {bottom0}");
        let colour = palette::hex(colour);
        let _ = write!(
            self.underlay.borrow_mut(),
            "<path d=\"{top}L{bottom}Z\" opacity=\"{fill_opacity}\" fill=\"{colour}\" stroke=\"none\"/>\n\
             <path d=\"{top}M{bottom}\" opacity=\"{edge_opacity}\" fill=\"none\" stroke=\"{colour}\"/>\n"
        );
    }

    /// `text` with its top at `y`, placed against `x` by `anchor`. Plotters escapes it.
    pub fn text(&self, text: &str, x: f64, y: f64, anchor: Anchor, font: Font) -> Drawn {
        if text.is_empty() {
            return Ok(());
        }
        let h = match anchor {
            Anchor::Start => HPos::Left,
            Anchor::Middle => HPos::Center,
            Anchor::End => HPos::Right,
        };
        let style = if font.bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        };
        // Plotters writes font-size as size / 1.24 (its em-to-px ratio); `tidy_font_sizes`
        // rounds away the floating-point noise this leaves (13.000000000000002).
        let desc = FontDesc::new(FontFamily::SansSerif, font.size * 1.24, style);
        let style = desc.color(&font.colour).pos(Pos::new(h, VPos::Top));
        self.area.draw(&Text::new(text, (px(x), px(y)), style))
    }
}

/// The points of a zig-zag that draws 45° hatching inside a rectangle, its turns running
/// along the rectangle's border (where the outline covers them).
fn hatch_points(x0: i32, y0: i32, x1: i32, y1: i32, spacing: i32) -> Vec<(i32, i32)> {
    let mut points = Vec::new();
    let mut c = x0 + y0 + spacing;
    let mut upward = true;
    while c < x1 + y1 {
        // The line x + y = c inside the rectangle.
        let lo_x = x0.max(c - y1);
        let hi_x = x1.min(c - y0);
        if lo_x < hi_x {
            let lo = (lo_x, c - lo_x);
            let hi = (hi_x, c - hi_x);
            let (from, to) = if upward { (lo, hi) } else { (hi, lo) };
            if let Some(&(px, py)) = points.last() {
                // Travel along the border: round the corner if the two ends are on
                // different sides.
                if upward && px == x0 && py < y1 && from.1 == y1 && from.0 > x0 {
                    points.push((x0, y1));
                }
                if !upward && py == y0 && px < x1 && from.0 == x1 && from.1 > y0 {
                    points.push((x1, y0));
                }
            }
            points.push(from);
            points.push(to);
            upward = !upward;
        }
        c += spacing;
    }
    points
}

/// The chart's accessible name and description, and where its ids come from.
pub(crate) struct Labels<'a> {
    /// The language of the chart's text.
    pub lang: Lang,
    /// Prefix of the `<title>` and `<desc>` ids; unique per chart on a page.
    pub id_prefix: &'a str,
    /// The chart's title.
    pub title: &'a str,
    /// What the chart shows, with its main figures.
    pub description: &'a str,
}

/// Draws a `width` × `height` chart with `draw` and returns the finished SVG: `viewBox`,
/// `width="100%"`, `role="img"`, `<title>` and `<desc>` first, then a white background.
/// Should plotters fail (writing to a `String` does not), the SVG keeps its title and
/// description and loses the drawing.
pub(crate) fn render(
    width: u32,
    height: u32,
    labels: &Labels<'_>,
    draw: impl FnOnce(&Canvas<'_>) -> Drawn,
) -> String {
    let mut raw = String::new();
    let (drawn, underlay) = {
        let area = SVGBackend::with_string(&mut raw, (width, height)).into_drawing_area();
        let canvas = Canvas {
            area,
            underlay: RefCell::new(String::new()),
        };
        let result = draw(&canvas).and_then(|()| canvas.area.present());
        (result.is_ok(), canvas.underlay.into_inner())
    };
    let mut svg = accessible_root(width, height, labels);
    let _ = writeln!(
        svg,
        "<rect x=\"0\" y=\"0\" width=\"{width}\" height=\"{height}\" fill=\"{}\" stroke=\"none\"/>",
        palette::hex(palette::BACKGROUND)
    );
    if drawn {
        svg.push_str(&underlay);
        svg.push_str(&tidy_font_sizes(body_of(&raw)));
    } else {
        svg.push_str("</svg>\n");
    }
    svg
}

/// `svg` with every `font-size` rounded to hundredths of a px.
fn tidy_font_sizes(svg: &str) -> String {
    const KEY: &str = "font-size=\"";
    let mut out = String::with_capacity(svg.len());
    let mut rest = svg;
    while let Some(at) = rest.find(KEY) {
        let value_start = at + KEY.len();
        out.push_str(&rest[..value_start]);
        let after = &rest[value_start..];
        let end = after.find('"').unwrap_or(after.len());
        match round_hundredths(&after[..end]) {
            Some(rounded) => out.push_str(&rounded),
            None => out.push_str(&after[..end]),
        }
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

/// A decimal as plotters writes a font size (`13.000000000000002`: digits, a point, digits)
/// rounded half up to hundredths, trailing zeros dropped (`13`, `11.5`, `10.48`); `None` for
/// anything else. Worked on the digits: parsing it as an `f64` would link the standard
/// library's decimal-to-float tables (10 KB) into the WebAssembly build for this alone. (Float
/// formatting could round a written `…5` in the thousandths down, as the float may lie just
/// below it; font sizes, whole or half px give or take the float noise, never end that way.)
fn round_hundredths(value: &str) -> Option<String> {
    let (whole, fraction) = value.split_once('.').unwrap_or((value, ""));
    let digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || whole.len() > 15 || !digits(whole) || !digits(fraction) {
        return None;
    }
    let digit = |i: usize| {
        fraction
            .as_bytes()
            .get(i)
            .map_or(0, |b| u64::from(b - b'0'))
    };
    let mut hundredths = whole.parse::<u64>().ok()? * 100 + digit(0) * 10 + digit(1);
    if digit(2) >= 5 {
        hundredths += 1;
    }
    let (units, cents) = (hundredths / 100, hundredths % 100);
    Some(match cents {
        0 => format!("{units}"),
        c if c % 10 == 0 => format!("{units}.{}", c / 10),
        c => format!("{units}.{c:02}"),
    })
}

/// Everything after plotters' root `<svg …>` tag (its closing tag included).
fn body_of(raw: &str) -> &str {
    raw.find("<svg")
        .and_then(|start| raw[start..].find('>').map(|end| start + end + 1))
        .map_or("</svg>\n", |end| raw[end..].trim_start_matches('\n'))
}

/// An id prefix reduced to letters, digits, `-` and `_` (never empty).
pub(crate) fn safe_id(prefix: &str) -> String {
    let id: String = prefix
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .take(64)
        .collect();
    if id.is_empty() {
        "chart".to_owned()
    } else {
        id
    }
}

/// The root tag that replaces plotters' one, followed by `<title>` and `<desc>`.
fn accessible_root(width: u32, height: u32, labels: &Labels<'_>) -> String {
    let id = safe_id(labels.id_prefix);
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" \
         width=\"100%\" preserveAspectRatio=\"xMidYMin meet\" role=\"img\" \
         aria-labelledby=\"{id}-title\" aria-describedby=\"{id}-desc\" lang=\"{lang}\" font-family=\"sans-serif\">\n\
         <title id=\"{id}-title\">{title}</title>\n<desc id=\"{id}-desc\">{desc}</desc>\n",
        lang = labels.lang.tag(),
        title = escape_xml(labels.title),
        desc = escape_xml(labels.description),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// English labels with these ids, title and description.
    fn english<'a>(id_prefix: &'a str, title: &'a str, description: &'a str) -> Labels<'a> {
        Labels {
            lang: Lang::En,
            id_prefix,
            title,
            description,
        }
    }

    #[test]
    fn a_band_is_two_s_curves_under_everything_else() {
        let labels = english("t", "T", "D");
        let svg = render(200, 100, &labels, |canvas| {
            canvas.rect(0.0, 0.0, 10.0, 10.0, palette::TEXT)?;
            canvas.band((10.0, 20.0), (110.0, 60.4), 5.0, palette::TEXT, 0.45, 0.8);
            Ok(())
        });
        let (fill, edges) = (
            "<path d=\"M10 20C60 20 60 60 110 60L110 65C60 65 60 25 10 25Z\" opacity=\"0.45\" \
             fill=\"#1A1A1A\" stroke=\"none\"/>",
            "<path d=\"M10 20C60 20 60 60 110 60M110 65C60 65 60 25 10 25\" opacity=\"0.8\" \
             fill=\"none\" stroke=\"#1A1A1A\"/>",
        );
        let (background, band, rect) = (
            svg.find("fill=\"#FFFFFF\"").expect("background"),
            svg.find(fill).expect("filled band"),
            svg.find("<rect x=\"0\" y=\"0\" width=\"10\"")
                .expect("rectangle"),
        );
        assert!(svg.contains(edges), "{svg}");
        assert!(background < band && band < rect, "{svg}");
    }

    #[test]
    fn hatch_stays_inside_its_rectangle() {
        let points = hatch_points(10, 20, 110, 30, 4);
        assert!(points.len() > 40);
        for (x, y) in &points {
            assert!((10..=110).contains(x) && (20..=30).contains(y), "{x},{y}");
        }
        // Every step runs along a 45° line or along the border.
        for pair in points.windows(2) {
            let ((ax, ay), (bx, by)) = (pair[0], pair[1]);
            let diagonal = (ax - bx).abs() == (ay - by).abs();
            let border =
                (ax == bx && (ax == 10 || ax == 110)) || (ay == by && (ay == 20 || ay == 30));
            assert!(diagonal || border, "{:?}", pair);
        }
    }

    #[test]
    fn plotters_escapes_text_and_writes_no_style_attribute() {
        let labels = english("t\"><x", "<b>&'\"", "</desc><script>");
        let svg = render(100, 50, &labels, |canvas| {
            canvas.text(
                "<script>alert('1')</script> & \"q\"",
                0.0,
                0.0,
                Anchor::Start,
                Font::regular(12.0),
            )
        });
        assert!(
            svg.contains("&lt;script&gt;alert(&apos;1&apos;)&lt;/script&gt; &amp; &quot;q&quot;")
        );
        assert!(!svg.contains("<script"));
        assert!(!svg.contains("<b>"));
        assert!(svg.contains("<title id=\"tx-title\">&lt;b&gt;&amp;&apos;&quot;</title>"));
        assert!(svg.contains("<desc id=\"tx-desc\">&lt;/desc&gt;&lt;script&gt;</desc>"));
        assert!(!svg.contains("style="));
        assert_eq!(svg.matches("<svg").count(), 1);
        assert!(svg.trim_end().ends_with("</svg>"));
    }

    #[test]
    fn rounds_font_sizes_as_float_formatting_did() {
        for value in [
            "13.000000000000002",
            "12.999999999999998",
            "10.483870967741936",
            "11.5",
            "12",
            "9.9951",
            "0.004",
            "100.1049",
        ] {
            let float: f64 = value.parse().expect("a number");
            let formatted = format!("{float:.2}");
            let expected = formatted.trim_end_matches('0').trim_end_matches('.');
            assert_eq!(
                round_hundredths(value).as_deref(),
                Some(expected),
                "{value}"
            );
        }
        assert_eq!(round_hundredths("12px"), None);
        assert_eq!(round_hundredths("-1"), None);
        assert_eq!(round_hundredths(""), None);
    }

    #[test]
    fn font_sizes_come_out_round() {
        let labels = english("f", "", "");
        let svg = render(100, 50, &labels, |canvas| {
            for size in [10.0, 11.0, 12.0, 13.0, 14.0, 15.0, 16.0] {
                canvas.text("x", 0.0, 0.0, Anchor::Start, Font::regular(size))?;
            }
            Ok(())
        });
        for size in ["10", "11", "12", "13", "14", "15", "16"] {
            assert!(
                svg.contains(&format!("font-size=\"{size}\"")),
                "{size}: {svg}"
            );
        }
    }
}
