//! The few shapes the charts need, written straight into an SVG string in whole-pixel
//! coordinates, and the root element that makes the drawing accessible and scalable.
//!
//! The markup is the one plotters' SVG backend wrote when the charts were drawn through it
//! (same elements, attributes and order), without its generic drawing machinery and its
//! floating-point formatting, which cost the WebAssembly build tens of kilobytes. Every style
//! is a presentation attribute (`fill`, `stroke`, `font-size`…), never a `style=` attribute,
//! so the SVG passes a `style-src 'self'` policy; text and attribute values are escaped
//! (`< > & " '`; a test checks both).

use std::fmt::Write as _;

use crate::charts::palette::{self, RGBColor};
use crate::charts::text::escape_xml;
use crate::core::lang::Lang;

/// What a drawing step returns (writing into a `String` does not fail; the type keeps the
/// drawing code's `?` chains).
pub(crate) type Drawn = Result<(), std::fmt::Error>;

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

/// A drawing surface in px, origin top left, writing SVG elements into a string.
pub(crate) struct Canvas<'a> {
    /// The SVG body written so far.
    out: std::cell::RefCell<&'a mut String>,
}

/// A layout coordinate rounded to a whole pixel.
fn px(value: f64) -> i32 {
    value.round() as i32
}

/// `value` with at most `decimals` (1 to 3) decimals, trailing zeros dropped: `1`, `0.45`,
/// `11.5`. Integer arithmetic, so no floating-point formatting is linked in.
fn decimal(out: &mut String, value: f64, decimals: u32) {
    let scale = 10_i64.pow(decimals);
    let scaled = (value * scale as f64).round() as i64;
    if scaled < 0 {
        out.push('-');
    }
    let scaled = scaled.unsigned_abs();
    let (whole, mut fraction) = (scaled / scale as u64, scaled % scale as u64);
    let _ = write!(out, "{whole}");
    if fraction != 0 {
        out.push('.');
        let mut digit = scale as u64 / 10;
        while fraction != 0 && digit != 0 {
            out.push(char::from(b'0' + (fraction / digit) as u8));
            fraction %= digit;
            digit /= 10;
        }
    }
}

/// `colour` as plotters wrote it: `#RRGGBB`.
fn push_colour(out: &mut String, colour: RGBColor) {
    let _ = write!(out, "#{:02X}{:02X}{:02X}", colour.0, colour.1, colour.2);
}

/// `x,y x,y …` with a space after each point.
fn push_points(out: &mut String, points: impl Iterator<Item = (i32, i32)>) {
    for (x, y) in points {
        let _ = write!(out, "{x},{y} ");
    }
}

impl Canvas<'_> {
    /// Runs `write` on the SVG body.
    fn write(&self, write: impl FnOnce(&mut String)) -> Drawn {
        write(&mut self.out.borrow_mut());
        Ok(())
    }

    /// A rectangle from `(x0, y0)` to `(x1, y1)` in whole px, filled or outlined.
    fn rect_px(
        &self,
        (x0, y0): (i32, i32),
        (x1, y1): (i32, i32),
        colour: RGBColor,
        filled: bool,
    ) -> Drawn {
        self.write(|out| {
            let _ = write!(
                out,
                "<rect x=\"{x0}\" y=\"{y0}\" width=\"{}\" height=\"{}\" opacity=\"1\" fill=\"",
                x1 - x0,
                y1 - y0
            );
            if filled {
                push_colour(out, colour);
                out.push_str("\" stroke=\"none\"/>\n");
            } else {
                out.push_str("none\" stroke=\"");
                push_colour(out, colour);
                out.push_str("\"/>\n");
            }
        })
    }

    /// A filled rectangle from `(x0, y0)` to `(x1, y1)`.
    pub fn rect(&self, x0: f64, y0: f64, x1: f64, y1: f64, colour: RGBColor) -> Drawn {
        let (a, b) = ((px(x0), px(y0)), (px(x1), px(y1)));
        if a.0 >= b.0 || a.1 >= b.1 {
            return Ok(());
        }
        self.rect_px(a, b, colour, true)
    }

    /// A hatched rectangle: a one-pixel outline and diagonal lines `spacing` px apart, drawn
    /// as one outline and one zig-zag line so a bar costs two SVG elements.
    pub fn hatched(&self, x0: f64, y0: f64, x1: f64, y1: f64, colour: RGBColor) -> Drawn {
        let (x0, y0, x1, y1) = (px(x0), px(y0), px(x1), px(y1));
        if x0 >= x1 || y0 >= y1 {
            return Ok(());
        }
        self.rect_px((x0, y0), (x1, y1), colour, false)?;
        let points = hatch_points(x0, y0, x1, y1, 4);
        if points.len() > 1 {
            self.polyline(points.into_iter(), colour, 1.0)?;
        }
        Ok(())
    }

    /// An open line through `points` in whole px.
    fn polyline(
        &self,
        points: impl Iterator<Item = (i32, i32)>,
        colour: RGBColor,
        opacity: f64,
    ) -> Drawn {
        self.write(|out| {
            out.push_str("<polyline fill=\"none\" opacity=\"");
            decimal(out, opacity, 3);
            out.push_str("\" stroke=\"");
            push_colour(out, colour);
            out.push_str("\" stroke-width=\"1\" points=\"");
            push_points(out, points);
            out.push_str("\"/>\n");
        })
    }

    /// A straight or broken line through `points`.
    pub fn line(&self, points: &[(f64, f64)], colour: RGBColor, opacity: f64) -> Drawn {
        self.polyline(
            points.iter().map(|(x, y)| (px(*x), px(*y))),
            colour,
            opacity,
        )
    }

    /// A filled polygon through `points`.
    pub fn polygon(&self, points: &[(f64, f64)], colour: RGBColor, opacity: f64) -> Drawn {
        self.write(|out| {
            out.push_str("<polygon opacity=\"");
            decimal(out, opacity, 3);
            out.push_str("\" fill=\"");
            push_colour(out, colour);
            out.push_str("\" points=\"");
            push_points(out, points.iter().map(|(x, y)| (px(*x), px(*y))));
            out.push_str("\"/>\n");
        })
    }

    /// `text` with its top at `y`, placed against `x` by `anchor`, escaped.
    pub fn text(&self, text: &str, x: f64, y: f64, anchor: Anchor, font: Font) -> Drawn {
        if text.is_empty() {
            return Ok(());
        }
        let anchor = match anchor {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        };
        self.write(|out| {
            let _ = write!(
                out,
                "<text x=\"{}\" y=\"{}\" dy=\"0.76em\" text-anchor=\"{anchor}\" \
                 font-family=\"sans-serif\" font-size=\"",
                px(x),
                px(y)
            );
            // Hundredths of a px at most, as plotters' output was rounded to.
            decimal(out, font.size, 2);
            out.push_str("\" opacity=\"1\" fill=\"");
            push_colour(out, font.colour);
            out.push('"');
            if font.bold {
                out.push_str(" font-weight=\"bold\"");
            }
            out.push_str(">\n");
            out.push_str(&escape_xml(text));
            out.push_str("\n</text>\n");
        })
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

/// Draws a `width` × `height` chart with `draw` and returns the finished SVG: white
/// background, `viewBox`, `width="100%"`, `role="img"`, and `<title>` and `<desc>` first.
pub(crate) fn render(
    width: u32,
    height: u32,
    labels: &Labels<'_>,
    draw: impl FnOnce(&Canvas<'_>) -> Drawn,
) -> String {
    let mut svg = accessible_root(width, height, labels);
    {
        let canvas = Canvas {
            out: std::cell::RefCell::new(&mut svg),
        };
        let size = (
            i32::try_from(width).unwrap_or(i32::MAX),
            i32::try_from(height).unwrap_or(i32::MAX),
        );
        // Writing into a `String` cannot fail.
        let _ = canvas
            .rect_px((0, 0), size, palette::BACKGROUND, true)
            .and_then(|()| draw(&canvas));
    }
    svg.push_str("</svg>\n");
    svg
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
         aria-labelledby=\"{id}-title {id}-desc\" lang=\"{lang}\" font-family=\"sans-serif\">\n\
         <title id=\"{id}-title\">{title}</title>\n<desc id=\"{id}-desc\">{desc}</desc>\n",
        lang = labels.lang.tag(),
        title = escape_xml(labels.title),
        desc = escape_xml(labels.description),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn escapes_text_and_writes_no_style_attribute() {
        let labels = Labels {
            lang: Lang::En,
            id_prefix: "t\"><x",
            title: "<b>&'\"",
            description: "</desc><script>",
        };
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
    fn font_sizes_come_out_round() {
        let labels = Labels {
            lang: Lang::En,
            id_prefix: "f",
            title: "",
            description: "",
        };
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
